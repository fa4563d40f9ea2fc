"""`gongkai workdays seed | import FILE | years | add START DAYS`: maintain and query the working-day calendar."""

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.workdays.actions import do_seed_from_package
from gongkai.workdays.counting import add_working_days
from gongkai.workdays.importer import NoticeError, import_notice
from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = "Maintain the working-day calendar: seed from chinesecalendar, import a State Council notice, list years."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser(
            "seed", help="Bring the calendar up to date with the installed chinesecalendar (idempotent)."
        )
        imp = sub.add_parser(
            "import", help="Import a year's notice from a text/CSV transcription (see importer.py)."
        )
        imp.add_argument("file", help="UTF-8 text file, or - for standard input")
        imp.add_argument("--note", default="", help="e.g. the notice's document number (文号)")
        sub.add_parser("years", help="List the years of the calendar and whether each is confirmed.")
        add = sub.add_parser("add", help="The n-th working day after a date.")
        add.add_argument("start", type=dt.date.fromisoformat)
        add.add_argument("days", type=int)

    def handle(self, *args, subcommand, **options):
        getattr(self, f"handle_{subcommand}")(**options)

    def handle_seed(self, **options):
        self.stdout.write(str(do_seed_from_package(actor=None)))

    def handle_import(self, *, file, note, **options):
        stdin = options.get("stdin") or sys.stdin
        try:
            text = stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from None
        try:
            changes = import_notice(text, actor=None, note=note)
        except NoticeError as exc:
            raise CommandError("nothing imported:\n" + "\n".join(exc.messages)) from None
        self.stdout.write(str(changes))

    def handle_years(self, **options):
        counts = {}
        for date, kind in CalendarDay.objects.values_list("date", "kind"):
            holidays, adjusted = counts.get(date.year, (0, 0))
            counts[date.year] = (
                holidays + (kind == DayKind.HOLIDAY),
                adjusted + (kind == DayKind.ADJUSTED_WORKDAY),
            )
        rows = {row.year: row for row in CalendarYear.objects.all()}
        for year in sorted(set(counts) | set(rows)):
            row = rows.get(year)
            state = "confirmed" if row is not None and row.confirmed else "UNCONFIRMED"
            source = row.source if row is not None else "-"
            holidays, adjusted = counts.get(year, (0, 0))
            self.stdout.write(
                f"{year} {state} source={source} holidays={holidays} adjusted_workdays={adjusted}"
            )

    def handle_add(self, *, start, days, **options):
        try:
            result = add_working_days(start, days)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        flag = "" if result.calendar_confirmed else " (calendar unconfirmed)"
        self.stdout.write(f"{result.due.isoformat()}{flag}")
        for day in result.skipped:
            self.stdout.write(f"  skipped {day.date.isoformat()} {day.name}")
        for day in result.counted_adjusted:
            self.stdout.write(f"  counted {day.date.isoformat()} {day.name} (调休上班)")
