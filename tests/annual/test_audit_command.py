"""`gongkai audit FILE [--json] [--format …]`: file or stdin, exit status 1 on errors."""

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args, stdin: bytes | None = None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = 0
    try:
        call_command("audit", *args, stdout=out)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue()


def test_a_clean_report_exits_zero_with_a_summary():
    code, out = run(str(FIXTURES / "f2021-clean-concatenated.txt"))
    assert code == 0
    assert "格式：2021（依据表头判定），年度：2023" in out
    assert "错误0项，警告0项，提示0项" in out


def test_errors_exit_one_and_json_has_the_documented_shape():
    code, out = run(str(FIXTURES / "f2021-errors-spaced.txt"), "--json")
    assert code == 1
    result = json.loads(out)
    assert {"format", "year", "sections", "tables", "findings"} <= set(result)
    assert set(result["tables"]) == {"table2", "table3", "table4"}
    assert set(result["tables"]["table3"]) == {"rows", "ambiguous_rows"}
    for finding in result["findings"]:
        assert set(finding) == {"rule", "severity", "span", "excerpt", "expected", "found", "message"}
        assert finding["severity"] in ("error", "warning", "note")


def test_it_reads_standard_input(monkeypatch):
    data = (FIXTURES / "legacy-errors.txt").read_bytes()
    code, out = run("-", "--json", stdin=data, monkeypatch=monkeypatch)
    assert code == 1
    assert json.loads(out)["format"] == "legacy"


def test_format_can_be_forced():
    code, out = run(str(FIXTURES / "legacy-clean.txt"), "--json", "--format", "2021")
    result = json.loads(out)
    assert result["format"] == "2021" and result["format_detected_by"] == "override"
    assert ("table.missing", "warning") in {(f["rule"], f["severity"]) for f in result["findings"]}


def test_an_unknown_format_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("audit", str(FIXTURES / "legacy-clean.txt"), "--format", "2008")


def test_it_writes_the_tables_as_xlsx_and_the_highlighted_text_as_html(tmp_path):
    from openpyxl import load_workbook

    xlsx, page = tmp_path / "audit.xlsx", tmp_path / "audit.html"
    code, _ = run(str(FIXTURES / "f2021-errors-spaced.txt"), "--xlsx", str(xlsx), "--html", str(page))
    assert code == 1
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames == ["审核发现", "表三", "表二", "表四"]
    rows = list(workbook["表三"].iter_rows(values_only=True))
    assert rows[0] == (
        "键",
        "行",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    )
    assert rows[3] == ("granted", "（一）予以公开", 5, 0, 0, 0, 0, 0, 6)
    assert list(workbook["表四"].iter_rows(values_only=True))[1] == ("review", "行政复议", 1, 0, 0, 1, 3)
    findings = list(workbook["审核发现"].iter_rows(values_only=True))
    assert findings[0] == ("严重程度", "规则", "起始位置", "结束位置", "原文摘录", "应为", "实为", "说明")
    assert ("error", "table3.row_total") in {r[:2] for r in findings}
    [row_total] = [r for r in findings if r[1] == "table3.row_total"]
    assert row_total[7] == (
        "表三“予以公开”一行：勾稽关系“总计 = 自然人 + 法人或其他组织（五列）”不成立，各分项之和为5，总计栏为6"
    )
    html = page.read_text()
    assert '<mark class="error"' in html
    assert "错误" in html and "<title>年报审核</title>" in html
    assert "（一）予以公开 5 0 0 0 0 0 6</a></mark>" in html


def test_any_finding_exits_one_unless_the_threshold_is_raised():
    report = str(FIXTURES / "legacy-clean.txt")
    code, out = run(report, "--json", "--format", "2021")  # forced: warnings only (tables missing)
    severities = {f["severity"] for f in json.loads(out)["findings"]}
    assert severities and "error" not in severities
    assert code == 1
    assert run(report, "--format", "2021", "--fail-on", "error")[0] == 0
