"""Highlighting in Python: the query's words marked where they occur in the stored text.

A *pattern* is what one query term matches. A word is ``((0, "应急管理"),)``, a word's smallest tokens at their
relative offsets are its ``phrase_pattern`` (``((0, "住房"), (2, "公积"), (3, "积金"))``): both stand for the
literal text they spell. A quoted phrase is a ``Chars`` pattern: its letters, digits and Han characters in a
row, with any punctuation or spaces between them — what the index's character fields match.

All patterns of a query become one regular expression (longest literal first) run over a same-length folded
view of the text (full-width letters and digits half-width, lower case), so the spans point into the ORIGINAL
text, which is HTML-escaped with the matches in ``<mark>``. A literal made of ASCII letters or digits is only
marked where it is not part of a longer run of them (``script`` is not marked inside ``javascript``). One
regex pass over a text replaces segmenting it, which kept snippets the largest cost of a search.
"""

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.search.analysis import same_length_view


@dataclass(frozen=True)
class Chars:
    """A phrase matched character by character (see analysis.phrase_chars)."""

    chars: tuple[str, ...]


Pattern = tuple[tuple[int, str], ...] | Chars

SNIPPET_CHARS = 120
_LEAD_CHARS = 30  # context shown before the first match of the window
_MAX_CANDIDATES = 2000
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_SPACES = re.compile(r"\s+")
_ASCII_ALNUM = re.compile(r"[0-9a-z]")


def _literal(pattern: tuple[tuple[int, str], ...]) -> str:
    """The text a token pattern spells: its tokens laid at their offsets (gaps would be unknown characters)."""
    chars: dict[int, str] = {}
    for offset, word in pattern:
        for i, c in enumerate(word):
            chars.setdefault(offset + i, c)
    if not chars:
        return ""
    start, end = min(chars), max(chars) + 1
    if any(i not in chars for i in range(start, end)):
        return ""
    return "".join(chars[i] for i in range(start, end))


def _expression(pattern: Pattern) -> str:
    if isinstance(pattern, Chars):
        if not pattern.chars:
            return ""
        body = r"[\W_]*".join(re.escape(c) for c in pattern.chars)
        first, last = pattern.chars[0], pattern.chars[-1]
    else:
        literal = _literal(pattern)
        if not literal:
            return ""
        body, first, last = re.escape(literal), literal[0], literal[-1]
    before = r"(?<![0-9a-z])" if _ASCII_ALNUM.fullmatch(first) else ""
    after = r"(?![0-9a-z])" if _ASCII_ALNUM.fullmatch(last) else ""
    return before + body + after


@functools.lru_cache(maxsize=256)
def _matcher(patterns: tuple[Pattern, ...]) -> tuple[re.Pattern, list[int]] | None:
    """One regex for all patterns, longest first; group k+1 is pattern ``numbers[k]``."""
    alternatives = []
    for number, pattern in enumerate(patterns):
        expression = _expression(pattern)
        if expression:
            length = len(pattern.chars) if isinstance(pattern, Chars) else len(_literal(pattern))
            alternatives.append((-length, number, expression))
    if not alternatives:
        return None
    alternatives.sort()
    regex = re.compile("|".join(f"({expression})" for _, _, expression in alternatives))
    return regex, [number for _, number, _ in alternatives]


def _matches(view: str, patterns: Sequence[Pattern]) -> list[tuple[int, int, int]]:
    """(start, end, pattern number) of the first ``_MAX_CANDIDATES`` matches in ``view``."""
    compiled = _matcher(tuple(patterns)) if patterns else None
    if compiled is None or not view:
        return []
    regex, numbers = compiled
    out = []
    for m in regex.finditer(view):
        if m.end() > m.start():
            out.append((m.start(), m.end(), numbers[m.lastindex - 1]))
            if len(out) >= _MAX_CANDIDATES:
                break
    return out


def find_spans(text: str, patterns: Sequence[Pattern]) -> list[tuple[int, int]]:
    """Character spans of ``text`` matched by any pattern, merged where they overlap or touch."""
    if not text or not patterns:
        return []
    return _merge([(s, e) for s, e, _ in _matches(same_length_view(text), patterns)])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out = []
    cursor = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(html.escape(text[cursor:span_start]))
        out.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def highlight(text: str, patterns: Sequence[Pattern]) -> str:
    """The whole text, HTML-escaped, with every match in ``<mark>`` (for titles)."""
    text = _SPACES.sub(" ", text or "").strip()
    return _render(text, find_spans(text, patterns), 0, len(text))


def snippet(text: str, patterns: Sequence[Pattern], width: int = SNIPPET_CHARS) -> str:
    """The best window of about ``width`` characters, HTML-escaped, matches in ``<mark>``.

    The window with the most distinct query terms (then the most matches) wins; it starts at a sentence
    boundary shortly before its first match where there is one. Without matches: the beginning of the text.
    """
    text = _SPACES.sub(" ", text or "").strip()
    if not text:
        return ""
    matches = _matches(same_length_view(text), patterns) if patterns else []
    if not matches:
        end = min(len(text), width)
        return _wrap(text, 0, end, _render(text, [], 0, end))
    anchor = _best_anchor(matches, width)
    # A window near the end still shows ``width`` characters; a short text is shown from its start.
    window_start = min(_window_start(text, anchor), max(0, len(text) - width))
    window_end = min(len(text), window_start + width)
    spans = _merge([(s, e) for s, e, _ in matches if window_start <= s and e <= window_end])
    if not spans:  # the best match is longer than the window: show it from its start
        window_start = anchor
        window_end = min(len(text), window_start + width)
        spans = _merge([(s, min(e, window_end)) for s, e, _ in matches if window_start <= s < window_end])
    return _wrap(text, window_start, window_end, _render(text, spans, window_start, window_end))


def _wrap(text: str, start: int, end: int, body: str) -> str:
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _best_anchor(matches: list[tuple[int, int, int]], width: int) -> int:
    """Start of the match that opens the window with the most distinct patterns, then the most matches."""
    best = None
    right = 0
    for left in range(len(matches)):
        anchor = matches[left][0]
        while right < len(matches) and matches[right][0] < anchor + width - _LEAD_CHARS:
            right += 1
        inside = matches[left:right]
        score = (len({number for _, _, number in inside}), len(inside), -anchor)
        if best is None or score > best[0]:
            best = (score, anchor)
    return best[1]


def _window_start(text: str, anchor: int) -> int:
    lead_start = max(0, anchor - _LEAD_CHARS)
    boundary = None
    for m in _SENTENCE_END.finditer(text, lead_start, anchor):
        boundary = m.end()
    if boundary is not None:
        return boundary
    return lead_start
