"""The search-box language and its translation into Tantivy query objects.

Syntax (everything else is plain text; no input raises):
- words separated by spaces are ANDed: ``应急管理 预案``;
- inside a word the precise-mode jieba words are ANDed, except single characters next to longer words,
  which only help ranking: ``2016年财政预算`` needs 2016 and 财政预算 and prefers 年;
- ``"quoted phrase"``: the literal text, its letters, digits and Han characters in a row whatever the
  punctuation between them (an unmatched quote runs to the end of the input); full-width quotes “” 「」 too;
- ``-word`` / ``-"phrase"`` excludes;
- ``A OR B`` (upper case; also ``A | B``) matches either; OR binds tighter than the implicit AND;
- a 文号 in any bracket spelling (长开政发[2016]12号, （2016）, 【2016】, with or without spaces) and any
  word equal to a 索引号 also match the exact identifier token.

Queries are built with Tantivy's query-object API, never by string concatenation, so user text cannot
inject syntax. Input is cut to ``MAX_QUERY_CHARS`` and ``MAX_CLAUSES`` to bound the work.
"""

import datetime as dt
import re
from dataclasses import dataclass

import tantivy

from gongkai.search.analysis import (
    clean_control,
    identifier_token,
    phrase_bigrams,
    phrase_chars,
    phrase_pattern,
    query_words,
    to_half_width,
)
from gongkai.search.highlight import Chars, Pattern

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 24
MAX_WORDS_PER_TERM = 16
MAX_PHRASE_CHARS = 100

_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "„": '"', "〝": '"', "〞": '"'}
)
_DOCNO = r"[\w]{1,24}?\s*[〔\[【〖(]\s*(?:19|20)\d\d\s*[〕\]】〗)]\s*第?\s*\d{1,6}\s*号"
_ITEM = re.compile(rf'(?P<neg>-)?(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<docno>{_DOCNO})|(?P<word>[^\s"]+))')
_OR_WORDS = {"OR", "|", "||"}
_DOCNO_WORD = re.compile(_DOCNO)
# 索引号 such as 11430105770088109P/2024-00012 or 000014349/2019-00178: letters/digits joined by / or -.
_INDEX_NUMBER_WORD = re.compile(r"[0-9A-Za-z]{4,}(?:[/-][0-9A-Za-z]+)+")


@dataclass(frozen=True)
class Term:
    """One word typed without quotes, or an identifier (文号, 索引号)."""

    text: str
    required: tuple[str, ...] = ()  # precise-mode tokens that must all match
    optional: tuple[str, ...] = ()  # single characters that only help ranking
    identifier: str | None = None  # exact identifier token (spelling-normalised)
    literal: Pattern = ()  # for identifiers: the identifier's text as a phrase

    def patterns(self) -> list[Pattern]:
        if self.identifier is not None:
            return [self.literal] if self.literal else []
        out: list[Pattern] = []
        if len(self.required) + len(self.optional) > 1:
            # Where the word occurs as typed, it is marked as one piece (2016年财政预算, not 2016 … 财政预算).
            whole = tuple(phrase_pattern(self.text))
            if whole:
                out.append(whole)
        for word in self.required or self.optional:
            out.append(((0, word),))
            leaves = tuple(phrase_pattern(word))
            if len(leaves) > 1:
                out.append(leaves)
        return out


@dataclass(frozen=True)
class Phrase:
    text: str
    pattern: Chars

    def patterns(self) -> list[Pattern]:
        return [self.pattern]


Clause = Term | Phrase


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...] = ()  # ANDed; the clauses of a group are ORed
    excluded: tuple[Clause, ...] = ()
    # The input had text but nothing searchable in it (only punctuation, over-long runs…): matches nothing.
    unsearchable: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    def highlight_patterns(self) -> list[Pattern]:
        """What the snippets mark: the positive clauses only."""
        seen: dict[Pattern, None] = {}
        for group in self.groups:
            for clause in group:
                for pattern in clause.patterns():
                    seen.setdefault(pattern, None)
        return list(seen)


@dataclass(frozen=True)
class SearchFilters:
    """The advanced-search form and the facet links. Empty values mean "no filter"."""

    title_only: bool = False
    date_from: dt.date | None = None  # published on or after
    date_to: dt.date | None = None  # published on or before
    document_number: str = ""  # a full 文号 in any bracket spelling, or a part of one (政发, 2016)
    organ_path: str = ""  # "/1/4/": the organ and everything under it
    category: str = ""  # category id, subcategories included
    year: int | None = None
    validity: str = ""
    disclosure_mode: str = ""


def _make_term(text: str) -> Term | None:
    if _DOCNO_WORD.fullmatch(text) or _INDEX_NUMBER_WORD.fullmatch(text):
        identifier = identifier_token(text)
        return Term(text=text, identifier=identifier, literal=tuple(phrase_pattern(identifier)))
    words = query_words(text)[:MAX_WORDS_PER_TERM]
    if not words:
        return None
    multi = [w for w in words if len(w) > 1]
    if multi:
        required = tuple(dict.fromkeys(multi))
        optional = tuple(dict.fromkeys(w for w in words if len(w) == 1))
    else:
        required, optional = tuple(dict.fromkeys(words)), ()
    return Term(text=text, required=required, optional=optional)


def _make_phrase(text: str) -> Clause | None:
    text = text[:MAX_PHRASE_CHARS]
    chars = tuple(phrase_chars(text))
    if not chars:
        return None
    return Phrase(text=text, pattern=Chars(chars))


def parse(q) -> ParsedQuery:
    """Parse any input into a ParsedQuery; never raises."""
    if not isinstance(q, str):
        q = "" if q is None else str(q)
    text = to_half_width(clean_control(q[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS]).translate(_QUOTES)
    items: list[tuple[bool, Clause | None, bool]] = []  # (negated, clause, is an OR keyword)
    for m in _ITEM.finditer(text):
        negated = bool(m.group("neg"))
        if m.group("phrase") is not None:
            items.append((negated, _make_phrase(m.group("phrase")), False))
        elif m.group("docno") is not None:
            items.append((negated, _make_term(m.group("docno")), False))
        else:
            word = m.group("word")
            if not negated and word in _OR_WORDS:
                items.append((False, None, True))
            else:
                items.append((negated, _make_term(word), False))
        if len(items) >= MAX_CLAUSES * 2:
            break
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    pending_or = False
    last_was_positive = False
    for negated, clause, is_or in items:
        if is_or:
            pending_or = last_was_positive
            continue
        if clause is None:
            continue
        if negated:
            excluded.append(clause)
            last_was_positive = pending_or = False
            continue
        if pending_or and groups:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or = False
        last_was_positive = True
    if not groups and not excluded:
        return ParsedQuery(unsearchable=bool(text.strip()))
    groups = groups[:MAX_CLAUSES]
    excluded = excluded[: max(0, MAX_CLAUSES - len(groups))]
    return ParsedQuery(groups=tuple(tuple(g) for g in groups), excluded=tuple(excluded))


# The characters-in-a-row fallback of a word (see QueryBuilder._word) is skipped when its rarest bigram is in
# more records than this and nothing else in the query is rarer: the word alone then already finds tens of
# thousands, and checking that many records' character positions would cost tens of milliseconds.
FALLBACK_MAX_DOCS = 100_000


@dataclass(frozen=True)
class _Plan:
    """What decides whether a word's fallback is affordable: the searcher's term statistics, the limit, and
    about how many records the rest of the query lets through (None: nothing else narrows it)."""

    searcher: tantivy.Searcher | None
    limit: int
    narrowest_other: int | None = None

    def affordable(self, chars_field: str, bigrams: list[str]) -> bool:
        if self.searcher is None or (self.narrowest_other is not None and self.narrowest_other <= self.limit):
            return True
        return min(self.searcher.doc_freq(chars_field, b) for b in bigrams) <= self.limit


@dataclass(frozen=True)
class _Fields:
    words: str  # where a word must occur
    chars: str  # where characters in a row must occur
    title: str | None = None  # where the same word or characters rank higher (None: title-only search)
    title_chars: str | None = None


class QueryBuilder:
    """Turns a ParsedQuery and SearchFilters into one Tantivy query for a given schema.

    A word must occur in ``words_field`` (every text of the record) and ranks ``title_boost`` higher where it
    is also in ``title_field``; characters in a row (phrases) use ``chars_field`` / ``title_chars_field``,
    which hold bigrams. ``ids_field`` holds exact identifier tokens; ``docno_field`` is the 文号 as bigrams;
    the rest are the filter fields. ``build(…, scoring=False)`` leaves out the clauses that only rank (title
    bonus, optional characters, the word as typed): the same matches, cheaper, for counting facets.
    """

    def __init__(
        self,
        schema: tantivy.Schema,
        *,
        words_field: str,
        title_field: str,
        title_boost: float,
        chars_field: str,
        title_chars_field: str,
        ids_field: str,
        docno_field: str,
        day_field: str,
        organ_field: str,
        category_field: str,
        year_field: str,
        validity_field: str,
        disclosure_field: str,
        identifier_score: float = 50.0,
        fallback_max_docs: int = FALLBACK_MAX_DOCS,
    ):
        self.schema = schema
        self.all_fields = _Fields(words_field, chars_field, title_field, title_chars_field)
        self.title_fields = _Fields(title_field, title_chars_field)
        self.title_boost = title_boost
        self.ids_field = ids_field
        self.docno_field = docno_field
        self.day_field = day_field
        self.organ_field = organ_field
        self.category_field = category_field
        self.year_field = year_field
        self.validity_field = validity_field
        self.disclosure_field = disclosure_field
        # A record whose own 文号/索引号 is the query beats any record that merely quotes it.
        self.identifier_score = identifier_score
        self.fallback_max_docs = fallback_max_docs

    # -- pieces -------------------------------------------------------------------------------------------
    def _term(self, field_name: str, value) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field_name, value)

    def _chars(self, field_name: str, chars: list[str]) -> tantivy.Query:
        """Two or more characters in a row in a character field (which holds bigrams)."""
        bigrams = phrase_bigrams(chars)
        if len(bigrams) == 1:
            return self._term(field_name, bigrams[0])
        return tantivy.Query.phrase_query(self.schema, field_name, bigrams)

    @staticmethod
    def _any(queries: list[tantivy.Query]) -> tantivy.Query:
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])

    def _ranked(self, match: tantivy.Query, title_query: tantivy.Query | None) -> tantivy.Query:
        """``match`` decides; the title query only adds to the score of what matched."""
        if title_query is None:
            return match
        bonus = tantivy.Query.boost_query(title_query, self.title_boost)
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, match), (tantivy.Occur.Should, bonus)])

    def _phrase(self, f: _Fields, text: str, scoring: bool) -> tantivy.Query:
        chars = phrase_chars(text)
        if not chars:
            return tantivy.Query.empty_query()
        if len(chars) == 1:  # one character: only where it is a word of its own
            match, field_name, make = self._term(f.words, chars[0]), f.title, self._term
            value = chars[0]
        else:
            match, field_name, make = self._chars(f.chars, chars), f.title_chars, self._chars
            value = chars
        return self._ranked(match, make(field_name, value) if scoring and field_name else None)

    def _word(self, f: _Fields, word: str, scoring: bool, plan: _Plan) -> tantivy.Query:
        """The word, or its characters in a row where the document was segmented differently (应急管理 in
        应急管理体系, cut 应急 / 管理体系; 双随机一公开 in a text that writes 双随机、一公开). Every record that has the
        word as a token has its characters in a row (both come from the same texts), so with the fallback the
        characters decide and the word only adds to the score. Words that are one smallest token (政府, covid)
        need no fallback, nor words whose characters are in so many records, in a query with nothing rarer
        to narrow it, that the characters would be slow (``_Plan``): the word alone then finds plenty."""
        word_query = self._term(f.words, word)
        chars = phrase_chars(word)
        if (
            len(word) > 2
            and len(phrase_pattern(word)) > 1
            and plan.affordable(f.chars, phrase_bigrams(chars))
        ):
            in_a_row = self._chars(f.chars, chars)
            if scoring:
                match = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, in_a_row), (tantivy.Occur.Should, word_query)]
                )
            else:
                match = in_a_row
        else:
            match = word_query
        return self._ranked(match, self._term(f.title, word) if scoring and f.title else None)

    def _clause(self, clause: Clause, f: _Fields, scoring: bool, plan: _Plan) -> tantivy.Query:
        if isinstance(clause, Phrase):
            return self._phrase(f, clause.text, scoring)
        if clause.identifier is not None:
            exact = self._term(self.ids_field, clause.identifier)
            alternatives = [tantivy.Query.const_score_query(exact, self.identifier_score)]
            if clause.literal:
                alternatives.append(self._phrase(f, clause.identifier, scoring))
            return self._any(alternatives)
        subqueries = [(tantivy.Occur.Must, self._word(f, w, scoring, plan)) for w in clause.required]
        if scoring:
            subqueries += [(tantivy.Occur.Should, self._word(f, w, scoring, plan)) for w in clause.optional]
            if len(clause.required) + len(clause.optional) > 1 and len(phrase_chars(clause.text)) > 1:
                # The word as typed (2016年财政预算 rather than 2016 … 财政预算) ranks higher.
                subqueries.append((tantivy.Occur.Should, self._phrase(f, clause.text, scoring)))
        if len(subqueries) == 1 and subqueries[0][0] == tantivy.Occur.Must:
            return subqueries[0][1]
        return tantivy.Query.boolean_query(subqueries)

    # -- planning -----------------------------------------------------------------------------------------
    def _estimate(self, clause: Clause, f: _Fields, searcher: tantivy.Searcher) -> int:
        """About how many records a clause matches, from the term dictionary: enough to know what is rare."""
        identifier = None if isinstance(clause, Phrase) else clause.identifier
        if isinstance(clause, Phrase) or identifier is not None:
            chars = phrase_chars(clause.text if identifier is None else identifier)
            if len(chars) == 1:
                return searcher.doc_freq(f.words, chars[0])
            rarest = min((searcher.doc_freq(f.chars, b) for b in phrase_bigrams(chars)), default=0)
            if identifier is not None:
                rarest += searcher.doc_freq(self.ids_field, identifier)
            return rarest
        return min((searcher.doc_freq(f.words, w) for w in clause.required), default=0)

    def _filter_estimates(self, filters: SearchFilters, searcher: tantivy.Searcher) -> list[int]:
        organ_path = "/" + str(filters.organ_path).strip("/") + "/" if filters.organ_path else ""
        out = [
            searcher.doc_freq(field_name, str(value))
            for field_name, value in (
                (self.organ_field, organ_path),
                (self.category_field, filters.category),
                (self.validity_field, filters.validity),
                (self.disclosure_field, filters.disclosure_mode),
            )
            if value
        ]
        try:
            if filters.year is not None and str(filters.year).strip():
                out.append(searcher.doc_freq(self.year_field, int(filters.year)))
        except (TypeError, ValueError, OverflowError):
            out.append(0)
        return out

    # -- the whole query ----------------------------------------------------------------------------------
    def build(
        self,
        parsed: ParsedQuery,
        filters: SearchFilters | None = None,
        *,
        searcher: tantivy.Searcher | None = None,
        scoring: bool = True,
    ) -> tantivy.Query:
        """The query; with the ``searcher`` it will run on, the fallbacks are planned from its statistics."""
        filters = filters or SearchFilters()
        if parsed.unsearchable:
            return tantivy.Query.empty_query()
        f = self.title_fields if filters.title_only else self.all_fields
        if searcher is not None:
            estimates = [sum(self._estimate(c, f, searcher) for c in group) for group in parsed.groups]
            narrowing = self._filter_estimates(filters, searcher)
        else:
            estimates, narrowing = [], []
        subqueries: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for i, group in enumerate(parsed.groups):
            # What else the record must match bounds the work of this group's fallbacks.
            others = estimates[:i] + estimates[i + 1 :] + narrowing
            plan = _Plan(searcher, self.fallback_max_docs, min(others) if others else None)
            alternatives = [self._clause(c, f, scoring, plan) for c in group]
            subqueries.append((tantivy.Occur.Must, self._any(alternatives)))
        if not subqueries:
            subqueries.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        excluding = _Plan(searcher, self.fallback_max_docs, min(estimates + narrowing, default=None))
        for clause in parsed.excluded:
            # Excluded words are excluded wherever they occur, even when searching titles only.
            subqueries.append(
                (tantivy.Occur.MustNot, self._clause(clause, self.all_fields, False, excluding))
            )
        for query in self.filter_queries(filters):
            subqueries.append((tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)))
        return tantivy.Query.boolean_query(subqueries)

    def filter_queries(self, filters: SearchFilters) -> list[tantivy.Query]:
        out = []
        if filters.date_from or filters.date_to:
            out.append(
                tantivy.Query.range_query(
                    self.schema,
                    self.day_field,
                    tantivy.FieldType.Integer,
                    day_number(filters.date_from) if filters.date_from else 0,
                    day_number(filters.date_to) if filters.date_to else 99_991_231,
                )
            )
        if filters.document_number and filters.document_number.strip():
            out.append(self._document_number(filters.document_number))
        organ_path = "/" + str(filters.organ_path).strip("/") + "/" if filters.organ_path else ""
        for field_name, value in (
            (self.organ_field, organ_path),
            (self.category_field, filters.category),
            (self.validity_field, filters.validity),
            (self.disclosure_field, filters.disclosure_mode),
        ):
            if value:
                out.append(self._term(field_name, str(value)))
        if filters.year is not None and str(filters.year).strip():
            try:
                out.append(self._term(self.year_field, int(filters.year)))
            except (TypeError, ValueError, OverflowError):
                out.append(tantivy.Query.empty_query())  # a year that is no number matches nothing
        return out

    def _document_number(self, value: str) -> tantivy.Query:
        value = clean_control(str(value))[:MAX_PHRASE_CHARS]
        exact = self._term(self.ids_field, identifier_token(value))
        chars = phrase_chars(value)
        if len(chars) < 2:
            return exact
        return self._any([exact, self._chars(self.docno_field, chars)])


def day_number(day: dt.date) -> int:
    """A date as the integer yyyymmdd, the form the index stores for range filters."""
    return day.year * 10_000 + day.month * 100 + day.day
