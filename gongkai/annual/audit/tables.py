"""Recover tables 2, 3 and 4 from extracted report text.

Extraction produces four layouts: one cell per line; one row per line (Markdown `|` tables, HTML/Word tables as we
read them); cells separated by spaces; and cells concatenated with no separator (`…申请数量110000011`). Rows are
located by their labels in template order; the number run after a label is split into cells. Whitespace is a
boundary a cell never crosses, but a run may hold fewer separators than cells, so the split is enumerated: every
split into the row's column count, without leading zeros, that satisfies the row identity (总计 = Σ). A unique
reading is taken; several are narrowed with the table identities; what stays open is reported as ambiguous, and a
run with no consistent reading is a real error of the report.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from gongkai.annual.formats import DECIMAL, Format, Row, Table, evaluate
from gongkai.annual.formats.common import table4_from_flat

MAX_CELL_DIGITS = 7
MAX_READINGS = 200
MAX_COMBINATIONS = 4096
INT_RUN_RE = re.compile(r"[\d \n|｜]*")
T2_RUN_RE = re.compile(r"[\d \n|｜.,，+\-－笔元件项条个万]*")
T2_BOUNDARY_RE = re.compile(r"[\s|｜,，笔元件项条个]+")

OK = "ok"
AMBIGUOUS = "ambiguous"
INCONSISTENT = "inconsistent"  # the digits can be split, but no split satisfies the row identity
UNREADABLE = "unreadable"  # the run cannot hold the row's cells (too few/many numbers, no number at all)
MISSING = "missing"  # the row label was not found


@dataclass
class RowResult:
    key: str
    status: str
    span: tuple[int, int] | None = None  # label start → end of the number run
    raw: str = ""
    value: list | None = None
    readings: list[tuple] = field(default_factory=list)

    def as_ambiguous_json(self) -> dict:
        return {"text": self.raw.strip(), "readings": [list(r) for r in self.readings]}


@dataclass
class TableResult:
    key: str
    rows: dict[str, RowResult]
    span: tuple[int, int] | None

    @property
    def found(self) -> bool:
        return any(r.status != MISSING and r.raw.strip() for r in self.rows.values())

    def values(self) -> dict[str, list]:
        return {k: r.value for k, r in self.rows.items() if r.status == OK and r.value is not None}

    def ambiguous(self) -> dict[str, dict]:
        return {k: r.as_ambiguous_json() for k, r in self.rows.items() if r.status == AMBIGUOUS}


def numbering_pattern(number: str) -> str:
    if not number:
        return ""
    core = re.sub(r"[、.．（）()]", "", number)
    if number.startswith(("（", "(")):
        return r"(?:[（(]\s*" + core + r"\s*[)）]\s*)?"
    return r"(?:" + core + r"\s*[、.．]\s*)?"


def locate(
    text: str, table: Table, start: int, end: int, run_re: re.Pattern
) -> dict[str, tuple[int, int, str]]:
    """For each row found: (label start, run end, run text), searching the labels in template order."""
    patterns = [re.compile(numbering_pattern(r.number) + r.pattern) for r in table.rows]
    found: dict[str, re.Match] = {}
    cursor = start
    for row, regex in zip(table.rows, patterns, strict=True):
        m = regex.search(text, cursor, end)
        if m:
            found[row.key] = m
            cursor = m.end()
    keys = [r.key for r in table.rows if r.key in found]
    out = {}
    for i, key in enumerate(keys):
        limit = found[keys[i + 1]].start() if i + 1 < len(keys) else end
        m = found[key]
        run = run_re.match(text, m.end(), limit)
        if not _digits(run.group(0)):
            # a heading repeats the label above its own table (Markdown conversions): take the next occurrence
            regex = patterns[table.row_keys.index(key)]
            again = regex.search(text, m.end(), limit)
            while again:
                run2 = run_re.match(text, again.end(), limit)
                if _digits(run2.group(0)):
                    m, run = again, run2
                    break
                again = regex.search(text, again.end(), limit)
        text_run = run.group(0)
        first_line = text_run.split("\n", 1)[0]
        if "\n" in text_run and _digits(first_line):
            text_run = first_line  # one row per line: the next line is the next row
        out[key] = (m.start(), m.end() + len(text_run), text_run)
    return out


def _digits(run: str) -> str:
    return re.sub(r"\D", "", run)


def tokens_of(run: str) -> list[str]:
    return [t for t in re.split(r"[\s|｜]+", run) if t]


def split_run(
    tokens: list[str], sizes: list[int], sums: bool = True, limit: int = MAX_READINGS
) -> list[tuple]:
    """Readings of digit tokens as consecutive groups of `sizes` cells; a cell never crosses a token boundary and
    has no leading zero. With `sums`, the last cell of each group must equal the sum of the group's other cells.

    The total is chosen first (a suffix of the group), then the other cells are split with their sum bounded by
    it, which prunes most of the search."""
    s = "".join(tokens)
    if not s.isdigit():
        return []
    boundaries = set(itertools.accumulate(len(t) for t in tokens))
    n = len(s)
    if n < sum(sizes) or n > sum(sizes) * MAX_CELL_DIGITS:
        return []

    def fits(pos: int, length: int) -> bool:
        if length > 1 and s[pos] == "0":
            return False
        return not any(pos < b < pos + length for b in boundaries)

    def cells(pos: int, end: int, count: int, target: int | None):
        left = end - pos
        if left < count or left > count * MAX_CELL_DIGITS:
            return
        if count == 1:
            if fits(pos, left) and (target is None or int(s[pos:end]) == target):
                yield [int(s[pos:end])]
            return
        for length in range(1, min(MAX_CELL_DIGITS, left - count + 1) + 1):
            if not fits(pos, length):
                if s[pos] == "0":
                    break
                continue
            value = int(s[pos : pos + length])
            if target is not None and value > target:
                break  # a longer cell is a larger number
            for rest in cells(pos + length, end, count - 1, None if target is None else target - value):
                yield [value, *rest]

    def groups(pos: int, g: int):
        if g == len(sizes):
            if pos == n:
                yield []
            return
        size, after = sizes[g], sum(sizes[g + 1 :])
        first = max(pos + size, n - after * MAX_CELL_DIGITS)
        last = min(pos + size * MAX_CELL_DIGITS, n - after)
        for end in range(first, last + 1) if after else [n]:
            if not sums:
                for head in cells(pos, end, size, None):
                    for rest in groups(end, g + 1):
                        yield head + rest
                continue
            for k in range(1, min(MAX_CELL_DIGITS, end - pos - size + 1) + 1):
                if not fits(end - k, k):
                    continue
                total = int(s[end - k : end])
                for head in cells(pos, end - k, size - 1, total):
                    for rest in groups(end, g + 1):
                        yield [*head, total, *rest]

    out = []
    for reading in groups(0, 0):
        out.append(tuple(reading))
        if len(out) >= limit:
            break
    return sorted(out)


def read_int_row(key: str, span: tuple[int, int], run: str, sizes: list[int]) -> RowResult:
    tokens = tokens_of(run)
    width = sum(sizes)
    if not tokens:
        return RowResult(key, UNREADABLE, span, run)
    if not all(t.isdigit() for t in tokens):
        return RowResult(key, UNREADABLE, span, run)
    if len(tokens) == width:
        # as many separated numbers as cells: the separators are the cell boundaries, right or wrong
        value = [int(t) for t in tokens]
        return RowResult(key, OK, span, run, value, [tuple(value)])
    readings = split_run(tokens, sizes)
    if not readings and len(tokens) < width and "\n" in run.strip():
        # hard-wrapped PDF text: a line break may fall inside a number
        readings = split_run(tokens_of(re.sub(r"(?<=\d)\n(?=\d)", "", run)), sizes)
    if len(readings) == 1:
        return RowResult(key, OK, span, run, list(readings[0]), readings)
    if readings:
        return RowResult(key, AMBIGUOUS, span, run, None, readings)
    if len(tokens) < width and split_run(tokens, sizes, sums=False, limit=1):
        return RowResult(key, INCONSISTENT, span, run)
    return RowResult(key, UNREADABLE, span, run)


TABLE3_START_RE = re.compile(r"本年新收政府信息公开申请数量")
TABLE4_HEADER_RE = re.compile(r"行政(?:法)?复议")
TABLE4_RUN_START_RE = re.compile(r"(?:总计|审结|尚未)[\s|｜:：\-]*(?=\d)")


def recover_table3(text: str, fmt: Format) -> TableResult:
    table = fmt.table("table3")
    m = TABLE3_START_RE.search(text)
    if not m:
        return TableResult("table3", {r.key: RowResult(r.key, MISSING) for r in table.rows}, None)
    start = max(0, m.start() - 12)
    located = locate(text, table, start, min(len(text), start + 20000), INT_RUN_RE)
    rows = {}
    for row in table.rows:
        if row.key not in located:
            rows[row.key] = RowResult(row.key, MISSING)
            continue
        label_start, run_end, run = located[row.key]
        rows[row.key] = read_int_row(row.key, (label_start, run_end), run, [len(table.columns)])
    end = max((r.span[1] for r in rows.values() if r.span), default=start)
    result = TableResult("table3", rows, (start, end))
    resolve(fmt, result)
    return result


def resolve(fmt: Format, result: TableResult) -> None:
    """Narrow ambiguous rows with the table identities: keep the combinations with the fewest failures."""
    open_rows = [r for r in result.rows.values() if r.status == AMBIGUOUS]
    if not open_rows:
        return
    count = 1
    for r in open_rows:
        count *= len(r.readings)
    if count > MAX_COMBINATIONS:
        return
    base = result.values()
    scored = []
    for combo in itertools.product(*(r.readings for r in open_rows)):
        filled = dict(base)
        filled.update({r.key: list(v) for r, v in zip(open_rows, combo, strict=True)})
        failures = [f for f in evaluate(fmt, {result.key: filled}) if f.identity != "table3.row_total"]
        scored.append((len(failures), combo))
    best = min(score for score, _ in scored)
    winners = [combo for score, combo in scored if score == best]
    for i, row in enumerate(open_rows):
        choices = sorted({combo[i] for combo in winners})
        row.readings = choices
        if len(choices) == 1:
            row.status = OK
            row.value = list(choices[0])


def recover_table4(text: str, fmt: Format, after: int) -> TableResult:
    table = fmt.table("table4")
    header = TABLE4_HEADER_RE.search(text, after)
    rows = {r.key: RowResult(r.key, MISSING) for r in table.rows}
    if not header:
        return TableResult("table4", rows, None)
    m = TABLE4_RUN_START_RE.search(text, header.start(), header.start() + 800)
    if not m:
        return TableResult("table4", rows, None)
    run = INT_RUN_RE.match(text, m.end()).group(0)
    end = m.end() + len(run)
    # three small tables of five cells (Markdown conversions): join their runs
    while len(tokens_of(run)) in (5, 10):
        more = TABLE4_RUN_START_RE.search(text, end, end + 400)
        if not more:
            break
        extra = INT_RUN_RE.match(text, more.end()).group(0)
        if len(tokens_of(extra)) != 5:
            break
        run, end = run + " " + extra, more.end() + len(extra)
    span = (header.start(), end)
    flat = read_int_row("table4", span, run, [5, 5, 5])
    if flat.status == OK:
        for key, cells in table4_from_flat(flat.value).items():
            rows[key] = RowResult(key, OK, span, run, cells, [tuple(cells)])
    else:
        for key in rows:
            rows[key] = RowResult(key, flat.status, span, run)
        rows["review"].readings = flat.readings
    return TableResult("table4", rows, span)


TABLE2_START_RE = re.compile(r"第二十条第[（(]一[)）]项")


def recover_table2(text: str, fmt: Format) -> TableResult:
    table = fmt.table("table2")
    m = TABLE2_START_RE.search(text)
    if not m:
        return TableResult("table2", {r.key: RowResult(r.key, MISSING) for r in table.rows}, None)
    located = locate(text, table, m.start(), min(len(text), m.start() + 3000), T2_RUN_RE)
    rows = {}
    for row in table.rows:
        if row.key not in located:
            rows[row.key] = RowResult(row.key, MISSING)
            continue
        label_start, run_end, run = located[row.key]
        rows[row.key] = read_t2_row(row, table, (label_start, run_end), run)
    end = max((r.span[1] for r in rows.values() if r.span), default=m.start())
    return TableResult("table2", rows, (m.start(), end))


def read_t2_row(row: Row, table: Table, span: tuple[int, int], run: str) -> RowResult:
    columns = table.columns_of(row)
    tokens = [t for t in T2_BOUNDARY_RE.split(run.replace("－", "-")) if t]
    tokens = [t.rstrip("万") for t in tokens if t.strip(".+-")]
    if not tokens:
        return RowResult(row.key, UNREADABLE, span, run)
    if len(tokens) == len(columns):
        value = [_cell(t, c.type) for t, c in zip(tokens, columns, strict=True)]
        if None not in value:
            return RowResult(row.key, OK, span, run, value, [tuple(value)])
        return RowResult(row.key, UNREADABLE, span, run)
    if all(t.isdigit() for t in tokens):
        readings = split_run(tokens, [len(columns)], sums=False)
        if len(readings) == 1:
            return RowResult(row.key, OK, span, run, list(readings[0]), readings)
        if readings:
            return RowResult(row.key, AMBIGUOUS, span, run, None, readings)
    return RowResult(row.key, UNREADABLE, span, run)


def _cell(token: str, kind: str):
    try:
        if kind == DECIMAL:
            value = Decimal(token)
            return int(value) if value == value.to_integral_value() and "." not in token else value
        return int(token)
    except (InvalidOperation, ValueError):
        return None
