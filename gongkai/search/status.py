"""Index health: documents, last applied outbox sequence number, lag (for `search status` and /healthz)."""

from gongkai.search import writer
from gongkai.search.models import OutboxHead


def search_status() -> dict:
    index = writer.open_index()
    applied = index.applied_seq()
    head = OutboxHead.objects.values_list("last_seq", flat=True).first() or 0
    return {
        "documents": index.num_docs(),
        "applied_seq": applied,
        "outbox_seq": head,
        "lag": max(0, head - applied),
        "index_path": str(writer.index_dir().resolve()),
    }
