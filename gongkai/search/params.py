"""Search parameters from a query string, shared by the portal page and the JSON API.

Bad values never fail a search: each is dropped and reported, so the page explains what it ignored and the
API can answer 400 with the reasons when it prefers to be strict.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.catalog.models import Category, Validity
from gongkai.organs.models import Organ
from gongkai.search.engine import SearchFilters

MAX_QUERY_CHARS = 500
MAX_PAGE = 500
SORTS = ("relevance", "date")


@dataclass
class SearchParams:
    q: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: str = "relevance"
    page: int = 1
    organ: Organ | None = None
    category: Category | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return self.filters != SearchFilters()


def _date(value: str, label: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(
            _("%(label)s“%(value)s”不是有效日期（应为 YYYY-MM-DD），已忽略。")
            % {"label": label, "value": value[:20]}
        )
        return None


def _int(value: str, label: str, errors: list[str], lo: int, hi: int) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not lo <= number <= hi:
        errors.append(_("%(label)s“%(value)s”无效，已忽略。") % {"label": label, "value": value[:20]})
        return None
    return number


def parse_params(get) -> SearchParams:
    """Read q, sort, page and the filters (organ=机构代码, category=id, year, validity, title_only, date_from,
    date_to, document_number) from a QueryDict or dict."""
    errors: list[str] = []
    q = str(get.get("q", "") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        errors.append(_("检索词过长，只使用了前%(n)d个字。") % {"n": MAX_QUERY_CHARS})
        q = q[:MAX_QUERY_CHARS]
    sort = get.get("sort") or "relevance"
    if sort not in SORTS:
        errors.append(_("未知的排序方式，已按相关度排序。"))
        sort = "relevance"
    page = _int(str(get.get("page") or ""), _("页码"), errors, 1, MAX_PAGE) or 1
    organ = None
    organ_code = str(get.get("organ") or "").strip().upper()
    if organ_code:
        organ = Organ.objects.filter(org_code=organ_code).first()
        if organ is None:
            errors.append(_("没有机构代码为“%(code)s”的机关，已忽略该条件。") % {"code": organ_code[:20]})
    category = None
    category_id = _int(str(get.get("category") or ""), _("分类"), errors, 1, 2**31 - 1)
    if category_id:
        category = Category.objects.filter(pk=category_id).select_related("organ").first()
        if category is None:
            errors.append(_("没有这个分类，已忽略该条件。"))
    year = _int(str(get.get("year") or ""), _("年份"), errors, 1949, 2100)
    validity = str(get.get("validity") or "")
    if validity and validity not in Validity.values:
        errors.append(_("未知的有效性，已忽略该条件。"))
        validity = ""
    date_from = _date(str(get.get("date_from") or ""), _("起始日期"), errors)
    date_to = _date(str(get.get("date_to") or ""), _("截止日期"), errors)
    if date_from and date_to and date_from > date_to:
        errors.append(_("起始日期晚于截止日期，已交换两者。"))
        date_from, date_to = date_to, date_from
    filters = SearchFilters(
        title_only=str(get.get("title_only") or "") in ("1", "true", "on"),
        date_from=date_from,
        date_to=date_to,
        document_number=str(get.get("document_number") or "").strip()[:60],
        organ_path=organ.path if organ else "",
        category=str(category.pk) if category else "",
        year=year,
        validity=validity,
    )
    return SearchParams(
        q=q, filters=filters, sort=sort, page=page, organ=organ, category=category, errors=errors
    )
