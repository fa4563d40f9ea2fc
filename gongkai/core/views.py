"""Health endpoint for load balancers and monitoring: database reachable, search index lag."""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)
LAG_WARNING = 1000


@never_cache
@require_GET
def healthz(request):
    checks = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = {"ok": True}
    except Exception as exc:
        log.exception("healthz: database")
        checks["database"] = {"ok": False, "error": type(exc).__name__}
        healthy = False
    if healthy:
        from gongkai.search.status import search_status

        try:
            status = search_status()
            status.pop("index_path", None)
            status["ok"] = status["lag"] < LAG_WARNING
            checks["search"] = status
        except Exception as exc:
            log.exception("healthz: search")
            checks["search"] = {"ok": False, "error": type(exc).__name__}
    ok = healthy and all(check["ok"] for check in checks.values())
    return JsonResponse({"ok": ok, "checks": checks}, status=200 if ok else 503)
