"""`report build` writes all five files; the PDF (one WeasyPrint render, read back with pypdf) holds the title
and the key numbers, embeds a CJK font and the charts as vector graphics."""

import io
import re

from django.core.management import call_command
from pypdf import PdfReader

from tests.annual import test_compile

# The generator's fixtures: the autouse calendar (time frozen in 2026) and the 2025 applications.
calendar = test_compile.calendar
year_2025 = test_compile.year_2025

FILES = ("report.json", "report.xlsx", "report.html", "report.docx", "report.pdf")


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def test_build_writes_all_five_files_and_a_readable_pdf(year_2025, tmp_path):
    out = io.StringIO()
    call_command("report", "build", year_2025.org_code, "2025", "--out", str(tmp_path), stdout=out)
    for name in FILES:
        assert (tmp_path / name).stat().st_size > 0
        assert f"已写入 {tmp_path / name}" in out.getvalue()
    assert "尚未实现" not in out.getvalue()

    reader = PdfReader(tmp_path / "report.pdf")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert f"{year_2025.name}2025年政府信息公开工作年度报告" in text
    assert "共收到政府信息公开申请9件，上年结转2件" in text
    assert "本列数据的勾稽关系为" in text and "法人或其他组织" in text
    assert "三、收到和处理政府信息公开申请情况" in text
    assert any("CJK" in name for name in font_names(reader))
    assert "2025年政府信息公开申请办理结果" in text  # chart title drawn as text

    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and html.count("<svg ") == 3
