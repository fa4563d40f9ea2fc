"""`gongkai workdays seed | years | add` and the data migration that seeds a fresh database."""

import datetime as dt
import importlib
import time
from io import StringIO

import chinese_calendar
import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from gongkai.workdays import seed
from gongkai.workdays.actions import do_set_calendar_day
from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind, Source

D = dt.date


def run(*args) -> str:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


def test_the_seed_covers_every_year_of_the_package():
    assert seed.covered_years()[0] == 2004
    assert set(range(2004, 2027)) <= set(seed.covered_years())
    confirmed = set(CalendarYear.objects.filter(confirmed=True).values_list("year", flat=True))
    assert set(seed.covered_years()) <= confirmed
    assert 2027 not in confirmed


def test_the_seed_stores_weekday_holidays_and_make_up_workdays_with_chinese_names():
    assert CalendarDay.objects.get(date=D(2025, 10, 1)).name == "国庆节"
    assert CalendarDay.objects.get(date=D(2026, 2, 14)).kind == DayKind.ADJUSTED_WORKDAY
    weekday_holidays = {d for d in chinese_calendar.holidays if d.weekday() < 5}
    stored = set(CalendarDay.objects.filter(kind=DayKind.HOLIDAY).values_list("date", flat=True))
    assert weekday_holidays <= stored
    adjusted = set(CalendarDay.objects.filter(kind=DayKind.ADJUSTED_WORKDAY).values_list("date", flat=True))
    assert adjusted == set(chinese_calendar.workdays)
    assert all(day.weekday() >= 5 for day in adjusted)


def test_seeding_again_changes_nothing():
    assert run("seed").strip() == "0 created, 0 updated, 0 deleted; years confirmed: -"


def test_seeding_repairs_package_rows_and_keeps_hand_made_ones(root):
    CalendarDay.objects.filter(date=D(2025, 10, 2)).delete()
    CalendarDay.objects.filter(date=D(2025, 10, 3)).update(name="改错的名字")
    CalendarDay.objects.create(
        date=D(2025, 11, 3), kind=DayKind.HOLIDAY, name="包里没有", source=Source.CHINESECALENDAR
    )
    do_set_calendar_day(D(2025, 10, 4), DayKind.HOLIDAY, "手工改名", actor=root)
    CalendarYear.objects.filter(year=2025).update(confirmed=False)
    assert run("seed").strip() == "1 created, 1 updated, 1 deleted; years confirmed: 2025"
    assert CalendarDay.objects.get(date=D(2025, 10, 2)).name == "国庆节"
    assert CalendarDay.objects.get(date=D(2025, 10, 3)).name == "国庆节"
    assert not CalendarDay.objects.filter(date=D(2025, 11, 3)).exists()
    assert CalendarDay.objects.get(date=D(2025, 10, 4)).name == "手工改名"
    assert CalendarYear.objects.get(year=2025).confirmed is True


def test_the_data_migration_seeds_an_empty_calendar_quickly():
    CalendarDay.objects.all().delete()
    CalendarYear.objects.all().delete()
    migration = importlib.import_module("gongkai.workdays.migrations.0002_seed_chinesecalendar")
    began = time.monotonic()
    migration.seed(apps, None)
    assert time.monotonic() - began < 2
    assert CalendarDay.objects.count() == len(seed.seed_days())
    assert CalendarYear.objects.filter(confirmed=True).count() == len(seed.covered_years())
    assert run("seed").startswith("0 created, 0 updated, 0 deleted")


def test_the_years_command_lists_confirmed_and_unconfirmed_years(root):
    do_set_calendar_day(D(2027, 1, 1), DayKind.HOLIDAY, "元旦", actor=root)
    lines = run("years").splitlines()
    assert "2026 confirmed source=chinesecalendar holidays=33 adjusted_workdays=6" in lines
    assert "2027 UNCONFIRMED source=- holidays=1 adjusted_workdays=0" in lines


def test_the_add_command_explains_the_due_date():
    out = run("add", "2025-09-26", "20")
    assert out.splitlines()[0] == "2025-10-30"
    assert "skipped 2025-10-01 国庆节" in out
    assert "counted 2025-09-28 国庆节 (调休上班)" in out
    assert run("add", "2026-12-20", "20").splitlines()[0] == "2027-01-15 (calendar unconfirmed)"


def test_the_add_command_refuses_zero_days():
    with pytest.raises(CommandError, match="at least 1"):
        run("add", "2025-09-26", "0")
