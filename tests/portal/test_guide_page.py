from django.urls import reverse

from gongkai.catalog.actions import do_update_category
from tests.portal.pages import text_of


def test_it_shows_the_disclosure_office(client, organ):
    html = text_of(client.get(reverse("portal:guide", args=[organ.org_code])))
    for value in (
        "东风路街道党政综合办公室",
        "长沙市开福区东风路1号",
        "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
        "0731-84000000",
        "0731-84000001",
        "dfljd@example.gov.cn",
        "410005",
    ):
        assert value in html
    assert '<th scope="row">联系电话</th><td>0731-84000000</td>' in html


def test_it_lists_the_category_tree_with_descriptions(client, organ, category, dora):
    do_update_category(category("czxx"), actor=dora, description="预算、决算和财政收支情况")
    html = text_of(client.get(reverse("portal:guide", args=[organ.org_code])))
    for name in ("机构介绍", "本级机构", "通知公告", "财政信息", "预算执行", "应急管理"):
        assert f">{name}</a>" in html
    assert "财政信息</a>：预算、决算和财政收支情况" in html
    assert reverse("portal:category", args=[organ.org_code, "yszx"]) in html


def test_it_explains_how_to_apply_and_the_reply_deadline(client, organ):
    html = text_of(client.get(reverse("portal:guide", args=[organ.org_code])))
    for phrase in (
        "依申请公开",
        "当面提交",
        "邮政寄送",
        "网上提交",
        "20个工作日内予以答复",
        "最长不超过20个工作日",
    ):
        assert phrase in html


def test_it_omits_contact_fields_the_organ_has_not_filled_in(client, organs):
    html = text_of(client.get(reverse("portal:guide", args=[organs["bangtang"].org_code])))
    assert "本机关尚未登记政府信息公开工作机构的联系方式" in html
    assert '<th scope="row">传真</th>' not in html
