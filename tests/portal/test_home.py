from django.urls import reverse

from gongkai.catalog.actions import do_publish_record, do_withdraw_record
from tests.helpers import make_draft
from tests.portal.pages import element, order_of, text_of


def test_it_lists_the_five_latest_records_of_each_category(client, publish):
    for i in range(7):
        publish(f"工作动态第{i}号", slugs=("gzdt",), days_ago=i)
    block = element(text_of(client.get("/")), "cat-gzdt")
    shown = [f"工作动态第{i}号" for i in range(5)]
    assert order_of(block, *shown) == shown
    assert "工作动态第5号" not in block
    assert "工作动态第6号" not in block


def test_it_lists_records_of_subcategories_under_their_parent(client, publish):
    publish("2026年预算执行情况", slugs=("yszx",))
    publish("2026年财政收支情况", slugs=("czsz",), days_ago=1)
    block = element(text_of(client.get("/")), "cat-czxx")
    assert "2026年预算执行情况" in block
    assert "2026年财政收支情况" in block


def test_it_shows_notices_in_their_own_block(client, organ, publish):
    publish("关于开展冬季消防安全检查的通知", slugs=("tzgg",))
    html = text_of(client.get("/"))
    assert "关于开展冬季消防安全检查的通知" in element(html, "notices-title")
    assert 'id="cat-tzgg"' not in html
    assert reverse("portal:category", args=[organ.org_code, "tzgg"]) in html


def test_it_does_not_list_drafts_withdrawn_or_unpublished_records(
    client, organ, alice, bob, charlie, publish
):
    publish("已发布的通知")
    withdrawn = publish("已撤回的通知", days_ago=1)
    do_withdraw_record(withdrawn, actor=charlie, reason="内容有误")
    make_draft(organ, alice, title="尚未提交的草稿")
    publish("依申请公开的信息", disclosure_mode="on_request", days_ago=2)
    html = text_of(client.get("/"))
    assert "已发布的通知" in html
    for hidden in ("已撤回的通知", "尚未提交的草稿", "依申请公开的信息"):
        assert hidden not in html


def test_it_does_not_list_scheduled_records(client, organ, alice, bob, charlie):
    import datetime as dt

    from django.utils import timezone

    from gongkai.catalog.actions import do_approve_record, do_submit_record

    record = make_draft(organ, alice, title="定时发布的通知")
    do_submit_record(record, actor=alice)
    do_approve_record(record, actor=bob)
    do_publish_record(record, actor=charlie, publish_at=timezone.now() + dt.timedelta(days=2))
    assert "定时发布的通知" not in text_of(client.get("/"))


def test_it_links_the_four_sub_columns(client, organ):
    html = text_of(client.get("/"))
    for name in ("guide", "rules", "catalog", "reports"):
        assert reverse(f"portal:{name}", args=[organ.org_code]) in html
    for title in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert title in html


def test_it_says_so_when_a_category_is_empty(client, organs):
    block = element(text_of(client.get("/")), "cat-ldxx")
    assert "暂无信息" in block


def test_it_answers_without_any_organ(client, settings, db):
    settings.PORTAL_ORGAN = ""
    response = client.get("/")
    assert response.status_code == 200
    assert "本网站尚未设置机关" in text_of(response)
    assert client.get("/xxgk/").status_code == 404
