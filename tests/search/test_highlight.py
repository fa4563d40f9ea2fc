"""Snippets and titles: exactly the matched words in <mark>, everything HTML-escaped, the best window."""

import html as htmllib

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.search.highlight import find_spans, highlight, snippet
from gongkai.search.query import parse
from tests.search.conftest import uuids


def _patterns(q):
    return parse(q).highlight_patterns()


def test_it_marks_exactly_the_matched_words(search_index):
    hit = search_index.query("应急管理").hits[0]
    assert hit.title_html == "开福区<mark>应急管理</mark>局关于加强汛期<mark>应急管理</mark>工作的通知"
    assert "汛期<mark>应急管理</mark>工作" in hit.snippet_html
    assert hit.snippet_html.count("<mark>") == 1


def test_it_escapes_html_in_titles_and_snippets(search_index):
    (hit,) = search_index.query("网上申请 script").hits
    assert "<script>" not in hit.snippet_html
    assert "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt;" in hit.snippet_html
    assert "<mark>网上申请</mark>" in hit.snippet_html
    assert (
        highlight("<b>应急</b> & 管理", _patterns("应急"))
        == "&lt;b&gt;<mark>应急</mark>&lt;/b&gt; &amp; 管理"
    )


def test_a_phrase_marks_its_occurrences_only(search_index):
    (hit,) = search_index.query('"2016年财政预算"').hits
    assert "<mark>2016年财政预算</mark>执行情况" in hit.snippet_html
    assert "2017年财政预算" in hit.title_html.replace("<mark>", "").replace("</mark>", "")
    assert "<mark>2017" not in hit.title_html


def test_words_found_apart_are_marked_apart():
    assert highlight("应急物资由商务局负责日常管理", _patterns("应急 管理")) == (
        "<mark>应急</mark>物资由商务局负责日常<mark>管理</mark>"
    )


def test_full_width_text_is_marked_in_its_original_form(search_index):
    (hit,) = search_index.query("abc").hits
    assert hit.title_html == "关于<mark>ＡＢＣ</mark>智慧政务平台上线的公告"


def test_excluded_words_are_not_marked(search_index):
    (hit,) = search_index.query("安全生产 -演练").hits
    assert "<mark>演练" not in hit.snippet_html


def test_the_snippet_is_the_best_window_of_a_long_text():
    filler = "本段落与检索无关，仅用于填充篇幅。" * 30
    text = filler + "第三条 最低生活保障标准由区民政局会同财政局制定。" + filler + "最低生活保障。" + filler
    html = snippet(text, _patterns("最低生活保障 财政局"))
    assert html.startswith("…第三条 <mark>最低生活保障</mark>标准由区民政局会同<mark>财政局</mark>制定。")
    assert html.endswith("…")
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_without_a_match_the_snippet_is_the_beginning():
    text = "一二三四五六七八九十" * 20
    assert snippet(text, _patterns("预算")) == text[:120] + "…"
    assert snippet("短文本", []) == "短文本"
    assert snippet("", _patterns("预算")) == ""


def test_spans_point_into_the_original_text():
    text = "住房公积金，ＡＢＣ住房公积金"
    spans = find_spans(text, _patterns('"住房公积金" abc'))
    assert [text[s:e] for s, e in spans] == ["住房公积金", "ＡＢＣ住房公积金"]


def test_summary_is_the_snippet_when_the_body_does_not_match(tmp_path):
    from gongkai.search.engine import SearchDocument, TantivyIndex

    with TantivyIndex(tmp_path / "ix") as index:
        index.index(
            [
                SearchDocument(
                    uuid="s", title="通知", body="正文无关内容。", summary="部署冬季消防安全检查工作。"
                )
            ]
        )
        index.commit()
        (hit,) = index.query("消防").hits
        assert hit.snippet_html == "部署冬季<mark>消防</mark>安全检查工作。"
        assert uuids(index.query("冬季 通知")) == ["s"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(st.characters(), st.sampled_from("应急管理<>&\"'住房公积金 \n")), max_size=300
    ),
    q=st.text(alphabet=st.one_of(st.characters(), st.sampled_from('应急管理住房公积金 "-')), max_size=20),
)
def test_marking_never_loses_or_invents_text(text, q):
    patterns = _patterns(q)
    collapsed = " ".join(text.split())
    for html in (highlight(text, patterns), snippet(text, patterns)):
        assert "<mark></mark>" not in html
        plain = html.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in plain and ">" not in plain  # everything else is escaped
        for piece in htmllib.unescape(plain).split("…"):
            assert piece in collapsed


def test_a_word_found_as_typed_is_marked_as_one_piece(search_index):
    hit = search_index.query("2016年财政预算").hits[0]
    assert (
        hit.title_html
        == "关于开福区<mark>2016年财政预算</mark>执行情况和2017年<mark>财政预算</mark>草案的报告"
    )


def test_a_quoted_phrase_is_marked_across_punctuation_and_words_not_inside_longer_latin_words():
    assert highlight("推行“双随机、一公开”监管", _patterns('"双随机一公开"')) == (
        "推行“<mark>双随机、一公开</mark>”监管"
    )
    assert highlight("javascript 与 script 标签", _patterns("script")) == (
        "javascript 与 <mark>script</mark> 标签"
    )
