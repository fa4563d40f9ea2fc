"""The portal's full-text search page: results with snippets, facets, sort, pagination and help when
nothing matches. Every hit is re-checked against the database (gongkai.search.service)."""

from dataclasses import replace

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.portal.site import request_site_organ
from gongkai.search import service
from gongkai.search.analysis import query_words
from gongkai.search.params import parse_params

PAGE_SIZE = 10
# Facet links shown at once; the rest of a long list sits behind "更多" (a details element), up to the cap.
FACET_SHOWN = 12
FACET_CAP = 60


def _facet_lists(facets: dict, params) -> dict:
    """What the sidebar shows: for organs, the chosen organ (or the top of the tree) and the level below it,
    so a city with a thousand organs lists its districts and a district its offices; for the other facets
    the most frequent values first, the rest folded away."""
    organs = facets.get("organ", [])
    if organs:
        if params.organ is not None:
            base = params.organ.path.count("/") - 2
            organs = [f for f in organs if f.value.startswith(params.organ.path) and f.depth <= base + 1]
        else:
            base = min(f.depth for f in organs)
            organs = [f for f in organs if f.depth <= base + 1]
        organs = [replace(f, depth=f.depth - base) for f in organs]  # indented under the level above
    lists = {"organ": organs}
    for name in ("category", "year", "validity"):
        lists[name] = facets.get(name, [])
    return {
        name: {"shown": entries[:FACET_SHOWN], "more": entries[FACET_SHOWN:FACET_CAP]}
        for name, entries in lists.items()
    }


def _suggestions(params) -> list[dict]:
    """When nothing matches: each single word of the query that does match, most hits first."""
    words = list(dict.fromkeys(w for w in query_words(params.q) if len(w) > 1))
    if len(words) < 2:
        return []
    index = service.current_index()
    found = []
    for word in words[:6]:
        total = index.query(word, params.filters, page_size=1).total
        if total:
            found.append({"q": word, "total": total})
    return sorted(found, key=lambda s: -s["total"])


def search(request):
    params = parse_params(request.GET)
    page = service.search(params.q, params.filters, sort=params.sort, page=params.page, page_size=PAGE_SIZE)
    suggestions = _suggestions(params) if not page.total and params.q else []
    sorts = [("relevance", _("按相关度")), ("date", _("按发布日期"))]
    context = {
        "params": params,
        "result": page,
        "facets": _facet_lists(page.facets, params),
        "suggestions": suggestions,
        "sorts": sorts,
        "page_numbers": _page_numbers(page.page, page.pages),
        "column_name": _("全文检索"),
        "column_type": _("检索页"),
        "breadcrumbs": [(_("首页"), reverse("portal:home")), (_("全文检索"), None)],
        "nav_current": "search",
        "first_number": (page.page - 1) * page.page_size + 1,
        "previous_page": page.page - 1,
        "next_page": page.page + 1,
        "guide_url": _guide_url(request),
    }
    return render(request, "portal/search.html", context)


def _guide_url(request) -> str:
    site = request_site_organ(request)
    return reverse("portal:guide", args=[site.org_code]) if site else reverse("portal:home")


def _page_numbers(current: int, total: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20 (None is an ellipsis)."""
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers
