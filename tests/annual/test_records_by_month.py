"""Records per category per month (the chart of section 二): counted from the records published in the report
year in the site time zone (Asia/Shanghai), exact for a known fixture made with the real actions; the chart
draws 1月…12月 with every figure in its text alternative; the HTML and PDF reports carry it."""

import datetime as dt
import re

import pytest

from gongkai.annual.compile import compile_report
from gongkai.annual.render.charts import describe_months, month_series, records_chart
from gongkai.annual.render.html import render_fragment
from gongkai.annual.render.pdf import render_pdf
from gongkai.catalog.models import Category
from tests.annual import test_compile
from tests.annual.test_compile import SHANGHAI
from tests.helpers import make_draft, make_published

calendar = test_compile.calendar


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)


def publish(organ, when: dt.datetime, *slugs: str):
    """A record of `organ` in the categories `slugs`, published at `when`; without `slugs`, a record whose
    only category was since taken out of the catalog (the database cascade leaves it uncategorised)."""
    categories = [Category.objects.get(organ=organ, slug=slug) for slug in slugs or ("qt",)]
    record = make_published(
        organ, None, None, None, published_at=when, categories=categories, written_on=when.date()
    )
    if not slugs:
        record.categories.through.objects.filter(record=record).delete()
    return record


@pytest.fixture
def records_2025(organs):
    """东风路街道 in 2025: 通知公告 in January, February and December; 工作动态 in January and February (one
    record in both categories on 1 February just after midnight, still 31 January in UTC); 法规公文 in March;
    one uncategorised in July. Not counted: published in 2024 or 2026 (by a minute), a draft, another organ's."""
    dongfeng = organs["dongfeng"]
    publish(dongfeng, at(2025, 1, 1, 0, 0), "tzgg")  # 2024-12-31 16:00 UTC
    publish(dongfeng, at(2025, 1, 31, 23, 30), "gzdt")
    publish(dongfeng, at(2025, 2, 1, 0, 10), "gzdt", "tzgg")  # 2025-01-31 16:10 UTC
    publish(dongfeng, at(2025, 3, 15, 9, 0), "fggw")
    publish(dongfeng, at(2025, 7, 7, 9, 0))
    publish(dongfeng, at(2025, 12, 31, 23, 59), "tzgg")
    publish(dongfeng, at(2024, 12, 31, 23, 59), "tzgg")
    publish(dongfeng, at(2026, 1, 1, 0, 0), "tzgg")
    make_draft(dongfeng, None)
    publish(organs["bangtang"], at(2025, 6, 1, 9, 0), "gzdt")
    return dongfeng


def months(**cells: int) -> list[int]:
    out = [0] * 12
    for key, n in cells.items():
        out[int(key.removeprefix("m")) - 1] = n
    return out


def test_the_month_counts_are_exact(records_2025):
    report = compile_report([records_2025], 2025)
    assert report.records_by_month == {
        "通知公告": months(m1=1, m2=1, m12=1),
        "工作动态": months(m1=1, m2=1),
        "未分类": months(m7=1),
        "法规公文": months(m3=1),
    }
    assert list(report.records_by_month) == ["通知公告", "工作动态", "未分类", "法规公文"]
    # The year's counts per category are the months summed, in the same order.
    assert list(report.records_by_category.items()) == [
        ("通知公告", 3),
        ("工作动态", 2),
        ("未分类", 1),
        ("法规公文", 1),
    ]


def test_the_chart_draws_the_months_with_every_figure_as_text(records_2025):
    svg = records_chart(compile_report([records_2025], 2025))
    assert svg.startswith("<svg ") and 'id="chart-records"' in svg and "<script" not in svg
    assert "2025年主动公开政府信息（按类别、月份）" in svg
    assert [f">{m}月</text>" in svg for m in range(1, 13)] == [True] * 12
    desc = re.search(r'<desc id="chart-records-desc">(.*?)</desc>', svg).group(1)
    assert desc.startswith(
        "1月2条：通知公告1条、工作动态1条；2月2条：通知公告1条、工作动态1条；3月1条：法规公文1条；4月0条；"
    )
    assert desc.endswith("7月1条：未分类1条；8月0条；9月0条；10月0条；11月0条；12月1条：通知公告1条")
    assert ">通知公告 3条</text>" in svg  # legend: the year's count per category
    assert "<title>工作动态，2月：1条</title>" in svg  # each segment names its category, month and count
    assert svg.count("<rect ") == 7 + 4  # 1月 2, 2月 2, 3月, 7月, 12月 one segment each; four legend swatches


def test_beyond_five_categories_the_rest_are_drawn_together():
    names = [f"类别{c}" for c in "甲乙丙丁戊己庚辛"]
    series = month_series({name: months(m1=10 - i, m5=1) for i, name in enumerate(names)})
    assert [name for name, _counts in series] == [*names[:5], "其他类别"]
    assert series[-1][1] == months(m1=5 + 4 + 3, m5=3)
    assert describe_months(series, "条").startswith(
        "1月52条：类别甲10条、类别乙9条、类别丙8条、类别丁7条、类别戊6条、其他类别12条；2月0条；"
    )
    six = {name: months(m1=1) for name in names[:6]}
    assert month_series(six) == list(six.items())  # six categories: all drawn by name


def test_no_record_in_the_year_draws_no_data(organ):
    assert "无数据" in records_chart(compile_report([organ], 2025))


def test_html_and_pdf_carry_the_month_chart(records_2025):
    report = compile_report([records_2025], 2025)
    page = render_fragment(report)
    section = re.search(r'<section id="section-proactive">.*?</section>', page, re.S).group(0)
    assert 'id="chart-records"' in section and ">12月</text>" in section
    assert render_pdf(report)[:4] == b"%PDF"
