"""The report generator: table 3 compiled from applications made with the real actions, exact in the 2021 and
2019 formats; table 2 from the organ-year facts; table 4 from appeals; problems explained by the facts that
break an identity; carry-over across two years; the roll-up over a subtree equals the sum of its organs."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from gongkai.annual.compile import (
    Problem,
    carry_over_problems,
    compile_report,
    compile_table3,
)
from gongkai.annual.facts import do_set_fact
from gongkai.annual.formats import by_name, cell_type_errors, evaluate
from gongkai.annual.formats.common import TABLE3_COLUMNS
from gongkai.annual.rollup import add_tables, roll_up
from gongkai.appeals.models import Appeal, AppealKind, Result
from gongkai.applications.actions import (
    do_close_correction_lapsed,
    do_register_application,
    do_reply,
    do_request_correction,
    do_withdraw,
)
from gongkai.applications.models import Application, Channel, Status
from gongkai.workdays.actions import do_seed_from_package
from tests.applications.conftest import org_data, person_data

SHANGHAI = ZoneInfo("Asia/Shanghai")
D = dt.date
COLS = [c.key for c in TABLE3_COLUMNS]


@pytest.fixture(autouse=True)
def calendar(db, time_machine):
    do_seed_from_package(actor=None)
    time_machine.move_to(dt.datetime(2026, 3, 1, 10, tzinfo=SHANGHAI), tick=False)


def make(organ, kind, received, closed=None, outcome=None):
    """An application received in person on `received` by the system (actor None), closed with the action
    its outcome calls for: 逾期不补正 (other_1) after a correction notice, withdrawal (other_3), else a reply."""
    data = person_data() if kind == "person" else org_data(kind=kind)
    app = do_register_application(
        organ=organ, actor=None, channel=Channel.IN_PERSON, data=data, submitted_on=received
    )
    if closed is None:
        return app
    if outcome == "other_1":
        app = do_request_correction(
            app,
            actor=None,
            on=received,
            respond_by=received + dt.timedelta(days=5),
            items="请写明所需信息的名称",
        )
        return do_close_correction_lapsed(app, actor=None, on=closed)
    if outcome == "other_3":
        return do_withdraw(app, actor=None, on=closed)
    return do_reply(app, actor=None, outcome=outcome, on=closed)


def table(fmt, cells):
    """A table 3 of `fmt` with the given {(row, column key): n}, the 总计 column filled in."""
    out = {key: [0] * 7 for key in by_name(fmt).table("table3").row_keys}
    for (row, col), n in cells.items():
        out[row][COLS.index(col)] = n
    for row in out.values():
        row[-1] = sum(row[:-1])
    return out


@pytest.fixture
def year_2025(organ):
    """Every cell known: 2 carried in from 2024, 9 received in 2025, 8 closed in 2025, 3 carried out."""
    make(organ, "person", D(2024, 5, 1), D(2024, 6, 1), "granted")  # a 2024 case only
    make(organ, "person", D(2024, 11, 20), D(2025, 1, 10), "granted")
    make(organ, "business", D(2024, 12, 20))  # open through 2025
    make(organ, "person", D(2025, 2, 10), D(2025, 3, 3), "granted")
    make(organ, "person", D(2025, 3, 3), D(2025, 3, 20), "partial")
    make(organ, "research", D(2025, 4, 1), D(2025, 4, 20), "withheld_4")
    make(organ, "nonprofit", D(2025, 5, 6), D(2025, 5, 20), "unable_1")
    make(organ, "legal_service", D(2025, 6, 3), D(2025, 6, 20), "not_processed_2")
    make(organ, "other_org", D(2025, 7, 1), D(2025, 7, 30), "other_1")
    make(organ, "person", D(2025, 8, 4), D(2025, 8, 10), "other_3")
    make(organ, "business", D(2025, 12, 15), D(2026, 1, 10), "granted")  # closed the next year
    make(organ, "person", D(2025, 12, 30))  # still open
    # Withdrawn before its receipt was confirmed: never received, not counted.
    online = do_register_application(
        organ=organ, actor=None, channel=Channel.ONLINE, data=person_data(), submitted_on=D(2025, 9, 1)
    )
    do_withdraw(online, actor=None, on=D(2025, 9, 2))
    return organ


EXPECTED_2025 = {
    ("new", "person"): 4,
    ("new", "business"): 1,
    ("new", "research"): 1,
    ("new", "nonprofit"): 1,
    ("new", "legal_service"): 1,
    ("new", "other_org"): 1,
    ("carried_in", "person"): 1,
    ("carried_in", "business"): 1,
    ("granted", "person"): 2,
    ("partial", "person"): 1,
    ("withheld_4", "research"): 1,
    ("unable_1", "nonprofit"): 1,
    ("not_processed_2", "legal_service"): 1,
    ("total", "person"): 4,
    ("total", "research"): 1,
    ("total", "nonprofit"): 1,
    ("total", "legal_service"): 1,
    ("total", "other_org"): 1,
    ("carried_out", "person"): 1,
    ("carried_out", "business"): 2,
}


def test_table3_of_a_known_year_in_the_2021_format(year_2025):
    report = compile_report([year_2025], 2025)
    assert report.format.name == "2021"
    expected = table("2021", {**EXPECTED_2025, ("other_1", "other_org"): 1, ("other_3", "person"): 1})
    assert report.table3 == expected
    assert [p for p in report.problems if p.kind in ("identity", "application", "carry_over")] == []


def test_table3_in_the_2019_format_folds_the_other_rows(year_2025):
    table3, problems = compile_table3([year_2025.pk], 2025, by_name("2019"), {})
    assert table3 == table("2019", {**EXPECTED_2025, ("other", "other_org"): 1, ("other", "person"): 1})
    assert problems == []


def test_a_2020_report_follows_the_2019_trial_format(organ):
    make(organ, "person", D(2020, 6, 1), D(2020, 6, 10), "other_3")
    report = compile_report([organ], 2020)
    assert report.format.name == "2019"
    assert report.table3["other"] == [1, 0, 0, 0, 0, 0, 1]
    # The 2019 table 2 asks for columns no fact feeds (新制作/新公开…): reported missing, never invented.
    assert report.table2["regulations"] == [None, None, None]
    assert any(p.kind == "missing_fact" and p.ref == "procurement" for p in report.problems)


def test_carry_over_across_two_years(year_2025):
    last, this = compile_report([year_2025], 2024), compile_report([year_2025], 2025)
    assert last.table3["carried_out"] == this.table3["carried_in"] == [1, 1, 0, 0, 0, 0, 2]
    assert last.table3["new"] == [2, 1, 0, 0, 0, 0, 3]
    assert not [p for p in this.problems if p.kind == "carry_over"]


def test_the_carry_over_checker_names_each_column_that_differs():
    previous = {"carried_out": [2, 0, 0, 0, 0, 0, 2]}
    current = {"carried_in": [1, 0, 0, 0, 0, 1, 2]}
    problems = carry_over_problems(previous, current)
    assert [p.ref for p in problems] == ["person", "other_org"]
    assert all(p.kind == "carry_over" for p in problems)
    assert "上年结转为1，而上一年度的结转下年度为2" in problems[0].message


def test_a_closed_application_without_outcome_is_named_in_the_identity_failure(organ):
    app = make(organ, "person", D(2025, 3, 3))
    Application.objects.filter(pk=app.pk).update(status=Status.CLOSED, closed_on=D(2025, 3, 10), outcome="")
    report = compile_report([organ], 2025)
    failures = [p for p in report.problems if p.kind == "identity"]
    assert {p.ref for p in failures} == {"table3.balance"}
    assert all(f"申请{app.tracking_code}已办结但没有办理结果" in p.message for p in failures)
    assert any(p.kind == "application" and p.ref == app.tracking_code for p in report.problems)


def test_an_application_closed_before_it_was_received_is_reported(organ):
    counted = make(organ, "person", D(2025, 3, 3))
    lost = make(organ, "person", D(2025, 3, 4))
    Application.objects.filter(pk=counted.pk).update(
        status=Status.CLOSED, closed_on=D(2025, 3, 1), outcome="granted"
    )
    Application.objects.filter(pk=lost.pk).update(
        status=Status.CLOSED, closed_on=D(2024, 12, 1), outcome="granted"
    )
    report = compile_report([organ], 2025)
    refs = [p.ref for p in report.problems if p.kind == "application"]
    assert sorted(refs) == sorted([counted.tracking_code, lost.tracking_code])
    assert report.table3["new"][0] == 1  # the one closed the year before is in no year's table


def test_table2_from_facts_none_stays_missing(organ):
    do_set_fact(organ, 2025, "licensing_decisions", 12, None)
    do_set_fact(organ, 2025, "fees_amount", "3.25", None)
    do_set_fact(organ, 2025, "rules_issued", 0, None)
    do_set_fact(organ, 2025, "staff_full_time", 2, None)
    report = compile_report([organ], 2025)
    assert report.table2["licensing"] == [12]
    assert report.table2["fees"] == [Decimal("3.25")]
    assert report.table2["regulations"] == [0, None, None]
    assert report.narrative_facts["staff_full_time"] == Decimal("2.00")
    assert report.narrative_facts["training_sessions"] is None
    missing = {p.ref for p in report.problems if p.kind == "missing_fact"}
    assert missing == {"regulations", "normative_documents", "penalty", "enforcement"}


def test_table4_from_appeals(organ):
    Appeal.objects.create(
        organ=organ,
        kind=AppealKind.REVIEW,
        received_on=D(2025, 2, 1),
        result=Result.UPHELD,
        closed_on=D(2025, 4, 1),
    )
    Appeal.objects.create(organ=organ, kind=AppealKind.LAWSUIT_DIRECT, received_on=D(2025, 5, 1))
    report = compile_report([organ], 2025)
    assert report.table4 == {
        "review": [1, 0, 0, 0, 1],
        "lawsuit_direct": [0, 0, 0, 1, 1],
        "lawsuit_after_review": [0, 0, 0, 0, 0],
    }


def test_roll_up_equals_the_report_over_the_union(organs):
    kaifu, dongfeng, bangtang = organs["kaifu"], organs["dongfeng"], organs["bangtang"]
    make(dongfeng, "person", D(2024, 12, 1), D(2025, 1, 5), "granted")
    make(dongfeng, "business", D(2025, 2, 3), D(2025, 2, 20), "unable_1")
    make(bangtang, "person", D(2025, 4, 1))
    make(kaifu, "research", D(2025, 6, 2), D(2025, 6, 9), "partial")
    make(organs["furong"], "person", D(2025, 6, 2), D(2025, 6, 9), "granted")  # outside the subtree
    do_set_fact(bangtang, 2025, "licensing_decisions", 4, None)
    do_set_fact(kaifu, 2025, "licensing_decisions", 6, None)

    rollup = roll_up(kaifu, 2025)
    assert {r.organs[0].pk for r in rollup.per_organ} == {kaifu.pk, dongfeng.pk, bangtang.pk}
    summed = add_tables(rollup.per_organ)
    assert summed["table3"] == rollup.total.table3
    assert summed["table4"] == rollup.total.table4
    assert rollup.total.table3 == compile_report([kaifu, dongfeng, bangtang], 2025).table3
    assert rollup.total.table3["new"][-1] == 3 and rollup.total.table3["carried_in"][-1] == 1
    assert rollup.total.table2["licensing"] == [10]
    comparison = {row["organ"]: row for row in rollup.comparison()}
    assert comparison[dongfeng.org_code]["new"] == 1 and comparison[dongfeng.org_code]["carried_in"] == 1
    assert comparison[bangtang.org_code]["carried_out"] == 1
    # Nobody entered every fact: all three organs have open problems.
    assert {row["organ"] for row in rollup.with_problems()} == set(comparison)


def test_problems_serialise():
    problem = Problem("identity", "表三…", "ORG", "table3.balance")
    assert problem.as_dict() == {
        "kind": "identity",
        "message": "表三…",
        "organ": "ORG",
        "ref": "table3.balance",
    }


def test_a_year_before_the_2008_regulation_is_refused(organ):
    with pytest.raises(ValueError, match="2007"):
        compile_report([organ], 2007)


def test_identities_hold_on_the_json_tables(year_2025):
    report = compile_report([year_2025], 2025)
    tables = {"table3": report.table3, "table4": report.table4}
    assert evaluate(report.format, tables) == []
    assert cell_type_errors(report.format, tables) == []


def test_year_boundaries(organ):
    make(organ, "person", D(2024, 12, 31), D(2025, 1, 1), "granted")  # carried in, closed on 1 January
    make(organ, "person", D(2025, 1, 1), D(2025, 12, 31), "partial")  # new, closed on 31 December
    make(organ, "person", D(2025, 12, 31), D(2026, 1, 1), "granted")  # new, carried out
    t3 = compile_report([organ], 2025).table3
    assert [t3[row][0] for row in ("new", "carried_in", "granted", "partial", "total", "carried_out")] == [
        2,
        1,
        1,
        1,
        2,
        1,
    ]
    assert compile_report([organ], 2024).table3["carried_out"][0] == 1
