"""Small display helpers for portal templates."""

from django import template
from django.utils.translation import gettext as _

from gongkai.portal.prefs import url_with

register = template.Library()

_UNITS = ("KB", "MB", "GB", "TB")


@register.filter
def human_size(size) -> str:
    """1234567 → "1.2 MB" (binary multiples, one decimal)."""
    try:
        value = float(size)
    except (TypeError, ValueError):
        return ""
    if value < 1024:
        return f"{int(value)} B"
    for unit in _UNITS:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    return ""


def _kinds():
    return {
        "pdf": _("PDF 文档"),
        "doc": _("Word 文档"),
        "docx": _("Word 文档"),
        "xls": _("Excel 表格"),
        "xlsx": _("Excel 表格"),
        "png": _("PNG 图片"),
        "jpg": _("JPEG 图片"),
        "jpeg": _("JPEG 图片"),
        "gif": _("GIF 图片"),
    }


@register.filter
def file_kind(attachment) -> str:
    """A reader's name for the attachment's type, e.g. "PDF 文档"."""
    ext = attachment.extension
    return _kinds().get(ext, ext.upper() or _("文件"))


@register.simple_tag(takes_context=True)
def query_url(context, **params) -> str:
    """The current page's URL with some query parameters changed, e.g. {% query_url page=2 %}."""
    return url_with(context["request"], **{k: (None if v is None else str(v)) for k, v in params.items()})
