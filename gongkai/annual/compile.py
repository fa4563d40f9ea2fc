"""Compile the annual report's tables from the facts, for one organ or a subtree (roll-up).

`compile_report(organs, year)` → `CompiledReport` in the format of the year (`formats.for_year`):

- table 3 from applications, by applicant column. An application counts in a year when it was received on or
  before 31 December and not closed before 1 January. 一 new: received in the year; 二 carried_in: received
  before 1 January; 三 outcomes: closed in the year, by outcome row (2019 format: other_1…3 → `other`);
  四 carried_out: not closed by 31 December. The 总计 column is the sum of the six applicant columns and the
  三（七）总计 row the sum of the outcome rows, so the identities hold by construction for sound facts.
  Dates are the legal DateFields (`received_on`, `closed_on`), already local (Asia/Shanghai) dates.
  An application withdrawn before its receipt was confirmed has no `received_on`: it was never received and
  is not counted anywhere.
- table 2 from organ-year facts (`facts_for`): a fact not entered stays None and is reported as missing.
- table 4 from appeals (`appeals.queries.table4`).
- consultations by channel, records published per category and per category and month (`records_by_month`,
  the chart of section 二) and the narrative facts (staff, costs, training).
- the legacy narrative report (2008–2018): no national tables; the applications are counted with the rows of
  the 2021 table 3 (for the narrative's outcome groups), table 2 stays empty.

`formats.evaluate` is run on the result anyway; a failure is reported with the facts that break it (an
application closed without an outcome, closed before it was received, with an unknown applicant kind…).
`compile_from` builds a report from `Sources` (facts, table 4, consultations, records) and the applications;
`gongkai.annual.rollup.roll_up` uses it for a subtree and each organ of it. `carry_over_problems` compares this
year's 二 with last year's 四.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.annual import formats
from gongkai.annual.facts import COUNT, FACTS, facts_for
from gongkai.annual.formats.base import Format, cell_type_errors, evaluate, table_name
from gongkai.annual.formats.common import TABLE3_COLUMNS, outcome_keys, table4_flat, table4_from_flat
from gongkai.appeals.queries import GROUPS as APPEAL_GROUPS
from gongkai.appeals.queries import RESULTS as APPEAL_RESULTS
from gongkai.appeals.queries import table4 as appeals_table4
from gongkai.applications.models import Application, Status
from gongkai.applications.outcomes import OUTCOMES, to_trial_2019
from gongkai.catalog.models import Record, RecordStatus
from gongkai.enquiries.models import Channel as EnquiryChannel
from gongkai.enquiries.queries import counts_by_channel
from gongkai.organs.models import Organ

APPLICANT_COLUMNS = tuple(c.key for c in TABLE3_COLUMNS[:-1])  # the six applicant kinds, template order
FIRST_YEAR = 2019  # the first year with a national table format the generator fills
LEGACY_FIRST_YEAR = 2008  # the 2008 regulation: narrative (legacy) reports, no national tables

# facts.FACTS declare what they feed as "table2.<row>.<column>"; the row names there are short aliases.
_FACT_ROWS = {"rules": "regulations", "normative": "normative_documents", "coercion": "enforcement"}


@dataclass(frozen=True)
class Problem:
    """Something that keeps the report from being publishable, for people (`message`, Chinese) and code
    (`kind`: identity, cell_type, application, missing_fact, carry_over)."""

    kind: str
    message: str
    organ: str = ""  # org_code
    ref: str = ""  # tracking code, identity key, fact row…

    def as_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, "organ": self.organ, "ref": self.ref}


@dataclass
class CompiledReport:
    organs: list[Organ]
    year: int
    format: Format
    table2: dict[str, list]
    table3: dict[str, list[int]]
    table4: dict[str, list[int]]
    consultations: dict[str, int]
    records_by_category: dict[str, int]
    narrative_facts: dict[str, Decimal | None]
    problems: list[Problem] = field(default_factory=list)
    records_by_month: dict[str, list[int]] = field(default_factory=dict)  # category → 12 counts, same order

    @property
    def tables(self) -> dict[str, dict[str, list]]:
        return {"table2": self.table2, "table3": self.table3, "table4": self.table4}

    @property
    def organ_ids(self) -> list[int]:
        return [o.pk for o in self.organs]


# --- table 3 ---------------------------------------------------------------------------------------


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def counted_applications(organ_ids, year: int):
    """Applications counted in `year`'s table 3: received by 31 December, not closed before 1 January."""
    first, last = year_bounds(year)
    return Application.objects.filter(
        organ_id__in=list(organ_ids), received_on__isnull=False, received_on__lte=last
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=first))


def empty_table3(fmt: Format) -> dict[str, list[int]]:
    return {key: [0] * len(TABLE3_COLUMNS) for key in fmt.table("table3").row_keys}


def outcome_row(fmt: Format, outcome: str) -> str | None:
    """The table-3 row of `fmt` that counts `outcome`, or None when the code is unknown."""
    if outcome not in OUTCOMES:
        return None
    row = to_trial_2019(outcome) if fmt.name == "2019" else outcome
    return row if row in fmt.table("table3").row_keys else None


_OUTCOME_ROWS: dict[str, dict[str, str | None]] = {}


def _outcome_rows(fmt: Format) -> dict[str, str | None]:
    """`outcome_row` of every outcome code, computed once per format."""
    if fmt.name not in _OUTCOME_ROWS:
        _OUTCOME_ROWS[fmt.name] = {code: outcome_row(fmt, code) for code in OUTCOMES}
    return _OUTCOME_ROWS[fmt.name]


_APPLICATION_FIELDS = (
    "organ_id",
    "tracking_code",
    "applicant__kind",
    "received_on",
    "closed_on",
    "outcome",
    "status",
)


def compile_table3(
    organ_ids, year: int, fmt: Format, codes: dict[int, str], rows: list[tuple] | None = None
) -> tuple[dict, list[Problem]]:
    """Table 3 and the problems of the facts behind it (`codes`: organ id → org_code for the messages).

    `rows`: the applications already read (`_APPLICATION_FIELDS`, in tracking-code order, a superset of what
    the year needs, as `subtree_application_rows` reads them); without them the database is asked."""
    if rows is None:
        counted = list(
            counted_applications(organ_ids, year).values_list(*_APPLICATION_FIELDS).order_by("tracking_code")
        )
        elsewhere = _received_after_closed_elsewhere_rows(organ_ids, year)
    else:
        counted, elsewhere = _rows_of_year(rows, set(organ_ids), year)
    return _table3_from_rows(counted, elsewhere, year, fmt, codes)


def _rows_of_year(rows: list[tuple], organ_ids: set[int], year: int) -> tuple[list[tuple], list[tuple]]:
    """The filters of `counted_applications` and `_received_after_closed_elsewhere_rows`, in Python."""
    first, last = year_bounds(year)
    counted, elsewhere = [], []
    for row in rows:
        organ_id, _code, _kind, received_on, closed_on, _outcome, _status = row
        if organ_id not in organ_ids or received_on is None or received_on > last:
            continue
        if closed_on is None or closed_on >= first:
            counted.append(row)
        elif received_on >= first:  # closed_on < first
            elsewhere.append((organ_id, row[1], received_on, closed_on))
    return counted, elsewhere


def subtree_application_rows(organ_ids, year: int) -> list[tuple]:
    """One query for the applications `compile_table3` needs for `year` and the year before (carry-over
    check): received by 31 December of `year`, and not closed before 1 January of the year before or
    received since then."""
    first, last = year_bounds(year - 1)[0], year_bounds(year)[1]
    return list(
        Application.objects.filter(
            organ_id__in=list(organ_ids), received_on__isnull=False, received_on__lte=last
        )
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=first) | Q(received_on__gte=first))
        .values_list(*_APPLICATION_FIELDS)
        .order_by("tracking_code")
    )


def _table3_from_rows(
    counted, elsewhere, year: int, fmt: Format, codes: dict[int, str]
) -> tuple[dict, list[Problem]]:
    first, last = year_bounds(year)
    table = empty_table3(fmt)
    problems: list[Problem] = []
    rows_of = _outcome_rows(fmt)
    for organ_id, code, kind, received_on, closed_on, outcome, status in counted:
        organ = codes.get(organ_id, "")
        if kind not in APPLICANT_COLUMNS:
            problems.append(
                Problem(
                    "application",
                    _("申请%(code)s的申请人类型“%(kind)s”不属于表三的任何一栏")
                    % {"code": code, "kind": kind},
                    organ,
                    code,
                )
            )
            continue
        col = APPLICANT_COLUMNS.index(kind)
        table["new" if received_on >= first else "carried_in"][col] += 1
        if closed_on is not None and closed_on < received_on:
            problems.append(
                Problem(
                    "application",
                    _("申请%(code)s的办结日期%(closed)s早于收到申请日期%(received)s")
                    % {"code": code, "closed": closed_on, "received": received_on},
                    organ,
                    code,
                )
            )
        if closed_on is None or closed_on > last:
            if status == Status.CLOSED and closed_on is None:
                problems.append(
                    Problem(
                        "application",
                        _("申请%(code)s已办结但没有办结日期，按结转下年度计") % {"code": code},
                        organ,
                        code,
                    )
                )
            table["carried_out"][col] += 1
            continue
        row = rows_of.get(outcome)
        if row is None:
            message = (
                _("申请%(code)s已办结但没有办理结果")
                if not outcome
                else _("申请%(code)s的办理结果“%(outcome)s”不是表三的一行")
            )
            problems.append(Problem("application", message % {"code": code, "outcome": outcome}, organ, code))
            continue
        table[row][col] += 1
    outcomes = outcome_keys(fmt.table("table3").rows)
    for i in range(len(APPLICANT_COLUMNS)):
        table["total"][i] = sum(table[key][i] for key in outcomes)
    for cells in table.values():
        cells[-1] = sum(cells[:-1])
    problems.extend(_received_after_closed_elsewhere(elsewhere, codes))
    return table, problems


def _received_after_closed_elsewhere_rows(organ_ids, year: int) -> list[tuple]:
    first, last = year_bounds(year)
    rows = Application.objects.filter(
        organ_id__in=list(organ_ids), received_on__gte=first, received_on__lte=last, closed_on__lt=first
    ).values_list("organ_id", "tracking_code", "received_on", "closed_on")
    return list(rows.order_by("tracking_code"))


def _received_after_closed_elsewhere(rows, codes: dict[int, str]) -> list[Problem]:
    """Applications received in the year but closed in an earlier year: no table counts them."""
    return [
        Problem(
            "application",
            _("申请%(code)s的办结日期%(closed)s早于收到申请日期%(received)s，未计入任何年度")
            % {"code": code, "closed": closed_on, "received": received_on},
            codes.get(organ_id, ""),
            code,
        )
        for organ_id, code, received_on, closed_on in rows
    ]


# --- table 2, narrative facts ------------------------------------------------------------------------


def _fact_targets() -> dict[tuple[str, str], object]:
    out = {}
    for fact in FACTS:
        parts = fact.feeds.split(".")
        if parts[0] == "table2" and len(parts) == 3:
            out[(_FACT_ROWS.get(parts[1], parts[1]), parts[2])] = fact
    return out


def compile_table2(values: dict[str, Decimal | None], fmt: Format) -> tuple[dict, list[Problem]]:
    """Table 2 of `fmt` from the facts: None where the fact was not entered (or the system has no such fact,
    as for most columns of the 2019 format), each such row reported as missing."""
    targets = _fact_targets()
    table: dict[str, list] = {}
    problems = []
    t2 = fmt.table("table2")
    for row in t2.rows:
        cells, missing = [], []
        for column in t2.columns_of(row):
            fact = targets.get((row.key, column.key))
            value = values.get(fact.key) if fact else None
            if value is None:
                missing.append(str(column.label))
                cells.append(None)
            else:
                cells.append(int(value) if fact.unit == COUNT else value)
        table[row.key] = cells
        if missing:
            problems.append(
                Problem(
                    "missing_fact",
                    _("表二“%(row)s”尚未填报：%(columns)s")
                    % {"row": row.label, "columns": "、".join(missing)},
                    ref=row.key,
                )
            )
    return table, problems


def narrative_facts(values: dict[str, Decimal | None]) -> dict[str, Decimal | None]:
    return {fact.key: values.get(fact.key) for fact in FACTS if fact.feeds.startswith("narrative.")}


def published_in(organ_ids, year: int):
    tz = timezone.get_default_timezone()
    start, end = dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)
    return Record.objects.filter(
        organ_id__in=list(organ_ids),
        status=RecordStatus.PUBLISHED,
        published_at__gte=start,
        published_at__lt=end,
    )


def month_counts(year: int, distinct: bool = False) -> dict[str, Count]:
    """Aggregates for `months_of`: "n", the records of the year, and "before_2" … "before_12", those published
    before the first instant of that month (site time zone). Counted with one comparison per month and row,
    grouped by organ and category only: cheaper than grouping by a computed month (no date function per row,
    which SQLite would call back into Python for, and twelve times fewer groups)."""
    tz = timezone.get_default_timezone()
    aggregates = {"n": Count("pk", distinct=distinct)}
    for month in range(2, 13):
        first = dt.datetime(year, month, 1, tzinfo=tz)
        aggregates[f"before_{month}"] = Count("pk", distinct=distinct, filter=Q(published_at__lt=first))
    return aggregates


def months_of(row: dict) -> list[int]:
    """The 12 month counts of a row aggregated with `month_counts` (each record has one publication month)."""
    cumulative = [row[f"before_{month}"] for month in range(2, 13)] + [row["n"]]
    return [after - before for before, after in zip([0, *cumulative[:-1]], cumulative, strict=True)]


def record_month_rows(organ_ids, year: int, by_organ: bool = False) -> list[dict]:
    """Records published in `year` counted per category name (and organ, with `by_organ`), in one grouped
    query: dicts with categories__name (None: uncategorised), the `month_counts` aggregates (and organ_id).
    A record in two categories counts in both; in two categories of the same name, once."""
    fields = ("organ_id", "categories__name") if by_organ else ("categories__name",)
    rows = (
        published_in(organ_ids, year).values(*fields).annotate(**month_counts(year, distinct=True)).order_by()
    )
    return list(rows)


def add_month_row(months: dict[str, list[int]], row: dict) -> None:
    label = row["categories__name"] if row["categories__name"] is not None else _("未分类")
    acc = months.setdefault(label, [0] * 12)
    for i, n in enumerate(months_of(row)):
        acc[i] += n


def sorted_months(months: dict[str, list[int]]) -> dict[str, list[int]]:
    """Categories most published first, then by name (in Python, so every database orders ties alike)."""
    return dict(sorted(months.items(), key=lambda item: (-sum(item[1]), item[0])))


def records_by_month(organ_ids, year: int) -> dict[str, list[int]]:
    """Records published in `year` (site time zone): category name → 12 month counts, most published first."""
    months: dict[str, list[int]] = {}
    for row in record_month_rows(organ_ids, year):
        add_month_row(months, row)
    return sorted_months(months)


def per_category(months: dict[str, list[int]]) -> dict[str, int]:
    """The year's count per category of `records_by_month` (each record has one publication month, so the
    months add up to the year)."""
    return {name: sum(counts) for name, counts in sorted_months(months).items()}


# --- the report ----------------------------------------------------------------------------------------


@dataclass
class Sources:
    """What a report counts besides the applications, for one organ or summed over several organs: the
    organ-year facts (None: not entered), table 4 as its 15 flat cells, consultations by channel (with total)
    and the records published per category and month."""

    values: dict[str, Decimal | None]
    table4: list[int]
    consultations: dict[str, int]
    records: dict[str, list[int]]

    @classmethod
    def read(cls, organ_ids, year: int) -> Sources:
        ids = list(organ_ids)
        return cls(
            facts_for(ids, year),
            appeals_table4(ids, year),
            counts_by_channel(ids, year),
            records_by_month(ids, year),
        )

    @classmethod
    def add(cls, parts: list[Sources]) -> Sources:
        """The sum of `parts`: what `read` gives for the union of their organs (a record, an appeal, an
        enquiry belongs to one organ; a fact nobody entered stays None)."""
        values: dict[str, Decimal | None] = {}
        for fact in FACTS:
            entered = [p.values[fact.key] for p in parts if p.values.get(fact.key) is not None]
            values[fact.key] = sum(entered, Decimal(0)) if entered else None
        table4 = [sum(cells) for cells in zip(*(p.table4 for p in parts), strict=True)] if parts else []
        consultations = {key: sum(p.consultations.get(key, 0) for p in parts) for key in CONSULTATION_KEYS}
        records: dict[str, list[int]] = {}
        for part in parts:
            for name, counts in part.records.items():
                acc = records.setdefault(name, [0] * 12)
                records[name] = [a + n for a, n in zip(acc, counts, strict=True)]
        return cls(values, table4 or [0] * TABLE4_CELLS, consultations, sorted_months(records))


CONSULTATION_KEYS = (*EnquiryChannel.values, "total")
# Table 4 flat: 维持 · 纠正 · 其他 · 尚未审结 · 总计 for each of 行政复议, 未经复议直接起诉, 复议后起诉.
TABLE4_CELLS = len(APPEAL_GROUPS) * (len(APPEAL_RESULTS) + 1)


def check_year(year: int) -> Format:
    fmt = formats.for_year(year)
    if fmt.name == "legacy" and year >= LEGACY_FIRST_YEAR:
        return fmt
    if year < FIRST_YEAR or not fmt.has_table("table3"):
        raise ValueError(
            _("%(year)s年度没有可自动生成统计表的报告格式（自%(first)s年起）")
            % {"year": year, "first": FIRST_YEAR}
        )
    return fmt


def counting_format(fmt: Format) -> Format:
    """The format whose table-3 rows count the applications: the legacy report has no national tables but
    counts with the rows of the 2021 table 3 (the outcome codes the system records)."""
    return formats.by_name("2021") if fmt.name == "legacy" else fmt


def previous_format(fmt: Format, year: int) -> Format | None:
    """The format of last year's table 3 for the carry-over check (none for the legacy report nor in 2019)."""
    return check_year(year - 1) if fmt.name != "legacy" and year - 1 >= FIRST_YEAR else None


def compile_report(organs, year: int) -> CompiledReport:
    """The report of `year` over `organs` (one organ, or all organs of a roll-up: their facts summed)."""
    fmt = check_year(year)
    organs = list(organs)
    return compile_from(organs, year, fmt, Sources.read([o.pk for o in organs], year))


def compile_from(
    organs: list[Organ], year: int, fmt: Format, sources: Sources, rows: list[tuple] | None = None
) -> CompiledReport:
    """The report over `organs` from their `sources` and applications (`rows` as `subtree_application_rows`
    reads them, else the database is asked)."""
    ids = [o.pk for o in organs]
    codes = {o.pk: o.org_code for o in organs}
    table3, problems = compile_table3(ids, year, counting_format(fmt), codes, rows)
    previous = None
    if (last_fmt := previous_format(fmt, year)) is not None:
        previous, _problems = compile_table3(ids, year - 1, last_fmt, codes, rows)
    return build_report(organs, year, fmt, table3, problems, sources, previous)


def build_report(organs, year, fmt, table3, problems, sources: Sources, previous=None) -> CompiledReport:
    """The report from its counted parts. The legacy report keeps table 3 in the 2021 rows (for the narrative:
    received, outcome groups, carried over), leaves table 2 empty and reports only the applications' problems."""
    report = CompiledReport(
        organs=organs,
        year=year,
        format=fmt,
        table2={},
        table3=table3,
        table4=table4_from_flat(sources.table4),
        consultations=sources.consultations,
        records_by_category=per_category(sources.records),
        narrative_facts=narrative_facts(sources.values),
        records_by_month=sorted_months(sources.records),
    )
    if fmt.name == "legacy":
        report.problems = problems
        return report
    report.table2, missing = compile_table2(sources.values, fmt)
    report.problems = identity_problems(report, problems) + problems + missing
    if previous is not None:
        report.problems += carry_over_problems(previous, table3)
    return report


# --- the legacy (pre-2019) narrative report -------------------------------------------------------------

# 同意公开 · 同意部分公开 · 不同意公开 · 信息不存在/非本机关/申请内容不明确 · 其他: the outcome groups of the
# 2008-regulation reports, from the rows of the 2021 table 3 (the outcome codes the system records).
LEGACY_OUTCOMES = (
    ("granted", ("granted",)),
    ("partial", ("partial",)),
    ("withheld", tuple(f"withheld_{i}" for i in range(1, 9))),
    ("unable", ("unable_1", "unable_2", "unable_3")),
    ("other", tuple(f"not_processed_{i}" for i in range(1, 6)) + ("other_1", "other_2", "other_3")),
)


def legacy_outcomes(report: CompiledReport) -> dict[str, int]:
    """Applications closed in the year by legacy group (总计 column); the groups sum to 三（七）总计."""
    return {group: sum(report.table3[row][-1] for row in rows) for group, rows in LEGACY_OUTCOMES}


def identity_problems(report: CompiledReport, causes: list[Problem]) -> list[Problem]:
    """Every failing identity and cell type, explained by the application problems found while counting."""
    tables = {"table3": report.table3, "table4": report.table4}
    out = []
    failures = evaluate(report.format, tables)
    if failures:
        because = "；".join(p.message for p in causes) or _("未找到造成差异的具体申请")
        for failure in failures:
            out.append(
                Problem(
                    "identity",
                    _("%(failure)s。原因：%(because)s") % {"failure": failure.message, "because": because},
                    ref=failure.identity,
                )
            )
    for table, row, index, value in cell_type_errors(report.format, tables):
        out.append(
            Problem(
                "cell_type",
                _("%(table)s“%(row)s”第%(n)s栏的值%(value)s不是非负整数")
                % {"table": table_name(table), "row": row, "n": index + 1, "value": value},
                ref=f"{table}.{row}",
            )
        )
    return out


def carry_over_problems(previous: dict[str, list], current: dict[str, list]) -> list[Problem]:
    """This year's 二、上年结转 against last year's 四、结转下年度, per column (a soft identity)."""
    out = []
    for i, column in enumerate(TABLE3_COLUMNS):
        last, this = previous["carried_out"][i], current["carried_in"][i]
        if last != this:
            out.append(
                Problem(
                    "carry_over",
                    _("%(column)s：上年结转为%(this)s，而上一年度的结转下年度为%(last)s")
                    % {"column": column.label, "this": this, "last": last},
                    ref=column.key,
                )
            )
    return out


# --- report.json ---------------------------------------------------------------------------------------


def _json_cell(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_json(report: CompiledReport, root: Organ, subtree: bool = False, rollup=None) -> dict:
    """The report.json object: the tables with the row keys of docs/audit-json.md."""
    data = {
        "schema": 1,
        "organ": {"code": root.org_code, "name": root.name},
        "year": report.year,
        "format": report.format.name,
        "subtree": subtree,
        "organs": [o.org_code for o in report.organs],
        "tables": {
            "table2": {"rows": {k: [_json_cell(c) for c in v] for k, v in report.table2.items()}},
            "table3": {"rows": {k: list(v) for k, v in report.table3.items()}, "ambiguous_rows": {}},
            "table4": table4_flat(report.table4),
        },
        "consultations": report.consultations,
        "records_by_category": report.records_by_category,
        "records_by_month": report.records_by_month,
        "narrative_facts": {k: _json_cell(v) for k, v in report.narrative_facts.items()},
        "problems": [p.as_dict() for p in report.problems],
    }
    if rollup is not None:
        data["comparison"] = rollup.comparison()
        data["organs_with_problems"] = rollup.with_problems()
    return data
