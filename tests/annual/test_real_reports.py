"""The 20 real reports of ../shared/data/reports (SOURCES.md): every one audits in under a second without
crashing, gets the format of SOURCES.md's table, and — where the text is not garbled — gives back table 3.
Every cell asserted here was read in the report text by hand; the identities agree with each reading."""

import os
import time
from pathlib import Path

import pytest

from gongkai.annual.audit.report import audit_path

REPORTS = Path(__file__).parents[2].parent / "shared" / "data" / "reports"

if not REPORTS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"real reports missing at {REPORTS}: they are required in CI")
    pytest.skip(f"real reports not available at {REPORTS}", allow_module_level=True)

FORMATS = {
    "pingtan-zhsyq-2011.txt": "legacy",
    "pingtan-county-2012.txt": "legacy",
    "pingtan-zhsyq-2012.txt": "legacy",
    "pingtan-county-2013.txt": "legacy",
    "pingtan-zhsyq-2013.txt": "legacy",
    "pingtan-zhsyq-2014.txt": "legacy",
    "pingtan-zhsyq-2015.txt": "legacy",
    "pingtan-zhsyq-2017.txt": "legacy",
    "pingtan-zhsyq-2018.txt": "legacy",
    "pingtan-czj-2019.txt": "2019",
    "pingtan-xzspj-2019.txt": "2019",
    "pingtan-czj-2020.txt": "2019",
    "pingtan-zhsyq-2021.txt": "2021",
    "pingtan-xzspj-2021.txt": "2021",
    "pingtan-zhsyq-2022.txt": "2021",
    "pingtan-gaj-2022.txt": "2021",
    "pingtan-zhsyq-2024.txt": "2021",
    "shanghai-kw-2024.txt": "2021",
    "shanghai-szfbgt-2025.txt": "2021",
    "shuyang-xzf-2025.txt": "2021",
}
_cache: dict[str, dict] = {}


def audited(name):
    if name not in _cache:
        started = time.perf_counter()
        _cache[name] = audit_path(REPORTS / name)
        _cache[name]["_seconds"] = time.perf_counter() - started
    return _cache[name]


def test_the_set_is_the_one_sources_md_lists():
    assert sorted(p.name for p in REPORTS.glob("*.txt")) == sorted(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_report_audits_fast_with_the_right_format_and_year(name):
    result = audited(name)
    assert result["_seconds"] < 1.0
    assert result["format"] == FORMATS[name]
    assert result["year"] == int(name.removesuffix(".txt").rsplit("-", 1)[1])


def z(n=7):
    return [0] * n


# (report, row, cells) — read from the text; the concatenated ones are split as the identities allow
TABLE3 = [
    # `一、本年新收政府信息公开申请数量 713000074`, `3.其他 0200002`, `（七）总计 723000075`
    ("pingtan-zhsyq-2022.txt", "new", [71, 3, 0, 0, 0, 0, 74]),
    ("pingtan-zhsyq-2022.txt", "carried_in", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-zhsyq-2022.txt", "unable_1", [37, 0, 0, 0, 0, 0, 37]),
    ("pingtan-zhsyq-2022.txt", "other_3", [0, 2, 0, 0, 0, 0, 2]),
    ("pingtan-zhsyq-2022.txt", "total", [72, 3, 0, 0, 0, 0, 75]),
    # `640020470`, `500000 5`, `220000325`, `630020469`
    ("pingtan-zhsyq-2021.txt", "new", [64, 0, 0, 2, 0, 4, 70]),
    ("pingtan-zhsyq-2021.txt", "partial", [5, 0, 0, 0, 0, 0, 5]),
    ("pingtan-zhsyq-2021.txt", "unable_1", [22, 0, 0, 0, 0, 3, 25]),
    ("pingtan-zhsyq-2021.txt", "total", [63, 0, 0, 2, 0, 4, 69]),
    ("pingtan-zhsyq-2021.txt", "carried_out", [1, 0, 0, 0, 0, 0, 1]),
    # `21710000218`, `3200000326.属于四类…` (the 6. belongs to the next row)
    ("pingtan-zhsyq-2024.txt", "new", [217, 1, 0, 0, 0, 0, 218]),
    ("pingtan-zhsyq-2024.txt", "withheld_5", [32, 0, 0, 0, 0, 0, 32]),
    ("pingtan-zhsyq-2024.txt", "other_3", [1, 1, 0, 0, 0, 0, 2]),
    ("pingtan-gaj-2022.txt", "carried_in", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-gaj-2022.txt", "other_1", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-gaj-2022.txt", "total", [2, 0, 0, 0, 0, 0, 2]),
    ("pingtan-xzspj-2021.txt", "withheld_8", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-xzspj-2021.txt", "total", [6, 0, 0, 0, 0, 0, 6]),
    # irregular spaces that merge cells: ` 10 0 00 0 1`, ` 1 0 0 00 0 1`
    ("pingtan-xzspj-2019.txt", "new", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-xzspj-2019.txt", "total", [1, 0, 0, 0, 0, 0, 1]),
    ("pingtan-xzspj-2019.txt", "carried_out", z()),
    ("pingtan-czj-2019.txt", "other", z()),
    ("pingtan-czj-2020.txt", "new", z()),
    # Markdown, one row per line
    ("shuyang-xzf-2025.txt", "new", [705, 3, 0, 0, 5, 0, 713]),
    ("shuyang-xzf-2025.txt", "total", [710, 3, 0, 0, 5, 0, 718]),
    ("shuyang-xzf-2025.txt", "carried_out", [31, 0, 0, 0, 0, 0, 31]),
]


@pytest.mark.parametrize(("name", "row", "cells"), TABLE3)
def test_table3_cells_are_recovered(name, row, cells):
    assert audited(name)["tables"]["table3"]["rows"][row] == cells


@pytest.mark.parametrize(
    "name",
    [
        "pingtan-czj-2019.txt",
        "pingtan-xzspj-2019.txt",
        "pingtan-czj-2020.txt",
        "pingtan-zhsyq-2021.txt",
        "pingtan-xzspj-2021.txt",
        "pingtan-zhsyq-2022.txt",
        "pingtan-gaj-2022.txt",
        "pingtan-zhsyq-2024.txt",
        "shuyang-xzf-2025.txt",
    ],
)
def test_whole_table3_recovered_and_consistent_where_the_text_is_not_garbled(name):
    result = audited(name)
    t3 = result["tables"]["table3"]
    assert len(t3["rows"]) == (23 if FORMATS[name] == "2019" else 25)
    assert t3["ambiguous_rows"] == {}
    assert not [f for f in result["findings"] if f["rule"].startswith("table3.")]


@pytest.mark.parametrize(
    ("name", "cells"),
    [
        ("pingtan-zhsyq-2024.txt", [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]),  # `21317000001324019`
        ("pingtan-zhsyq-2022.txt", [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),  # space-separated
        ("shuyang-xzf-2025.txt", [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]),  # three Markdown tables
        ("shanghai-szfbgt-2025.txt", [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]),
        ("shanghai-kw-2024.txt", [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),  # 15 values under 12 headers
    ],
)
def test_table4_is_recovered(name, cells):
    assert audited(name)["tables"]["table4"] == cells


def test_ambiguous_table2_digits_are_not_guessed():
    # `行政规范性文件2023`: 2/0/23 or 20/2/3 — table 2 has no identity to decide (SOURCES.md names this one)
    t2 = audited("pingtan-xzspj-2021.txt")["tables"]["table2"]
    assert t2["ambiguous_rows"]["normative_documents"]["readings"] == [[2, 0, 23], [20, 2, 3]]
    assert t2["rows"]["licensing"] == [3]


def rules(name):
    return [(f["rule"], f["expected"], f["found"]) for f in audited(name)["findings"]]


def test_known_inconsistencies_of_the_originals_are_found():
    # 总数3978条，其中…2026条，…46条，…1854条 (= 3926)
    assert ("narrative.parts_short_of_whole", 3978, 3926) in rules("pingtan-county-2012.txt")
    # 统计期限自至。 (dates blank)
    assert [r[0] for r in rules("pingtan-county-2013.txt")] == ["structure.period_blank"]
    # 累计发布信息 2139 条，其中 1744 + 393 + 21 + 2 (= 2160)
    assert ("narrative.parts_exceed_whole", 2139, 2160) in rules("shanghai-kw-2024.txt")
    # the text's 收到政府信息公开申请75件 is 74 new + 1 carried over
    assert ("narrative.table_mismatch", 74, 75) in rules("pingtan-zhsyq-2022.txt")
    # no statistics period anywhere in the text
    assert ("structure.period_missing", None, None) in rules("pingtan-gaj-2022.txt")


def test_clean_pingtan_reports_have_no_errors():
    for name in (
        "pingtan-czj-2019.txt",
        "pingtan-zhsyq-2021.txt",
        "pingtan-zhsyq-2024.txt",
        "pingtan-zhsyq-2018.txt",
    ):
        assert audited(name)["summary"]["error"] == 0, name
