"""Precision@5 and MRR of the real search stack over the relevance set.

- precision@5: |top 5 ∩ relevant| / min(5, |relevant|) — so a query with one right answer scores 1.0 when that
  answer is in the top 5 (the plain /5 figure is reported beside it as ``p5_raw``);
- MRR: mean of 1 / rank of the first relevant document in the top 10 (0 when none is there).
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).with_name("queries.json")


@dataclass(frozen=True)
class QueryResult:
    query: str
    kind: str
    relevant: tuple[str, ...]
    top: tuple[str, ...]

    @property
    def precision_at_5(self) -> float:
        hits = len(set(self.top[:5]) & set(self.relevant))
        return hits / min(5, len(self.relevant))

    @property
    def precision_at_5_raw(self) -> float:
        return len(set(self.top[:5]) & set(self.relevant)) / 5

    @property
    def reciprocal_rank(self) -> float:
        for rank, uuid in enumerate(self.top[:10], start=1):
            if uuid in self.relevant:
                return 1 / rank
        return 0.0


def load_queries(path: Path = QUERIES_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def run_queries(index, queries: list[dict]) -> list[QueryResult]:
    results = []
    for item in queries:
        found = index.query(item["query"], page_size=10)
        results.append(
            QueryResult(
                query=item["query"],
                kind=item["kind"],
                relevant=tuple(item["relevant"]),
                top=tuple(hit.uuid for hit in found.hits),
            )
        )
    return results


def summary(results: list[QueryResult]) -> dict[str, float]:
    n = len(results) or 1
    return {
        "queries": len(results),
        "p5": sum(r.precision_at_5 for r in results) / n,
        "p5_raw": sum(r.precision_at_5_raw for r in results) / n,
        "mrr": sum(r.reciprocal_rank for r in results) / n,
        "success_at_1": sum(1 for r in results if r.reciprocal_rank == 1.0) / n,
    }


def evaluate(data_dir: Path | None, index_dir: Path) -> tuple[list[QueryResult], dict[str, float]]:
    """Build the fixture index in ``index_dir`` and run the relevance set against it."""
    from bench.relevance.fixture import build_index, fixture_docs

    start = time.perf_counter()
    docs = fixture_docs(data_dir)
    index = build_index(index_dir, docs)
    built = time.perf_counter() - start
    results = run_queries(index, load_queries())
    stats = summary(results)
    stats.update(documents=len(docs), build_seconds=built)
    return results, stats
