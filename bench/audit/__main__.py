"""`python -m bench.audit [--json] [--repeat N]`: precision/recall of the auditor's findings, table-recovery accuracy
and time per report over the labelled set of bench/audit/fixtures/labels.json (see bench/audit/evaluate.py)."""

import argparse
import json
import os
import platform
import sys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument("--repeat", type=int, default=3, help="runs per report; the median time is kept")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()  # the auditor's messages go through gettext
    from bench.audit.evaluate import evaluate, real_report_times

    result = evaluate(repeat=args.repeat)
    real = real_report_times(repeat=args.repeat)
    if args.json:
        print(json.dumps({"labelled": result, "real_reports": real}, ensure_ascii=False, indent=1))
        return 0
    out = sys.stdout
    out.write(f"{'report':58} {'layout':44} {'TP':>3} {'FP':>3} {'FN':>3} {'cells':>9} {'ms':>7}\n")
    for r in result["reports"]:
        name = r["file"].rsplit("/", 1)[-1]
        out.write(
            f"{name:58} {r['layout']:44} {r['tp']:3} {r['fp']:3} {r['fn']:3} "
            f"{r['cells_right']:4}/{r['cells']:<4} {r['seconds'] * 1000:7.1f}\n"
        )
        for key in r["false_positives"]:
            out.write(f"    false positive: {key}\n")
        for key in r["missed"]:
            out.write(f"    missed: {key}\n")
        for what in r["cells_wrong"]:
            out.write(f"    table: {what}\n")
    out.write(
        f"\n{len(result['reports'])} labelled reports, {result['findings_labelled']} labelled findings, "
        f"{result['cells_labelled']} labelled table cells\n"
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"table-recovery accuracy {result['table_accuracy']:.3f}  format {result['format_accuracy']:.3f}\n"
        f"time per report: median {result['seconds_median'] * 1000:.1f} ms, max {result['seconds_max'] * 1000:.1f} ms\n"
    )
    if real:
        out.write(
            f"real reports (../shared/data/reports, {real['reports']}): median "
            f"{real['seconds_median'] * 1000:.1f} ms, max {real['seconds_max'] * 1000:.1f} ms per report\n"
        )
    out.write(f"(python {platform.python_version()}, {os.cpu_count()} CPUs, median of {args.repeat} runs)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
