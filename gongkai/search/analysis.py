"""Chinese text analysis for search: segmentation, normalisation, identifier tokens.

What the index gets (``index_view`` → ``index_words`` / ``index_chars``; docs/decisions/0007):
1. The text is normalised: full-width letters, digits and word symbols become half-width, lone surrogates
   spaces, and everything is case-folded.
2. rjieba ``cut_for_search`` (every word plus its 2- and 3-character dictionary sub-words) runs on it with the
   package's government-term dictionary and the organ names loaded; words of 5–16 Han characters also emit
   their dictionary sub-words of 4+ characters (SEARCH-NOTES pitfall 4: cut_for_search alone cannot find
   信息公开 inside 政府信息公开). The words go to Tantivy as one space-separated string; Tantivy's tokenizer
   splits it on anything that is not a letter or digit, in Rust.
3. For phrases, the letters, digits and Han characters alone, as bigrams at consecutive positions: a phrase
   is its bigrams in a row (``phrase_chars`` / ``phrase_bigrams``), which no segmentation can break
   (SEARCH-NOTES pitfall 3) and which matches across punctuation (双随机一公开 finds 双随机、一公开).

At query time, ``query_words`` cuts a typed word in precise mode, and ``analyze`` gives tokens WITH character
offsets into the original text (``fold(text[token.start:token.end]) == token.text``), from which
``phrase_pattern`` derives the smallest tokens of a word: the query uses them to decide when a word also needs
its characters-in-a-row fallback, and highlighting to mark what a word spells.
"""

import operator
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import rjieba

from gongkai.core.text import normalize_document_number

# Top level of the package, so pyproject's package-data pattern "*.txt" ships it.
USER_DICT = Path(__file__).with_name("userdict.txt")

# Tokens longer than this are noise (hashes, base64 runs) and would bloat the term dictionary.
MAX_TOKEN_CHARS = 64
# Dictionary sub-words are looked up inside words up to this length.
_MAX_EXPANDED_WORD = 16
_MIN_EXPANDED_PART = 4

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = ord(" ")
_PIECE = re.compile(r"[^\W_]+")
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")
# Full-width characters that can change tokens or segmentation: letters, digits, the symbols jieba keeps inside
# a word (. - + # & _ %) and the ideographic space. Full-width punctuation such as ，（） is in nearly every
# Chinese text and segments exactly like its half-width form, so texts without these skip the translation.
_TOKEN_FULL_WIDTH_CHAR = re.compile(
    "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff0d\uff0b\uff03\uff06\uff3f\uff05\u3000]"
)
# Cc except \t \n \r, the Cf format characters, line/paragraph separators and lone surrogates.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_LETTER = re.compile(r"[\W_]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A whole token of 5–16 Han characters in a space-joined token string (the words that get dictionary parts).
_LONG_HAN_WORD = re.compile(r"(?<![^\s])[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{5,16}(?![^\s])")


class Token(NamedTuple):
    text: str  # normalised form, as indexed
    start: int  # character offsets into the original text
    end: int


def to_half_width(text: str) -> str:
    """Full-width ASCII (ＡＢＣ１２３，ideographic space) → half-width; same length."""
    return text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHAR.search(text) else text


def _narrow(text: str) -> str:
    """``to_half_width`` where it matters for tokens; same length, and tokens come out the same."""
    # re.sub calls back only where such characters are; str.translate would cost ~0.1 µs per character.
    return _TOKEN_FULL_WIDTH_CHAR.sub(_half_width_char, text)


def _half_width_char(m: re.Match) -> str:
    return chr(_FULL_WIDTH[ord(m.group())])


def fold(text: str) -> str:
    """Normalised form of a piece of text: full-width → half-width, then Unicode case folding."""
    return to_half_width(text).casefold()


def same_length_view(text: str, half: str | None = None) -> str:
    """Same-length version of ``text`` for the segmenter: half-width and lowercase where 1:1."""
    # Lone surrogates cannot be handed to the segmenter (they cannot be encoded): they become spaces.
    half = _SURROGATE.sub(" ", _narrow(text) if half is None else half)
    lower = half.lower()
    if len(lower) == len(half):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in half)


def clean_control(text: str) -> str:
    """Replace control and format characters (NUL, bidi marks, lone surrogates…) with spaces; tabs and
    newlines stay."""
    if text.isprintable():
        return text
    return _CONTROL.sub(" ", text)


class _Segmenter:
    """One private jieba instance with the government dictionary (the global rjieba one stays untouched)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._jieba = None
        self._extra_words: set[str] = set()

    @property
    def jieba(self) -> rjieba.Jieba:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    jieba = rjieba.Jieba()
                    for word, freq in _read_user_dict(USER_DICT):
                        jieba.add_word(word, freq, None)
                    for word in self._extra_words:
                        jieba.add_word(word, None, None)
                    self._jieba = jieba
        return self._jieba

    def add_words(self, words: Iterable[str]) -> int:
        added = 0
        for raw in words:
            word = same_length_view(clean_control(raw or "")).strip()
            if len(word) < 2 or len(word) > 40 or any(c.isspace() for c in word):
                continue
            with self._lock:
                if word in self._extra_words:
                    continue
                self._extra_words.add(word)
                if self._jieba is not None:
                    self._jieba.add_word(word, None, None)
            added += 1
        return added


def _read_user_dict(path: Path) -> list[tuple[str, int | None]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        entries.append((same_length_view(parts[0]), freq))
    return entries


_SEGMENTER = _Segmenter()


def add_words(words: Iterable[str]) -> int:
    """Teach the segmenter extra words at runtime (organ names, short names); returns how many were new.

    Call it in every process before indexing or querying, with the same words: the index and the queries must
    be segmented alike. Words added after documents were indexed only take effect for those documents after a
    reindex (until then the sub-word expansion and the query's phrase fallback still find them).
    """
    return _SEGMENTER.add_words(words)


def has_word(word: str) -> bool:
    return _SEGMENTER.jieba.has_word(word)


def analyze(text: str) -> list[Token]:
    """Index-time analysis (cut_for_search + dictionary sub-words), with offsets into ``text``."""
    return [Token(*span) for span in token_spans(text)]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """``analyze`` as plain (text, start, end) tuples: the indexing hot path, kept lean on purpose
    (segmentation, not Tantivy, bounds the indexing rate — SEARCH-NOTES)."""
    if not text:
        return []
    jieba = _SEGMENTER.jieba
    half = _narrow(text)
    view = same_length_view(text, half)
    folded = half.casefold()
    if len(folded) != len(text):  # a case fold changed the length (ß → ss): fold token by token
        folded = None
    spans: list[tuple[str, int, int]] = []
    append = spans.append
    # jieba emits every word once, after its own 2-/3-character sub-words, and the dictionary parts added
    # below are 4+ characters strictly inside one word, so only the alphanumeric pieces of a word with
    # punctuation inside (COVID-19 → covid, 19) can repeat a span: those are checked against the word's
    # sub-words, which are the spans emitted just before it.
    for word, start, end in jieba.tokenize(view, mode="search"):
        length = end - start
        if word.isalnum():
            if length > MAX_TOKEN_CHARS:
                continue
            if _MIN_EXPANDED_PART < length <= _MAX_EXPANDED_WORD and _HAN.search(word):
                for sub_start, sub_end in _dictionary_parts(jieba, view, start, end):
                    append((_fold_span(text, folded, sub_start, sub_end), sub_start, sub_end))
            append((folded[start:end] if folded is not None else fold(text[start:end]), start, end))
        elif length > 1:
            recent = set()
            k = len(spans) - 1
            while k >= 0 and spans[k][1] >= start:
                recent.add((spans[k][1], spans[k][2]))
                k -= 1
            for m in _PIECE.finditer(word):
                piece_start, piece_end = start + m.start(), start + m.end()
                if piece_end - piece_start <= MAX_TOKEN_CHARS and (piece_start, piece_end) not in recent:
                    recent.add((piece_start, piece_end))
                    append((_fold_span(text, folded, piece_start, piece_end), piece_start, piece_end))
    return spans


def index_view(text: str) -> str:
    """The normalised text the index sees: full-width letters, digits and word symbols made half-width, then
    case-folded. Its length may differ from ``text`` (ß → ss): the index keeps no offsets (see
    ``index_words``)."""
    return _SURROGATE.sub(" ", _narrow(text)).casefold()


def index_words(view: str) -> str:
    """Index-time words of an ``index_view`` as one space-separated string, for Tantivy's own tokenizer.

    The same words as ``analyze`` (cut_for_search plus dictionary sub-words of 4+ characters), without
    offsets: Tantivy splits the string on non-alphanumeric characters (so punctuation tokens vanish and
    COVID-19 gives covid, 19) and drops over-long tokens, in Rust. Building per-token objects in Python was
    the indexing bottleneck (docs/decisions/0007-search-index-fields.md).
    """
    if not view:
        return ""
    jieba = _SEGMENTER.jieba
    joined = " ".join(jieba.cut_for_search(view))
    # Words of 5–16 Han characters, found by one regex scan rather than a Python loop over every token.
    parts = [
        word[s:e]
        for word in _LONG_HAN_WORD.findall(joined)
        for s, e in _dictionary_parts(jieba, word, 0, len(word))
    ]
    return joined + " " + " ".join(parts) if parts else joined


def index_chars(view: str) -> str:
    """The character bigrams of an ``index_view``'s letters, digits and Han characters, space-separated:
    Tantivy indexes them at consecutive positions, which is what phrases match (``phrase_bigrams``).
    Punctuation and spaces are left out, so a phrase matches across them. Bigrams rather than single
    characters: their posting lists are far shorter, which keeps phrase queries fast at a million records."""
    letters = _NOT_LETTER.sub("", view)
    return " ".join(map(operator.add, letters, letters[1:])) if len(letters) > 1 else letters


def phrase_chars(text: str) -> list[str]:
    """The characters a phrase query matches, in order: the letters, digits and Han characters of the
    normalised text. A phrase is found wherever those characters occur in a row, whatever punctuation or
    spaces separate them in the document (双随机一公开 finds 双随机、一公开) and however the words around
    them were segmented."""
    return [c for c in index_view(clean_control(text or "")) if c.isalnum()]


def phrase_bigrams(chars: list[str]) -> list[str]:
    """The terms a phrase of ``phrase_chars`` is in the character fields: its bigrams in order (a single
    character is its own term, which only the word fields can match)."""
    return [a + b for a, b in zip(chars, chars[1:], strict=False)] if len(chars) > 1 else list(chars)


def _fold_span(text: str, folded: str | None, start: int, end: int) -> str:
    return folded[start:end] if folded is not None else fold(text[start:end])


def _dictionary_parts(jieba, view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Dictionary words of 4+ characters strictly inside view[start:end], by start then length."""
    parts = []
    for sub_start in range(start, end - _MIN_EXPANDED_PART + 1):
        for sub_end in range(sub_start + _MIN_EXPANDED_PART, end + 1):
            if sub_end - sub_start == end - start:
                continue
            if jieba.has_word(view[sub_start:sub_end]):
                parts.append((sub_start, sub_end))
    return parts


def query_words(text: str) -> list[str]:
    """Query-time analysis of one word: precise-mode jieba tokens, normalised, alphanumeric pieces only."""
    if not text:
        return []
    view = same_length_view(text)
    words = []
    for word, start, _end in _SEGMENTER.jieba.tokenize(view, mode="default"):
        for m in _PIECE.finditer(word):
            if m.end() - m.start() <= MAX_TOKEN_CHARS:
                words.append(fold(text[start + m.start() : start + m.end()]))
    return words


def phrase_pattern(text: str) -> list[tuple[int, str]]:
    """The smallest tokens covering ``text``, as (relative character offset, token) pairs.

    Leaves of the analysis (tokens containing no other token) plus, for characters no leaf covers, the
    shortest token covering them: 住房公积金 → [(0, 住房), (2, 公积), (3, 积金)]; 依申请公开 →
    [(0, 依申请公开), (1, 申请), (3, 公开)]. A document matches the pattern where the same characters were
    segmented compatibly, i.e. (for all practical purposes) where the literal text occurs.
    """
    tokens = analyze(text)
    if not tokens:
        return []
    leaves = [
        t for t in tokens if not any(o is not t and t.start <= o.start and o.end <= t.end for o in tokens)
    ]
    covered = set()
    for t in leaves:
        covered.update(range(t.start, t.end))
    chosen = list(leaves)
    for t in sorted(tokens, key=lambda t: t.end - t.start):
        if any(i not in covered for i in range(t.start, t.end)) and t not in chosen:
            chosen.append(t)
            covered.update(range(t.start, t.end))
    base = min(t.start for t in chosen)
    return sorted({(t.start - base, t.text) for t in chosen})


_DOCNO_YEAR_NUMBER = re.compile(r"〔(\d{4})〕第(\d)")


def identifier_token(value: str) -> str:
    """Exact token for an identifier (文号, 索引号): any bracket spelling, width or case gives the same token.

    长开政发〔2016〕12号, 长开政发[2016]12号, 长开政发（2016）12号 and 长开政发(2016)第12号 all become
    ``长开政发〔2016〕12号``.
    """
    token = normalize_document_number(fold(clean_control(value or "")))
    return _DOCNO_YEAR_NUMBER.sub(r"〔\1〕\2", token)
