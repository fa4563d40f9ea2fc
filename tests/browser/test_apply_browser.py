"""依申请公开 in a real Chromium: a citizen fills the online form with keyboard and mouse, fixes a
mistake through the error summary, gets the tracking code, and follows the application on the status
page with the code + the last 4 digits of the phone."""

import re

import pytest
from django.core.cache import cache

from gongkai.applications.models import Application
from gongkai.workdays.actions import do_seed_from_package
from tests.applications.conftest import ID_X, USCC_OK

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db, settings, organ, live_server):
    """东风路街道's portal, with the calendar as `migrate` leaves it (a transactional test flushes it)."""
    do_seed_from_package(actor=None)
    settings.PORTAL_ORGAN = organ.org_code
    cache.clear()
    yield organ
    cache.clear()


def test_a_citizen_applies_online_and_follows_the_application(live_server, site, new_page):
    page = new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="依申请公开").click()
    page.wait_for_url(f"**/apply/{site.org_code}/")
    assert page.get_by_role("heading", level=1).inner_text() == "政府信息公开申请表"
    assert page.get_by_label("自然人").is_checked()
    assert not page.get_by_label("统一社会信用代码").is_visible()  # shown only for organisations

    page.get_by_label("姓名或名称").click()
    page.keyboard.type("陈申请")
    page.get_by_label("证件类型").select_option("resident_id")
    page.get_by_label("证件号码").fill("110105194912310021")  # wrong check character
    page.keyboard.press("Tab")
    page.keyboard.type("13800138000")
    page.get_by_label("所需政府信息的描述").fill("请公开东风路街道2025年老旧小区改造项目的实施方案。")
    page.get_by_label("电子邮件").check()
    page.get_by_label("电子邮箱").fill("chen@example.com")
    consent = page.get_by_label(re.compile("我已阅读上述个人信息处理告知"))
    consent.focus()
    page.keyboard.press("Space")
    assert consent.is_checked()
    page.get_by_role("button", name="提交申请").press("Enter")

    summary = page.get_by_role("alert")
    assert "居民身份证号码校验不通过" in summary.inner_text()
    assert not Application.objects.exists()
    assert page.get_by_label("姓名或名称").input_value() == "陈申请"  # the input is kept
    summary.get_by_role("link", name=re.compile("居民身份证号码校验不通过")).press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_id_number"
    page.keyboard.type(ID_X)
    page.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/submitted/")
    code = page.locator("#tracking-code").inner_text().strip()
    assert code == Application.objects.get().tracking_code
    assert "待确认收到" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="下载回执（PDF）").count() == 1

    page.get_by_role("link", name="查询办理进度").click()
    page.wait_for_url("**/apply/status/")
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_label("联系电话后4位").fill("8000")
    page.keyboard.press("Enter")
    result = page.get_by_role("region", name=f"申请 {code} 的办理进度")
    assert "待确认收到" in result.locator(".status-now").inner_text()
    assert "登记申请" in result.inner_text()
    assert "陈申请" not in page.content() and "13800138000" not in page.content()


def test_an_organisation_applies_without_javascript_on_a_narrow_screen(live_server, site, new_page):
    page = new_page(width=360, javascript=False)
    page.goto(f"{live_server.url}/apply/{site.org_code}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.get_by_label("商业企业").check()
    assert page.get_by_label("统一社会信用代码").is_visible()
    assert not page.get_by_label("证件号码").is_visible()
    page.get_by_label("姓名或名称").fill("长沙某某科技有限公司")
    page.get_by_label("统一社会信用代码").fill(USCC_OK)
    page.get_by_label("联系人姓名").fill("刘经理")
    page.get_by_label("联系电话").fill("0731-84001234")
    page.get_by_label("所需政府信息的描述").fill("请公开2025年度辖区内企业扶持资金的发放名单。")
    page.get_by_label("纸质文本（当面领取）").check()
    page.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/submitted/")
    applicant = Application.objects.get().applicant
    assert (applicant.kind, applicant.id_type, applicant.contact_person) == ("business", "uscc", "刘经理")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
