"""Import a year's holiday arrangement from a short transcription of the State Council notice
(国务院办公厅关于XXXX年部分节假日安排的通知).

The format, one entry a line; fields separated by a comma (`,` or `，`) or a tab; blank lines and lines
starting with `#` are ignored:

    年度,2027                      the year of the notice (required, once; `year,2027` works too)
    2027-01-01,元旦                 a single holiday
    2027-02-06,2027-02-12,春节      a holiday range, both ends included (at most 31 days)
    2027-02-14,调休上班,春节        a 调休 weekend workday (`上班` or `workday` work too)

Dates are YYYY-MM-DD (or YYYY/MM/DD) and must fall in the year, or in the December before it (元旦 breaks
that start in the old year). Nothing is written unless every line is good; the errors name their lines.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.workdays.actions import Changes, do_apply_notice, require_superuser, validate_day
from gongkai.workdays.models import DayKind

YEAR_WORDS = {"年度", "year"}
WORKDAY_WORDS = {"调休上班", "上班", "workday"}
MAX_RANGE_DAYS = 31
_SPLIT = re.compile(r"\s*[,，\t]\s*")
_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


class NoticeError(ValidationError):
    """The transcription has bad lines; `messages` says which and why, one message per problem."""


@dataclass
class Notice:
    year: int | None = None
    year_line: int | None = None
    # date -> (kind, name, line number)
    days: dict[dt.date, tuple[str, str, int]] = field(default_factory=dict)


def _date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _parse_line(number: int, fields: list[str], notice: Notice, errors: list[str]) -> None:
    def fail(message: str) -> None:
        errors.append(_("第%(line)d行：%(message)s") % {"line": number, "message": message})

    head = fields[0]
    if head.lower() in YEAR_WORDS:
        if notice.year_line is None:
            notice.year_line = number
        if len(fields) != 2 or not re.fullmatch(r"\d{4}", fields[1]):
            return fail(_("年度行应写作“年度,2027”。"))
        if notice.year is not None:
            return fail(_("年度只能写一次。"))
        notice.year = int(fields[1])
        return None
    start = _date(head)
    if start is None:
        return fail(_("“%(text)s”不是有效的日期（应为 YYYY-MM-DD）。") % {"text": head})
    if len(fields) == 2 and _date(fields[1]) is not None:
        return fail(_("缺少节日名称，应为“开始日期,结束日期,名称”。"))
    if len(fields) == 2:
        kind, dates, name = DayKind.HOLIDAY, [start], fields[1]
    elif len(fields) == 3 and fields[1].lower() in WORKDAY_WORDS:
        kind, dates, name = DayKind.ADJUSTED_WORKDAY, [start], fields[2]
    elif len(fields) == 3:
        end = _date(fields[1])
        if end is None:
            return fail(_("第二栏“%(text)s”既不是日期，也不是“调休上班”。") % {"text": fields[1]})
        if end < start:
            return fail(_("结束日期早于开始日期。"))
        if (end - start).days >= MAX_RANGE_DAYS:
            return fail(_("放假区间超过%(max)d天，请检查日期。") % {"max": MAX_RANGE_DAYS})
        kind, name = DayKind.HOLIDAY, fields[2]
        dates = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    else:
        return fail(_("应为“日期,名称”“开始日期,结束日期,名称”或“日期,调休上班,名称”。"))
    for date in dates:
        try:
            validate_day(date, kind, name)
        except ValidationError as exc:
            return fail(" ".join(exc.messages))
        if date in notice.days:
            other = notice.days[date][2]
            return fail(_("%(date)s 已在第%(other)d行出现。") % {"date": date.isoformat(), "other": other})
        notice.days[date] = (kind, name.strip(), number)
    return None


def parse_notice(text: str) -> Notice:
    """The notice in `text`, or NoticeError listing every bad line."""
    notice, errors = Notice(), []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = _SPLIT.split(line)
        while fields and not fields[-1]:
            fields.pop()
        _parse_line(number, fields, notice, errors)
    if notice.year_line is None:
        errors.append(_("缺少年度行，如“年度,2027”。"))
    elif notice.year is not None:
        first, last = dt.date(notice.year - 1, 12, 1), dt.date(notice.year, 12, 31)
        for date, (_kind, _name, number) in sorted(notice.days.items()):
            if not first <= date <= last:
                errors.append(
                    _("第%(line)d行：%(date)s 不在%(year)d年（或其前一年12月）内。")
                    % {"line": number, "date": date.isoformat(), "year": notice.year}
                )
    if not notice.days and not errors:
        errors.append(_("通知中没有任何放假或调休日期。"))
    if errors:
        raise NoticeError(list(dict.fromkeys(errors)))
    return notice


def import_notice(text: str, *, actor, note: str = "") -> Changes:
    """Parse `text` and enter it in one transaction: all of it, or nothing when any line is bad."""
    require_superuser(actor)
    notice = parse_notice(text)
    days = [(date, kind, name) for date, (kind, name, _line) in notice.days.items()]
    return do_apply_notice(notice.year, days, actor=actor, note=note)
