"""``python -m bench.relevance``: precision@5 and MRR of the search stack over the relevance set."""

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relevance")
    parser.add_argument("--data", type=Path, default=None, help="the shared data directory (has corpus/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every query that misses")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from bench.relevance.evaluate import evaluate, summary
    from bench.search.corpus import available

    if not available(args.data):
        print("corpus not found (see bench/search/corpus.py: DATA_DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="gongkai-relevance-") as tmp:
        results, stats = evaluate(args.data, Path(tmp) / "index")
    print(
        f"{stats['queries']} queries over {stats['documents']} documents (index built in "
        f"{stats['build_seconds']:.1f} s)"
    )
    by_kind = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    print("| kind | queries | precision@5 | MRR | first result right |")
    print("|---|---|---|---|---|")
    for kind, rows in by_kind.items():
        s = summary(rows)
        print(f"| {kind} | {s['queries']} | {s['p5']:.3f} | {s['mrr']:.3f} | {s['success_at_1']:.0%} |")
    print(
        f"| **all** | {stats['queries']} | **{stats['p5']:.3f}** | **{stats['mrr']:.3f}** | "
        f"{stats['success_at_1']:.0%} |"
    )
    print(f"plain precision@5 (hits/5): {stats['p5_raw']:.3f}")
    misses = [r for r in results if r.reciprocal_rank < 1.0 or r.precision_at_5 < 1.0]
    if misses:
        print("not perfect:")
        for r in misses:
            print(
                f"  {r.query}: P@5 {r.precision_at_5:.2f}, RR {r.reciprocal_rank:.2f}, top {list(r.top[:5])}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
