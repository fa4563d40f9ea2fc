"""Staff side of an application's files: the applicant's attachments on the application page, their
download (hash verified, 503 when the stored file was tampered with), upload at the counter and later by a
handler; the printable 收费通知书 offered for download once the fee notice is issued."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.attachments import do_add_application_attachment
from gongkai.applications.models import Application, ApplicationAttachment, FeeNoticeDocument
from gongkai.catalog.storage import blob_path, blobs_root
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import ID_X, person_data
from tests.helpers import MINIMAL_PDF

hank = application_fixtures.hank
ivan = application_fixtures.ivan
register = application_fixtures.register
seeded_calendar = application_fixtures.seeded_calendar
today = application_fixtures.today


def upload(name="申请说明.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def detail(app):
    return reverse("backoffice:application_detail", args=[app.tracking_code])


def download(app, attachment):
    return reverse("backoffice:application_attachment_download", args=[app.tracking_code, attachment.uuid])


@pytest.fixture
def app(register):
    return register(received_on=dt.date(2025, 12, 22))


@pytest.fixture
def attached(app):
    return do_add_application_attachment(app, actor=None, uploaded=upload())


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_handler_sees_and_downloads_the_attachment(login, hank, app, attached):
    client = login(hank)
    html = client.get(detail(app)).content.decode()
    assert "申请说明.pdf" in html and download(app, attached) in html and "申请人在线提交" in html
    response = client.get(download(app, attached))
    assert response.status_code == 200
    assert _body(response) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]


def test_outsiders_are_refused(login, app, attached, citizen, frank, ivan):
    for user in (citizen, frank, ivan):
        response = login(user).get(download(app, attached))
        assert response.status_code in (403, 404), user.username
        assert response.status_code != 200


def test_an_attachment_of_another_application_is_404(login, hank, register, app, attached):
    other = register(received_on=dt.date(2025, 12, 23))
    url = reverse("backoffice:application_attachment_download", args=[other.tracking_code, attached.uuid])
    assert login(hank).get(url).status_code == 404


def test_a_tampered_file_gives_503(login, hank, app, attached):
    blob_path(attached.sha256).write_bytes(b"%PDF-1.4 tampered")
    response = login(hank).get(download(app, attached))
    assert response.status_code == 503
    assert "申请说明.pdf" in response.content.decode() and "SHA-256" in response.content.decode()


def test_a_missing_file_gives_503(login, hank, app, attached):
    blob_path(attached.sha256).unlink()
    assert login(hank).get(download(app, attached)).status_code == 503


def _intake(**overrides):
    data = {"channel": "in_person", "submitted_on": "2025-12-30", **person_data(), "id_number": ID_X}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_counter_intake_takes_files(login, hank, organ):
    url = reverse("backoffice:application_new") + f"?organ={organ.org_code}"
    form = login(hank).get(url).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'name="attachments"' in form
    response = login(hank).post(url, {**_intake(), "attachments": [upload("a.pdf"), upload("b.pdf")]})
    assert response.status_code == 302
    application = Application.objects.get()
    assert list(application.attachments.values_list("filename", flat=True)) == ["a.pdf", "b.pdf"]
    assert {a.uploaded_by for a in application.attachments.all()} == {hank}


def test_counter_intake_refuses_a_wrong_file_and_saves_nothing(login, hank, organ):
    url = reverse("backoffice:application_new") + f"?organ={organ.org_code}"
    response = login(hank).post(url, {**_intake(), "attachments": [upload("x.pdf", b"plain text")]})
    assert response.status_code == 400
    assert "x.pdf" in response.content.decode()
    assert not Application.objects.exists() and not ApplicationAttachment.objects.exists()
    assert not blobs_root().exists() or not [p for p in blobs_root().rglob("*") if p.is_file()]


def test_a_handler_adds_a_later_file_and_a_supervisor_cannot(login, hank, erin, app, messages_of):
    url = reverse("backoffice:application_attachment_add", args=[app.tracking_code])
    assert login(erin).post(url, {"attachments": [upload()]}).status_code == 403
    response = login(hank).post(url, {"attachments": [upload("补充.pdf")]}, follow=True)
    assert app.attachments.get().filename == "补充.pdf"
    assert any("补充.pdf" in m for m in messages_of(response))
    response = login(hank).post(url, {"attachments": [upload("坏.exe", b"MZ")]}, follow=True)
    assert app.attachments.count() == 1
    assert any("坏.exe" in m for m in messages_of(response))


def test_the_fee_notice_step_offers_the_printable_notice(login, hank, erin, app):
    from pypdf import PdfReader

    client = login(hank)
    response = client.post(
        reverse("backoffice:application_step", args=[app.tracking_code, "issue_fee_notice"]),
        {"expected_version": app.version, "basis": "per_page", "pages": "250", "on": "2025-12-29"},
    )
    assert response.status_code == 302
    document = FeeNoticeDocument.objects.get(notice__application=app)
    html = client.get(detail(app)).content.decode()
    assert "下载收费通知书" in html
    pdf_url = reverse("backoffice:fee_notice_download", args=[app.tracking_code, document.uuid, "pdf"])
    docx_url = reverse("backoffice:fee_notice_download", args=[app.tracking_code, document.uuid, "docx"])
    assert pdf_url in html and docx_url in html
    pdf = _body(client.get(pdf_url))
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "第101–200页：100页×20元=2,000元" in text and "合计应缴：4,700元" in text
    assert _body(client.get(docx_url))[:2] == b"PK"
    # The read-only supervisor may download but not regenerate.
    assert login(erin).get(pdf_url).status_code == 200
    generate = reverse("backoffice:fee_notice_generate", args=[app.tracking_code])
    assert login(erin).post(generate).status_code == 403
    assert client.post(generate).status_code == 302
    assert FeeNoticeDocument.objects.filter(notice__application=app).count() == 2
    blob_path(document.pdf_sha256).write_bytes(b"%PDF-1.4 tampered")
    assert client.get(pdf_url).status_code == 503
