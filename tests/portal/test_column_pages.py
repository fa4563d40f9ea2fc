from django.urls import reverse

from gongkai.catalog.actions import do_update_category
from gongkai.organs.actions import do_create_organ, do_update_organ
from gongkai.organs.models import Organ
from tests.portal.pages import text_of


def test_it_redirects_the_column_to_the_site_organ(client, organ):
    response = client.get("/xxgk/")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:organ_index", args=[organ.org_code])


def test_it_shows_the_four_sub_columns_and_the_latest_records(client, organ, publish):
    publish("最新的一条通知")
    html = text_of(client.get(reverse("portal:organ_index", args=[organ.org_code])))
    for name in ("guide", "rules", "catalog", "reports"):
        assert reverse(f"portal:{name}", args=[organ.org_code]) in html
    assert "最新的一条通知" in html


def test_it_answers_404_for_an_unknown_organ(client, organ):
    for name in ("organ_index", "guide", "rules", "catalog", "reports"):
        assert client.get(reverse(f"portal:{name}", args=["000000000"])).status_code == 404


def test_it_shows_the_rules_sanitised(client, organ, dora):
    do_update_organ(
        organ, actor=dora, disclosure_rules="<h2>总则</h2><p>第一条……</p><script>alert(1)</script>"
    )
    html = text_of(client.get(reverse("portal:rules", args=[organ.org_code])))
    assert "<h2>总则</h2><p>第一条……</p>" in html
    assert "alert(1)" not in html


def test_it_sanitises_rules_stored_without_the_update_action(client, organs):
    organ = do_create_organ(
        actor=None,
        parent=organs["dongfeng"],
        level=Organ.Level.COMMUNITY,
        name="王家垅社区居民委员会",
        org_code="11430105MB1952020A",
        disclosure_rules='<p onclick="steal()">制度</p><img src="javascript:alert(1)">',
    )
    html = text_of(client.get(reverse("portal:rules", args=[organ.org_code])))
    assert "<p>制度</p>" in html
    assert "steal()" not in html and "javascript:" not in html


def test_it_says_so_when_there_are_no_rules(client, organ):
    html = text_of(client.get(reverse("portal:rules", args=[organ.org_code])))
    assert "本机关尚未发布政府信息公开制度。" in html


def test_it_counts_records_per_category_in_the_catalog(client, organ, publish, category, dora):
    publish("预算执行一", slugs=("yszx",))
    publish("预算执行二", slugs=("yszx",))
    publish("收支与预算", slugs=("yszx", "czsz"))
    publish("通知", slugs=("tzgg",))
    do_update_category(category("czxx"), actor=dora, description="预算、决算和财政收支情况")
    html = text_of(client.get(reverse("portal:catalog", args=[organ.org_code])))
    czxx = reverse("portal:category", args=[organ.org_code, "czxx"])
    assert f'<a href="{czxx}">财政信息</a> <span class="count">（3条）</span>' in html
    yszx = reverse("portal:category", args=[organ.org_code, "yszx"])
    assert f'<a href="{yszx}">预算执行</a> <span class="count">（3条）</span>' in html
    czsz = reverse("portal:category", args=[organ.org_code, "czsz"])
    assert f'<a href="{czsz}">财政收支</a> <span class="count">（1条）</span>' in html
    ldxx = reverse("portal:category", args=[organ.org_code, "ldxx"])
    assert f'<a href="{ldxx}">领导信息</a> <span class="count">（0条）</span>' in html
    assert "预算、决算和财政收支情况" in html


def test_it_hides_inactive_categories(client, organ, category, dora):
    do_update_category(category("qt"), actor=dora, is_active=False)
    html = text_of(client.get(reverse("portal:catalog", args=[organ.org_code])))
    assert ">其它</a>" not in html
    assert client.get(reverse("portal:category", args=[organ.org_code, "qt"])).status_code == 404


def test_it_has_an_honest_empty_annual_reports_column(client, organ):
    html = text_of(client.get(reverse("portal:reports", args=[organ.org_code])))
    assert "暂无年度报告" in html
