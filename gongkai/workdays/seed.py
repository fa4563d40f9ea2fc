"""What the `chinesecalendar` package (import name `chinese_calendar`) knows, as plain tuples.

Used by the initial data migration and by `gongkai workdays seed`; it reads only the package, never the
database, so the migration's result depends on nothing but the installed package version.
"""

import datetime as dt
from dataclasses import dataclass

import chinese_calendar

# The package names holidays in English; the calendar shows the names of the State Council notices.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

HOLIDAY = "holiday"
ADJUSTED_WORKDAY = "adjusted_workday"


@dataclass(frozen=True)
class SeedDay:
    date: dt.date
    kind: str
    name: str


def package_version() -> str:
    return chinese_calendar.__version__


def covered_years() -> list[int]:
    """Every year the package has the State Council notice for (1.11.0: 2004–2026)."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return list(range(min(years), max(years) + 1))


def _name(label: str) -> str:
    return HOLIDAY_NAMES.get(label, label)


def seed_days() -> list[SeedDay]:
    """Every named holiday (weekday or weekend, so that skipped days carry their name) and every 调休
    workday. Ordinary weekends and ordinary weekdays need no row."""
    days = [SeedDay(d, HOLIDAY, _name(label)) for d, label in chinese_calendar.holidays.items()]
    days += [SeedDay(d, ADJUSTED_WORKDAY, _name(label)) for d, label in chinese_calendar.workdays.items()]
    return sorted(days, key=lambda day: day.date)
