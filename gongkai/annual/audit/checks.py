"""Every check the auditor runs, each returning findings: table identities and cell types, table recovery
problems, structure (sections, statistics period, publication date), narrative arithmetic and narrative vs tables."""

from __future__ import annotations

import bisect
import re
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from gongkai.annual.audit import tables as T
from gongkai.annual.audit.findings import ERROR, NOTE, WARNING, Finding, excerpt
from gongkai.annual.audit.sections import FoundSection
from gongkai.annual.formats import COLUMN_EQUATION, Format, cell_type_errors, evaluate
from gongkai.annual.formats.base import table_name
from gongkai.core.numerals import AMOUNT_RE, amount_from_match

# --- tables -----------------------------------------------------------------------------------------------------


def table_findings(text: str, fmt: Format, results: dict[str, T.TableResult]) -> list[Finding]:
    out: list[Finding] = []
    for key, result in results.items():
        table = fmt.table(key)
        if not result.found:
            out.append(
                Finding(
                    "table.missing",
                    WARNING,
                    _("正文中未找到%(table)s“%(title)s”") % {"table": table_name(key), "title": table.title},
                )
            )
            continue
        width = 15 if key == "table4" else None
        decided_by = _("行与表的勾稽关系") if fmt_has_identities(fmt, key) else _("所印数字")
        for row_key, row in result.rows.items():
            label = table.title if key == "table4" else table.row(row_key).label
            # table 4 is printed as one row: the table itself; otherwise e.g. 表三“予以公开”一行
            where = (
                table_name(key)
                if key == "table4"
                else _("%(table)s“%(row)s”一行") % {"table": table_name(key), "row": label}
            )
            cells = width or len(table.columns_of(table.row(row_key)))
            shown = row.raw.strip()
            if row.status == T.MISSING:
                out.append(
                    Finding(
                        "table.row_missing",
                        WARNING,
                        _("%(table)s：未找到表中的数字") % {"table": table_name(key)}
                        if key == "table4"
                        else _("%(table)s：未找到“%(label)s”一行")
                        % {"table": table_name(key), "label": label},
                        expected=label,
                    )
                )
            elif row.status == T.AMBIGUOUS:
                readings = "; ".join(" ".join(map(str, r)) for r in row.readings[:5])
                out.append(
                    _at(text, row.span, "table.ambiguous", NOTE,
                        _("%(where)s：“%(shown)s”有%(count)s种符合%(decided_by)s的读法（%(readings)s），"
                          "仅凭正文无法确定是哪一种")
                        % {"where": where, "shown": shown, "count": len(row.readings), "decided_by": decided_by,
                           "readings": readings + ("; …" if len(row.readings) > 5 else "")},
                        found=shown)
                )  # fmt: skip
            elif row.status == T.INCONSISTENT:
                out.append(
                    _at(text, row.span, "table.no_consistent_reading", ERROR,
                        _("%(where)s：“%(shown)s”无论如何拆分为%(cells)s个单元格，都不能使每个总计等于其各分项之和")
                        % {"where": where, "shown": shown, "cells": cells},
                        found=shown)
                )  # fmt: skip
            elif row.status == T.UNREADABLE:
                out.append(
                    _at(text, row.span, "table.unreadable_row", WARNING,
                        _("%(where)s：“%(shown)s”读不出应有的%(cells)s个单元格")
                        % {"where": where, "shown": shown[:60], "cells": cells}, found=shown[:60])
                )  # fmt: skip
            if key == "table4" and row.status != T.OK:
                break  # table 4 is one printed row: one finding is enough
    filled = {key: result.values() for key, result in results.items()}
    for failure in evaluate(fmt, filled):
        result = results[failure.table]
        if _kind(fmt, failure.identity) == COLUMN_EQUATION:
            span = result.span
        else:
            span = result.rows[failure.where].span
        out.append(
            _at(
                text,
                span,
                failure.identity,
                ERROR,
                failure.message,
                expected=failure.expected,
                found=failure.found,
            )
        )
    for table_key, row_key, index, value in cell_type_errors(fmt, filled):
        span = results[table_key].rows[row_key].span
        out.append(
            _at(text, span, "cell.type", ERROR, _("%(table)s“%(row)s”一行：第%(index)s个单元格为%(value)s，不是非负数")
            % {"table": table_name(table_key), "row": fmt.table(table_key).row(row_key).label, "index": index + 1,
               "value": value},
                found=value)
        )  # fmt: skip
    return out


def fmt_has_identities(fmt: Format, table_key: str) -> bool:
    return any(i.table == table_key for i in fmt.identities)


def _kind(fmt: Format, identity_key: str) -> str:
    return next(i.kind for i in fmt.identities if i.key == identity_key)


def _at(text: str, span, rule: str, severity: str, message: str, expected=None, found=None) -> Finding:
    if span is None:
        return Finding(rule, severity, message, None, "", expected, found)
    start, end = span
    return Finding(rule, severity, message, (start, end), excerpt(text, start, end), expected, found)


# --- structure --------------------------------------------------------------------------------------------------


def section_findings(text: str, fmt: Format, sections: list[FoundSection]) -> list[Finding]:
    out = []
    by_key = {s.key: s for s in sections}
    for section in fmt.sections:
        if section.required and by_key[section.key].start is None:
            out.append(
                Finding(
                    "structure.section_missing",
                    WARNING,
                    _("未找到章节“%(number)s、%(title)s”")
                    % {"number": section.number, "title": section.title},
                    expected=section.title,
                )
            )
    present = [s for s in sections if s.start is not None]
    for before, after in zip(present, present[1:], strict=False):
        if after.start < before.start:
            out.append(
                _at(text, (after.start, after.start + len(after.heading)), "structure.section_order", WARNING,
                    _("章节“%(after)s”排在“%(before)s”之前") % {"after": after.title, "before": before.title})
            )  # fmt: skip
            break
    return out


PERIOD_RE = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间|范围)[^。；]{0,40}")
DATE_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def period_findings(text: str, year: int | None) -> list[Finding]:
    m = PERIOD_RE.search(text)
    if not m:
        return [Finding("structure.period_missing", WARNING, _("未写明统计期限"))]
    dates = [(int(y) if y else None, int(mo), int(d)) for y, mo, d in DATE_RE.findall(m.group(0))]
    if not dates:
        return [
            _at(
                text,
                m.span(),
                "structure.period_blank",
                WARNING,
                _("写明了统计期限，但未写明起止日期"),
            )
        ]
    if year is None:
        return []
    start, end = dates[0], dates[-1]
    expected = f"{year}年1月1日至{year}年12月31日"
    ok = start == (year, 1, 1) and len(dates) > 1 and end[1:] == (12, 31) and end[0] in (None, year)
    if ok:
        return []
    return [
        _at(text, m.span(), "structure.period_wrong", ERROR, _("统计期限应为%(expected)s") % {"expected": expected},
            expected=expected, found=m.group(0))
    ]  # fmt: skip


def publication_findings(text: str, fmt: Format, year: int | None) -> list[Finding]:
    """The date the report closes with, against the latest legal deadline (31 March of the next year)."""
    if year is None:
        return []
    tail_start = max(0, len(text) - 300)
    found = None
    for m in DATE_RE.finditer(text, tail_start):
        if m.group(1):
            found = m
    if not found:
        return []
    try:
        published = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return [_at(text, found.span(), "structure.date_invalid", WARNING, _("落款日期不是实际存在的日期"))]
    deadline = date(year + 1, 3, 31)
    if published > deadline:
        return [
            _at(text, found.span(), "structure.published_late", WARNING,
                _("落款日期为%(published)s，晚于最迟法定期限%(deadline)s（部门为1月31日，政府为3月31日）")
                % {"published": published.isoformat(), "deadline": deadline.isoformat()},
                expected=deadline.isoformat(), found=published.isoformat())
        ]  # fmt: skip
    if published.year <= year:
        return [
            _at(text, found.span(), "structure.published_early", NOTE,
                _("落款日期为%(published)s，早于报告年度%(year)s年结束") % {"published": published.isoformat(), "year": year},
                found=published.isoformat())
        ]  # fmt: skip
    return []


# --- narrative --------------------------------------------------------------------------------------------------

UNITS = r"(?:人次|万元|亿元|元|件|条|次|人|篇|期|场|个|项|份|家|起|批|名|余件|余条|余次)"
NUM = AMOUNT_RE.pattern
WHOLE_RE = re.compile(
    r"(?:共|合计|总计|总数|累计)[^，。；：,\d%]{0,16}?" + NUM + r"\s*(?P<unit>" + UNITS + r")"
)
# "在…公开的2026条政府信息中，A条，占x%；B条…"
WHOLE_IN_RE = re.compile(
    r"在[^。，；]{0,40}?的\s*" + NUM + r"\s*(?P<unit>" + UNITS + r")[^。，；\d]{0,12}?中"
)
PART_RE = re.compile(NUM + r"\s*(?P<unit>" + UNITS + r")?(?=\s*[，。；、,;）)]|\s*$)")


CJK_WRAP_RE = re.compile(r"(?<=[\u4e00-\u9fff（）“”、])\n(?=[\u4e00-\u9fff（）“”、])")


class Compact:
    """The text without line breaks (hard-wrapped PDF text), with a map back to the original offsets.

    With `cjk_only`, only breaks between two CJK characters go (a label wrapped mid-word), so that numbers on
    separate lines stay separate."""

    def __init__(self, text: str, cjk_only: bool = False):
        regex = CJK_WRAP_RE if cjk_only else re.compile("\n")
        positions = [m.start() for m in regex.finditer(text)]
        self.text = regex.sub("", text)
        # compact position of each removed line break, ascending
        self.breaks = [p - k for k, p in enumerate(positions)]

    def original(self, i: int) -> int:
        return i + bisect.bisect_right(self.breaks, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return (self.original(start), self.original(start))
        return (self.original(start), self.original(end - 1) + 1)


def _amount(m: re.Match) -> Decimal | None:
    try:
        return amount_from_match(m).value
    except ValueError:
        return None


def narrative_findings(text: str, compact: Compact) -> list[Finding]:
    out = []
    t = compact.text
    wholes = [(m, True) for m in WHOLE_RE.finditer(t)] + [(m, False) for m in WHOLE_IN_RE.finditer(t)]
    for whole, needs_head in sorted(wholes, key=lambda w: w[0].start()):
        rest = t[whole.end() : whole.end() + 60]
        head = re.match(
            r"[^，。；共其]{0,40}?[，,：:]?\s*其中[，,：:]?" if needs_head else r"[，,：:]?", rest
        )
        if not head:
            continue
        sentence_end = _sentence_end(t, whole.end() + head.end(), "；;" if needs_head else "")
        value = _amount(whole)
        if value is None or value == 0:
            continue
        unit = whole.group("unit")
        parts = []
        clause_start = whole.end() + head.end()
        for part in PART_RE.finditer(t, clause_start, sentence_end):
            if part.group("unit") not in (None, unit):
                continue
            if part.group("approx_pre") or part.group("approx_post"):
                continue
            v = _amount(part)
            if v is not None and (part.group("unit") or part.group("num")[0].isdigit()):
                parts.append(v)
                out.extend(_percentage(text, compact, part, v, value))
        if len(parts) < 2:
            continue
        total = sum(parts)
        approximate = bool(whole.group("approx_pre") or whole.group("approx_post"))
        span = compact.span(whole.start(), sentence_end)
        shown = " + ".join(str(_fmt(p)) for p in parts)
        if total == value or (approximate and total >= value):
            continue
        if total > value and not approximate:
            out.append(
                Finding("narrative.parts_exceed_whole", ERROR,
                        _("各分项之和（%(parts)s = %(total)s）超过所述总数%(whole)s%(unit)s")
                        % {"parts": shown, "total": _fmt(total), "whole": _fmt(value), "unit": unit},
                        span, excerpt(text, *span), _fmt(value), _fmt(total))
            )  # fmt: skip
        elif needs_head:  # "在…的N条中" lists the main categories only: a shortfall is normal there
            out.append(
                Finding("narrative.parts_short_of_whole", WARNING,
                        _("“其中”所列各分项之和（%(parts)s = %(total)s）不等于总数%(whole)s%(unit)s")
                        % {"parts": shown, "total": _fmt(total), "whole": _fmt(value), "unit": unit},
                        span, excerpt(text, *span), _fmt(value), _fmt(total))
            )  # fmt: skip
    return out


PERCENT_RE = re.compile(r"\s*[，,（(]?\s*占[^，。；\d%]{0,12}?(\d{1,3}(?:\.(\d+))?)\s*[%％]")


def _percentage(text: str, compact: Compact, part: re.Match, value: Decimal, whole: Decimal) -> list[Finding]:
    """ "其中 A 件，占 P%": P against A / whole at the printed precision (half a unit of the last digit)."""
    m = PERCENT_RE.match(compact.text, part.end())
    if not m or not whole:
        return []
    stated = Decimal(m.group(1))
    places = len(m.group(2) or "")
    actual = value * 100 / whole
    unit = Decimal(1) / (10**places)
    if abs(actual - stated) <= unit / 2 or stated <= actual < stated + unit:  # rounded or truncated
        return []
    span = compact.span(part.start(), m.end())
    shown = round(actual, places)
    return [
        Finding(
            "narrative.percentage",
            WARNING,
            _("%(part)s占%(whole)s的%(actual)s%%，正文为%(stated)s%%")
            % {"part": _fmt(value), "whole": _fmt(whole), "actual": shown, "stated": stated},
            span,
            excerpt(text, *span),
            _fmt(Decimal(shown)),
            _fmt(stated),
        )
    ]


def carry_over_findings(result: dict, previous: dict) -> list[Finding]:
    """This year's 二、上年结转 against last year's 四、结转下年度, column by column (a soft identity)."""
    out = []
    if result.get("year") and previous.get("year") and previous["year"] != result["year"] - 1:
        out.append(
            Finding(
                "carryover.year",
                NOTE,
                _("用于比对的上一年度报告为%(found)s年度，不是%(expected)s年度")
                % {"found": previous["year"], "expected": result["year"] - 1},
                expected=result["year"] - 1,
                found=previous["year"],
            )
        )
    this = ((result.get("tables") or {}).get("table3") or {}).get("rows", {}).get("carried_in")
    last = ((previous.get("tables") or {}).get("table3") or {}).get("rows", {}).get("carried_out")
    if not this or not last:
        return out
    labels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for label, now, before in zip(labels, this, last, strict=False):
        if now != before:
            out.append(
                Finding(
                    "carryover.mismatch",
                    WARNING,
                    _("%(label)s：上年结转为%(now)s，而上一年度报告的结转下年度为%(before)s")
                    % {"label": label, "now": now, "before": before},
                    expected=before,
                    found=now,
                )
            )
    return out


def _sentence_end(t: str, pos: int, also: str = "") -> int:
    """Where the parts of a whole end: the full stop, or a new whole (共/合计/…) or 其中 further on."""
    m = re.compile(r"[。\n" + also + r"]|共|合计|总计|总数|累计|其中").search(t, pos)
    return m.start() if m else len(t)


def _fmt(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


NARRATIVE_CELLS = (
    # (rule, regex, table-3 row whose 总计 the number states)
    ("new", re.compile(r"(?:收到|受理|新收)[^，。；\d]{0,12}?申请[^，。；\d]{0,4}?" + NUM + r"\s*件")),
    ("carried_in", re.compile(r"上年(?:度)?结转[^，。；\d]{0,14}?" + NUM + r"\s*件")),
    ("carried_out", re.compile(r"结转(?:至)?下(?:一)?年(?:度)?[^，。；\d]{0,8}?" + NUM + r"\s*件")),
)


NARRATIVE_ROW_LABELS = {
    "new": "本年新收政府信息公开申请数量",
    "carried_in": "上年结转政府信息公开申请数量",
    "carried_out": "结转下年度继续办理",
}


APPEAL_CELLS = (
    # (label, regex, table-4 rows whose 总计 the number states)
    ("行政复议", re.compile(r"行政复议(?:案件)?[^，。；\d、]{0,4}?" + NUM + r"\s*(?:件|起)"), ("review",)),
    (
        "行政诉讼",
        re.compile(r"行政诉讼(?:案件)?[^，。；\d、]{0,4}?" + NUM + r"\s*(?:件|起)"),
        ("lawsuit_direct", "lawsuit_after_review"),
    ),
)


def narrative_appeal_findings(text: str, compact: Compact, table4: dict[str, list]) -> list[Finding]:
    """ "行政复议案件2件" against table 4's 总计 cells."""
    out = []
    if len(table4) != 3:
        return out
    for label, regex, rows in APPEAL_CELLS:
        expected = sum(table4[r][-1] for r in rows)
        for m in regex.finditer(compact.text):
            value = _amount(m)
            if value is None or m.group("approx_pre") or m.group("approx_post") or value == expected:
                continue
            span = compact.span(*m.span())
            out.append(
                Finding("narrative.table_mismatch", WARNING,
                        _("正文称%(label)s案件%(found)s件，表四为%(expected)s件")
                        % {"label": label, "found": _fmt(value), "expected": expected},
                        span, excerpt(text, *span), expected, _fmt(value))
            )  # fmt: skip
    return out


def narrative_table_findings(text: str, compact: Compact, table3: dict[str, list]) -> list[Finding]:
    out = []
    t = compact.text
    for row_key, regex in NARRATIVE_CELLS:
        cells = table3.get(row_key)
        if not cells:
            continue
        for m in regex.finditer(t):
            value = _amount(m)
            if value is None or m.group("approx_pre") or m.group("approx_post"):
                continue
            expected = cells[-1]
            if value == expected:
                continue
            span = compact.span(*m.span())
            carried = table3.get("carried_in")
            if row_key == "new" and carried and value == expected + carried[-1]:
                out.append(
                    Finding("narrative.table_mismatch", NOTE,
                            _("正文所述%(found)s件将本年新收（%(new)s件）与上年结转（%(carried)s件）申请合并计算；"
                              "表三第一行（本年新收）为%(expected)s件")
                            % {"found": _fmt(value), "new": expected, "carried": carried[-1], "expected": expected},
                            span, excerpt(text, *span), expected, _fmt(value))
                )  # fmt: skip
                continue
            out.append(
                Finding("narrative.table_mismatch", WARNING,
                        _("正文称%(found)s件，表三“%(row)s”一行总计栏为%(expected)s件")
                        % {"found": _fmt(value), "row": NARRATIVE_ROW_LABELS[row_key], "expected": expected},
                        span, excerpt(text, *span), expected, _fmt(value))
            )  # fmt: skip
    return out


# --- legacy 统计表 (gongkai.annual.audit.legacy_tables) -------------------------------------------------------------


def legacy_table_findings(text: str, table) -> list[Finding]:
    """The legacy 政府信息公开情况统计表: its identities and the narrative against it."""
    from gongkai.annual.audit import legacy_tables

    return legacy_tables.findings(text, table)
