"""The 回执 PDF: a real PDF with the tracking code, the masked name and the deadline statement, served
only to the session that submitted the application or proved code + digits on the status page."""

import io

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from gongkai.applications.models import Application
from gongkai.applications.receipt import mask_name
from tests.applications.test_public_form import form_data


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submitted(client, organ):
    """The client that submitted an application, and the application."""
    response = client.post(reverse("apply:form", args=[organ.org_code]), form_data())
    assert response.status_code == 302
    return client, Application.objects.get()


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(body))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


def test_it_masks_names():
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name(" 李 ") == "李"
    assert mask_name("") == ""


def test_it_makes_a_pdf_receipt_with_the_tracking_code(submitted, organ):
    client, app = submitted
    response = client.get(reverse("apply:receipt", args=[app.tracking_code]))
    text = pdf_text(response)
    assert app.tracking_code in text
    assert "回执" in text and organ.name in text
    assert "2025年12月31日" in text
    assert "陈**" in text and "陈申请" not in text
    assert "老旧小区改造" in text
    assert "确认收到之日起计算" in text
    for secret in ("13800138000", "002X", "chen@example.com", "某路1号"):
        assert secret not in text
    assert "attachment" in response["Content-Disposition"]
    assert app.tracking_code in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_it_refuses_the_receipt_to_anyone_else(submitted):
    _client, app = submitted
    url = reverse("apply:receipt", args=[app.tracking_code])
    assert Client().get(url).status_code == 404


def test_it_gives_the_receipt_after_a_successful_status_lookup(submitted):
    _client, app = submitted
    other = Client()
    url = reverse("apply:receipt", args=[app.tracking_code])
    other.post(reverse("apply:status"), {"tracking_code": app.tracking_code, "last4": "0000"})
    assert other.get(url).status_code == 404
    html = other.post(reverse("apply:status"), {"tracking_code": app.tracking_code, "last4": "8000"})
    assert url in html.content.decode()
    assert app.tracking_code in pdf_text(other.get(url))
