"""The subtree's report in a roll-up is built from the organs' own figures (no second read of the records,
appeals, enquiries or facts): every total equals the sum of the per-organ figures and equals what
`compile_report` counts over the union of the organs — tables, consultations, records per category and per
month (in the same order), narrative facts and problems — for a 2021-format year and a legacy year."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.annual.compile import compile_report
from gongkai.annual.facts import do_set_fact
from gongkai.annual.rollup import add_tables, roll_up
from gongkai.appeals.models import Appeal, AppealKind, Result
from gongkai.catalog.actions import do_create_category
from gongkai.enquiries.actions import do_log_enquiry
from gongkai.enquiries.models import Channel
from tests.annual import test_compile
from tests.annual.test_compile import SHANGHAI, D, make
from tests.annual.test_records_by_month import at, publish

calendar = test_compile.calendar


def facts_of(year: int, organs, time_machine) -> None:
    """Applications, consultations, appeals, organ-year facts and records of `year` spread over 开福区,
    东风路街道 and 蚌塘社区 (and one of 芙蓉区, outside the subtree)."""
    kaifu, dongfeng, bangtang = organs["kaifu"], organs["dongfeng"], organs["bangtang"]
    make(dongfeng, "person", D(year - 1, 12, 1), D(year, 1, 5), "granted")
    make(dongfeng, "business", D(year, 2, 3), D(year, 2, 20), "unable_1")
    make(bangtang, "person", D(year, 4, 1))
    make(kaifu, "research", D(year, 6, 2), D(year, 6, 9), "partial")
    make(organs["furong"], "person", D(year, 6, 2), D(year, 6, 9), "granted")
    Appeal.objects.create(
        organ=dongfeng,
        kind=AppealKind.REVIEW,
        received_on=D(year, 2, 1),
        result=Result.UPHELD,
        closed_on=D(year, 4, 1),
    )
    Appeal.objects.create(organ=bangtang, kind=AppealKind.LAWSUIT_DIRECT, received_on=D(year, 5, 1))
    time_machine.move_to(dt.datetime(year, 6, 2, 10, tzinfo=SHANGHAI), tick=False)
    for organ, channel in ((dongfeng, Channel.IN_PERSON), (bangtang, Channel.PHONE), (kaifu, Channel.ONLINE)):
        do_log_enquiry(organ=organ, actor=None, channel=channel, topic="公开指南", question="如何申请？")
    time_machine.move_to(dt.datetime(year + 1, 2, 1, 10, tzinfo=SHANGHAI), tick=False)
    do_set_fact(dongfeng, year, "staff_full_time", 2, None)
    do_set_fact(bangtang, year, "staff_full_time", 1, None)
    do_set_fact(dongfeng, year, "disclosure_spending", Decimal("1200.50"), None)
    do_set_fact(bangtang, year, "disclosure_spending", Decimal("300"), None)
    do_set_fact(kaifu, year, "fees_amount", Decimal("1.25"), None)
    publish(dongfeng, at(year, 1, 1, 0, 0), "tzgg")
    publish(dongfeng, at(year, 3, 5, 9, 0), "gzdt", "tzgg")
    publish(bangtang, at(year, 3, 9, 9, 0), "tzgg")
    publish(bangtang, at(year, 12, 31, 23, 59), "gzdt")
    publish(dingwangtai := organs["dingwangtai"], at(year, 3, 9, 9, 0), "tzgg")
    assert dingwangtai.pk not in {o.pk for o in kaifu.subtree()}


def assert_sums(rollup):
    parts, total = rollup.per_organ, rollup.total
    summed = add_tables(parts)
    assert total.table3 == summed["table3"] and total.table4 == summed["table4"]
    assert total.consultations == {k: sum(r.consultations[k] for r in parts) for k in total.consultations}
    names = {name for r in parts for name in r.records_by_category}
    assert total.records_by_category == {
        n: sum(r.records_by_category.get(n, 0) for r in parts) for n in names
    }
    assert total.records_by_month == {
        n: [sum(r.records_by_month.get(n, [0] * 12)[m] for r in parts) for m in range(12)] for n in names
    }
    for key, value in total.narrative_facts.items():
        entered = [r.narrative_facts[key] for r in parts if r.narrative_facts[key] is not None]
        assert value == (sum(entered) if entered else None), key


def assert_same_as_union(rollup, year):
    union = compile_report(list(rollup.root.subtree().order_by("path", "position")), year)
    total = rollup.total
    assert [o.pk for o in total.organs] == [o.pk for o in union.organs]
    assert total.tables == union.tables
    assert total.consultations == union.consultations
    assert list(total.records_by_category.items()) == list(union.records_by_category.items())
    assert list(total.records_by_month.items()) == list(union.records_by_month.items())
    assert total.narrative_facts == union.narrative_facts
    assert total.problems == union.problems


@pytest.mark.parametrize("year", [2025, 2016])
def test_the_subtree_totals_are_the_sums_of_the_organs(organs, time_machine, year):
    facts_of(year, organs, time_machine)
    rollup = roll_up(organs["kaifu"], year)
    assert [r.organs[0].short_name for r in rollup.per_organ] == ["开福区", "东风路街道", "蚌塘社区"]
    assert_sums(rollup)
    assert_same_as_union(rollup, year)
    total = rollup.total
    assert total.table3["new"][-1] == 3 and total.table3["carried_in"][-1] == 1
    assert total.consultations == {"in_person": 1, "phone": 1, "online": 1, "total": 3}
    assert total.records_by_category == {"通知公告": 3, "工作动态": 2}
    assert total.records_by_month["通知公告"] == [1, 0, 2] + [0] * 9
    assert total.narrative_facts["staff_full_time"] == 3
    assert total.narrative_facts["disclosure_spending"] == Decimal("1500.50")
    assert total.narrative_facts["training_sessions"] is None
    assert total.table4["review"][-1] == 1 and total.table4["lawsuit_direct"][-1] == 1
    if year >= 2019:
        assert total.table2["fees"] == [Decimal("1.25")]


def test_each_organ_of_a_legacy_roll_up_is_its_own_report(organs, time_machine):
    facts_of(2016, organs, time_machine)
    rollup = roll_up(organs["kaifu"], 2016)
    assert rollup.total.format.name == "legacy" and rollup.total.table2 == {}
    for report in rollup.per_organ:
        alone = compile_report(report.organs, 2016)
        assert report.tables == alone.tables
        assert report.consultations == alone.consultations
        assert report.records_by_month == alone.records_by_month
        assert report.narrative_facts == alone.narrative_facts
        assert report.problems == alone.problems


def test_a_record_in_two_categories_of_the_same_name_counts_once(organs):
    dongfeng, bangtang = organs["dongfeng"], organs["bangtang"]
    for slug in ("zt1", "zt2"):
        do_create_category(organ=dongfeng, actor=None, name="专题", slug=slug)
    publish(dongfeng, at(2025, 5, 5, 9, 0), "zt1", "zt2", "tzgg")
    publish(dongfeng, at(2025, 5, 6, 9, 0), "zt2")
    publish(bangtang, at(2025, 5, 6, 9, 0), "tzgg", "gzdt")
    rollup = roll_up(organs["kaifu"], 2025)
    own = {r.organs[0].pk: r for r in rollup.per_organ}
    assert own[dongfeng.pk].records_by_category == {"专题": 2, "通知公告": 1}
    assert own[dongfeng.pk].records_by_month["专题"] == [0, 0, 0, 0, 2] + [0] * 7
    assert own[bangtang.pk].records_by_category == {"工作动态": 1, "通知公告": 1}
    for report in rollup.per_organ:
        assert report.records_by_month == compile_report(report.organs, 2025).records_by_month
    assert rollup.total.records_by_category == {"专题": 2, "通知公告": 2, "工作动态": 1}
