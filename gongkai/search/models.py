"""The search outbox: every catalog change that can affect search appends a row in the same transaction.

The Tantivy index is a view that follows this log by sequence number. Sequence numbers are handed out under a
lock on the single `OutboxHead` row, held until the catalog transaction commits, so commit order equals
sequence order and a reader that has applied everything up to N never misses a row below N.
"""

from django.db import models

from gongkai.core import clock


class OutboxHead(models.Model):
    last_seq = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"outbox head {self.last_seq}"


class SearchOutbox(models.Model):
    class Op(models.TextChoices):
        INDEX = "index", "index"
        REMOVE = "remove", "remove"

    seq = models.PositiveBigIntegerField(primary_key=True)
    record_uuid = models.UUIDField(db_index=True)
    op = models.CharField(max_length=6, choices=Op.choices)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["seq"]

    def __str__(self):
        return f"{self.seq} {self.op} {self.record_uuid}"


class AttachmentText(models.Model):
    """Text extracted from an attachment's bytes, keyed by content hash (extracted once per distinct file)."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    text = models.TextField(blank=True)
    error = models.CharField(max_length=200, blank=True)
    extracted_at = models.DateTimeField(default=clock.now)

    def __str__(self):
        return self.sha256
