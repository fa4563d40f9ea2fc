"""The DOCX report read back with python-docx: table-3 numbers in the right cells, header and group cells
merged as the national template (merged positions share one w:tc; gridSpan/vMerge on the XML), tables 2 and 4,
and the house fonts set for East-Asian text (w:eastAsia)."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from gongkai.annual.compile import compile_report
from gongkai.annual.formats import by_name
from gongkai.annual.render.docx import BODY_FONT, pick_font, render_docx
from gongkai.annual.render.layout import TABLE3_NOTE, report_title
from tests.annual import test_compile
from tests.annual.test_compile import EXPECTED_2025, table

# The generator's fixtures: the autouse calendar (time frozen in 2026) and the 2025 applications.
calendar = test_compile.calendar
year_2025 = test_compile.year_2025


@pytest.fixture
def document(year_2025):
    return Document(io.BytesIO(render_docx(compile_report([year_2025], 2025))))


def grid(t):
    """`table.cell` of python-docx walks the whole table on each call: take the cells once."""
    flat, width = t._cells, len(t.columns)
    return lambda row, col: flat[row * width + col]


def same(cell, a, b) -> bool:
    """Merged positions share one w:tc."""
    return cell(*a)._tc is cell(*b)._tc


def test_title_sections_and_fonts(document, year_2025):
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"{year_2025.name}2025年政府信息公开工作年度报告"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{s.number}、{s.title}" for s in by_name("2021").sections]
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == pick_font(BODY_FONT)
    assert document.core_properties.title == report_title(compile_report([year_2025], 2025))


def test_table3_numbers_in_their_cells(document):
    t = document.tables[1]
    cell = grid(t)
    rows = by_name("2021").table("table3").row_keys
    expected = table("2021", {**EXPECTED_2025, ("other_1", "other_org"): 1, ("other_3", "person"): 1})
    assert len(t.rows) == 3 + len(rows)  # three header rows, then one row per data row: no subtotals
    for i, key in enumerate(rows):
        assert [cell(3 + i, 3 + j).text for j in range(7)] == [str(n) for n in expected[key]], key
    assert cell(3, 0).text == "一、本年新收政府信息公开申请数量"
    assert cell(3 + rows.index("withheld_4"), 2).text == "4.保护第三方合法权益"


def test_table3_header_cells_are_merged_as_the_template(document):
    t = document.tables[1]
    cell = grid(t)
    rows = by_name("2021").table("table3").row_keys
    note = cell(0, 0)
    assert note.text == TABLE3_NOTE
    assert note._tc.grid_span == 3 and note._tc.vMerge == "restart"
    assert same(cell, (0, 0), (2, 2))
    assert cell(0, 3).text == "申请人情况" and cell(0, 3)._tc.grid_span == 7 and same(cell, (0, 3), (0, 9))
    assert cell(1, 3).text == "自然人" and cell(1, 3)._tc.vMerge == "restart" and same(cell, (1, 3), (2, 3))
    assert (
        cell(1, 4).text == "法人或其他组织" and cell(1, 4)._tc.grid_span == 5 and same(cell, (1, 4), (1, 8))
    )
    assert [cell(2, c).text for c in range(4, 9)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert cell(1, 9).text == "总计" and same(cell, (1, 9), (2, 9))
    # The second header row holds continuation cells under the note (vMerge="continue" in the XML).
    assert [tc.vMerge for tc in t.rows[1]._tr.tc_lst][0] == "continue"
    first = 3 + rows.index("granted")
    last = 3 + rows.index("total")
    assert cell(first, 0).text == "三、本年度办理结果" and same(cell, (first, 0), (last, 0))
    w1, w8 = 3 + rows.index("withheld_1"), 3 + rows.index("withheld_8")
    assert cell(w1, 1).text == "（三）不予公开" and same(cell, (w1, 1), (w8, 1))
    assert not same(cell, (w1, 1), (w8 + 1, 1))
    assert cell(w1, 1)._tc.vMerge == "restart"
    assert same(cell, (first, 1), (first, 2))  # （一）予以公开 spans the two inner label columns
    assert same(cell, (3, 0), (3, 2))  # 一、… spans all three label columns


def test_tables_2_and_4(document):
    t2, t4 = grid(document.tables[0]), grid(document.tables[2])
    assert t2(0, 0).text == "第二十条第（一）项" and same(t2, (0, 0), (0, 3))
    assert [t2(1, c).text for c in range(4)] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert t4(0, 0).text == "行政复议" and same(t4, (0, 0), (1, 4))
    assert t4(0, 5).text == "行政诉讼" and same(t4, (0, 5), (0, 14))
    assert t4(1, 5).text == "未经复议直接起诉" and t4(1, 10).text == "复议后起诉"
    assert [t4(2, c).text for c in range(5)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [t4(3, c).text for c in range(15)] == ["0"] * 15
