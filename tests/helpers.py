"""Builders shared by the tests: they go through the same action functions as the application."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalog.actions import (
    do_add_attachment,
    do_approve_record,
    do_create_record,
    do_publish_record,
    do_submit_record,
)
from gongkai.catalog.models import Category

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def record_data(**overrides):
    data = {
        "title": "关于开展2026年冬季消防安全检查的通知",
        "document_number": "东风路街发〔2026〕3号",
        "written_on": dt.date(2026, 11, 2),
        "summary": "部署辖区冬季消防安全检查工作。",
        "body": "<p>各社区、各科室：</p><p>为切实做好冬季消防安全工作，现就有关事项通知如下。</p>",
        "subject_terms": "消防 安全 检查",
        "source": "东风路街道党政综合办",
    }
    data.update(overrides)
    return data


def make_draft(organ, actor, categories=None, **overrides):
    if categories is None:
        categories = [Category.objects.filter(organ=organ, slug="tzgg").first()]
    return do_create_record(organ=organ, actor=actor, data=record_data(**overrides), categories=categories)


def make_published(organ, editor, reviewer, publisher, published_at=None, **overrides):
    record = make_draft(organ, editor, **overrides)
    do_submit_record(record, actor=editor)
    do_approve_record(record, actor=reviewer)
    return do_publish_record(record, actor=publisher, published_at=published_at)


def pdf_upload(name="附件1.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def attach_pdf(record, actor, name="附件1.pdf"):
    return do_add_attachment(record, actor=actor, uploaded=pdf_upload(name))
