"""Read-only queries behind the portal's lists. Everything starts from catalog.queries.public_records(),
and every list is fetched in a bounded number of queries whatever the number of records."""

from django.db.models import Count, F, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.models import Category, Record
from gongkai.catalog.queries import public_records
from gongkai.organs.models import Organ

RecordCategory = Record.categories.through

# The category shown in the home page's 通知公告 block (its slug in the default 街道 category tree).
NOTICES_SLUG = "tzgg"

# Fields a list row needs; the body stays in the database.
LIST_FIELDS = ("pk", "uuid", "title", "index_number", "written_on", "published_at", "organ_id")

SORTS = {
    "published": (_("发布日期"), ("-published_at", "-pk")),
    "written": (_("成文日期"), ("-written_on", "-published_at", "-pk")),
    "title": (_("标题"), ("title", "-published_at", "-pk")),
}
DEFAULT_SORT = "published"


def category_tree(organ: Organ) -> list[Category]:
    """The organ's active top-level categories, each with `.subcategories` (active children), in order."""
    categories = list(Category.objects.filter(organ=organ, is_active=True).order_by("position", "pk"))
    by_parent: dict[int | None, list[Category]] = {}
    for category in categories:
        by_parent.setdefault(category.parent_id, []).append(category)
    top = by_parent.get(None, [])
    for category in top:
        category.subcategories = by_parent.get(category.pk, [])
    return top


def records_in(category_ids):
    """Public records filed under any of `category_ids`, each once."""
    links = RecordCategory.objects.filter(category_id__in=list(category_ids)).values("record_id")
    return public_records().filter(pk__in=links)


def sorted_records(category_ids, sort: str):
    sort = sort if sort in SORTS else DEFAULT_SORT
    return records_in(category_ids).only(*LIST_FIELDS).order_by(*SORTS[sort][1])


def latest_records(organ: Organ, limit: int):
    return public_records().filter(organ=organ).only(*LIST_FIELDS).order_by("-published_at", "-pk")[:limit]


def category_counts(organ: Organ) -> dict[int, int]:
    """Number of public records per category; a top-level category counts its children's records too
    (a record filed under several of them is counted once)."""
    links = RecordCategory.objects.filter(category__organ=organ, record__in=public_records())
    counts = dict(
        links.values("category_id")
        .annotate(n=Count("record_id", distinct=True))
        .values_list("category_id", "n")
    )
    top_counts = (
        links.annotate(top=Coalesce("category__parent_id", "category_id"))
        .values("top")
        .annotate(n=Count("record_id", distinct=True))
        .values_list("top", "n")
    )
    counts.update(dict(top_counts))
    return counts


def latest_by_category(tree: list[Category], per: int) -> dict[int, list[Record]]:
    """For each top-level category of `tree`: its `per` latest public records, its children's included.

    One query: the `per` latest links of every category (a window function), merged per top-level
    category in Python. The merged top `per` is exact, because it lies within the union of the
    per-category top `per`s.
    """
    top_of = {}
    for top in tree:
        top_of[top.pk] = top.pk
        for child in top.subcategories:
            top_of[child.pk] = top.pk
    if not top_of:
        return {}
    links = (
        RecordCategory.objects.filter(category_id__in=list(top_of), record__in=public_records())
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("record__published_at").desc(), F("record_id").desc()],
            )
        )
        .filter(rank__lte=per)
        .select_related("record")
        .only("category_id", *(f"record__{name}" for name in LIST_FIELDS if name != "pk"), "record__id")
    )
    merged: dict[int, dict[int, Record]] = {pk: {} for pk in top_of.values()}
    for link in links:
        merged[top_of[link.category_id]][link.record_id] = link.record
    return {
        top_pk: sorted(records.values(), key=lambda r: (r.published_at, r.pk), reverse=True)[:per]
        for top_pk, records in merged.items()
    }
