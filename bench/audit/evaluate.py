"""Score the auditor against the labelled set (bench/audit/fixtures/labels.json).

A finding is identified by (rule, expected, found); the labels list every finding a report must give, so anything
else the auditor reports is a false positive. Table cells: each labelled cell counts one; a row labelled null (text
ambiguous or inconsistent) counts one and is right when the auditor does not recover it."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path

from gongkai.annual.audit.report import audit_path

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).parent / "fixtures" / "labels.json"
REAL_REPORTS = ROOT.parent / "shared" / "data" / "reports"


def load(path: Path = LABELS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["reports"]


def finding_key(rule, expected, found) -> str:
    return json.dumps([rule, expected, found], ensure_ascii=False)


def timed_audit(path: Path, repeat: int) -> tuple[dict, float]:
    """The audit result and the median wall time of `repeat` runs, in seconds."""
    times = []
    result = None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = audit_path(path)
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def table_score(labels: dict, tables: dict) -> tuple[int, int, list[str]]:
    """(cells right, cells labelled, what was wrong)."""
    right = total = 0
    wrong = []
    for table, expected in labels.items():
        got = tables.get(table)
        if table == "table4":
            if expected is None:
                total += 1
                right += got is None
                if got is not None:
                    wrong.append("table4 recovered from inconsistent text")
                continue
            total += len(expected)
            good = sum(1 for i, v in enumerate(expected) if got and i < len(got) and got[i] == v)
            right += good
            if good < len(expected):
                wrong.append(f"table4 {got} != {expected}")
            continue
        rows = (got or {}).get("rows", {})
        for row, cells in expected.items():
            if cells is None:
                total += 1
                right += row not in rows
                if row in rows:
                    wrong.append(f"{table}.{row} guessed {rows[row]}")
                continue
            total += len(cells)
            have = rows.get(row) or []
            good = sum(1 for i, v in enumerate(cells) if i < len(have) and have[i] == v)
            right += good
            if good < len(cells):
                wrong.append(f"{table}.{row} {have or 'missing'} != {cells}")
    return right, total, wrong


def evaluate(reports: list[dict] | None = None, repeat: int = 3) -> dict:
    reports = load() if reports is None else reports
    rows = []
    for label in reports:
        result, seconds = timed_audit(ROOT / label["file"], repeat)
        predicted = Counter(finding_key(f["rule"], f["expected"], f["found"]) for f in result["findings"])
        expected = Counter(finding_key(*f) for f in label["findings"])
        tp = sum((predicted & expected).values())
        right, cells, wrong = table_score(label.get("tables", {}), result["tables"])
        rows.append(
            {
                "file": label["file"],
                "layout": label.get("layout", ""),
                "format_ok": result["format"] == label["format"],
                "tp": tp,
                "fp": sum(predicted.values()) - tp,
                "fn": sum(expected.values()) - tp,
                "false_positives": sorted((predicted - expected).elements()),
                "missed": sorted((expected - predicted).elements()),
                "cells_right": right,
                "cells": cells,
                "cells_wrong": wrong,
                "seconds": seconds,
            }
        )
    tp = sum(r["tp"] for r in rows)
    fp = sum(r["fp"] for r in rows)
    fn = sum(r["fn"] for r in rows)
    cells = sum(r["cells"] for r in rows)
    seconds = [r["seconds"] for r in rows]
    return {
        "reports": rows,
        "findings_labelled": tp + fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "format_accuracy": sum(r["format_ok"] for r in rows) / len(rows) if rows else 1.0,
        "cells_labelled": cells,
        "table_accuracy": sum(r["cells_right"] for r in rows) / cells if cells else 1.0,
        "seconds_median": statistics.median(seconds) if seconds else 0.0,
        "seconds_max": max(seconds, default=0.0),
    }


def real_report_times(repeat: int = 3) -> dict | None:
    """Time per report on the real reports of ../shared/data/reports (no labels: speed only), when present."""
    paths = sorted(REAL_REPORTS.glob("*.txt")) if REAL_REPORTS.is_dir() else []
    if not paths:
        return None
    seconds = [timed_audit(p, repeat)[1] for p in paths]
    return {"reports": len(paths), "seconds_median": statistics.median(seconds), "seconds_max": max(seconds)}
