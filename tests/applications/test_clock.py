"""The pure clock: due dates from clock events, pauses as intervals (overlapping and nested), the window cap,
extension, correction stop and restart."""

import datetime as dt

from gongkai.applications import clock
from gongkai.applications.clock import ClockEvent
from gongkai.applications.rules import RULES_2008, RULES_2019
from gongkai.workdays.counting import Calendar, add_working_days

D = dt.date
START = ClockEvent("started", D(2025, 9, 26))


def due(*events, rules=RULES_2019):
    return clock.compute([START, *events], rules, Calendar()).due_on


def pause(kind, on, window=15):
    return ClockEvent("paused", on, pause=kind, days=window)


def resume(kind, on):
    return ClockEvent("resumed", on, pause=kind)


def test_it_counts_20_working_days_from_the_day_after_receipt():
    state = clock.compute([START], RULES_2019, Calendar())
    assert state.due_on == D(2025, 10, 30)
    assert state.total_days == 20 and state.paused_days == 0 and state.calendar_confirmed


def test_it_counts_15_under_the_2008_rules():
    assert due(rules=RULES_2008) == add_working_days(D(2025, 9, 26), 15).due


def test_it_has_no_due_date_before_the_start_or_while_awaiting_correction():
    assert clock.compute([], RULES_2019, Calendar()).due_on is None
    state = clock.compute([START, ClockEvent("correction_requested", D(2025, 9, 29))], RULES_2019, Calendar())
    assert state.stopped and state.due_on is None


def test_it_restarts_from_the_day_the_corrected_application_arrives():
    events = [ClockEvent("correction_requested", D(2025, 9, 29)), ClockEvent("restarted", D(2025, 11, 3))]
    assert due(*events) == add_working_days(D(2025, 11, 3), 20).due


def test_it_excludes_the_working_days_after_the_pause_start_up_to_the_resume_day():
    # paused on Mon 11-03, answer on Wed 11-05: 11-04 and 11-05 are not counted
    events = [pause("third_party", D(2025, 11, 3)), resume("third_party", D(2025, 11, 5))]
    state = clock.compute([ClockEvent("started", D(2025, 10, 31)), *events], RULES_2019, Calendar())
    assert state.paused_days == 2
    assert state.due_on == add_working_days(D(2025, 10, 31), 22).due


def test_it_does_not_count_a_pause_twice_when_pauses_overlap():
    base = ClockEvent("started", D(2025, 10, 31))
    one = [pause("third_party", D(2025, 11, 3)), resume("third_party", D(2025, 11, 7))]  # 11-04…11-07: 4
    overlapping = [
        pause("third_party", D(2025, 11, 3)),
        pause("other_agency", D(2025, 11, 5)),
        resume("third_party", D(2025, 11, 7)),
        resume("other_agency", D(2025, 11, 11)),
    ]  # union 11-04…11-11: 6 working days
    nested = [
        pause("third_party", D(2025, 11, 3)),
        pause("other_agency", D(2025, 11, 4)),
        resume("other_agency", D(2025, 11, 5)),
        resume("third_party", D(2025, 11, 7)),
    ]  # the nested pause lies inside the outer one: still 4

    def state(events):
        return clock.compute([base, *events], RULES_2019, Calendar())

    assert state(one).paused_days == 4
    assert state(overlapping).paused_days == 6
    assert state(nested).paused_days == 4
    assert state(nested).due_on == state(one).due_on
    assert state(overlapping).due_on == add_working_days(D(2025, 10, 31), 26).due


def test_it_caps_a_pause_at_its_window():
    # a third party that answers after 30 working days still only pauses the clock for 15
    late = [
        pause("third_party", D(2025, 11, 3)),
        resume("third_party", add_working_days(D(2025, 11, 3), 30).due),
    ]
    state = clock.compute([ClockEvent("started", D(2025, 10, 31)), *late], RULES_2019, Calendar())
    assert state.paused_days == 15


def test_it_counts_an_open_pause_to_its_window_end():
    state = clock.compute(
        [ClockEvent("started", D(2025, 10, 31)), pause("fee", D(2025, 11, 3), window=20)],
        RULES_2019,
        Calendar(),
    )
    assert state.open_pauses == ("fee",)
    assert state.pauses[0].window_end == add_working_days(D(2025, 11, 3), 20).due
    assert state.due_on == add_working_days(D(2025, 10, 31), 40).due


def test_it_ignores_a_pause_after_the_due_date():
    assert due(pause("third_party", D(2025, 11, 3)), resume("third_party", D(2025, 11, 10))) == D(
        2025, 10, 30
    )


def test_it_adds_the_extension():
    assert due(ClockEvent("extended", D(2025, 10, 20), days=20)) == add_working_days(D(2025, 9, 26), 40).due


def test_it_flags_counts_that_reach_an_unconfirmed_year():
    state = clock.compute([ClockEvent("started", D(2026, 12, 21))], RULES_2019, Calendar())
    assert state.unconfirmed_years == (2027,) and not state.calendar_confirmed


def test_it_says_when_due_soon_and_overdue():
    due_on = D(2025, 10, 30)
    assert clock.is_due_soon(due_on, D(2025, 10, 23))  # 10-24, 27, 28, 29, 30: 5 working days
    assert not clock.is_due_soon(due_on, D(2025, 10, 22))
    assert not clock.is_overdue(due_on, due_on)
    assert clock.is_overdue(due_on, D(2025, 10, 31))
    assert not clock.is_due_soon(due_on, D(2025, 10, 31))
