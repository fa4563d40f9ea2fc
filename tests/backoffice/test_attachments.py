"""Uploading, removing and downloading attachments from the record page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog.models import Attachment, RecordEvent
from gongkai.catalog.storage import blob_path, blobs_root
from tests.helpers import MINIMAL_PDF, attach_pdf


def _upload(client, record, name, content, content_type="application/pdf"):
    return client.post(
        reverse("backoffice:attachment_add", kwargs={"uuid": record.uuid}),
        {"file": SimpleUploadedFile(name, content, content_type=content_type)},
        follow=True,
    )


def _stored_blobs():
    root = blobs_root()
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_it_uploads_a_pdf(login, alice, draft, messages_of):
    response = _upload(login(alice), draft, "通知附件.pdf", MINIMAL_PDF)
    attachment = Attachment.objects.get()
    assert "已添加附件“通知附件.pdf”。" in messages_of(response)
    assert attachment.filename == "通知附件.pdf"
    assert "通知附件.pdf" in response.content.decode()
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.events.last().kind == RecordEvent.Kind.ATTACHMENT_ADDED


def test_it_refuses_a_forbidden_type(login, alice, draft, messages_of):
    response = _upload(login(alice), draft, "setup.exe", b"MZ\x90\x00" * 100, "application/octet-stream")
    [message] = messages_of(response)
    assert message.startswith("不支持的附件类型“exe”。允许的类型：")
    assert Attachment.objects.count() == 0
    assert _stored_blobs() == []


def test_it_refuses_an_oversized_file(login, alice, draft, settings, messages_of):
    settings.ATTACHMENT_MAX_MB = 1
    big = MINIMAL_PDF + b"0" * (1024 * 1024)
    response = _upload(login(alice), draft, "年度预算.pdf", big)
    assert "附件“年度预算.pdf”超过大小上限 1 MB。" in messages_of(response)
    assert Attachment.objects.count() == 0
    assert _stored_blobs() == []
    draft.refresh_from_db()
    assert draft.version == 1


def test_it_refuses_content_that_does_not_match_the_extension(login, alice, draft, messages_of):
    response = _upload(login(alice), draft, "伪装.pdf", b"MZ this is not a pdf")
    assert "附件“伪装.pdf”的内容与扩展名 .pdf 不符。" in messages_of(response)
    assert Attachment.objects.count() == 0


def test_it_asks_for_a_file(login, alice, draft, messages_of):
    response = login(alice).post(
        reverse("backoffice:attachment_add", kwargs={"uuid": draft.uuid}), follow=True
    )
    assert "请选择要上传的文件。" in messages_of(response)


def test_it_refuses_uploads_once_published(login, alice, published, messages_of):
    response = _upload(login(alice), published, "附件.pdf", MINIMAL_PDF)
    assert "只有草稿或退回修改的信息可以添加附件。" in messages_of(response)
    assert Attachment.objects.count() == 0


def test_it_removes_an_attachment(login, alice, draft):
    attachment = attach_pdf(draft, alice)
    login(alice).post(reverse("backoffice:attachment_remove", kwargs={"attachment_uuid": attachment.uuid}))
    assert Attachment.objects.count() == 0
    assert draft.events.last().kind == RecordEvent.Kind.ATTACHMENT_REMOVED


def test_it_downloads_after_checking_the_hash(login, alice, erin, draft):
    attachment = attach_pdf(draft, alice, name="名单.pdf")
    url = reverse("backoffice:attachment_download", kwargs={"attachment_uuid": attachment.uuid})
    for user in (alice, erin):
        response = login(user).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == MINIMAL_PDF
        assert response["Content-Type"] == "application/pdf"
        assert "attachment;" in response["Content-Disposition"]


def test_it_refuses_to_serve_a_corrupted_file(login, alice, draft):
    attachment = attach_pdf(draft, alice)
    blob_path(attachment.sha256).write_bytes(b"%PDF-1.4 tampered")
    response = login(alice).get(
        reverse("backoffice:attachment_download", kwargs={"attachment_uuid": attachment.uuid})
    )
    assert response.status_code == 503
    assert "校验值" in response.content.decode()


def test_it_refuses_a_supervisor_upload_and_removal(login, alice, erin, draft):
    attachment = attach_pdf(draft, alice)
    supervisor = login(erin)
    response = supervisor.post(
        reverse("backoffice:attachment_add", kwargs={"uuid": draft.uuid}),
        {"file": SimpleUploadedFile("a.pdf", MINIMAL_PDF)},
    )
    assert response.status_code == 403
    response = supervisor.post(
        reverse("backoffice:attachment_remove", kwargs={"attachment_uuid": attachment.uuid})
    )
    assert response.status_code == 403
    assert Attachment.objects.count() == 1
