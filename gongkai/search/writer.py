"""The single writer: applies the search outbox to this node's Tantivy index, in sequence order.

Exactly one process writes at a time, guarded by an advisory file lock next to the index:
- right after a catalog commit, the web process that made it tries the lock without waiting and applies what
  is pending; if another process holds the lock, it leaves the work to that process or to the worker;
- `gongkai search worker` polls the outbox and applies whatever is left (after crashes, restarts, or
  changes made on other app nodes), so a node's index always converges on the database.
The index records the last applied sequence number, so any copy of it (another node, a restored backup)
catches up from the same log. Readers never trust the index alone: hits are re-checked against the database.
"""

import contextlib
import datetime as dt
import fcntl
import logging
import os
import time
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections

from gongkai.search.models import SearchOutbox

log = logging.getLogger(__name__)
BATCH = 500
# After a commit, the web process applies at most this many rows itself (the request waits for them); a larger
# backlog (an organ renamed with tens of thousands of records, a bulk import) is left to the worker.
AFTER_COMMIT_MAX_ROWS = BATCH


def index_dir() -> Path:
    return Path(settings.SEARCH_INDEX_DIR) / "current"


@contextlib.contextmanager
def writer_lock(*, blocking: bool):
    """Hold the node's writer lock; raises BlockingIOError at once when busy and not `blocking`."""
    root = Path(settings.SEARCH_INDEX_DIR)
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / "writer.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        yield
    finally:
        os.close(fd)  # closing releases the lock


def open_index(path: Path | None = None):
    """This node's live index (created empty on first use: `current` → `index-initial/`)."""
    from gongkai.search.engine import TantivyIndex

    if path is None:
        path = index_dir()
        if not path.exists():
            initial = path.parent / "index-initial"
            initial.mkdir(parents=True, exist_ok=True)
            link = path.parent / f".current-{os.getpid()}"
            link.unlink(missing_ok=True)
            link.symlink_to(initial.name)
            if not path.exists():
                os.replace(link, path)
            else:
                link.unlink()
    return TantivyIndex(path)


def pending_count(index) -> int:
    return SearchOutbox.objects.filter(seq__gt=index.applied_seq()).count()


def apply_pending(index, *, batch: int = BATCH, progress=None, max_rows: int | None = None) -> int:
    """Apply the outbox rows above the index's sequence number, in order, all of them or the first batches up
    to ``max_rows``; return how many rows were applied. Call with the writer lock held."""
    from gongkai.search.documents import documents_for_uuids
    from gongkai.search.words import ensure_organ_words

    ensure_organ_words()
    applied = 0
    while max_rows is None or applied < max_rows:
        if max_rows is not None:
            batch = min(batch, max_rows - applied)
        rows = list(SearchOutbox.objects.filter(seq__gt=index.applied_seq()).order_by("seq")[:batch])
        if not rows:
            return applied
        uuids = list(dict.fromkeys(row.record_uuid for row in rows))
        docs = documents_for_uuids(uuids)
        public = {doc.uuid for doc in docs}
        gone = [u for u in uuids if str(u) not in public]
        if gone:
            index.remove([str(u) for u in gone])
        if docs:
            index.index(docs)
        index.commit(seq=rows[-1].seq)
        applied += len(rows)
        if progress:
            progress(applied)
    return applied


def after_commit() -> None:
    """Called once a transaction that wrote outbox rows has committed (see outbox.record_changed): applies up
    to AFTER_COMMIT_MAX_ROWS of them at once, so a clerk's edit is searchable when the page reloads."""
    if not settings.SEARCH_APPLY_ON_COMMIT:
        return
    try:
        with writer_lock(blocking=False):
            apply_pending(open_index(), max_rows=AFTER_COMMIT_MAX_ROWS)
    except BlockingIOError:
        return  # someone else is writing; it or the worker applies our rows
    except Exception:  # a failing index must never fail the clerk's request: the worker retries
        log.exception("search: applying the outbox after commit failed; the worker will retry")


def run_worker(*, poll_seconds: float = 0.5, stop=None, once: bool = False) -> None:
    """Apply the outbox forever (or `once`), sleeping `poll_seconds` when there is nothing to do."""
    log.info("search worker: index %s", index_dir())
    index = None
    while stop is None or not stop.is_set():
        try:
            with writer_lock(blocking=True):
                index = index or open_index()
                count = apply_pending(index)
            if count:
                log.info("search worker: applied %d outbox rows, now at %d", count, index.applied_seq())
        except Exception:
            log.exception("search worker: applying the outbox failed; retrying")
            index = None
            close_old_connections()
        if once:
            return
        time.sleep(poll_seconds)
        close_old_connections()


def prune_outbox(index, *, keep_days: int) -> int:
    """Delete outbox rows this node's index has applied and that are older than ``keep_days``; returns how many.

    Other nodes (and restored backups) catch up from the rows that remain: keep enough days to cover the
    slowest of them; an index older than that must be rebuilt (`gongkai search rebuild`), not caught up.
    """
    from gongkai.core import clock

    cutoff = clock.now() - dt.timedelta(days=keep_days)
    deleted, _ = SearchOutbox.objects.filter(seq__lte=index.applied_seq(), created_at__lt=cutoff).delete()
    return deleted
