"""The HTML report: six section headings in order, the table-3 national header (note, 申请人情况, 法人或其他组织
over five columns) with th scope attributes and no subtotal rows, table 4's two-level header, the SVG charts
with <title>/<desc>, and the drafted narrative from the facts made with the real actions."""

import datetime as dt
import re

import pytest

from gongkai.annual.compile import compile_report
from gongkai.annual.formats import by_name
from gongkai.annual.render.html import render_fragment, render_page
from gongkai.annual.render.layout import TABLE3_NOTE, report_title
from gongkai.enquiries.actions import do_log_enquiry
from gongkai.enquiries.models import Channel
from tests.annual import test_compile
from tests.annual.test_compile import SHANGHAI

# The generator's fixtures: the autouse calendar (time frozen in 2026) and the 2025 applications.
calendar = test_compile.calendar
year_2025 = test_compile.year_2025


@pytest.fixture
def report_2025(year_2025, time_machine):
    """The 2025 applications of the generator's tests plus three consultations logged in 2025."""
    time_machine.move_to(dt.datetime(2025, 6, 2, 10, tzinfo=SHANGHAI), tick=False)
    for channel in (Channel.IN_PERSON, Channel.PHONE, Channel.PHONE):
        do_log_enquiry(organ=year_2025, actor=None, channel=channel, topic="公开指南", question="如何申请？")
    time_machine.move_to(dt.datetime(2026, 3, 1, 10, tzinfo=SHANGHAI), tick=False)
    return compile_report([year_2025], 2025)


def table_of(page: str, key: str) -> str:
    return re.search(rf'<table class="report-table {key}">.*?</table>', page).group(0)


def test_page_has_title_and_six_sections_in_order(report_2025, organ):
    page = render_page(report_2025)
    assert report_title(report_2025) == f"{organ.name}2025年政府信息公开工作年度报告"
    assert f"<title>{organ.name}2025年政府信息公开工作年度报告</title>" in page
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings == [f"{s.number}、{s.title}" for s in report_2025.format.sections]
    assert headings[0] == "一、总体情况" and headings[-1] == "六、其他需要报告的事项"
    # Tables sit in their sections: 二 → table 2, 三 → table 3, 四 → table 4.
    for section, key in (("proactive", "table2"), ("requests", "table3"), ("appeals", "table4")):
        body = re.search(rf'<section id="section-{section}">.*?</section>', page, re.S).group(0)
        assert f'class="report-table {key}"' in body


def test_table3_has_the_national_header_and_merged_group_labels(report_2025):
    t3 = table_of(render_fragment(report_2025), "table3")
    assert f'<td class="note" rowspan="3" colspan="3">{TABLE3_NOTE}</td>' in t3
    assert '<th scope="colgroup" colspan="7">申请人情况</th>' in t3
    assert '<th scope="col" rowspan="2">自然人</th>' in t3
    assert '<th scope="colgroup" colspan="5">法人或其他组织</th>' in t3
    assert '<th scope="col" rowspan="2">总计</th>' in t3
    assert re.findall(r'<th scope="col">(.*?)</th>', t3) == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    rows = by_name("2021").table("table3").row_keys
    body = t3.split("<tbody>")[1]
    assert body.count("<tr>") == len(rows)  # no subtotal row for the groups
    assert '<th scope="rowgroup" rowspan="8">（三）不予公开</th>' in t3
    assert '<th scope="rowgroup" rowspan="3">（四）无法提供</th>' in t3
    assert '<th scope="rowgroup" rowspan="5">（五）不予处理</th>' in t3
    assert '<th scope="rowgroup" rowspan="3">（六）其他处理</th>' in t3
    assert '<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>' in t3
    assert '<th scope="row" colspan="3">一、本年新收政府信息公开申请数量</th>' in t3
    new_row = re.search(r"一、本年新收政府信息公开申请数量</th>(.*?)</tr>", t3).group(1)
    assert re.findall(r'<td class="num">(\d+)</td>', new_row) == [str(n) for n in report_2025.table3["new"]]


def test_table4_and_table2_headers(report_2025):
    page = render_fragment(report_2025)
    t4 = table_of(page, "table4")
    assert '<th scope="colgroup" rowspan="2" colspan="5">行政复议</th>' in t4
    assert '<th scope="colgroup" colspan="10">行政诉讼</th>' in t4
    assert '<th scope="colgroup" colspan="5">未经复议直接起诉</th>' in t4
    assert '<th scope="colgroup" colspan="5">复议后起诉</th>' in t4
    assert t4.count('<td class="num">0</td>') == 15
    t2 = table_of(page, "table2")
    assert '<th scope="colgroup" colspan="4">第二十条第（八）项</th>' in t2
    assert '<th scope="row">行政事业性收费</th><td class="num" colspan="3">—</td>' in t2  # not entered


def test_charts_are_svg_with_title_desc_and_text_labels(report_2025):
    page = render_fragment(report_2025)
    svgs = re.findall(r"<svg .*?</svg>", page)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg and "<script" not in svg
    consultations = next(s for s in svgs if 'id="chart-consultations"' in s)
    assert "现场咨询1人次；电话咨询2人次；网上咨询0人次" in consultations
    assert ">电话咨询</text>" in consultations and ">2人次</text>" in consultations
    outcomes = next(s for s in svgs if 'id="chart-outcomes"' in s)
    assert ">予以公开</text>" in outcomes and ">不予公开</text>" in outcomes
    assert "予以公开2件" in outcomes  # 2025: two granted, the third closed in 2026
    assert "无数据" in next(s for s in svgs if 'id="chart-records"' in s)  # nothing published in 2025


def test_draft_narrative_and_override(report_2025, organ):
    page = render_fragment(report_2025)
    assert f"2025年，{organ.name}认真贯彻落实" in page
    assert "共收到政府信息公开申请9件，上年结转2件" in page
    assert "全年共接受政府信息公开咨询3人次" in page
    assert "本年度未发生因政府信息公开申请行政复议或提起行政诉讼的情况。" in page
    edited = render_fragment(report_2025, {"overview": ["本机关自行撰写的概述。"]})
    assert "<p>本机关自行撰写的概述。</p>" in edited and "认真贯彻落实" not in edited
