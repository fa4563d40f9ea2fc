"""Text analysis: offsets into the original text, the government dictionary, identifier tokens."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.search.analysis import (
    add_words,
    analyze,
    fold,
    has_word,
    identifier_token,
    phrase_pattern,
    query_words,
)

# Arbitrary Unicode, weighted towards what government text contains: Han, full-width forms, emoji, punctuation.
mixed_text = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
        st.sampled_from("〔〕【】（）()[]，。、：；“”《》 \n\t政府信息公开应急管理ＡＢＣ１２３İßΣ"),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_it_maps_every_token_back_to_the_original_text(text):
    for token in analyze(text):
        assert 0 <= token.start < token.end <= len(text)
        assert fold(text[token.start : token.end]) == token.text
        assert token.text.strip() == token.text and token.text


def test_it_folds_full_width_and_case_but_keeps_original_offsets():
    text = "关于ＡＢＣ智慧政务平台"
    tokens = {t.text: (t.start, t.end) for t in analyze(text)}
    assert tokens["abc"] == (2, 5)
    assert text[2:5] == "ＡＢＣ"


def test_it_keeps_dictionary_terms_whole_and_finds_their_parts():
    texts = [t.text for t in analyze("东风路街道政府信息公开工作")]
    assert "政府信息公开" in texts
    for part in ("政府", "信息", "公开"):
        assert part in texts
    assert query_words("政府信息公开") == ["政府信息公开"]
    for term in ("依申请公开", "行政规范性文件", "一站式服务", "最低生活保障", "应急管理", "保密审查"):
        assert term in [t.text for t in analyze(f"关于{term}的说明")], term


def test_it_finds_a_long_term_inside_a_longer_dictionary_word():
    # cut_for_search alone only adds 2- and 3-character parts; the analyzer adds dictionary words of 4+.
    texts = [t.text for t in analyze("政府信息公开指南")]
    assert "信息公开" in texts
    assert "政府信息公开" in texts


def test_it_drops_punctuation_and_spaces():
    assert [t.text for t in analyze("《 》，。！？——…")] == []


def test_it_learns_organ_names_at_runtime():
    name = "鹿芝岭虚构社区居民委员会"  # a name no fixture loads: the dictionary is process-wide
    assert add_words([name, "", "x"]) == 1
    assert has_word(name)
    assert name in [t.text for t in analyze(f"{name}关于开展义诊活动的通知")]
    assert add_words([name]) == 0


def test_it_gives_every_spelling_of_a_document_number_the_same_identifier():
    spellings = [
        "长开政发〔2016〕12号",
        "长开政发[2016]12号",
        "长开政发（2016）12号",
        "长开政发(2016)12号",
        "长开政发【2016】12号",
        "长开政发［２０１６］１２号",
        " 长开政发 〔2016〕 第12号",
    ]
    assert {identifier_token(s) for s in spellings} == {"长开政发〔2016〕12号"}
    assert identifier_token("11430105770088109P/2024-00012") == "11430105770088109p/2024-00012"


def test_a_phrase_pattern_is_the_smallest_tokens_at_their_offsets():
    assert phrase_pattern("住房公积金") == [(0, "住房"), (2, "公积"), (3, "积金")]
    assert phrase_pattern("政府信息公开") == [(0, "政府"), (2, "信息"), (4, "公开")]
    assert phrase_pattern("，。") == []
