"""Attachment text is extracted once per distinct file, indexed with the record, and a broken file is not fatal."""

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalog.actions import do_add_attachment
from gongkai.search import service
from gongkai.search.models import AttachmentText
from tests.helpers import make_draft


def docx_bytes(text):
    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def publish_with(organ, alice, bob, charlie, name, content):
    from gongkai.catalog.actions import do_approve_record, do_publish_record, do_submit_record

    record = make_draft(organ, alice, title="关于公布报名材料的通知")
    do_add_attachment(record, actor=alice, uploaded=SimpleUploadedFile(name, content))
    do_submit_record(record, actor=alice)
    do_approve_record(record, actor=bob)
    return do_publish_record(record, actor=charlie)


def test_words_inside_an_attachment_find_the_record(
    organ, alice, bob, charlie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = publish_with(
            organ, alice, bob, charlie, "报名表.docx", docx_bytes("退役军人优待证申领登记表")
        )
    assert [r.uuid for _h, r in service.search("优待证").hits] == [record.uuid]
    cached = AttachmentText.objects.get()
    assert "优待证" in cached.text and cached.error == ""


def test_an_unreadable_file_is_recorded_not_fatal(
    organ, alice, bob, charlie, django_capture_on_commit_callbacks
):
    broken = b"PK\x03\x04" + b"\x00" * 10
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:  # passes the upload check, but is no Word document
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "not xml at all <<<")
    broken = buf.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        record = publish_with(organ, alice, bob, charlie, "损坏.docx", broken)
    assert [r.uuid for _h, r in service.search("报名材料").hits] == [record.uuid]
    assert AttachmentText.objects.get().error != ""


def test_spreadsheet_cells_are_searchable(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["科目", "金额（万元）"])
    workbook.active.append(["城乡社区公共设施维护", 12.5])
    buf = io.BytesIO()
    workbook.save(buf)
    with django_capture_on_commit_callbacks(execute=True):
        record = publish_with(organ, alice, bob, charlie, "财政收支明细表.xlsx", buf.getvalue())
    assert [r.uuid for _h, r in service.search("公共设施维护").hits] == [record.uuid]
    assert AttachmentText.objects.get().error == ""
