"""The receipt date by channel (DOMAIN §1.2) and the first due date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.actions import do_confirm_receipt, do_register_application
from gongkai.applications.models import Application, Channel, Status
from tests.applications.conftest import SHANGHAI, person_data


def test_it_starts_in_person_applications_on_the_day_and_counts_20_working_days(register):
    application = register(received_on=dt.date(2025, 9, 26))
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == dt.date(2025, 9, 26)
    assert application.due_on == dt.date(2025, 10, 30)
    assert application.rules == "2019"
    assert application.calendar_confirmed
    assert application.events.filter(kind="started", on=dt.date(2025, 9, 26)).exists()


def test_it_applies_15_working_days_before_15_may_2019(register):
    application = register(received_on=dt.date(2019, 5, 10))  # Friday
    assert application.rules == "2008"
    assert application.due_on == dt.date(2019, 5, 31)
    assert application.correction_notice_due_on is None


def test_it_starts_signed_mail_on_the_signing_day(organ, hank):
    application = do_register_application(
        organ=organ,
        actor=hank,
        channel=Channel.SIGNED_MAIL,
        data=person_data(),
        submitted_on=dt.date(2025, 9, 22),
        signed_on=dt.date(2025, 9, 26),
    )
    assert application.received_on == dt.date(2025, 9, 26)
    assert application.due_on == dt.date(2025, 10, 30)


def test_it_needs_the_signing_day_for_signed_mail(organ, hank):
    with pytest.raises(ValidationError) as exc:
        do_register_application(organ=organ, actor=hank, channel=Channel.SIGNED_MAIL, data=person_data())
    assert "signed_on" in exc.value.message_dict
    assert not Application.objects.exists()


@pytest.mark.parametrize("channel", [Channel.ORDINARY_MAIL, Channel.FAX, Channel.EMAIL])
def test_it_starts_other_channels_on_the_confirmation_day(organ, hank, channel):
    application = do_register_application(
        organ=organ,
        actor=hank,
        channel=channel,
        data=person_data(),
        submitted_on=dt.date(2025, 9, 24),
        confirmed_on=dt.date(2025, 9, 26),
    )
    assert application.received_on == dt.date(2025, 9, 26)
    assert application.due_on == dt.date(2025, 10, 30)


def test_it_keeps_ordinary_mail_waiting_while_the_applicant_is_unreachable(organ, hank):
    application = do_register_application(
        organ=organ,
        actor=hank,
        channel=Channel.ORDINARY_MAIL,
        data=person_data(),
        submitted_on=dt.date(2025, 9, 1),
    )
    assert application.status == Status.AWAITING_CONFIRMATION
    assert application.due_on is None


def test_it_has_no_clock_for_online_applications_until_staff_confirm(organ, hank):
    application = do_register_application(
        organ=organ, actor=None, channel=Channel.ONLINE, data=person_data(), submitted_on=dt.date(2025, 9, 25)
    )
    assert application.status == Status.AWAITING_CONFIRMATION
    assert application.received_on is None and application.due_on is None
    do_confirm_receipt(application, actor=hank, on=dt.date(2025, 9, 26))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == dt.date(2025, 9, 26)
    assert application.due_on == dt.date(2025, 10, 30)
    # 9-28 (调休 Sunday), 9-29, 9-30, [国庆 10-1…10-8], 10-9, 10-10, 10-11 (调休 Saturday), 10-13
    assert application.correction_notice_due_on == dt.date(2025, 10, 13)


def test_it_lets_citizens_apply_online_but_not_confirm_or_register_at_the_counter(organ, citizen):
    do_register_application(organ=organ, actor=citizen, channel=Channel.ONLINE, data=person_data())
    with pytest.raises(Exception) as exc:
        do_register_application(
            organ=organ,
            actor=citizen,
            channel=Channel.ONLINE,
            data=person_data(),
            confirmed_on=dt.date(2025, 12, 31),
        )
    assert exc.type.__name__ == "PermissionDenied"
    with pytest.raises(Exception) as exc:
        do_register_application(organ=organ, actor=citizen, channel=Channel.IN_PERSON, data=person_data())
    assert exc.type.__name__ == "PermissionDenied"
    assert Application.objects.count() == 1


def test_it_flags_a_calendar_unconfirmed_due_date(register, time_machine):
    # 2027 has no confirmed calendar: the due date is counted on weekends only, and flagged.
    time_machine.move_to(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False)
    application = register(received_on=dt.date(2026, 12, 21))
    assert application.due_on.year == 2027
    assert not application.calendar_confirmed
