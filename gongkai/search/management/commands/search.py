"""`gongkai search status|worker|rebuild|apply`."""

import json
import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from gongkai.search import rebuild as rebuilding
from gongkai.search import writer
from gongkai.search.engine import IndexSchemaMismatch
from gongkai.search.status import search_status


class Command(BaseCommand):
    help = "Full-text search: status (lag, documents), worker (follow the outbox), rebuild (fresh index, swapped in)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        status = sub.add_parser("status", help="documents in the index, applied sequence number, lag")
        status.add_argument("--json", action="store_true")
        worker = sub.add_parser("worker", help="apply the search outbox continuously")
        worker.add_argument("--poll", type=float, default=0.5, help="seconds between polls when idle")
        sub.add_parser("apply", help="apply what is pending once and exit")
        sub.add_parser("rebuild", help="build a new index beside the live one and swap it in")
        prune = sub.add_parser(
            "prune", help="delete outbox rows this index has applied, older than --keep-days"
        )
        prune.add_argument("--keep-days", type=int, default=30, help="keep rows this many days (default 30)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _status(self, json=False, **options):  # noqa: A002 - the flag's name
        status = search_status()
        if json:
            self.stdout.write(_dumps(status))
            return
        for key in ("documents", "applied_seq", "outbox_seq", "lag", "index_path"):
            self.stdout.write(f"{key:<12} {status[key]}")

    def _apply(self, **options):
        try:
            with writer.writer_lock(blocking=True):
                count = writer.apply_pending(writer.open_index())
        except IndexSchemaMismatch as exc:
            # An index laid down by an older version of Gongkai: build the current layout and swap it in.
            self.stdout.write(f"{exc}; rebuilding")
            self._rebuild()
            return
        self.stdout.write(f"applied {count} outbox rows")

    def _prune(self, keep_days=30, **options):
        if keep_days < 0:
            raise CommandError("--keep-days must be 0 or more")
        with writer.writer_lock(blocking=True):
            index = writer.open_index()
            deleted = writer.prune_outbox(index, keep_days=keep_days)
        self.stdout.write(
            f"deleted {deleted} outbox rows applied by this index (up to {index.applied_seq()})"
        )

    def _worker(self, poll=0.5, **options):
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        self.stdout.write(f"search worker following the outbox (poll {poll}s); Ctrl-C to stop")
        writer.run_worker(poll_seconds=poll, stop=stop)

    def _rebuild(self, **options):
        out = self.stdout

        def progress(done, total):
            width = 30
            filled = width * done // total if total else width
            out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            out.flush()

        result = rebuilding.rebuild(progress=progress)
        out.write("")
        out.write(
            f"rebuilt {result['documents']} documents into {result['path']}; caught up {result['caught_up']} "
            f"outbox rows; removed {len(result['removed'])} old index(es)"
        )


def _dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=2)
