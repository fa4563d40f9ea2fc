"""Public JSON search: `GET /api/v1/search?q=…&organ=…&category=…&year=…&page=…`.

The same parameters as the portal page (see gongkai.search.params). Unlike the page, which drops a bad filter
and says so, the API answers 400 with the reasons so that a client notices its mistake. Hits are re-checked
against the database like every other search.
"""

import datetime as dt

from django.urls import reverse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from gongkai.search import service
from gongkai.search.params import parse_params

PAGE_SIZE_MAX = 50

router = Router(tags=["search"])


class HitOut(Schema):
    title: str
    url: str
    index_number: str
    document_number: str
    issuing_organ: str
    published_at: dt.datetime
    validity: str
    title_html: str = Field(description="标题，命中词以 <mark> 标出，已转义")
    snippet_html: str = Field(description="正文摘要，命中词以 <mark> 标出，已转义")


class FacetOut(Schema):
    value: str = Field(description="作为同名参数传回即可筛选：机关为机构代码，分类为分类 id")
    label: str
    count: int


class SearchOut(Schema):
    q: str
    total: int
    page: int
    page_size: int
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]]


class ErrorOut(Schema):
    detail: list[str]


class SearchQuery(Schema):
    q: str = Field("", description='检索词：空格分隔表示同时包含；"词组"；-排除；A OR B')
    organ: str = Field("", description="机构代码（含下级机关）")
    category: str = Field("", description="分类 id（含下级分类）")
    year: str = Field("", description="发布年份")
    validity: str = Field("", description="valid / expired / repealed")
    title_only: str = Field("", description="1：仅检索标题")
    date_from: str = Field("", description="发布日期起，YYYY-MM-DD")
    date_to: str = Field("", description="发布日期止，YYYY-MM-DD")
    document_number: str = Field("", description="文号（括号〔〕[]（）均可）")
    sort: str = Field("relevance", description="relevance / date")
    page: str = Field("1", description="页码，从 1 开始")
    page_size: int = Field(10, ge=1, le=PAGE_SIZE_MAX)


@router.get(
    "", response={200: SearchOut, 400: ErrorOut}, url_name="search", summary="全文检索主动公开的政府信息"
)
def search(request, query: Query[SearchQuery]):
    params = parse_params(request.GET)
    if params.errors:
        return Status(400, {"detail": params.errors})
    result = service.search(
        params.q,
        params.filters,
        sort=params.sort,
        page=params.page,
        page_size=query.page_size,
    )
    hits = [
        {
            "title": record.title,
            "url": request.build_absolute_uri(reverse("portal:article", args=[record.uuid])),
            "index_number": record.index_number or "",
            "document_number": record.document_number,
            "issuing_organ": record.issuing_organ,
            "published_at": record.published_at,
            "validity": record.validity,
            "title_html": hit.title_html,
            "snippet_html": hit.snippet_html,
        }
        for hit, record in result.hits
    ]
    facets = {
        key: [{"value": f.code or f.value, "label": f.label, "count": f.count} for f in entries]
        for key, entries in result.facets.items()
    }
    return {
        "q": params.q,
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "hits": hits,
        "facets": facets,
    }
