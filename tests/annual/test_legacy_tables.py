"""The legacy 政府信息公开情况统计表: recovered from spaced and concatenated text, its identities and the narrative
checked against it — on our fixtures (bench/audit/fixtures) and on the 9 real legacy reports."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual.audit import legacy_tables
from gongkai.annual.audit.report import audit_path, audit_text

FIXTURES = Path(__file__).parents[2] / "bench" / "audit" / "fixtures"
REPORTS = Path(__file__).parents[2].parent / "shared" / "data" / "reports"
LEGACY = [
    "pingtan-zhsyq-2011.txt",
    "pingtan-county-2012.txt",
    "pingtan-zhsyq-2012.txt",
    "pingtan-county-2013.txt",
    "pingtan-zhsyq-2013.txt",
    "pingtan-zhsyq-2014.txt",
    "pingtan-zhsyq-2015.txt",
    "pingtan-zhsyq-2017.txt",
    "pingtan-zhsyq-2018.txt",
]


def triples(result, prefix="legacy_table."):
    return sorted(
        (f["rule"], f["expected"], f["found"]) for f in result["findings"] if f["rule"].startswith(prefix)
    )


def test_spaced_table_identities_and_narrative():
    path = FIXTURES / "legacy-table-spaced-errors.txt"
    result = audit_path(path)
    assert triples(result) == [
        ("legacy_table.narrative_mismatch", 4, 6),  # 收到政府信息公开申请6件 vs 受理…总数 4
        ("legacy_table.parts_exceed_whole", 4, 5),  # 当面 3 + 网上 2 > 4
        ("legacy_table.year_exceeds_cumulative", 1, 2),  # 行政复议数 件 2 1
    ]
    text = path.read_text()
    for f in result["findings"]:
        assert text[slice(*f["span"])] == f["excerpt"] or "…" in f["excerpt"]
    rows = result["tables"]["legacy_statistics"]["rows"]
    assert rows["proactive"] == [120, 860] and rows["replies_partial"] == [1, 2]
    assert result["tables"]["legacy_statistics"]["layout"] == "spaced"


def test_concatenated_runs_are_split_by_the_identities():
    result = audit_path(FIXTURES / "legacy-table-concatenated-clean.txt")
    assert result["findings"] == []
    statistics = result["tables"]["legacy_statistics"]
    assert statistics["layout"] == "concatenated"
    # 254318967 / 2443182672. / 100700: only 2543|18967 keeps 网站 and 公报 within the whole; the 2. is the next item
    assert statistics["rows"]["proactive"] == [2543, 18967]
    assert statistics["rows"]["proactive_website"] == [2443, 18267]
    assert statistics["rows"]["requests_in_person"] == [1, 10]  # 1102. → 110 → 1|10 (11|0 has 本年度 > 累计)


def test_concatenated_errors_and_no_consistent_reading():
    result = audit_path(FIXTURES / "legacy-table-concatenated-errors.txt")
    assert triples(result) == [
        ("legacy_table.narrative_mismatch", 340, 350),
        ("legacy_table.no_consistent_reading", None, "1220"),  # 1|220 and 12|20 both exceed 受理 10|15
        ("legacy_table.parts_exceed_whole", 10, 11),  # 同意公开 8 + 部分公开 3 > 答复 10
    ]
    assert "requests_in_person" not in result["tables"]["legacy_statistics"]["rows"]


def test_ambiguous_runs_are_not_guessed():
    result = audit_path(FIXTURES / "legacy-table-ambiguous.txt")
    statistics = result["tables"]["legacy_statistics"]
    assert statistics["ambiguous_rows"]["proactive"]["readings"] == [
        [2, 12210037],
        [21, 2210037],
        [212, 210037],
        [2122, 10037],
    ]
    assert "proactive" not in statistics["rows"]
    assert [f["severity"] for f in result["findings"]] == ["note", "note"]


def test_one_column_national_template_with_chinese_numerals():
    result = audit_path(FIXTURES / "legacy-table-national-template.txt")
    statistics = result["tables"]["legacy_statistics"]
    assert statistics["columns"] == ["year"]
    assert statistics["rows"]["funds"] == [1.5] and statistics["rows"]["staff"] == [6]
    # 收到申请数 12 with 5 + 4 + 2 + 2 by channel; the text's 十二件 agrees with the table
    assert triples(result) == [("legacy_table.parts_exceed_whole", 12, 13)]


def test_no_table_no_findings_and_no_crash_on_odd_text():
    assert legacy_tables.recover("没有统计表的文本") is None
    assert legacy_tables.findings("", None) == []
    for text in ("政府信息公开情况统计表", "政府信息公开情况统计表 主动公开信息数 条", "统计表" * 1000,
                 "政府信息公开情况统计表 指标名称 历年累计 主动公开信息数条" + "9" * 40):  # fmt: skip
        table = legacy_tables.recover(text)
        legacy_tables.findings(text, table)
    result = audit_text(
        "2015年政府信息公开工作年度报告 政府信息公开情况统计表 指标名称 本年度 历年累计 主动公开信息数 条 5 4"
    )
    assert ("legacy_table.year_exceeds_cumulative", 4, 5) in triples(result)


def test_a_non_legacy_report_has_no_legacy_statistics_key():
    result = audit_path(Path(__file__).parent / "fixtures" / "f2021-clean-concatenated.txt")
    assert "legacy_statistics" not in result["tables"]


# --- the 9 real legacy reports ----------------------------------------------------------------------------------

real = pytest.mark.skipif(
    not REPORTS.is_dir() and not os.environ.get("CI"), reason=f"real reports not available at {REPORTS}"
)


@real
@pytest.mark.parametrize("name", LEGACY)
def test_every_real_legacy_table_is_recovered_without_errors(name):
    result = audit_path(REPORTS / name)
    statistics = result["tables"]["legacy_statistics"]
    assert statistics["ambiguous_rows"] == {}
    assert {"proactive", "requests", "replies"} <= set(statistics["rows"])
    assert not [
        f for f in result["findings"] if f["rule"].startswith("legacy_table.") and f["severity"] == "error"
    ]


@real
@pytest.mark.parametrize(
    ("name", "row", "cells"),
    [
        ("pingtan-zhsyq-2011.txt", "proactive", [425, 1516]),  # 主动公开信息数 条 425 1516
        ("pingtan-zhsyq-2011.txt", "proactive_website", [418, 1509]),
        # 主动公开信息数条20263542其中：1.网站公开条179533042.: 202|63542 with 179|53304 also fits; the text's
        # 主动公开政府信息2026条 decides
        ("pingtan-county-2012.txt", "proactive", [2026, 3542]),
        ("pingtan-county-2012.txt", "proactive_website", [1795, 3304]),
        ("pingtan-county-2012.txt", "requests_in_person", [18, 18]),
        ("pingtan-county-2013.txt", "requests", [7, 28]),  # 728
        ("pingtan-county-2013.txt", "requests_in_person", [0, 18]),  # 0182. → 018
        ("pingtan-county-2013.txt", "replies", [3, 24]),
        ("pingtan-zhsyq-2014.txt", "requests_letter_fax", [1, 1]),
        ("pingtan-zhsyq-2015.txt", "proactive", [2949, 81916]),
        ("pingtan-zhsyq-2017.txt", "proactive", [2122, 10037]),
        ("pingtan-zhsyq-2018.txt", "proactive", [2069, 12106]),
    ],
)
def test_real_legacy_cells(name, row, cells):
    assert audit_path(REPORTS / name)["tables"]["legacy_statistics"]["rows"][row] == cells


@real
def test_the_inconsistencies_sources_md_names_are_found():
    # the narrative says 1913 items (3636 via the portal), the 统计表 739
    assert triples(audit_path(REPORTS / "pingtan-zhsyq-2012.txt")) == [
        ("legacy_table.narrative_mismatch", 739, 1913),
        ("legacy_table.narrative_mismatch", 739, 3636),
    ]
    # 统计表 72804 against 4970 in the text; `2、政府公报公开 条 0` has lost a cell
    assert triples(audit_path(REPORTS / "pingtan-zhsyq-2013.txt")) == [
        ("legacy_table.narrative_mismatch", 72804, 4970),
        ("legacy_table.row_incomplete", None, "0"),
    ]


TOKENS = ["政府信息公开情况统计表", "指标名称", "历年累计", "主动公开信息数", "其中：", "1.", "2、", "网站公开", "条", "件",
          "受理依申请公开信息总数", "当面申请数", "对申请的答复数", "同意公开答复数", "行政复议数", " ", "\n", "元",
          "0", "7", "12", "2026", "3542", "9999999999", "1.5", "主动公开政府信息", "收到申请"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_recovery_never_crashes_and_spans_stay_in_the_text(tokens):
    text = "".join(tokens)
    table = legacy_tables.recover(text)
    for finding in legacy_tables.findings(text, table):
        start, end = finding.span
        assert 0 <= start <= end <= len(text)
