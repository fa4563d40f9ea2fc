"""The public deadline calculator page at /workdays/: a plain GET form, no login, no JavaScript needed."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.workdays.actions import do_set_calendar_day
from gongkai.workdays.models import DayKind

URL = "/workdays/"


@pytest.fixture
def client():
    return Client(raise_request_exception=True)


def test_it_is_at_workdays(client):
    assert reverse("workdays:calculator") == URL


def test_it_shows_the_empty_form_to_anyone(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "工作日计算器" in page
    assert 'name="start"' in page and 'name="days"' in page
    assert 'method="get"' in page
    assert "计算结果" not in page


def test_it_computes_the_due_date_and_explains_it(client):
    page = client.get(URL, {"start": "2025-09-26", "days": "20"}).content.decode()
    assert "2025年10月30日" in page
    assert "已按国务院放假通知确认" in page
    assert "2025年10月1日" in page and "国庆节" in page
    assert "2025年9月28日" in page and "调休上班" in page
    assert "/api/v1/workdays/add?start=2025-09-26&amp;days=20" in page


def test_it_flags_an_unconfirmed_calendar(client):
    page = client.get(URL, {"start": "2026-12-20", "days": "20"}).content.decode()
    assert "2027年1月15日" in page
    assert "日历未确认：2027年" in page


def test_it_follows_days_entered_by_a_superuser(client, root):
    do_set_calendar_day(dt.date(2027, 1, 1), DayKind.HOLIDAY, "元旦", actor=root)
    page = client.get(URL, {"start": "2026-12-20", "days": "20"}).content.decode()
    assert "2027年1月18日" in page
    assert "元旦" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2025-02-30", "days": "20"}, "有效的日期"),
        ({"start": "", "days": "20"}, "这个字段是必填项"),
        ({"start": "2025-09-26", "days": "0"}, "大于或等于1"),
        ({"start": "2025-09-26", "days": "366"}, "小于或等于365"),
        ({"start": "2025-09-26", "days": "二十"}, "整数"),
        ({"start": "9999-12-30", "days": "20"}, "起算日超出可计算的范围"),
    ],
)
def test_it_explains_bad_input(client, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "计算结果" not in page
