"""The annual report in a real Chromium: the organ admin opens last year's report, edits the drafted
overview, publishes it, and the report appears in the portal's 年报 column with its DOCX and PDF."""

import re

import pytest
from django.utils import timezone

from gongkai.annual.facts import FACTS, do_set_fact
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def last_year(transactional_db, settings, organ, dora, live_server):
    settings.PORTAL_ORGAN = organ.org_code
    year = timezone.localdate().year - 1
    for fact in FACTS:  # the year's staff, costs and decisions, entered beforehand
        do_set_fact(organ, year, fact.key, 2, dora)
    return year


def test_an_organ_admin_publishes_the_annual_report_into_the_portal(live_server, new_page, organ, last_year):
    page = new_page()
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", "dora")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r".*/staff/$"))
    page.get_by_role("link", name="年度报告").first.click()
    page.get_by_role("link", name=organ.name, exact=True).click()
    page.wait_for_url(f"**/staff/reports/{organ.org_code}/{last_year}/")
    assert "没有发现问题" in page.locator("main").inner_text()

    overview = page.get_by_role("textbox", name="一、总体情况")
    overview.fill(
        f"{last_year}年，东风路街道认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息。"
    )
    overview.locator("xpath=ancestor::form").get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    assert "认真贯彻" in page.get_by_role("textbox", name="一、总体情况").input_value()

    # publishing renders the DOCX and the PDF (CJK font subsetting takes seconds on a loaded machine)
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name="发布年度报告").click(no_wait_after=True)
    assert "年度报告已发布" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/xxgk/{organ.org_code}/reports/")
    report = page.get_by_role("link", name=re.compile(f"{last_year}年政府信息公开工作年度报告"))
    report.click()
    page.wait_for_url("**/art/**")
    attachments = page.locator(".attachments, .attachment-list, section:has-text('附件')").first.inner_text()
    assert ".docx" in attachments and ".pdf" in attachments
    assert "认真贯彻" in page.locator("main").inner_text()  # the edited overview is the published text
