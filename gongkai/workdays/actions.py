"""Writes on the working-day calendar. Superusers only (an `actor` of None is the system itself: migrations,
management commands). Every write sends `calendar_changed` with the affected dates after commit."""

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core import clock
from gongkai.workdays import seed
from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind, Source
from gongkai.workdays.signals import calendar_changed

FIRST_YEAR, LAST_YEAR = 1949, 2999
NAME_MAX = CalendarDay._meta.get_field("name").max_length
NOTE_MAX = CalendarDay._meta.get_field("note").max_length


def require_superuser(actor) -> None:
    if actor is None:
        return
    if not (getattr(actor, "is_authenticated", False) and actor.is_active and actor.is_superuser):
        raise PermissionDenied(_("只有系统管理员可以修改工作日日历。"))


def _announce(first: dt.date, last: dt.date) -> None:
    transaction.on_commit(partial(calendar_changed.send, sender=CalendarDay, first=first, last=last))


def _user(actor):
    return actor if actor is not None and actor.pk is not None else None


def validate_day(date: dt.date, kind: str, name: str) -> str:
    """The cleaned name, or ValidationError with a message fit for a clerk."""
    if kind not in DayKind.values:
        raise ValidationError(_("未知的日期类型“%(kind)s”。") % {"kind": kind})
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("请填写节日名称，如“春节”。"))
    if len(name) > NAME_MAX:
        raise ValidationError(_("节日名称不能超过%(max)d个字。") % {"max": NAME_MAX})
    if kind == DayKind.ADJUSTED_WORKDAY and date.weekday() < 5:
        raise ValidationError(
            _("%(date)s 是周一至周五，本来就是工作日，不能设为调休上班日。") % {"date": date.isoformat()}
        )
    return name


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@transaction.atomic
def do_set_calendar_day(
    date: dt.date, kind: str, name: str, *, actor, note: str = "", source: str = Source.MANUAL
) -> CalendarDay:
    """Make `date` a holiday or a 调休 workday (creating or replacing its row)."""
    require_superuser(actor)
    name = validate_day(date, kind, name)
    day = CalendarDay.objects.select_for_update().filter(date=date).first() or CalendarDay(date=date)
    day.kind, day.name, day.source, day.note = kind, name, source, (note or "").strip()[:NOTE_MAX]
    day.updated_by, day.updated_at = _user(actor), clock.now()
    day.save()
    _announce(date, date)
    return day


@transaction.atomic
def do_clear_calendar_day(date: dt.date, *, actor) -> bool:
    """Remove the row of `date`, so that the weekday rule applies again. False when there was none."""
    require_superuser(actor)
    deleted, _rows = CalendarDay.objects.filter(date=date).delete()
    if deleted:
        _announce(date, date)
    return bool(deleted)


@transaction.atomic
def do_set_year(
    year: int, *, confirmed: bool, actor, note: str = "", source: str = Source.MANUAL
) -> CalendarYear:
    require_superuser(actor)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(_("年度 %(year)s 超出范围。") % {"year": year})
    row = CalendarYear.objects.select_for_update().filter(year=year).first() or CalendarYear(year=year)
    changed = row.pk is None or row.confirmed != confirmed
    row.confirmed, row.source = confirmed, source
    if note:
        row.note = note.strip()[: CalendarYear._meta.get_field("note").max_length]
    if confirmed:
        row.confirmed_by, row.confirmed_at = _user(actor), clock.now()
    else:
        row.confirmed_by = row.confirmed_at = None
    row.save()
    if changed:
        _announce(*_year_bounds(year))
    return row


def do_confirm_year(year: int, *, actor, note: str = "") -> CalendarYear:
    """Mark `year` confirmed: its State Council notice has been entered day by day."""
    return do_set_year(year, confirmed=True, actor=actor, note=note)


@dataclass(frozen=True)
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    years_confirmed: tuple[int, ...] = ()

    def __str__(self):
        years = ", ".join(map(str, self.years_confirmed)) or "-"
        return f"{self.created} created, {self.updated} updated, {self.deleted} deleted; years confirmed: {years}"


@transaction.atomic
def do_apply_notice(year: int, days, *, actor, note: str = "") -> Changes:
    """Enter the State Council notice for `year`: `days` is a list of (date, kind, name).

    The listed dates get rows of source `import`. Rows of `year` that came from the package or an earlier
    import and are not listed are removed, so a corrected transcription can be imported again; rows entered
    by hand (`manual`, e.g. a local closure) stay unless the notice lists their date. The year is confirmed.
    """
    require_superuser(actor)
    first, last = _year_bounds(year)
    listed = {date: (kind, validate_day(date, kind, name)) for date, kind, name in days}
    stale = CalendarDay.objects.filter(
        date__range=(first, last), source__in=[Source.IMPORT, Source.CHINESECALENDAR]
    ).exclude(date__in=listed)
    deleted, _rows = stale.delete()
    existing = {day.date: day for day in CalendarDay.objects.select_for_update().filter(date__in=listed)}
    now, user = clock.now(), _user(actor)
    created = updated = 0
    for date, (kind, name) in sorted(listed.items()):
        day = existing.get(date) or CalendarDay(date=date)
        created += day.pk is None
        updated += day.pk is not None
        day.kind, day.name, day.source, day.note = kind, name, Source.IMPORT, note.strip()[:NOTE_MAX]
        day.updated_by, day.updated_at = user, now
        day.save()
    do_set_year(year, confirmed=True, actor=actor, note=note, source=Source.IMPORT)
    _announce(min([first, *listed]), last)
    return Changes(created=created, updated=updated, deleted=deleted, years_confirmed=(year,))


@transaction.atomic
def do_seed_from_package(*, actor=None) -> Changes:
    """Bring the calendar up to date with the installed chinesecalendar package (idempotent).

    New dates get rows of source `chinesecalendar`; package rows the package changed are updated and those it
    dropped are removed; rows entered by hand or imported are left alone. Covered years are confirmed.
    """
    require_superuser(actor)
    years = seed.covered_years()
    first, last = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    wanted = {day.date: day for day in seed.seed_days()}
    existing = {
        day.date: day for day in CalendarDay.objects.select_for_update().filter(date__range=(first, last))
    }
    note, now, user = f"chinesecalendar {seed.package_version()}", clock.now(), _user(actor)
    changed: list[dt.date] = []
    created = updated = deleted = 0
    for date, row in existing.items():
        if row.source == Source.CHINESECALENDAR and date not in wanted:
            row.delete()
            deleted += 1
            changed.append(date)
    for date, want in wanted.items():
        row = existing.get(date)
        if row is not None and (
            row.source != Source.CHINESECALENDAR or (row.kind, row.name) == (want.kind, want.name)
        ):
            continue
        created += row is None
        updated += row is not None
        row = row or CalendarDay(date=date, source=Source.CHINESECALENDAR)
        row.kind, row.name, row.note, row.updated_by, row.updated_at = want.kind, want.name, note, user, now
        row.save()
        changed.append(date)
    confirmed = set(
        CalendarYear.objects.filter(year__in=years, confirmed=True).values_list("year", flat=True)
    )
    newly = tuple(year for year in years if year not in confirmed)
    for year in newly:
        do_set_year(year, confirmed=True, actor=actor, note=note, source=Source.CHINESECALENDAR)
    if changed:
        _announce(min(changed), max(changed))
    return Changes(created=created, updated=updated, deleted=deleted, years_confirmed=newly)
