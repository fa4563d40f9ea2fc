"""Template helpers for the staff layout: the user's display name and the navigation."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gongkai.core.html import sanitize_html
from gongkai.organs.models import Membership, Role

register = template.Library()


@register.filter
def staff_name(user) -> str:
    if user is None:
        return _("系统")
    return user.get_full_name() or user.username


@register.simple_tag(takes_context=True)
def staff_nav(context) -> dict:
    """Roles of the signed-in user and which sections of the nav apply to them (one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"roles": [], "review": False, "manage": []}
    memberships = list(
        Membership.objects.filter(user=user).select_related("organ").order_by("organ__path", "role")
    )
    roles = [f"{m.organ.display_name}·{Role(m.role).label}" for m in memberships]
    if user.is_superuser:
        roles.insert(0, _("系统管理员"))
    manage = [m.organ for m in memberships if m.role == Role.ORGAN_ADMIN]
    return {
        "roles": roles,
        "review": user.is_superuser or any(m.role == Role.REVIEWER for m in memberships),
        "edit": user.is_superuser or any(m.role == Role.EDITOR for m in memberships),
        "manage": manage,
    }


@register.filter
def clean_html(value) -> str:
    """Bodies are sanitised when saved; sanitise again on output so a preview can never run a script."""
    return mark_safe(sanitize_html(value or ""))
