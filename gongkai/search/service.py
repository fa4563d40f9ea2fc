"""Searching from a web process: one index handle per process, organ names in the dictionary, and every hit
re-checked against the database so a lagging index never shows a withdrawn or unpublished record."""

import os
import threading
from dataclasses import dataclass, field

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
    records = {
        str(r.uuid): r
        for r in public_records()
        .filter(uuid__in=uuids)
        .select_related("organ")
        .prefetch_related("categories")
    }
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


def _label_facets(facets: dict[str, list[FacetCount]]) -> dict[str, list[FacetEntry]]:
    organ_ids = {int(part) for f in facets.get("organ", []) for part in f.value.strip("/").split("/") if part}
    organs = {o.pk: o for o in Organ.objects.filter(pk__in=organ_ids)}
    category_ids = [int(f.value) for f in facets.get("category", []) if f.value.isdigit()]
    categories = {str(c.pk): c for c in Category.objects.filter(pk__in=category_ids).select_related("parent")}
    labelled = {"organ": [], "category": [], "year": [], "validity": []}
    for f in sorted(facets.get("organ", []), key=lambda f: f.value):
        last = int(f.value.strip("/").split("/")[-1])
        if last in organs:
            organ = organs[last]
            labelled["organ"].append(
                FacetEntry(f.value, organ.display_name, f.count, f.value.count("/") - 2, organ.org_code)
            )
    for f in facets.get("category", []):
        category = categories.get(f.value)
        if category is not None:
            labelled["category"].append(FacetEntry(f.value, category.full_name, f.count))
    for f in sorted(facets.get("year", []), key=lambda f: f.value, reverse=True):
        labelled["year"].append(FacetEntry(f.value, f.value, f.count))
    for f in facets.get("validity", []):
        if f.value in Validity.values:
            labelled["validity"].append(FacetEntry(f.value, str(Validity(f.value).label), f.count))
    return labelled
