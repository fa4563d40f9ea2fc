from django.urls import reverse

from gongkai.organs.actions import do_create_organ
from gongkai.organs.models import Organ
from tests.portal.pages import element, text_of


def switcher(client, url):
    return element(text_of(client.get(url)), "switcher-title", tag="nav")


def test_it_offers_the_site_organ_and_its_communities(client, organs, organ):
    here = reverse("portal:guide", args=[organ.org_code])
    community = reverse("portal:guide", args=[organs["bangtang"].org_code])
    nav = switcher(client, here)
    assert f'<a href="{here}" aria-current="page">东风路街道</a>' in nav
    assert f'<a href="{community}">蚌塘社区</a>' in nav
    assert "开福区" not in nav
    assert "定王台街道" not in nav


def test_it_keeps_the_sub_column_when_switching(client, organs, organ):
    bangtang = organs["bangtang"].org_code
    rules_page = reverse("portal:rules", args=[organ.org_code])
    assert reverse("portal:rules", args=[bangtang]) in switcher(client, rules_page)
    category_page = reverse("portal:category", args=[organ.org_code, "tzgg"])
    assert reverse("portal:catalog", args=[bangtang]) in switcher(client, category_page)


def test_it_marks_the_current_organ_deeper_in_the_tree(client, organs):
    here = reverse("portal:organ_index", args=[organs["bangtang"].org_code])
    assert f'<a href="{here}" aria-current="page">蚌塘社区</a>' in switcher(client, here)


def test_it_lists_communities_in_their_order(client, organs, organ):
    do_create_organ(
        actor=None,
        parent=organ,
        level=Organ.Level.COMMUNITY,
        name="王家垅社区居民委员会",
        short_name="王家垅社区",
        org_code="11430105MB1952020A",
        position=0,
    )
    nav = switcher(client, reverse("portal:organ_index", args=[organ.org_code]))
    assert nav.index("东风路街道") < nav.index("王家垅社区")
    assert "蚌塘社区" in nav


def test_it_shows_an_organ_outside_the_site_on_its_own(client, organs):
    nav = switcher(client, reverse("portal:organ_index", args=[organs["dingwangtai"].org_code]))
    assert "定王台街道" in nav and "东风路街道" in nav


def test_it_breadcrumbs_a_community_under_the_site_column(client, organs, organ):
    html = text_of(client.get(reverse("portal:guide", args=[organs["bangtang"].org_code])))
    crumbs = element(html, "breadcrumbs", tag="nav")
    assert reverse("portal:organ_index", args=[organ.org_code]) in crumbs
    assert "蚌塘社区" in crumbs
    assert '<span aria-current="page">政府信息公开指南</span>' in crumbs
