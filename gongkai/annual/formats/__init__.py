"""Format schemas of the annual report: one declarative definition per format.

`for_year(2022)` gives the 2021 format; `fmt.table("table3")` its rows and columns in template order;
`evaluate(fmt, {"table3": {"new": [7 ints], …}, "table4": {"review": [5 ints], …}})` the identity failures.
"""

from gongkai.annual.formats import f2019, f2021, legacy
from gongkai.annual.formats.base import (
    COLUMN_EQUATION,
    DECIMAL,
    INT,
    ROW_SUM,
    SIGNED_INT,
    Column,
    Failure,
    Format,
    Identity,
    Row,
    Section,
    Table,
    cell_type_errors,
    evaluate,
)

FORMATS = {f.name: f for f in (f2019.FORMAT, f2021.FORMAT, legacy.FORMAT)}


def by_name(name: str) -> Format:
    try:
        return FORMATS[str(name)]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def for_year(year: int) -> Format:
    """The format that applies to a report year (2019 trial for 2019–2020, 2021 from 2021, legacy before)."""
    if year >= 2021:
        return f2021.FORMAT
    if year >= 2019:
        return f2019.FORMAT
    return legacy.FORMAT


__all__ = [
    "COLUMN_EQUATION",
    "DECIMAL",
    "FORMATS",
    "INT",
    "ROW_SUM",
    "SIGNED_INT",
    "Column",
    "Failure",
    "Format",
    "Identity",
    "Row",
    "Section",
    "Table",
    "by_name",
    "cell_type_errors",
    "evaluate",
    "for_year",
]
