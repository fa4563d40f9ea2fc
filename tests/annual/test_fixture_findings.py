"""Planted errors in our own fixture reports are found, with the right rule, severity, excerpt and numbers;
clean fixtures give no findings."""

from pathlib import Path

from gongkai.annual.audit.report import audit_text

FIXTURES = Path(__file__).parent / "fixtures"


def audit(name):
    return audit_text((FIXTURES / name).read_text())


def by_rule(result):
    out = {}
    for f in result["findings"]:
        out.setdefault(f["rule"], []).append(f)
    return out


def test_clean_fixtures_have_no_findings():
    for name in ("f2021-clean-concatenated.txt", "f2019-clean-one-cell-per-line.txt", "legacy-clean.txt"):
        assert audit(name)["findings"] == [], name


def test_planted_table_errors_in_a_spaced_2021_report():
    result = audit("f2021-errors-spaced.txt")
    rules = by_rule(result)
    [row_total] = rules["table3.row_total"]
    assert (row_total["expected"], row_total["found"], row_total["severity"]) == (5, 6, "error")
    assert row_total["excerpt"] == "（一）予以公开 5 0 0 0 0 0 6"
    text = (FIXTURES / "f2021-errors-spaced.txt").read_text()
    assert text[slice(*row_total["span"])] == row_total["excerpt"]
    balance = {(f["expected"], f["found"]) for f in rules["table3.balance"]}
    assert balance == {(1, 2), (13, 14)}  # 商业企业 and 总计 columns of 四、结转下年度
    [group] = rules["table4.group_total"]
    assert (group["expected"], group["found"]) == (2, 3)


def test_planted_narrative_and_structure_errors_in_a_spaced_2021_report():
    rules = by_rule(audit("f2021-errors-spaced.txt"))
    [parts] = rules["narrative.parts_exceed_whole"]
    assert (parts["expected"], parts["found"]) == (11, 13)
    assert parts["excerpt"].startswith("共收到政府信息公开申请11件，其中自然人申请10件、商业企业申请3件")
    mismatches = {(f["expected"], f["found"], f["excerpt"]) for f in rules["narrative.table_mismatch"]}
    assert mismatches == {(2, 5, "上年结转5件"), (0, 1, "行政诉讼案件1件")}
    [period] = rules["structure.period_wrong"]
    assert period["expected"] == "2022年1月1日至2022年12月31日"
    [missing] = rules["structure.section_missing"]
    assert missing["expected"] == "存在的主要问题及改进情况"
    [late] = rules["structure.published_late"]
    assert (late["expected"], late["found"]) == ("2023-03-31", "2023-05-10")


def test_planted_unsplittable_runs_in_a_concatenated_2019_report():
    result = audit("f2019-errors-concatenated.txt")
    assert result["format"] == "2019"
    errors = [(f["rule"], f["found"]) for f in result["findings"] if f["severity"] == "error"]
    assert errors == [
        ("table.no_consistent_reading", "3000004"),
        ("table.no_consistent_reading", "110030000000000"),
    ]
    assert "granted" not in result["tables"]["table3"]["rows"]
    assert result["tables"]["table4"] is None


def test_planted_errors_in_a_legacy_narrative_report():
    result = audit("legacy-errors.txt")
    assert (result["format"], result["year"]) == ("legacy", 2016)
    rules = by_rule(result)
    [exceed] = rules["narrative.parts_exceed_whole"]
    assert (exceed["expected"], exceed["found"]) == (104, 114)
    # Chinese numerals: 共接待群众咨询二十五人次，其中…十人次、…十人次、…三人次
    [short] = rules["narrative.parts_short_of_whole"]
    assert (short["expected"], short["found"]) == (25, 23)
    assert "二十五人次" in short["excerpt"]
    assert [f["expected"] for f in rules["structure.section_missing"]] == ["主要问题和改进措施"]
    assert "structure.period_missing" in rules
    assert result["summary"]["error"] == 1


def test_legacy_clean_report_reads_chinese_numerals_and_approximate_amounts():
    result = audit("legacy-clean.txt")
    assert result["findings"] == []
    assert [s["key"] for s in result["sections"] if s["present"]] == [
        "overview",
        "proactive",
        "requests",
        "problems",
    ]


def test_sections_are_found_with_their_numbering():
    sections = audit("f2021-clean-concatenated.txt")["sections"]
    assert [s["heading"] for s in sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题",
        "六、其他需要报告的事项",
    ]


def test_section_numbering_variants():
    text = "（一）总体情况 略。1.主动公开政府信息情况 略。# 三、收到和处理政府信息公开申请情况 略。"
    sections = audit_text(text, year=2022)["sections"]
    present = {s["key"]: s["heading"] for s in sections if s["present"]}
    assert present == {
        "overview": "（一）总体情况",
        "proactive": "1.主动公开政府信息情况",
        "requests": "# 三、收到和处理政府信息公开申请情况",
    }


def test_a_percentage_against_its_base():
    rules = by_rule(audit("legacy-errors.txt"))
    # 在主动公开的104条政府信息中，工作动态60条，占57.7%（right）；通知公告30条，占30.8%（30/104 = 28.8%）
    [percentage] = rules["narrative.percentage"]
    assert (percentage["expected"], percentage["found"]) == (28.8, 30.8)
    assert percentage["excerpt"] == "30条，占30.8%"


def test_carry_over_from_the_previous_year():
    previous = audit("f2021-ambiguous-concatenated.txt")  # 2021: 四、结转下年度 0 in every column
    result = audit_text((FIXTURES / "f2021-errors-spaced.txt").read_text(), previous=previous)  # 2022: 二 = 2
    mismatches = [
        (f["message"].split("：", 1)[0], f["expected"], f["found"])
        for f in result["findings"]
        if f["rule"] == "carryover.mismatch"
    ]
    assert mismatches == [("自然人", 0, 2), ("总计", 0, 2)]
    assert "自然人：上年结转为2，而上一年度报告的结转下年度为0" in {f["message"] for f in result["findings"]}
    assert not [f for f in result["findings"] if f["rule"] == "carryover.year"]
    older = audit_text(
        (FIXTURES / "f2021-clean-concatenated.txt").read_text(), previous=previous
    )  # 2023 vs 2021
    [year] = [f for f in older["findings"] if f["rule"] == "carryover.year"]
    assert (year["expected"], year["found"]) == (2022, 2021)


def test_a_report_in_another_years_format_gets_a_note():
    text = (FIXTURES / "f2019-clean-one-cell-per-line.txt").read_text().replace("2020年", "2022年")
    result = audit_text(text)
    assert (result["format"], result["format_detected_by"], result["year"]) == ("2019", "headers", 2022)
    [note] = [f for f in result["findings"] if f["rule"] == "format.year_mismatch"]
    assert (note["severity"], note["expected"], note["found"]) == ("note", "2021", "2019")


def test_sections_out_of_order_are_reported():
    text = "二、主动公开政府信息情况 略。一、总体情况 略。三、收到和处理政府信息公开申请情况 略。"
    result = audit_text(text, year=2022)
    assert [f["rule"] for f in result["findings"] if f["rule"] == "structure.section_order"] == [
        "structure.section_order"
    ]


def test_narrative_appeals_against_table4():
    # clean: 行政复议案件2件 = table 4 行政复议 总计 2; errors: 行政诉讼案件1件 but both lawsuit groups say 0
    assert audit("f2021-clean-concatenated.txt")["findings"] == []
    findings = audit("f2021-errors-spaced.txt")["findings"]
    [mismatch] = [f for f in findings if f["rule"] == "narrative.table_mismatch" and "表四" in f["message"]]
    assert (mismatch["rule"], mismatch["expected"], mismatch["found"]) == ("narrative.table_mismatch", 0, 1)
    assert mismatch["excerpt"] == "行政诉讼案件1件"
    assert mismatch["message"] == "正文称行政诉讼案件1件，表四为0件"
