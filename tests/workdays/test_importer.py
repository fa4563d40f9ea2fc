"""Importing a year's State Council notice from a short transcription: all or nothing, bad lines named."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from gongkai.workdays.actions import do_set_calendar_day
from gongkai.workdays.counting import add_working_days, is_workday
from gongkai.workdays.importer import NoticeError, import_notice, parse_notice
from gongkai.workdays.models import CalendarDay, CalendarYear, DayKind, Source
from gongkai.workdays.signals import calendar_changed

D = dt.date

NOTICE_2027 = """\ufeff# 国务院办公厅关于2027年部分节假日安排的通知（转录示例）
年度,2027
2027-01-01,2027-01-03,元旦
2027-02-05，2027-02-11，春节
2027-02-13,调休上班,春节

2027-02-20\t上班\t春节
2027-04-05,清明节
2027-10-01,2027-10-07,国庆节
2027-09-26,workday,国庆节
"""


def rows(year):
    return CalendarDay.objects.filter(date__year=year)


def test_it_parses_the_documented_format():
    notice = parse_notice(NOTICE_2027)
    assert notice.year == 2027
    assert notice.days[D(2027, 2, 5)][:2] == (DayKind.HOLIDAY, "春节")
    assert notice.days[D(2027, 2, 13)][:2] == (DayKind.ADJUSTED_WORKDAY, "春节")
    assert notice.days[D(2027, 9, 26)][:2] == (DayKind.ADJUSTED_WORKDAY, "国庆节")
    assert len(notice.days) == 3 + 7 + 2 + 1 + 7 + 1


def test_it_imports_a_notice_and_confirms_the_year(root, django_capture_on_commit_callbacks):
    announced = []
    calendar_changed.connect(receiver := lambda sender, first, last, **kw: announced.append((first, last)))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            changes = import_notice(NOTICE_2027, actor=root, note="国办发明电〔2026〕1号")
    finally:
        calendar_changed.disconnect(receiver)
    assert (changes.created, changes.updated, changes.deleted, changes.years_confirmed) == (21, 0, 0, (2027,))
    assert rows(2027).count() == 21
    assert set(rows(2027).values_list("source", flat=True)) == {Source.IMPORT}
    year = CalendarYear.objects.get(year=2027)
    assert (year.confirmed, year.source, year.confirmed_by, year.note) == (
        True,
        Source.IMPORT,
        root,
        "国办发明电〔2026〕1号",
    )
    assert (D(2027, 1, 1), D(2027, 12, 31)) in announced
    assert is_workday(D(2027, 2, 13)) is True
    result = add_working_days(D(2027, 2, 4), 2)
    assert (result.due, result.calendar_confirmed) == (D(2027, 2, 13), True)  # Fri 2/12, then Sat 2/13
    assert [day.date for day in result.counted_adjusted] == [D(2027, 2, 13)]


def test_it_replaces_an_earlier_import_but_keeps_manual_days(root):
    import_notice(NOTICE_2027, actor=root)
    do_set_calendar_day(D(2027, 6, 1), DayKind.HOLIDAY, "地方停工", actor=root)
    corrected = NOTICE_2027.replace("2027-04-05,清明节\n", "2027-04-06,清明节\n")
    changes = import_notice(corrected, actor=root)
    assert (changes.created, changes.updated, changes.deleted) == (1, 20, 1)
    assert not CalendarDay.objects.filter(date=D(2027, 4, 5)).exists()
    assert CalendarDay.objects.get(date=D(2027, 4, 6)).name == "清明节"
    assert CalendarDay.objects.get(date=D(2027, 6, 1)).source == Source.MANUAL


def test_it_replaces_the_package_rows_of_a_year(root):
    import_notice("年度,2026\n2026-02-15,2026-02-23,春节\n2026-02-14,调休上班,春节\n", actor=root)
    assert rows(2026).count() == 10
    assert (
        is_workday(D(2026, 10, 1)) is True
    )  # the package's 国庆节 rows are gone: the notice did not list them


def test_it_accepts_a_new_year_break_that_starts_in_december(root):
    import_notice("年度,2027\n2026-12-31,2027-01-02,元旦\n", actor=root)
    assert CalendarDay.objects.get(date=D(2026, 12, 31)).source == Source.IMPORT


BAD = [
    ("年度,2027\n2027-13-01,元旦\n", ["第2行：“2027-13-01”不是有效的日期"]),
    ("年度,2027\n2027-02-11,2027-02-05,春节\n", ["第2行：结束日期早于开始日期"]),
    ("年度,2027\n2027-02-15,调休上班,春节\n", ["第2行：2027-02-15 是周一至周五"]),
    ("年度,2027\n2027-01-01,元旦\n2027-01-01,2027-01-03,元旦\n", ["第3行：2027-01-01 已在第2行出现"]),
    ("2027-01-01,元旦\n", ["缺少年度行"]),
    ("年度,2027\n2028-01-01,元旦\n", ["第2行：2028-01-01 不在2027年"]),
    ("年度,2027\n2027-01-01,放假,元旦\n", ["第2行：第二栏“放假”既不是日期，也不是“调休上班”"]),
    ("年度,2027\n2027-01-01\n", ["第2行：应为"]),
    ("年度,2027\n2027-01-01,2027-03-01,春节\n", ["第2行：放假区间超过31天"]),
    ("年度,2027\n年度,2028\n2027-01-01,元旦\n", ["第2行：年度只能写一次"]),
    ("年度,二〇二七\n2027-01-01,元旦\n", ["第1行：年度行应写作"]),
    ("# 空的\n年度,2027\n", ["通知中没有任何放假或调休日期"]),
    ("年度,2027\n2027-01-01,元旦\nfoo\n2027-02-05,2027-02-11,\n", ["第3行：", "第4行："]),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[e[0] for _t, e in BAD])
def test_it_names_the_bad_lines_and_writes_nothing(root, text, expected):
    before = CalendarDay.objects.count()
    with pytest.raises(NoticeError) as info:
        import_notice(text, actor=root)
    assert len(info.value.messages) == len(expected)
    for message, start in zip(info.value.messages, expected, strict=True):
        assert message.startswith(start), message
    assert CalendarDay.objects.count() == before
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_refuses_an_import_by_an_organ_admin(dora):
    with pytest.raises(PermissionDenied):
        import_notice(NOTICE_2027, actor=dora)
    assert not rows(2027).exists()


def test_the_command_imports_a_file(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text(NOTICE_2027, encoding="utf-8")
    out = StringIO()
    call_command("workdays", "import", str(path), "--note", "国办发明电〔2026〕1号", stdout=out)
    assert "21 created" in out.getvalue()
    assert CalendarYear.objects.get(year=2027).note == "国办发明电〔2026〕1号"


def test_the_command_reads_standard_input():
    out = StringIO()
    call_command("workdays", "import", "-", stdin=StringIO("年度,2027\n2027-01-01,元旦\n"), stdout=out)
    assert "1 created" in out.getvalue()


def test_the_command_names_the_bad_line_and_imports_nothing(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text(NOTICE_2027 + "2027-10-08,调休上班,国庆节\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第11行：2027-10-08 是周一至周五"):
        call_command("workdays", "import", str(path))
    assert not rows(2027).exists()


def test_the_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("workdays", "import", str(tmp_path / "missing.csv"))
