"""Editing the calendar through the actions: superusers only, validated, and announced after commit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.workdays.actions import (
    do_clear_calendar_day,
    do_confirm_year,
    do_set_calendar_day,
    do_set_year,
)
from gongkai.workdays.counting import is_workday
from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind, Source
from gongkai.workdays.signals import calendar_changed

D = dt.date


@pytest.fixture
def announcements():
    received = []

    def receiver(sender, first, last, **kwargs):
        received.append((first, last))

    calendar_changed.connect(receiver)
    yield received
    calendar_changed.disconnect(receiver)


def test_it_lets_a_superuser_add_a_holiday(root):
    day = do_set_calendar_day(
        D(2027, 1, 1), DayKind.HOLIDAY, " 元旦 ", actor=root, note="国办发明电〔2026〕1号"
    )
    assert (day.kind, day.name, day.source, day.updated_by) == (DayKind.HOLIDAY, "元旦", Source.MANUAL, root)
    assert day.updated_at is not None
    assert is_workday(D(2027, 1, 1)) is False


def test_it_lets_a_superuser_add_a_make_up_workday(root):
    do_set_calendar_day(D(2027, 2, 20), DayKind.ADJUSTED_WORKDAY, "春节", actor=root)
    assert is_workday(D(2027, 2, 20)) is True  # a Saturday


def test_it_replaces_the_row_of_a_date(root):
    do_set_calendar_day(D(2025, 10, 8), DayKind.HOLIDAY, "地方停工", actor=root)
    row = CalendarDay.objects.get(date=D(2025, 10, 8))
    assert (row.name, row.source) == ("地方停工", Source.MANUAL)


def test_it_clears_a_day(root):
    assert do_clear_calendar_day(D(2025, 10, 1), actor=root) is True
    assert is_workday(D(2025, 10, 1)) is True
    assert do_clear_calendar_day(D(2025, 10, 1), actor=root) is False


def test_it_refuses_a_make_up_workday_on_a_weekday(root):
    with pytest.raises(ValidationError, match="本来就是工作日"):
        do_set_calendar_day(D(2027, 2, 22), DayKind.ADJUSTED_WORKDAY, "春节", actor=root)
    assert not CalendarDay.objects.filter(date=D(2027, 2, 22)).exists()


@pytest.mark.parametrize(
    ("kind", "name"), [("holiday", ""), ("holiday", "   "), ("rest", "春节"), ("holiday", "节" * 51)]
)
def test_it_refuses_bad_days(root, kind, name):
    with pytest.raises(ValidationError):
        do_set_calendar_day(D(2027, 1, 1), kind, name, actor=root)
    assert not CalendarDay.objects.filter(date=D(2027, 1, 1)).exists()


def test_it_confirms_a_year(root):
    row = do_confirm_year(2027, actor=root, note="国办发明电〔2026〕1号")
    assert (row.confirmed, row.confirmed_by, row.note) == (True, root, "国办发明电〔2026〕1号")
    assert row.confirmed_at is not None
    row = do_set_year(2027, confirmed=False, actor=root)
    assert (row.confirmed, row.confirmed_by, row.confirmed_at) == (False, None, None)


def test_it_refuses_a_year_out_of_range(root):
    with pytest.raises(ValidationError):
        do_confirm_year(12027, actor=root)


@pytest.mark.parametrize("persona", ["dora", "alice", "citizen"])
def test_it_refuses_everyone_but_superusers(request, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        do_set_calendar_day(D(2027, 1, 1), DayKind.HOLIDAY, "元旦", actor=user)
    with pytest.raises(PermissionDenied):
        do_clear_calendar_day(D(2025, 10, 1), actor=user)
    with pytest.raises(PermissionDenied):
        do_confirm_year(2027, actor=user)
    assert not CalendarDay.objects.filter(date=D(2027, 1, 1)).exists()
    assert CalendarDay.objects.filter(date=D(2025, 10, 1)).exists()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_refuses_an_inactive_superuser(root):
    root.is_active = False
    with pytest.raises(PermissionDenied):
        do_confirm_year(2027, actor=root)


def test_it_announces_a_changed_day_after_commit(root, announcements, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        do_set_calendar_day(D(2027, 1, 1), DayKind.HOLIDAY, "元旦", actor=root)
        assert announcements == []  # not before the commit
    for callback in callbacks:
        callback()
    assert announcements == [(D(2027, 1, 1), D(2027, 1, 1))]


def test_it_announces_a_cleared_day_and_a_confirmed_year(
    root, announcements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_clear_calendar_day(D(2025, 10, 1), actor=root)
        do_clear_calendar_day(D(2025, 10, 1), actor=root)  # nothing to clear, nothing to announce
        do_confirm_year(2027, actor=root)
        do_confirm_year(2027, actor=root)  # already confirmed
    assert announcements == [(D(2025, 10, 1), D(2025, 10, 1)), (D(2027, 1, 1), D(2027, 12, 31))]


def test_it_announces_nothing_when_an_edit_fails(root, announcements, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        do_set_calendar_day(D(2027, 2, 22), DayKind.ADJUSTED_WORKDAY, "春节", actor=root)
    assert announcements == []
