"""Appending to the search outbox from inside catalog actions."""

from django.db import transaction

from gongkai.search.models import OutboxHead, SearchOutbox


def record_changed(record, *, gone: bool = False) -> SearchOutbox:
    """Log that `record` must be (re)indexed, or removed when it is no longer public or `gone` (deleted);
    call inside the action's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_changed() must run inside the catalog action's transaction")
    op = SearchOutbox.Op.INDEX if record.is_public and not gone else SearchOutbox.Op.REMOVE
    OutboxHead.objects.get_or_create(pk=1)
    head = OutboxHead.objects.select_for_update().get(pk=1)
    head.last_seq += 1
    head.save(update_fields=["last_seq"])
    row = SearchOutbox.objects.create(seq=head.last_seq, record_uuid=record.uuid, op=op)
    transaction.on_commit(_notify_writer)
    return row


def _notify_writer():
    from gongkai.search import writer

    writer.after_commit()
