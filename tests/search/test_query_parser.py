"""The search-box language: what it means, and that no input can make it (or a query with it) raise."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search.query import Phrase, SearchFilters, Term, parse

SYNTAX = list("\"-:()*^\x00\\|“”〔]~'+") + ["OR", " OR ", "AND", "NOT"]
query_text = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(SYNTAX),
        st.sampled_from(["应急管理", "长开政发[2016]12号", "财政"]),
    ),
    max_size=12,
).map("".join)


def test_it_ands_words_and_keeps_quoted_phrases_together():
    parsed = parse('应急管理 "住房公积金" 预案')
    assert [type(g[0]) for g in parsed.groups] == [Term, Phrase, Term]
    assert parsed.groups[0][0].required == ("应急管理",)
    assert parsed.groups[1][0].text == "住房公积金"


def test_single_characters_next_to_words_only_help_ranking():
    term = parse("2016年财政预算").groups[0][0]
    assert term.required == ("2016", "财政预算")
    assert term.optional == ("年",)
    assert parse("税").groups[0][0].required == ("税",)


def test_minus_excludes_and_or_joins():
    parsed = parse("应急 -演练 住房公积金 OR 最低生活保障")
    assert [c.text for c in parsed.excluded] == ["演练"]
    assert [[c.text for c in g] for g in parsed.groups] == [["应急"], ["住房公积金", "最低生活保障"]]


def test_or_without_both_sides_and_lowercase_or_are_plain():
    assert [[c.text for c in g] for g in parse("OR 应急 OR").groups] == [["应急"]]
    assert [[c.text for c in g] for g in parse("a or b").groups] == [["a"], ["or"], ["b"]]


def test_a_document_number_is_one_identifier_in_any_spelling():
    for spelling in (
        "长开政发〔2016〕12号",
        "长开政发[2016]12号",
        "长开政发（2016）12号",
        "长开政发 (2016) 12号",
    ):
        (group,) = parse(spelling).groups
        assert group[0].identifier == "长开政发〔2016〕12号", spelling


def test_an_unmatched_quote_runs_to_the_end():
    parsed = parse('预算 "财政预算 执行')
    assert isinstance(parsed.groups[1][0], Phrase)
    assert parsed.groups[1][0].text == "财政预算 执行"


def test_empty_input_browses_and_input_without_words_matches_nothing():
    assert parse("").is_empty and not parse("").unsearchable
    assert parse("   ").is_empty and not parse("   ").unsearchable
    # control characters count as blanks
    assert parse("\x00\x01\u200b").is_empty and not parse("\x00\x01").unsearchable
    for junk in ('"', "-", "OR", "（）：*^", "a" * 10_000):
        assert parse(junk).unsearchable, repr(junk)


@settings(max_examples=300, deadline=None)
@given(st.one_of(query_text, st.text(max_size=200)))
def test_parsing_any_input_never_raises(text):
    parsed = parse(text)
    assert len(parsed.groups) + len(parsed.excluded) <= 24
    parsed.highlight_patterns()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=query_text,
    title_only=st.booleans(),
    sort=st.sampled_from(["relevance", "date", "date_asc", "bogus"]),
)
def test_querying_the_index_with_any_input_never_raises(search_index, text, title_only, sort):
    filters = SearchFilters(title_only=title_only, document_number=text[:20], date_from=dt.date(2016, 1, 1))
    results = search_index.query(text, filters, sort=sort, page_size=5)
    assert results.total >= len(results.hits)


def test_huge_and_hostile_inputs_are_safe(search_index):
    for text in (
        "应急" * 5_000,
        "\x00" * 10_000,
        '"' * 10_000,
        "-" * 10_000,
        "OR " * 3_000,
        "(" * 10_000,
        "\ud800应急",
    ):
        results = search_index.query(text)
        assert results.total >= 0
    assert search_index.query(None).total == 30
    assert search_index.query("应急管理", page=10**9, page_size=10**9).hits == []
