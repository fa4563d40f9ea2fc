"""Finding and ranking records: terms, phrases, exclusions, OR, identifiers, filters, sort."""

import datetime as dt

from gongkai.search.query import SearchFilters
from tests.search.conftest import BY_UUID, uuids


def test_it_finds_records_about_a_term_and_ranks_the_title_match_first(search_index):
    results = search_index.query("应急管理")
    assert uuids(results)[0] == "yj-title"
    assert set(uuids(results)) == {"yj-title", "yj-body", "yj-plan"}
    assert results.total == 3
    assert results.hits[0].score > results.hits[1].score


def test_words_typed_apart_are_anded_anywhere_but_a_word_is_matched_as_written(search_index):
    assert "yj-split" in uuids(search_index.query("应急 管理"))  # 应急物资 … 日常管理
    assert "yj-split" not in uuids(search_index.query("应急管理"))


def test_it_finds_the_2016_budget_record(search_index):
    results = search_index.query("2016年财政预算")
    assert uuids(results)[0] == "budget-2016"
    assert set(uuids(results)) == {"budget-2016", "budget-2016b"}  # 2016年度财政预算 counts too


def test_a_quoted_phrase_needs_the_literal_text(search_index):
    assert uuids(search_index.query('"2016年财政预算"')) == ["budget-2016"]
    assert set(uuids(search_index.query('"应急管理工作"'))) == {"yj-title", "yj-plan"}
    assert search_index.query('"管理应急"').total == 0


def test_a_phrase_survives_the_sub_words_cut_for_search_inserts(search_index):
    # SEARCH-NOTES pitfall 3: 住房 公积 积金 公积金 would break a phrase of consecutive positions.
    assert uuids(search_index.query('"住房公积金"')) == ["housing"]
    assert set(uuids(search_index.query('"依申请公开"'))) == {"gk-guide", "gk-body"}


def test_minus_excludes(search_index):
    assert set(uuids(search_index.query("安全生产"))) == {"safety-drill", "safety-check"}
    assert uuids(search_index.query("安全生产 -演练")) == ["safety-check"]
    assert uuids(search_index.query('安全生产 -"应急演练"')) == ["safety-check"]


def test_or_unions(search_index):
    assert set(uuids(search_index.query("住房公积金 OR 最低生活保障"))) == {"housing", "dibao", "dibao-2"}
    assert set(uuids(search_index.query("住房公积金 | 行政复议"))) == {"housing", "review"}
    assert uuids(search_index.query("住房公积金 OR 最低生活保障 芙蓉区社会救助")) == ["dibao-2"]


def test_it_finds_a_document_number_in_every_bracket_spelling(search_index):
    for spelling in (
        "长开政发〔2016〕12号",
        "长开政发[2016]12号",
        "长开政发（2016）12号",
        "长开政发(2016)12号",
        "长开政发【2016】12号",
    ):
        results = search_index.query(spelling)
        assert uuids(results)[0] == "docno-12", spelling
        # the 政策解读 quoting the number in its text is found too, 长开政发〔2016〕15号 is not
        assert set(uuids(results)) == {"docno-12", "docno-cite"}, spelling


def test_it_matches_full_width_and_case_insensitively(search_index):
    assert uuids(search_index.query("abc")) == ["fullwidth"]
    assert uuids(search_index.query("ＡＢＣ")) == ["fullwidth"]
    assert uuids(search_index.query("pc")) == ["fullwidth"]


def test_a_long_term_inside_a_longer_word_is_found(search_index):
    assert "gk-guide" in uuids(search_index.query("信息公开指南"))
    assert {"gk-guide", "gk-report", "gk-body", "review"} <= set(uuids(search_index.query("政府信息公开")))


def test_title_only(search_index):
    assert set(uuids(search_index.query("政府信息公开"))) > {"gk-guide", "gk-report"}
    assert set(uuids(search_index.query("政府信息公开", SearchFilters(title_only=True)))) == {
        "gk-guide",
        "gk-report",
    }


def test_date_range_on_the_published_date(search_index):
    filters = SearchFilters(date_from=dt.date(2016, 4, 1), date_to=dt.date(2016, 4, 30))
    assert set(uuids(search_index.query("", filters))) == {"docno-12", "docno-cite"}
    assert uuids(search_index.query("预算", SearchFilters(date_to=dt.date(2016, 12, 31)))) == ["budget-2016b"]
    assert search_index.query("", SearchFilters(date_from=dt.date(2025, 1, 1))).total == 1


def test_document_number_filter(search_index):
    assert uuids(search_index.query("", SearchFilters(document_number="长开政发(2016)12号"))) == ["docno-12"]
    assert set(uuids(search_index.query("", SearchFilters(document_number="长开政发")))) == {
        "docno-12",
        "docno-15",
    }
    assert uuids(search_index.query("行政许可", SearchFilters(document_number="2016"))) == ["docno-15"]


def test_facet_filters(search_index):
    assert set(uuids(search_index.query("", SearchFilters(organ_path="/1/2/4/")))) == {
        u for u, d in BY_UUID.items() if "/1/2/4/" in d.organ_paths
    }
    in_kaifu = {u for u, d in BY_UUID.items() if "/1/2/" in d.organ_paths}
    assert set(uuids(search_index.query("", SearchFilters(organ_path="/1/2/"), page_size=100))) == in_kaifu
    assert search_index.query("", SearchFilters(category="13")).total == 3
    assert search_index.query("", SearchFilters(year=2016)).total == 4
    assert uuids(search_index.query("", SearchFilters(validity="repealed"))) == ["repealed"]


def test_recency_breaks_ties_and_date_sorts(search_index):
    assert uuids(search_index.query("消防安全提示"))[:2] == ["same-score-new", "same-score-old"]
    newest_first = uuids(search_index.query("", sort="date", page_size=100))
    assert newest_first[0] == "same-score-new" and newest_first[-1] == "repealed"
    assert uuids(search_index.query("", sort="date_asc", page_size=3)) == [
        "repealed",
        "same-score-old",
        "budget-2016b",
    ]
    # relevance without words: everything, newest first
    assert uuids(search_index.query("", page_size=100)) == newest_first


def test_pages_split_the_ranking(search_index):
    everything = uuids(search_index.query("", sort="date", page_size=100))
    pages = [uuids(search_index.query("", sort="date", page=p, page_size=7)) for p in range(1, 6)]
    assert sum(pages, []) == everything
    relevance = [uuids(search_index.query("开福区", page=p, page_size=4)) for p in (1, 2)]
    assert relevance[0] + relevance[1] == uuids(search_index.query("开福区", page_size=8))


def test_sloppy_filter_and_paging_values_do_not_raise(search_index):
    assert (
        search_index.query("", SearchFilters(organ_path="1/2/4")).total
        == search_index.query("", SearchFilters(organ_path="/1/2/4/")).total
    )
    assert search_index.query("", SearchFilters(year="2016")).total == 4
    assert search_index.query("", SearchFilters(year="twenty")).total == 0
    assert search_index.query("", SearchFilters(year=2**80)).total == 0
    assert len(search_index.query("", page="x", page_size="y").hits) == 10
    assert (
        search_index.query(
            "", SearchFilters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2019, 1, 1))
        ).total
        == 0
    )


def test_a_phrase_matches_across_punctuation_but_never_across_two_fields(tmp_path):
    from gongkai.search.engine import SearchDocument, TantivyIndex

    with TantivyIndex(tmp_path / "ix") as index:
        index.index(
            [
                SearchDocument(uuid="p", title="推行“双随机、一公开”监管", body="抽查结果及时公开。"),
                SearchDocument(uuid="q", title="工作要点", summary="摘要结尾双随机", body="一公开正文"),
            ]
        )
        index.commit()
        assert uuids(index.query('"双随机一公开"')) == ["p"]
        assert uuids(index.query("双随机一公开")) == ["p"]  # one dictionary word, typed without the 、
        assert index.query('"结尾双随机"').total == 1
        assert index.query('"双随机一公开正文"').total == 0  # summary and body are separate texts
