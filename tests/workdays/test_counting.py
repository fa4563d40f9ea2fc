"""Fixed cases of add_working_days and is_workday on the seeded calendar (chinesecalendar 2004–2026)."""

import datetime as dt

import pytest

from gongkai.workdays.actions import do_confirm_year, do_set_calendar_day
from gongkai.workdays.counting import Calendar, NamedDay, add_working_days, is_workday
from gongkai.workdays.models import DayKind

D = dt.date


def test_it_counts_20_working_days_across_national_day_2025():
    result = add_working_days(D(2025, 9, 26), 20)
    assert result.due == D(2025, 10, 30)
    assert result.calendar_confirmed is True
    assert result.unconfirmed_years == ()
    assert [day.date for day in result.skipped] == [D(2025, 10, d) for d in range(1, 9)]
    assert NamedDay(D(2025, 10, 1), "国庆节") in result.skipped
    assert NamedDay(D(2025, 10, 6), "中秋节") in result.skipped
    assert result.counted_adjusted == (
        NamedDay(D(2025, 9, 28), "国庆节"),
        NamedDay(D(2025, 10, 11), "国庆节"),
    )


def test_it_excludes_the_start_day():
    # Mon 2025-11-03 is a workday; the first working day after it is Tuesday.
    assert add_working_days(D(2025, 11, 3), 1).due == D(2025, 11, 4)


def test_it_starts_counting_after_a_saturday_receipt():
    assert add_working_days(D(2025, 11, 1), 1).due == D(2025, 11, 3)
    assert add_working_days(D(2025, 11, 1), 5).due == D(2025, 11, 7)


def test_it_starts_counting_after_a_sunday_receipt():
    assert add_working_days(D(2025, 11, 2), 1).due == D(2025, 11, 3)


def test_it_counts_a_make_up_sunday_right_after_a_saturday_receipt():
    # Sun 2025-09-28 was a 调休 workday.
    result = add_working_days(D(2025, 9, 27), 1)
    assert result.due == D(2025, 9, 28)
    assert result.counted_adjusted == (NamedDay(D(2025, 9, 28), "国庆节"),)


def test_it_follows_spring_festival_2026():
    # 2/15–2/23 off; Sat 2/14 and Sat 2/28 are workdays.
    assert add_working_days(D(2026, 2, 13), 1).due == D(2026, 2, 14)
    result = add_working_days(D(2026, 2, 13), 2)
    assert result.due == D(2026, 2, 24)
    assert [day.date for day in result.skipped] == [D(2026, 2, d) for d in range(15, 24)]
    assert {day.name for day in result.skipped} == {"春节"}
    assert add_working_days(D(2026, 2, 14), 1).due == D(2026, 2, 24)


def test_it_starts_counting_after_a_receipt_on_a_holiday():
    assert add_working_days(D(2026, 2, 16), 1).due == D(2026, 2, 24)
    result = add_working_days(D(2026, 2, 16), 5)
    assert result.due == D(2026, 2, 28)
    assert result.counted_adjusted == (NamedDay(D(2026, 2, 28), "春节"),)


@pytest.mark.parametrize("n", [0, -1, -20])
def test_it_refuses_fewer_than_one_working_day(n):
    with pytest.raises(ValueError, match="at least 1"):
        add_working_days(D(2025, 9, 26), n)


@pytest.mark.parametrize("n", ["20", 2.0, True, None])
def test_it_refuses_a_number_of_days_that_is_not_an_int(n):
    with pytest.raises(TypeError):
        add_working_days(D(2025, 9, 26), n)


def test_it_refuses_to_count_past_the_last_date():
    with pytest.raises(ValueError, match="last representable date"):
        add_working_days(D(9999, 12, 30), 5)


def test_it_flags_a_count_into_an_unconfirmed_year():
    result = add_working_days(D(2026, 12, 20), 20)
    # Weekends only in 2027: Fri 2027-01-01 counts until the notice is entered.
    assert result.due == D(2027, 1, 15)
    assert result.calendar_confirmed is False
    assert result.unconfirmed_years == (2027,)


def test_it_does_not_flag_a_count_that_stays_in_a_confirmed_year():
    assert add_working_days(D(2026, 12, 1), 5).calendar_confirmed is True


def test_it_uses_days_entered_for_an_unconfirmed_year(root):
    do_set_calendar_day(D(2027, 1, 1), DayKind.HOLIDAY, "元旦", actor=root)
    result = add_working_days(D(2026, 12, 20), 20)
    assert result.due == D(2027, 1, 18)
    assert result.skipped == (NamedDay(D(2027, 1, 1), "元旦"),)
    assert result.calendar_confirmed is False
    do_confirm_year(2027, actor=root)
    assert add_working_days(D(2026, 12, 20), 20).calendar_confirmed is True


def test_it_tells_workdays_from_rest_days():
    assert is_workday(D(2025, 9, 26)) is True  # Friday
    assert is_workday(D(2025, 9, 27)) is False  # Saturday
    assert is_workday(D(2025, 9, 28)) is True  # 调休 Sunday
    assert is_workday(D(2025, 10, 1)) is False  # 国庆节, Wednesday
    assert is_workday(D(2027, 3, 1)) is True  # unconfirmed year: weekday rule


def test_it_loads_the_calendar_in_one_query_per_table(django_assert_num_queries):
    with django_assert_num_queries(2):
        add_working_days(D(2025, 9, 26), 20)


def test_it_loads_more_when_a_count_runs_past_the_loaded_range(django_assert_num_queries):
    calendar = Calendar.for_range(D(2025, 9, 27), D(2025, 9, 30))
    with django_assert_num_queries(2):
        assert calendar.add_working_days(D(2025, 9, 26), 20).due == D(2025, 10, 30)


def test_it_counts_a_whole_year_with_one_calendar():
    result = add_working_days(D(2024, 12, 31), 365)
    assert result.due.year == 2026
    assert result.calendar_confirmed is True
