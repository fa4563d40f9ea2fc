"""The printable 收费通知书: every line of the calculation, the total, the payment window and the legal basis,
in the PDF (text extracted with pypdf) and in the DOCX (opened with python-docx), stored content-addressed."""

import datetime as dt
import io

import pytest

from gongkai.applications import fee_notice
from gongkai.applications.actions import do_issue_fee_notice
from gongkai.applications.fees import FeeBasis, per_item_fee, per_page_fee
from gongkai.applications.models import FeeNotice
from gongkai.catalog.storage import blob_path

RECEIVED = dt.date(2025, 12, 1)


def _pdf_text(sha: str) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(blob_path(sha).read_bytes()))
    return "".join(page.extract_text() for page in reader.pages)


def _docx_text(sha: str) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(blob_path(sha))).paragraphs]


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def notice_for(register):
    """notice_for(breakdown) → a FeeNotice on a fresh application carrying that calculation."""

    def make(breakdown):
        app = register(received_on=RECEIVED)
        return FeeNotice.objects.create(
            application=app,
            basis=breakdown.basis,
            quantity=breakdown.quantity,
            previous_items=breakdown.previous,
            amount=breakdown.total,
            breakdown=breakdown.as_data(),
            issued_on=dt.date(2025, 12, 10),
            delivered_on=dt.date(2025, 12, 11),
            payment_due_on=dt.date(2026, 1, 9),
        )

    return make


@pytest.mark.parametrize(
    ("breakdown", "expected_lines", "total"),
    [
        # DOMAIN §3 按件: 35 items in a month. The correct total is 20×100 + 5×200 = 3,000 元 (DOMAIN's
        # "2,500" is an addition slip).
        (
            per_item_fee(0, 35),
            ["第1–10件：10件，免费", "第11–30件：20件 × 100元 = 2,000元", "第31–35件：5件 × 200元 = 1,000元"],
            "合计应缴：3,000元",
        ),
        # DOMAIN §3 按量: 250 pages → 700 + 2,000 + 2,000 = 4,700 元.
        (
            per_page_fee(250),
            [
                "第1–30页：30页，免费",
                "第31–100页：70页 × 10元 = 700元",
                "第101–200页：100页 × 20元 = 2,000元",
                "第201–250页：50页 × 40元 = 2,000元",
            ],
            "合计应缴：4,700元",
        ),
    ],
    ids=["per_item_35", "per_page_250"],
)
def test_it_prints_every_line_of_the_calculation_and_the_total(
    notice_for, hank, breakdown, expected_lines, total
):
    notice = notice_for(breakdown)
    document = fee_notice.do_generate_fee_notice_document(notice, actor=hank)
    assert document.notice == notice and document.generated_by == hank
    pdf = _flat(_pdf_text(document.pdf_sha256))
    paragraphs = _docx_text(document.docx_sha256)
    docx = _flat("\n".join(paragraphs))
    for line in [*expected_lines, total]:
        assert _flat(line) in pdf, line
        assert _flat(line) in docx, line
        assert line in document.text
    # One DOCX paragraph per calculation line, in order.
    calc = [p for p in paragraphs if p[:1].isdigit() and ". 第" in p]
    assert [p.split(". ", 1)[1] for p in calc] == expected_lines
    for text in (
        "国办函〔2020〕109号",
        "20个工作日",
        "2026年1月9日",
        "2025年12月11日",
        notice.application.tracking_code,
    ):
        assert _flat(text) in pdf and _flat(text) in docx, text


def test_it_names_the_basis_of_a_per_item_notice_issued_by_the_action(register, hank):
    """A real 按件 notice: the applicant's 12th application this month costs 100 元; the document says so."""
    for day in range(1, 12):
        register(received_on=dt.date(2025, 12, day))
    app = register(received_on=dt.date(2025, 12, 12))
    notice = do_issue_fee_notice(app, actor=hank, basis=FeeBasis.PER_ITEM, on=dt.date(2025, 12, 15))
    document = fee_notice.do_generate_fee_notice_document(notice, actor=hank)
    text = _flat(_pdf_text(document.pdf_sha256))
    assert _flat("此前已向本机关提出政府信息公开申请11件") in text
    assert _flat("第12件：1件 × 100元 = 100元") in text
    assert _flat("合计应缴：100元") in text
    assert "按件计收" in document.text and "按量计收（" not in document.text


def test_it_embeds_the_cjk_font(notice_for, hank):
    from pypdf import PdfReader

    document = fee_notice.do_generate_fee_notice_document(notice_for(per_page_fee(31)), actor=hank)
    reader = PdfReader(io.BytesIO(blob_path(document.pdf_sha256).read_bytes()))
    fonts = {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("Noto-Serif-CJK-SC" in name for name in fonts), fonts


def test_it_refuses_a_handler_of_another_organ(notice_for, ivan):
    from django.core.exceptions import PermissionDenied

    notice = notice_for(per_page_fee(40))
    with pytest.raises(PermissionDenied):
        fee_notice.do_generate_fee_notice_document(notice, actor=ivan)
    assert not notice.documents.exists()


def test_it_serves_the_verified_file_and_detects_tampering(notice_for, hank):
    from gongkai.catalog.storage import CorruptBlob

    document = fee_notice.do_generate_fee_notice_document(notice_for(per_page_fee(120)), actor=hank)
    path, filename, content_type = fee_notice.document_file(document, "docx")
    assert filename.endswith("-收费通知书.docx") and content_type.endswith("wordprocessingml.document")
    assert path.read_bytes()[:2] == b"PK"
    blob_path(document.pdf_sha256).write_bytes(b"%PDF-1.4 tampered")
    with pytest.raises(CorruptBlob):
        fee_notice.document_file(document, "pdf")
