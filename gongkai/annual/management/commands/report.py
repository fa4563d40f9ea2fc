"""`gongkai report build ORGAN_CODE YEAR --out DIR [--subtree]`: compile the annual report from the facts.

Writes `report.json` (the tables with the row keys of docs/audit-json.md, plus organ, year, format and the
problems that block publication), `report.xlsx` (one sheet per table, row labels from the format schema) and
the report itself as `report.html`, `report.docx` and `report.pdf` (`gongkai.annual.render`, with the drafted
narrative).
"""

import json
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.annual.compile import LEGACY_FIRST_YEAR, compile_report, legacy_outcomes, to_json
from gongkai.annual.formats.base import table_name
from gongkai.annual.render.docx import render_docx
from gongkai.annual.render.html import render_page
from gongkai.annual.render.pdf import render_pdf
from gongkai.annual.rollup import roll_up
from gongkai.organs.models import Organ


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _("生成政府信息公开工作年度报告（统计表由系统数据自动汇总）。")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser(
            "build", help=_("生成report.html、report.docx、report.pdf、report.xlsx和report.json")
        )
        build.add_argument("organ_code", help=_("机关的机构代码"))
        build.add_argument("year", type=int, help=_("报告年度"))
        build.add_argument("--out", required=True, help=_("输出目录"))
        build.add_argument("--subtree", action="store_true", help=_("汇总该机关及其全部下级机关"))

    def handle(self, *args, action, organ_code, year, out, subtree, **options):
        organ = Organ.objects.filter(org_code=organ_code.strip().upper()).first()
        if organ is None:
            raise CommandError(_("未找到机构代码为%(code)s的机关。") % {"code": organ_code})
        this_year = timezone.localdate().year
        if not LEGACY_FIRST_YEAR <= year <= this_year:
            raise CommandError(
                _("年度应在%(first)s至%(last)s之间（2019年以前的年度按2008年条例的叙述式报告生成）。")
                % {"first": LEGACY_FIRST_YEAR, "last": this_year}
            )
        try:
            rollup = roll_up(organ, year) if subtree else None
            report = rollup.total if rollup else compile_report([organ], year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        json_path = directory / "report.json"
        json_path.write_text(
            json.dumps(to_json(report, organ, subtree, rollup), ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
        xlsx_path = directory / "report.xlsx"
        write_xlsx(report, xlsx_path, rollup)
        html_path = directory / "report.html"
        html_path.write_text(render_page(report), encoding="utf-8")
        docx_path = directory / "report.docx"
        docx_path.write_bytes(render_docx(report))
        pdf_path = directory / "report.pdf"
        pdf_path.write_bytes(render_pdf(report))
        for path in (json_path, xlsx_path, html_path, docx_path, pdf_path):
            self.stdout.write(_("已写入 %(path)s") % {"path": path})
        if report.problems:
            self.stdout.write(
                _("存在%(n)s个问题，报告尚不能发布（见report.json的problems）。")
                % {"n": len(report.problems)}
            )


def write_xlsx(report, path: Path, rollup=None) -> None:
    """One sheet per table (表二, 表三, 表四) with the row and column labels of the format schema, then the
    problems and, for a roll-up, the per-organ comparison."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    fmt = report.format
    if fmt.name == "legacy":  # no national tables: the figures of the narrative
        sheet = book.create_sheet(_("办理情况"))
        sheet.append([_("项目"), _("数量")])
        for key, n in legacy_outcomes(report).items():
            sheet.append([key, n])
        for key, n in report.consultations.items():
            sheet.append([f"consultations.{key}", n])
    for key in () if fmt.name == "legacy" else ("table2", "table3", "table4"):
        table = fmt.table(key)
        sheet = book.create_sheet(str(table_name(key)))
        filled = report.tables[key]
        if key == "table2":
            for row in table.rows:
                columns = table.columns_of(row)
                sheet.append([row.group, row.label, *(str(c.label) for c in columns)])
                sheet.append(["", "", *(_xlsx_cell(c) for c in filled[row.key])])
            continue
        sheet.append(["", "", *(str(c.label) for c in table.columns)])
        for row in table.rows:
            sheet.append([row.group, f"{row.number}{row.label}", *filled[row.key]])
    problems = book.create_sheet(_("问题"))
    problems.append([_("类别"), _("机关"), _("对象"), _("说明")])
    for problem in report.problems:
        problems.append([problem.kind, problem.organ, problem.ref, problem.message])
    if rollup is not None:
        rows = rollup.comparison()
        sheet = book.create_sheet(_("各机关对比"))
        if rows:
            sheet.append(list(rows[0]))
            for row in rows:
                sheet.append(list(row.values()))
    book.save(path)


def _xlsx_cell(value):
    return float(value) if isinstance(value, Decimal) else value
