"""`gongkai audit FILE [--json] [--format 2019|2021|legacy] [--year YYYY] [--previous FILE]
[--xlsx OUT.xlsx] [--html OUT.html]`: audit an annual report.

FILE is a path to a text, HTML, DOCX or PDF file, or `-` for standard input. Exit status 1 when the report has
findings of severity error. URLs are not fetched.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gongkai.annual.audit.export import to_html, to_xlsx
from gongkai.annual.audit.findings import SEVERITIES
from gongkai.annual.audit.readers import read_bytes, read_path
from gongkai.annual.audit.report import audit_path, audit_read
from gongkai.annual.formats import FORMATS


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a property, not gettext_lazy: argparse needs a real str for the description
        return _("审核已发布的政府信息公开工作年度报告：输出识别出的统计表和审核发现。")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("报告文件（.txt/.html/.docx/.pdf）的路径，- 表示从标准输入读取"))
        parser.add_argument(
            "--json", action="store_true", help=_("输出JSON格式的审核结果（见docs/audit-json.md）")
        )
        parser.add_argument("--format", choices=sorted(FORMATS), help=_("指定报告格式，不自动判定"))
        parser.add_argument("--year", type=int, help=_("报告年度（正文未写明时使用）"))
        parser.add_argument("--xlsx", metavar="FILE", help=_("同时将识别出的统计表和审核发现写入XLSX文件"))
        parser.add_argument("--html", metavar="FILE", help=_("同时输出标出审核发现的报告全文（HTML）"))
        parser.add_argument(
            "--previous", metavar="FILE", help=_("上一年度报告：核对本年“上年结转”与其“结转下年度”")
        )
        parser.add_argument(
            "--fail-on",
            choices=SEVERITIES,
            default="note",
            help=_("有此级别或更严重的审核发现时退出码为1（默认：有任何审核发现即为1）"),
        )

    def handle(self, *args, **options):
        if options["file"] == "-":
            read = read_bytes(sys.stdin.buffer.read(), "stdin")
        else:
            read = read_path(options["file"])
        previous = audit_path(options["previous"]) if options["previous"] else None
        result = audit_read(read, year=options["year"], format_name=options["format"], previous=previous)
        if options["xlsx"]:
            Path(options["xlsx"]).write_bytes(to_xlsx(result))
        if options["html"]:
            Path(options["html"]).write_text(to_html(read.text, result), encoding="utf-8")
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render(result))
        worst = SEVERITIES.index(options["fail_on"])
        if any(SEVERITIES.index(f["severity"]) <= worst for f in result["findings"]):
            raise SystemExit(1)


def detected_by(by: str) -> str:
    """How the format was chosen (Detection.by), in words."""
    names = {
        "headers": _("依据表头判定"),
        "year": _("依据报告年度判定"),
        "override": _("由命令行指定"),
        "default": _("无法判定，采用默认格式"),
    }
    return names.get(by, by)


def render(result: dict) -> str:
    lines = [
        _("格式：%(format)s（%(by)s），年度：%(year)s，共%(characters)s个字符")
        % {
            "format": result["format"],
            "by": detected_by(result["format_detected_by"]),
            "year": result["year"] if result["year"] is not None else _("未知"),
            "characters": result["characters"],
        },
    ]
    missing = [s["title"] for s in result["sections"] if not s["present"]]
    if missing:
        lines.append(_("未找到章节：%(sections)s") % {"sections": "、".join(missing)})
    t3 = (result["tables"] or {}).get("table3")
    if t3:
        lines.append(
            _("表三：识别出%(rows)s行，%(ambiguous)s行有歧义")
            % {"rows": len(t3["rows"]), "ambiguous": len(t3["ambiguous_rows"])}
        )
    for f in result["findings"]:
        where = f" @{f['span'][0]}" if f["span"] else ""
        lines.append(f"{f['severity']:7} {f['rule']}{where}: {f['message']}")
        if f["excerpt"]:
            lines.append(f"        「{f['excerpt']}」")
    s = result["summary"]
    lines.append(_("错误%(error)s项，警告%(warning)s项，提示%(note)s项") % s)
    return "\n".join(lines)
