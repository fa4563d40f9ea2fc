"""Readers: text, HTML, DOCX (with a real Word table), PDF (WeasyPrint); broken input is a finding, never a crash."""

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual.audit.readers import normalise, read_bytes, read_path
from gongkai.annual.audit.report import audit_bytes, audit_text

FIXTURES = Path(__file__).parent / "fixtures"
ROW_NEW = ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4"]
CJK_CSS = "body { font-family: 'Noto Serif CJK SC'; }"


def rule_list(result):
    return [f["rule"] for f in result.findings] if hasattr(result, "findings") else []


def test_it_normalises_no_break_and_ideographic_spaces():
    assert normalise("一\u00a0二\u3000三\r\n四\u200b") == "一 二 三\n四"


def test_it_reads_utf8_and_gb18030_text():
    text = "政府信息公开工作年度报告 共3件"
    assert read_bytes(text.encode("utf-8"), "a.txt").text == text
    assert read_bytes(text.encode("gb18030"), "a.txt").text == text


def test_it_strips_html_tags_and_keeps_table_cells_apart():
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body><p>一、总体情况</p>"
        "<table><tr>" + "".join(f"<td><p>{c}</p></td>" for c in ROW_NEW) + "</tr></table>"
        "<script>var a = 1;</script></body></html>"
    )
    result = read_bytes(html.encode(), "report.html")
    assert result.kind == "html"
    assert "一、总体情况" in result.text
    assert "var a" not in result.text
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |" in result.text
    assert audit_bytes(html.encode(), "report.html", year=2022)["tables"]["table3"]["rows"]["new"] == [
        3,
        1,
        0,
        0,
        0,
        0,
        4,
    ]


def docx_bytes():
    import docx

    document = docx.Document()
    document.add_paragraph("某某局2022年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=2, cols=8)
    header = ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ROW_NEW, strict=True):
        cell.text = value
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_reads_a_word_table_row_by_row():
    result = read_bytes(docx_bytes(), "report.docx")
    assert result.kind == "docx"
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |" in result.text
    audited = audit_bytes(docx_bytes(), "report.docx")
    assert audited["format"] == "2021"
    assert audited["tables"]["table3"]["rows"]["new"] == [3, 1, 0, 0, 0, 0, 4]


@pytest.fixture(scope="module")
def pdfs():
    from weasyprint import CSS, HTML

    text = (FIXTURES / "f2021-clean-concatenated.txt").read_text()
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    with_text = HTML(string=f"<html><body>{body}</body></html>").write_pdf(stylesheets=[CSS(string=CJK_CSS)])
    blank = HTML(string="<html><body><div style='width:5cm;height:5cm;background:#333'></div></body></html>")
    return {"text": with_text, "image_only": blank.write_pdf()}


def test_it_reads_the_text_layer_of_a_pdf(pdfs):
    result = read_bytes(pdfs["text"], "report.pdf")
    assert result.kind == "pdf"
    assert "（一）予以公开5000005" in result.text
    audited = audit_bytes(pdfs["text"], "report.pdf")
    assert audited["format"] == "2021" and audited["year"] == 2023
    assert audited["tables"]["table3"]["rows"]["total"] == [12, 0, 0, 0, 0, 0, 12]


def test_a_pdf_without_a_text_layer_is_a_finding(pdfs):
    result = audit_bytes(pdfs["image_only"], "scan.pdf")
    assert [f["rule"] for f in result["findings"]] == ["reader.no_text"]
    assert "未提取到文字" in result["findings"][0]["message"]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "empty.txt"),
        (b"%PDF-1.7\n garbage", "broken.pdf"),
        (b"PK\x03\x04 not a zip at all", "broken.docx"),
        (b"\x00\xff\xfe\x80" * 100, "garbage.bin"),
    ],
)
def test_broken_files_become_findings(data, name):
    result = audit_bytes(data, name)
    assert result["summary"]["error"] >= 1
    assert {f["rule"] for f in result["findings"]} & {"reader.no_text", "reader.unreadable", "reader.garbled"}


def test_a_missing_file_is_a_finding(tmp_path):
    result = read_path(tmp_path / "absent.txt")
    assert [f.rule for f in result.findings] == ["reader.unreadable"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.html", "a.pdf", "a.docx", ""]))
def test_fuzz_any_bytes_never_raise(data, name):
    result = audit_bytes(data, name)
    assert set(result) >= {"format", "year", "sections", "tables", "findings"}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b""]), st.binary(max_size=2000))
def test_fuzz_files_that_look_like_a_known_kind(prefix, rest):
    audit_bytes(prefix + rest, "upload")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="一二三四五六七八九十（）、.0123456789 |\n总计其中共件条申请本年新收政府信息公开数量",
        max_size=600,
    )
)
def test_fuzz_report_like_text_never_raises(text):
    audit_text(text)


def test_ten_megabytes_of_text_is_read_and_audited():
    import time

    unit = (FIXTURES / "legacy-clean.txt").read_text()
    text = (unit * (10_000_000 // len(unit) + 1))[:10_000_000]
    started = time.perf_counter()
    result = audit_text(text)
    assert result["characters"] == 10_000_000
    assert time.perf_counter() - started < 15


def test_merged_word_cells_are_read_once():
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=8)
    merged = table.cell(0, 2).merge(table.cell(0, 6))
    merged.text = "法人或其他组织"
    table.cell(0, 0).text = "申请人情况"
    table.cell(0, 1).text = "自然人"
    table.cell(0, 7).text = "总计"
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue(), "merged.docx").text
    assert text == "| 申请人情况 | 自然人 | 法人或其他组织 | 总计 |"
