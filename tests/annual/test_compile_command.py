"""`gongkai report build ORGAN_CODE YEAR --out DIR [--subtree]`: report.json with the row keys of
docs/audit-json.md, whose tables pass the auditor's identity checks, and report.xlsx that openpyxl reads back."""

import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from gongkai.annual.facts import do_set_fact
from gongkai.annual.formats import by_name, cell_type_errors, evaluate
from gongkai.annual.formats.common import table4_from_flat
from gongkai.applications.actions import do_register_application, do_reply
from gongkai.applications.models import Channel
from gongkai.workdays.actions import do_seed_from_package
from tests.applications.conftest import org_data, person_data

SHANGHAI = ZoneInfo("Asia/Shanghai")

ROWS_2021 = [
    "new",
    "carried_in",
    "granted",
    "partial",
    *(f"withheld_{i}" for i in range(1, 9)),
    *(f"unable_{i}" for i in range(1, 4)),
    *(f"not_processed_{i}" for i in range(1, 6)),
    *(f"other_{i}" for i in range(1, 4)),
    "total",
    "carried_out",
]


@pytest.fixture(autouse=True)
def calendar(db, time_machine):
    do_seed_from_package(actor=None)
    time_machine.move_to(dt.datetime(2026, 3, 1, 10, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def applications(organs):
    for organ, data, received, outcome in (
        (organs["dongfeng"], person_data(), dt.date(2025, 3, 2), "granted"),
        (organs["dongfeng"], org_data(), dt.date(2025, 4, 1), None),
        (organs["bangtang"], person_data(), dt.date(2025, 5, 6), "unable_1"),
    ):
        app = do_register_application(
            organ=organ, actor=None, channel=Channel.IN_PERSON, data=data, submitted_on=received
        )
        if outcome:
            do_reply(app, actor=None, outcome=outcome, on=received + dt.timedelta(days=7))
    do_set_fact(organs["dongfeng"], 2025, "fees_amount", "1.50", None)


def build(*args):
    out = io.StringIO()
    call_command("report", "build", *args, stdout=out)
    return out.getvalue()


def test_build_writes_report_json_and_xlsx(applications, organ, tmp_path):
    output = build(organ.org_code, "2025", "--out", str(tmp_path))
    assert "report.json" in output and "report.xlsx" in output
    assert "report.docx" in output  # written
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert (data["organ"]["code"], data["year"], data["format"]) == (organ.org_code, 2025, "2021")
    rows = data["tables"]["table3"]["rows"]
    assert list(rows) == ROWS_2021
    assert all(len(cells) == 7 for cells in rows.values())
    assert rows["new"] == [1, 1, 0, 0, 0, 0, 2]
    assert rows["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["carried_out"] == [0, 1, 0, 0, 0, 0, 1]
    assert data["tables"]["table4"] == [0] * 15
    assert data["tables"]["table2"]["rows"]["fees"] == [1.5]
    assert data["tables"]["table2"]["rows"]["licensing"] == [None]
    assert {p["kind"] for p in data["problems"]} == {"missing_fact"}

    # The auditor's checks on the generator's tables: every identity holds, every cell has its type.
    fmt = by_name(data["format"])
    tables = {"table3": rows, "table4": table4_from_flat(data["tables"]["table4"])}
    assert evaluate(fmt, tables) == []
    assert cell_type_errors(fmt, tables) == []

    book = load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames[:3] == ["表二", "表三", "表四"]
    sheet3 = list(book["表三"].iter_rows(values_only=True))
    assert sheet3[1][1] == "一、本年新收政府信息公开申请数量"
    assert list(sheet3[1][2:]) == [1, 1, 0, 0, 0, 0, 2]
    assert len(sheet3) == 1 + len(ROWS_2021)


def test_build_subtree_rolls_up_with_a_comparison(applications, organs, tmp_path):
    build(organs["dongfeng"].org_code, "2025", "--out", str(tmp_path), "--subtree")
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["subtree"] is True
    assert data["tables"]["table3"]["rows"]["new"][-1] == 3
    assert [row["organ"] for row in data["comparison"]] == [
        organs["dongfeng"].org_code,
        organs["bangtang"].org_code,
    ]
    assert "各机关对比" in load_workbook(tmp_path / "report.xlsx").sheetnames


def test_unknown_organ_and_years_out_of_range_are_refused(organ, tmp_path):
    with pytest.raises(CommandError, match="未找到机构代码"):
        build("NOSUCHORGAN", "2025", "--out", str(tmp_path))
    for year in ("2007", "2027"):
        with pytest.raises(CommandError, match="年度应在2008至2026之间"):
            build(organ.org_code, year, "--out", str(tmp_path))
    assert not (tmp_path / "report.json").exists()
