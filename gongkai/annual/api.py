"""`POST /api/v1/audit`: a report file (multipart `file`) or its text (`text`) → the auditor's JSON
(docs/audit-json.md). Nothing is stored; URLs are never fetched."""

from ninja import File, Form, Router, Schema, Status, UploadedFile

from gongkai.annual.audit.readers import read_bytes
from gongkai.annual.audit.report import audit_bytes, audit_read, audit_text

MAX_BYTES = 20 * 1024 * 1024

router = Router(tags=["audit"])


class ErrorOut(Schema):
    detail: str


@router.post(
    "",
    response={200: dict, 400: ErrorOut, 413: ErrorOut},
    url_name="audit",
    summary="审核一份政府信息公开工作年度报告",
)
def audit(
    request,
    file: UploadedFile = File(None),  # noqa: B008 - ninja's parameter declaration
    text: str = Form(""),  # noqa: B008
    year: int | None = Form(None),  # noqa: B008
    format: str = Form(""),  # noqa: A002, B008 - the parameter's public name
    previous: UploadedFile = File(None),  # noqa: B008 - last year's report, for the carry-over check
):
    if format and format not in ("2019", "2021", "legacy"):
        return Status(400, {"detail": "format must be 2019, 2021 or legacy"})
    options = {"year": year, "format_name": format or None}
    if previous is not None:
        if previous.size > MAX_BYTES:
            return Status(413, {"detail": f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"})
        options["previous"] = audit_bytes(previous.read(), previous.name or "")
    if file is not None:
        if file.size > MAX_BYTES:
            return Status(413, {"detail": f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"})
        return audit_read(read_bytes(file.read(), file.name or ""), **options)
    if text.strip():
        return audit_text(text, **options)
    return Status(400, {"detail": "send the report as a multipart `file` or as `text`"})
