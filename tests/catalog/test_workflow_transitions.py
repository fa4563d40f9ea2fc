"""Walk the whole transition table: every step from every state either succeeds into its target state or
is refused with WorkflowError, leaving the record untouched."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.catalog import actions
from gongkai.catalog.actions import TRANSITIONS, WorkflowError
from gongkai.catalog.models import Record, RecordEvent, RecordStatus
from tests.helpers import make_draft

S = RecordStatus


def bring_to(state, organ, alice, bob, charlie):
    record = make_draft(organ, alice)
    path = {
        S.DRAFT: [],
        S.SUBMITTED: ["submit"],
        S.RETURNED: ["submit", "return"],
        S.APPROVED: ["submit", "approve"],
        S.SCHEDULED: ["submit", "approve", "schedule"],
        S.PUBLISHED: ["submit", "approve", "publish"],
        S.WITHDRAWN: ["submit", "approve", "publish", "withdraw"],
    }[state]
    for step in path:
        run(step, record, alice, bob, charlie)
    record.refresh_from_db()
    assert record.status == state
    return record


def run(step, record, alice, bob, charlie):
    future = timezone.now() + dt.timedelta(days=2)
    calls = {
        "submit": lambda: actions.do_submit_record(record, actor=alice),
        "approve": lambda: actions.do_approve_record(record, actor=bob),
        "return": lambda: actions.do_return_record(record, actor=bob, reason="请补充文号"),
        "publish": lambda: actions.do_publish_record(record, actor=charlie),
        "schedule": lambda: actions.do_publish_record(record, actor=charlie, publish_at=future),
        "cancel_schedule": lambda: actions.do_cancel_schedule(record, actor=charlie),
        "publish_due": lambda: actions.do_publish_due(now=future + dt.timedelta(minutes=1)),
        "withdraw": lambda: actions.do_withdraw_record(record, actor=charlie, reason="内容有误"),
        "reopen": lambda: actions.do_reopen_record(record, actor=alice),
    }
    return calls[step]()


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("step", list(TRANSITIONS))
def test_it_allows_exactly_the_steps_of_the_table(step, state, organ, alice, bob, charlie):
    sources, target, _perm = TRANSITIONS[step]
    record = bring_to(state, organ, alice, bob, charlie)
    events_before = record.events.count()
    if step == "publish_due":
        # the scheduler only ever picks scheduled records; from any other state it does nothing
        published = run(step, record, alice, bob, charlie)
        record.refresh_from_db()
        assert record.status == (target if state in sources else state)
        assert len(published) == (1 if state in sources else 0)
        return
    if state in sources:
        run(step, record, alice, bob, charlie)
        record.refresh_from_db()
        assert record.status == target
        assert record.events.count() == events_before + 1
    else:
        with pytest.raises(WorkflowError):
            run(step, record, alice, bob, charlie)
        record.refresh_from_db()
        assert record.status == state
        assert record.events.count() == events_before


def test_it_logs_every_step_with_actor_and_reason(organ, alice, bob, charlie):
    record = bring_to(S.WITHDRAWN, organ, alice, bob, charlie)
    kinds = list(record.events.values_list("kind", "actor__username"))
    assert kinds == [
        (RecordEvent.Kind.CREATED, "alice"),
        (RecordEvent.Kind.SUBMITTED, "alice"),
        (RecordEvent.Kind.APPROVED, "bob"),
        (RecordEvent.Kind.PUBLISHED, "charlie"),
        (RecordEvent.Kind.WITHDRAWN, "charlie"),
    ]
    assert record.events.get(kind=RecordEvent.Kind.WITHDRAWN).note == "内容有误"


def test_it_keeps_the_index_number_when_republished(organ, alice, bob, charlie):
    record = bring_to(S.WITHDRAWN, organ, alice, bob, charlie)
    number = record.index_number
    for step in ("reopen", "submit", "approve", "publish"):
        run(step, record, alice, bob, charlie)
    record.refresh_from_db()
    assert record.status == S.PUBLISHED
    assert record.index_number == number
    assert Record.objects.filter(organ=organ, index_number__isnull=False).count() == 1
