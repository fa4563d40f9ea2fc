"""Full-text search in a real Chromium, operated with the keyboard only."""

import pytest

from tests.browser.test_portal_browser import portal  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.browser


def test_a_keyboard_user_searches_and_narrows_by_a_facet(live_server, portal, new_page):  # noqa: F811
    page = new_page()
    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="检索本站政府信息")
    box.focus()
    page.keyboard.type("消防安全检查")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert "共找到 4 条结果" in page.locator(".list-total").inner_text()  # the others mention it in the body
    hit = page.locator(".search-hit .hit-title a").first  # the title match ranks first
    assert hit.inner_text() == "东风路街道开展冬季消防安全检查"
    assert page.locator(".search-hit mark").count() >= 1
    # reach the year facet by keyboard and follow it
    year_link = page.locator("#facet-year-title + ul a").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#facet-year-title + ul') !== null"):
            break
    else:
        pytest.fail("the year facet cannot be reached with Tab")
    focused_href = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused_href == year_link.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**year=*")
    assert "取消“" in page.locator("#active-filters-title + ul").inner_text()
    page.get_by_role("link", name="东风路街道开展冬季消防安全检查").first.press("Enter")
    page.wait_for_url(f"**/art/{portal.uuid}/")
