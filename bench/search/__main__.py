"""``python -m bench.search --records 20000 [--out docs/search-bench-20k.md]``: search speed, side by side.

Builds N records from ../shared/data/corpus/ (bench/search/records.py), then runs every stage in its own
process (bench/search/stages.py): segmentation, our Tantivy index build, the scratch catalog database, raw
Tantivy (the floor), TantivyIndex.query(), our service.search(), the HTTP endpoint and the portal page, and the
alternatives on the same tokens: SQLite FTS5 bm25, PostgreSQL tsvector + ts_rank_cd, Whoosh and LIKE. Prints
Markdown tables (and writes them to --out). Work files go to a temporary directory that is removed at the end
(--keep to keep it); the PostgreSQL scratch database is dropped.
"""

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.search.corpus import available
from bench.search.stages import spawn

BUILD_STAGES = ["segment", "tantivy-build", "db-load"]
QUERY_STAGES = ["raw", "engine", "service", "http-api", "http-page"]
ALT_STAGES = ["fts5-build", "fts5-query", "pg-build", "pg-query", "whoosh-build", "whoosh-query"]
ALT_STAGES += ["like-load", "like-query"]
ROWS = [  # latency table: stage, label
    ("raw", "raw Tantivy top-10 + count (the floor)"),
    ("raw+store", "raw Tantivy top-10 + count + 10 uuids read from the doc store"),
    ("engine", "TantivyIndex.query(): + facets, snippets, tie-break"),
    ("service", "**our query()**: service.search() (+ DB post-filter, facet labels)"),
    ("http-api", "**HTTP** GET /api/v1/search (Django test Client)"),
    ("http-page", "portal page GET /search/ (Django test Client)"),
    ("fts5-query", "SQLite FTS5 bm25"),
    ("pg-query", "PostgreSQL tsvector + GIN, ts_rank_cd"),
    ("whoosh-query", "Whoosh (BM25F), space tokenizer"),
    ("like-query", "naive LIKE '%词%' on the raw text"),
]
KINDS = ["hand", "common", "mid", "rare", "two", "three", "phrase", "docno", "filtered"]


def _fmt(ms: float) -> str:
    if ms != ms:  # NaN
        return "—"
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}"


def _machine() -> str:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f", {int(line.split()[1]) / 2**20:.0f} GiB RAM"
    except OSError:
        pass
    import tantivy  # noqa: F401

    versions = [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}"]
    for dist in ("tantivy", "rjieba", "whoosh", "psycopg", "django"):
        try:
            from importlib.metadata import version

            versions.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001
            pass
    return f"{os.cpu_count()} CPUs{mem}; " + ", ".join(versions)


def report(n: int, results: dict, records_info: dict, skipped: dict, started: float) -> str:
    if "with_store" in results.get("raw", {}):
        results = {
            **results,
            "raw+store": {**results["raw"]["with_store"], "peak_rss_mib": results["raw"]["peak_rss_mib"]},
        }
    out = []
    w = out.append
    w(f"### {n:,} records ({records_info['chars'] / 1e6:.1f} M characters)\n")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    w(
        f"Machine: {_machine()}. This invocation took {(time.time() - started) / 60:.1f} min; load average at its end "
        f"{load} (the machine is shared: other jobs add noise).\n"
    )
    seg = results.get("segment")
    build = results.get("tantivy-build")
    w("| build | s | records/s | size MiB | peak RSS MiB |")
    w("|---|---|---|---|---|")
    if seg:
        w(
            f"| analysis alone, one process (index_words + index_chars of title, body, meta, 文号; "
            f"{seg['mchars_per_s']:.2f} M chars/s) | {seg['seconds']:.1f} | {seg['records_per_s']:,.0f} | | "
            f"{seg['peak_rss_mib']:.0f} |"
        )
    if build:
        w(
            f"| **TantivyIndex.index(pool) + commit, analysis included (a worker process per CPU)** | "
            f"{build['seconds']:.1f} | "
            f"**{build['records_per_s']:,.0f}** | {build['size_mib']:.0f} | {build['peak_rss_mib']:.0f} |"
        )
    for stage, label in (
        ("fts5-build", "SQLite FTS5 (contentless, from the same tokens)"),
        ("pg-build", "PostgreSQL tsvector + GIN (from the same tokens)"),
        ("whoosh-build", "Whoosh (from the same tokens)"),
    ):
        r = results.get(stage)
        if r:
            w(
                f"| {label} | {r['seconds']:.1f} | {r['records_per_s']:,.0f} | {r['size_mib']:.0f} | "
                f"{r['peak_rss_mib']:.0f} |"
            )
    db = results.get("db-load")
    if db:
        w(
            f"\nScratch catalog ({db['database']}): {db['records']:,} records bulk-inserted in "
            f"{db['insert_seconds']:.1f} s (fixture, not a measured path).\n"
        )
    raw = results.get("raw")
    w("| approach | p50 ms | p95 ms | p99 ms | p95 × raw | peak RSS MiB | samples |")
    w("|---|---|---|---|---|---|---|")
    for stage, label in ROWS:
        r = results.get(stage)
        if not r:
            if stage in skipped:
                w(f"| {label} | *{skipped[stage]}* | | | | | |")
            continue
        ratio = f"{r['p95'] / raw['p95']:.1f}" if raw else ""
        rss = f"{r['peak_rss_mib']:.0f}"
        if r.get("server_hwm_mib"):
            rss += f" (server {r['server_hwm_mib']:.0f})"
        note = f" ({r['note']})" if r.get("note") else ""
        if r.get("statuses") and set(r["statuses"]) != {200}:
            note += f" statuses {r['statuses']}"
        w(
            f"| {label}{note} | {_fmt(r['p50'])} | {_fmt(r['p95'])} | {_fmt(r['p99'])} | {ratio} | {rss} | "
            f"{r['samples']} |"
        )
    w("\np50 / p95 ms by query class:\n")
    w("| approach | " + " | ".join(KINDS) + " |")
    w("|---|" + "---|" * len(KINDS))
    for stage, label in ROWS:
        r = results.get(stage)
        if r:
            cells = [
                f"{_fmt(r['by_kind'][k]['p50'])} / {_fmt(r['by_kind'][k]['p95'])}"
                if k in r["by_kind"]
                else "—"
                for k in KINDS
            ]
            w(f"| {label.split('(')[0].strip()} | " + " | ".join(cells) + " |")
    if raw:
        w("\nSame total count as raw Tantivy (of 220 queries):")
        for stage in ("fts5-query", "pg-query", "whoosh-query", "like-query"):
            r = results.get(stage)
            if r:
                same = sum(1 for k, v in r["counts"].items() if raw["counts"].get(k) == v)
                w(f"- {stage.removesuffix('-query')}: {same} of {len(r['counts'])}")
    w("\n" + targets(results, n))
    return "\n".join(out) + "\n"


def targets(results: dict, n: int) -> str:
    """The issue's targets: the ratios are set for 100k records and the latency bound for 1M, so they are
    judged only at those sizes (at 20k a query's fixed cost, a few ms, dwarfs Tantivy's)."""
    raw, svc, http = results.get("raw"), results.get("service"), results.get("http-api")
    fts, build = results.get("fts5-query"), results.get("tantivy-build")
    lines = ["Targets (issue 3, section 5; the ratios are set for 100k records, the latency for 1M):"]

    def verdict(ok: bool, size: int) -> str:
        return ("met" if ok else "missed") if n == size else f"not judged at {n:,} records"

    if raw and svc:
        x = svc["p95"] / raw["p95"]
        lines.append(f"- query() p95 ≤ 5 × raw Tantivy p95: {x:.1f}× — {verdict(x <= 5, 100_000)}")
    if svc and fts:
        x = fts["p95"] / svc["p95"]
        lines.append(
            f"- query() p95 ≥ 10 × faster than FTS5 bm25 p95: {x:.1f}× — {verdict(x >= 10, 100_000)}"
        )
    if raw and http:
        x = http["p95"] / raw["p95"]
        lines.append(f"- HTTP endpoint p95 ≤ 10 × raw Tantivy p95: {x:.1f}× — {verdict(x <= 10, 100_000)}")
    if build:
        x = build["records_per_s"]
        lines.append(
            f"- index build ≥ 3,000 records/s incl. segmentation: {x:,.0f}/s — {'met' if x >= 3000 else 'missed'}"
        )
    if svc:
        two = {k: svc["by_kind"].get(k, {}).get("p95") for k in ("two", "filtered")}
        shown = ", ".join(f"{k} {_fmt(v)} ms" for k, v in two.items() if v)
        ok = all(v is not None and v < 50 for v in two.values())
        lines.append(
            f"- query() p95 for 2-term (all faceted) queries < 50 ms: {shown} — {verdict(ok, 1_000_000)}"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search")
    parser.add_argument("--records", type=int, default=20_000, help="20000 (default), 100000, 1000000 …")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    parser.add_argument("--work", type=Path, help="work directory (default: a temporary one, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--skip", default="", help="comma-separated stages to skip (e.g. whoosh,like,pg)")
    parser.add_argument("--only", default="", help="comma-separated stages to run (records must exist)")
    args = parser.parse_args(argv)
    if not available():
        print("corpus not found: ../shared/data/corpus (or GONGKAI_BENCH_DATA)", file=sys.stderr)
        return 2
    started = time.time()
    work = args.work or Path(tempfile.mkdtemp(prefix=f"gongkai-search-bench-{args.records}-"))
    work.mkdir(parents=True, exist_ok=True)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    skipped: dict[str, str] = {}
    if args.records > 50_000 and "whoosh" not in skip and not args.only:
        skip.add("whoosh")
        skipped["whoosh-query"] = "not run above 50k records by default (the 20k build alone takes minutes)"
    stages = BUILD_STAGES + QUERY_STAGES + ALT_STAGES
    if args.only:
        stages = [s for s in stages if s in args.only.split(",")]
    stages = [s for s in stages if s not in skip and s.split("-")[0] not in skip]
    for s in ("whoosh-query", "pg-query", "like-query", "fts5-query"):
        if s.split("-")[0] in skip and s not in skipped:
            skipped[s] = "skipped (--skip)"
    results: dict[str, dict] = {}
    try:
        records_file = work / "records.jsonl"
        info_file = work / "records-info.json"
        if not records_file.exists():
            (work / "records-args").write_text(f"{args.records} {args.seed}")
            info = spawn("records", work)
            info_file.write_text(json.dumps(info))
            print(
                f"records: {info['records']:,} ({info['chars'] / 1e6:.1f} M chars) in {info['wall_seconds']:.0f} s"
            )
        info = json.loads(info_file.read_text())
        for old in (work / "results").glob("*.json"):
            results[old.stem] = json.loads(old.read_text())
        for stage in stages:
            t = time.perf_counter()
            try:
                results[stage] = spawn(stage, work)
            except subprocess.CalledProcessError as exc:
                skipped[stage] = f"failed (exit {exc.returncode})"
                print(f"{stage}: FAILED", file=sys.stderr)
                continue
            r = results[stage]
            summary = (
                f"p50 {_fmt(r['p50'])} p95 {_fmt(r['p95'])} p99 {_fmt(r['p99'])} ms"
                if "p95" in r
                else f"{r.get('records_per_s', 0):,.0f} records/s"
            )
            print(
                f"{stage}: {summary}, peak RSS {r['peak_rss_mib']:.0f} MiB ({time.perf_counter() - t:.0f} s)"
            )
    finally:
        if "pg-build" in results and "pg-query" not in results:
            spawn("pg-drop", work)
        if not (args.keep or args.work):
            shutil.rmtree(work, ignore_errors=True)
    text = report(args.records, results, info, skipped, started)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
