"""The table layouts of the national template as grids of cells, shared by the HTML and DOCX renderers.

A `Grid` is a list of `Cell`s placed at (row, column) with their spans; positions covered by a span hold no
cell. Row and column labels come from the format schema (`gongkai.annual.formats`); the few header texts the
schema does not carry (the table-3 note, 申请人情况, 法人或其他组织, 信息内容) are the constants below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.annual.formats.base import Format, Table

TABLE3_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"
CONTENT = "信息内容"
MISSING = "—"


@dataclass(frozen=True)
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    scope: str = ""  # "col", "row", "colgroup", "rowgroup" for header cells
    numeric: bool = False


@dataclass
class Grid:
    key: str
    title: str
    columns: int
    header_rows: int
    cells: list[Cell] = field(default_factory=list)
    widths: tuple[int, ...] = ()  # column widths in per cent of the table width (empty: automatic)

    @property
    def rows(self) -> int:
        return max(c.row + c.rowspan for c in self.cells)

    def at(self, row: int, col: int) -> Cell | None:
        for cell in self.cells:
            if cell.row == row and cell.col == col:
                return cell
        return None

    def by_row(self) -> list[list[Cell]]:
        out: list[list[Cell]] = [[] for _ in range(self.rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return [sorted(row, key=lambda c: c.col) for row in out]


def number(value) -> str:
    """A cell value as printed: integers as is, 万元 amounts with two decimals, missing facts as a dash."""
    if value is None:
        return MISSING
    if isinstance(value, Decimal | float):
        return f"{Decimal(str(value)):.2f}"
    return str(value)


def short_label(label: str) -> str:
    """A row label without its parenthesised explanation: "部分公开（区分处理的…）" → "部分公开"."""
    return re.sub(r"[（(][^）)]*[）)]$", "", label)


# --- table 2 -----------------------------------------------------------------------------------------------


def table2_grid(fmt: Format, filled: dict[str, list]) -> Grid:
    """Per 第二十条 item: a heading row over the full width, a column-header row (信息内容 + the columns), then one
    row per item; a row with fewer columns than the widest stretches its last cell."""
    table = fmt.table("table2")
    width = 1 + max(len(table.columns_of(row)) for row in table.rows)
    grid = Grid("table2", table.title, width, header_rows=0)
    r = 0
    group = None
    for row in table.rows:
        columns = table.columns_of(row)
        if row.group != group:
            group = row.group
            grid.cells.append(Cell(group, r, 0, colspan=width, header=True, scope="colgroup"))
            grid.cells.append(Cell(CONTENT, r + 1, 0, header=True, scope="col"))
            for i, column in enumerate(columns):
                span = width - 1 - i if i == len(columns) - 1 else 1
                grid.cells.append(
                    Cell(str(column.label), r + 1, 1 + i, colspan=span, header=True, scope="col")
                )
            r += 2
        grid.cells.append(Cell(row.label, r, 0, header=True, scope="row"))
        for i, value in enumerate(filled.get(row.key) or [None] * len(columns)):
            span = width - 1 - i if i == len(columns) - 1 else 1
            grid.cells.append(Cell(number(value), r, 1 + i, colspan=span, numeric=True))
        r += 1
    return grid


# --- table 3 -----------------------------------------------------------------------------------------------

LABEL_COLUMNS = 3  # 一…四 | （一）…（七） | 1.…


def _is_subgroup(group: str) -> bool:
    return group.startswith("（")


def table3_grid(fmt: Format, filled: dict[str, list[int]]) -> Grid:
    """The national header (note | 申请人情况 over 自然人, 法人或其他组织 over five kinds, 总计) and the rows with
    三、本年度办理结果 and the groups （三）…（六） as merged labels (no subtotal rows)."""
    table: Table = fmt.table("table3")
    columns = table.columns
    width = LABEL_COLUMNS + len(columns)
    label_widths = (11, 9, 31)
    numeric = (100 - sum(label_widths)) // len(columns)
    widths = (
        *label_widths,
        *[numeric] * (len(columns) - 1),
        100 - sum(label_widths) - numeric * (len(columns) - 1),
    )
    grid = Grid("table3", table.title, width, header_rows=3, widths=widths)
    cells = grid.cells
    cells.append(Cell(TABLE3_NOTE, 0, 0, rowspan=3, colspan=LABEL_COLUMNS, header=True))
    cells.append(Cell(APPLICANTS, 0, LABEL_COLUMNS, colspan=len(columns), header=True, scope="colgroup"))
    cells.append(Cell(str(columns[0].label), 1, LABEL_COLUMNS, rowspan=2, header=True, scope="col"))
    organisations = len(columns) - 2
    cells.append(
        Cell(ORGANISATIONS, 1, LABEL_COLUMNS + 1, colspan=organisations, header=True, scope="colgroup")
    )
    cells.append(Cell(str(columns[-1].label), 1, width - 1, rowspan=2, header=True, scope="col"))
    for i, column in enumerate(columns[1:-1]):
        cells.append(Cell(str(column.label), 2, LABEL_COLUMNS + 1 + i, header=True, scope="col"))

    rows = table.rows
    in_results = [bool(row.group) for row in rows]
    result_label = next(row.group for row in rows if row.group and not _is_subgroup(row.group))
    r0 = grid.header_rows
    i = 0
    while i < len(rows):
        row = rows[i]
        r = r0 + i
        if not in_results[i]:
            cells.append(
                Cell(f"{row.number}{row.label}", r, 0, colspan=LABEL_COLUMNS, header=True, scope="row")
            )
        else:
            if i == 0 or not in_results[i - 1]:
                span = 1
                while i + span < len(rows) and in_results[i + span]:
                    span += 1
                cells.append(Cell(result_label, r, 0, rowspan=span, header=True, scope="rowgroup"))
            if _is_subgroup(row.group):
                if rows[i - 1].group != row.group:
                    span = sum(1 for other in rows[i:] if other.group == row.group)
                    cells.append(Cell(row.group, r, 1, rowspan=span, header=True, scope="rowgroup"))
                cells.append(Cell(f"{row.number}{row.label}", r, 2, header=True, scope="row"))
            else:
                cells.append(Cell(f"{row.number}{row.label}", r, 1, colspan=2, header=True, scope="row"))
        for j, value in enumerate(filled[row.key]):
            cells.append(Cell(number(value), r, LABEL_COLUMNS + j, numeric=True))
        i += 1
    return grid


# --- table 4 -----------------------------------------------------------------------------------------------


def table4_grid(fmt: Format, filled: dict[str, list[int]]) -> Grid:
    """One row of 15 numbers under a three-level header: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), then the
    five result columns of each group. The schema's row labels "行政诉讼·…" give the two levels."""
    table = fmt.table("table4")
    n = len(table.columns)
    grid = Grid("table4", table.title, n * len(table.rows), header_rows=3)
    cells = grid.cells
    parents: dict[str, int] = {}
    for g, row in enumerate(table.rows):
        parent, _sep, child = row.label.partition("·")
        if not child:
            cells.append(Cell(parent, 0, g * n, rowspan=2, colspan=n, header=True, scope="colgroup"))
        else:
            if parent not in parents:
                span = sum(1 for other in table.rows if other.label.startswith(parent + "·")) * n
                parents[parent] = g
                cells.append(Cell(parent, 0, g * n, colspan=span, header=True, scope="colgroup"))
            cells.append(Cell(child, 1, g * n, colspan=n, header=True, scope="colgroup"))
        for j, column in enumerate(table.columns):
            cells.append(Cell(str(column.label), 2, g * n + j, header=True, scope="col"))
            cells.append(Cell(number(filled[row.key][j]), 3, g * n + j, numeric=True))
    return grid


def grids(report) -> dict[str, Grid]:
    fmt = report.format
    return {
        "table2": table2_grid(fmt, report.table2),
        "table3": table3_grid(fmt, report.table3),
        "table4": table4_grid(fmt, report.table4),
    }


def report_title(report) -> str:
    organ = report.organs[0].name if report.organs else ""
    return f"{organ}{report.year}年政府信息公开工作年度报告"
