"""Walk the transition table: every action from every state either succeeds into its target state or is
refused with WorkflowError, leaving the application untouched."""

import datetime as dt

import pytest

from gongkai.applications import actions
from gongkai.applications.actions import TRANSITIONS, WorkflowError, do_register_application
from gongkai.applications.models import Application, Channel, Status
from tests.applications.conftest import person_data

S = Status
D = dt.date
RECEIVED = D(2025, 10, 31)


def bring_to(state, organ, hank, fee=True):
    application = do_register_application(
        organ=organ,
        actor=hank,
        channel=Channel.IN_PERSON if state != S.AWAITING_CONFIRMATION else Channel.ONLINE,
        data=person_data(),
        submitted_on=RECEIVED,
    )
    if state == S.AWAITING_CORRECTION:
        actions.do_request_correction(
            application, actor=hank, on=D(2025, 11, 3), respond_by=D(2025, 11, 10), items="a"
        )
    elif state == S.PAUSED:
        # a consultation and a fee notice at once, so that every step out of PAUSED has what it needs
        # (only one fee notice per application: issue_fee_notice starts from the consultation alone)
        actions.do_start_consultation(
            application, actor=hank, kind="third_party", party="甲", on=D(2025, 11, 3)
        )
        if fee:
            actions.do_issue_fee_notice(
                application, actor=hank, basis="per_page", pages=40, on=D(2025, 11, 3)
            )
    elif state == S.CLOSED:
        actions.do_reply(application, actor=hank, outcome="granted", on=D(2025, 11, 3))
    application.refresh_from_db()
    assert application.status == state
    return application


def run(step, application, hank, dora, organs):
    fee = application.fee_notices.first()
    late = D(2025, 12, 31)
    calls = {
        "confirm_receipt": lambda: actions.do_confirm_receipt(application, actor=hank, on=RECEIVED),
        "request_correction": lambda: actions.do_request_correction(
            application, actor=hank, on=D(2025, 11, 3), respond_by=D(2025, 11, 10), items="a"
        ),
        "receive_correction": lambda: actions.do_receive_correction(
            application, actor=hank, on=D(2025, 11, 5)
        ),
        "close_correction_lapsed": lambda: actions.do_close_correction_lapsed(
            application, actor=hank, on=late
        ),
        "start_consultation": lambda: actions.do_start_consultation(
            application, actor=hank, kind="other_agency", party="乙", on=D(2025, 11, 4)
        ),
        "end_consultation": lambda: actions.do_end_consultation(
            application, actor=hank, kind="third_party", on=D(2025, 11, 5)
        ),
        "issue_fee_notice": lambda: actions.do_issue_fee_notice(
            application, actor=hank, basis="per_page", pages=40, on=D(2025, 11, 4)
        ),
        "record_payment": lambda: actions.do_record_payment(
            application, actor=hank, amount=fee.amount if fee else 100, on=D(2025, 11, 5)
        ),
        "close_fee_unpaid": lambda: actions.do_close_fee_unpaid(application, actor=hank, on=late),
        "extend": lambda: actions.do_extend(
            application, actor=hank, days=5, approver=dora, reason="x", approved_on=D(2025, 11, 5)
        ),
        "record_extension_notice": lambda: actions.do_record_extension_notice(application, actor=hank),
        "transfer": lambda: actions.do_transfer(
            application, actor=hank, to_organ=organs["bangtang"], note="转"
        ),
        "assign": lambda: actions.do_assign(application, actor=hank, handler=hank),
        "reply": lambda: actions.do_reply(application, actor=hank, outcome="granted", on=D(2025, 11, 6)),
        "withdraw": lambda: actions.do_withdraw(application, actor=hank, on=D(2025, 11, 6)),
    }
    return calls[step]()


# What a step out of the state built by bring_to() leads to when its target depends on the open pauses.
STAYS = {"end_consultation": S.PAUSED, "record_payment": S.PAUSED}


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("step", list(TRANSITIONS))
def test_it_allows_exactly_the_steps_of_the_table(step, state, organ, organs, hank, dora):
    sources, target = TRANSITIONS[step]
    application = bring_to(state, organ, hank, fee=step != "issue_fee_notice")
    before = (application.status, application.version, application.events.count())
    if state not in sources:
        with pytest.raises(WorkflowError):
            run(step, application, hank, dora, organs)
        application.refresh_from_db()
        assert (application.status, application.version, application.events.count()) == before
        return
    if step == "record_extension_notice":
        run("extend", application, hank, dora, organs)
    run(step, application, hank, dora, organs)
    application = Application.objects.get(pk=application.pk)
    expected = target or STAYS.get(step, state)
    assert application.status == expected
    assert application.events.count() > before[2]
    assert application.version > before[1]
