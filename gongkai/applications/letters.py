"""Reply letters (告知书): editable templates with a safe `{占位符}` syntax, the letter rendered for a closed
application as DOCX (python-docx) and PDF (WeasyPrint, Noto Serif CJK SC embedded), both stored
content-addressed, and the delivery (送达) that makes a letter visible to the applicant.

Template text from the database is never handed to a template engine: `fill()` replaces the known
placeholders by plain strings and refuses anything else. Applicant correspondence is never public; the
public status page lists the applicant's delivered letters with `applicant_letters(code, second_factor)`.
"""

import datetime as dt
import html
import io
import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.applications.actions import WorkflowError, today
from gongkai.applications.letter_templates import DEFAULT_TITLE, DEFAULTS
from gongkai.applications.models import Application, LetterTemplate, ReplyLetter, Status
from gongkai.applications.outcomes import Outcome, info
from gongkai.applications.queries import lookup_by_tracking_code
from gongkai.catalog.storage import store_blob, verified_bytes_path
from gongkai.core import clock
from gongkai.core.pdf import html_page
from gongkai.core.pdf import render_pdf as html_to_pdf
from gongkai.organs.models import Organ
from gongkai.organs.permissions import Perm, require

REGULATION = "《中华人民共和国政府信息公开条例》"
REGULATION_2008 = "《中华人民共和国政府信息公开条例》（2007年国务院令第492号）"
# 行政复议法 (revised 2023) art 23(1)(4): refusals to disclose go to 行政复议 first; in force 2024-01-01.
REVIEW_FIRST_SINCE = dt.date(2024, 1, 1)
TITLE_MAX = LetterTemplate._meta.get_field("title").max_length
BODY_MAX = 5000

PLACEHOLDERS = {
    "申请人": gettext_lazy("申请人姓名或名称"),
    "跟踪码": gettext_lazy("查询码"),
    "提交日期": gettext_lazy("提交申请的日期"),
    "收到日期": gettext_lazy("收到申请的日期（答复期限起算日）"),
    "答复日期": gettext_lazy("答复（办结）日期"),
    "信息描述": gettext_lazy("申请人对所需信息的描述"),
    "信息名称": gettext_lazy("所需信息的名称"),
    "机关名称": gettext_lazy("本机关名称"),
    "办理结果": gettext_lazy("办理结果（年报行名称）"),
    "情形": gettext_lazy("办理结果的具体情形，如“属于国家秘密”"),
    "法律依据": gettext_lazy("条例条款，如“《中华人民共和国政府信息公开条例》第十四条”"),
    "理由": gettext_lazy("承办人填写的理由（可为空）"),
    "获取方式": gettext_lazy("获取信息的地点和方式"),
    "救济途径": gettext_lazy("行政复议、行政诉讼告知（按办理结果和日期自动生成）"),
    "联系电话": gettext_lazy("本机关政府信息公开工作机构电话"),
    "办公地址": gettext_lazy("本机关政府信息公开工作机构地址"),
}
REQUIRED_PLACEHOLDERS = ("救济途径",)
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")

logger = logging.getLogger(__name__)


# --- the placeholder syntax ------------------------------------------------------------------------


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in `text`; ValidationError on a stray brace."""
    names = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            raise ValidationError(_("花括号不成对：单独的“{”或“}”请写成“{{”或“}}”。"))
        names.append(match.group(1).strip())
    return names


def check_template(title: str, body: str) -> None:
    """Refuse unknown placeholders, stray braces, a missing remedy notice, empty or oversized text."""
    errors: dict[str, list[str]] = {}
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        errors["title"] = [_("请填写标题。")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [_("标题不能超过%(max)d个字。") % {"max": TITLE_MAX}]
    if not body:
        errors["body"] = [_("请填写正文。")]
    elif len(body) > BODY_MAX:
        errors["body"] = [_("正文不能超过%(max)d个字。") % {"max": BODY_MAX}]
    for field, text in (("title", title), ("body", body)):
        try:
            names = placeholders_in(text)
        except ValidationError as exc:
            errors.setdefault(field, []).extend(exc.messages)
            continue
        unknown = sorted({n for n in names if n not in PLACEHOLDERS})
        if unknown:
            errors.setdefault(field, []).append(
                _("未知的占位符：%(names)s。可用的占位符：%(known)s。")
                % {
                    "names": "、".join(f"{{{n}}}" for n in unknown),
                    "known": "、".join(f"{{{n}}}" for n in PLACEHOLDERS),
                }
            )
        if field == "body" and body and not errors.get("body"):
            missing = [n for n in REQUIRED_PLACEHOLDERS if n not in names]
            if missing:
                errors["body"] = [
                    _("正文必须包含%(names)s（行政复议、行政诉讼告知）。")
                    % {"names": "、".join(f"{{{n}}}" for n in missing)}
                ]
    if errors:
        raise ValidationError(errors)


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the placeholders by plain text (values are never interpreted)."""

    def replace(match):
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = (match.group(1) or "").strip()
        if name not in values:
            raise ValidationError(_("未知的占位符：{%(name)s}。") % {"name": name})
        return values[name]

    return _TOKEN.sub(replace, text)


# --- templates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedTemplate:
    outcome: str
    title: str
    body: str
    source: str  # "organ", "global" or "default"


def default_template(outcome: str) -> ResolvedTemplate:
    return ResolvedTemplate(outcome, DEFAULT_TITLE, DEFAULTS[info(outcome).group], "default")


def resolve_template(organ: Organ, outcome: str) -> ResolvedTemplate:
    """The organ's own template for `outcome`, else the system-wide override, else the shipped default."""
    row = (
        LetterTemplate.objects.filter(outcome=outcome, organ=organ).first()
        or LetterTemplate.objects.filter(outcome=outcome, organ__isnull=True).first()
    )
    if row is None:
        return default_template(outcome)
    return ResolvedTemplate(outcome, row.title, row.body, "organ" if row.organ_id else "global")


@transaction.atomic
def do_save_letter_template(*, organ: Organ, actor, outcome: str, title: str, body: str) -> LetterTemplate:
    """An organ admin's wording for one outcome code (placeholders checked before anything is saved)."""
    require(actor, Perm.MANAGE, organ)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("没有这个办理结果。")]})
    check_template(title, body)
    template, _created = LetterTemplate.objects.update_or_create(
        organ=organ,
        outcome=outcome,
        defaults={
            "title": title.strip(),
            "body": body.strip(),
            "updated_by": actor if getattr(actor, "pk", None) else None,
            "updated_at": clock.now(),
        },
    )
    return template


@transaction.atomic
def do_reset_letter_template(*, organ: Organ, actor, outcome: str) -> int:
    """Drop the organ's own wording: letters use the system-wide or default text again."""
    require(actor, Perm.MANAGE, organ)
    deleted, _rows = LetterTemplate.objects.filter(organ=organ, outcome=outcome).delete()
    return deleted


# --- the letter ------------------------------------------------------------------------------------


def _cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def remedy_notice(outcome: str, decided_on: dt.date) -> str:
    """行政复议 within 60 days, 行政诉讼 within 6 months; for 不予公开 decided since 2024-01-01 the review
    must come first (行政复议法 2023 art 23(1)(4)), then a suit within 15 days of the review decision."""
    if info(outcome).group == "withheld" and decided_on >= REVIEW_FIRST_SINCE:
        return _(
            "如对本答复不服，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先自收到本答复之日起"
            "六十日内依法申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。"
        )
    return _(
        "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
        "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。"
    )


def legal_basis(application: Application) -> str:
    regulation = REGULATION_2008 if application.rules == "2008" else REGULATION
    article = info(application.outcome).article if application.rules != "2008" else ""
    return f"{regulation}{article}"


def _situation(outcome: str) -> str:
    row = info(outcome).row_label
    return re.sub(r"^\d+\.", "", row).split("（")[0]


def default_obtain(application: Application) -> str:
    if info(application.outcome).group not in ("granted", "partial"):
        return ""
    organ = application.organ
    text = _("本机关按照你（单位）选择的“%(form)s”方式提供。") % {
        "form": application.get_delivery_form_display()
    }
    if organ.office_address:
        text += _("也可在办公时间到%(address)s查阅、领取。") % {"address": organ.office_address}
    return text


def letter_values(application: Application, reasons: str = "", obtain: str = "") -> dict[str, str]:
    applicant = application.applicant
    organ = application.organ
    return {
        "申请人": applicant.name or _("申请人"),
        "跟踪码": application.tracking_code,
        "提交日期": _cn_date(application.submitted_on),
        "收到日期": _cn_date(application.received_on or application.submitted_on),
        "答复日期": _cn_date(application.closed_on),
        "信息描述": application.description,
        "信息名称": application.info_title or application.description[:60],
        "机关名称": organ.name,
        "办理结果": str(Outcome(application.outcome).label),
        "情形": _situation(application.outcome),
        "法律依据": legal_basis(application),
        "理由": (reasons or "").strip(),
        "获取方式": (obtain or "").strip() or default_obtain(application),
        "救济途径": remedy_notice(application.outcome, application.closed_on),
        "联系电话": organ.office_phone or "",
        "办公地址": organ.office_address or "",
    }


@dataclass(frozen=True)
class LetterDocument:
    title: str
    paragraphs: tuple[str, ...]
    signature: tuple[str, ...]


def compose(application: Application, reasons: str = "", obtain: str = "") -> tuple[LetterDocument, str]:
    """The filled-in letter and the source of its template."""
    template = resolve_template(application.organ, application.outcome)
    values = letter_values(application, reasons, obtain)
    body = fill(template.body, values)
    paragraphs = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.endswith("获取方式：") or line.endswith("获取方式:"):
            continue
        paragraphs.append(line)
    signature = (application.organ.name, _cn_date(application.closed_on))
    return LetterDocument(fill(template.title, values), tuple(paragraphs), signature), template.source


PDF_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 15pt; line-height: 1.75; }
h1 { font-size: 21pt; text-align: center; font-weight: bold; margin: 0 0 1em; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.salutation { text-indent: 0; }
p.code { text-indent: 0; text-align: center; font-size: 12pt; margin-bottom: 1em; }
div.signature { margin-top: 2em; text-align: right; }
div.signature p { text-indent: 0; text-align: right; }
"""


def render_pdf(document: LetterDocument, tracking_code: str) -> bytes:
    esc = html.escape
    parts = [f"<h1>{esc(document.title)}</h1>", f'<p class="code">{esc(tracking_code)}</p>']
    for index, paragraph in enumerate(document.paragraphs):
        css = ' class="salutation"' if index == 0 and paragraph.endswith("：") else ""
        parts.append(f"<p{css}>{esc(paragraph)}</p>")
    parts.append(
        '<div class="signature">' + "".join(f"<p>{esc(s)}</p>" for s in document.signature) + "</div>"
    )
    return html_to_pdf(html_page(document.title, PDF_CSS, "".join(parts)))


def render_docx(document: LetterDocument, tracking_code: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(15)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(document.title)
    run.bold = True
    run.font.size = Pt(21)
    code = doc.add_paragraph(tracking_code)
    code.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, text in enumerate(document.paragraphs):
        paragraph = doc.add_paragraph(text)
        if not (index == 0 and text.endswith("：")):
            paragraph.paragraph_format.first_line_indent = Pt(30)
    doc.add_paragraph()
    for line in document.signature:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.title = document.title
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@transaction.atomic
def do_generate_letter(
    application: Application, *, actor, reasons: str = "", obtain: str = ""
) -> ReplyLetter:
    """Render the 告知书 of a closed application (DOCX and PDF) and store it with the application. A letter
    may be generated again (e.g. after correcting the reasons); each generation is kept."""
    if actor is not None:
        require(actor, Perm.HANDLE, application.organ)
    application = Application.objects.select_related("organ", "applicant").get(pk=application.pk)
    if application.status != Status.CLOSED or not application.outcome:
        raise WorkflowError(_("申请办结后才能生成告知书。"))
    errors = {}
    if len(reasons or "") > BODY_MAX:
        errors["reasons"] = [_("理由不能超过%(max)d个字。") % {"max": BODY_MAX}]
    if len(obtain or "") > BODY_MAX:
        errors["obtain"] = [_("获取方式不能超过%(max)d个字。") % {"max": BODY_MAX}]
    if errors:
        raise ValidationError(errors)
    document, source = compose(application, reasons, obtain)
    code = application.tracking_code
    docx_sha, docx_size, _type = store_blob([render_docx(document, code)], "docx", f"{code}.docx")
    pdf_sha, pdf_size, _type = store_blob([render_pdf(document, code)], "pdf", f"{code}.pdf")
    return ReplyLetter.objects.create(
        uuid=uuid.uuid4(),
        application=application,
        outcome=application.outcome,
        template_source=source,
        title=document.title,
        text="\n".join((*document.paragraphs, *document.signature)),
        reasons=(reasons or "").strip(),
        obtain=(obtain or "").strip(),
        docx_sha256=docx_sha,
        docx_size=docx_size,
        pdf_sha256=pdf_sha,
        pdf_size=pdf_size,
        generated_by=actor if getattr(actor, "pk", None) else None,
    )


@transaction.atomic
def do_record_letter_delivery(letter: ReplyLetter, *, actor, on: dt.date | None = None) -> ReplyLetter:
    """送达: the day the applicant received the letter; from then on the applicant can see it."""
    letter = ReplyLetter.objects.select_for_update().select_related("application__organ").get(pk=letter.pk)
    if actor is not None:
        require(actor, Perm.HANDLE, letter.application.organ)
    if letter.delivered_on is not None:
        raise ValidationError(
            {"on": [_("已记录送达日期（%(d)s）。") % {"d": letter.delivered_on.isoformat()}]}
        )
    on = on or today()
    if on > today():
        raise ValidationError({"on": [_("日期不能晚于今天。")]})
    closed_on = letter.application.closed_on
    if closed_on and on < closed_on:
        raise ValidationError(
            {"on": [_("送达日期不能早于答复日期（%(d)s）。") % {"d": closed_on.isoformat()}]}
        )
    letter.delivered_on = on
    letter.delivered_by = actor if getattr(actor, "pk", None) else None
    letter.visible_to_applicant = True
    letter.save(update_fields=["delivered_on", "delivered_by", "visible_to_applicant"])
    return letter


# --- files and the applicant's view ---------------------------------------------------------------

FORMATS = {
    "pdf": ("pdf_sha256", "application/pdf"),
    "docx": ("docx_sha256", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def letter_file(letter: ReplyLetter, fmt: str) -> tuple[Path, str, str]:
    """(verified path, download filename, content type); raises KeyError for an unknown format and
    catalog.storage.CorruptBlob when the stored file no longer matches its hash."""
    field, content_type = FORMATS[fmt]
    path = verified_bytes_path(getattr(letter, field))
    return path, f"{letter.application.tracking_code}-告知书.{fmt}", content_type


def applicant_letters(tracking_code: str, second_factor: str) -> list[ReplyLetter]:
    """The delivered letters of an application, for the public status page: the same tracking code + last
    4 phone digits check as `queries.lookup_by_tracking_code`; [] when it fails. Undelivered letters and
    letters of other applications never appear."""
    status = lookup_by_tracking_code(tracking_code, second_factor)
    if status is None:
        return []
    return list(
        ReplyLetter.objects.filter(
            application__tracking_code=status.tracking_code, visible_to_applicant=True
        ).order_by("generated_at", "pk")
    )


def applicant_letter(tracking_code: str, second_factor: str, letter_uuid) -> ReplyLetter:
    """One delivered letter for the applicant's download (PermissionDenied otherwise)."""
    for letter in applicant_letters(tracking_code, second_factor):
        if str(letter.uuid) == str(letter_uuid):
            return letter
    raise PermissionDenied(_("没有这份告知书，或查询码与手机号后四位不匹配。"))
