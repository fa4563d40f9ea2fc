"""Highlighting in Python from token offsets (Tantivy's SnippetGenerator cannot see pre-tokenized text).

A *pattern* is what one query term matches: a tuple of (relative character offset, token) pairs — a single
word is ``((0, "应急管理"),)``, a phrase is its ``phrase_pattern``. The text is analysed with the same
analyzer as the index, every place where a pattern's tokens sit at the right relative offsets is a match, and
the matched characters of the ORIGINAL text are wrapped in ``<mark>``; everything else is HTML-escaped.
"""

import html
import re
from collections.abc import Sequence

from gongkai.search.analysis import same_length_view, token_spans

Pattern = tuple[tuple[int, str], ...]

SNIPPET_CHARS = 120
_LEAD_CHARS = 30  # context shown before the first match of the window
_MARGIN = 16  # extra characters segmented around a window so words at its edges are cut alike
_MAX_CANDIDATES = 2000
_WINDOWS_TRIED = 10  # candidate windows segmented before giving up on a match
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_SPACES = re.compile(r"\s+")
_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def find_spans(text: str, patterns: Sequence[Pattern]) -> list[tuple[int, int]]:
    """Character spans of ``text`` matched by any pattern, merged where they overlap or touch."""
    if not text or not patterns:
        return []
    wanted = {word for pattern in patterns for _, word in pattern}
    ends: dict[tuple[int, str], int] = {}
    starts_by_text: dict[str, list[int]] = {}
    for token, start, end in token_spans(text):
        if token in wanted:
            key = (start, token)
            ends[key] = max(ends.get(key, end), end)
            starts_by_text.setdefault(token, []).append(start)
    spans = []
    for pattern in patterns:
        if not pattern:
            continue
        first_offset, first_word = pattern[0]
        for first_start in starts_by_text.get(first_word, ()):
            base = first_start - first_offset
            matched_ends = [ends.get((base + offset, word)) for offset, word in pattern]
            if all(end is not None for end in matched_ends):
                spans.append((base + min(offset for offset, _ in pattern), max(matched_ends)))
    return _merge(spans)


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
    for candidate in _candidate_windows(text, patterns, width):
        # A window near the end still shows ``width`` characters; a short text is shown from its start.
        window_start = min(candidate, max(0, len(text) - width))
        window_end = min(len(text), window_start + width)
        segment_start = max(0, window_start - _MARGIN)
        segment = text[segment_start : min(len(text), window_end + _MARGIN)]
        spans = [
            (segment_start + s, segment_start + e)
            for s, e in find_spans(segment, patterns)
            if window_start <= segment_start + s and segment_start + e <= window_end
        ]
        if spans:
            return _wrap(text, window_start, window_end, _render(text, spans, window_start, window_end))
    end = min(len(text), width)
    return _wrap(text, 0, end, _render(text, [], 0, end))


def _wrap(text: str, start: int, end: int, body: str) -> str:
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _candidate_windows(text: str, patterns: Sequence[Pattern], width: int) -> list[int]:
    """Window starts, best first, from a cheap substring scan of the normalised text."""
    words = [word for pattern in patterns for _, word in pattern]
    # Han-only words are found in the raw text as they are; letters and digits need the folded view.
    view = text if all(_HAN_ONLY.fullmatch(word) for word in words) else same_length_view(text)
    hits: list[tuple[int, int]] = []  # (position, pattern number): every token of the pattern is in place
    loose: list[tuple[int, int]] = []  # only the first token is (case folds that change length end up here)
    for number, pattern in enumerate(patterns):
        if not pattern:
            continue
        offset, word = pattern[0]
        position = view.find(word)
        while position != -1 and len(hits) + len(loose) < _MAX_CANDIDATES:
            base = position - offset
            whole = base >= 0 and all(view.startswith(w, base + o) for o, w in pattern)
            (hits if whole else loose).append((max(0, base), number))
            position = view.find(word, position + 1)
    hits = hits or loose
    if not hits:
        return []
    hits.sort()
    scored = []
    right = 0
    for left in range(len(hits)):
        anchor = hits[left][0]
        while right < len(hits) and hits[right][0] < anchor + width - _LEAD_CHARS:
            right += 1
        inside = hits[left:right]
        scored.append((-len({number for _, number in inside}), -len(inside), anchor))
    scored.sort()
    starts: list[int] = []
    for _, _, anchor in scored:
        start = _window_start(text, anchor)
        if start not in starts:
            starts.append(start)
        if len(starts) == _WINDOWS_TRIED:
            break
    return starts


def _window_start(text: str, anchor: int) -> int:
    lead_start = max(0, anchor - _LEAD_CHARS)
    boundary = None
    for m in _SENTENCE_END.finditer(text, lead_start, anchor):
        boundary = m.end()
    if boundary is not None:
        return boundary
    return lead_start
