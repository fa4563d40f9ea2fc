"""The audit result as XLSX (one sheet per recovered table, plus the findings) and as an HTML page that
highlights every finding's span in the report text."""

from __future__ import annotations

import html
import io

from django.utils.translation import gettext as _

from gongkai.annual.audit.findings import SEVERITIES
from gongkai.annual.audit.labels import SEVERITY_LABELS
from gongkai.annual.formats import by_name


def to_xlsx(result: dict) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    findings = workbook.active
    findings.title = _("审核发现")
    findings.append(
        [
            _("严重程度"),
            _("规则"),
            _("起始位置"),
            _("结束位置"),
            _("原文摘录"),
            _("应为"),
            _("实为"),
            _("说明"),
        ]
    )
    for f in result["findings"]:
        span = f["span"] or [None, None]
        findings.append(
            [
                f["severity"],
                f["rule"],
                span[0],
                span[1],
                f["excerpt"],
                _cell(f["expected"]),
                _cell(f["found"]),
                f["message"],
            ]
        )
    tables = result.get("tables") or {}
    fmt = by_name(result["format"])
    if tables.get("table3"):
        table = fmt.table("table3")
        sheet = workbook.create_sheet(_("表三"))
        sheet.append([_("键"), _("行"), *[c.label for c in table.columns]])
        for row in table.rows:
            cells = tables["table3"]["rows"].get(row.key)
            ambiguous = tables["table3"]["ambiguous_rows"].get(row.key)
            if cells is not None:
                sheet.append([row.key, row.number + row.label, *cells])
            elif ambiguous:
                sheet.append(
                    [row.key, row.number + row.label, _("有歧义：%(text)s") % {"text": ambiguous["text"]}]
                )
            else:
                sheet.append([row.key, row.number + row.label, _("未识别")])
    if tables.get("table2"):
        table = fmt.table("table2")
        sheet = workbook.create_sheet(_("表二"))
        sheet.append([_("键"), _("行"), _("栏目"), _("数值")])
        for row in table.rows:
            cells = tables["table2"]["rows"].get(row.key)
            labels = "、".join(c.label for c in table.columns_of(row))
            sheet.append([row.key, row.label, labels, *(cells if cells is not None else [_("未识别")])])
    if tables.get("table4") is not None:
        table = fmt.table("table4")
        sheet = workbook.create_sheet(_("表四"))
        sheet.append([_("键"), _("类别"), *[c.label for c in table.columns]])
        for i, row in enumerate(table.rows):
            sheet.append([row.key, row.label, *tables["table4"][i * 5 : i * 5 + 5]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    return value if value is None or isinstance(value, int | float | str) else str(value)


STYLE = """
body { font-family: "Noto Serif CJK SC", serif; max-width: 60rem; margin: 2rem auto; line-height: 1.8; }
pre { white-space: pre-wrap; word-break: break-all; }
mark.error { background: #f8c4c4; } mark.warning { background: #fbe7a1; } mark.note { background: #d6e6fb; }
li.error { color: #8a1111; } li.warning { color: #6b5200; }
"""


def to_html(text: str, result: dict) -> str:
    """A standalone page: the findings as a list, and the text with each finding's span marked (the most severe
    finding wins where spans overlap)."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    spanned = [(i, f) for i, f in enumerate(result["findings"]) if f["span"]]
    cuts = sorted({0, len(text), *(p for _i, f in spanned for p in f["span"])})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [(i, f) for i, f in spanned if f["span"][0] <= start and end <= f["span"][1]]
        chunk = html.escape(text[start:end])
        if covering:
            i, worst = min(covering, key=lambda c: rank[c[1]["severity"]])
            title = html.escape(" / ".join(f["message"] for _i, f in covering), quote=True)
            chunk = f'<mark class="{worst["severity"]}" title="{title}"><a href="#f{i}">{chunk}</a></mark>'
        pieces.append(chunk)
    items = "".join(
        f'<li id="f{i}" class="{f["severity"]}"><b>{html.escape(str(SEVERITY_LABELS[f["severity"]]))}</b> '
        f"<code>{html.escape(f['rule'])}</code> "
        f"{html.escape(f['message'])}</li>"
        for i, f in enumerate(result["findings"])
    )
    summary = result["summary"]
    page_title = html.escape(_("年报审核"))
    counts = _("错误%(error)s项，警告%(warning)s项，提示%(note)s项") % summary
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{page_title}</title>'
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{page_title} · {html.escape(str(result['format']))} · {result['year'] or ''}</h1>"
        f"<p>{html.escape(counts)}</p>"
        f"<ol>{items}</ol><pre>{''.join(pieces)}</pre></body></html>"
    )
