"""The declarative vocabulary of a report format: sections, tables (rows × columns, cell types) and identities.

A filled table is a plain dict ``{row_key: [cell, …]}`` with the cells in the column order of the row (template
order). `evaluate` checks filled tables against a format's identities; the generator and the auditor both call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _

INT = "int"  # non-negative integer
SIGNED_INT = "signed_int"  # 2019 format's 本年增/减
DECIMAL = "decimal"  # 万元 amounts (non-negative)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: str = INT


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # the label as printed in the template, without its numbering
    number: str = ""  # numbering printed before the label: "一、", "（一）", "1."
    group: str = ""  # merged group label above the row, e.g. "（三）不予公开"
    anchor: str = ""  # regex that finds the label in extracted text (default: the label itself)
    columns: tuple[Column, ...] | None = None  # rows of table 2 carry their own columns

    @property
    def pattern(self) -> str:
        import re

        return self.anchor or re.escape(self.label)


@dataclass(frozen=True)
class Table:
    key: str  # "table2", "table3", "table4"
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = ()

    def row(self, key: str) -> Row:
        return self._rows_by_key[key]  # KeyError for an unknown row

    def columns_of(self, row: Row) -> tuple[Column, ...]:
        return row.columns if row.columns is not None else self.columns

    # Computed once per table (the schema is immutable): the generator and the auditor ask for them per cell.
    @cached_property
    def _rows_by_key(self) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for r in self.rows:
            out.setdefault(r.key, r)  # the first row of a key, as a search from the top finds it
        return out

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @cached_property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


ROW_SUM = "row_sum"  # in every listed row: cell[target] = Σ cell[sources]          (over columns)
COLUMN_EQUATION = "column_equation"  # in every column: Σ lhs rows = Σ rhs rows     (over rows)


@dataclass(frozen=True)
class Identity:
    key: str
    table: str
    kind: str  # ROW_SUM or COLUMN_EQUATION
    description: str  # a gettext_lazy string: str() it when showing it
    rows: tuple[str, ...] = ()  # ROW_SUM: rows it applies to (empty: all)
    target: str = ""  # ROW_SUM: the total column
    sources: tuple[str, ...] = ()  # ROW_SUM: the summed columns
    lhs: tuple[str, ...] = ()  # COLUMN_EQUATION: row keys summed on the left
    rhs: tuple[str, ...] = ()  # COLUMN_EQUATION: row keys summed on the right


@dataclass(frozen=True)
class Section:
    key: str
    number: str  # "一"
    title: str
    pattern: str  # regex for the heading text after its numbering
    required: bool = True


@dataclass(frozen=True)
class Format:
    name: str  # "2019", "2021", "legacy"
    title: str
    years: tuple[int, int]  # first and last report year the format applies to (inclusive)
    sections: tuple[Section, ...]
    tables: tuple[Table, ...] = ()
    identities: tuple[Identity, ...] = ()
    header_markers: tuple[str, ...] = field(default=())  # phrases only this format's tables print

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def has_table(self, key: str) -> bool:
        return any(t.key == key for t in self.tables)


@dataclass(frozen=True)
class Failure:
    identity: str  # Identity.key
    table: str
    where: str  # the row key (ROW_SUM) or column key (COLUMN_EQUATION)
    expected: int | Decimal  # the total implied by the parts
    found: int | Decimal  # the total as written
    message: str


def evaluate(fmt: Format, tables: dict[str, dict[str, list]]) -> list[Failure]:
    """Check filled tables against every identity of `fmt`.

    `tables` maps a table key to ``{row_key: [cells in column order]}``. Identities that need a row or table that is
    absent are skipped (the caller reports missing rows separately), so a partly recovered table is checked as far
    as it goes.
    """
    failures: list[Failure] = []
    for identity in fmt.identities:
        filled = tables.get(identity.table)
        if not filled:
            continue
        table = fmt.table(identity.table)
        if identity.kind == ROW_SUM:
            failures.extend(_row_sum(identity, table, filled))
        elif identity.kind == COLUMN_EQUATION:
            failures.extend(_column_equation(identity, table, filled))
        else:
            raise ValueError(f"unknown identity kind {identity.kind!r}")
    return failures


def _row_sum(identity: Identity, table: Table, filled: dict[str, list]) -> list[Failure]:
    out = []
    keys = table.column_keys
    target = keys.index(identity.target)
    sources = [keys.index(s) for s in identity.sources]
    for row_key in identity.rows or table.row_keys:
        cells = filled.get(row_key)
        if cells is None or len(cells) != len(keys):
            continue
        expected = sum(cells[i] for i in sources)
        if cells[target] != expected:
            label = table.row(row_key).label
            out.append(
                Failure(
                    identity.key,
                    table.key,
                    row_key,
                    expected,
                    cells[target],
                    _(
                        "%(table)s“%(label)s”一行：勾稽关系“%(description)s”不成立，各分项之和为%(expected)s，总计栏为%(found)s"
                    )
                    % {
                        "table": table_name(table.key),
                        "label": label,
                        "description": identity.description,
                        "expected": expected,
                        "found": cells[target],
                    },
                )
            )
    return out


def _column_equation(identity: Identity, table: Table, filled: dict[str, list]) -> list[Failure]:
    needed = identity.lhs + identity.rhs
    if any(filled.get(k) is None or len(filled[k]) != len(table.columns) for k in needed):
        return []
    out = []
    for i, column in enumerate(table.columns):
        left = sum(filled[k][i] for k in identity.lhs)
        right = sum(filled[k][i] for k in identity.rhs)
        if left != right:
            # expected: what the single-row side should read given the other side
            out.append(
                Failure(
                    identity.key,
                    table.key,
                    column.key,
                    left,
                    right,
                    _(
                        "%(table)s“%(column)s”栏：勾稽关系“%(description)s”不成立，等式左边为%(left)s，右边为%(right)s"
                    )
                    % {
                        "table": table_name(table.key),
                        "column": column.label,
                        "description": identity.description,
                        "left": left,
                        "right": right,
                    },
                )
            )
    return out


def table_name(key: str) -> str:
    """表二/表三/表四 for "table2"/"table3"/"table4"."""
    names = {"table2": _("表二"), "table3": _("表三"), "table4": _("表四")}
    return names.get(key, key)


def cell_type_errors(fmt: Format, tables: dict[str, dict[str, list]]) -> list[tuple[str, str, int, object]]:
    """(table, row, column index, value) for every cell that breaks its column type (negative, non-integer)."""
    out = []
    for table in fmt.tables:
        for row_key, cells in (tables.get(table.key) or {}).items():
            try:
                columns = table.columns_of(table.row(row_key))
            except KeyError:
                continue
            for i, (column, value) in enumerate(zip(columns, cells, strict=False)):
                if column.type == SIGNED_INT:
                    ok = isinstance(value, int)
                elif column.type == DECIMAL:
                    ok = isinstance(value, int | Decimal) and value >= 0
                else:
                    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
                if not ok:
                    out.append((table.key, row_key, i, value))
    return out
