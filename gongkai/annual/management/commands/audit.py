"""`gongkai audit FILE [--json] [--format 2019|2021|legacy] [--year YYYY] [--previous FILE]
[--xlsx OUT.xlsx] [--html OUT.html]`: audit an annual report.

FILE is a path to a text, HTML, DOCX or PDF file, or `-` for standard input. Exit status 1 when the report has
findings of severity error. URLs are not fetched.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from gongkai.annual.audit.export import to_html, to_xlsx
from gongkai.annual.audit.readers import read_bytes, read_path
from gongkai.annual.audit.report import audit_path, audit_read, has_errors
from gongkai.annual.formats import FORMATS


class Command(BaseCommand):
    help = "Audit a published annual report (政府信息公开工作年度报告): recovered tables and findings."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a .txt/.html/.docx/.pdf file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="print the JSON result (docs/audit-json.md)")
        parser.add_argument("--format", choices=sorted(FORMATS), help="skip format detection")
        parser.add_argument("--year", type=int, help="report year, when the text does not say")
        parser.add_argument(
            "--xlsx", metavar="FILE", help="also write the recovered tables and findings as XLSX"
        )
        parser.add_argument(
            "--html", metavar="FILE", help="also write the text with the findings highlighted"
        )
        parser.add_argument(
            "--previous", metavar="FILE", help="last year's report: check 上年结转 against its 结转下年度"
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
        if has_errors(result):
            raise SystemExit(1)


def render(result: dict) -> str:
    lines = [
        f"format {result['format']} (by {result['format_detected_by']}), year {result['year']}, "
        f"{result['characters']} characters",
    ]
    missing = [s["title"] for s in result["sections"] if not s["present"]]
    if missing:
        lines.append("sections not found: " + "、".join(missing))
    t3 = (result["tables"] or {}).get("table3")
    if t3:
        lines.append(f"table 3: {len(t3['rows'])} rows recovered, {len(t3['ambiguous_rows'])} ambiguous")
    for f in result["findings"]:
        where = f" @{f['span'][0]}" if f["span"] else ""
        lines.append(f"{f['severity']:7} {f['rule']}{where}: {f['message']}")
        if f["excerpt"]:
            lines.append(f"        「{f['excerpt']}」")
    s = result["summary"]
    lines.append(f"{s['error']} error(s), {s['warning']} warning(s), {s['note']} note(s)")
    return "\n".join(lines)
