"""PDF from HTML with WeasyPrint (CJK glyphs from Debian's fonts-noto-cjk, embedded in the file)."""

import html
import logging


def html_page(title: str, css: str, body: str) -> str:
    """A complete zh-CN HTML document around `body` (already escaped/safe HTML)."""
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head><body>{body}</body></html>"
    )


def render_pdf(document: str) -> bytes:
    """Render an HTML document to PDF bytes. WeasyPrint reports every rendering step (and, on import, its own
    stylesheets) at INFO level; that noise is kept out of the logs."""
    progress = logging.getLogger("weasyprint.progress")
    level = progress.level
    progress.setLevel(logging.WARNING)
    try:
        from weasyprint import HTML

        return HTML(string=document).write_pdf()
    finally:
        progress.setLevel(level)
