"""The pre-2019 narrative (legacy) report: a 2016 year of facts made with the real actions (applications under
the 2008 rules, consultations, organ-year facts) → the four sections with the exact sentences in house style;
the auditor finds no error in the generated text and detects the legacy format; the renderers print no
national tables; `gongkai report build ORG 2016` writes the files."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from gongkai.annual.audit.report import audit_bytes, audit_text
from gongkai.annual.compile import compile_report, legacy_outcomes, to_json
from gongkai.annual.facts import do_set_fact
from gongkai.annual.render.docx import render_docx
from gongkai.annual.render.draft import draft_narrative, report_text
from gongkai.annual.render.html import render_fragment, render_page
from gongkai.enquiries.actions import do_log_enquiry
from gongkai.enquiries.models import Channel
from tests.annual import test_compile
from tests.annual.test_compile import SHANGHAI, D, make

calendar = test_compile.calendar


@pytest.fixture
def year_2016(organ, time_machine):
    """1 carried in from 2015, 7 received in 2016 (5 citizens, 2 organisations), 7 closed in 2016, 1 carried
    out; 5 consultations (2 in person, 1 by phone, 2 online); staff and costs entered."""
    make(organ, "person", D(2015, 12, 21), D(2016, 1, 12), "granted")
    make(organ, "person", D(2016, 2, 15), D(2016, 3, 1), "granted")
    make(organ, "person", D(2016, 3, 7), D(2016, 3, 21), "partial")
    make(organ, "business", D(2016, 4, 5), D(2016, 4, 19), "withheld_4")
    make(organ, "person", D(2016, 5, 9), D(2016, 5, 23), "unable_1")
    make(organ, "nonprofit", D(2016, 6, 6), D(2016, 6, 20), "unable_2")
    make(organ, "person", D(2016, 7, 4), D(2016, 7, 8), "other_3")
    make(organ, "person", D(2016, 12, 26))  # open at the end of the year
    time_machine.move_to(dt.datetime(2016, 6, 2, 10, tzinfo=SHANGHAI), tick=False)
    for channel in (Channel.IN_PERSON, Channel.IN_PERSON, Channel.PHONE, Channel.ONLINE, Channel.ONLINE):
        do_log_enquiry(organ=organ, actor=None, channel=channel, topic="公开指南", question="如何申请？")
    time_machine.move_to(dt.datetime(2017, 2, 1, 10, tzinfo=SHANGHAI), tick=False)
    do_set_fact(organ, 2016, "staff_full_time", 2, actor=None)
    do_set_fact(organ, 2016, "staff_part_time", 3, actor=None)
    do_set_fact(organ, 2016, "disclosure_spending", Decimal("12000"), actor=None)
    return organ


@pytest.fixture
def report_2016(year_2016):
    return compile_report([year_2016], 2016)


def test_a_2016_report_is_legacy_with_the_counts(report_2016):
    assert report_2016.format.name == "legacy"
    assert report_2016.table2 == {}
    assert legacy_outcomes(report_2016) == {
        "granted": 2,
        "partial": 1,
        "withheld": 1,
        "unable": 2,
        "other": 1,
    }
    assert report_2016.consultations == {"in_person": 2, "phone": 1, "online": 2, "total": 5}
    assert report_2016.problems == []
    assert to_json(report_2016, report_2016.organs[0])["format"] == "legacy"


def test_the_four_sections_and_the_exact_sentences(report_2016, organ):
    narrative = draft_narrative(report_2016)
    assert list(narrative) == ["overview", "proactive", "requests", "problems"]
    assert "本报告统计期限为2016年1月1日至2016年12月31日。" in narrative["overview"]
    requests = narrative["requests"]
    assert requests[0] == (
        "本年度共受理政府信息公开申请7件，其中公民申请5件、法人或其他组织申请2件；上年结转1件。"
        "全年共办结7件，其中同意公开2件、同意部分公开1件、不同意公开1件、"
        "信息不存在、非本机关掌握或申请内容不明确2件、其他1件。结转下年度继续办理1件。"
    )
    assert requests[1] == "全年共受理政府信息公开咨询5人次，其中现场咨询2人次、电话咨询1人次、网上咨询2人次。"
    assert "本年度未发生因政府信息公开申请行政复议或提起行政诉讼的情况，未收到有关举报。" in requests
    assert (
        "本机关配备政府信息公开专职工作人员2人、兼职工作人员3人；全年政府信息公开工作经费12000元。"
        in requests
    )
    text = report_text(report_2016)
    for heading in (
        "一、概述",
        "二、主动公开政府信息情况",
        "三、依申请公开政府信息情况",
        "四、主要问题和改进措施",
    ):
        assert f"\n{heading}\n" in text
    assert text.startswith(f"{organ.name}2016年政府信息公开工作年度报告")


def test_the_auditor_finds_no_error_and_detects_legacy(report_2016):
    result = audit_text(report_text(report_2016))
    assert result["format"] == "legacy"
    errors = [f for f in result["findings"] if f["severity"] == "error"]
    assert errors == []
    assert not [f for f in result["findings"] if f["rule"].startswith("structure.section")]


def test_the_rendered_html_and_docx_audit_clean_as_legacy(report_2016):
    for data, name in (
        (render_page(report_2016).encode(), "report.html"),
        (render_docx(report_2016), "report.docx"),
    ):
        result = audit_bytes(data, name)
        assert result["format"] == "legacy", name
        assert [f for f in result["findings"] if f["severity"] == "error"] == [], name


def test_a_wrong_sum_in_the_text_is_caught(report_2016):
    text = report_text(report_2016).replace("网上咨询2人次", "网上咨询3人次")
    result = audit_text(text)
    assert "narrative.parts_exceed_whole" in {f["rule"] for f in result["findings"]}


def test_renderers_print_no_national_tables(report_2016):
    html = render_fragment(report_2016)
    assert "<table" not in html
    assert "<h2>四、主要问题和改进措施</h2>" in html
    assert "其中现场咨询2人次、电话咨询1人次、网上咨询2人次" in html
    assert render_docx(report_2016)[:2] == b"PK"


def test_years_before_2008_are_refused(organ):
    with pytest.raises(ValueError):
        compile_report([organ], 2007)


def test_report_build_writes_the_files(year_2016, tmp_path):
    call_command("report", "build", year_2016.org_code, "2016", "--out", str(tmp_path))
    for name in ("report.json", "report.xlsx", "report.html", "report.docx", "report.pdf"):
        assert (tmp_path / name).stat().st_size > 0
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["format"] == "legacy" and data["year"] == 2016
    assert "其中现场咨询2人次" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    with pytest.raises(CommandError):
        call_command("report", "build", year_2016.org_code, "2007", "--out", str(tmp_path))
