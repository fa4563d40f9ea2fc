"""The printable 收费通知书 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》): generated from a FeeNotice
as DOCX (python-docx) and PDF (WeasyPrint, Noto Serif CJK SC embedded), both stored content-addressed like
the reply letters (letters.py), with a FeeNoticeDocument row holding the hashes.

The notice states the basis (按件 or 按量, never both), the standard, the calculation line by line from the
stored breakdown (e.g. "第11–30件：20件 × 100元 = 2,000元"), the total, how and by when to pay (20 working
days from the day after the applicant received the notice; unpaid → the application is no longer
processed) and the legal basis.
"""

import datetime as dt
import html
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.applications.fees import PAGE_TIERS, FeeBasis, FeeLine
from gongkai.applications.models import Application, FeeNotice, FeeNoticeDocument
from gongkai.applications.rules import rules_by_code
from gongkai.catalog.storage import store_blob, verified_bytes_path
from gongkai.core.pdf import html_page
from gongkai.core.pdf import render_pdf as html_to_pdf
from gongkai.organs.permissions import Perm, require

TITLE = "政府信息公开信息处理费收费通知书"
MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
REGULATION = "《中华人民共和国政府信息公开条例》第四十二条"

FORMATS = {
    "pdf": ("pdf_sha256", "application/pdf"),
    "docx": ("docx_sha256", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def _cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def yuan(amount: int) -> str:
    return f"{amount:,}元"


def describe_line(line: FeeLine, unit: str) -> str:
    """One line of the calculation, e.g. "第11–30件：20件 × 100元 = 2,000元" (free lines say so)."""
    span = f"第{line.first}{unit}" if line.first == line.last else f"第{line.first}–{line.last}{unit}"
    if line.unit_price == 0:
        return _("%(span)s：%(n)d%(unit)s，免费") % {"span": span, "n": line.quantity, "unit": unit}
    return f"{span}：{line.quantity}{unit} × {yuan(line.unit_price)} = {yuan(line.amount)}"


def breakdown_lines(notice: FeeNotice) -> tuple[list[FeeLine], str]:
    """The stored calculation of the notice (as issued) and its unit (件 or 页)."""
    data = notice.breakdown or {}
    unit = "页" if notice.basis == FeeBasis.PER_PAGE else "件"
    lines = [
        FeeLine(
            first=row["first"],
            last=row["last"],
            unit_price=row["unit_price"],
            quantity=row["quantity"],
            amount=row["amount"],
        )
        for row in data.get("lines", [])
    ]
    return lines, unit


def standard_text(basis: str) -> str:
    if basis == FeeBasis.PER_PAGE:
        tiers = []
        for first, last, price in PAGE_TIERS:
            span = f"{first}–{last}页" if last else f"{first}页以上"
            tiers.append(f"{span}{'免费' if price == 0 else f'{price}元/页'}")
        return _("按量计收（按申请提供的信息页数超额累进）：%(tiers)s。") % {"tiers": "；".join(tiers)}
    return _(
        "按件计收（同一申请人一个自然月内累计申请件数超额累进）：10件以下（含10件）免费；11–30件100元/件；"
        "31件以上的部分以10件为一档，每增加一档，收费标准提高100元/件。"
    )


def basis_text(notice: FeeNotice) -> str:
    if notice.basis == FeeBasis.PER_PAGE:
        return _("计收依据：本申请提供的政府信息共%(n)d页。") % {"n": notice.quantity}
    first = notice.previous_items + 1
    last = notice.previous_items + notice.quantity
    numbers = f"第{first}件" if first == last else f"第{first}–{last}件"
    return _(
        "计收依据：你（单位）本自然月内此前已向本机关提出政府信息公开申请%(before)d件，本申请计%(n)d件，为本月%(numbers)s。"
    ) % {"before": notice.previous_items, "n": notice.quantity, "numbers": numbers}


@dataclass(frozen=True)
class NoticeDocument:
    title: str
    tracking_code: str
    salutation: str
    opening: tuple[str, ...]
    calculation: tuple[str, ...]
    total: str
    closing: tuple[str, ...]
    signature: tuple[str, ...]

    def as_text(self) -> str:
        return "\n".join(
            (
                self.title,
                self.tracking_code,
                self.salutation,
                *self.opening,
                *self.calculation,
                self.total,
                *self.closing,
                *self.signature,
            )
        )


def compose(notice: FeeNotice) -> NoticeDocument:
    application = notice.application
    organ = application.organ
    days = rules_by_code(application.rules).fee_payment_days
    lines, unit = breakdown_lines(notice)
    opening = (
        _(
            "你（单位）于%(submitted)s向本机关提出的政府信息公开申请（查询码：%(code)s），所需信息的处理超出了合理的"
            "数量或者频次范围。根据%(regulation)s和%(measures)s，本机关决定%(basis)s信息处理费。"
        )
        % {
            "submitted": _cn_date(application.submitted_on),
            "code": application.tracking_code,
            "regulation": REGULATION,
            "measures": MEASURES,
            "basis": notice.get_basis_display(),
        },
        _("收费标准：%(standard)s") % {"standard": standard_text(notice.basis)},
        basis_text(notice),
        _("计算明细："),
    )
    payment_place = organ.office_name or organ.name
    contact = "，".join(
        part
        for part in (
            _("地址：%(a)s") % {"a": organ.office_address} if organ.office_address else "",
            _("电话：%(p)s") % {"p": organ.office_phone} if organ.office_phone else "",
        )
        if part
    )
    closing = (
        _(
            "缴费期限：请自收到本通知书之日的次日起%(days)d个工作日内缴纳，即不晚于%(due)s（你（单位）收到本通知书的日期为"
            "%(delivered)s）。"
        )
        % {
            "days": days,
            "due": _cn_date(notice.payment_due_on),
            "delivered": _cn_date(notice.delivered_on),
        },
        _(
            "缴费方式：信息处理费属于行政事业性收费，全额缴入国库。请持本通知书到%(place)s%(contact)s领取非税收入缴款书，"
            "按缴款书载明的方式缴纳，并将缴款凭证号告知本机关。"
        )
        % {"place": payment_place, "contact": f"（{contact}）" if contact else ""},
        _(
            "你（单位）逾期未按本通知要求缴纳费用的，本机关不再处理该政府信息公开申请。自你（单位）收到本通知书之日起至"
            "缴纳费用之日止的期间，不计算在答复期限内。"
        ),
        _("依据：%(regulation)s；%(measures)s。") % {"regulation": REGULATION, "measures": MEASURES},
    )
    return NoticeDocument(
        title=TITLE,
        tracking_code=application.tracking_code,
        salutation=f"{application.applicant.name or _('申请人')}：",
        opening=opening,
        calculation=tuple(describe_line(line, unit) for line in lines),
        total=_("合计应缴：%(total)s") % {"total": yuan(notice.amount)},
        closing=closing,
        signature=(organ.name, _cn_date(notice.issued_on)),
    )


PDF_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.7; }
h1 { font-size: 20pt; text-align: center; font-weight: bold; margin: 0 0 0.5em; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.code { text-indent: 0; text-align: center; font-size: 11pt; margin-bottom: 1em; }
p.salutation { text-indent: 0; }
ol.calculation { margin: 0.3em 0 0.3em 2em; padding-left: 1.5em; }
ol.calculation li { margin: 0; }
p.total { font-weight: bold; }
div.signature { margin-top: 2em; }
div.signature p { text-indent: 0; text-align: right; }
"""


def render_pdf(document: NoticeDocument) -> bytes:
    esc = html.escape
    parts = [
        f"<h1>{esc(document.title)}</h1>",
        f'<p class="code">{esc(document.tracking_code)}</p>',
        f'<p class="salutation">{esc(document.salutation)}</p>',
        *(f"<p>{esc(text)}</p>" for text in document.opening),
        '<ol class="calculation">'
        + "".join(f"<li>{esc(line)}</li>" for line in document.calculation)
        + "</ol>",
        f'<p class="total">{esc(document.total)}</p>',
        *(f"<p>{esc(text)}</p>" for text in document.closing),
        '<div class="signature">' + "".join(f"<p>{esc(s)}</p>" for s in document.signature) + "</div>",
    ]
    return html_to_pdf(html_page(document.title, PDF_CSS, "".join(parts)))


def render_docx(document: NoticeDocument) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(document.title)
    run.bold = True
    run.font.size = Pt(20)
    doc.add_paragraph(document.tracking_code).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(document.salutation)
    for text in document.opening:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(28)
    for index, line in enumerate(document.calculation, start=1):
        doc.add_paragraph(f"{index}. {line}").paragraph_format.left_indent = Pt(28)
    total = doc.add_paragraph()
    total.paragraph_format.first_line_indent = Pt(28)
    total.add_run(document.total).bold = True
    for text in document.closing:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(28)
    doc.add_paragraph()
    for line in document.signature:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.title = document.title
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@transaction.atomic
def do_generate_fee_notice_document(notice: FeeNotice, *, actor) -> FeeNoticeDocument:
    """Render the 收费通知书 of `notice` (DOCX and PDF) and store it; each generation is kept."""
    notice = FeeNotice.objects.select_related("application__organ", "application__applicant").get(
        pk=notice.pk
    )
    if actor is not None:
        require(actor, Perm.HANDLE, notice.application.organ)
    document = compose(notice)
    code = notice.application.tracking_code
    docx_sha, docx_size, _type = store_blob([render_docx(document)], "docx", f"{code}-收费通知书.docx")
    pdf_sha, pdf_size, _type = store_blob([render_pdf(document)], "pdf", f"{code}-收费通知书.pdf")
    return FeeNoticeDocument.objects.create(
        uuid=uuid.uuid4(),
        notice=notice,
        title=document.title,
        text=document.as_text(),
        docx_sha256=docx_sha,
        docx_size=docx_size,
        pdf_sha256=pdf_sha,
        pdf_size=pdf_size,
        generated_by=actor if getattr(actor, "pk", None) else None,
    )


def latest_document(application: Application) -> FeeNoticeDocument | None:
    return (
        FeeNoticeDocument.objects.filter(notice__application=application)
        .select_related("notice")
        .order_by("-generated_at", "-pk")
        .first()
    )


def document_file(document: FeeNoticeDocument, fmt: str) -> tuple[Path, str, str]:
    """(verified path, download filename, content type); KeyError for an unknown format,
    catalog.storage.CorruptBlob when the stored file no longer matches its hash."""
    field, content_type = FORMATS[fmt]
    path = verified_bytes_path(getattr(document, field))
    return path, f"{document.notice.application.tracking_code}-收费通知书.{fmt}", content_type
