"""Writes on organs and memberships. Everything else calls these, never `.save()` directly."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.catalog.queries import public_records
from gongkai.core.html import sanitize_html
from gongkai.organs.models import Membership, Organ
from gongkai.organs.permissions import Perm, require
from gongkai.organs.validators import normalize_org_code
from gongkai.search.outbox import records_changed

ORGAN_EDITABLE_FIELDS = (
    "name",
    "short_name",
    "position",
    "office_name",
    "office_address",
    "office_hours",
    "office_phone",
    "office_fax",
    "office_email",
    "office_postcode",
    "website",
    "disclosure_rules",
    "index_number_template",
)
# What the search index stores about a record's organ besides its path, which never changes (the parent is
# fixed once the organ exists): a change to these reindexes the organ's public records.
ORGAN_INDEXED_FIELDS = ("name", "short_name")


def validate_index_template(template: str) -> None:
    try:
        sample = template.format(org_code="11430105MB1234567X", year=2026, month=1, seq=1)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(
            {"index_number_template": _("索引号规则无法解析：%(err)s") % {"err": exc}}
        ) from None
    if "{seq" not in template:
        raise ValidationError(
            {"index_number_template": _("索引号规则必须包含流水号 {seq}，否则无法保证唯一。")}
        )
    if len(sample) > 60:
        raise ValidationError({"index_number_template": _("索引号过长（超过60个字符）。")})


@transaction.atomic
def do_create_organ(*, actor, parent: Organ | None, level: str, name: str, org_code: str, **fields) -> Organ:
    """Create an organ under `parent` (only superusers create roots; organ admins create children)."""
    if parent is None:
        if actor is not None and not actor.is_superuser:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(_("只有系统管理员可以创建顶级机关。"))
    elif actor is not None:
        require(actor, Perm.MANAGE, parent)
    organ = Organ(
        parent=parent, level=level, name=name.strip(), org_code=normalize_org_code(org_code), **fields
    )
    organ.full_clean(exclude=["path"])
    if "index_number_template" in fields:
        validate_index_template(organ.index_number_template)
    organ.save()
    organ.path = f"{parent.path if parent else '/'}{organ.pk}/"
    organ.save(update_fields=["path"])
    return organ


@transaction.atomic
def do_update_organ(organ: Organ, *, actor, **fields) -> Organ:
    """Change the organ's editable fields; a new name or short name reindexes its public records (search
    finds them by organ name) through the search outbox, in this transaction."""
    if actor is not None:
        require(actor, Perm.MANAGE, organ)
    unknown = set(fields) - set(ORGAN_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "disclosure_rules" in fields:
        fields["disclosure_rules"] = sanitize_html(fields["disclosure_rules"])
    for key, value in fields.items():
        setattr(organ, key, value)
    organ.full_clean(exclude=["path"])
    validate_index_template(organ.index_number_template)
    # Compare with the stored row, not the instance: the admin form has already written to it.
    stored = Organ.objects.select_for_update().filter(pk=organ.pk).values(*ORGAN_INDEXED_FIELDS).get()
    organ.save()
    if any(stored[key] != getattr(organ, key) for key in ORGAN_INDEXED_FIELDS):
        records_changed(public_records().filter(organ=organ))
    return organ


@transaction.atomic
def do_grant_role(*, actor, user, organ: Organ, role: str) -> Membership:
    if actor is not None:
        require(actor, Perm.MANAGE, organ)
    membership, _created = Membership.objects.get_or_create(user=user, organ=organ, role=role)
    user.__dict__.pop("_gongkai_memberships", None)
    return membership


@transaction.atomic
def do_revoke_role(*, actor, user, organ: Organ, role: str) -> None:
    if actor is not None:
        require(actor, Perm.MANAGE, organ)
    Membership.objects.filter(user=user, organ=organ, role=role).delete()
    user.__dict__.pop("_gongkai_memberships", None)
