"""The annual report as DOCX (python-docx) in the official layout: title in 方正小标宋简体, headings in 黑体, body
in 仿宋 — each falling back to Noto CJK when the font is not installed — and tables 2, 3, 4 with their header
cells merged exactly as the national template (the grids of `layout`)."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess

from gongkai.annual.render.draft import draft_narrative, section_heading
from gongkai.annual.render.layout import Grid, grids, report_title

TITLE_FONT = ("方正小标宋简体", "Noto Serif CJK SC")
HEADING_FONT = ("黑体", "Noto Sans CJK SC")
BODY_FONT = ("仿宋", "Noto Serif CJK SC")


@functools.cache
def installed_fonts() -> frozenset[str]:
    """Font family names known to fontconfig (empty when fc-list is not available)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return frozenset()
    try:
        result = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    names = set()
    for line in result.stdout.splitlines():
        names.update(name.strip() for name in line.split(","))
    return frozenset(names)


def pick_font(choice: tuple[str, str]) -> str:
    preferred, fallback = choice
    return preferred if preferred in installed_fonts() else fallback


def set_font(target, name: str) -> None:
    """Font of a run or style for Latin and East-Asian text (w:rFonts w:eastAsia), theme fonts dropped."""
    from docx.oxml.ns import qn

    target.font.name = name
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _styles(doc) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    set_font(normal, pick_font(BODY_FONT))
    normal.font.size = Pt(16)  # 三号
    for name, font, size in (("Title", TITLE_FONT, 22), ("Heading 1", HEADING_FONT, 16)):
        style = doc.styles[name]
        set_font(style, pick_font(font))
        style.font.size = Pt(size)
        style.font.bold = name == "Title"
        style.font.color.rgb = RGBColor(0, 0, 0)


def add_table(doc, grid: Grid, caption: str, size: float) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(caption)
    set_font(run, pick_font(HEADING_FONT))
    run.font.size = Pt(size + 1.5)
    table = doc.add_table(rows=grid.rows, cols=grid.columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Every `table.cell()` walks the whole table: take the cells once (the merged ranges do not overlap, so
    # the cells outside a range stay valid after merging it).
    flat = table._cells

    def at(row: int, col: int):
        return flat[row * grid.columns + col]

    for cell in grid.cells:
        target = at(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(at(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        paragraph = target.paragraphs[0]
        paragraph.paragraph_format.first_line_indent = Pt(0)
        centred = cell.numeric or cell.scope in ("col", "colgroup")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(cell.text)
        run.font.size = Pt(size)
    doc.add_paragraph()


def render_docx(report, narrative: dict[str, list[str]] | None = None) -> bytes:
    """DOCX bytes of the report: title, six sections with paragraphs, tables 2, 3, 4 after their sections."""
    from docx import Document
    from docx.shared import Pt

    narrative = draft_narrative(report) if narrative is None else narrative
    doc = Document()
    _styles(doc)
    title = report_title(report)
    doc.add_paragraph(title, style="Title").alignment = 1  # centre
    fmt = report.format
    legacy = fmt.name == "legacy"  # the pre-2019 report: no national tables
    tables = {} if legacy else grids(report)
    after = {} if legacy else {"proactive": "table2", "requests": "table3", "appeals": "table4"}
    sizes = {"table2": 10.5, "table3": 9, "table4": 7.5}
    for section in fmt.sections:
        if legacy and not section.required and not narrative.get(section.key):
            continue
        doc.add_paragraph(section_heading(section), style="Heading 1")
        for text in narrative.get(section.key, []):
            doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
        key = after.get(section.key)
        if key:
            add_table(doc, tables[key], str(fmt.table(key).title), sizes[key])
    doc.core_properties.title = title
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
