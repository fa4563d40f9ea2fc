"""Counter and phone staff log enquiries; the annual report counts them by channel."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.enquiries.actions import do_answer, do_log_enquiry, do_submit_online
from gongkai.enquiries.models import Enquiry
from gongkai.enquiries.queries import counts_by_channel

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_it_counts_enquiries_by_channel(organs, hank, time_machine):
    organ = organs["dongfeng"]
    time_machine.move_to(dt.datetime(2025, 6, 1, 10, tzinfo=SHANGHAI), tick=False)
    for channel in ("in_person", "in_person", "phone"):
        do_log_enquiry(
            organ=organ, actor=hank, channel=channel, topic="", question="低保怎么申请？", answer="到社区"
        )
    do_submit_online(
        organ=organ,
        kind="enquiry",
        name="",
        phone="13800138000",
        topic="",
        question="网上问",
        consent_publish=False,
    )
    do_submit_online(
        organ=organ,
        kind="report",
        name="",
        phone="13800138000",
        topic="",
        question="举报",
        consent_publish=False,
    )
    time_machine.move_to(dt.datetime(2026, 1, 1, 0, 30, tzinfo=SHANGHAI), tick=False)  # next year, local time
    do_log_enquiry(organ=organ, actor=hank, channel="phone", topic="", question="新年问题")

    assert counts_by_channel([organ.pk], 2025) == {"in_person": 2, "phone": 1, "online": 1, "total": 4}
    assert counts_by_channel([organ.pk], 2026) == {"in_person": 0, "phone": 1, "online": 0, "total": 1}
    assert counts_by_channel([organs["dingwangtai"].pk], 2025)["total"] == 0


def test_it_keeps_who_logged_and_answered(organ, hank):
    enquiry = do_log_enquiry(organ=organ, actor=hank, channel="phone", topic="社保", question="怎么办？")
    assert (enquiry.status, enquiry.logged_by, enquiry.answered_by) == ("open", hank, None)
    enquiry = do_answer(enquiry, actor=hank, answer="带身份证到窗口办理。")
    assert (enquiry.status, enquiry.answered_by) == ("answered", hank)
    assert enquiry.answered_at is not None


def test_it_refuses_bad_input_and_other_roles(organ, hank, alice, frank):
    with pytest.raises(ValidationError) as exc:
        do_log_enquiry(organ=organ, actor=hank, channel="fax", topic="", question="")
    assert set(exc.value.error_dict) == {"channel", "question"}
    for outsider in (alice, frank):
        with pytest.raises(PermissionDenied):
            do_log_enquiry(organ=organ, actor=outsider, channel="phone", topic="", question="问")
    assert not Enquiry.objects.exists()


def test_it_keeps_the_channel_between_entries(client, organ, hank):
    client.force_login(hank)
    url = reverse("backoffice:enquiries_staff:log")
    data = {
        "organ": organ.org_code,
        "channel": "phone",
        "topic": "",
        "question": "几点上班？",
        "answer": "8:30",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert re.search(r'value="phone"[^>]*checked', page)
    assert not re.search(r'value="in_person"[^>]*checked', page)
    enquiry = Enquiry.objects.get()
    assert (enquiry.channel, enquiry.status, enquiry.logged_by) == ("phone", "answered", hank)
    listing = client.get(reverse("backoffice:enquiries_staff:list")).content.decode()
    assert "几点上班" in listing


def test_it_answers_an_online_enquiry_from_the_staff_page(client, organ, hank):
    enquiry = do_submit_online(
        organ=organ,
        kind="enquiry",
        name="陈某",
        phone="13800138000",
        topic="",
        question="问",
        consent_publish=True,
    )
    client.force_login(hank)
    url = reverse("backoffice:enquiries_staff:detail", args=[enquiry.uuid])
    page = client.get(url).content.decode()
    assert "13800138000" in page and "陈某" in page  # the handler sees the contact
    assert client.post(url, {"answer": ""}).status_code == 200
    assert client.post(url, {"answer": "已答复"}).status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.answer, enquiry.answered_by) == ("answered", "已答复", hank)


@pytest.mark.parametrize("persona", ["citizen", "frank", "erin", "alice"])
def test_it_refuses_staff_pages_to_non_handlers(client, organ, hank, persona, request):
    enquiry = do_log_enquiry(organ=organ, actor=hank, channel="phone", topic="", question="问")
    client.force_login(request.getfixturevalue(persona))
    for url in (
        reverse("backoffice:enquiries_staff:list"),
        reverse("backoffice:enquiries_staff:log"),
        reverse("backoffice:enquiries_staff:detail", args=[enquiry.uuid]),
    ):
        assert client.get(url).status_code == 403, url


def test_it_lists_enquiries_in_a_fixed_number_of_queries(client, organ, hank, django_assert_num_queries):
    client.force_login(hank)
    url = reverse("backoffice:enquiries_staff:list")
    do_log_enquiry(organ=organ, actor=hank, channel="phone", topic="", question="问一")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(5):
        do_log_enquiry(organ=organ, actor=hank, channel="in_person", topic="", question=f"问{n}")
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url).content.decode()
    assert "问4" in page
