"""The shape of one demo record as written in the content modules.

Texts may use the placeholders {year}, {prev_year} and {next_year}: the year of the record's own
publication date, so the portal reads as current whenever the demo is loaded.
"""

from dataclasses import dataclass

# Where a record is placed on the calendar: `when=(month, day)` for seasonal items (the latest such
# day before the demo is loaded), `ago=N` for items that fit any time of year (N days before loading).


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    cats: tuple[str, ...]
    summary: str
    body: tuple[str, ...]
    terms: str
    source: str = "东风路街道党政综合办公室"
    when: tuple[int, int] | None = None
    ago: int | None = None
    # "发" or "办": a 文号 东风路街发〔year〕n号 / 东风路街办〔year〕n号, numbered in publication order.
    doc: str = ""
    topic: str = ""
    # (generator name in gongkai.demo.attachments, keyword arguments)
    attach: tuple[tuple[str, dict], ...] = ()
    related: tuple[str, ...] = ()
    # The key of the record that replaces this one: it is marked 废止 on the day that one is published.
    repealed_by: str = ""
    # 失效日期: (month, day) for the first such day after publication, or a number of days after it.
    expires: tuple[int, int] | int | None = None
    # 生效日期 = the publication day (rules that take effect when issued).
    effective: bool = False
    # Workflow state the demo leaves the record in; "published" for the catalog.
    state: str = "published"
    # Reason of a return or a withdrawal.
    note: str = ""

    def __post_init__(self):
        if (self.when is None) == (self.ago is None):
            raise ValueError(f"{self.key}: give exactly one of when= and ago=")
