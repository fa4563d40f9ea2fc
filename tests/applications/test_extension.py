"""延期答复 (art 33): once, ≤20 working days (≤15 under 2008), approver with APPROVE_EXTENSION, notice."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.actions import do_extend, do_record_extension_notice
from gongkai.workdays.counting import add_working_days

D = dt.date


def test_it_extends_once_with_the_approver_recorded(register, hank, dora):
    application = register(received_on=D(2025, 9, 26))
    do_extend(
        application, actor=hank, days=20, approver=dora, reason="涉及多个部门", approved_on=D(2025, 10, 28)
    )
    application.refresh_from_db()
    assert application.due_on == add_working_days(D(2025, 9, 26), 40).due
    assert (application.extension_days, application.extension_approved_by) == (20, dora)
    assert application.extension_notified_on is None
    do_record_extension_notice(application, actor=hank, on=D(2025, 10, 29))
    application.refresh_from_db()
    assert application.extension_notified_on == D(2025, 10, 29)
    with pytest.raises(ValidationError) as exc:
        do_extend(application, actor=hank, days=5, approver=dora, reason="再延", approved_on=D(2025, 10, 29))
    assert "只能一次" in exc.value.message_dict["days"][0]


def test_it_caps_the_extension_by_the_rules(register, hank, dora):
    with pytest.raises(ValidationError) as exc:
        do_extend(register(received_on=D(2025, 9, 26)), actor=hank, days=21, approver=dora, reason="x")
    assert "1至20" in exc.value.message_dict["days"][0]
    old = register(received_on=D(2019, 5, 10))
    with pytest.raises(ValidationError) as exc:
        do_extend(old, actor=hank, days=16, approver=dora, reason="x", approved_on=D(2019, 5, 20))
    assert "1至15" in exc.value.message_dict["days"][0]


def test_it_needs_an_approver_holding_approve_extension(register, hank, alice):
    application = register(received_on=D(2025, 9, 26))
    for approver in (hank, alice, None):
        with pytest.raises(ValidationError) as exc:
            do_extend(
                application, actor=hank, days=10, approver=approver, reason="x", approved_on=D(2025, 10, 20)
            )
        assert "approver" in exc.value.message_dict


def test_it_refuses_an_extension_after_the_due_date(register, hank, dora):
    application = register(received_on=D(2025, 9, 26))  # due 2025-10-30
    with pytest.raises(ValidationError) as exc:
        do_extend(application, actor=hank, days=10, approver=dora, reason="x", approved_on=D(2025, 10, 31))
    assert "approved_on" in exc.value.message_dict


def test_it_records_the_notice_with_the_extension(register, hank, dora):
    application = register(received_on=D(2025, 9, 26))
    do_extend(
        application,
        actor=hank,
        days=10,
        approver=dora,
        reason="x",
        approved_on=D(2025, 10, 20),
        notified_on=D(2025, 10, 21),
    )
    assert application.events.filter(kind="extension_notified", on=D(2025, 10, 21)).exists()
