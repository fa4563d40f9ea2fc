"""The public report auditor: upload or paste any published annual report, see the numbers that do not add up.

Nothing is stored on the server: the result of the last audit lives in the visitor's session, so that it can
be downloaded as JSON or XLSX. URLs are never fetched.
"""

from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.annual.audit.export import to_xlsx
from gongkai.annual.audit.labels import SEVERITY_LABELS, rule_label
from gongkai.annual.audit.readers import read_bytes
from gongkai.annual.audit.report import audit_bytes, audit_read, audit_text
from gongkai.annual.formats import by_name

MAX_UPLOAD_MB = 20
SESSION_KEY = "audit_result"
FORMAT_CHOICES = [
    ("", gettext_lazy("自动识别")),
    ("2021", "2021"),
    ("2019", "2019"),
    ("legacy", gettext_lazy("2019年前")),
]


class AuditForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("报告文件"),
        required=False,
        help_text=gettext_lazy("TXT、HTML、DOCX 或 PDF，不超过20 MB"),
    )
    text = forms.CharField(
        label=gettext_lazy("或粘贴报告全文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=2_000_000,
    )
    previous = forms.FileField(
        label=gettext_lazy("上一年度报告（可选）"),
        required=False,
        help_text=gettext_lazy("同时上传上一年度报告，可核对“上年结转”与上一年度“结转下年度继续办理”"),
    )
    year = forms.IntegerField(label=gettext_lazy("报告年度"), required=False, min_value=2008, max_value=2100)
    format = forms.ChoiceField(label=gettext_lazy("报告格式"), required=False, choices=FORMAT_CHOICES)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("请上传报告文件，或粘贴报告全文。"))
        for name in ("file", "previous"):
            if data.get(name) is not None and data[name].size > MAX_UPLOAD_MB * 1024 * 1024:
                self.add_error(name, _("文件超过%(n)d MB。") % {"n": MAX_UPLOAD_MB})
        return data


def run_audit(form: AuditForm) -> tuple[dict, str]:
    """(result, text) for a valid form."""
    data = form.cleaned_data
    options = {"year": data.get("year"), "format_name": data.get("format") or None}
    if data.get("previous") is not None:
        previous = data["previous"]
        options["previous"] = audit_bytes(previous.read(), previous.name)
    upload = data.get("file")
    if upload is not None:
        read = read_bytes(upload.read(), upload.name)
        text = read.text
        result = audit_read(read, **options)
    else:
        text = data["text"]
        result = audit_text(text, **options)
    return result, text


def _segments(text: str, findings: list[dict]) -> list[tuple[str, int | None, str]]:
    """The text cut at finding spans: (piece, finding number or None, severity) — the most severe wins."""
    rank = {"error": 0, "warning": 1, "note": 2}
    spanned = [(i, f) for i, f in enumerate(findings, 1) if f.get("span")]
    cuts = sorted({0, len(text), *(p for _, f in spanned for p in f["span"] if 0 <= p <= len(text))})
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [(i, f) for i, f in spanned if f["span"][0] <= start and end <= f["span"][1]]
        if covering:
            i, worst = min(covering, key=lambda c: rank.get(c[1]["severity"], 9))
            segments.append((text[start:end], i, worst["severity"]))
        else:
            segments.append((text[start:end], None, ""))
    return segments


def _table3(result: dict) -> dict | None:
    table = (result.get("tables") or {}).get("table3")
    if not table:
        return None
    fmt = by_name(result["format"])
    if not fmt.has_table("table3"):
        return None
    schema = fmt.table("table3")
    rows = []
    for row in schema.rows:
        cells = table["rows"].get(row.key)
        ambiguous = row.key in table.get("ambiguous_rows", {})
        rows.append(
            {"label": f"{row.number}{row.label}", "group": row.group, "cells": cells, "ambiguous": ambiguous}
        )
    return {"columns": [c.label for c in schema.columns], "rows": rows}


def audit_page(request):
    form = AuditForm(request.POST or None, request.FILES or None)
    context = {
        "form": form,
        "column_name": _("年报审核"),
        "column_type": _("工具页"),
        "breadcrumbs": [(_("首页"), reverse("portal:home")), (_("年报审核"), None)],
        "max_mb": MAX_UPLOAD_MB,
    }
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result, text = run_audit(form)
            request.session[SESSION_KEY] = result
            findings = [
                {
                    **f,
                    "number": i,
                    "label": rule_label(f["rule"]),
                    "severity_label": SEVERITY_LABELS.get(f["severity"], ""),
                }
                for i, f in enumerate(result["findings"], 1)
            ]
            context.update(
                result=result,
                findings=findings,
                table3=_table3(result),
                segments=_segments(text, result["findings"]),
                severity_labels=SEVERITY_LABELS,
            )
        else:
            status = 400
    return render(request, "annual/audit.html", context, status=status)


def audit_download(request, fmt):
    result = request.session.get(SESSION_KEY)
    if result is None:
        raise Http404(_("请先审核一份报告。"))
    if fmt == "json":
        response = JsonResponse(result, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="audit.json"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            to_xlsx(result), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="audit.xlsx"'
        return response
    raise Http404
