"""Every check the auditor runs, each returning findings: table identities and cell types, table recovery
problems, structure (sections, statistics period, publication date), narrative arithmetic and narrative vs tables."""

from __future__ import annotations

import bisect
import re
from datetime import date
from decimal import Decimal

from gongkai.annual.audit import tables as T
from gongkai.annual.audit.findings import ERROR, NOTE, WARNING, Finding, excerpt
from gongkai.annual.audit.sections import FoundSection
from gongkai.annual.formats import COLUMN_EQUATION, Format, cell_type_errors, evaluate
from gongkai.core.numerals import AMOUNT_RE, amount_from_match

# --- tables -----------------------------------------------------------------------------------------------------


def table_findings(text: str, fmt: Format, results: dict[str, T.TableResult]) -> list[Finding]:
    out: list[Finding] = []
    for key, result in results.items():
        table = fmt.table(key)
        if not result.found:
            out.append(Finding("table.missing", WARNING, f"{table.title}: table not found in the text"))
            continue
        width = 15 if key == "table4" else None
        decided_by = "the row and table identities" if fmt_has_identities(fmt, key) else "the printed digits"
        for row_key, row in result.rows.items():
            label = table.title if key == "table4" else table.row(row_key).label
            cells = width or len(table.columns_of(table.row(row_key)))
            shown = row.raw.strip()
            if row.status == T.MISSING:
                out.append(
                    Finding(
                        "table.row_missing",
                        WARNING,
                        f"{table.title}: row “{label}” not found",
                        expected=label,
                    )
                )
            elif row.status == T.AMBIGUOUS:
                readings = "; ".join(" ".join(map(str, r)) for r in row.readings[:5])
                out.append(
                    _at(text, row.span, "table.ambiguous", NOTE,
                        f"{label}: “{shown}” can be read {len(row.readings)} ways consistent with {decided_by} "
                        f"({readings}{'; …' if len(row.readings) > 5 else ''}); the text alone does not say which",
                        found=shown)
                )  # fmt: skip
            elif row.status == T.INCONSISTENT:
                out.append(
                    _at(text, row.span, "table.no_consistent_reading", ERROR,
                        f"{label}: no way of splitting “{shown}” into {cells} cells makes every total equal to "
                        "the sum of its parts",
                        found=shown)
                )  # fmt: skip
            elif row.status == T.UNREADABLE:
                out.append(
                    _at(text, row.span, "table.unreadable_row", WARNING,
                        f"{label}: “{shown[:60]}” does not hold the row's {cells} cells", found=shown[:60])
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
            _at(text, span, "cell.type", ERROR, f"{row_key}: cell {index + 1} is {value}, not a non-negative number",
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
                    f"section “{section.number}、{section.title}” not found",
                    expected=section.title,
                )
            )
    present = [s for s in sections if s.start is not None]
    for before, after in zip(present, present[1:], strict=False):
        if after.start < before.start:
            out.append(
                _at(text, (after.start, after.start + len(after.heading)), "structure.section_order", WARNING,
                    f"section “{after.title}” comes before “{before.title}”")
            )  # fmt: skip
            break
    return out


PERIOD_RE = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间|范围)[^。；]{0,40}")
DATE_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def period_findings(text: str, year: int | None) -> list[Finding]:
    m = PERIOD_RE.search(text)
    if not m:
        return [
            Finding("structure.period_missing", WARNING, "the statistics period (统计期限) is not stated")
        ]
    dates = [(int(y) if y else None, int(mo), int(d)) for y, mo, d in DATE_RE.findall(m.group(0))]
    if not dates:
        return [
            _at(
                text,
                m.span(),
                "structure.period_blank",
                WARNING,
                "the statistics period is stated without dates",
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
        _at(text, m.span(), "structure.period_wrong", ERROR, f"the statistics period should be {expected}",
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
        return [
            _at(text, found.span(), "structure.date_invalid", WARNING, "the closing date is not a real date")
        ]
    deadline = date(year + 1, 3, 31)
    if published > deadline:
        return [
            _at(text, found.span(), "structure.published_late", WARNING,
                f"dated {published.isoformat()}, after the latest deadline {deadline.isoformat()} "
                "(31 January for departments, 31 March for governments)",
                expected=deadline.isoformat(), found=published.isoformat())
        ]  # fmt: skip
    if published.year <= year:
        return [
            _at(text, found.span(), "structure.published_early", NOTE,
                f"dated {published.isoformat()}, before the end of the report year {year}",
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
                        f"the parts ({shown} = {_fmt(total)}) exceed the stated whole {_fmt(value)}{unit}",
                        span, excerpt(text, *span), _fmt(value), _fmt(total))
            )  # fmt: skip
        elif needs_head:  # "在…的N条中" lists the main categories only: a shortfall is normal there
            out.append(
                Finding("narrative.parts_short_of_whole", WARNING,
                        f"the parts listed after 其中 ({shown} = {_fmt(total)}) do not make the whole "
                        f"{_fmt(value)}{unit}",
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
            f"{_fmt(value)} of {_fmt(whole)} is {shown}%, the text says {stated}%",
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
                f"the previous report is of {previous['year']}, not {result['year'] - 1}",
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
                    f"{label}: 上年结转 {now}, but last year's report carried {before} over (结转下年度)",
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
                        f"the text says {_fmt(value)} {label} cases where table 4 says {expected}",
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
                            f"the text's {_fmt(value)}件 counts new ({expected}) and carried-over ({carried[-1]}) "
                            "applications together; table 3 row 一 says "
                            f"{expected}", span, excerpt(text, *span), expected, _fmt(value))
                )  # fmt: skip
                continue
            out.append(
                Finding("narrative.table_mismatch", WARNING,
                        f"the text says {_fmt(value)} 件 where table 3 ({row_key}, 总计) says {expected}",
                        span, excerpt(text, *span), expected, _fmt(value))
            )  # fmt: skip
    return out


# --- legacy 统计表 (gongkai.annual.audit.legacy_tables) -------------------------------------------------------------


def legacy_table_findings(text: str, table) -> list[Finding]:
    """The legacy 政府信息公开情况统计表: its identities and the narrative against it."""
    from gongkai.annual.audit import legacy_tables

    return legacy_tables.findings(text, table)
