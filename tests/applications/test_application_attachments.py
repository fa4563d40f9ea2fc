"""Optional attachments on the online application form and the attachment action: up to 5 files of the
accepted types and size, checked before anything is saved; the files are attached in the registration's
transaction, so a refused file leaves no application and no stored file behind."""

import io
import zipfile

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import attachments
from gongkai.applications.actions import WorkflowError, do_reply
from gongkai.applications.attachments import (
    MAX_FILES,
    do_add_application_attachment,
    do_register_with_attachments,
)
from gongkai.applications.models import Applicant, Application, ApplicationAttachment, Channel
from gongkai.catalog.storage import blob_path, blobs_root, verified_bytes_path
from tests.applications.conftest import person_data
from tests.applications.test_public_form import form_data
from tests.helpers import MINIMAL_PDF


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def upload(name="申请说明.pdf", content=MINIMAL_PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def stored_files() -> list:
    root = blobs_root()
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def post(client, organ, files, **overrides):
    return client.post(
        reverse("apply:form", args=[organ.org_code]), {**form_data(**overrides), "attachments": files}
    )


def nothing_saved():
    assert not Application.objects.exists()
    assert not Applicant.objects.exists()
    assert not ApplicationAttachment.objects.exists()
    assert stored_files() == []


def field_errors(response) -> list[str]:
    return [str(message) for message in response.context["form"].errors.get("attachments", [])]


def test_the_form_takes_several_files(client, organ):
    html = client.get(reverse("apply:form", args=[organ.org_code])).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="attachments"' in html and "multiple" in html
    assert "最多5个文件" in html


def test_it_attaches_a_pdf_to_the_new_application(client, organ):
    response = post(client, organ, [upload()])
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    application = Application.objects.get()
    (attachment,) = application.attachments.all()
    assert attachment.filename == "申请说明.pdf" and attachment.content_type == "application/pdf"
    assert attachment.size == len(MINIMAL_PDF) and attachment.uploaded_by is None
    assert attachment.uploaded_at is not None
    assert verified_bytes_path(attachment.sha256).read_bytes() == MINIMAL_PDF


def test_it_attaches_several_files_in_order(client, organ):
    files = [upload("a.pdf"), upload("b.docx", docx_bytes(), "application/octet-stream")]
    assert post(client, organ, files).status_code == 302
    names = list(Application.objects.get().attachments.values_list("filename", "position"))
    assert names == [("a.pdf", 0), ("b.docx", 1)]


def test_no_attachment_is_fine(client, organ):
    assert post(client, organ, []).status_code == 302
    assert not ApplicationAttachment.objects.exists()


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([("setup.exe", b"MZ\x90\x00 not allowed")], "setup.exe"),
        ([("说明.pdf", b"just some text pretending to be a PDF")], "说明.pdf"),
        ([("ok.pdf", MINIMAL_PDF), ("假文档.docx", b"PK\x03\x04 not a zip")], "假文档.docx"),
        ([("图.gif", b"GIF89a....")], "图.gif"),
        ([("空.pdf", b"")], "空.pdf"),
    ],
    ids=["exe", "pdf_named_text", "one_good_one_fake_docx", "gif_not_accepted", "empty"],
)
def test_a_wrong_file_re_renders_the_form_naming_it_and_saves_nothing(client, organ, files, expected):
    response = post(client, organ, [upload(name, content) for name, content in files], name="王五")
    assert response.status_code == 200
    messages = field_errors(response)
    assert len(messages) == 1 and expected in messages[0], messages
    html = response.content.decode()
    assert expected in html and 'id="id_attachments_error"' in html
    assert 'value="王五"' in html  # the other input is kept
    nothing_saved()


def test_six_files_are_refused_with_a_clear_message(client, organ):
    response = post(client, organ, [upload(f"{i}.pdf") for i in range(MAX_FILES + 1)])
    assert response.status_code == 200
    assert field_errors(response) == [
        "最多上传5个附件，您选择了6个。请删去多余的文件，或将内容合并后再上传。"
    ]
    nothing_saved()


def test_an_oversize_file_is_refused(client, organ, settings):
    settings.ATTACHMENT_MAX_MB = 1
    big = MINIMAL_PDF + b"0" * (1024 * 1024)
    response = post(client, organ, [upload("大文件.pdf", big)])
    assert response.status_code == 200
    assert field_errors(response) == ["附件“大文件.pdf”超过大小上限 1 MB。"]
    nothing_saved()


def test_file_errors_and_field_errors_are_shown_together(client, organ):
    response = post(client, organ, [upload("x.exe", b"MZ")], phone="")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "phone" in errors and "attachments" in errors
    nothing_saved()


def test_a_failure_while_storing_rolls_back_the_registration_and_removes_the_new_blobs(organ, monkeypatch):
    """Checks passed, but storing the second file fails (e.g. the disk): no application, and the blob the
    first file had already written is removed again."""
    real = attachments.store_blob
    calls = []

    def failing(chunks, ext, filename):
        calls.append(filename)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(chunks, ext, filename)

    monkeypatch.setattr(attachments, "store_blob", failing)
    with pytest.raises(OSError):
        do_register_with_attachments(
            organ=organ,
            actor=None,
            channel=Channel.ONLINE,
            data=person_data(),
            uploads=[upload("a.pdf"), upload("b.pdf", MINIMAL_PDF + b"%b\n")],
        )
    assert calls == ["a.pdf", "b.pdf"]
    nothing_saved()


def test_a_rollback_keeps_a_blob_that_another_row_uses(organ, register):
    """The same file already stored for another application stays when this submission fails."""
    earlier = register()
    kept = do_add_application_attachment(earlier, actor=None, uploaded=upload())
    with pytest.raises(ValidationError):
        do_register_with_attachments(
            organ=organ,
            actor=None,
            channel=Channel.ONLINE,
            data=person_data(phone=""),
            uploads=[upload()],
        )
    assert blob_path(kept.sha256).exists()
    assert Application.objects.count() == 1


def test_staff_add_files_after_registration_up_to_the_limit(register, hank, ivan):
    app = register()
    for i in range(MAX_FILES):
        attachment = do_add_application_attachment(app, actor=hank, uploaded=upload(f"{i}.pdf"))
    assert attachment.uploaded_by == hank and attachment.position == MAX_FILES - 1
    with pytest.raises(ValidationError) as refused:
        do_add_application_attachment(app, actor=hank, uploaded=upload("6.pdf"))
    assert "最多5个附件" in refused.value.message_dict["attachments"][0]
    with pytest.raises(PermissionDenied):
        do_add_application_attachment(register(), actor=ivan, uploaded=upload())


def test_it_refuses_files_on_a_closed_application(register, hank):
    app = register()
    do_reply(app, actor=hank, outcome="granted")
    with pytest.raises(WorkflowError):
        do_add_application_attachment(app, actor=hank, uploaded=upload())
    assert stored_files() == []


def test_check_uploads_counts_files_already_attached():
    problems = attachments.check_uploads([upload(), upload()], already=4)
    assert problems and "已有4个" in problems[0]
