"""The one place that decides who may do what on which organ.

Roles hold on the organ of the membership only, except `supervisor`, which reads the whole subtree.
Superusers may do everything. Views and actions ask `can(user, perm, organ)`; querysets are narrowed
with `organs_where(user, perm)`.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gongkai.organs.models import Membership, Organ, Role


class Perm(StrEnum):
    VIEW = "view"  # see the organ's records, drafts, timelines in the backoffice
    EDIT = "edit"  # draft, edit, submit, attach, reopen
    REVIEW = "review"  # 保密审查: approve or return
    PUBLISH = "publish"  # publish, schedule, withdraw, change validity
    MANAGE = "manage"  # organ data, category tree, staff
    HANDLE = "handle"  # 依申请公开: register, process and reply to applications, see applicants' data
    APPROVE_EXTENSION = (
        "approve_extension"  # 延期答复: approval by the head of the disclosure office (art 33)
    )


ROLE_PERMS: dict[str, set[Perm]] = {
    Role.EDITOR: {Perm.VIEW, Perm.EDIT},
    Role.REVIEWER: {Perm.VIEW, Perm.REVIEW},
    Role.PUBLISHER: {Perm.VIEW, Perm.PUBLISH},
    Role.ORGAN_ADMIN: {Perm.VIEW, Perm.MANAGE, Perm.APPROVE_EXTENSION},
    Role.SUPERVISOR: {Perm.VIEW},
    Role.APPLICATION_HANDLER: {Perm.VIEW, Perm.HANDLE},
}
SUBTREE_ROLES = {Role.SUPERVISOR}


def _memberships(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache = getattr(user, "_gongkai_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("organ"))
        user._gongkai_memberships = cache
    return cache


def is_staff_member(user) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active) or bool(_memberships(user))


def can(user, perm: Perm, organ: Organ) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    for m in _memberships(user):
        if perm not in ROLE_PERMS[m.role]:
            continue
        if m.organ_id == organ.pk:
            return True
        if m.role in SUBTREE_ROLES and organ.path.startswith(m.organ.path):
            return True
    return False


def require(user, perm: Perm, organ: Organ) -> None:
    if not can(user, perm, organ):
        raise PermissionDenied(_("您没有在“%(organ)s”执行此操作的权限。") % {"organ": organ.name})


def organs_where(user, perm: Perm):
    """The organs on which `user` holds `perm`, as a queryset."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Organ.objects.none()
    if user.is_superuser:
        return Organ.objects.all()
    from django.db.models import Q

    query = Q(pk__in=[])
    for m in _memberships(user):
        if perm not in ROLE_PERMS[m.role]:
            continue
        if m.role in SUBTREE_ROLES:
            query |= Q(path__startswith=m.organ.path)
        else:
            query |= Q(pk=m.organ_id)
    return Organ.objects.filter(query)


def roles_on(user, organ: Organ) -> set[str]:
    """The roles `user` holds on exactly this organ (supervision of an ancestor included)."""
    roles = set()
    for m in _memberships(user):
        if m.organ_id == organ.pk or (m.role in SUBTREE_ROLES and organ.path.startswith(m.organ.path)):
            roles.add(m.role)
    return roles


def get_organ_for_user(user, org_code: str, perm: Perm = Perm.VIEW) -> Organ:
    """The permission-checked getter for organs (404 when unknown, 403 when not allowed)."""
    from django.shortcuts import get_object_or_404

    organ = get_object_or_404(Organ, org_code=org_code)
    require(user, perm, organ)
    return organ
