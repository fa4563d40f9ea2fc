"""Properties of the counting, checked with hypothesis, and agreement with chinesecalendar where it has data."""

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongkai.workdays.counting import Calendar, add_working_days

FIRST, LAST = dt.date(2004, 1, 1), dt.date(2026, 12, 31)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
starts = st.dates(min_value=dt.date(2003, 6, 1), max_value=dt.date(2027, 6, 30))
counts = st.integers(min_value=1, max_value=150)


@pytest.fixture
def calendar():
    return Calendar.for_range(dt.date(2003, 1, 1), dt.date(2028, 12, 31))


def test_it_agrees_with_chinesecalendar_day_by_day(calendar):
    day, disagreements = FIRST, []
    while day <= LAST:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            disagreements.append(day)
        day += dt.timedelta(days=1)
    assert disagreements == []


@SETTINGS
@given(start=st.dates(min_value=FIRST, max_value=dt.date(2026, 6, 30)), n=counts)
def test_it_agrees_with_counting_chinesecalendar_workdays(calendar, start, n):
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        assume(day <= LAST)
        counted += chinese_calendar.is_workday(day)
    assert calendar.add_working_days(start, n).due == day


@SETTINGS
@given(start=starts, n=counts)
def test_it_always_lands_on_a_workday(calendar, start, n):
    result = calendar.add_working_days(start, n)
    assert result.due > start
    assert calendar.is_workday(result.due)
    assert all(not calendar.is_workday(day.date) for day in result.skipped)
    assert all(calendar.is_workday(day.date) for day in result.counted_adjusted)


@SETTINGS
@given(start=starts, n=counts)
def test_it_is_monotonic_in_the_number_of_days(calendar, start, n):
    assert calendar.add_working_days(start, n).due < calendar.add_working_days(start, n + 1).due


@SETTINGS
@given(start=starts, later=st.integers(min_value=0, max_value=60), n=counts)
def test_it_is_monotonic_in_the_start(calendar, start, later, n):
    other = start + dt.timedelta(days=later)
    assert calendar.add_working_days(start, n).due <= calendar.add_working_days(other, n).due


@SETTINGS
@given(start=starts, n=counts, m=counts)
def test_counting_n_then_m_is_counting_n_plus_m(calendar, start, n, m):
    first = calendar.add_working_days(start, n).due
    assert calendar.add_working_days(first, m).due == calendar.add_working_days(start, n + m).due


@SETTINGS
@given(start=starts, n=counts)
def test_it_counts_exactly_n_workdays(calendar, start, n):
    due = calendar.add_working_days(start, n).due
    days = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(calendar.is_workday(day) for day in days) == n


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=starts, n=st.integers(min_value=1, max_value=365))
def test_the_module_function_agrees_with_a_preloaded_calendar(calendar, start, n):
    assert add_working_days(start, n) == calendar.add_working_days(start, n)
