"""Counting working days (工作日) on the calendar as data.

A day is a workday when it has an `adjusted_workday` row (调休上班), or when it has no row and is Monday to
Friday. A `holiday` row makes any day a rest day. Years without a confirmed `CalendarYear` fall back to that
weekday rule, and every result that counted a day in such a year says `calendar_confirmed=False`.

`add_working_days(start, n)` counts from the day after `start` (民法典 art 201) and returns the n-th workday;
it never lands on a rest day. `Calendar` holds the rows of a date range (one query for the days, one for the
years) and loads more when a count runs past them; code that counts many deadlines builds one `Calendar` and
passes it in.
"""

import datetime as dt
from dataclasses import dataclass

from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind

ONE_DAY = dt.timedelta(days=1)
# When a count runs past the loaded range, load this many more days at once.
CHUNK_DAYS = 400


@dataclass(frozen=True)
class NamedDay:
    date: dt.date
    name: str


@dataclass(frozen=True)
class Result:
    start: dt.date
    days: int
    due: dt.date
    calendar_confirmed: bool
    # Holidays (rows of kind `holiday`) between start (excluded) and due, with their names. Ordinary
    # weekends are skipped too but not listed.
    skipped: tuple[NamedDay, ...]
    # 调休 weekend workdays that were counted.
    counted_adjusted: tuple[NamedDay, ...]
    # Years of counted days whose calendar is not confirmed (weekends-only fallback).
    unconfirmed_years: tuple[int, ...]


def _check_days(n) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of working days must be an int, not {type(n).__name__}")
    if n < 1:
        raise ValueError(f"the number of working days must be at least 1, got {n}")


def _next(day: dt.date) -> dt.date:
    try:
        return day + ONE_DAY
    except OverflowError:
        raise ValueError("the count runs past the last representable date") from None


class Calendar:
    """The calendar rows of a date range, loaded on demand; answers `is_workday` and counts."""

    def __init__(self):
        self._days: dict[dt.date, tuple[str, str]] = {}
        self._confirmed: dict[int, bool] = {}
        self._first: dt.date | None = None
        self._last: dt.date | None = None

    @classmethod
    def for_range(cls, first: dt.date, last: dt.date) -> "Calendar":
        calendar = cls()
        calendar._load(first, last)
        return calendar

    def _load(self, first: dt.date, last: dt.date) -> None:
        rows = CalendarDay.objects.filter(date__range=(first, last)).values_list("date", "kind", "name")
        self._days.update({date: (kind, name) for date, kind, name in rows})
        years = range(first.year, last.year + 1)
        confirmed = set(
            CalendarYear.objects.filter(year__in=years, confirmed=True).values_list("year", flat=True)
        )
        self._confirmed.update({year: year in confirmed for year in years})
        self._first = first if self._first is None else min(first, self._first)
        self._last = last if self._last is None else max(last, self._last)

    def _ensure(self, day: dt.date) -> None:
        if self._first is None:
            self._load(day, day)
        elif day > self._last:
            try:
                end = max(day, self._last + dt.timedelta(days=CHUNK_DAYS))
            except OverflowError:
                end = dt.date.max
            self._load(self._last + ONE_DAY, end)
        elif day < self._first:
            try:
                begin = min(day, self._first - dt.timedelta(days=CHUNK_DAYS))
            except OverflowError:
                begin = dt.date.min
            self._load(begin, self._first - ONE_DAY)

    def override(self, day: dt.date) -> tuple[str, str] | None:
        """(kind, name) of the row for `day`, or None when the weekday rule applies."""
        self._ensure(day)
        return self._days.get(day)

    def is_workday(self, day: dt.date) -> bool:
        row = self.override(day)
        if row is not None:
            return row[0] == DayKind.ADJUSTED_WORKDAY
        return day.weekday() < 5

    def is_confirmed(self, year: int) -> bool:
        if year not in self._confirmed:
            self._ensure(dt.date(year, 1, 1))
            self._ensure(dt.date(year, 12, 31))
        return self._confirmed[year]

    def add_working_days(self, start: dt.date, n: int) -> Result:
        _check_days(n)
        skipped: list[NamedDay] = []
        adjusted: list[NamedDay] = []
        years: set[int] = set()
        day, counted = start, 0
        while counted < n:
            day = _next(day)
            years.add(day.year)
            row = self.override(day)
            if row is not None:
                kind, name = row
                if kind == DayKind.ADJUSTED_WORKDAY:
                    adjusted.append(NamedDay(day, name))
                    counted += 1
                else:
                    skipped.append(NamedDay(day, name))
            elif day.weekday() < 5:
                counted += 1
        unconfirmed = tuple(sorted(year for year in years if not self.is_confirmed(year)))
        return Result(
            start=start,
            days=n,
            due=day,
            calendar_confirmed=not unconfirmed,
            skipped=tuple(skipped),
            counted_adjusted=tuple(adjusted),
            unconfirmed_years=unconfirmed,
        )


def _estimate_last(start: dt.date, n: int) -> dt.date:
    """A range that usually holds n workdays after `start`: 7/5 of n plus two weeks of holidays a year."""
    try:
        return start + dt.timedelta(days=n * 7 // 5 + 14 * (n // 250 + 1))
    except OverflowError:
        return dt.date.max


def is_workday(day: dt.date, calendar: Calendar | None = None) -> bool:
    return (calendar or Calendar()).is_workday(day)


def add_working_days(start: dt.date, n: int, calendar: Calendar | None = None) -> Result:
    """The n-th workday after `start` (start itself never counts; n ≥ 1, otherwise ValueError)."""
    _check_days(n)
    if calendar is None:
        calendar = Calendar.for_range(_next(start), _estimate_last(start, n))
    return calendar.add_working_days(start, n)
