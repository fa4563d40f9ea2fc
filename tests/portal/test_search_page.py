"""The portal search page: box on every page, results with snippets and facets, filters, help on zero results."""

import pytest
from django.urls import reverse

from gongkai.catalog.actions import do_withdraw_record
from tests.helpers import make_published


@pytest.fixture
def indexed(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    def publish(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_published(organ, alice, bob, charlie, **fields)

    return publish


def test_every_page_has_a_search_box(client, organ):
    for url in (reverse("portal:home"), reverse("portal:guide", args=[organ.org_code])):
        page = client.get(url).content.decode()
        assert 'role="search"' in page and 'action="/search/"' in page and 'name="q"' in page


def test_it_finds_highlights_and_links_records(client, indexed):
    record = indexed(title="东风路街道防汛应急预案", body="<p>汛期各社区要落实防汛值班制度。</p>")
    indexed(title="社区文艺汇演活动举行")
    page = client.get(reverse("portal:search"), {"q": "防汛"}).content.decode()
    assert "共找到 1 条结果" in page
    assert reverse("portal:article", args=[record.uuid]) in page
    assert "<mark>防汛</mark>" in page
    assert record.index_number in page


def test_it_escapes_what_the_user_typed(client, indexed):
    indexed(title="公告")
    page = client.get(reverse("portal:search"), {"q": "<script>alert(1)</script> 公告"}).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page


def test_it_narrows_by_category_and_year_facets(client, indexed, organ):
    emergency = organ.categories.get(slug="yjgl")
    indexed(title="应急管理知识讲座", categories=[emergency])
    indexed(title="应急管理工作通知")
    page = client.get(reverse("portal:search"), {"q": "应急管理"}).content.decode()
    assert "按分类" in page and "应急管理 <span" in page and "按年份" in page
    narrowed = client.get(
        reverse("portal:search"), {"q": "应急管理", "category": emergency.pk}
    ).content.decode()
    assert "共找到 1 条结果" in narrowed and "<mark>应急管理</mark>知识讲座" in narrowed
    assert "取消“应急管理”" in narrowed


def test_it_searches_within_a_category_from_the_category_page(client, organ, indexed):
    page = client.get(reverse("portal:category", args=[organ.org_code, "tzgg"])).content.decode()
    tzgg = organ.categories.get(slug="tzgg")
    assert f'name="category" value="{tzgg.pk}"' in page


def test_it_helps_when_nothing_matches(client, indexed):
    indexed(title="老年人优待证办理指南")
    page = client.get(reverse("portal:search"), {"q": "优待证 火星基地"}).content.decode()
    assert "没有找到与“优待证 火星基地”相关的信息" in page
    assert "试试单独检索" in page and "优待证" in page
    assert "政府信息公开指南" in page


def test_it_ignores_bad_filters_with_a_message(client, indexed):
    indexed(title="财政预算公开")
    response = client.get(
        reverse("portal:search"),
        {
            "q": "财政",
            "year": "abc",
            "date_from": "2026-99-01",
            "organ": "NOSUCHCODE",
            "page": "-3",
            "sort": "random",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "共找到 1 条结果" in page
    assert "年份“abc”无效" in page and "不是有效日期" in page and "NOSUCHCODE" in page


def test_withdrawn_records_disappear_at_once(
    client, indexed, charlie, settings, django_capture_on_commit_callbacks
):
    record = indexed(title="征兵工作通告")
    settings.SEARCH_APPLY_ON_COMMIT = False
    do_withdraw_record(record, actor=charlie, reason="错误")
    page = client.get(reverse("portal:search"), {"q": "征兵"}).content.decode()
    assert "征兵工作通告" not in page.split('id="results-title"')[1]


def test_the_organ_facet_drills_down_one_level_at_a_time(client, indexed, organs):
    indexed(title="东风路街道防汛值班安排")

    def organ_links(**params):
        page = client.get(reverse("portal:search"), {"q": "防汛", **params}).content.decode()
        facet = page.split('id="facet-organ-title"', 1)[1].split("</section>", 1)[0]
        return {o.short_name: f"organ={o.org_code}" in facet for o in organs.values()}

    # The top of the tree and the level below it; then the chosen district and its offices.
    assert organ_links() == {
        "长沙市": True, "开福区": True, "东风路街道": False, "蚌塘社区": False, "芙蓉区": False, "定王台街道": False,
    }  # fmt: skip
    assert organ_links(organ=organs["kaifu"].org_code) == {
        "长沙市": False, "开福区": True, "东风路街道": True, "蚌塘社区": False, "芙蓉区": False, "定王台街道": False,
    }  # fmt: skip


def test_long_facet_lists_fold_away_behind_more(client, indexed, organ):
    from gongkai.portal.search_views import FACET_SHOWN, _facet_lists
    from gongkai.search.params import parse_params
    from gongkai.search.service import FacetEntry

    many = [FacetEntry(str(i), f"分类{i}", 100 - i) for i in range(FACET_SHOWN + 5)]
    lists = _facet_lists({"category": many}, parse_params({}))["category"]
    assert lists["shown"] == many[:FACET_SHOWN] and lists["more"] == many[FACET_SHOWN:]
