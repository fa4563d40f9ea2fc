"""One benchmark stage per process: ``python -m bench.search.stages STAGE WORKDIR``.

Each stage reads what earlier stages left in WORKDIR (records.jsonl, tokens.jsonl, indexes, the scratch
database under WORKDIR/var) and writes its figures to WORKDIR/results/STAGE.json, peak RSS (ru_maxrss) included.
Latency protocol (SEARCH-NOTES.md): one warm-up pass over all queries, then 3 timed passes, each in a freshly
shuffled order; percentiles over all samples. Query analysis (segmentation, building query objects) happens
before the clock starts for the raw engines; our own query() and the HTTP endpoint are timed whole.
"""

import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.search.corpus import stable_hash
from bench.search.queries import load_queries
from bench.search.records import CATEGORIES, ORGANS, read_records

TZ = ZoneInfo("Asia/Shanghai")
PASSES = 3
SHUFFLE_SEED = 11
PG_DSN = os.environ.get("GONGKAI_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres")


# -- helpers ------------------------------------------------------------------------------------------------
def rss_mib() -> float:
    """Peak RSS of this process: VmHWM (ru_maxrss can carry the parent's peak across fork + exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 2**20


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def latency(
    queries: list[dict], run: Callable[[dict], int], *, passes=PASSES, warm: int | None = None
) -> dict:
    """Warm-up, then ``passes`` shuffled timed passes. ``run`` returns the hit count (kept for cross-checks)."""
    for q in queries[:warm] if warm else queries:
        run(q)
    rng = random.Random(SHUFFLE_SEED)
    samples: list[tuple[str, float]] = []
    counts: dict[str, int] = {}
    clock = time.perf_counter
    for _ in range(passes):
        order = list(queries)
        rng.shuffle(order)
        for q in order:
            start = clock()
            count = run(q)
            samples.append((q["kind"], (clock() - start) * 1000))
            counts[q["q"] + "|" + str(q.get("organ", "")) + str(q.get("year", ""))] = count
    ms = [s for _, s in samples]
    by_kind = defaultdict(list)
    for kind, s in samples:
        by_kind[kind].append(s)
    return {
        "samples": len(ms),
        "passes": passes,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "mean": sum(ms) / len(ms),
        "by_kind": {k: {"p50": percentile(v, 50), "p95": percentile(v, 95)} for k, v in by_kind.items()},
        "counts": counts,
    }


def terms(q: str) -> list[str]:
    """The user's words (quotes dropped: phrases become ANDed words for the alternatives)."""
    return [t for t in q.replace('"', " ").split() if t]


def query_tokens(q: str) -> list[str]:
    """Index tokens the alternatives AND together: precise-mode words of every term (as our parser's
    required words, single characters next to longer words dropped as it does)."""
    from gongkai.search.analysis import query_words

    out = []
    for term in terms(q):
        words = query_words(term)
        multi = [w for w in words if len(w) > 1]
        out.extend(multi or words)
    return list(dict.fromkeys(out))


def organ_words() -> list[str]:
    return [n for o in ORGANS for n in (o.name, o.short_name) if n]


def _work(workdir: Path) -> dict:
    return {
        "records": workdir / "records.jsonl",
        "tokens": workdir / "tokens.jsonl",
        "var": workdir / "var",
        "index": workdir / "var" / "search" / "index-bench",
        "fts5": workdir / "fts5.sqlite3",
        "like": workdir / "like.sqlite3",
        "whoosh": workdir / "whoosh",
    }


def _search_document(r):
    from gongkai.search.engine import SearchDocument, organ_paths

    organ = ORGANS[r.organ - 1]
    day = r.date
    return SearchDocument(
        uuid=r.uuid,
        title=r.title,
        body=r.body,
        document_number=r.document_number,
        index_number=r.index_number,
        issuing_organ=organ.name,
        organ_names=tuple(n for n in (organ.name, organ.short_name) if n),
        organ_paths=organ_paths(organ.path),
        categories=(str(r.category),),
        published_at=dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=TZ),
        written_on=day,
        validity=r.validity,
        disclosure_mode="proactive",
    )


def _filters(q: dict):
    from gongkai.search.query import SearchFilters

    return SearchFilters(organ_path=q.get("organ_path", ""), year=q.get("year"))


# -- stages -------------------------------------------------------------------------------------------------
def stage_segment(w: dict) -> dict:
    """Analysis alone (what TantivyIndex.index runs per document before Tantivy: the word and character texts
    of title, body and meta), and the token text that every alternative engine indexes: the same words,
    space-joined, per title and body, cut into letter/digit runs as Tantivy's tokenizer cuts them."""
    from gongkai.search import analysis
    from gongkai.search.engine import _to_tantivy  # noqa: F401  (import cost outside the clock)

    analysis.add_words(organ_words())
    analysis.index_words("预热")
    seconds = 0.0
    count = chars = 0
    clock = time.perf_counter
    pieces = re.compile(r"[^\W_]+").findall
    with open(w["tokens"], "w", encoding="utf-8") as out:
        for r in read_records(w["records"]):
            organ = ORGANS[r.organ - 1]
            meta = "\n".join(
                p for p in (r.document_number, r.index_number, organ.name, organ.short_name) if p
            )
            start = clock()
            texts = []
            for text in (r.title, r.body, meta, r.document_number):
                view = analysis.index_view(analysis.clean_control(text))
                texts.append(analysis.index_words(view))
                analysis.index_chars(view)
            seconds += clock() - start
            count += 1
            chars += len(r.title) + len(r.body)
            row = {
                "id": r.n,
                "title": " ".join(pieces(texts[0])),
                "body": " ".join(pieces(texts[1])),
                "organ": organ.path,
                "year": r.date.year,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {
        "records": count,
        "chars": chars,
        "seconds": seconds,
        "records_per_s": count / seconds,
        "mchars_per_s": chars / seconds / 1e6,
    }


def stage_tantivy_build(w: dict) -> dict:
    from gongkai.search import analysis
    from gongkai.search.engine import BULK_HEAP_SIZE, TantivyIndex, preparation_pool

    analysis.add_words(organ_words())
    if w["index"].exists():
        shutil.rmtree(w["index"])
    w["index"].parent.mkdir(parents=True, exist_ok=True)
    current = w["index"].parent / "current"
    if not current.is_symlink():
        current.symlink_to(w["index"].name)
    start = time.perf_counter()
    # As `gongkai search rebuild` does it: segmentation in one worker process per CPU, Tantivy's own threads.
    index = TantivyIndex(w["index"], heap_size=BULK_HEAP_SIZE, num_threads=2)
    with preparation_pool() as pool:
        # Streamed from records.jsonl (the JSON read is inside the clock, as in SEARCH-NOTES: ~1 % of it).
        docs = (_search_document(r) for r in read_records(w["records"]))
        count = index.index(docs, pool=pool, replace=False)
    indexed = time.perf_counter() - start
    index.commit(seq=0)
    seconds = time.perf_counter() - start
    return {
        "records": count,
        "seconds": seconds,
        "index_seconds": indexed,
        "commit_seconds": seconds - indexed,
        "records_per_s": count / seconds,
        "size_mib": dir_mib(w["index"]),
        "num_docs": index.num_docs(),
    }


def _django(w: dict):
    os.environ["GONGKAI_VAR_DIR"] = str(w["var"])
    os.environ["GONGKAI_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()


def stage_db_load(w: dict) -> dict:
    """The scratch catalog: migrate a fresh SQLite file under WORKDIR/var, then bulk-insert organs, categories
    and published records (a benchmark fixture: bulk_create, no publishing workflow, no outbox)."""
    _django(w)
    from django.core.management import call_command
    from django.db import connection, transaction

    from gongkai.catalog.models import Category, Record
    from gongkai.organs.models import Organ

    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", interactive=False, verbosity=0)
    migrated = time.perf_counter() - start
    start = time.perf_counter()
    with transaction.atomic():
        Organ.objects.bulk_create(
            Organ(
                pk=o.pk,
                parent_id=o.parent,
                path=o.path,
                level=o.level,
                name=o.name,
                short_name=o.short_name,
                org_code=o.org_code,
                position=o.pk,
            )
            for o in ORGANS
        )
        Category.objects.bulk_create(
            Category(pk=(o.pk - 1) * len(CATEGORIES) + i + 1, organ_id=o.pk, name=name, slug=slug, position=i)
            for o in ORGANS
            for i, (slug, name) in enumerate(CATEGORIES)
        )
    through = Record.categories.through
    batch, links, count = [], [], 0

    def flush():
        with transaction.atomic():
            Record.objects.bulk_create(batch)
            through.objects.bulk_create(links)
        batch.clear()
        links.clear()

    for r in read_records(w["records"]):
        day = r.date
        year = day.year
        published = dt.datetime(year, day.month, day.day, 9, 30, tzinfo=TZ)
        organ = ORGANS[r.organ - 1]
        batch.append(
            Record(
                pk=r.n + 1,
                uuid=r.uuid,
                organ_id=r.organ,
                status="published",
                title=r.title,
                index_number=r.index_number,
                index_year=year,
                index_seq=int(r.index_number.rsplit("-", 1)[1]),
                document_number=r.document_number,
                issuing_organ=organ.name,
                written_on=day,
                published_at=published,
                body="".join(f"<p>{p}</p>" for p in r.body.split("\n")).replace("&", "&amp;"),
                validity=r.validity,
                disclosure_mode="proactive",
                created_at=published,
                updated_at=published,
            )
        )
        links.append(through(record_id=r.n + 1, category_id=r.category))
        count += 1
        if len(batch) >= 2000:
            flush()
    if batch:
        flush()
    return {
        "records": count,
        "migrate_seconds": migrated,
        "insert_seconds": time.perf_counter() - start,
        "database": connection.vendor,
        "size_mib": dir_mib(w["var"]) - dir_mib(w["var"] / "search") - dir_mib(w["var"] / "static"),
    }


def _tantivy_queries(w: dict):
    from gongkai.search import analysis
    from gongkai.search.engine import TantivyIndex

    analysis.add_words(organ_words())
    return TantivyIndex(w["index"]), load_queries()


def stage_raw(w: dict) -> dict:
    """The floor: the same query objects our query() builds, top-10 + count. Beside it ("with_store"), the same
    plus the 10 uuids read from the doc store, as SEARCH-NOTES measured (our store also holds the texts)."""
    from gongkai.search.query import parse

    index, queries = _tantivy_queries(w)
    # Planned against the searcher, as query() plans them (a word's fallback depends on its statistics).
    searcher = index._index.searcher()
    built = {id(q): index._builder.build(parse(q["q"]), _filters(q), searcher=searcher) for q in queries}
    tindex = index._index

    def run(q):
        return tindex.searcher().search(built[id(q)], 10, count=True).count

    def run_with_store(q):
        searcher = tindex.searcher()
        result = searcher.search(built[id(q)], 10, count=True)
        for _, address in result.hits:
            searcher.doc(address).get_first("uuid")
        return result.count

    result = latency(queries, run)
    store = latency(queries, run_with_store)
    result["with_store"] = {k: store[k] for k in ("p50", "p95", "p99", "samples", "by_kind")}
    return result


def stage_engine(w: dict) -> dict:
    """TantivyIndex.query(): parse + top-10 with recency tie-break + facets + snippets; no database."""
    index, queries = _tantivy_queries(w)

    def run(q):
        return index.query(q["q"], _filters(q), page_size=10).total

    return latency(queries, run)


def stage_service(w: dict) -> dict:
    """Our query(): gongkai.search.service.search — engine query, DB post-filter, facet labels."""
    _django(w)
    from gongkai.search import service

    queries = load_queries()

    def run(q):
        return service.search(q["q"], _filters(q), page_size=10).total

    result = latency(queries, run)
    result["index"] = str(service.current_index().path)
    return result


def _http(w: dict, path: str, params: Callable[[dict], dict]) -> dict:
    _django(w)
    from django.test import Client

    client = Client()
    queries = load_queries()
    statuses = defaultdict(int)

    def run(q):
        response = client.get(path, params(q))
        statuses[response.status_code] += 1
        if response.status_code != 200:
            return -1
        if response.headers.get("Content-Type", "").startswith("application/json"):
            return response.json().get("total", -1)
        return len(response.content)

    result = latency(queries, run)
    result["statuses"] = dict(statuses)
    return result


def _params(q: dict) -> dict:
    params = {"q": q["q"]}
    if q.get("organ"):
        params["organ"] = q["organ"]
    if q.get("year"):
        params["year"] = str(q["year"])
    return params


def stage_http_api(w: dict) -> dict:
    return _http(w, "/api/v1/search", _params)


def stage_http_page(w: dict) -> dict:
    return _http(w, "/search/", _params)


def _token_rows(w: dict):
    with open(w["tokens"], encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def stage_fts5_build(w: dict) -> dict:
    w["fts5"].unlink(missing_ok=True)
    start = time.perf_counter()
    db = sqlite3.connect(w["fts5"])
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, content='', tokenize='unicode61')")
    db.execute("CREATE TABLE meta (id INTEGER PRIMARY KEY, organ TEXT, year INTEGER)")
    rows = 0
    for row in _token_rows(w):
        db.execute(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (row["id"], row["title"], row["body"])
        )
        db.execute("INSERT INTO meta VALUES (?, ?, ?)", (row["id"], row["organ"], row["year"]))
        rows += 1
    db.execute("CREATE INDEX meta_year ON meta(year)")
    db.commit()
    db.close()
    seconds = time.perf_counter() - start
    return {
        "records": rows,
        "seconds": seconds,
        "records_per_s": rows / seconds,
        "size_mib": dir_mib_file(w["fts5"]),
    }


def dir_mib_file(path: Path) -> float:
    return Path(path).stat().st_size / 2**20


def _sql_filter(q: dict, organ_col: str, year_col: str, mark: str = "?") -> tuple[str, list]:
    sql, args = "", []
    if q.get("organ_path"):
        sql += f" AND {organ_col} LIKE {mark}"
        args.append(q["organ_path"] + "%")
    if q.get("year"):
        sql += f" AND {year_col} = {mark}"
        args.append(q["year"])
    return sql, args


def _fts5_match(tokens: list[str]) -> str:
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def stage_fts5_query(w: dict) -> dict:
    """FTS5 bm25 (title weighted 3×, as our title boost), top-10 + count, same tokens ANDed."""
    db = sqlite3.connect(w["fts5"])
    queries = load_queries()
    prepared = {}
    for q in queries:
        extra, args = _sql_filter(q, "meta.organ", "meta.year")
        # CROSS JOIN keeps the FTS5 match as the outer loop (SQLite would otherwise scan meta by year).
        join = " CROSS JOIN meta ON meta.id = docs.rowid" if extra else ""
        match = _fts5_match(query_tokens(q["q"]))
        prepared[id(q)] = (
            f"SELECT docs.rowid FROM docs{join} WHERE docs MATCH ?{extra} ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10",
            f"SELECT count(*) FROM docs{join} WHERE docs MATCH ?{extra}",
            [match, *args],
        )

    def run(q):
        top, count, args = prepared[id(q)]
        db.execute(top, args).fetchall()
        return db.execute(count, args).fetchone()[0]

    return latency(queries, run)


def _pg_name(w: dict) -> str:
    return "gongkai_bench_" + stable_hash(str(w["records"].parent))[:10]


def _pg_connect(dbname: str):
    import psycopg

    return psycopg.connect(f"{PG_DSN} dbname={dbname}", autocommit=True)


def stage_pg_build(w: dict) -> dict:
    name = _pg_name(w)
    with _pg_connect("postgres") as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        version = admin.execute("SHOW server_version").fetchone()[0]
    start = time.perf_counter()
    with _pg_connect(name) as db:
        db.execute("CREATE TABLE docs (id integer PRIMARY KEY, organ text, year integer, tsv tsvector)")
        db.execute("CREATE TEMP TABLE raw (id integer, organ text, year integer, title text, body text)")
        with db.cursor().copy("COPY raw (id, organ, year, title, body) FROM STDIN") as copy:
            for row in _token_rows(w):
                copy.write_row((row["id"], row["organ"], row["year"], row["title"], row["body"]))
        db.execute(
            "INSERT INTO docs SELECT id, organ, year, setweight(to_tsvector('simple', title), 'A') || "
            "to_tsvector('simple', body) FROM raw"
        )
        db.execute("DROP TABLE raw")
        db.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
        db.execute("CREATE INDEX docs_year ON docs (year)")
        db.execute("VACUUM ANALYZE docs")
        rows = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        size = db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20
    seconds = time.perf_counter() - start
    return {
        "records": rows,
        "seconds": seconds,
        "records_per_s": rows / seconds,
        "size_mib": size,
        "version": version,
    }


def stage_pg_query(w: dict) -> dict:
    """tsvector + GIN, ts_rank_cd, top-10 + count(*); psycopg's default binding (server-side parameters,
    prepared after 5 executions)."""
    name = _pg_name(w)
    queries = load_queries()
    prepared = {}
    for q in queries:
        extra, args = _sql_filter(q, "organ", "year", "%s")
        tsquery = " & ".join("'" + t.replace("'", "''") + "'" for t in query_tokens(q["q"]))
        prepared[id(q)] = (extra, [tsquery, *args])
    with _pg_connect(name) as db:

        def run(q):
            extra, args = prepared[id(q)]
            db.execute(
                "SELECT id FROM docs, to_tsquery('simple', %s) query WHERE tsv @@ query"
                f"{extra} ORDER BY ts_rank_cd(tsv, query) DESC LIMIT 10",
                args,
            ).fetchall()
            return db.execute(
                f"SELECT count(*) FROM docs WHERE tsv @@ to_tsquery('simple', %s){extra}", args
            ).fetchone()[0]

        result = latency(queries, run)
        pid = db.execute("SELECT pg_backend_pid()").fetchone()[0]
        result["server_hwm_mib"] = _vm_hwm(pid)
    with _pg_connect("postgres") as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
    return result


def stage_pg_drop(w: dict) -> dict:
    with _pg_connect("postgres") as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {_pg_name(w)}")
    return {}


def _vm_hwm(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _whoosh_schema():
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, NUMERIC, TEXT, Schema

    analyzer = SpaceSeparatedTokenizer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer, field_boost=3.0),
        body=TEXT(analyzer=analyzer),
        organ=ID,
        year=NUMERIC(int),
    )


def stage_whoosh_build(w: dict) -> dict:
    from whoosh import index as windex

    if w["whoosh"].exists():
        shutil.rmtree(w["whoosh"])
    w["whoosh"].mkdir(parents=True)
    start = time.perf_counter()
    ix = windex.create_in(str(w["whoosh"]), _whoosh_schema())
    writer = ix.writer(limitmb=256)
    rows = 0
    for row in _token_rows(w):
        writer.add_document(
            id=str(row["id"]), title=row["title"], body=row["body"], organ=row["organ"], year=row["year"]
        )
        rows += 1
    writer.commit()
    seconds = time.perf_counter() - start
    return {
        "records": rows,
        "seconds": seconds,
        "records_per_s": rows / seconds,
        "size_mib": dir_mib(w["whoosh"]),
    }


def stage_whoosh_query(w: dict) -> dict:
    from whoosh import index as windex
    from whoosh.query import And, NumericRange, Or, Prefix, Term

    ix = windex.open_dir(str(w["whoosh"]))
    searcher = ix.searcher()
    queries = load_queries()
    prepared = {}
    for q in queries:
        query = And([Or([Term("title", t), Term("body", t)]) for t in query_tokens(q["q"])])
        filters = []
        if q.get("organ_path"):
            filters.append(Prefix("organ", q["organ_path"]))
        if q.get("year"):
            filters.append(NumericRange("year", q["year"], q["year"]))
        prepared[id(q)] = (query, And(filters) if filters else None)

    def run(q):
        query, filt = prepared[id(q)]
        results = searcher.search(query, limit=10, filter=filt)
        [hit["id"] for hit in results]
        return len(results)

    return latency(queries, run)


def stage_like_load(w: dict) -> dict:
    w["like"].unlink(missing_ok=True)
    start = time.perf_counter()
    db = sqlite3.connect(w["like"])
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT, organ TEXT, year INTEGER)")
    db.executemany(
        "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
        ((r.n, r.title, r.body, ORGANS[r.organ - 1].path, r.date.year) for r in read_records(w["records"])),
    )
    db.commit()
    db.close()
    return {"seconds": time.perf_counter() - start, "size_mib": dir_mib_file(w["like"])}


def stage_like_query(w: dict) -> dict:
    """Naive substring search on the raw text: every term LIKE '%词%' in title or body; first 10 by id + count."""
    db = sqlite3.connect(w["like"])
    queries = load_queries()
    prepared = {}
    for q in queries:
        where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in terms(q["q"]))
        args = [a for t in terms(q["q"]) for a in (f"%{t}%", f"%{t}%")]
        extra, fargs = _sql_filter(q, "organ", "year")
        prepared[id(q)] = (where + extra, args + fargs)
    records = db.execute("SELECT count(*) FROM docs").fetchone()[0]
    passes = 1 if records > 50_000 else PASSES

    def run(q):
        where, args = prepared[id(q)]
        db.execute(f"SELECT id FROM docs WHERE {where} ORDER BY id LIMIT 10", args).fetchall()
        return db.execute(f"SELECT count(*) FROM docs WHERE {where}", args).fetchone()[0]

    result = latency(queries, run, passes=passes, warm=20)
    result["note"] = f"warm-up on 20 queries, {passes} pass(es)"
    return result


def stage_records(w: dict) -> dict:
    from bench.search.records import write_records

    n, seed = (int(x) for x in (w["records"].parent / "records-args").read_text().split())
    return write_records(w["records"], n, seed=seed)


STAGES = {
    "records": stage_records,
    "segment": stage_segment,
    "tantivy-build": stage_tantivy_build,
    "db-load": stage_db_load,
    "raw": stage_raw,
    "engine": stage_engine,
    "service": stage_service,
    "http-api": stage_http_api,
    "http-page": stage_http_page,
    "fts5-build": stage_fts5_build,
    "fts5-query": stage_fts5_query,
    "pg-build": stage_pg_build,
    "pg-query": stage_pg_query,
    "pg-drop": stage_pg_drop,
    "whoosh-build": stage_whoosh_build,
    "whoosh-query": stage_whoosh_query,
    "like-load": stage_like_load,
    "like-query": stage_like_query,
}


def run_stage(name: str, workdir: Path) -> dict:
    w = _work(workdir)
    start = time.perf_counter()
    result = STAGES[name](w)
    result.update(stage=name, wall_seconds=time.perf_counter() - start, peak_rss_mib=rss_mib())
    out = workdir / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def spawn(name: str, workdir: Path, timeout: float | None = None) -> dict:
    """Run a stage in its own process (peak RSS is per process)."""
    subprocess.run(
        [sys.executable, "-m", "bench.search.stages", name, str(workdir)],
        check=True,
        timeout=timeout,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads((workdir / "results" / f"{name}.json").read_text(encoding="utf-8"))


if __name__ == "__main__":
    result = run_stage(sys.argv[1], Path(sys.argv[2]))
    brief = {k: v for k, v in result.items() if k not in ("counts", "by_kind")}
    print(json.dumps(brief, ensure_ascii=False))
