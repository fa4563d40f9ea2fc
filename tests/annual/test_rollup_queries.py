"""The roll-up reads the subtree with a constant number of queries, and each organ's report in it is exactly
the one `compile_report` makes for that organ alone (problems and carry-over check included)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.annual.compile import compile_report
from gongkai.annual.facts import do_set_fact
from gongkai.annual.rollup import roll_up
from gongkai.organs.actions import do_create_organ
from gongkai.organs.models import Organ
from gongkai.organs.validators import uscc_check_char
from tests.annual.test_compile import D, make


def _code(n: int) -> str:
    first17 = f"114301{n:011d}"
    return first17 + uscc_check_char(first17)


def _district(n: int) -> Organ:
    """A district with `n` subdistricts under it."""
    root = do_create_organ(
        actor=None, parent=None, level=Organ.Level.DISTRICT, name=f"测试区{n}", org_code=_code(n * 1000)
    )
    for i in range(1, n):
        do_create_organ(
            actor=None,
            parent=root,
            level=Organ.Level.SUBDISTRICT,
            name=f"测试街道{n}-{i}",
            org_code=_code(n * 1000 + i),
        )
    return root


def _queries(root: Organ) -> int:
    with CaptureQueriesContext(connection) as ctx:
        rollup = roll_up(root, 2025)
    assert len(rollup.per_organ) == root.subtree().count()
    return len(ctx.captured_queries)


def test_roll_up_queries_do_not_grow_with_the_organs(db):
    small, large = _district(3), _district(30)
    for root in (small, large):
        for organ in root.subtree()[:3]:
            make(organ, "person", D(2025, 3, 3), D(2025, 3, 20), "granted")
    assert _queries(small) == _queries(large)
    assert _queries(large) <= 20


def test_each_organ_of_the_roll_up_is_its_own_report(organs):
    kaifu, dongfeng, bangtang = organs["kaifu"], organs["dongfeng"], organs["bangtang"]
    make(dongfeng, "person", D(2023, 12, 1), D(2024, 1, 5), "granted")
    make(dongfeng, "person", D(2024, 12, 1), D(2025, 1, 5), "granted")
    make(dongfeng, "business", D(2025, 2, 3), D(2025, 2, 20), "unable_1")
    make(dongfeng, "business", D(2024, 2, 3))  # carried through 2025
    make(bangtang, "person", D(2025, 4, 1))
    make(bangtang, "research", D(2024, 6, 2), D(2024, 6, 9), "partial")
    make(kaifu, "research", D(2025, 6, 2), D(2025, 6, 9), "partial")
    make(kaifu, "person", D(2025, 7, 1), D(2025, 7, 30), "other_1")
    # Facts that break the tables: closed without an outcome, closed before it was received.
    broken = make(kaifu, "person", D(2025, 8, 1))
    broken.__class__.objects.filter(pk=broken.pk).update(status="closed", closed_on=D(2025, 8, 5), outcome="")
    early = make(bangtang, "person", D(2025, 9, 1))
    early.__class__.objects.filter(pk=early.pk).update(closed_on=D(2024, 8, 5), outcome="granted")
    do_set_fact(bangtang, 2025, "licensing_decisions", 4, None)
    do_set_fact(kaifu, 2025, "licensing_decisions", 6, None)

    rollup = roll_up(kaifu, 2025)
    for report in rollup.per_organ:
        alone = compile_report(report.organs, 2025)
        assert report.tables == alone.tables
        assert report.consultations == alone.consultations
        assert report.records_by_category == alone.records_by_category
        assert report.narrative_facts == alone.narrative_facts
        assert report.problems == alone.problems
    assert (
        rollup.total.problems
        == compile_report(list(kaifu.subtree().order_by("path", "position")), 2025).problems
    )


@pytest.mark.parametrize("year", [2019, 2020])
def test_the_first_years_roll_up_like_their_organs(organs, year):
    make(organs["dongfeng"], "person", dt.date(year, 3, 3), dt.date(year, 3, 20), "granted")
    rollup = roll_up(organs["kaifu"], year)
    for report in rollup.per_organ:
        alone = compile_report(report.organs, year)
        assert report.tables == alone.tables and report.problems == alone.problems
