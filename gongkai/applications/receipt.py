"""The 回执 (receipt) of an online application, as a PDF made with WeasyPrint.

It shows what the applicant needs to follow the application — organ, tracking code, submission date, a
summary of what was asked — and the applicant's name masked (张*): the receipt may be printed, forwarded
or left on a shared computer, so it carries no ID number, phone, e-mail or address.
"""

from django.template.loader import render_to_string
from django.utils.text import Truncator

from gongkai.applications.models import Application
from gongkai.core.pdf import render_pdf

SUMMARY_CHARS = 200


def mask_name(name: str) -> str:
    """The first character kept, every other character replaced by *: 张三 → 张*, 欧阳娜娜 → 欧***."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1)


def receipt_context(application: Application, status_url: str) -> dict:
    organ = application.organ
    return {
        "organ": organ,
        "tracking_code": application.tracking_code,
        "submitted_on": application.submitted_on,
        "applicant_name": mask_name(application.applicant.name),
        "applicant_kind": application.applicant.get_kind_display(),
        "info_title": application.info_title,
        "info_document_number": application.info_document_number,
        "summary": Truncator(application.description).chars(SUMMARY_CHARS),
        "delivery_form": application.get_delivery_form_display(),
        "channel": application.get_channel_display(),
        "status_url": status_url,
    }


def receipt_pdf(application: Application, status_url: str) -> bytes:
    """The receipt as PDF bytes (CJK fonts from Debian's fonts-noto-cjk, embedded by WeasyPrint)."""
    document = render_to_string(
        "applications/public/receipt_pdf.html", receipt_context(application, status_url)
    )
    return render_pdf(document)
