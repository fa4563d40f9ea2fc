"""Reads: the permission-checked getters for staff and the public querysets for the portal."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from gongkai.catalog.models import Attachment, Category, DisclosureMode, Record, RecordStatus
from gongkai.organs.permissions import Perm, organs_where, require


def public_records():
    """Records a citizen may see: published and proactively disclosed."""
    return Record.objects.filter(status=RecordStatus.PUBLISHED, disclosure_mode=DisclosureMode.PROACTIVE)


def get_public_record(uuid) -> Record:
    return get_object_or_404(public_records().select_related("organ"), uuid=uuid)


def get_public_attachment(uuid) -> Attachment:
    attachment = get_object_or_404(Attachment.objects.select_related("record"), uuid=uuid)
    if not attachment.record.is_public:
        raise Http404
    return attachment


def get_record_for_user(user, uuid, perm: Perm = Perm.VIEW) -> Record:
    """The one permission-checked getter for records (404 when unknown, 403 when not allowed)."""
    record = get_object_or_404(Record.objects.select_related("organ", "created_by"), uuid=uuid)
    require(user, perm, record.organ)
    return record


def get_attachment_for_user(user, uuid, perm: Perm = Perm.VIEW) -> Attachment:
    attachment = get_object_or_404(Attachment.objects.select_related("record__organ"), uuid=uuid)
    require(user, perm, attachment.record.organ)
    return attachment


def get_category_for_user(user, pk, perm: Perm = Perm.MANAGE) -> Category:
    category = get_object_or_404(Category.objects.select_related("organ"), pk=pk)
    require(user, perm, category.organ)
    return category


def records_for_user(user, perm: Perm = Perm.VIEW):
    return Record.objects.filter(organ__in=organs_where(user, perm))
