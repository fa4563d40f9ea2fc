"""The roll-up of a subtree (汇总): `roll_up(root, year)` → the report over the whole subtree, each organ's own
report, the supervising office's comparison table and the organs with open problems.

A constant number of queries whatever the size of the subtree: one read of the applications (this year and the
year before, for the carry-over check) and one query per other source (organ-year facts, appeals,
consultations, records per category and month — plus the categories' names), grouped by organ. Each organ's report is cut from them; the
subtree's report is compiled from the same applications and the sum of the organs' `Sources` (a record, an
appeal, an enquiry belongs to exactly one organ, so the sums equal what the database counts over the union).
Works for every format, the legacy narrative one (2008–2018) included.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from gongkai.annual.compile import (
    CompiledReport,
    Sources,
    add_month_row,
    check_year,
    compile_from,
    month_counts,
    published_in,
    record_month_rows,
    sorted_months,
    subtree_application_rows,
)
from gongkai.annual.facts import FACTS
from gongkai.annual.models import OrganYearFact
from gongkai.appeals.queries import GROUPS as APPEAL_GROUPS
from gongkai.appeals.queries import RESULTS as APPEAL_RESULTS
from gongkai.appeals.queries import counted_in as appeals_counted_in
from gongkai.appeals.queries import year_result as appeal_year_result
from gongkai.catalog.models import Category
from gongkai.enquiries.models import Channel as EnquiryChannel
from gongkai.enquiries.models import Enquiry
from gongkai.enquiries.models import Kind as EnquiryKind
from gongkai.enquiries.queries import year_bounds as enquiry_year_bounds
from gongkai.organs.models import Organ


@dataclass
class RollUp:
    root: Organ
    year: int
    total: CompiledReport
    per_organ: list[CompiledReport]

    def comparison(self) -> list[dict]:
        """Key cells per organ, in tree order: the supervising office's comparison table."""
        return [comparison_row(report) for report in self.per_organ]

    def with_problems(self) -> list[dict]:
        """Organs with open problems (identity failures, missing facts, bad application facts). There is no
        published-report model yet, so "late" cannot be told; this is the list of organs not ready to publish."""
        return [
            {"organ": r.organs[0].org_code, "name": r.organs[0].name, "problems": len(r.problems)}
            for r in self.per_organ
            if r.problems
        ]


def comparison_row(report: CompiledReport) -> dict:
    organ = report.organs[0]
    t3 = report.table3
    return {
        "organ": organ.org_code,
        "name": organ.name,
        "new": t3["new"][-1],
        "carried_in": t3["carried_in"][-1],
        "granted": t3["granted"][-1],
        "partial": t3["partial"][-1],
        "total": t3["total"][-1],
        "carried_out": t3["carried_out"][-1],
        "appeals": sum(cells[-1] for cells in report.table4.values()),
        "consultations": report.consultations["total"],
        "problems": len(report.problems),
    }


def roll_up(root: Organ, year: int) -> RollUp:
    """The report over `root`'s subtree plus each organ's own report (see the module docstring)."""
    fmt = check_year(year)
    organs = list(root.subtree().order_by("path", "position"))
    ids = [o.pk for o in organs]
    rows = subtree_application_rows(ids, year)
    by_organ: dict[int, list[tuple]] = {pk: [] for pk in ids}
    for row in rows:
        by_organ[row[0]].append(row)
    sources = sources_by_organ(ids, year)
    per_organ = [compile_from([o], year, fmt, sources[o.pk], by_organ[o.pk]) for o in organs]
    total = compile_from(organs, year, fmt, Sources.add([sources[pk] for pk in ids]), rows)
    return RollUp(root=root, year=year, total=total, per_organ=per_organ)


def sources_by_organ(ids: list[int], year: int) -> dict[int, Sources]:
    """`Sources.read` of each organ, in five queries (the records' categories named in a fifth)."""
    values = _facts_by_organ(ids, year)
    table4 = _table4_by_organ(ids, year)
    consultations = _counts_by_channel_by_organ(ids, year)
    records = _records_by_month_by_organ(ids, year)
    return {pk: Sources(values[pk], table4[pk], consultations[pk], records[pk]) for pk in ids}


def _facts_by_organ(ids: list[int], year: int) -> dict[int, dict[str, Decimal | None]]:
    """`facts_for` of each organ, in one query."""
    rows = (
        OrganYearFact.objects.filter(organ_id__in=ids, year=year)
        .values("organ_id", "key")
        .annotate(total=Sum("value"))
        .order_by()
    )
    totals: dict[int, dict] = {pk: {} for pk in ids}
    for row in rows:
        totals[row["organ_id"]][row["key"]] = row["total"]
    return {pk: {fact.key: totals[pk].get(fact.key) for fact in FACTS} for pk in ids}


def _table4_by_organ(ids: list[int], year: int) -> dict[int, list[int]]:
    """`appeals.queries.table4` of each organ, in one query."""
    counts = {pk: {(kind, result): 0 for kind in APPEAL_GROUPS for result in APPEAL_RESULTS} for pk in ids}
    for appeal in appeals_counted_in(ids, year).only("organ_id", "kind", "result", "closed_on"):
        counts[appeal.organ_id][(appeal.kind, appeal_year_result(appeal, year))] += 1
    out = {}
    for pk in ids:
        cells = []
        for kind in APPEAL_GROUPS:
            group = [counts[pk][(kind, result)] for result in APPEAL_RESULTS]
            cells.extend([*group, sum(group)])
        out[pk] = cells
    return out


def _counts_by_channel_by_organ(ids: list[int], year: int) -> dict[int, dict[str, int]]:
    """`enquiries.queries.counts_by_channel` of each organ, in one query."""
    start, end = enquiry_year_bounds(year)
    rows = (
        Enquiry.objects.filter(
            organ_id__in=ids, kind=EnquiryKind.ENQUIRY, asked_at__gte=start, asked_at__lt=end
        )
        .values("organ_id", "channel")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {pk: {channel: 0 for channel in EnquiryChannel.values} for pk in ids}
    for row in rows:
        counts[row["organ_id"]][row["channel"]] = row["n"]
    for cells in counts.values():
        cells["total"] = sum(cells[channel] for channel in EnquiryChannel.values)
    return counts


def _records_by_month_by_organ(ids: list[int], year: int) -> dict[int, dict[str, list[int]]]:
    """`compile.records_by_month` of each organ: the one read of the records table.

    Counted per category id (a record is linked to a category at most once, so COUNT(*) is exact and the
    database needs neither the join to the categories nor a DISTINCT), then named from the categories. An
    organ with two categories of the same name would count a record linked to both twice: such organs,
    rare, are counted again by name with DISTINCT (`record_month_rows`)."""
    rows = list(
        published_in(ids, year).values("organ_id", "categories").annotate(**month_counts(year)).order_by()
    )
    names = dict(Category.objects.filter(organ_id__in=ids).values_list("pk", "name"))
    missing = {row["categories"] for row in rows} - names.keys() - {None}
    if missing:  # a record linked to another organ's category
        names.update(Category.objects.filter(pk__in=missing).values_list("pk", "name"))
    seen: dict[tuple[int, str], set[int]] = {}
    for row in rows:
        if row["categories"] is not None:
            seen.setdefault((row["organ_id"], names[row["categories"]]), set()).add(row["categories"])
    ambiguous = {organ for (organ, _name), categories in seen.items() if len(categories) > 1}
    out: dict[int, dict[str, list[int]]] = {pk: {} for pk in ids}
    for row in rows:
        if row["organ_id"] in ambiguous:
            continue
        category = row["categories"]
        add_month_row(
            out[row["organ_id"]], dict(row, categories__name=None if category is None else names[category])
        )
    if ambiguous:
        for row in record_month_rows(sorted(ambiguous), year, by_organ=True):
            add_month_row(out[row["organ_id"]], row)
    return {pk: sorted_months(months) for pk, months in out.items()}


def add_tables(reports: list[CompiledReport]) -> dict[str, dict[str, list]]:
    """Cell-wise sum of the tables 3 and 4 of `reports` (a roll-up must equal the report over the union)."""
    out: dict[str, dict[str, list]] = {"table3": {}, "table4": {}}
    for report in reports:
        for key in out:
            for row, cells in getattr(report, key).items():
                acc = out[key].setdefault(row, [0] * len(cells))
                out[key][row] = [a + c for a, c in zip(acc, cells, strict=True)]
    return out
