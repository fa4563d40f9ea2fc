"""The annual report as PDF: the HTML page with an A4 print stylesheet, rendered by WeasyPrint
(`gongkai.core.pdf`); the charts stay inline SVG (vector), the CJK font (Noto CJK) is embedded."""

from __future__ import annotations

from gongkai.annual.render.html import render_page
from gongkai.core.pdf import render_pdf as html_to_pdf

PRINT_CSS = """
@page { size: A4; margin: 25mm 22mm 22mm 24mm;
  @bottom-center { content: counter(page); font-family: "Noto Serif CJK SC", serif; font-size: 10pt; } }
html { font-size: 12pt; }
body { margin: 0; }
.annual-report { max-width: none; font-family: "Noto Serif CJK SC", serif; }
.annual-report h1 { font-size: 20pt; margin: 0 0 1em; font-family: "Noto Serif CJK SC", serif; }
.annual-report h2 { font-size: 14pt; font-family: "Noto Sans CJK SC", sans-serif; break-after: avoid; }
.annual-report caption { font-family: "Noto Sans CJK SC", sans-serif; }
.annual-report table { font-size: 8.5pt; break-inside: auto; }
.annual-report table.table4 { font-size: 7.5pt; }
.annual-report tr { break-inside: avoid; }
.annual-report figure { break-inside: avoid; }
"""


def render_pdf(report, narrative: dict[str, list[str]] | None = None) -> bytes:
    """PDF bytes of the report (A4, print stylesheet, CJK font embedded)."""
    return html_to_pdf(render_page(report, narrative, PRINT_CSS))
