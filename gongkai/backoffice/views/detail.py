"""Record detail (metadata, allowed steps, timeline, revisions, attachments) and the revision diff."""

import datetime as dt

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.backoffice.diff import diff_revisions
from gongkai.backoffice.forms import AttachmentForm, NoteForm, ReasonForm, ScheduleForm, ValidityForm
from gongkai.backoffice.views.common import read_only, staff_view
from gongkai.catalog.actions import EDITABLE_STATES, TRANSITIONS
from gongkai.catalog.models import Record, RecordEvent, RecordStatus, Validity
from gongkai.catalog.queries import get_record_for_user
from gongkai.organs.permissions import Perm, can

Kind = RecordEvent.Kind


def allowed_steps(user, record: Record) -> dict[str, bool]:
    """Which buttons this user gets for this record in its current state (the actions check again)."""
    perms = {perm: can(user, perm, record.organ) for perm in (Perm.EDIT, Perm.REVIEW, Perm.PUBLISH)}
    steps = {}
    for name in ("submit", "approve", "return", "publish", "cancel_schedule", "withdraw", "reopen"):
        sources, _target, perm = TRANSITIONS[name]
        steps[name] = record.status in sources and perms[perm]
    steps["edit"] = record.status in EDITABLE_STATES and perms[Perm.EDIT]
    steps["attach"] = steps["edit"]
    steps["delete"] = steps["edit"] and not record.index_number
    steps["validity"] = record.status == RecordStatus.PUBLISHED and perms[Perm.PUBLISH]
    steps["any"] = any(steps.values())
    return steps


def _label(field: str) -> str:
    if field == "categories":
        return _("公开目录分类")
    try:
        return str(Record._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:
        return field


def _when(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    return date_format(timezone.localtime(moment), "Y-m-d H:i")


def event_details(event: RecordEvent) -> str:
    """A short line about what the event changed, from its data."""
    data = event.data or {}
    if event.kind == Kind.EDITED and data.get("fields"):
        return _("修改了：%(fields)s") % {"fields": "、".join(_label(f) for f in data["fields"])}
    if event.kind == Kind.SCHEDULED and data.get("publish_at"):
        return _("定于 %(when)s 发布") % {"when": _when(data["publish_at"])}
    if event.kind == Kind.PUBLISHED and data.get("index_number"):
        return _("索引号：%(n)s") % {"n": data["index_number"]}
    if event.kind == Kind.APPROVED and data.get("version"):
        return _("审查的是第%(v)s版") % {"v": data["version"]}
    if event.kind == Kind.VALIDITY_CHANGED:
        labels = dict(Validity.choices)
        return _("%(old)s → %(new)s（%(on)s）") % {
            "old": labels.get(data.get("old"), data.get("old", "")),
            "new": labels.get(data.get("new"), data.get("new", "")),
            "on": data.get("on", ""),
        }
    return ""


def last_submitter_id(record: Record):
    return (
        record.events.filter(kind=Kind.SUBMITTED)
        .order_by("-at", "-pk")
        .values_list("actor_id", flat=True)
        .first()
    )


@staff_view
@read_only
def record_detail(request, uuid):
    record = get_record_for_user(request.user, uuid)
    steps = allowed_steps(request.user, record)
    own_submission = steps["approve"] and last_submitter_id(record) == request.user.pk
    events = list(record.events.select_related("actor"))
    for event in events:
        event.details = event_details(event)
    revisions = list(record.revisions.select_related("author").order_by("-number"))
    return render(
        request,
        "backoffice/record_detail.html",
        {
            "record": record,
            "steps": steps,
            "own_submission": own_submission,
            "categories": list(record.categories.select_related("parent")),
            "related": list(record.related.order_by("-published_at")),
            "attachments": list(record.attachments.select_related("uploaded_by")),
            "events": events,
            "revisions": revisions,
            "note_form": NoteForm(),
            "reason_form": ReasonForm(),
            "schedule_form": ScheduleForm(),
            "validity_form": ValidityForm(initial={"on": timezone.localdate().isoformat()}),
            "attachment_form": AttachmentForm(),
        },
    )


@staff_view
@read_only
def record_revision(request, uuid, number):
    """What changed in revision `number` compared with the one before it."""
    record = get_record_for_user(request.user, uuid)
    revisions = {r.number: r for r in record.revisions.select_related("author")}
    revision = revisions.get(number)
    if revision is None:
        raise Http404(_("没有这个版本。"))
    earlier = [n for n in revisions if n < number]
    later = [n for n in revisions if n > number]
    previous = revisions[max(earlier)] if earlier else None
    return render(
        request,
        "backoffice/revision_diff.html",
        {
            "record": record,
            "revision": revision,
            "previous": previous,
            "next_number": min(later) if later else None,
            "diffs": diff_revisions(previous.content if previous else None, revision.content),
        },
    )
