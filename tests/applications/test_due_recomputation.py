"""The stored due date always equals a fresh recomputation from the events (hypothesis over random action
sequences), and a calendar change recomputes open applications and logs the change."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications import actions
from gongkai.applications.actions import WorkflowError, compute_clock, do_register_application
from gongkai.applications.deadlines import do_recompute_due_dates
from gongkai.applications.models import Application, Channel, Status
from gongkai.workdays.actions import do_set_calendar_day
from gongkai.workdays.counting import Calendar
from gongkai.workdays.models import CalendarYear, DayKind
from tests.applications.conftest import SHANGHAI, person_data

D = dt.date
STEPS = st.sampled_from(
    [
        "third_party",
        "end_third_party",
        "other_agency",
        "end_other_agency",
        "fee",
        "pay",
        "extend",
        "correction",
        "corrected",
    ]
)


def apply(step, app, on, hank, dora, days, pages):
    if step in ("third_party", "other_agency"):
        actions.do_start_consultation(app, actor=hank, kind=step, party="甲", on=on)
    elif step.startswith("end_"):
        actions.do_end_consultation(app, actor=hank, kind=step[4:], on=on)
    elif step == "fee":
        actions.do_issue_fee_notice(app, actor=hank, basis="per_page", pages=pages, on=on)
    elif step == "pay":
        notice = app.fee_notices.first()
        actions.do_record_payment(app, actor=hank, amount=notice.amount if notice else 1, on=on)
    elif step == "extend":
        actions.do_extend(app, actor=hank, days=days, approver=dora, reason="x", approved_on=on)
    elif step == "correction":
        actions.do_request_correction(
            app, actor=hank, on=on, respond_by=on + dt.timedelta(days=30), items="a"
        )
    elif step == "corrected":
        actions.do_receive_correction(app, actor=hank, on=on)


def assert_stored_equals_recomputed(app):
    app.refresh_from_db()
    state = compute_clock(app, Calendar())
    assert (app.due_on, app.calendar_confirmed, app.paused_days) == (
        state.due_on,
        state.calendar_confirmed,
        state.paused_days,
    )
    if app.status in (Status.IN_PROGRESS, Status.PAUSED):
        assert app.due_on is not None and Calendar().is_workday(app.due_on)
    if app.status == Status.AWAITING_CORRECTION:
        assert app.due_on is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    received=st.dates(min_value=D(2018, 1, 1), max_value=D(2025, 12, 1)),
    plan=st.lists(st.tuples(STEPS, st.integers(0, 12), st.integers(1, 20), st.integers(31, 300)), max_size=8),
)
def test_it_stores_what_the_events_recompute(organ, hank, dora, received, plan):
    with transaction.atomic():
        app = do_register_application(
            organ=organ, actor=hank, channel=Channel.IN_PERSON, data=person_data(), submitted_on=received
        )
        on = received
        for step, gap, days, pages in plan:
            on = min(on + dt.timedelta(days=gap), D(2025, 12, 31))
            try:
                with transaction.atomic():
                    apply(step, app, on, hank, dora, days, pages)
            except (ValidationError, WorkflowError):
                pass
            assert_stored_equals_recomputed(app)
        transaction.set_rollback(True)


def test_it_recomputes_open_applications_when_the_calendar_changes(
    register, hank, root, django_capture_on_commit_callbacks
):
    open_app = register(received_on=D(2025, 9, 26))  # due 2025-10-30
    closed = register(received_on=D(2025, 9, 26), description="另一件：请公开街道办事处2025年预算")
    actions.do_reply(closed, actor=hank, outcome="granted", on=D(2025, 10, 9))
    with django_capture_on_commit_callbacks(execute=True):
        do_set_calendar_day(D(2025, 10, 20), DayKind.HOLIDAY, "临时休息", actor=root)
    open_app.refresh_from_db()
    closed.refresh_from_db()
    assert open_app.due_on == D(2025, 10, 31)
    event = open_app.events.get(kind="due_recomputed")
    assert (event.data["old_due_on"], event.data["new_due_on"]) == ("2025-10-30", "2025-10-31")
    assert open_app.version == 2
    assert closed.due_on == D(2025, 10, 30) and not closed.events.filter(kind="due_recomputed").exists()


def test_it_leaves_applications_alone_when_the_change_does_not_move_them(
    register, root, django_capture_on_commit_callbacks
):
    app = register(received_on=D(2025, 9, 26))
    with django_capture_on_commit_callbacks(execute=True):
        do_set_calendar_day(D(2025, 11, 20), DayKind.HOLIDAY, "临时休息", actor=root)
    app.refresh_from_db()
    assert app.due_on == D(2025, 10, 30)
    assert not app.events.filter(kind="due_recomputed").exists()


def test_it_clears_the_unconfirmed_flag_when_the_year_is_confirmed(register, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False)
    app = register(received_on=D(2026, 12, 21))
    assert not app.calendar_confirmed
    CalendarYear.objects.update_or_create(year=2027, defaults={"confirmed": True})
    do_recompute_due_dates(D(2027, 1, 1), D(2027, 12, 31))
    app.refresh_from_db()
    assert app.calendar_confirmed
    assert Application.objects.get(pk=app.pk).events.filter(kind="due_recomputed").exists()
