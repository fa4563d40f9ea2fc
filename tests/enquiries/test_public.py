"""The portal side: the online enquiry form, the 举报/投诉 mailbox, the status lookup and the Q&A list."""

import pytest
from django.urls import reverse

from gongkai.enquiries.actions import do_answer, do_log_enquiry, do_submit_online
from gongkai.enquiries.models import Enquiry
from gongkai.enquiries.public_views import LOOKUPS, SUBMISSIONS

GOOD = {
    "kind": "enquiry",
    "name": "陈小明",
    "phone": "138-0013-8000",
    "topic": "老旧小区改造",
    "question": "今年哪些小区列入改造计划？",
    "consent_publish": "on",
}


@pytest.fixture
def site(organ, settings):
    settings.PORTAL_ORGAN = organ.org_code
    return organ


def test_it_takes_an_online_enquiry_and_gives_a_tracking_code(client, site):
    response = client.post(reverse("enquiries:ask"), GOOD)
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.tracking_code.startswith("ZX-")
    assert (enquiry.channel, enquiry.kind, enquiry.organ, enquiry.consent_publish) == (
        "online",
        "enquiry",
        site,
        True,
    )
    assert enquiry.phone_last4 == "8000"
    assert "13800138000" not in enquiry.contact_encrypted  # stored encrypted
    page = client.get(response["Location"]).content.decode()
    assert enquiry.tracking_code in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"question": ""}, "请填写内容"),
        ({"phone": "abc"}, "联系电话应为7至20位数字"),
        ({"phone": ""}, "联系电话"),
    ],
)
def test_it_rerenders_bad_input_with_messages_and_saves_nothing(client, site, change, message):
    response = client.post(reverse("enquiries:ask"), {**GOOD, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Enquiry.objects.exists()


def test_it_rate_limits_submissions_per_ip(client, site):
    for _i in range(SUBMISSIONS.limit):
        assert client.post(reverse("enquiries:ask"), GOOD).status_code == 302
    response = client.post(reverse("enquiries:ask"), GOOD)
    assert response.status_code == 429
    assert Enquiry.objects.count() == SUBMISSIONS.limit
    other_ip = client.post(reverse("enquiries:ask"), GOOD, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 302


def test_it_lists_only_consented_answered_online_enquiries_without_personal_data(client, organ, hank):
    def online(question, consent):
        return do_submit_online(
            organ=organ,
            kind="enquiry",
            name="陈小明",
            phone="13800138000",
            topic="",
            question=question,
            consent_publish=consent,
        )

    published = do_answer(online("公开的问题", True), actor=hank, answer="公开的答复")
    do_answer(online("不同意公开的问题", False), actor=hank, answer="答复二")
    online("尚未答复的问题", True)
    do_log_enquiry(organ=organ, actor=hank, channel="phone", topic="", question="电话问题", answer="电话答复")
    do_answer(
        do_submit_online(
            organ=organ,
            kind="complaint",
            name="",
            phone="13900000000",
            topic="",
            question="投诉内容",
            consent_publish=True,
        ),
        actor=hank,
        answer="已处理",
    )
    page = client.get(reverse("enquiries:qa_list")).content.decode()
    assert "公开的问题" in page and "公开的答复" in page
    for hidden in (
        "不同意公开的问题",
        "尚未答复的问题",
        "电话问题",
        "投诉内容",
        "陈小明",
        "13800138000",
        "8000",
        published.tracking_code,
    ):
        assert hidden not in page, hidden


def test_it_takes_a_complaint_and_tells_its_status_by_code_and_phone_digits(client, site, hank):
    response = client.post(
        reverse("enquiries:mailbox"),
        {"kind": "complaint", "name": "", "phone": "13912345678", "topic": "", "question": "窗口态度差"},
    )
    assert response.status_code == 302
    complaint = Enquiry.objects.get()
    assert complaint.kind == "complaint" and complaint.tracking_code.startswith("TS-")
    assert not complaint.consent_publish

    status = reverse("enquiries:status")
    page = client.post(
        status, {"tracking_code": complaint.tracking_code.lower(), "last4": "5678"}
    ).content.decode()
    assert "尚未答复" in page and "窗口态度差" not in page
    do_answer(complaint, actor=hank, answer="已约谈窗口工作人员。")
    page = client.post(status, {"tracking_code": complaint.tracking_code, "last4": "5678"}).content.decode()
    assert "已约谈窗口工作人员" in page
    wrong_digits = client.post(
        status, {"tracking_code": complaint.tracking_code, "last4": "0000"}
    ).content.decode()
    unknown = client.post(status, {"tracking_code": "TS-2025-AAAA-BBBB", "last4": "5678"}).content.decode()
    for page in (wrong_digits, unknown):
        assert "没有找到与该查询码和电话号码后4位相符的记录" in page
        assert "已约谈" not in page


def test_it_rate_limits_status_lookups(client, db):
    for _i in range(LOOKUPS.limit):
        client.post(reverse("enquiries:status"), {"tracking_code": "TS-2025-AAAA-BBBB", "last4": "1234"})
    response = client.post(
        reverse("enquiries:status"), {"tracking_code": "TS-2025-AAAA-BBBB", "last4": "1234"}
    )
    assert response.status_code == 429
