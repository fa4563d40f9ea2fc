"""The public auditor: an upload page on the portal and POST /api/v1/audit."""

from pathlib import Path

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

FIXTURES = Path(__file__).parent / "fixtures"
ERRORS = (FIXTURES / "f2021-errors-spaced.txt").read_text(encoding="utf-8")
CLEAN = (FIXTURES / "f2021-clean-concatenated.txt").read_text(encoding="utf-8")


def test_it_audits_pasted_text_and_marks_the_problems(db):
    response = Client().post(reverse("audit:page"), {"text": ERRORS})
    assert response.status_code == 200
    page = response.content.decode()
    assert "错误 7 项" in page
    assert "表三：办理结果总计不等于各项办理结果之和" in page
    assert 'id="mark-' in page and 'class="finding-error"' in page
    assert "识别出的表三" in page


def test_it_audits_an_uploaded_word_file(db, tmp_path):
    document = docx.Document()
    for line in CLEAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    upload = SimpleUploadedFile("年报.docx", path.read_bytes())
    page = Client().post(reverse("audit:page"), {"file": upload}).content.decode()
    assert "错误 0 项" in page and "没有发现问题" in page


def test_the_last_result_downloads_as_json_and_xlsx(db):
    client = Client()
    assert client.get(reverse("audit:download", args=["json"])).status_code == 404
    client.post(reverse("audit:page"), {"text": ERRORS})
    data = client.get(reverse("audit:download", args=["json"])).json()
    assert data["summary"]["error"] == 7 and data["format"] == "2021"
    xlsx = client.get(reverse("audit:download", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"


def test_it_asks_for_a_file_or_text(db):
    response = Client().post(reverse("audit:page"), {"text": "  "})
    assert response.status_code == 400
    assert "请上传报告文件，或粘贴报告全文" in response.content.decode()


def test_the_api_answers_with_the_documented_json(db):
    data = Client().post("/api/v1/audit", {"text": ERRORS}).json()
    assert set(data) >= {"schema", "format", "year", "sections", "tables", "findings", "summary"}
    assert data["summary"]["error"] == 7
    upload = SimpleUploadedFile("r.txt", CLEAN.encode("utf-8"))
    clean = Client().post("/api/v1/audit", {"file": upload}).json()
    assert clean["summary"]["error"] == 0
    assert len(clean["tables"]["table3"]["rows"]["new"]) == 7


def test_the_api_refuses_bad_requests_with_a_reason(db):
    assert Client().post("/api/v1/audit", {}).status_code == 400
    response = Client().post("/api/v1/audit", {"text": CLEAN, "format": "1999"})
    assert response.status_code == 400 and "format" in response.json()["detail"]


def test_garbage_never_crashes_the_page(db):
    upload = SimpleUploadedFile("x.pdf", b"%PDF-1.4 garbage \x00\xff" * 100)
    response = Client().post(reverse("audit:page"), {"file": upload})
    assert response.status_code == 200


def test_two_consecutive_years_compare_the_carry_over(db):
    last_year = SimpleUploadedFile("2021.txt", (FIXTURES / "f2021-ambiguous-concatenated.txt").read_bytes())
    page = Client().post(reverse("audit:page"), {"text": ERRORS, "previous": last_year}).content.decode()
    assert "上年结转与上一年度“结转下年度继续办理”不一致" in page
    last_year = SimpleUploadedFile("2021.txt", (FIXTURES / "f2021-ambiguous-concatenated.txt").read_bytes())
    data = Client().post("/api/v1/audit", {"text": ERRORS, "previous": last_year}).json()
    assert [(f["expected"], f["found"]) for f in data["findings"] if f["rule"] == "carryover.mismatch"] == [
        (0, 2),
        (0, 2),
    ]
