"""Run the whole audit and return the documented JSON shape (docs/audit-json.md)."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from gongkai.annual.audit import checks, tables
from gongkai.annual.audit.detect import detect
from gongkai.annual.audit.findings import ERROR, NOTE, SEVERITIES, Finding
from gongkai.annual.audit.readers import ReadResult, normalise, read_bytes, read_path
from gongkai.annual.audit.sections import split_sections
from gongkai.annual.formats.common import table4_flat

SCHEMA_VERSION = 1
# Sections and narrative are analysed in the first MAX_ANALYSED characters (a real report has < 100,000);
# tables are searched in the whole text.
MAX_ANALYSED = 300_000


def audit_path(
    path: str | Path, *, year: int | None = None, format_name: str | None = None, previous: dict | None = None
) -> dict:
    return audit_read(read_path(path), year=year, format_name=format_name, previous=previous)


def audit_bytes(
    data: bytes, name: str = "", *, year: int | None = None, format_name: str | None = None
) -> dict:
    return audit_read(read_bytes(data, name), year=year, format_name=format_name)


def audit_text(
    text: str, *, year: int | None = None, format_name: str | None = None, previous: dict | None = None
) -> dict:
    return audit_read(
        ReadResult(normalise(text), "text"), year=year, format_name=format_name, previous=previous
    )


def audit_read(
    read: ReadResult, *, year: int | None = None, format_name: str | None = None, previous: dict | None = None
) -> dict:
    """Audit what a reader produced. `previous`: the audit result of the year before, for the carry-over check."""
    text = read.text
    findings: list[Finding] = list(read.findings)
    detection = detect(text, year=year, format_name=format_name)
    fmt = detection.format
    out_tables: dict = {"table2": None, "table3": None, "table4": None}
    sections = []
    if text.strip():
        if detection.year_format and detection.year_format != fmt.name:
            findings.append(
                Finding(
                    "format.year_mismatch",
                    NOTE,
                    _("报告采用%(found)s，而%(year)s年度报告应采用%(expected)s")
                    % {
                        "found": format_label(fmt.name),
                        "year": detection.year,
                        "expected": format_label(detection.year_format),
                    },
                    expected=detection.year_format,
                    found=fmt.name,
                )
            )
        head = text[:MAX_ANALYSED]
        if len(text) > MAX_ANALYSED:
            findings.append(
                Finding(
                    "reader.truncated",
                    NOTE,
                    _("文本共%(count)s个字符，章节和正文只检查了前%(limit)s个字符")
                    % {"count": len(text), "limit": MAX_ANALYSED},
                )
            )
        found_sections = split_sections(head, fmt)
        sections = [s.as_json() for s in found_sections]
        findings += checks.section_findings(head, fmt, found_sections)
        findings += checks.period_findings(text, detection.year)
        findings += checks.publication_findings(text, fmt, detection.year)
        compact = checks.Compact(head)
        findings += checks.narrative_findings(head, compact)
        if fmt.has_table("table3"):
            results = recover(text, fmt, checks.Compact(text, cjk_only=True))
            findings += checks.table_findings(text, fmt, results)
            t3 = results["table3"]
            findings += checks.narrative_table_findings(text, compact, t3.values())
            findings += checks.narrative_appeal_findings(text, compact, results["table4"].values())
            out_tables = tables_json(results)
        elif fmt.name == "legacy":
            from gongkai.annual.audit import legacy_tables

            statistics = legacy_tables.recover(text)
            findings += checks.legacy_table_findings(text, statistics)
            out_tables["legacy_statistics"] = statistics.as_json() if statistics else None
    if previous is not None:
        findings += checks.carry_over_findings({"year": detection.year, "tables": out_tables}, previous)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.span[0] if f.span else -1, f.rule))
    return {
        "schema": SCHEMA_VERSION,
        "format": fmt.name,
        "format_detected_by": detection.by,
        "year": detection.year,
        "input": read.kind,
        "characters": len(text),
        "sections": sections,
        "tables": out_tables,
        "findings": [f.as_json() for f in findings],
        "summary": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
    }


def format_label(name: str) -> str:
    """A format name ("2019", "2021", "legacy") in words."""
    if name == "legacy":
        return _("2008年条例的叙述式格式")
    return _("%(year)s年格式") % {"year": name}


def recover(text: str, fmt, view: checks.Compact) -> dict[str, tables.TableResult]:
    """Recover the tables on `view` (labels hard-wrapped between two CJK characters joined again); spans are
    mapped back to `text`."""
    t3 = tables.recover_table3(view.text, fmt)
    t4 = tables.recover_table4(view.text, fmt, t3.span[1] if t3.span else 0)
    t2 = tables.recover_table2(view.text, fmt)
    results = {"table2": t2, "table3": t3, "table4": t4}
    for result in results.values():
        if result.span:
            result.span = view.span(*result.span)
        for row in result.rows.values():
            if row.span:
                row.span = view.span(*row.span)
    return results


def tables_json(results: dict[str, tables.TableResult]) -> dict:
    t2, t3, t4 = results["table2"], results["table3"], results["table4"]
    t4_values = t4.values()
    flat = table4_flat(t4_values) if len(t4_values) == 3 else None
    return {
        "table2": {"rows": _plain_rows(t2.values()), "ambiguous_rows": t2.ambiguous()},
        "table3": {"rows": t3.values(), "ambiguous_rows": t3.ambiguous()},
        "table4": flat,
    }


def _plain_rows(rows: dict[str, list]) -> dict[str, list]:
    from decimal import Decimal

    return {k: [float(v) if isinstance(v, Decimal) else v for v in cells] for k, cells in rows.items()}


def has_errors(result: dict) -> bool:
    return any(f["severity"] == ERROR for f in result["findings"])
