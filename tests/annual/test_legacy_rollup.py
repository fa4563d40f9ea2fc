"""`gongkai report build ORG 2016 --subtree`: the legacy (2008-regulation) narrative report over a subtree.
Its figures — applications and their outcome groups, consultations by channel, records per category and month,
appeals, staff and costs — are the sums of its organs' own reports; it writes the same five files, and the
auditor finds no error in its text, HTML and DOCX, as for one organ's legacy report."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from gongkai.annual.audit.report import audit_bytes, audit_text
from gongkai.annual.compile import compile_report, legacy_outcomes
from gongkai.annual.facts import do_set_fact
from gongkai.annual.render.docx import render_docx
from gongkai.annual.render.draft import draft_narrative, report_text
from gongkai.annual.render.html import render_page
from gongkai.annual.rollup import roll_up
from gongkai.enquiries.actions import do_log_enquiry
from gongkai.enquiries.models import Channel
from tests.annual import test_compile, test_legacy_report
from tests.annual.test_compile import SHANGHAI, D, make
from tests.annual.test_records_by_month import at, publish

calendar = test_compile.calendar
year_2016 = test_legacy_report.year_2016

FILES = ("report.json", "report.xlsx", "report.html", "report.docx", "report.pdf")


@pytest.fixture
def subtree_2016(year_2016, organs, time_machine):
    """东风路街道 as in the single-organ legacy tests, plus 蚌塘社区 under it: 3 applications received in 2016
    (2 closed: 同意公开, 不同意公开), 2 consultations, staff, costs, records; 开福区 above is not in the subtree."""
    bangtang = organs["bangtang"]
    make(bangtang, "person", D(2016, 3, 1), D(2016, 3, 10), "granted")
    make(bangtang, "research", D(2016, 8, 1), D(2016, 8, 15), "withheld_1")
    make(bangtang, "person", D(2016, 12, 28))
    make(organs["kaifu"], "person", D(2016, 5, 3), D(2016, 5, 9), "granted")  # above the subtree
    time_machine.move_to(dt.datetime(2016, 9, 2, 10, tzinfo=SHANGHAI), tick=False)
    for channel in (Channel.PHONE, Channel.ONLINE):
        do_log_enquiry(organ=bangtang, actor=None, channel=channel, topic="居务公开", question="何时公开？")
    time_machine.move_to(dt.datetime(2017, 2, 1, 10, tzinfo=SHANGHAI), tick=False)
    do_set_fact(bangtang, 2016, "staff_part_time", 1, actor=None)
    do_set_fact(bangtang, 2016, "disclosure_spending", Decimal("800"), actor=None)
    publish(year_2016, at(2016, 4, 1, 9, 0), "gzdt")
    publish(year_2016, at(2016, 4, 8, 9, 0), "tzgg")
    publish(bangtang, at(2016, 10, 9, 9, 0), "gzdt")
    return year_2016


def test_the_subtree_figures_are_the_sums_of_the_members(subtree_2016, organs):
    rollup = roll_up(subtree_2016, 2016)
    total, members = rollup.total, rollup.per_organ
    assert total.format.name == "legacy" and [r.organs[0] for r in members] == [
        subtree_2016,
        organs["bangtang"],
    ]
    alone = [compile_report([organ], 2016) for organ in (subtree_2016, organs["bangtang"])]
    assert [r.tables for r in members] == [r.tables for r in alone]
    one, two = (legacy_outcomes(r) for r in alone)
    assert (
        legacy_outcomes(total)
        == {k: one[k] + two[k] for k in one}
        == {
            "granted": 3,
            "partial": 1,
            "withheld": 2,
            "unable": 2,
            "other": 1,
        }
    )
    for row in ("new", "carried_in", "total", "carried_out"):
        assert total.table3[row] == [
            a + b for a, b in zip(alone[0].table3[row], alone[1].table3[row], strict=True)
        ]
    assert total.table3["new"][-1] == 10 and total.table3["carried_out"][-1] == 2
    assert total.consultations == {"in_person": 2, "phone": 2, "online": 3, "total": 7}
    assert total.records_by_category == {"工作动态": 2, "通知公告": 1}
    assert total.records_by_month["工作动态"] == [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]
    assert total.narrative_facts["staff_full_time"] == 2 and total.narrative_facts["staff_part_time"] == 4
    assert total.narrative_facts["disclosure_spending"] == Decimal("12800")
    assert total.table4 == alone[0].table4  # no appeals anywhere: all zeros
    assert total.problems == []


def test_the_subtree_narrative_has_the_summed_figures_and_audits_clean(subtree_2016):
    report = roll_up(subtree_2016, 2016).total
    requests = draft_narrative(report)["requests"]
    assert requests[0].startswith(
        "本年度共受理政府信息公开申请10件，其中公民申请7件、法人或其他组织申请3件；上年结转1件。"
    )
    assert "全年共办结9件，其中同意公开3件、同意部分公开1件、不同意公开2件" in requests[0]
    assert requests[1] == "全年共受理政府信息公开咨询7人次，其中现场咨询2人次、电话咨询2人次、网上咨询3人次。"
    text = report_text(report)
    result = audit_text(text)
    assert result["format"] == "legacy"
    assert [f for f in result["findings"] if f["severity"] == "error"] == []
    for data, name in ((render_page(report).encode(), "report.html"), (render_docx(report), "report.docx")):
        result = audit_bytes(data, name)
        assert result["format"] == "legacy", name
        assert [f for f in result["findings"] if f["severity"] == "error"] == [], name


def test_report_build_subtree_writes_the_five_files(subtree_2016, organs, tmp_path):
    call_command("report", "build", subtree_2016.org_code, "2016", "--out", str(tmp_path), "--subtree")
    for name in FILES:
        assert (tmp_path / name).stat().st_size > 0, name
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert (data["format"], data["year"], data["subtree"]) == ("legacy", 2016, True)
    assert data["organs"] == [subtree_2016.org_code, organs["bangtang"].org_code]
    assert data["consultations"]["total"] == 7
    assert [row["new"] for row in data["comparison"]] == [7, 3]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "其中现场咨询2人次、电话咨询2人次、网上咨询3人次" in html and 'id="chart-records"' in html
    assert (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    assert "各机关对比" in load_workbook(tmp_path / "report.xlsx").sheetnames
    for name in ("report.html", "report.docx"):
        result = audit_bytes((tmp_path / name).read_bytes(), name)
        assert result["format"] == "legacy", name
        assert [f for f in result["findings"] if f["severity"] == "error"] == [], name
