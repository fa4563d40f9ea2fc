"""依申请公开 end to end in a real Chromium: a citizen applies online; a handler confirms receipt, asks for
补正, records the correction, extends with the organ admin's approval, answers 部分公开 with a generated
letter and records its delivery; the citizen then finds the outcome and downloads the letter through the
public status lookup.

Runs on the real date (no frozen clock: the browser's cookies follow the real one)."""

import datetime as dt
import os
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications.models import Application, Status
from gongkai.applications.queries import lookup_by_tracking_code
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import ID_X
from tests.conftest import PASSWORD, _user

pytestmark = pytest.mark.browser

seeded_calendar = application_fixtures.seeded_calendar


@pytest.fixture
def handler(transactional_db, organs):
    user = _user("hank", first_name="黄办理")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.APPLICATION_HANDLER)
    return user


@pytest.fixture
def online_application(transactional_db, settings, organ, dora, live_server, new_page):
    """The citizen's browser, after applying online through the public form."""
    settings.PORTAL_ORGAN = organ.org_code
    cache.clear()
    citizen = new_page()
    citizen.goto(f"{live_server.url}/apply/{organ.org_code}/")
    citizen.get_by_label("姓名或名称").fill("陈申请")
    citizen.get_by_label("证件类型").select_option("resident_id")
    citizen.get_by_label("证件号码").fill(ID_X)
    citizen.keyboard.press("Tab")
    citizen.keyboard.type("13800138000")
    citizen.get_by_label("所需政府信息的描述").fill(
        "请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。"
    )
    citizen.get_by_label("电子邮件").check()
    citizen.get_by_label("电子邮箱").fill("chen@example.com")
    citizen.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    citizen.get_by_role("button", name="提交申请").click()
    citizen.wait_for_url("**/apply/submitted/")
    code = citizen.locator("#tracking-code").inner_text().strip()
    yield citizen, Application.objects.get(tracking_code=code)
    cache.clear()


def _shot(page, name):
    folder = os.environ.get("GONGKAI_SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def _step(page, name, fill=None):
    """Open a step's form, fill it, submit it and wait for the success message."""
    step = page.locator(f"#step-{name}")
    step.locator("summary").click()
    for selector, value in (fill or {}).items():
        field = step.locator(selector)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(**value)
        else:
            field.fill(value)
    step.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message-success").count() == 1, page.locator("main").inner_text()[:2000]


def test_a_handler_takes_an_online_application_to_a_partial_disclosure_letter(
    live_server, new_page, handler, online_application
):
    citizen, online_application = online_application
    code = online_application.tracking_code
    page = new_page()
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", "hank")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r".*/staff/$"))

    page.get_by_role("link", name="依申请公开").first.click()
    page.wait_for_url("**/staff/applications/")
    row = page.locator("table.gk-app-queue tbody tr", has_text=code)
    assert "待确认收到" in row.inner_text()
    _shot(page, "application-queue.png")
    row.get_by_role("link", name=code).click()
    page.wait_for_url(f"**/staff/applications/{code}/")
    assert "110105********002X" in page.locator("main").inner_text()

    _step(page, "confirm_receipt")
    page.locator("#step-reply summary").click()
    _shot(page, "application-steps.png")
    page.locator("#step-reply summary").click()
    respond_by = (timezone.localdate() + dt.timedelta(days=15)).isoformat()
    _step(
        page,
        "request_correction",
        {"[name=respond_by]": respond_by, "[name=items]": "请写明所需方案的年度和文号。"},
    )
    assert Application.objects.get(pk=online_application.pk).status == Status.AWAITING_CORRECTION
    _step(page, "receive_correction", {"[name=note]": "申请人补充了文号。"})
    _step(
        page,
        "extend",
        {
            "[name=days]": "20",
            "[name=approver]": {"label": "赵管理"},
            "[name=reason]": "需要调取档案并征求意见。",
        },
    )
    app = Application.objects.get(pk=online_application.pk)
    assert app.extension_days == 20 and app.extension_approved_by.username == "dora"

    _step(
        page,
        "reply",
        {"[name=outcome]": {"value": "partial"}, "[name=reasons]": "方案中涉及个人信息的部分不予公开。"},
    )
    letters_section = page.locator("#letters")
    assert "部分公开" in letters_section.inner_text()
    with page.expect_download() as download:
        letters_section.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    letters_section.get_by_role("button", name="记录送达").click()
    page.wait_for_load_state()
    assert "送达，申请人可查看" in page.locator("#letters").inner_text()
    timeline = page.locator("ol.timeline").inner_text()
    for label in ("确认收到申请", "告知补正", "收到补正后的申请", "延期答复", "答复"):
        assert label in timeline
    _shot(page, "application-detail.png")

    status = lookup_by_tracking_code(code, "8000")
    assert status.status == Status.CLOSED and status.outcome_label == "部分公开"
    assert [letter.outcome for letter in letters.applicant_letters(code, "8000")] == ["partial"]

    # the citizen follows up on the public status page and downloads the letter
    citizen.goto(f"{live_server.url}/apply/status/")
    citizen.get_by_label("查询码").fill(code)
    citizen.get_by_label("联系电话后4位").fill("8000")
    citizen.keyboard.press("Enter")
    result = citizen.get_by_role("region", name=f"申请 {code} 的办理进度")
    assert "部分公开" in result.inner_text()
    documents = citizen.locator(".reply-documents")
    with citizen.expect_download() as download:
        documents.get_by_role("link", name=re.compile("PDF")).click()
    assert download.value.suggested_filename == f"{code}-告知书.pdf"
    with open(download.value.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    assert "陈申请" not in citizen.content()
