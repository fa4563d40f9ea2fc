"""Which organ the portal is "the site" of, and which organs its organ switcher offers."""

import logging

from django.conf import settings
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Length, Replace

from gongkai.catalog.queries import public_records
from gongkai.organs.models import Organ
from gongkai.organs.validators import normalize_org_code

logger = logging.getLogger(__name__)

_REQUEST_ATTR = "_portal_site_organ"


def _by_depth(queryset):
    depth = Length("path") - Length(Replace("path", Value("/"), Value("")))
    return queryset.annotate(depth_slashes=depth).order_by("depth_slashes", "position", "pk")


def site_organ() -> Organ | None:
    """The organ whose portal this is.

    settings.PORTAL_ORGAN (an org code) when set and known; otherwise the highest organ in the tree
    (fewest levels) that has public records; otherwise the first root organ; None when there are no
    organs at all.
    """
    code = normalize_org_code(settings.PORTAL_ORGAN or "")
    if code:
        organ = Organ.objects.filter(org_code=code).first()
        if organ is not None:
            return organ
        logger.error("GONGKAI_PORTAL_ORGAN=%s names no organ; choosing the site organ automatically", code)
    with_records = Organ.objects.filter(Exists(public_records().filter(organ=OuterRef("pk"))))
    organ = _by_depth(with_records).first()
    if organ is None:
        organ = Organ.objects.filter(parent__isnull=True).order_by("position", "pk").first()
    return organ


def request_site_organ(request) -> Organ | None:
    """site_organ(), computed once per request."""
    if not hasattr(request, _REQUEST_ATTR):
        setattr(request, _REQUEST_ATTR, site_organ())
    return getattr(request, _REQUEST_ATTR)


def switcher_organs(site: Organ, current: Organ | None = None) -> list[Organ]:
    """The organs offered by the organ switcher, in tree order: the site organ, its children, and
    — when the visitor is deeper in the subtree — the current organ's ancestors and children.

    Each organ gets `switcher_depth` (0 for the site organ) for indentation.
    """
    fields = ("pk", "parent_id", "path", "name", "short_name", "org_code", "position")
    rows = list(site.subtree().only(*fields).order_by("path"))
    keep_parents = {site.pk}
    if current is not None and current.path.startswith(site.path):
        keep_parents.update(current.ancestor_ids())
    children: dict[int | None, list[Organ]] = {}
    for organ in rows:
        children.setdefault(organ.parent_id, []).append(organ)
    for siblings in children.values():
        siblings.sort(key=lambda o: (o.position, o.pk))
    ordered: list[Organ] = []

    def walk(organ: Organ, depth: int) -> None:
        organ.switcher_depth = depth
        ordered.append(organ)
        if organ.pk in keep_parents:
            for child in children.get(organ.pk, []):
                walk(child, depth + 1)

    root = next((o for o in rows if o.pk == site.pk), None)
    if root is not None:
        walk(root, 0)
    return ordered


def in_site(site: Organ | None, organ: Organ) -> bool:
    return site is not None and organ.path.startswith(site.path)
