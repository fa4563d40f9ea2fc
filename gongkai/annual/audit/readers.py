"""Turn an uploaded file (text, HTML, DOCX, PDF) into one normalised text. Never fetches URLs, never raises.

Tables keep their cell boundaries: HTML and Word table cells are joined with " | " and each table row ends the
line, the same shape as a Markdown table, which the table recovery reads.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.utils.translation import gettext as _

from gongkai.annual.audit.findings import ERROR, WARNING, Finding

SPACES_RE = re.compile("[\u00a0\u3000\u2002-\u200a\u202f\t]")
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ReadResult:
    text: str
    kind: str  # "text", "html", "docx", "pdf", "unknown"
    findings: list[Finding] = field(default_factory=list)


def normalise(text: str) -> str:
    """U+00A0/U+3000 and other spaces → " ", invisible characters dropped, CRLF → LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE_RE.sub("", SPACES_RE.sub(" ", text))


def read_path(path: str | Path) -> ReadResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ReadResult(
            "",
            "unknown",
            [
                Finding(
                    "reader.unreadable",
                    ERROR,
                    _("无法读取%(path)s：%(error)s") % {"path": path, "error": exc},
                )
            ],
        )
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str = "") -> ReadResult:
    if len(data) > MAX_BYTES:
        return ReadResult(
            "",
            "unknown",
            [Finding("reader.too_large", ERROR, _("文件大于%(limit)s字节") % {"limit": MAX_BYTES})],
        )
    kind = sniff(data, name)
    try:
        text = {"pdf": _pdf, "docx": _docx, "html": _html, "text": _text}[kind](data)
    except Exception as exc:  # a broken file is a finding, not a crash
        return ReadResult(
            "",
            kind,
            [
                Finding(
                    "reader.unreadable",
                    ERROR,
                    _("无法读取该%(kind)s文件：%(error)s") % {"kind": kind, "error": exc},
                )
            ],
        )
    text = normalise(text)
    result = ReadResult(text, kind)
    if not text.strip():
        result.findings.append(
            Finding(
                "reader.no_text",
                ERROR,
                _("未提取到文字（文件为空，或为没有文字层的扫描版PDF）"),
            )
        )
    elif kind == "text" and looks_binary(data):
        result.findings.append(
            Finding("reader.garbled", ERROR, _("该文件不是文本文件（为二进制数据或无法解码的数据）"))
        )
    elif text.count("\ufffd") > len(text) // 20:
        result.findings.append(Finding("reader.garbled", WARNING, _("相当部分文字无法解码")))
    return result


def looks_binary(data: bytes) -> bool:
    """NUL bytes or mostly control characters: not a text file."""
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return b"\x00" in head or controls > len(head) // 10


def sniff(data: bytes, name: str = "") -> str:
    head = data[:1024].lstrip()
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lower()
    if (
        suffix in (".html", ".htm")
        or lowered.startswith((b"<!doctype html", b"<html"))
        or b"<body" in lowered
    ):
        return "html"
    return "text"


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "tr",
    "ul",
}


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.row_cells = 0
        self.in_row = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag == "tr":
            self.parts.append("\n")
            self.row_cells = 0
            self.in_row = True
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.row_cells else "| ")
            self.row_cells += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" " if self.in_row else "\n")  # a paragraph inside a cell stays in its row

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag == "tr":
            self.parts.append(" |\n")
            self.in_row = False
        elif tag in BLOCK_TAGS:
            self.parts.append(" " if self.in_row else "\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data) if self.in_row else data)


def _html(data: bytes) -> str:
    parser = _HTMLText()
    parser.feed(_text(data))
    parser.close()
    text = re.sub(r"\n[ \t]*\n+", "\n", "".join(parser.parts)).strip()
    return re.sub(r"(?m)^\|.*$", lambda m: re.sub(r" {2,}", " ", m.group(0)), text)  # tidy table rows


def _docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ValueError(_("是ZIP压缩文件，但不是Word文档"))
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:  # merged cells repeat: keep each once
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception:  # one broken page must not lose the others
            pages.append("")
    return "\n".join(pages)
