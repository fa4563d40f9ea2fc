"""补正 (art 30): one notice within 7 working days (late ones flagged), restart on receipt, lapse → other_1."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.actions import (
    do_close_correction_lapsed,
    do_receive_correction,
    do_request_correction,
)
from gongkai.applications.models import Status
from gongkai.workdays.counting import add_working_days


def test_it_stops_the_clock_and_restarts_it_on_receipt_of_the_correction(register, hank):
    application = register(received_on=dt.date(2025, 9, 26))
    do_request_correction(
        application, actor=hank, on=dt.date(2025, 9, 29), respond_by=dt.date(2025, 10, 20), items="请写明文号"
    )
    application.refresh_from_db()
    assert application.status == Status.AWAITING_CORRECTION
    assert application.due_on is None
    assert not application.correction_notice_late
    do_receive_correction(application, actor=hank, on=dt.date(2025, 10, 15))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == add_working_days(dt.date(2025, 10, 15), 20).due


def test_it_flags_a_notice_later_than_7_working_days(register, hank):
    application = register(received_on=dt.date(2025, 9, 26))  # notice due 2025-10-13
    do_request_correction(
        application,
        actor=hank,
        on=dt.date(2025, 10, 14),
        respond_by=dt.date(2025, 10, 30),
        items="请写明文号",
    )
    application.refresh_from_db()
    assert application.correction_notice_late
    assert application.events.get(kind="correction_requested").data["late"] is True


def test_it_allows_one_correction_notice_only(register, hank):
    application = register(received_on=dt.date(2025, 9, 26))
    do_request_correction(
        application, actor=hank, on=dt.date(2025, 9, 29), respond_by=dt.date(2025, 10, 20), items="a"
    )
    do_receive_correction(application, actor=hank, on=dt.date(2025, 10, 15))
    with pytest.raises(ValidationError) as exc:
        do_request_correction(
            application, actor=hank, on=dt.date(2025, 10, 16), respond_by=dt.date(2025, 10, 30), items="b"
        )
    assert "一次性" in exc.value.message_dict["items"][0]


def test_it_closes_as_other_1_once_the_correction_period_lapsed(register, hank):
    application = register(received_on=dt.date(2025, 9, 26))
    do_request_correction(
        application, actor=hank, on=dt.date(2025, 9, 29), respond_by=dt.date(2025, 10, 20), items="a"
    )
    with pytest.raises(ValidationError):
        do_close_correction_lapsed(application, actor=hank, on=dt.date(2025, 10, 20))
    do_close_correction_lapsed(application, actor=hank, on=dt.date(2025, 10, 21))
    application.refresh_from_db()
    assert (application.status, application.outcome, application.closed_on) == (
        Status.CLOSED,
        "other_1",
        dt.date(2025, 10, 21),
    )


def test_it_needs_items_and_a_later_deadline(register, hank):
    application = register(received_on=dt.date(2025, 9, 26))
    with pytest.raises(ValidationError) as exc:
        do_request_correction(
            application, actor=hank, on=dt.date(2025, 9, 29), respond_by=dt.date(2025, 9, 29), items=" "
        )
    assert set(exc.value.message_dict) == {"items", "respond_by"}
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS and application.version == 1
