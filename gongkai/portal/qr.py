"""QR codes of page URLs ("扫一扫在手机打开当前页面"), as inline SVG."""

import segno
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def qr_svg(url: str, scale: int = 3) -> str:
    """An inline <svg> encoding `url`, titled for screen readers; safe to put into a template as is."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=scale,
        border=2,
        dark="#000",
        light="#fff",
        svgclass="qr-code",
        lineclass=None,
        title=_("当前页面的二维码：%(url)s") % {"url": url},
        omitsize=False,
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))
