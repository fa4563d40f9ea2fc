import datetime as dt

from django.urls import reverse

from tests.helpers import make_published
from tests.portal.pages import order_of, text_of


def url(organ, slug, **query):
    base = reverse("portal:category", args=[organ.org_code, slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_it_pages_twenty_records_at_a_time_newest_first(client, organ, publish):
    for i in range(25):
        publish(f"工作动态第{i:02d}号", slugs=("gzdt",), days_ago=i)
    first = text_of(client.get(url(organ, "gzdt")))
    assert first.count('<td class="col-title"') == 20
    assert order_of(first, "工作动态第00号", "工作动态第01号", "工作动态第19号") == [
        "工作动态第00号",
        "工作动态第01号",
        "工作动态第19号",
    ]
    assert "工作动态第20号" not in first
    assert "共 25 条" in first
    assert "第 1 页，共 2 页" in first
    second = text_of(client.get(url(organ, "gzdt", page=2)))
    assert second.count('<td class="col-title"') == 5
    assert "工作动态第20号" in second and "工作动态第24号" in second
    assert "工作动态第19号" not in second


def test_it_keeps_the_sort_when_paging(client, organ, publish):
    for i in range(21):
        publish(f"通知{i:02d}", days_ago=i)
    html = text_of(client.get(url(organ, "tzgg", sort="title")))
    assert "?sort=title&amp;page=2" in html


def test_it_sorts_by_written_date(client, organ, publish):
    publish("较早成文、最近发布", written_on=dt.date(2026, 1, 5), days_ago=0)
    publish("最近成文、较早发布", written_on=dt.date(2026, 9, 1), days_ago=10)
    by_published = text_of(client.get(url(organ, "tzgg")))
    assert order_of(by_published, "较早成文、最近发布", "最近成文、较早发布")[0] == "较早成文、最近发布"
    by_written = text_of(client.get(url(organ, "tzgg", sort="written")))
    assert order_of(by_written, "较早成文、最近发布", "最近成文、较早发布")[0] == "最近成文、较早发布"


def test_it_sorts_by_title(client, organ, publish):
    publish("B 关于第二件事的通知", days_ago=0)
    publish("A 关于第一件事的通知", days_ago=1)
    publish("C 关于第三件事的通知", days_ago=2)
    html = text_of(client.get(url(organ, "tzgg", sort="title")))
    titles = ["A 关于第一件事的通知", "B 关于第二件事的通知", "C 关于第三件事的通知"]
    assert order_of(html, *titles) == titles


def test_it_ignores_an_unknown_sort(client, organ, publish):
    publish("通知甲", days_ago=0)
    publish("通知乙", days_ago=1)
    response = client.get(url(organ, "tzgg", sort="drop table"))
    assert response.status_code == 200
    assert order_of(text_of(response), "通知甲", "通知乙") == ["通知甲", "通知乙"]


def test_it_lists_records_of_child_categories_on_the_parent_page(client, organ, publish, category):
    publish("预算执行情况", slugs=("yszx",), days_ago=0)
    publish("财政收支情况", slugs=("czsz",), days_ago=1)
    publish("两类都有的财政信息", slugs=("yszx", "czsz"), days_ago=2)
    publish("一则通知", slugs=("tzgg",), days_ago=3)
    parent = text_of(client.get(url(organ, "czxx")))
    assert "预算执行情况" in parent and "财政收支情况" in parent
    assert parent.count("两类都有的财政信息") == 1
    assert "一则通知" not in parent
    assert "共 3 条" in parent
    child = text_of(client.get(url(organ, "yszx")))
    assert "预算执行情况" in child and "财政收支情况" not in child


def test_it_shows_index_number_and_both_dates(client, organ, publish):
    record = publish("关于冬季消防安全检查的通知", written_on=dt.date(2026, 11, 2), days_ago=3)
    html = text_of(client.get(url(organ, "tzgg")))
    for header in ("索引号", "标题", "成文日期", "发布日期"):
        assert f">{header}</th>" in html
    assert record.index_number in html
    assert "2026-11-02" in html
    assert "2026-11-17" in html
    assert reverse("portal:article", args=[record.uuid]) in html


def test_it_shows_only_the_organs_own_category(client, organs, organ, publish):
    make_published(organs["bangtang"], None, None, None, title="蚌塘社区的通知", categories=None)
    publish("东风路街道的通知")
    html = text_of(client.get(url(organ, "tzgg")))
    assert "东风路街道的通知" in html
    assert "蚌塘社区的通知" not in html
    community = text_of(client.get(url(organs["bangtang"], "tzgg")))
    assert "蚌塘社区的通知" in community and "东风路街道的通知" not in community


def test_it_answers_404_for_unknown_categories_and_organs(client, organ):
    assert client.get(url(organ, "no-such-category")).status_code == 404
    assert client.get(reverse("portal:category", args=["000000000", "tzgg"])).status_code == 404


def test_it_says_so_when_the_category_is_empty(client, organ):
    assert "本分类暂无信息。" in text_of(client.get(url(organ, "ldxx")))
