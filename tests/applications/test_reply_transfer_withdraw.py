import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications.actions import do_assign, do_reply, do_transfer, do_withdraw
from gongkai.applications.models import Status

D = dt.date


def test_it_closes_with_the_outcome_and_the_closed_date(register, hank):
    application = register(received_on=D(2025, 9, 26))
    do_reply(application, actor=hank, outcome="partial", on=D(2025, 10, 20), note="部分涉及个人隐私")
    application.refresh_from_db()
    assert (application.status, application.outcome, application.closed_on) == (
        Status.CLOSED,
        "partial",
        D(2025, 10, 20),
    )
    assert application.events.get(kind="replied").data["outcome"] == "partial"


def test_it_refuses_unknown_outcomes_and_those_with_their_own_step(register, hank):
    application = register(received_on=D(2025, 9, 26))
    for outcome in ("maybe", "other_1", "other_2"):
        with pytest.raises(ValidationError):
            do_reply(application, actor=hank, outcome=outcome, on=D(2025, 10, 20))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS


def test_it_transfers_to_another_organ_with_a_note(register, hank, ivan, organs):
    application = register(received_on=D(2025, 9, 26))
    with pytest.raises(ValidationError):
        do_transfer(application, actor=hank, to_organ=organs["dingwangtai"], note="  ")
    do_transfer(
        application,
        actor=hank,
        to_organ=organs["dingwangtai"],
        note="该信息由定王台街道制作",
        on=D(2025, 9, 29),
    )
    application.refresh_from_db()
    assert application.organ == organs["dingwangtai"]
    assert application.due_on == D(2025, 10, 30)  # the receipt date and clock move with it
    event = application.events.get(kind="transferred")
    assert (event.note, event.data["to_name"]) == ("该信息由定王台街道制作", organs["dingwangtai"].name)
    with pytest.raises(PermissionDenied):
        do_reply(application, actor=hank, outcome="granted")
    do_reply(application, actor=ivan, outcome="granted", on=D(2025, 10, 9))


def test_it_records_withdrawal_as_other_3(register, hank):
    application = register(received_on=D(2025, 9, 26))
    do_withdraw(application, actor=hank, on=D(2025, 10, 9), note="申请人电话撤回")
    application.refresh_from_db()
    assert (application.status, application.outcome, application.closed_on) == (
        Status.CLOSED,
        "other_3",
        D(2025, 10, 9),
    )


def test_it_assigns_only_handlers_of_the_organ(register, hank, ivan, alice):
    application = register(received_on=D(2025, 9, 26))
    do_assign(application, actor=hank, handler=hank)
    for other in (ivan, alice):
        with pytest.raises(ValidationError):
            do_assign(application, actor=hank, handler=other)
    application.refresh_from_db()
    assert application.handler == hank


def test_it_refuses_people_without_handle(register, alice, erin):
    application = register(received_on=D(2025, 9, 26))
    for user in (alice, erin):
        with pytest.raises(PermissionDenied):
            do_reply(application, actor=user, outcome="granted")
