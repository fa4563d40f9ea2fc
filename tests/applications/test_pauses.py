"""征求意见 and fee notice pauses through the actions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.actions import (
    do_close_fee_unpaid,
    do_end_consultation,
    do_issue_fee_notice,
    do_record_payment,
    do_reply,
    do_start_consultation,
)
from gongkai.applications.models import Status
from gongkai.workdays.counting import add_working_days

D = dt.date


def test_it_pauses_for_a_third_party_and_resumes_on_the_answer(register, hank):
    application = register(received_on=D(2025, 10, 31))
    do_start_consultation(application, actor=hank, kind="third_party", party="某某公司", on=D(2025, 11, 3))
    application.refresh_from_db()
    assert application.status == Status.PAUSED
    do_end_consultation(application, actor=hank, kind="third_party", on=D(2025, 11, 5))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.paused_days == 2
    assert application.due_on == add_working_days(D(2025, 10, 31), 22).due


def test_it_stays_paused_until_every_pause_ended(register, hank):
    application = register(received_on=D(2025, 10, 31))
    do_start_consultation(application, actor=hank, kind="third_party", party="某某公司", on=D(2025, 11, 3))
    do_start_consultation(
        application, actor=hank, kind="other_agency", party="开福区财政局", on=D(2025, 11, 4)
    )
    do_end_consultation(application, actor=hank, kind="third_party", on=D(2025, 11, 5))
    application.refresh_from_db()
    assert application.status == Status.PAUSED
    do_end_consultation(application, actor=hank, kind="other_agency", on=D(2025, 11, 6))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.paused_days == 3  # 11-04, 11-05, 11-06 once each


def test_it_refuses_a_second_open_pause_of_the_same_kind_and_unknown_ones(register, hank):
    application = register(received_on=D(2025, 10, 31))
    do_start_consultation(application, actor=hank, kind="third_party", party="甲", on=D(2025, 11, 3))
    with pytest.raises(ValidationError):
        do_start_consultation(application, actor=hank, kind="third_party", party="乙", on=D(2025, 11, 4))
    with pytest.raises(ValidationError):
        do_end_consultation(application, actor=hank, kind="other_agency", on=D(2025, 11, 4))


def test_it_does_not_pause_for_other_agencies_under_the_2008_rules(register, hank):
    application = register(received_on=D(2019, 5, 10))
    with pytest.raises(ValidationError) as exc:
        do_start_consultation(application, actor=hank, kind="other_agency", party="某局", on=D(2019, 5, 13))
    assert "2008" in exc.value.message_dict["kind"][0]


def test_it_issues_a_per_page_fee_notice_and_resumes_on_payment(register, hank):
    application = register(received_on=D(2025, 10, 31))
    notice = do_issue_fee_notice(application, actor=hank, basis="per_page", pages=250, on=D(2025, 11, 3))
    assert notice.amount == 4700
    assert [line["amount"] for line in notice.breakdown["lines"]] == [0, 700, 2000, 2000]
    assert notice.payment_due_on == add_working_days(D(2025, 11, 3), 20).due
    application.refresh_from_db()
    assert application.status == Status.PAUSED
    with pytest.raises(ValidationError):
        do_record_payment(application, actor=hank, amount=4000, on=D(2025, 11, 10))
    do_record_payment(application, actor=hank, amount=4700, reference="NO.123", on=D(2025, 11, 10))
    application.refresh_from_db()
    notice.refresh_from_db()
    assert application.status == Status.IN_PROGRESS and notice.paid_on == D(2025, 11, 10)
    assert application.paused_days == 5


def test_it_charges_per_item_from_the_applicants_count_in_the_month(register, hank):
    apps = [
        register(received_on=D(2025, 11, 3), description=f"第{i}件：请公开某项目资料{i * 7919}")
        for i in range(12)
    ]
    with pytest.raises(ValidationError):  # the 10th item of the month is free
        do_issue_fee_notice(apps[9], actor=hank, basis="per_item", on=D(2025, 11, 4))
    notice = do_issue_fee_notice(apps[11], actor=hank, basis="per_item", on=D(2025, 11, 4))
    assert (notice.previous_items, notice.amount) == (11, 100)


def test_it_charges_one_basis_once(register, hank):
    application = register(received_on=D(2025, 10, 31))
    do_issue_fee_notice(application, actor=hank, basis="per_page", pages=50, on=D(2025, 11, 3))
    with pytest.raises(ValidationError):
        do_issue_fee_notice(application, actor=hank, basis="per_item", on=D(2025, 11, 4))
    with pytest.raises(ValidationError):
        do_issue_fee_notice(
            register(received_on=D(2025, 10, 31)), actor=hank, basis="both", on=D(2025, 11, 3)
        )


def test_it_closes_as_other_2_when_the_fee_is_not_paid_in_time(register, hank):
    application = register(received_on=D(2025, 10, 31))
    notice = do_issue_fee_notice(application, actor=hank, basis="per_page", pages=40, on=D(2025, 11, 3))
    with pytest.raises(ValidationError):
        do_close_fee_unpaid(application, actor=hank, on=notice.payment_due_on)
    late = notice.payment_due_on + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        do_record_payment(application, actor=hank, amount=notice.amount, on=late)
    do_close_fee_unpaid(application, actor=hank, on=late)
    application.refresh_from_db()
    assert (application.status, application.outcome, application.closed_on) == (
        Status.CLOSED,
        "other_2",
        late,
    )


def test_it_ends_open_pauses_when_replying(register, hank):
    application = register(received_on=D(2025, 10, 31))
    do_start_consultation(application, actor=hank, kind="third_party", party="甲", on=D(2025, 11, 3))
    do_reply(application, actor=hank, outcome="withheld_4", on=D(2025, 11, 20))
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    assert application.events.filter(kind="resumed", on=D(2025, 11, 20)).exists()
