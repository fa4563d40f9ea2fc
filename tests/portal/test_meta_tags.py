from django.urls import reverse

from tests.portal.pages import text_of


def meta(html, name):
    marker = f'<meta name="{name}" content="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_it_names_the_site_on_every_page(client, organ, publish):
    record = publish("通知")
    for url in (
        "/",
        reverse("portal:guide", args=[organ.org_code]),
        reverse("portal:article", args=[record.uuid]),
    ):
        html = text_of(client.get(url))
        assert meta(html, "SiteName") == "长沙市开福区人民政府东风路街道办事处"
        assert meta(html, "SiteDomain") == "testserver"
        assert '<html lang="zh-CN"' in html


def test_it_uses_the_configured_site_name(client, settings, organ):
    settings.SITE_NAME = "东风路街道政务公开网"
    assert meta(text_of(client.get("/")), "SiteName") == "东风路街道政务公开网"


def test_it_adds_the_site_id_code_only_when_configured(client, settings, organ):
    assert 'name="SiteIDCode"' not in text_of(client.get("/"))
    settings.SITE_ID_CODE = "4301050001"
    html = text_of(client.get("/"))
    assert meta(html, "SiteIDCode") == "4301050001"
    assert "网站标识码：4301050001" in html


def test_it_describes_column_pages(client, organ):
    html = text_of(client.get(reverse("portal:category", args=[organ.org_code, "tzgg"])))
    assert meta(html, "ColumnName") == "通知公告"
    assert meta(html, "ColumnType") == "法定主动公开内容"
    guide = text_of(client.get(reverse("portal:guide", args=[organ.org_code])))
    assert meta(guide, "ColumnName") == "政府信息公开指南"
    assert 'name="ArticleTitle"' not in guide


def test_it_describes_article_pages(client, publish):
    record = publish("关于开展冬季消防安全检查的通知", source="东风路街道党政综合办", days_ago=2)
    html = text_of(client.get(reverse("portal:article", args=[record.uuid])))
    assert meta(html, "ArticleTitle") == "关于开展冬季消防安全检查的通知"
    assert meta(html, "PubDate") == "2026-11-18 10:30"
    assert meta(html, "ContentSource") == "东风路街道党政综合办"
    assert meta(html, "ColumnName") == "通知公告"
    assert meta(html, "Keywords") == "消防 安全 检查"
