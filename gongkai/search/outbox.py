"""Appending to the search outbox from inside catalog actions.

`record_changed` logs one record (publishing, editing, withdrawing…); `records_changed` logs many at once, for
changes made elsewhere that alter what the index holds for each of them (an organ renamed, a category moved).
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from gongkai.core import clock
from gongkai.search.models import OutboxHead, SearchOutbox

BULK_BATCH = 1000


def record_changed(record, *, gone: bool = False) -> SearchOutbox:
    """Log that `record` must be (re)indexed, or removed when it is no longer public or `gone` (deleted);
    call inside the action's transaction."""
    _require_transaction("record_changed")
    op = _op(record.is_public and not gone)
    head = _locked_head()
    head.last_seq += 1
    head.save(update_fields=["last_seq"])
    row = SearchOutbox.objects.create(seq=head.last_seq, record_uuid=record.uuid, op=op)
    transaction.on_commit(_notify_writer)
    return row


def records_changed(records) -> range:
    """Log that each of `records` (a Record queryset, or an iterable of Records) must be reindexed — or removed
    when it is not public — with one outbox row per record; returns the sequence numbers used (contiguous,
    empty when there were no records). Call inside the action's transaction, after the change itself.

    A queryset is read as (uuid, public) pairs, never as objects, and only once the outbox
    head is locked: a record published by a concurrent transaction has then either committed (and is read
    here) or gets its own, later row, which the writer applies after this change is visible. Callers whose
    change only alters documents already in the index can pass public records only.
    """
    _require_transaction("records_changed")
    head = _locked_head()
    if isinstance(records, QuerySet):
        from gongkai.catalog.queries import public_records

        is_public = Exists(public_records().filter(pk=OuterRef("pk")))
        rows = records.order_by("pk").annotate(is_public=is_public).values_list("uuid", "is_public")
        ops = {uuid: _op(public) for uuid, public in rows.iterator(chunk_size=2000)}
    else:
        ops = {r.uuid: _op(r.is_public) for r in records}
    if not ops:
        return range(0)
    first = head.last_seq + 1
    head.last_seq += len(ops)
    head.save(update_fields=["last_seq"])
    now = clock.now()
    SearchOutbox.objects.bulk_create(
        (
            SearchOutbox(seq=seq, record_uuid=uuid, op=op, created_at=now)
            for seq, (uuid, op) in enumerate(ops.items(), start=first)
        ),
        batch_size=BULK_BATCH,
    )
    transaction.on_commit(_notify_writer)
    return range(first, head.last_seq + 1)


def _op(public: bool) -> str:
    return SearchOutbox.Op.INDEX if public else SearchOutbox.Op.REMOVE


def _require_transaction(name: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{name}() must run inside the catalog action's transaction")


def _locked_head() -> OutboxHead:
    """The outbox head, locked until the caller's transaction ends: sequence numbers follow commit order."""
    OutboxHead.objects.get_or_create(pk=1)
    return OutboxHead.objects.select_for_update().get(pk=1)


def _notify_writer():
    from gongkai.search import writer

    writer.after_commit()
