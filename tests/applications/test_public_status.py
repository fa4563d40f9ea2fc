"""The public status lookup (/apply/status/): tracking code + the last 4 digits of the phone; status, key
dates, outcome and timeline labels — never applicant data or internal notes; one neutral message for a
wrong code or wrong digits."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from gongkai.applications.actions import (
    do_confirm_receipt,
    do_register_application,
    do_reply,
    do_start_consultation,
)
from gongkai.applications.models import Channel
from tests.applications.conftest import SHANGHAI, person_data

D = dt.date
URL = reverse("apply:status")
SECRETS = ("陈申请", "13800138000", "11010519491231002X", "110105", "chen@example.com", "某路1号", "410005")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def lookup(client, code, last4="8000"):
    return client.post(URL, {"tracking_code": code, "last4": last4})


def online(organ, submitted_on=None):
    return do_register_application(
        organ=organ, actor=None, channel=Channel.ONLINE, data=person_data(), submitted_on=submitted_on
    )


def assert_no_personal_data(html):
    for secret in SECRETS:
        assert secret not in html


def test_it_shows_the_lookup_form(client, db):
    html = client.get(URL).content.decode()
    assert 'name="tracking_code"' in html and 'name="last4"' in html
    assert 'for="id_last4"' in html and 'inputmode="numeric"' in html


def test_it_shows_an_application_awaiting_confirmation(client, organ):
    app = online(organ)
    response = lookup(client, app.tracking_code.lower())
    html = response.content.decode()
    assert response.status_code == 200
    assert app.tracking_code in html and "待确认收到" in html
    assert "尚待本机关确认收到" in html
    assert "答复期限</th>" not in html
    assert "登记申请" in html
    assert organ.name in html
    assert_no_personal_data(html)


def test_it_shows_the_due_date_of_a_running_application(client, organ, hank):
    app = online(organ, submitted_on=D(2025, 9, 25))
    do_confirm_receipt(app, actor=hank, on=D(2025, 9, 26))
    html = lookup(client, app.tracking_code).content.decode()
    assert "办理中" in html
    assert '<time datetime="2025-10-30">2025年10月30日</time>' in html
    assert '<time datetime="2025-09-26">2025年9月26日</time>' in html
    assert "确认收到申请" in html
    assert "日历未确认" not in html
    assert "已超过答复期限" in html  # today is 2025-12-31


def test_it_notes_a_due_date_in_a_year_whose_calendar_is_unconfirmed(client, organ, hank, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False)
    app = online(organ)
    do_confirm_receipt(app, actor=hank)
    app.refresh_from_db()
    assert app.due_on.year == 2027 and not app.calendar_confirmed
    html = lookup(client, app.tracking_code).content.decode()
    assert "日历未确认" in html
    assert "已超过答复期限" not in html


def test_it_shows_the_outcome_and_timeline_but_no_notes(client, register, hank):
    app = register()
    do_start_consultation(app, actor=hank, kind="third_party", party="第三方王某某", on=D(2025, 9, 29))
    do_reply(app, actor=hank, outcome="partial", on=D(2025, 10, 20), note="涉及王某某个人信息")
    html = lookup(client, app.tracking_code).content.decode()
    assert "已办结" in html and "部分公开" in html
    assert '<time datetime="2025-10-20">2025年10月20日</time>' in html
    assert "征求第三方意见：开始" in html
    assert "王某某" not in html
    assert "答复期限</th>" not in html
    assert 'class="reply-documents"' not in html  # no reply documents yet: the block renders nothing
    assert_no_personal_data(html)


def neutral(html):
    """The page without the values that differ by request (CSRF token, the typed code)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'name="tracking_code" value="[^"]*"', "", html)


def test_it_gives_one_neutral_answer_for_a_wrong_code_or_wrong_digits(client, organ):
    app = online(organ)
    wrong_digits = lookup(client, app.tracking_code, "0000")
    wrong_code = lookup(client, "GK-2025-AAAA-AAAA", "8000")
    assert wrong_digits.status_code == wrong_code.status_code == 200
    html = wrong_digits.content.decode()
    assert "没有找到与该查询码和电话号码后4位相符的申请" in html
    assert "待确认收到" not in html and organ.name not in html
    assert 'value="0000"' not in html  # the second factor is not written back into the page
    assert neutral(html) == neutral(wrong_code.content.decode())


def test_it_asks_for_exactly_4_digits(client, organ):
    app = online(organ)
    html = lookup(client, app.tracking_code, "80a0").content.decode()
    assert "请填写4位数字" in html and 'href="#id_last4"' in html
    assert "待确认收到" not in html
    html = lookup(client, "", "").content.decode()
    assert "请填写查询码" in html and "请填写联系电话的后4位" in html


def test_it_limits_lookups_per_ip(client, organ):
    app = online(organ)
    for _i in range(20):
        assert lookup(client, "GK-2025-AAAA-AAAA").status_code == 200
    response = lookup(client, app.tracking_code)
    assert response.status_code == 429
    html = response.content.decode()
    assert "查询过于频繁" in html and "待确认收到" not in html
    other_ip = client.post(URL, {"tracking_code": app.tracking_code, "last4": "8000"}, REMOTE_ADDR="10.0.0.2")
    assert other_ip.status_code == 200 and "待确认收到" in other_ip.content.decode()


def test_it_lets_lookups_through_again_after_ten_minutes(client, organ, time_machine):
    app = online(organ)
    for _i in range(21):
        lookup(client, "GK-2025-AAAA-AAAA")
    assert lookup(client, app.tracking_code).status_code == 429
    time_machine.shift(dt.timedelta(minutes=10))
    assert "待确认收到" in lookup(client, app.tracking_code).content.decode()


def test_it_offers_delivered_letters_to_the_session_that_proved_code_and_digits(client, register, hank):
    from gongkai.applications.letters import do_generate_letter, do_record_letter_delivery

    app = register()
    do_reply(app, actor=hank, outcome="partial", on=D(2025, 10, 20))
    letter = do_generate_letter(app, actor=hank, reasons="涉及第三方个人信息，已作区分处理。")
    pdf_url = reverse("apply:letter", args=[letter.uuid, "pdf"])
    html = lookup(client, app.tracking_code).content.decode()
    assert pdf_url not in html  # generated but not yet delivered: not the applicant's yet
    do_record_letter_delivery(letter, actor=hank, on=D(2025, 10, 21))
    html = lookup(client, app.tracking_code).content.decode()
    assert pdf_url in html and 'class="reply-documents"' in html
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get(reverse("apply:letter", args=[letter.uuid, "docx"])).status_code == 200


def test_a_letter_cannot_be_fetched_without_the_lookup(client, register, hank):
    from django.test import Client

    from gongkai.applications.letters import do_generate_letter, do_record_letter_delivery

    app = register()
    do_reply(app, actor=hank, outcome="granted", on=D(2025, 10, 20))
    letter = do_generate_letter(app, actor=hank)
    do_record_letter_delivery(letter, actor=hank, on=D(2025, 10, 21))
    assert Client().get(reverse("apply:letter", args=[letter.uuid, "pdf"])).status_code == 404
    other = Client()
    lookup(other, app.tracking_code, last4="0000")  # wrong digits
    assert other.get(reverse("apply:letter", args=[letter.uuid, "pdf"])).status_code == 404
