"""Run every benchmark against a scratch database (SQLite under a temp dir, or GONGKAI_DATABASE_URL)."""

import argparse
import os
import sys
import tempfile


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--records", type=int, default=2000, help="published records to create")
    parser.add_argument("--rollup-organs", type=int, default=1000, help="organs of the roll-up city")
    parser.add_argument("--rollup-applications", type=int, default=50000, help="applications of the roll-up")
    parser.add_argument(
        "--rollup-records", type=int, default=1000000, help="published records of the roll-up"
    )
    parser.add_argument("--skip-catalog", action="store_true", help="run the roll-up benchmark only")
    args = parser.parse_args(argv)
    scratch = tempfile.mkdtemp(prefix="gongkai-bench-")
    os.environ["GONGKAI_VAR_DIR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import get_runner, setup_test_environment

    call_command("collectstatic", interactive=False, verbosity=0)  # pages are served as in production
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        from bench import catalog, rollup

        if not args.skip_catalog:
            catalog.run(records=args.records, out=sys.stdout)
        rollup.run(
            organs=args.rollup_organs,
            applications=args.rollup_applications,
            records=args.rollup_records,
            out=sys.stdout,
        )
    finally:
        runner.teardown_databases(old)
    return 0


if __name__ == "__main__":
    sys.exit(main())
