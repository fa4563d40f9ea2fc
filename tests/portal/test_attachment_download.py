import logging

import pytest
from django.urls import reverse

from gongkai.catalog.actions import do_approve_record, do_publish_record, do_submit_record, do_withdraw_record
from gongkai.catalog.storage import blob_path
from tests.helpers import MINIMAL_PDF, attach_pdf, make_draft


@pytest.fixture
def attachment(organ, alice, bob, charlie):
    record = make_draft(organ, alice, title="关于2026年度部门预算的公告")
    item = attach_pdf(record, alice, name="2026年部门预算.pdf")
    do_submit_record(record, actor=alice)
    do_approve_record(record, actor=bob)
    do_publish_record(record, actor=charlie)
    item.record.refresh_from_db()
    return item


def url(item):
    return reverse("portal:attachment", args=[item.uuid, item.filename])


def test_it_streams_the_file_with_its_name_and_type(client, attachment):
    response = client.get(url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(MINIMAL_PDF))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''2026%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97.pdf" in disposition
    assert 'filename="attachment.pdf"' in disposition


def test_it_is_linked_from_the_article_with_type_and_size(client, attachment):
    html = client.get(reverse("portal:article", args=[attachment.record.uuid])).content.decode()
    assert url(attachment) in html
    assert f"（PDF 文档，{len(MINIMAL_PDF)} B）" in html


def test_it_redirects_a_wrong_filename_to_the_right_one(client, attachment):
    response = client.get(reverse("portal:attachment", args=[attachment.uuid, "other.pdf"]))
    assert response.status_code == 302
    assert response["Location"] == url(attachment)


def test_it_answers_404_once_the_record_is_withdrawn(client, attachment, charlie):
    do_withdraw_record(attachment.record, actor=charlie, reason="附件有误")
    assert client.get(url(attachment)).status_code == 404


def test_it_answers_404_for_attachments_of_drafts(client, organ, alice):
    record = make_draft(organ, alice)
    item = attach_pdf(record, alice)
    assert client.get(url(item)).status_code == 404


def test_it_refuses_a_tampered_file_with_503_and_logs_it(client, attachment, caplog):
    path = blob_path(attachment.sha256)
    path.chmod(0o644)
    path.write_bytes(MINIMAL_PDF.replace(b"200 200", b"999 999"))
    with caplog.at_level(logging.ERROR, logger="gongkai.portal.views"):
        response = client.get(url(attachment))
    assert response.status_code == 503
    html = response.content.decode()
    assert "附件暂时无法下载" in html
    assert "2026年部门预算.pdf" in html
    assert "0731-84000000" in html
    assert str(attachment.uuid) in caplog.text
    assert any(r.levelno == logging.ERROR for r in caplog.records)


def test_it_refuses_a_missing_file_with_503(client, attachment):
    blob_path(attachment.sha256).unlink()
    assert client.get(url(attachment)).status_code == 503
