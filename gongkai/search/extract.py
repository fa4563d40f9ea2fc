"""Text of attachments for the index: PDF (pypdf), DOCX (python-docx), XLSX (openpyxl).

Extraction runs in the search writer, never in a web request, once per distinct file (cached by SHA-256 in
AttachmentText). A file that cannot be read is recorded with its error and indexed without text.
"""

import logging
import time

from gongkai.catalog.storage import CorruptBlob, verified_bytes_path
from gongkai.search.models import AttachmentText

log = logging.getLogger(__name__)
MAX_CHARS = 200_000
MAX_SECONDS = 30  # a pathological PDF gives up after this long, keeping the text read so far


def _pdf(path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts, total = [], 0
    deadline = time.monotonic() + MAX_SECONDS
    for page in reader.pages:
        if time.monotonic() > deadline:
            log.warning("PDF text extraction of %s stopped after %d s", path.name, MAX_SECONDS)
            break
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total >= MAX_CHARS:
            break
    return "\n".join(parts)


def _docx(path) -> str:
    import docx

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(path) -> str:
    import openpyxl

    # openpyxl judges a file by its name's extension; blobs are named by their hash, so hand it the bytes
    handle = open(path, "rb")  # noqa: SIM115 - closed below together with the workbook
    workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    parts, total = [], 0
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                line = " ".join(str(v) for v in row if v is not None)
                parts.append(line)
                total += len(line)
                if total >= MAX_CHARS:
                    return "\n".join(parts)
    finally:
        workbook.close()
        handle.close()
    return "\n".join(parts)


EXTRACTORS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx}


def attachment_text(attachment) -> str:
    """The (cached) text of one attachment; empty for images and unreadable files."""
    cached = AttachmentText.objects.filter(sha256=attachment.sha256).first()
    if cached is not None:
        return cached.text
    extractor = EXTRACTORS.get(attachment.extension)
    text, error = "", ""
    if extractor is not None:
        try:
            text = extractor(verified_bytes_path(attachment.sha256))[:MAX_CHARS]
        except CorruptBlob as exc:
            log.error("attachment %s (%s): %s", attachment.uuid, attachment.filename, exc)
            return ""  # not cached: the file may be restored from backup
        except Exception as exc:  # noqa: BLE001 - any parser failure means "no text", recorded below
            error = f"{type(exc).__name__}: {exc}"[:200]
            log.warning("no text from attachment %s (%s): %s", attachment.uuid, attachment.filename, error)
    AttachmentText.objects.get_or_create(sha256=attachment.sha256, defaults={"text": text, "error": error})
    return text
