"""The public portal in a real Chromium: navigation, metadata, font size, 长辈版, QR code, keyboard."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.catalog.models import Category
from tests.helpers import make_published

pytestmark = pytest.mark.browser


@pytest.fixture
def portal(transactional_db, settings, organ, alice, bob, charlie, live_server):
    """东风路街道's portal with a few published records; returns the record the tests open."""
    settings.PORTAL_ORGAN = organ.org_code
    news = Category.objects.get(organ=organ, slug="gzdt")
    now = timezone.now()
    for i in range(3):
        make_published(
            organ,
            alice,
            bob,
            charlie,
            published_at=now - dt.timedelta(days=i + 1),
            title=f"东风路街道召开第{i + 1}次网格化管理推进会",
            categories=[news],
        )
    return make_published(
        organ,
        alice,
        bob,
        charlie,
        published_at=now,
        title="东风路街道开展冬季消防安全检查",
        categories=[news],
        document_number="东风路街发〔2026〕3号",
        body="<p>近日，东风路街道组织各社区对辖区内的小区、商铺开展冬季消防安全检查。</p>" * 3,
    )


def font_px(page, selector):
    return float(page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)"))


def meta_cell(page, header):
    return page.locator(f"table.meta-table th:text-is('{header}') + td").inner_text().strip()


def test_it_goes_from_home_to_category_to_article(live_server, portal, new_page):
    page = new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("region", name="工作动态").get_by_role("link", name="更多").click()
    page.wait_for_url("**/catalog/gzdt/")
    assert page.get_by_role("heading", level=1).inner_text() == "工作动态"
    page.get_by_role("link", name="东风路街道开展冬季消防安全检查").click()
    page.wait_for_url(f"**/art/{portal.uuid}/")
    assert page.get_by_role("heading", level=1).inner_text() == "东风路街道开展冬季消防安全检查"
    assert meta_cell(page, "索引号") == portal.index_number
    assert meta_cell(page, "发布机构") == "长沙市开福区人民政府东风路街道办事处"
    assert meta_cell(page, "文号") == "东风路街发〔2026〕3号"
    assert meta_cell(page, "有效性") == "有效"
    assert meta_cell(page, "主题分类") == "工作动态"
    assert meta_cell(page, "发布日期") == timezone.localtime(portal.published_at).strftime("%Y-%m-%d")


def test_it_enlarges_the_text_in_place(live_server, portal, new_page):
    page = new_page()
    url = f"{live_server.url}/art/{portal.uuid}/"
    page.goto(url)
    before = font_px(page, ".article-body p")
    page.locator(".article-tools a[data-fs='l']").click()
    page.wait_for_function("document.documentElement.classList.contains('fs-l')")
    assert font_px(page, ".article-body p") > before
    assert page.url == url  # switched by the script, without reloading
    assert page.locator(".article-tools a[data-fs='l']").get_attribute("aria-current") == "true"
    page.goto(live_server.url + "/")
    assert "fs-l" in page.locator("html").get_attribute("class")


def test_it_keeps_elder_mode_on_the_next_page(live_server, portal, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/art/{portal.uuid}/")
    normal = font_px(page, ".article-body p")
    page.get_by_role("link", name="长辈版", exact=True).click()
    page.wait_for_function("document.documentElement.classList.contains('elder')")
    assert font_px(page, "body") >= 24  # 18pt
    assert font_px(page, ".article-body p") > normal
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="首页").click()
    page.wait_for_url(live_server.url + "/")
    assert "elder" in page.locator("html").get_attribute("class")
    assert page.get_by_role("link", name="退出长辈版").is_visible()


def test_it_shows_the_qr_code(live_server, portal, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/art/{portal.uuid}/")
    qr = page.locator("svg.qr-code")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 100 and box["height"] >= 100
    assert page.locator("#share-url").input_value() == f"{live_server.url}/art/{portal.uuid}/"


def test_it_focuses_the_skip_link_first(live_server, portal, new_page):
    page = new_page()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
@pytest.mark.parametrize("name", ["home", "category", "article", "search"])
def test_it_fits_a_360px_screen(live_server, portal, new_page, name, elder):
    paths = {
        "home": "/",
        "category": f"/xxgk/{portal.organ.org_code}/catalog/gzdt/",
        "article": f"/art/{portal.uuid}/",
        "search": "/search/?q=消防",
    }
    page = new_page(width=360)
    if elder:
        page.goto(live_server.url + "/?elder=1")
    page.goto(live_server.url + paths[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_it_switches_font_size_and_elder_mode_without_javascript(live_server, portal, new_page):
    page = new_page(javascript=False)
    page.goto(f"{live_server.url}/art/{portal.uuid}/")
    before = font_px(page, ".article-body p")
    page.locator(".a11y-toolbar a[data-fs='l']").click()
    page.wait_for_load_state()
    assert "fs-l" in page.locator("html").get_attribute("class")
    assert font_px(page, ".article-body p") > before
    page.get_by_role("link", name="长辈版", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("class") == "fs-l elder"
    assert page.locator(".js-print").is_hidden()
