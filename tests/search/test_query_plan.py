"""How a query is planned against the index (docs/decisions/0008-one-word-field.md): one word field with a
title bonus, the characters-in-a-row fallback only where it is affordable, facets counted without the
clauses that only rank."""

import pytest

from gongkai.search.query import parse
from tests.search.conftest import DOCS, uuids

QUERIES = [
    "应急管理",
    "应急管理 通知",
    "2016年财政预算",
    '"安全生产" -演练',
    "消防 OR 低保",
    "长开政发[2016]12号",
    "双随机一公开",
    "政府信息公开",
]


def _matches(index, query):
    searcher = index._index.searcher()
    result = searcher.search(query, len(DOCS), count=True)
    return {searcher.doc(address).get_first("uuid") for _, address in result.hits}


@pytest.mark.parametrize("q", QUERIES)
def test_facet_counting_matches_exactly_what_ranking_matches(search_index, q):
    searcher = search_index._index.searcher()
    parsed = parse(q)
    ranked = search_index._builder.build(parsed, searcher=searcher)
    counted = search_index._builder.build(parsed, searcher=searcher, scoring=False)
    assert _matches(search_index, ranked) == _matches(search_index, counted)


def test_the_fallback_finds_a_word_segmented_differently_while_it_is_affordable(search_index, monkeypatch):
    # 应急管理 inside 应急管理体系 / 应急管理工作机制: found as characters in a row where the word is not a token.
    everything = set(uuids(search_index.query("应急管理", page_size=100)))
    with_text = {d.uuid for d in DOCS if "应急管理" in d.title + d.body}
    assert everything == with_text
    # When the word's characters are in more records than the limit, the word alone decides (cheaper, and
    # with that many records the few segmented differently are not missed on the first pages).
    monkeypatch.setattr(search_index._builder, "fallback_max_docs", 0)
    words_only = set(uuids(search_index.query("应急管理", page_size=100)))
    assert words_only == {"yj-title", "yj-plan"}  # yj-body's 应急管理体系 was cut 应急 / 管理体系


def test_a_title_match_ranks_above_body_matches(search_index):
    top = search_index.query("住房公积金").hits[0]
    assert top.uuid == "housing"
    results = search_index.query("应急管理")
    assert results.hits[0].uuid == "yj-title"  # the word in the title and the body


def test_title_only_search_ignores_bodies(search_index):
    from gongkai.search.query import SearchFilters

    titles = set(uuids(search_index.query("应急管理", SearchFilters(title_only=True), page_size=100)))
    assert titles == {d.uuid for d in DOCS if "应急管理" in d.title}


def test_a_rarer_word_beside_it_makes_the_fallback_affordable_again(search_index, monkeypatch):
    monkeypatch.setattr(search_index._builder, "fallback_max_docs", 1)
    # Alone, 应急管理's characters are in more records than the limit: the word alone decides.
    assert "yj-body" not in uuids(search_index.query("应急管理", page_size=100))
    # Beside 完善 (one record), the fallback only checks that record's characters: it is found again.
    assert sum("完善" in d.title + d.body for d in DOCS) == 1
    assert uuids(search_index.query("应急管理 完善", page_size=100)) == ["yj-body"]
