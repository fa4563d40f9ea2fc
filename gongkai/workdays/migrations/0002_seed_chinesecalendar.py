"""Seed the calendar from the installed chinesecalendar package, so that a fresh `migrate` has it.

Later package releases are picked up with `gongkai workdays seed` (idempotent)."""

from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.workdays.seed import covered_years, package_version, seed_days

    CalendarDay = apps.get_model("workdays", "CalendarDay")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    note = f"chinesecalendar {package_version()}"
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(date=day.date, kind=day.kind, name=day.name, source="chinesecalendar", note=note)
            for day in seed_days()
        ],
        batch_size=500,
        ignore_conflicts=True,
    )
    CalendarYear.objects.bulk_create(
        [CalendarYear(year=year, confirmed=True, source="chinesecalendar", note=note) for year in covered_years()],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("workdays", "CalendarDay").objects.filter(source="chinesecalendar").delete()
    apps.get_model("workdays", "CalendarYear").objects.filter(source="chinesecalendar").delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
