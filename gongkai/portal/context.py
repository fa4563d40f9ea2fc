"""Template context for every page: the site organ (lazily), the site's names and the toolbar state.

Variables: `portal_site` (the site Organ or None, evaluated on first use), `portal_site_name`,
`portal_site_domain`, `portal_site_id_code` (empty unless settings.SITE_ID_CODE is set),
`portal_prefs` (Prefs: `.elder`, `.font_size`, `.html_class`) and `portal_toolbar` (links for the
长辈版 and 字号 controls of the current page).
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from gongkai.portal.prefs import prefs_from, toolbar_links
from gongkai.portal.site import request_site_organ


def _site_name(request) -> str:
    if settings.SITE_NAME:
        return settings.SITE_NAME
    organ = request_site_organ(request)
    return organ.name if organ is not None else ""


def portal(request):
    prefs = prefs_from(request)
    return {
        "portal_site": SimpleLazyObject(lambda: request_site_organ(request)),
        "portal_site_name": lazy(_site_name, str)(request),
        "portal_site_domain": lazy(request.get_host, str)(),
        "portal_site_id_code": settings.SITE_ID_CODE,
        "portal_prefs": prefs,
        "portal_toolbar": SimpleLazyObject(lambda: toolbar_links(request, prefs)),
    }
