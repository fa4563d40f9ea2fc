"""Reading preferences chosen in the accessibility toolbar: 长辈版 (elder mode) and 字号 (font size).

The toolbar's links carry `?elder=1|0` or `?fs=l|m|s`; the view decorator below stores the choice in a
cookie and redirects to the same page without the parameter, so the choice works without JavaScript
and persists on every page. portal.js sets the same cookies when it switches the font size in place.
"""

from dataclasses import dataclass
from functools import wraps

from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

ELDER_COOKIE = "gk_elder"
FONT_COOKIE = "gk_fs"
ELDER_PARAM = "elder"
FONT_PARAM = "fs"
FONT_SIZES = {"l": _("大"), "m": _("中"), "s": _("小")}
DEFAULT_FONT_SIZE = "m"
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Prefs:
    elder: bool = False
    font_size: str = DEFAULT_FONT_SIZE

    @property
    def html_class(self) -> str:
        classes = [f"fs-{self.font_size}"]
        if self.elder:
            classes.append("elder")
        return " ".join(classes)


def prefs_from(request) -> Prefs:
    font_size = request.COOKIES.get(FONT_COOKIE, DEFAULT_FONT_SIZE)
    if font_size not in FONT_SIZES:
        font_size = DEFAULT_FONT_SIZE
    return Prefs(elder=request.COOKIES.get(ELDER_COOKIE) == "1", font_size=font_size)


def url_with(request, **params) -> str:
    """The current path with the query string changed: params set (None removes the key)."""
    query = request.GET.copy()
    for key, value in params.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    path = "/" + request.path.lstrip("/")  # never "//host": the result is used as a redirect target
    return f"{path}?{encoded}" if encoded else path


def toolbar_links(request, prefs: Prefs) -> dict:
    return {
        "elder_url": url_with(request, **{ELDER_PARAM: "0" if prefs.elder else "1"}),
        "font_sizes": [
            {
                "code": code,
                "label": label,
                "url": url_with(request, **{FONT_PARAM: code}),
                "current": code == prefs.font_size,
            }
            for code, label in FONT_SIZES.items()
        ],
    }


def remember_prefs(view):
    """Store `?elder=` / `?fs=` choices in cookies (then redirect to the clean URL); mark responses as
    varying by cookie, since the page's classes depend on them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        changes = {}
        if request.GET.get(ELDER_PARAM) in ("0", "1"):
            changes[ELDER_COOKIE] = request.GET[ELDER_PARAM]
        if request.GET.get(FONT_PARAM) in FONT_SIZES:
            changes[FONT_COOKIE] = request.GET[FONT_PARAM]
        if changes and request.method in ("GET", "HEAD"):
            response = HttpResponseRedirect(url_with(request, **{ELDER_PARAM: None, FONT_PARAM: None}))
            for name, value in changes.items():
                response.set_cookie(
                    name,
                    value,
                    max_age=COOKIE_MAX_AGE,
                    samesite="Lax",
                    secure=request.is_secure(),
                    httponly=False,  # portal.js switches the font size in place and writes this cookie
                )
            return response
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
