"""Renderers of the annual report (年度报告) from a `CompiledReport`.

- `html.render_page(report, narrative=None)` → a complete HTML page; `html.render_fragment` → the report body
  for the portal's 年报 column.
- `docx.render_docx(report, narrative=None)` → DOCX bytes in the official layout.
- `pdf.render_pdf(report, narrative=None)` → PDF bytes (WeasyPrint, A4, CJK font embedded).

`narrative` maps a section key of the format (overview, proactive, requests, appeals, problems, other) to its
paragraphs; when omitted, `draft.draft_narrative(report)` drafts them from the facts.
"""
