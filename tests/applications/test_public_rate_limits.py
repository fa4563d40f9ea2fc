"""The online form is CAPTCHA-free but rate-limited: 5 submissions per hour per client IP and organ,
counted in Django's cache; over the limit the form answers 429 with the input kept and nothing saved."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.public_views import SUBMISSIONS, client_ip
from tests.applications.test_public_form import form_data


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def submit(client, organ, **extra):
    description = f"请公开第{Application.objects.count() + 1}号会议纪要。"
    return client.post(
        reverse("apply:form", args=[organ.org_code]), form_data(description=description), **extra
    )


def fill_up(client, organ, **extra):
    for _i in range(SUBMISSIONS.limit):
        assert submit(client, organ, **extra).status_code == 302


def test_it_refuses_the_sixth_submission_within_an_hour(client, organ):
    fill_up(client, organ)
    response = submit(client, organ)
    assert response.status_code == 429
    html = response.content.decode()
    assert "提交过于频繁，本次申请没有提交" in html
    assert 'value="陈申请"' in html  # the input is kept
    assert "请修改以下" not in html
    assert Application.objects.count() == 5


def test_it_counts_per_organ_and_per_ip(client, organs):
    fill_up(client, organs["dongfeng"])
    assert submit(client, organs["bangtang"]).status_code == 302
    assert submit(client, organs["dongfeng"], REMOTE_ADDR="10.1.2.3").status_code == 302
    assert submit(client, organs["dongfeng"]).status_code == 429


def test_it_does_not_count_refused_input(client, organ):
    url = reverse("apply:form", args=[organ.org_code])
    for _i in range(SUBMISSIONS.limit + 2):
        assert client.post(url, form_data(name="")).status_code == 200
    assert submit(client, organ).status_code == 302


def test_it_lets_submissions_through_again_an_hour_later(client, organ, time_machine):
    fill_up(client, organ)
    assert submit(client, organ).status_code == 429
    time_machine.shift(dt.timedelta(hours=1))
    assert submit(client, organ).status_code == 302
    assert Application.objects.count() == 6


def test_it_reads_the_client_ip_from_the_proxy_only_behind_one(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "203.0.113.9"  # the address the proxy saw, not one the client wrote
