"""The demo content placed on the calendar (no database): on any day of the year the plan covers the
last twelve months, every category, and produces valid, distinct records."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from gongkai.catalog.category_templates import TEMPLATES
from gongkai.core.text import is_valid_document_number
from gongkai.demo import attachments
from gongkai.demo.content import COMMUNITY_ITEMS, SUBDISTRICT_ITEMS
from gongkai.demo.loader import DemoLoader, _is_workday

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
