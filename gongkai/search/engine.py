"""The search engine behind a small interface: documents in, Results out.

``document_for(record)`` turns a catalog Record into a ``SearchDocument``; ``TantivyIndex(path)`` keeps them:

    index = TantivyIndex(path)
    index.index([document_for(r) for r in records])   # upsert by uuid
    index.remove([uuid, ...])
    index.commit(seq=last_outbox_seq)                  # visible to readers; seq persisted atomically
    index.applied_seq()                                # → last committed outbox sequence number
    index.query("应急管理 -演练", SearchFilters(year=2024), sort="relevance", page=1, page_size=10)

One writer per index directory: the first ``index``/``remove`` takes Tantivy's writer lock and holds it until
``commit()`` (or ``rollback()``/``close()``), which releases it after waiting for segment merges; another
writer — another TantivyIndex on the same directory, in this process or another — gets ``IndexLocked`` at
once while the lock is held (nothing waits, nothing is corrupted) and succeeds after that commit. Readers
never need the lock and see each commit at their next ``query()``.

The last applied outbox sequence number lives in ``gongkai-search.json`` inside the index directory, written
(tmp file, fsync, rename) right after each Tantivy commit. A crash between the two leaves the number behind
the index, never ahead, and replaying outbox entries is harmless because ``index`` is an upsert.
"""

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import tantivy

from gongkai.search.analysis import (
    MAX_TOKEN_CHARS,
    clean_control,
    identifier_token,
    index_chars,
    index_view,
    index_words,
)
from gongkai.search.highlight import highlight, snippet
from gongkai.search.query import ParsedQuery, QueryBuilder, SearchFilters, day_number, parse

SCHEMA_VERSION = 3
META_FILE = "gongkai-search.json"
SORTS = ("relevance", "date", "date_asc")  # date = newest first; anything else counts as relevance
MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000
# Relevance ties are broken by recency: this many extra hits are fetched so ties across the page edge sort too.
TIE_BREAK_EXTRA = 50
BULK_HEAP_SIZE = 200_000_000  # Tantivy indexing memory for rebuilds: fewer, larger segments to merge
STORED_TEXT_CHARS = 200_000  # body/summary text kept for snippets (analysed text is not cut)

# The texts of a record, indexed together: every word in `words`, every text's bigrams in `text_chars` (as
# separate values). The title is also indexed on its own (`title`, `title_chars`): it ranks a word higher and
# serves "title only" searches (docs/decisions/0008-one-word-field.md).
TEXTS = ("title", "summary", "meta", "body", "attachments")
TITLE_BOOST = 3.0
WORDS_TOKENIZER = "gk_words"
CHARS_TOKENIZER = "gk_chars"
# Facets are counted from single-valued columns (a multi-valued column costs ten times more per match): the
# record's own organ (its ancestors are summed in Python) and its set of categories (split in Python).
FACET_SIZES = {"organ": 1000, "category": 500, "year": 200, "validity": 10}
FACET_COLUMNS = {"organ": "organ_leaf", "category": "category_set", "year": "year", "validity": "validity"}
FACET_BUCKETS = 65_000  # distinct organs or category sets a facet can count


class IndexLocked(RuntimeError):
    """Another writer (this process or another) holds the index's writer lock."""


class IndexSchemaMismatch(RuntimeError):
    """The directory holds an index built with another schema version: rebuild it."""


@dataclass(frozen=True)
class SearchDocument:
    """Everything the index knows about one record; plain data, no database access."""

    uuid: str
    title: str
    body: str = ""  # plain text
    summary: str = ""
    subject_terms: str = ""
    attachments: str = ""  # attachment file names and extracted text
    document_number: str = ""
    index_number: str = ""
    issuing_organ: str = ""
    organ_names: tuple[str, ...] = ()
    organ_paths: tuple[str, ...] = ()  # "/1/", "/1/4/", "/1/4/9/": the organ and its ancestors
    categories: tuple[str, ...] = ()  # category ids, with their parent categories
    published_at: dt.datetime | None = None  # local time
    written_on: dt.date | None = None
    validity: str = ""
    disclosure_mode: str = ""

    @property
    def day(self) -> dt.date | None:
        return self.published_at.date() if self.published_at else self.written_on

    @property
    def timestamp(self) -> int:
        if self.published_at is not None:
            return int(self.published_at.timestamp())
        if self.written_on is not None:
            return int(dt.datetime.combine(self.written_on, dt.time(), dt.UTC).timestamp())
        return 0


def organ_paths(path: str) -> tuple[str, ...]:
    """ "/1/4/9/" → ("/1/", "/1/4/", "/1/4/9/")."""
    parts = [p for p in (path or "").strip("/").split("/") if p]
    return tuple("/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts)))


def document_for(record, attachment_texts: Mapping[str, str] | None = None) -> SearchDocument:
    """The SearchDocument of a catalog Record, from the record and its relations (organ, categories with
    their parents, attachments); prefetch those when indexing many. ``attachment_texts`` maps an attachment's
    sha256 to its extracted text (e.g. from ``AttachmentText``); file names are indexed either way."""
    from django.utils import timezone

    from gongkai.core.html import html_to_text

    organ = record.organ
    categories = []
    for category in record.categories.all():
        node, depth = category, 0
        while node is not None and depth < 10:
            categories.append(str(node.pk))
            node, depth = node.parent, depth + 1
    attachments = []
    for attachment in record.attachments.all():
        attachments.append(attachment.filename)
        if attachment_texts:
            attachments.append(attachment_texts.get(attachment.sha256, ""))
    published_at = record.published_at
    if published_at is not None and timezone.is_aware(published_at):
        published_at = timezone.localtime(published_at)
    return SearchDocument(
        uuid=str(record.uuid),
        title=record.title,
        body=html_to_text(record.body),
        summary=record.summary,
        subject_terms=record.subject_terms,
        attachments="\n".join(a for a in attachments if a),
        document_number=record.document_number,
        index_number=record.index_number or "",
        issuing_organ=record.issuing_organ,
        organ_names=tuple(n for n in (organ.name, organ.short_name) if n),
        organ_paths=organ_paths(organ.path),
        categories=tuple(dict.fromkeys(categories)),
        published_at=published_at,
        written_on=record.written_on,
        validity=record.validity,
        disclosure_mode=record.disclosure_mode,
    )


@dataclass(frozen=True)
class Hit:
    uuid: str
    score: float | None  # BM25 with boosts; None when sorted by date
    title_html: str  # escaped title, matches in <mark>
    snippet_html: str  # escaped best passage of the body (or summary), matches in <mark>
    published_at: dt.datetime | None  # UTC


@dataclass(frozen=True)
class FacetCount:
    value: str  # organ path, category id, year, validity
    count: int


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    total: int
    page: int = 1
    page_size: int = 10
    parsed: ParsedQuery = field(default_factory=ParsedQuery)


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("uuid", stored=True, tokenizer_name="raw")
    for name in ("words", "title"):
        # Words, space-separated by analysis.index_words: no positions (phrases use the character fields).
        sb.add_text_field(name, tokenizer_name=WORDS_TOKENIZER, index_option="freq")
    for name in ("text_chars", "title_chars", "docno_chars"):
        sb.add_text_field(name, tokenizer_name=CHARS_TOKENIZER, index_option="position")
    sb.add_text_field("ids", tokenizer_name="raw", index_option="basic")
    # Filters: the organ and its ancestors, the categories and their parents (multi-valued, not columns).
    for name in ("organ", "category", "disclosure"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # Facet columns, one value per record.
    for name in ("organ_leaf", "category_set", "validity"):
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("day", indexed=True, fast=True)
    sb.add_integer_field("published", stored=True, indexed=True, fast=True)
    for name in ("title_text", "summary_text", "body_text"):
        sb.add_bytes_field(name, stored=True)
    return sb.build()


def register_tokenizers(index: tantivy.Index) -> None:
    """Tantivy's half of the analysis (Python's half, which also case-folds, is analysis.index_view /
    index_words / index_chars): split on anything that is not a letter, digit or Han character and drop
    over-long tokens. Tokenizers are not stored in the index: register them on every open."""

    def analyzer():
        return (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS * 4))  # bytes: 64 Han characters
            .build()
        )

    index.register_tokenizer(WORDS_TOKENIZER, analyzer())
    # Bigrams of letters only, already space-separated: split on spaces, nothing else to do.
    index.register_tokenizer(
        CHARS_TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )


# A document reduced to plain values: (uuid, [(text field, value)], [(integer field, value)], [(bytes field, value)]).
Prepared = tuple[str, list[tuple[str, str]], list[tuple[str, int]], list[tuple[str, bytes]]]


def prepare(doc: SearchDocument) -> Prepared:
    """The Python half of indexing one document (segmentation included), as plain picklable values, so that
    ``index(…, pool=…)`` can run it in worker processes; ``_build`` turns the result into a Tantivy document."""
    texts: list[tuple[str, str]] = [("uuid", str(doc.uuid))]
    fields = {
        "title": doc.title,
        "summary": "\n".join(p for p in (doc.summary, doc.subject_terms) if p),
        "meta": "\n".join(
            p for p in (doc.document_number, doc.index_number, doc.issuing_organ, *doc.organ_names) if p
        ),
        "body": doc.body,
        "attachments": doc.attachments,
    }
    for name in TEXTS:
        view = index_view(clean_control(fields[name] or ""))
        if not view.strip():
            continue
        words, chars = index_words(view), index_chars(view)
        texts.append(("words", words))
        # Each value of a multi-valued field starts a position gap further on, so no phrase spans two texts.
        texts.append(("text_chars", chars))
        if name == "title":
            texts += [("title", words), ("title_chars", chars)]
    docno = index_view(clean_control(doc.document_number or ""))
    if docno.strip():
        texts.append(("docno_chars", index_chars(docno)))
    for identifier in (doc.document_number, doc.index_number):
        token = identifier_token(identifier)
        if token:
            texts.append(("ids", token))
    texts.extend(("organ", path) for path in doc.organ_paths)
    if doc.organ_paths:
        texts.append(("organ_leaf", doc.organ_paths[-1]))
    categories = sorted({str(category) for category in doc.categories})
    texts.extend(("category", category) for category in categories)
    if categories:
        texts.append(("category_set", ",".join(categories)))
    if doc.validity:
        texts.append(("validity", doc.validity))
    if doc.disclosure_mode:
        texts.append(("disclosure", doc.disclosure_mode))
    integers: list[tuple[str, int]] = []
    day = doc.day
    if day is not None:
        integers += [("year", day.year), ("day", day_number(day))]
    integers.append(("published", doc.timestamp))
    stored = [
        (name, clean_control(raw or "")[:STORED_TEXT_CHARS].encode())
        for name, raw in (("title_text", doc.title), ("summary_text", doc.summary), ("body_text", doc.body))
    ]
    return str(doc.uuid), texts, integers, stored


def _build(prepared: Prepared) -> tantivy.Document:
    _, texts, integers, stored = prepared
    out = tantivy.Document()
    for name, value in texts:
        out.add_text(name, value)
    for name, value in integers:
        out.add_integer(name, value)
    for name, value in stored:
        out.add_bytes(name, value)
    return out


def _to_tantivy(doc: SearchDocument) -> tantivy.Document:
    return _build(prepare(doc))


@contextlib.contextmanager
def preparation_pool(processes: int | None = None):
    """Worker processes for ``prepare`` (segmentation runs under the GIL: processes, not threads). Forked,
    so they inherit the segmenter with every word added so far; None or 1 process means no pool."""
    if processes is None:
        processes = os.cpu_count() or 1
    if processes <= 1:
        yield None
        return
    index_words("预热")  # build the segmenter before forking, so every worker inherits it
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield pool


def _as_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


class TantivyIndex:
    """A Tantivy index in a directory, plus the last applied outbox sequence number."""

    def __init__(self, path, *, heap_size: int = 50_000_000, num_threads: int = 1):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._heap_size = heap_size
        self._num_threads = num_threads
        meta = self._read_meta()
        if tantivy.Index.exists(str(self.path)):
            if meta.get("schema_version") != SCHEMA_VERSION:
                raise IndexSchemaMismatch(
                    f"{self.path}: schema version {meta.get('schema_version')!r}, expected {SCHEMA_VERSION}"
                )
            self._index = tantivy.Index.open(str(self.path))
        else:
            self._index = tantivy.Index(build_schema(), path=str(self.path))
            if not meta:
                self._write_meta({"schema_version": SCHEMA_VERSION, "applied_seq": 0})
        register_tokenizers(self._index)
        self._schema = self._index.schema
        self._writer = None
        self._reloaded_at = None
        self._builder = QueryBuilder(
            self._schema,
            words_field="words",
            title_field="title",
            title_boost=TITLE_BOOST,
            chars_field="text_chars",
            title_chars_field="title_chars",
            ids_field="ids",
            docno_field="docno_chars",
            day_field="day",
            organ_field="organ",
            category_field="category",
            year_field="year",
            validity_field="validity",
            disclosure_field="disclosure",
        )

    # -- lifecycle ----------------------------------------------------------------------------------------
    def close(self) -> None:
        """Drop uncommitted changes and release the writer lock."""
        self.rollback()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def has_writer(self) -> bool:
        return self._writer is not None

    def _get_writer(self):
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=self._heap_size, num_threads=self._num_threads)
            except ValueError as exc:
                if "LockBusy" in str(exc):
                    raise IndexLocked(f"another writer holds {self.path}") from exc
                raise
        return self._writer

    # -- writing ------------------------------------------------------------------------------------------
    def index(self, docs: Iterable[SearchDocument], *, pool=None, replace: bool = True) -> int:
        """Add or replace documents (by uuid); visible after ``commit``. Returns how many.

        With a ``pool`` (``preparation_pool()``), the documents are analysed in its worker processes while
        this one feeds Tantivy, whose own threads index them. ``replace=False`` skips deleting an earlier
        version of each document: for filling a new, empty index with distinct documents (rebuilds)."""
        writer = self._get_writer()
        prepared = pool.imap(prepare, docs, chunksize=16) if pool is not None else map(prepare, docs)
        count = 0
        for item in prepared:
            if replace:
                writer.delete_documents_by_term("uuid", item[0])
            writer.add_document(_build(item))
            count += 1
        return count

    def remove(self, uuids: Iterable) -> int:
        """Delete documents by uuid (unknown ones are ignored); effective after ``commit``."""
        writer = self._get_writer()
        count = 0
        for uuid in uuids:
            writer.delete_documents_by_term("uuid", str(uuid))
            count += 1
        return count

    def commit(self, seq: int | None = None) -> None:
        """Make pending changes visible, then record ``seq`` (the last outbox entry they include).

        ``seq`` may not go backwards; ``None`` keeps the stored number.
        """
        if seq is not None:
            seq = int(seq)
            if seq < self.applied_seq():
                raise ValueError(f"seq {seq} is behind the applied seq {self.applied_seq()}")
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.commit()
            # Let merges of the new segments finish, then drop the writer: that releases the lock.
            writer.wait_merging_threads()
        self._index.reload()
        if seq is not None:
            self._write_meta({**self._read_meta(), "schema_version": SCHEMA_VERSION, "applied_seq": seq})

    def rollback(self) -> None:
        """Drop uncommitted changes and release the writer lock."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()

    def applied_seq(self) -> int:
        return int(self._read_meta().get("applied_seq", 0))

    def _read_meta(self) -> dict:
        try:
            return json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def _write_meta(self, data: dict) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".meta-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path / META_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    # -- reading ------------------------------------------------------------------------------------------
    def _reload_if_committed(self) -> None:
        """Reload the reader when a commit (by any writer, in any process) replaced Tantivy's meta.json: a stat
        instead of a reload on every query."""
        try:
            st = os.stat(self.path / "meta.json")
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        if stamp is None or stamp != self._reloaded_at:
            self._index.reload()
            self._reloaded_at = stamp

    def num_docs(self) -> int:
        self._reload_if_committed()
        return self._index.searcher().num_docs

    def query(
        self,
        q: str = "",
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = 10,
    ) -> Results:
        """One page of hits with snippets, facet counts for the whole result set, and the exact total.

        ``q`` is any user input (see ``query.parse``); ``sort`` is one of SORTS; ``page`` counts from 1 and
        ``page_size`` is capped at MAX_PAGE_SIZE, the offset at MAX_OFFSET. Never raises on user input.
        """
        filters = filters or SearchFilters()
        page_size = max(1, min(_as_int(page_size, 10), MAX_PAGE_SIZE))
        page = max(1, _as_int(page, 1))
        offset = min((page - 1) * page_size, MAX_OFFSET)
        parsed = parse(q)
        self._reload_if_committed()
        searcher = self._index.searcher()
        query = self._builder.build(parsed, filters, searcher=searcher)
        # Facets and the total count every match of the query without its ranking clauses, in another thread
        # (Tantivy releases the GIL) while this one collects the page, which then needs no count and can skip
        # documents that cannot reach it.
        counting = _executor().submit(
            self._facets, searcher, self._builder.build(parsed, filters, searcher=searcher, scoring=False)
        )
        try:
            if sort in SORTS[1:]:
                order = tantivy.Order.Asc if sort == "date_asc" else tantivy.Order.Desc
                result = searcher.search(
                    query, page_size, count=False, order_by_field="published", offset=offset, order=order
                )
                ranked = [(None, address) for _, address in result.hits]
            else:
                result = searcher.search(query, offset + page_size + TIE_BREAK_EXTRA, count=False)
                addresses = [address for _, address in result.hits]
                published = searcher.fast_field_values("published", addresses) if addresses else []
                ordered = sorted(
                    zip(result.hits, published, strict=True),
                    key=lambda item: (-round(item[0][0], 5), -(item[1] or 0)),
                )
                ranked = [(score, address) for (score, address), _ in ordered][offset : offset + page_size]
            patterns = parsed.highlight_patterns()
            hits = [self._hit(searcher.doc(address), score, patterns) for score, address in ranked]
        finally:
            facets, total = counting.result()
        return Results(
            hits=hits,
            facets=facets,
            total=total,
            page=page,
            page_size=page_size,
            parsed=parsed,
        )

    @staticmethod
    def _hit(doc: tantivy.Document, score: float | None, patterns) -> Hit:
        def text(name):
            value = doc.get_first(name)
            return bytes(value).decode() if value else ""

        body = text("body_text")
        body_snippet = snippet(body, patterns)
        if "<mark>" not in body_snippet:
            summary_snippet = snippet(text("summary_text"), patterns)
            if "<mark>" in summary_snippet or not body:
                body_snippet = summary_snippet
        published = doc.get_first("published")
        return Hit(
            uuid=doc.get_first("uuid"),
            score=score,
            title_html=highlight(text("title_text"), patterns),
            snippet_html=body_snippet,
            published_at=dt.datetime.fromtimestamp(published, dt.UTC) if published else None,
        )

    @staticmethod
    def _facets(searcher: tantivy.Searcher, query: tantivy.Query) -> tuple[dict[str, list[FacetCount]], int]:
        """Facet counts and the number of matches (every document has a ``published`` value)."""
        request = {
            name: {"terms": {"field": column, "size": FACET_BUCKETS}}
            for name, column in FACET_COLUMNS.items()
        }
        request["total"] = {"value_count": {"field": "published"}}
        response = searcher.aggregate(query, request)
        counts: dict[str, Counter] = {name: Counter() for name in FACET_COLUMNS}
        for name in FACET_COLUMNS:
            for bucket in response.get(name, {}).get("buckets", []):
                key, n = bucket["key"], bucket["doc_count"]
                key = str(int(key)) if isinstance(key, float) else str(key)
                if name == "organ":  # the record's own organ: counted for it and every ancestor
                    values = organ_paths(key)
                elif name == "category":  # the record's set of categories (their parents included)
                    values = key.split(",")
                else:
                    values = (key,)
                for value in values:
                    counts[name][value] += n
        facets = {
            name: sorted(
                (FacetCount(value, n) for value, n in counts[name].items()), key=lambda c: (-c.count, c.value)
            )[: FACET_SIZES[name]]
            for name in FACET_COLUMNS
        }
        return facets, int(response.get("total", {}).get("value") or 0)


_EXECUTOR: tuple[int, ThreadPoolExecutor] | None = None


def _executor() -> ThreadPoolExecutor:
    """Threads for facet counting, made anew in a forked child (a parent's pool does not survive fork)."""
    global _EXECUTOR
    if _EXECUTOR is None or _EXECUTOR[0] != os.getpid():
        _EXECUTOR = (os.getpid(), ThreadPoolExecutor(max_workers=4, thread_name_prefix="gongkai-facets"))
    return _EXECUTOR[1]
