import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.actions import (
    do_approve_record,
    do_change_validity,
    do_publish_record,
    do_set_related_records,
    do_submit_record,
    do_withdraw_record,
)
from tests.helpers import make_draft
from tests.portal.pages import element, text_of


def page(client, record):
    return text_of(client.get(reverse("portal:article", args=[record.uuid])))


def cell(html, header):
    """The <td> after the <th> labelled `header` in the metadata table."""
    table = html[html.index('class="meta-table"') : html.index("</table>")]
    return re.search(rf'<th scope="row">{header}</th><td[^>]*>(.*?)</td>', table).group(1)


def test_it_shows_the_metadata_table(client, publish):
    record = publish(
        "关于开展冬季消防安全检查的通知",
        slugs=("tzgg", "yjgl"),
        written_on=dt.date(2026, 11, 2),
        document_number="东风路街发〔2026〕3号",
        subject_terms="消防 安全 检查",
        days_ago=1,
    )
    html = page(client, record)
    assert cell(html, "索引号") == record.index_number
    assert cell(html, "发布机构") == "长沙市开福区人民政府东风路街道办事处"
    assert cell(html, "成文日期") == "2026-11-02"
    assert cell(html, "发布日期") == "2026-11-19"
    assert cell(html, "文号") == "东风路街发〔2026〕3号"
    assert cell(html, "有效性") == "有效"
    assert cell(html, "主题分类") == "通知公告、应急管理"
    assert cell(html, "主题词") == "消防 安全 检查"


def test_it_leaves_out_subject_terms_when_there_are_none(client, publish):
    html = page(client, publish("没有主题词的通知", subject_terms=""))
    assert "主题词" not in html[html.index('class="meta-table"') : html.index("</table>")]


def test_it_shows_publication_time_and_source(client, publish):
    html = page(client, publish("通知", source="东风路街道党政综合办", days_ago=0))
    assert "发布时间：2026-11-20 10:30" in html
    assert "来源：东风路街道党政综合办" in html


def test_it_names_the_issuing_organ_as_source_when_no_source_is_given(client, publish):
    html = page(client, publish("通知", source=""))
    assert "来源：长沙市开福区人民政府东风路街道办事处" in html


def test_it_shows_the_body(client, publish):
    record = publish("通知", body="<p>各社区：</p><p>现将有关事项<strong>通知</strong>如下。</p>")
    assert "<p>现将有关事项<strong>通知</strong>如下。</p>" in page(client, record)


def test_it_shows_a_qr_code_of_the_page_url(client, publish):
    record = publish("通知")
    html = page(client, record)
    absolute = f"http://testserver/art/{record.uuid}/"
    qr = html[html.index("<svg") : html.index("</svg>")]
    assert 'class="qr-code"' in qr and "<path" in qr
    assert absolute in qr
    assert f'value="{absolute}"' in html
    assert "扫一扫在手机打开当前页面" in html


def test_it_marks_a_repealed_record(client, publish, charlie):
    record = publish("旧的管理办法")
    do_change_validity(record, actor=charlie, validity="repealed", on=dt.date(2026, 3, 1))
    html = page(client, record)
    assert "本文件已于2026年3月1日废止" in html
    assert cell(html, "有效性") == "废止"


def test_it_marks_an_expired_record(client, publish, charlie):
    record = publish("临时交通管制通告")
    do_change_validity(record, actor=charlie, validity="expired", on=dt.date(2026, 12, 31))
    assert "本文件已于2026年12月31日失效" in page(client, record)


def test_it_shows_no_banner_for_a_valid_record(client, publish):
    html = page(client, publish("有效的通知"))
    assert "validity-banner" not in html


def test_it_lists_related_records_that_are_public(client, publish, alice, charlie):
    record = publish("主文件")
    interpretation = publish("主文件的政策解读", slugs=("gzdt",), days_ago=1)
    withdrawn = publish("已撤回的解读", slugs=("gzdt",), days_ago=2)
    publish("同一分类的其他通知", days_ago=3)
    do_set_related_records(record, actor=alice, related=[interpretation, withdrawn])
    do_withdraw_record(withdrawn, actor=charlie, reason="重复发布")
    related = element(page(client, record), "related-title")
    assert "主文件的政策解读" in related
    assert "已撤回的解读" not in related
    assert "同一分类的其他通知" not in related


def test_it_falls_back_to_the_latest_records_of_the_same_category(client, publish):
    for i in range(7):
        publish(f"同类通知{i}", days_ago=i + 1)
    publish("其他分类的动态", slugs=("gzdt",))
    record = publish("本文", days_ago=0)
    related = element(page(client, record), "related-title")
    for i in range(5):
        assert f"同类通知{i}" in related
    assert "同类通知5" not in related
    assert "其他分类的动态" not in related
    assert "本文" not in related


def test_it_offers_font_sizes_print_and_share(client, publish):
    record = publish("通知")
    html = page(client, record)
    tools = html[html.index('class="article-tools"') :]
    for size in ("l", "m", "s"):
        assert f'href="/art/{record.uuid}/?fs={size}"' in tools
    assert "打印" in tools
    assert "复制链接" in html


def _scheduled(organ, alice, bob, charlie):
    record = make_draft(organ, alice, title="不公开")
    do_submit_record(record, actor=alice)
    do_approve_record(record, actor=bob)
    return do_publish_record(record, actor=charlie, publish_at=timezone.now() + dt.timedelta(days=1))


def _submitted(organ, alice, bob, charlie):
    record = make_draft(organ, alice, title="不公开")
    return do_submit_record(record, actor=alice)


@pytest.mark.parametrize(
    "build",
    [
        lambda organ, alice, bob, charlie, publish: make_draft(organ, alice, title="不公开"),
        lambda organ, alice, bob, charlie, publish: _submitted(organ, alice, bob, charlie),
        lambda organ, alice, bob, charlie, publish: _scheduled(organ, alice, bob, charlie),
        lambda organ, alice, bob, charlie, publish: do_withdraw_record(
            publish("不公开"), actor=charlie, reason="撤回"
        ),
        lambda organ, alice, bob, charlie, publish: publish("不公开", disclosure_mode="on_request"),
        lambda organ, alice, bob, charlie, publish: publish("不公开", disclosure_mode="withheld"),
    ],
    ids=["draft", "submitted", "scheduled", "withdrawn", "on_request", "withheld"],
)
def test_it_answers_404_for_records_that_are_not_public(client, organ, alice, bob, charlie, publish, build):
    record = build(organ, alice, bob, charlie, publish)
    assert client.get(reverse("portal:article", args=[record.uuid])).status_code == 404
