"""`gongkai check-deadlines`: marks overdue once, e-mails due-soon reminders once per due date."""

import datetime as dt

from django.core.management import call_command

from gongkai.applications.actions import do_assign
from gongkai.applications.deadlines import do_mark_overdue, do_send_due_soon_reminders
from tests.applications.conftest import SHANGHAI

D = dt.date


def at(time_machine, day):
    time_machine.move_to(dt.datetime.combine(day, dt.time(7), tzinfo=SHANGHAI), tick=False)


def test_it_marks_overdue_applications_once(register, time_machine):
    app = register(received_on=D(2025, 9, 26))  # due 2025-10-30
    assert do_mark_overdue(D(2025, 10, 30)) == []
    assert [a.pk for a in do_mark_overdue(D(2025, 10, 31))] == [app.pk]
    assert do_mark_overdue(D(2025, 11, 3)) == []
    app.refresh_from_db()
    assert app.overdue_marked_on == D(2025, 10, 31)
    assert app.events.filter(kind="overdue").count() == 1


def test_it_reminds_the_handler_by_mail_once_per_due_date(register, hank, mailoutbox):
    app = register(received_on=D(2025, 9, 26))
    do_assign(app, actor=hank, handler=hank)
    assert do_send_due_soon_reminders(D(2025, 10, 22)) == []  # 6 working days left
    assert len(do_send_due_soon_reminders(D(2025, 10, 23))) == 1  # 5 left
    assert do_send_due_soon_reminders(D(2025, 10, 24)) == []
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["hank@example.gov.cn"]
    assert app.tracking_code in message.subject and "2025-10-30" in message.subject
    assert "陈申请" not in message.body and "002X" not in message.body  # no applicant data in mail


def test_it_mails_every_handler_of_the_organ_when_unassigned(register, hank, mailoutbox):
    register(received_on=D(2025, 9, 26))
    do_send_due_soon_reminders(D(2025, 10, 28))
    assert [m.to for m in mailoutbox] == [["hank@example.gov.cn"]]


def test_it_runs_from_the_command_line(register, time_machine, mailoutbox, capsys):
    register(received_on=D(2025, 9, 26))
    at(time_machine, D(2025, 10, 27))
    call_command("check-deadlines")
    at(time_machine, D(2025, 10, 31))
    call_command("check_deadlines")
    out = capsys.readouterr().out
    assert "0 overdue, 1 reminded, 0 purged" in out
    assert "1 overdue, 0 reminded, 0 purged" in out
    assert len(mailoutbox) == 1
