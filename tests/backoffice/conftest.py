"""Fixtures for the backoffice tests: logged-in clients per persona and records in each state."""

import pytest
from django.test import Client

from gongkai.catalog.models import Category
from tests.helpers import make_draft, make_published


@pytest.fixture
def login():
    """login(user) -> a test client with that user's session."""

    def _login(user):
        client = Client()
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def tzgg(organ):
    return Category.objects.get(organ=organ, slug="tzgg")


@pytest.fixture
def draft(organ, alice):
    return make_draft(organ, alice)


@pytest.fixture
def published(organ, alice, bob, charlie):
    return make_published(organ, alice, bob, charlie, title="关于东风路街道2026年度预算的公告")


def _record_form(**overrides) -> dict:
    data = {
        "title": "关于开展2026年冬季消防安全检查的通知",
        "document_number": "东风路街发〔2026〕3号",
        "issuing_organ": "",
        "written_on": "2026-11-02",
        "subject_terms": "消防 安全 检查",
        "topic": "",
        "summary": "部署辖区冬季消防安全检查工作。",
        "body": "<p>各社区、各科室：</p><p>为切实做好冬季消防安全工作，现就有关事项通知如下。</p>",
        "validity": "valid",
        "effective_on": "",
        "expires_on": "",
        "repealed_on": "",
        "disclosure_mode": "proactive",
        "source": "东风路街道党政综合办",
        "related": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def record_form(tzgg):
    """record_form(**overrides) -> a complete, valid POST for the record editor."""

    def _build(**overrides):
        return _record_form(**{"categories": [str(tzgg.pk)], **overrides})

    return _build


@pytest.fixture
def edit_form(record_form):
    """edit_form(record, **overrides) -> the editor POST for `record` at its current version."""

    def _build(record, **overrides):
        record.refresh_from_db()
        return record_form(version=str(record.version), **overrides)

    return _build


def page_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def messages_of():
    """messages_of(response) -> the texts of the Django messages shown on a rendered page."""
    return page_messages
