"""The labelled set of `make bench-audit` (bench/audit/fixtures/labels.json): internally consistent, every rule it
names documented, and the auditor's precision, recall and table-recovery accuracy on it above a floor a little
under what was measured (docs/performance.md)."""

import json

import pytest

from bench.audit.evaluate import LABELS, ROOT, evaluate, load

REPORTS = load()
DOCUMENTED = (ROOT / "docs" / "audit-json.md").read_text(encoding="utf-8")


def labelled(report, rule):
    return {(f[1], f[2]) for f in report["findings"] if f[0] == rule}


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r["file"].rsplit("/", 1)[-1])
def test_each_labelled_report_is_consistent(report):
    assert (ROOT / report["file"]).is_file()
    assert report["format"] in ("2019", "2021", "legacy")
    for rule, _expected, _found in report["findings"]:
        assert f"`{rule}`" in DOCUMENTED, rule
    tables = report.get("tables", {})
    for row, cells in (tables.get("table3") or {}).items():
        if cells is None:
            continue
        assert len(cells) == 7 and all(isinstance(c, int) and c >= 0 for c in cells), row
        if sum(cells[:6]) != cells[6]:  # a planted row-total error must be labelled as such
            assert (sum(cells[:6]), cells[6]) in labelled(report, "table3.row_total"), row
    table4 = tables.get("table4")
    if table4 is not None:
        assert len(table4) == 15
        for group in (table4[0:5], table4[5:10], table4[10:15]):
            if sum(group[:4]) != group[4]:
                assert (sum(group[:4]), group[4]) in labelled(report, "table4.group_total")
    statistics = tables.get("legacy_statistics") or {}
    for row, cells in statistics.items():
        if cells is None:
            continue
        if len(cells) == 2 and cells[0] > cells[1]:
            assert (cells[1], cells[0]) in labelled(report, "legacy_table.year_exceeds_cumulative"), row
    for whole in ("requests", "replies"):
        parts = [c for k, c in statistics.items() if k.startswith(whole + "_") and c is not None]
        if statistics.get(whole) and parts and sum(p[0] for p in parts) > statistics[whole][0]:
            found = sum(p[0] for p in parts)
            assert (statistics[whole][0], found) in labelled(report, "legacy_table.parts_exceed_whole")


def test_the_set_covers_every_format_clean_and_with_errors():
    kinds = {(r["format"], bool(r["findings"])) for r in REPORTS}
    assert kinds == {(f, e) for f in ("2019", "2021", "legacy") for e in (True, False)}
    assert json.loads(LABELS.read_text(encoding="utf-8"))["about"]


def test_the_auditor_stays_above_the_floor():
    result = evaluate(repeat=1)
    assert result["format_accuracy"] == 1.0
    assert result["precision"] >= 0.95, result["reports"]
    assert result["recall"] >= 0.92, result["reports"]
    assert result["table_accuracy"] >= 0.97, result["reports"]
    assert result["seconds_max"] < 1.0
