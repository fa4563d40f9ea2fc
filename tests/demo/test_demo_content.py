"""The demo content placed on the calendar (no database): on any day of the year the plan covers the
last twelve months, every category, and produces valid, distinct records."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from gongkai.annual.facts import FACTS_BY_KEY
from gongkai.applications import pii
from gongkai.applications.models import ApplicantKind
from gongkai.applications.outcomes import Outcome
from gongkai.catalog.category_templates import TEMPLATES
from gongkai.core.text import is_valid_document_number
from gongkai.demo import attachments
from gongkai.demo.cases import applicant_data
from gongkai.demo.content import COMMUNITY_ITEMS, SUBDISTRICT_ITEMS
from gongkai.demo.content import enquiries as desk
from gongkai.demo.content.applications import APPLICANTS, CASES, LAST_YEAR, THIS_YEAR
from gongkai.demo.loader import DemoLoader, _is_workday
from gongkai.organs.validators import is_valid_uscc

SLUGS = {slug for slug, _name, children in TEMPLATES["subdistrict"][1]} | {
    child for _slug, _name, children in TEMPLATES["subdistrict"][1] for child, _n, _g in children
}
TOP = {
    slug: {slug} | {child for child, _n, _g in children}
    for slug, _name, children in TEMPLATES["subdistrict"][1]
}
NOWS = [
    dt.datetime(2026, 11, 30, 10, 0),
    dt.datetime(2027, 1, 1, 0, 5),
    dt.datetime(2027, 3, 15, 16, 0),
    dt.datetime(2028, 2, 29, 9, 0),
    dt.datetime(2027, 7, 31, 23, 0),
]


def _plan(now, items=SUBDISTRICT_ITEMS):
    loader = DemoLoader(now=timezone.make_aware(now))
    return loader, loader.plan(items)


def test_keys_are_unique_and_references_resolve():
    keys = [item.key for item in SUBDISTRICT_ITEMS]
    assert len(keys) == len(set(keys))
    for item in SUBDISTRICT_ITEMS:
        assert set(item.cats) <= SLUGS, item.key
        assert set(item.related) <= set(keys), item.key
        assert not item.repealed_by or item.repealed_by in keys
        assert 2 <= len(item.body) <= 8, item.key


@pytest.mark.parametrize("now", NOWS, ids=str)
def test_plan_covers_the_last_twelve_months(now):
    loader, planned = _plan(now)
    published = [p for p in planned if p.published_at is not None]
    aware_now = timezone.make_aware(now)
    assert all(aware_now - dt.timedelta(days=372) < p.published_at < aware_now for p in published)
    months = Counter(timezone.localtime(p.published_at).strftime("%Y-%m") for p in published)
    assert len(months) >= 12, months
    for p in published:
        local = timezone.localtime(p.published_at)
        assert _is_workday(local.date()), (p.item.key, local)
        assert dt.time(9) <= local.time() < dt.time(17, 16), (p.item.key, local)
        assert p.written_on <= local.date()
        assert (local.date() - p.written_on).days <= 14  # 国庆 adds a week


@pytest.mark.parametrize("now", NOWS, ids=str)
def test_plan_yields_valid_distinct_records(now):
    loader, planned = _plan(now)
    titles = [p.item.title.format_map(p.ctx) for p in planned]
    assert len(titles) == len(set(titles)), [t for t, n in Counter(titles).items() if n > 1]
    numbers = [p.document_number for p in planned if p.document_number]
    assert len(numbers) >= 20
    assert len(numbers) == len(set(numbers))
    assert all(is_valid_document_number(n) for n in numbers)
    for p in planned:
        data = loader._data(p, organ=type("O", (), {"name": "东风路街道"})())
        assert len(data["summary"]) <= 100, p.item.key
        assert "{" not in data["body"] and "{" not in data["title"], p.item.key
        if "expires_on" in data and "effective_on" in data:
            assert data["expires_on"] >= data["effective_on"]


def test_proportions_follow_a_real_sub_district():
    published = [i for i in SUBDISTRICT_ITEMS if i.state == "published"]
    per_top = Counter(top for i in published for top, slugs in TOP.items() if set(i.cats) & slugs)
    assert len(published) >= 120
    assert set(per_top) == set(TOP)
    assert per_top.most_common(1)[0][0] == "gzdt"
    assert per_top["gzdt"] >= 35 and per_top["tzgg"] >= 18
    assert sum(1 for i in published if len(i.cats) > 1) >= 3
    states = Counter(i.state for i in SUBDISTRICT_ITEMS)
    assert {"draft", "submitted", "returned", "approved", "scheduled", "withdrawn"} <= set(states)


def test_communities_have_their_own_items():
    assert len(COMMUNITY_ITEMS) == 4
    for items in COMMUNITY_ITEMS.values():
        assert items and all(set(i.cats) <= SLUGS for i in items)


def test_every_attachment_generator_named_in_the_content_exists():
    named = {name for i in SUBDISTRICT_ITEMS for name, _params in i.attach}
    assert named <= set(attachments.GENERATORS)
    assert sum(len(i.attach) for i in SUBDISTRICT_ITEMS) >= 8


# --- casework content (no database) -------------------------------------------------------------------


def test_cases_are_unique_and_cover_every_outcome_and_applicant_kind():
    keys = [case.key for case in CASES]
    assert len(keys) == len(set(keys))
    assert 40 <= len(CASES) <= 60
    assert {case.who for case in CASES} <= set(APPLICANTS)
    assert {APPLICANTS[case.who].kind for case in LAST_YEAR} == set(ApplicantKind.values)
    outcomes = {
        params["outcome"] for case in LAST_YEAR for kind, _wd, params in case.steps if kind == "reply"
    }
    dedicated = {"lapse": "other_1", "unpaid": "other_2", "withdraw": "other_3"}
    outcomes |= {dedicated[kind] for case in LAST_YEAR for kind, _wd, _p in case.steps if kind in dedicated}
    assert outcomes == set(Outcome.values)
    steps = {kind for case in CASES for kind, _wd, _p in case.steps}
    assert steps == {
        "correct",
        "corrected",
        "lapse",
        "consult",
        "consulted",
        "extend",
        "fee",
        "paid",
        "unpaid",
        "reply",
        "withdraw",
    }
    assert all(case.ago < 330 for case in THIS_YEAR)  # this year's cases never reach back two years


def test_applicants_have_valid_fictional_identities():
    for key, person in APPLICANTS.items():
        data = applicant_data(key)
        assert "某" in data["name"]
        assert data["phone"].startswith("100") and len(data["phone"]) == 11
        if person.kind == "person":
            assert pii.is_valid_resident_id(data["id_number"]), key
        else:
            assert is_valid_uscc(data["id_number"]), key


def test_appeals_name_cases_and_facts_cover_every_key():
    keys = {case.key for case in CASES}
    assert {appeal[0] for appeal in desk.APPEALS} <= keys
    assert any(appeal[3] == "pending" for appeal in desk.APPEALS)
    assert set(desk.LAST_YEAR_FACTS) == set(desk.THIS_YEAR_FACTS) == set(FACTS_BY_KEY)
    assert len(desk.DESK) >= desk.THIS_YEAR_DESK and len(desk.ONLINE) > desk.LAST_YEAR_ONLINE
    assert any(consent for *_q, consent in desk.ONLINE) and not all(consent for *_q, consent in desk.ONLINE)
