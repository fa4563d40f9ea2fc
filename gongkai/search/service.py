"""Searching from a web process: one index handle per process, organ names in the dictionary, and every hit
re-checked against the database so a lagging index never shows a withdrawn or unpublished record."""

import os
import threading
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.signals import post_delete, post_save

from gongkai.catalog.models import Category, Record, Validity
from gongkai.catalog.queries import public_records
from gongkai.organs.models import Organ
from gongkai.search import writer
from gongkai.search.engine import FacetCount, Hit, Results, SearchFilters
from gongkai.search.words import ensure_organ_words, forget

_lock = threading.Lock()
_state = {"index": None, "target": None}


def _target() -> str:
    path = writer.index_dir()
    return os.path.realpath(path)


def current_index():
    """This process's reader, reopened when a rebuild has swapped in a new directory."""
    with _lock:
        ensure_organ_words()
        target = _target() if writer.index_dir().exists() else None
        if _state["index"] is None or target != _state["target"]:
            _state["index"] = writer.open_index()
            _state["target"] = _target()
        return _state["index"]


def reset() -> None:
    """Forget the cached handle (after settings changes in tests, or a manual index move)."""
    with _lock:
        _state.update(index=None, target=None)
    forget()
    forget_labels()


@dataclass
class FacetEntry:
    value: str
    label: str
    count: int
    depth: int = 0
    code: str = ""  # public identifier for links: the organ's 机构代码


@dataclass
class SearchPage:
    hits: list[tuple[Hit, Record]]
    total: int
    page: int
    page_size: int
    facets: dict[str, list[FacetEntry]] = field(default_factory=dict)
    dropped: int = 0  # hits the index still had but the database no longer shows

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def search(
    q: str, filters: SearchFilters | None = None, sort: str = "relevance", page: int = 1, page_size: int = 10
) -> SearchPage:
    results: Results = current_index().query(q, filters, sort=sort, page=page, page_size=page_size)
    uuids = [hit.uuid for hit in results.hits]
    records = {str(r.uuid): r for r in _public_records_by_uuid(uuids)} if uuids else {}
    hits = [(hit, records[hit.uuid]) for hit in results.hits if hit.uuid in records]
    dropped = len(results.hits) - len(hits)
    return SearchPage(
        hits=hits,
        total=max(0, results.total - dropped),
        page=results.page,
        page_size=results.page_size,
        facets=_label_facets(results.facets),
        dropped=dropped,
    )


# What a hit shows of its record (the portal's result list and the API); the rest stays deferred.
HIT_FIELDS = ("uuid", "title", "index_number", "document_number", "issuing_organ", "published_at", "validity")
_post_filter_sql: dict[tuple[str, int], tuple[str, list]] = {}


def _public_records_by_uuid(uuids: list[str]):
    """``public_records()`` with these uuids: the post-filter every search runs. The SQL is compiled once per
    database and number of uuids, from ``public_records()`` itself, and reused with the new uuids: Django's
    query compilation cost more than the query."""
    field = Record._meta.get_field("uuid")
    values = [field.get_db_prep_value(u, connection, prepared=False) for u in uuids]
    key = (connection.alias, len(uuids))
    cached = _post_filter_sql.get(key)
    if cached is None:
        queryset = public_records().filter(uuid__in=uuids).order_by().only(*HIT_FIELDS)
        sql, params = queryset.query.sql_with_params()
        params = list(params)
        if len(set(values)) != len(values) or params[len(params) - len(values) :] != values:
            return queryset  # not the expected shape (duplicates…): plain ORM, nothing cached
        cached = _post_filter_sql[key] = (sql, params[: len(params) - len(values)])
    sql, fixed = cached
    return Record.objects.raw(sql, [*fixed, *values])


# Facet labels: organ and category names by id, cached per process and fetched only for ids not seen yet. A
# rename or a new organ or category in this process clears the cache at once (signals below); other processes
# drop theirs every LABELS_TTL seconds.
LABELS_TTL = 30.0
_labels: dict = {"organs": {}, "categories": {}, "at": 0.0}


def _facet_labels(organ_ids: set[int], category_ids: set[str]):
    """({organ id: (display name, org code)}, {category id: full name}) covering the given ids where they exist."""
    if time.monotonic() - _labels["at"] > LABELS_TTL:
        forget_labels()
    organs, categories = _labels["organs"], _labels["categories"]
    missing = organ_ids - organs.keys()
    if missing:
        rows = Organ.objects.filter(pk__in=missing).values_list("pk", "name", "short_name", "org_code")
        organs.update({pk: (short or name, code) for pk, name, short, code in rows})
        organs.update({pk: None for pk in missing - organs.keys()})
    missing = category_ids - categories.keys()
    if missing:
        found = Category.objects.filter(pk__in=[int(c) for c in missing]).select_related("parent")
        categories.update({str(c.pk): c.full_name for c in found})
        categories.update({c: None for c in missing - categories.keys()})
    return organs, categories


def forget_labels(**kwargs) -> None:
    _labels.update(organs={}, categories={}, at=time.monotonic())


for _model in (Organ, Category):
    post_save.connect(forget_labels, sender=_model, dispatch_uid=f"search-labels-save-{_model.__name__}")
    post_delete.connect(forget_labels, sender=_model, dispatch_uid=f"search-labels-delete-{_model.__name__}")


def _label_facets(facets: dict[str, list[FacetCount]]) -> dict[str, list[FacetEntry]]:
    organ_ids = {
        int(p) for f in facets.get("organ", []) for p in f.value.strip("/").split("/") if p.isdigit()
    }
    category_ids = {f.value for f in facets.get("category", []) if f.value.isdigit()}
    organs, categories = _facet_labels(organ_ids, category_ids)
    labelled = {"organ": [], "category": [], "year": [], "validity": []}
    for f in sorted(facets.get("organ", []), key=lambda f: f.value):
        last = f.value.strip("/").split("/")[-1]
        label = organs.get(int(last)) if last.isdigit() else None
        if label is not None:
            labelled["organ"].append(FacetEntry(f.value, label[0], f.count, f.value.count("/") - 2, label[1]))
    for f in facets.get("category", []):
        label = categories.get(f.value)
        if label is not None:
            labelled["category"].append(FacetEntry(f.value, label, f.count))
    for f in sorted(facets.get("year", []), key=lambda f: f.value, reverse=True):
        labelled["year"].append(FacetEntry(f.value, f.value, f.count))
    for f in facets.get("validity", []):
        if f.value in Validity.values:
            labelled["validity"].append(FacetEntry(f.value, str(Validity(f.value).label), f.count))
    return labelled
