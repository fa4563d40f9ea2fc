"""The public online application form (/apply/<org_code>/): fields of 条例 art 29, the confirmation page
with the tracking code, and bad input re-rendered with a message per field and nothing saved."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from gongkai.applications.models import Applicant, Application, ApplicationEvent, Status
from tests.applications.conftest import ID_X, USCC_OK


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides):
    data = {
        "kind": "person",
        "name": "陈申请",
        "id_type": "resident_id",
        "id_number": ID_X,
        "phone": "138-0013-8000",
        "email": "chen@example.com",
        "address": "长沙市开福区某路1号",
        "postcode": "410005",
        "info_title": "老旧小区改造实施方案",
        "info_document_number": "",
        "description": "请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。",
        "delivery_form": "email",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def url(organ):
    return reverse("apply:form", args=[organ.org_code])


def nothing_saved():
    assert not Application.objects.exists()
    assert not Applicant.objects.exists()
    assert not ApplicationEvent.objects.exists()


def test_it_shows_the_form_with_the_fields_of_article_29(client, organ):
    response = client.get(url(organ))
    assert response.status_code == 200
    html = response.content.decode()
    assert "政府信息公开申请表" in html and organ.name in html
    for label in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他组织"):
        assert f">{label}</label>" in html
    for name in ("name", "id_type", "id_number", "uscc", "contact_person", "phone", "email", "address"):
        assert f'name="{name}"' in html
    for name in ("postcode", "info_title", "info_document_number", "description", "delivery_form", "consent"):
        assert f'name="{name}"' in html
    for label in ("纸质文本（邮寄）", "纸质文本（当面领取）", "电子邮件", "光盘等存储介质"):
        assert label in html
    assert "个人信息保护法" in html
    assert "用途" not in html.replace("无需说明申请用途", "")  # the purpose is not asked since 2019
    assert 'for="id_name"' in html and 'id="id_description_helptext"' in html
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


def test_it_sends_apply_to_the_site_organs_form(client, organ, settings):
    settings.PORTAL_ORGAN = organ.org_code
    response = client.get(reverse("apply:form_default"))
    assert response.status_code == 302 and response["Location"] == url(organ)


def test_it_answers_404_for_an_unknown_organ(client, organs):
    assert client.get("/apply/11430105000000000X/").status_code == 404
    response = client.post("/apply/11430105000000000X/", form_data())
    assert response.status_code == 404
    nothing_saved()


def test_it_registers_an_online_application_awaiting_confirmation(client, organ):
    response = client.post(url(organ), form_data())
    assert response.status_code == 302 and response["Location"] == reverse("apply:submitted")
    application = Application.objects.get()
    assert application.organ == organ
    assert application.channel == "online" and application.status == Status.AWAITING_CONFIRMATION
    assert application.received_on is None and application.due_on is None
    assert application.applicant.phone == "13800138000"
    assert application.applicant.id_number_masked == "110105********002X"
    assert application.events.get().actor is None

    page = client.get(reverse("apply:submitted")).content.decode()
    assert application.tracking_code in page
    assert "待确认收到" in page
    assert "20个工作日" in page and "确认收到之日" in page
    assert reverse("apply:receipt", args=[application.tracking_code]) in page
    assert reverse("apply:status") in page


def test_it_registers_an_organisation_with_its_code_and_contact_person(client, organ):
    data = form_data(
        kind="research", name="湖南某研究院", uscc=USCC_OK, contact_person="刘研究", id_number=""
    )
    response = client.post(url(organ), data)
    assert response.status_code == 302
    applicant = Application.objects.get().applicant
    assert (applicant.kind, applicant.id_type, applicant.contact_person) == ("research", "uscc", "刘研究")
    assert applicant.id_number_masked.endswith(USCC_OK[-4:])


def test_it_sends_the_confirmation_page_back_to_the_form_without_a_submission(client, organ, settings):
    settings.PORTAL_ORGAN = organ.org_code
    response = client.get(reverse("apply:submitted"))
    assert response.status_code == 302 and response["Location"] == reverse("apply:form_default")


def refused(client, organ, **overrides):
    response = client.post(url(organ), form_data(**overrides))
    assert response.status_code == 200
    nothing_saved()
    return response.content.decode()


def test_it_keeps_the_input_and_explains_a_bad_resident_id_checksum(client, organ):
    html = refused(client, organ, id_number="110105194912310021")
    assert "居民身份证号码校验不通过" in html
    assert 'href="#id_id_number"' in html  # the error summary links to the field
    assert 'id="id_id_number_error"' in html and 'aria-invalid="true"' in html
    assert "110105194912310021" not in html  # the ID number is not written back into the page
    assert 'value="陈申请"' in html and 'value="chen@example.com"' in html
    assert "请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。" in html
    assert "<title>错误：" in html


def test_it_explains_a_bad_unified_social_credit_code(client, organ):
    html = refused(
        client, organ, kind="business", name="某公司", uscc="91430100MA4L16JQ9A", contact_person="刘"
    )
    assert "统一社会信用代码应为18位且校验位正确" in html
    assert 'href="#id_uscc"' in html
    assert 'value="91430100MA4L16JQ9A"' in html


def test_it_asks_an_organisation_for_its_contact_person(client, organ):
    html = refused(client, organ, kind="business", name="某公司", uscc=USCC_OK, contact_person="")
    assert "请填写联系人姓名" in html and 'href="#id_contact_person"' in html


def test_it_lists_every_missing_field_at_once(client, organ):
    html = refused(client, organ, name="", phone="", description="", delivery_form=None, consent=None)
    for message in (
        "请填写申请人姓名或名称",
        "请填写联系电话",
        "请描述所需的政府信息",
        "请选择获取信息的方式",
        "请阅读个人信息处理告知并勾选同意",
    ):
        assert message in html
    for anchor in ("id_name", "id_phone", "id_description", "id_delivery_form_0", "id_consent"):
        assert f'href="#{anchor}"' in html
    assert "请修改以下5处" in html


def test_it_refuses_a_50000_character_description_with_the_maximum(client, organ):
    html = refused(client, organ, description="请公开" * 16_667)
    assert "信息描述不能超过5000个字（当前50001个字）" in html
    assert "作为附件上传" in html.split('id="id_description_error"')[1].split("</p>")[0]
    assert html.count("请公开请公开") > 1000  # the text is kept for the applicant to shorten


def test_it_needs_an_email_address_for_delivery_by_email(client, organ):
    html = refused(client, organ, email="", delivery_form="email")
    assert "请填写电子邮箱" in html


def test_it_says_one_thing_once_when_form_and_core_agree(client, organ):
    html = refused(client, organ, kind="robot")
    assert html.count("<span>选择一个有效的选项") + html.count("<span>请选择申请人类型") == 1
