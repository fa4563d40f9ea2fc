"""The legacy 政府信息公开情况统计表 (pre-2019 reports, 2008 regulation) recovered from flattened text, and its checks.

Real reports end with the table flattened into one line, either space-separated
(`主动公开信息数 条 425 1516 其中：1.网站公开 条 418 1509 …`) or concatenated
(`主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07…`). Each row is a label, a unit and two
numbers: 本年度 and 历年累计 (some tables print only the year column). In the concatenated layout the number run
also swallows the next item's number (`…3304` + `2.`), which is dropped, and the two numbers are found by enumerating
the splits that satisfy what the table implies: 本年度 ≤ 历年累计, and the 其中 parts of a row never exceed it (in both
columns). Several readings are narrowed by preferring those whose parts make the whole exactly, then those whose
本年度 numbers the report's own text states (`主动公开政府信息2026条`); what stays open is reported as ambiguous.

Checks: the same identities on the rows as printed (`legacy_table.parts_exceed_whole`,
`legacy_table.year_exceeds_cumulative`), runs no split can make consistent (`legacy_table.no_consistent_reading`),
rows printed with a cell missing (`legacy_table.row_incomplete`), and the narrative against the table
(`legacy_table.narrative_mismatch`: 主动公开政府信息 N 条, 网站公开政府信息 N 条, 收到…申请 N 件/条, 答复总数 N 条).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.annual.audit.findings import ERROR, NOTE, WARNING, Finding, excerpt
from gongkai.core.numerals import parse_chinese

# (key, label pattern, parent key or None, title)
ROWS = (
    ("proactive", r"主动公开(?:政府)?(?:信息|文件)(?:总)?数", None, "主动公开信息数"),
    ("proactive_fulltext", r"全文电子化(?:信息|文件)?数?", "proactive", "其中：全文电子化"),
    ("proactive_website", r"(?:政府)?网站公开(?:政府)?(?:信息|文件)?数?", "proactive", "其中：网站公开"),
    ("proactive_gazette", r"政府公报公开(?:政府)?(?:信息|文件)?数?", "proactive", "其中：政府公报公开"),
    ("requests", r"(?:受理|收到)(?:政府信息)?依申请公开(?:信息)?总?数|依申请公开信息(?:总)?数|收到申请(?:总)?数",
     None, "受理依申请公开信息总数"),
    ("requests_in_person", r"当面申请数", "requests", "其中：当面申请数"),
    ("requests_letter_fax", r"信函、传真申请数", "requests", "其中：信函、传真申请数"),
    ("requests_fax", r"传真申请数", "requests", "其中：传真申请数"),
    ("requests_email", r"电子邮件申请数", "requests", "其中：电子邮件申请数"),
    ("requests_online", r"网[上络]申请数", "requests", "其中：网上申请数"),
    ("requests_letter", r"信函申请数", "requests", "其中：信函申请数"),
    ("requests_other", r"其[它他](?:形式)?申请数", "requests", "其中：其它形式申请数"),
    ("replies", r"对申请的答复(?:总)?数|申请答复(?:总)?数", None, "对申请的答复总数"),
    ("replies_granted", r"同意公开答复数", "replies", "其中：同意公开答复数"),
    ("replies_partial", r"同意部分公开答复数", "replies", "其中：同意部分公开答复数"),
    ("replies_refused", r"(?:否决|不予|不同意)公开答复数", "replies", "其中：不同意公开答复数"),
    ("replies_other", r"其[他它]类型答复数", "replies", "其中：其他类型答复数"),
    ("fees", r"(?:政府信息公开)?(?:收取|收费)(?:费用)?(?:减免)?(?:金额|总额)|(?:依申请公开信息)?收取的?费用", None,
     "收费（减免）金额"),
    ("complaints", r"(?:接受)?行政(?:诉讼|申诉)、举报数|行政申诉数|举报数", None, "行政申诉、举报数"),
    ("reviews", r"行政复议数量?", None, "行政复议数"),
    ("lawsuits", r"行政诉讼数量?", None, "行政诉讼数"),
    ("staff", r"(?:从事)?(?:政府信息公开)?(?:工作)?(?:专职|兼职)?(?:工作)?人员数", None, "工作人员数"),
    ("funds", r"(?:政府信息公开)?(?:工作)?专项经费", None, "专项经费"),
)  # fmt: skip
TITLES = {key: title for key, _, _, title in ROWS}
PARENT = {key: parent for key, _, parent, _ in ROWS}
LABEL_RE = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern, _, _ in ROWS))
TITLE_RE = re.compile(r"政府信息公开(?:情况)?统计表")
UNIT_RE = re.compile(r"\s*(?:万元|元|条|件|人次|人|个|次|项)?")
CELLS_RE = re.compile(r"[\d\s.．、]*")
TRAILING_ITEM_RE = re.compile(r"\s*\d[.、．]\s*$")
# the 其中 parts of these rows are disjoint (channels, kinds of reply): their sum is at most the whole; other parts
# (全文电子化, 网站, 公报 — one document may be on both) are each at most the whole
SUMMED = {"requests", "replies"}
END_RE = re.compile(r"附件下载|附件\s*\d?\s*[：:]")
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
MAX_DIGITS = 16
MAX_COMBINATIONS = 20000

OK = "ok"
AMBIGUOUS = "ambiguous"
INCONSISTENT = "inconsistent"
INCOMPLETE = "incomplete"  # fewer cells than columns in a spaced table
UNREADABLE = "unreadable"


@dataclass
class LegacyRow:
    key: str
    span: tuple[int, int]  # label start → end of its cells
    raw: str  # the cell text, unit and trailing item number removed
    candidates: list[tuple] = field(default_factory=list)
    status: str = OK
    value: tuple | None = None
    readings: list[tuple] = field(default_factory=list)
    decided_by: str = gettext_lazy("所印数字")  # str() before it goes into JSON


@dataclass
class LegacyTable:
    span: tuple[int, int]
    columns: tuple[str, ...]
    layout: str  # "spaced" or "concatenated"
    rows: dict[str, LegacyRow]

    def values(self) -> dict[str, list]:
        return {k: list(r.value) for k, r in self.rows.items() if r.status == OK and r.value is not None}

    def as_json(self) -> dict:
        return {
            "columns": list(self.columns),
            "layout": self.layout,
            "rows": {k: [_plain(v) for v in cells] for k, cells in self.values().items()},
            "ambiguous_rows": {
                k: {"text": r.raw, "readings": [[_plain(v) for v in x] for x in r.readings]}
                for k, r in self.rows.items()
                if r.status == AMBIGUOUS
            },
            "split_by": {
                k: str(r.decided_by) for k, r in self.rows.items() if r.status == OK and len(r.candidates) > 1
            },
        }


def _plain(v):
    return int(v) if float(v).is_integer() else float(v)


def recover(text: str) -> LegacyTable | None:
    """The last 统计表 of `text`, or None when there is none (or it holds no known row)."""
    titles = list(TITLE_RE.finditer(text))
    if not titles:
        return None
    title = titles[-1]
    # the header (指标名称 计量单位 2012年度 历年累计) ends before the first row label
    first = LABEL_RE.search(text, title.end())
    if not first:
        return None
    header = text[title.end() : first.start()]
    two_columns = "累计" in re.sub(r"\s", "", header)
    columns = ("year", "cumulative") if two_columns else ("year",)
    end_match = END_RE.search(text, first.start())
    end = end_match.start() if end_match else len(text)
    labels = [m for m in LABEL_RE.finditer(text, first.start(), end)]
    rows: dict[str, LegacyRow] = {}
    cells_text: list[tuple[re.Match, int, str]] = []
    for i, m in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        cells_start = UNIT_RE.match(text, m.end(), stop).end()
        raw = TRAILING_ITEM_RE.sub("", CELLS_RE.match(text, cells_start, stop).group(0))
        cells_text.append((m, cells_start, raw))
    spaced_rows = sum(1 for _, _, raw in cells_text if len(NUMBER_RE.findall(raw)) >= 2)
    layout = "spaced" if (len(columns) == 1 or spaced_rows * 2 >= len(cells_text)) else "concatenated"
    for m, cells_start, raw in cells_text:
        key = m.lastgroup
        if key in rows:
            continue  # a label printed twice: keep the first
        numbers = NUMBER_RE.findall(raw)
        row = LegacyRow(key, (m.start(), cells_start + len(raw.rstrip())), raw.strip())
        if len(numbers) == len(columns):
            row.candidates = [tuple(_num(n) for n in numbers)]
        elif len(numbers) == 1 and layout == "concatenated" and len(columns) == 2 and numbers[0].isdigit():
            row.candidates = list(_splits(numbers[0]))
            if not row.candidates:
                row.status = INCONSISTENT
        elif 0 < len(numbers) < len(columns):
            row.status = INCOMPLETE
        else:
            row.status = UNREADABLE
        rows[key] = row
    if not rows:
        return None
    table = LegacyTable((title.start(), end), columns, layout, rows)
    _resolve(table, _stated_numbers(text[: title.start()]))
    return table


def _num(s: str):
    return int(s) if s.isdigit() else Decimal(s)


def _splits(digits: str):
    """Two numbers without leading zeros, 本年度 ≤ 历年累计."""
    if len(digits) > MAX_DIGITS:
        return
    for i in range(1, len(digits)):
        a, b = digits[:i], digits[i:]
        if (len(a) > 1 and a[0] == "0") or (len(b) > 1 and b[0] == "0"):
            continue
        if int(a) <= int(b):
            yield (int(a), int(b))


def _stated_numbers(narrative: str) -> dict[str, set[int]]:
    """Per row, the 本年度 numbers the text before the table states for it (NARRATIVE)."""
    return {key: {_n(m) for m in regex.finditer(narrative)} for key, regex in NARRATIVE}


def _groups(table: LegacyTable) -> list[list[str]]:
    """[parent, child, child, …] for each parent present; rows without children alone."""
    out = []
    for key in table.rows:
        if PARENT[key] is None:
            children = [k for k in table.rows if PARENT[k] == key]
            out.append([key, *children])
        elif PARENT[key] not in table.rows:
            out.append([key])
    return out


def _consistent(group: list[str], reading: tuple, ncols: int, whole_known: bool) -> bool:
    if ncols == 2 and any(cells[0] > cells[1] for cells in reading):
        return False
    if not whole_known or len(group) < 2:
        return True
    whole, parts = reading[0], reading[1:]
    if group[0] in SUMMED:
        return all(sum(p[c] for p in parts) <= whole[c] for c in range(ncols))
    return all(p[c] <= whole[c] for p in parts for c in range(ncols))


def _exact(reading: tuple, ncols: int) -> bool:
    whole, parts = reading[0], reading[1:]
    return bool(parts) and all(sum(p[c] for p in parts) == whole[c] for c in range(ncols))


def _resolve(table: LegacyTable, stated: dict[str, set[int]]) -> None:
    ncols = len(table.columns)
    for group in _groups(table):
        rows = [table.rows[k] for k in group]
        usable = [r for r in rows if r.candidates]
        if not usable:
            continue
        if all(len(r.candidates) == 1 for r in usable):
            for r in usable:
                r.value = r.candidates[0]
            continue  # as printed: checked by findings()
        keys = [r.key for r in usable]
        whole_known = keys[0] == group[0]
        total = 1
        for r in usable:
            total *= len(r.candidates)
        if total > MAX_COMBINATIONS:
            for r in usable:
                if len(r.candidates) == 1:
                    r.value = r.candidates[0]
                else:
                    r.status, r.readings = AMBIGUOUS, r.candidates
            continue
        readings = [
            combo
            for combo in itertools.product(*(r.candidates for r in usable))
            if _consistent(keys, combo, ncols, whole_known)
        ]
        decided_by = _("统计表的勾稽关系")
        if len(readings) > 1 and any(_exact(x, ncols) for x in readings):
            readings = [x for x in readings if _exact(x, ncols)]
            decided_by = _("各分项之和等于总数")
        if len(readings) > 1:
            scores = [
                sum(1 for k, cells in zip(keys, x, strict=True) if cells[0] in stated.get(k, ()))
                for x in readings
            ]
            best = max(scores)
            narrowed = [x for x, s in zip(readings, scores, strict=True) if s == best]
            if len(narrowed) < len(readings):
                readings, decided_by = narrowed, _("报告正文所述数字")
        if not readings:
            for r in usable:
                if len(r.candidates) > 1:
                    r.status = INCONSISTENT
                else:
                    r.value = r.candidates[0]
            continue
        for i, r in enumerate(usable):
            options = sorted({x[i] for x in readings})
            if len(options) == 1:
                r.value = options[0]
                r.decided_by = decided_by if len(r.candidates) > 1 else r.decided_by
            else:
                r.status, r.readings = AMBIGUOUS, options


# --- checks -----------------------------------------------------------------------------------------------------

N = r"(?P<n>\d+|[零〇一二两三四五六七八九十百千万]+)"
NARRATIVE = (
    # (row key, regex with a group `n`: Arabic or Chinese numerals)
    ("proactive", re.compile(r"主动公开(?:政府)?信息\s*" + N + r"\s*条")),
    ("proactive_website", re.compile(r"网站[^，。；\d]{0,6}?公开政府信息\s*" + N + r"\s*条")),
    ("requests", re.compile(r"收到[^，。；\d]{0,20}?申请\s*" + N + r"\s*(?:条|件)")),
    ("replies", re.compile(r"答复总数\s*" + N + r"\s*(?:条|件)")),
)


def _n(m: re.Match) -> int | None:
    try:
        return int(m.group("n")) if m.group("n").isdigit() else parse_chinese(m.group("n"))
    except ValueError:
        return None


def findings(text: str, table: LegacyTable | None) -> list[Finding]:
    if table is None:
        return []
    out: list[Finding] = []
    ncols = len(table.columns)
    column_names = {"year": _("本年度"), "cumulative": _("历年累计")}
    for row in table.rows.values():
        title = TITLES[row.key]
        if row.status == INCOMPLETE:
            out.append(_at(text, row.span, "legacy_table.row_incomplete", WARNING,
                           _("统计表“%(title)s”：“%(raw)s”所含数字少于该表的%(ncols)s栏")
                           % {"title": title, "raw": row.raw, "ncols": ncols},
                           found=row.raw))  # fmt: skip
        elif row.status == UNREADABLE:
            out.append(_at(text, row.span, "legacy_table.unreadable_row", WARNING,
                           _("统计表“%(title)s”：“%(raw)s”读不出该行的%(ncols)s个数字")
                           % {"title": title, "raw": row.raw[:40], "ncols": ncols},
                           found=row.raw[:40]))  # fmt: skip
        elif row.status == INCONSISTENT:
            out.append(_at(text, row.span, "legacy_table.no_consistent_reading", ERROR,
                           _("统计表“%(title)s”：“%(raw)s”无论如何拆分为本年度与历年累计，都不能同时满足本年度不大于"
                             "历年累计、“其中”各项不超过其总数") % {"title": title, "raw": row.raw},
                           found=row.raw))  # fmt: skip
        elif row.status == AMBIGUOUS:
            shown = "; ".join(" ".join(map(str, r)) for r in row.readings[:5])
            out.append(_at(text, row.span, "legacy_table.ambiguous", NOTE,
                           _("统计表“%(title)s”：“%(raw)s”有%(count)s种读法（%(readings)s），仅凭正文无法确定是哪一种")
                           % {"title": title, "raw": row.raw, "count": len(row.readings), "readings": shown},
                           found=row.raw))  # fmt: skip
        elif (
            row.value is not None and ncols == 2 and len(row.candidates) == 1 and row.value[0] > row.value[1]
        ):
            out.append(_at(text, row.span, "legacy_table.year_exceeds_cumulative", ERROR,
                           _("统计表“%(title)s”：本年度%(year)s大于历年累计%(cumulative)s")
                           % {"title": title, "year": _plain(row.value[0]), "cumulative": _plain(row.value[1])},
                           expected=_plain(row.value[1]), found=_plain(row.value[0])))  # fmt: skip
    values = table.values()
    for group in _groups(table):
        whole_key, parts = group[0], [k for k in group[1:] if k in values]
        if whole_key not in values or not parts or PARENT[whole_key] is not None:
            continue
        for c, column in enumerate(table.columns):
            whole = values[whole_key][c]
            start = table.rows[whole_key].span[0]
            if whole_key in SUMMED:
                total = sum(values[k][c] for k in parts)
                if total > whole:
                    end = max(table.rows[k].span[1] for k in parts)
                    out.append(_at(text, (start, end), "legacy_table.parts_exceed_whole", ERROR,
                                   _("统计表“%(title)s”（%(column)s）：“其中”各项之和（%(parts)s = %(total)s）"
                                     "超过总数%(whole)s")
                                   % {"title": TITLES[whole_key], "column": column_names[column],
                                      "parts": " + ".join(str(_plain(values[k][c])) for k in parts),
                                      "total": _plain(total), "whole": _plain(whole)},
                                   expected=_plain(whole), found=_plain(total)))  # fmt: skip
                continue
            for k in parts:
                if values[k][c] > whole:
                    out.append(_at(text, (start, table.rows[k].span[1]), "legacy_table.parts_exceed_whole", ERROR,
                                   _("统计表“%(part)s”（%(column)s）为%(value)s，超过“%(whole_title)s”%(whole)s")
                                   % {"part": TITLES[k], "column": column_names[column],
                                      "value": _plain(values[k][c]), "whole_title": TITLES[whole_key],
                                      "whole": _plain(whole)}, expected=_plain(whole),
                                   found=_plain(values[k][c])))  # fmt: skip
    narrative = text[: table.span[0]]
    for key, regex in NARRATIVE:
        if key not in values:
            continue
        expected = _plain(values[key][0])
        mentions = [m for m in regex.finditer(narrative) if _n(m) is not None]
        if not mentions or any(_n(m) == expected for m in mentions):
            continue
        m = mentions[0]
        out.append(_at(text, m.span(), "legacy_table.narrative_mismatch", WARNING,
                       _("正文称%(found)s，统计表“%(title)s”本年度为%(expected)s")
                       % {"found": m.group("n"), "title": TITLES[key], "expected": expected},
                       expected=expected, found=_n(m)))  # fmt: skip
    return out


def _at(text, span, rule, severity, message, expected=None, found=None) -> Finding:
    return Finding(rule, severity, message, tuple(span), excerpt(text, *span), expected, found)
