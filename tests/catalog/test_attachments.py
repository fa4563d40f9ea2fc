"""Attachments: content-addressed, hash verified, type and size checked, nothing left behind on refusal."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalog.actions import do_add_attachment, do_remove_attachment
from gongkai.catalog.models import Attachment
from gongkai.catalog.storage import CorruptBlob, blob_path, blobs_root, verified_bytes_path
from tests.helpers import MINIMAL_PDF, attach_pdf, make_draft


def docx_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def leftover_files():
    root = blobs_root()
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_it_stores_by_sha256_and_verifies(organ, alice):
    record = make_draft(organ, alice)
    attachment = attach_pdf(record, alice)
    assert attachment.sha256 == hashlib.sha256(MINIMAL_PDF).hexdigest()
    assert attachment.size == len(MINIMAL_PDF)
    assert attachment.content_type == "application/pdf"
    assert verified_bytes_path(attachment.sha256).read_bytes() == MINIMAL_PDF
    record.refresh_from_db()
    assert record.version == 2


def test_it_stores_identical_content_once(organ, alice):
    first = attach_pdf(make_draft(organ, alice, title="甲"), alice, "甲.pdf")
    second = attach_pdf(make_draft(organ, alice, title="乙"), alice, "乙.pdf")
    assert first.sha256 == second.sha256
    assert len(leftover_files()) == 1


def test_it_detects_tampering(organ, alice):
    attachment = attach_pdf(make_draft(organ, alice), alice)
    blob_path(attachment.sha256).write_bytes(MINIMAL_PDF + b"tampered")
    with pytest.raises(CorruptBlob):
        verified_bytes_path(attachment.sha256)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "不支持的附件类型"),
        ("无扩展名", MINIMAL_PDF, "不支持的附件类型"),
        ("伪装.pdf", b"MZ\x90\x00 not a pdf", "内容与扩展名"),
        ("伪装.docx", MINIMAL_PDF, "内容与扩展名"),
        ("空文件.pdf", b"", "空文件"),
    ],
)
def test_it_refuses_forbidden_files_and_leaves_nothing(organ, alice, name, content, message):
    record = make_draft(organ, alice)
    with pytest.raises(ValidationError, match=message):
        do_add_attachment(record, actor=alice, uploaded=SimpleUploadedFile(name, content))
    assert Attachment.objects.count() == 0
    assert leftover_files() == []
    record.refresh_from_db()
    assert record.version == 1


def test_it_refuses_oversized_files(organ, alice, settings):
    settings.ATTACHMENT_MAX_MB = 1
    record = make_draft(organ, alice)
    big = SimpleUploadedFile("大文件.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="超过大小上限 1 MB"):
        do_add_attachment(record, actor=alice, uploaded=big)
    assert Attachment.objects.count() == 0 and leftover_files() == []


def test_it_accepts_office_files_and_images(organ, alice):
    record = make_draft(organ, alice)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    for name, content in [("报名表.docx", docx_bytes()), ("现场照片.png", png)]:
        do_add_attachment(record, actor=alice, uploaded=SimpleUploadedFile(name, content))
    assert sorted(record.attachments.values_list("content_type", flat=True)) == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
    ]


def test_it_strips_directories_from_filenames(organ, alice):
    record = make_draft(organ, alice)
    attachment = do_add_attachment(
        record, actor=alice, uploaded=SimpleUploadedFile("../../etc/通知.pdf", MINIMAL_PDF)
    )
    assert attachment.filename == "通知.pdf"


def test_it_removes_attachments_with_an_event(organ, alice):
    record = make_draft(organ, alice)
    attachment = attach_pdf(record, alice)
    do_remove_attachment(attachment, actor=alice)
    assert record.attachments.count() == 0
    assert list(record.events.values_list("kind", flat=True)) == [
        "created",
        "attachment_added",
        "attachment_removed",
    ]
