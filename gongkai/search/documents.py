"""Catalog records → SearchDocuments, with relations prefetched and attachment text from the cache."""

from django.db.models import Prefetch

from gongkai.catalog.models import Category
from gongkai.catalog.queries import public_records
from gongkai.search.engine import SearchDocument, document_for
from gongkai.search.extract import attachment_text


def documents_for_records(records) -> list[SearchDocument]:
    records = records.select_related("organ").prefetch_related(
        Prefetch("categories", queryset=Category.objects.select_related("parent")), "attachments"
    )
    docs = []
    for record in records:
        texts = {a.sha256: attachment_text(a) for a in record.attachments.all()}
        docs.append(document_for(record, attachment_texts=texts))
    return docs


def documents_for_uuids(uuids) -> list[SearchDocument]:
    """Documents of those records that are public now; the others are simply absent."""
    return documents_for_records(public_records().filter(uuid__in=list(uuids)))
