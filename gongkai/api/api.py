"""The public JSON API, version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Routers are registered here explicitly, one line each, so that the whole surface is visible in one place.
The interactive docs page is /api/v1/docs; with "ninja" in INSTALLED_APPS its scripts come from our own
static files, never a third-party CDN."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from gongkai.annual.api import router as audit_router
from gongkai.search.api import router as search_router
from gongkai.workdays.api import router as workdays_router


class ChineseJSONRenderer(JSONRenderer):
    """UTF-8 JSON with Chinese characters as they are (春节, not \\u6625\\u8282)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Gongkai API", version="1", urls_namespace="api", renderer=ChineseJSONRenderer(), docs_url="/docs"
)

api.add_router("/audit", audit_router)
api.add_router("/search", search_router)
api.add_router("/workdays/", workdays_router)
