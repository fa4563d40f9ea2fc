"""`gongkai search rebuild`: a fresh index built beside the live one and swapped in atomically.

Layout under SEARCH_INDEX_DIR: `index-<timestamp>/` directories and `current`, a symlink to the live one.
The site keeps serving from the old index while the new one is built; the swap is one rename of a symlink,
and readers notice the new target on their next query.
"""

import datetime as dt
import os
import shutil
from pathlib import Path

from django.conf import settings

from gongkai.catalog.queries import public_records
from gongkai.search import writer
from gongkai.search.models import OutboxHead

CHUNK = 500
POOL_FROM = 2_000


def root() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def rebuild(*, progress=None) -> dict:
    """Index every public record into a new directory, catch up on the outbox, swap it in, drop old ones."""
    from gongkai.search.documents import documents_for_records
    from gongkai.search.engine import BULK_HEAP_SIZE, TantivyIndex, preparation_pool
    from gongkai.search.words import ensure_organ_words

    ensure_organ_words()
    root().mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    target = root() / f"index-{stamp}"
    index = TantivyIndex(target, heap_size=BULK_HEAP_SIZE, num_threads=2)
    # Everything up to this sequence number is reflected in the records read below; later rows are applied
    # after the bulk load (applying a row twice is harmless: indexing is an upsert).
    start_seq = OutboxHead.objects.values_list("last_seq", flat=True).first() or 0
    uuids = list(public_records().order_by("pk").values_list("uuid", flat=True))
    total = len(uuids)
    done = 0
    # Worker processes pay off from a few thousand records; below that, forking costs more than it saves.
    workers = (settings.SEARCH_REBUILD_WORKERS or os.cpu_count() or 1) if total >= POOL_FROM else 1
    with preparation_pool(workers) as pool:
        for start in range(0, total, CHUNK):
            batch = public_records().filter(uuid__in=uuids[start : start + CHUNK])
            docs = documents_for_records(batch)
            index.index(docs, pool=pool, replace=False)  # a new directory, each record once
            done += len(docs)
            if progress:
                progress(done, total)
    index.commit(seq=start_seq)
    with writer.writer_lock(blocking=True):
        caught_up = writer.apply_pending(index)
        _swap(target)
    removed = _remove_old(keep=target)
    return {"path": str(target), "documents": done, "caught_up": caught_up, "removed": removed}


def _swap(target: Path) -> None:
    current = root() / "current"
    if current.exists() and not current.is_symlink():
        # an index laid down before rebuilds existed: move it aside so `current` can become a link
        current.rename(root() / "index-legacy")
    tmp_link = root() / f".current-{os.getpid()}"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(target.name)
    os.replace(tmp_link, current)


def _remove_old(keep: Path) -> list[str]:
    removed = []
    for path in root().glob("index-*"):
        if path.is_dir() and path.resolve() != keep.resolve():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed
