"""Facet counts: per organ path (every ancestor counts its subtree), category, year, validity."""

from collections import Counter

from gongkai.search.query import SearchFilters
from tests.search.conftest import BY_UUID, DOCS, uuids


def _counts(results, name):
    return {c.value: c.count for c in results.facets[name]}


def _expected(docs):
    return {
        "organ": Counter(p for d in docs for p in d.organ_paths),
        "category": Counter(c for d in docs for c in d.categories),
        "year": Counter(str(d.published_at.year) for d in docs),
        "validity": Counter(d.validity for d in docs),
    }


def test_facets_of_everything(search_index):
    results = search_index.query("")
    assert results.total == len(DOCS)
    for name, expected in _expected(DOCS).items():
        assert _counts(results, name) == dict(expected), name
    organ = _counts(results, "organ")
    assert organ["/1/"] == 30  # the city counts its whole subtree
    assert organ["/1/2/"] == organ["/1/2/3/"] + organ["/1/2/4/"] + sum(
        1 for d in DOCS if d.organ_paths[-1] == "/1/2/"
    )


def test_facets_follow_the_query_and_its_filters(search_index):
    for q, filters in (
        ("应急管理", None),
        ("开福区", SearchFilters(year=2016)),
        ("预算", SearchFilters(organ_path="/1/2/")),
    ):
        results = search_index.query(q, filters, page_size=100)
        matched = [BY_UUID[u] for u in uuids(results)]
        assert len(matched) == results.total
        for name, expected in _expected(matched).items():
            assert _counts(results, name) == dict(expected), (q, name)


def test_facets_are_sorted_by_count(search_index):
    counts = [c.count for c in search_index.query("").facets["organ"]]
    assert counts == sorted(counts, reverse=True)


def test_no_match_no_facets(search_index):
    results = search_index.query("量子计算机")
    assert results.total == 0
    assert all(counts == [] for counts in results.facets.values())
