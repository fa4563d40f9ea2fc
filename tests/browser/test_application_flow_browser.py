"""The staff side of 依申请公开 in a real Chromium: an online application (made with the core action — the
public form is its own page) is confirmed, sent for 补正, corrected, extended with the organ admin's
approval, answered 部分公开 with a generated letter that is then delivered; the public status lookup shows
it closed as 部分公开 and lists the delivered letter.

Runs on the real date (no frozen clock: the browser's cookies follow the real one)."""

import datetime as dt
import os
import re

import pytest
from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Application, Channel, Status
from gongkai.applications.queries import lookup_by_tracking_code
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import person_data
from tests.conftest import PASSWORD, _user

pytestmark = pytest.mark.browser

seeded_calendar = application_fixtures.seeded_calendar


@pytest.fixture
def handler(transactional_db, organs):
    user = _user("hank", first_name="黄办理")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.APPLICATION_HANDLER)
    return user


@pytest.fixture
def online_application(transactional_db, organ, dora):
    return do_register_application(
        organ=organ,
        actor=None,
        channel=Channel.ONLINE,
        data=person_data(description="请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。"),
        submitted_on=timezone.localdate(),
    )


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
