"""The work queue per role (dashboard) and the 保密审查 queue."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import render
from django.utils.translation import gettext as _

from gongkai.backoffice.forms import NoteForm, ReasonForm
from gongkai.backoffice.views.common import read_only, staff_view
from gongkai.catalog.models import Record, RecordEvent, RecordStatus
from gongkai.catalog.queries import records_for_user
from gongkai.organs.models import Membership, Organ, Role
from gongkai.organs.permissions import Perm, organs_where

S = RecordStatus
QUEUE_LIMIT = 10
OVERVIEW_STATUSES = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.SCHEDULED, S.PUBLISHED, S.WITHDRAWN)


def _last_event(kind: str, value: str):
    return Subquery(
        RecordEvent.objects.filter(record=OuterRef("pk"), kind=kind).order_by("-at", "-pk").values(value)[:1]
    )


def _queue(queryset, order):
    queryset = queryset.order_by(*order)
    return {"count": queryset.count(), "items": list(queryset[:QUEUE_LIMIT])}


def _attach_users(records, attribute: str) -> None:
    """Replace `<attribute>_id` annotations by user objects, in one query for the whole list."""
    ids = {getattr(r, f"{attribute}_id") for r in records} - {None}
    users = get_user_model().objects.in_bulk(ids)
    for record in records:
        setattr(record, attribute, users.get(getattr(record, f"{attribute}_id")))


def _supervision_overview(user):
    """Counts per status for every organ in the subtrees this user supervises."""
    roots = [
        m.organ for m in Membership.objects.filter(user=user, role=Role.SUPERVISOR).select_related("organ")
    ]
    if not roots:
        return None
    query = Q(pk__in=[])
    for root in roots:
        query |= Q(path__startswith=root.path)
    organs = list(Organ.objects.filter(query).order_by("path", "position"))
    counts: dict[int, dict[str, int]] = {}
    for row in Record.objects.filter(organ__in=organs).values("organ_id", "status").annotate(n=Count("pk")):
        counts.setdefault(row["organ_id"], {})[row["status"]] = row["n"]
    base_depth = min(r.depth for r in roots)
    rows, totals = [], dict.fromkeys(OVERVIEW_STATUSES, 0)
    for organ in organs:
        per_status = counts.get(organ.pk, {})
        for status in OVERVIEW_STATUSES:
            totals[status] += per_status.get(status, 0)
        rows.append(
            {
                "organ": organ,
                "indent": organ.depth - base_depth,
                "counts": [per_status.get(status, 0) for status in OVERVIEW_STATUSES],
                "total": sum(per_status.values()),
            }
        )
    return {
        "statuses": [S(status).label for status in OVERVIEW_STATUSES],
        "rows": rows,
        "totals": [totals[status] for status in OVERVIEW_STATUSES],
        "total": sum(totals.values()),
    }


@staff_view
@read_only
def dashboard(request):
    user = request.user
    base = Record.objects.select_related("organ")
    context = {}
    edit_organs = organs_where(user, Perm.EDIT)
    if edit_organs.exists():
        context["drafts"] = _queue(
            base.filter(organ__in=edit_organs, created_by=user, status=S.DRAFT), ["-updated_at"]
        )
        returned = _queue(
            base.filter(organ__in=edit_organs, status=S.RETURNED).annotate(
                return_reason=_last_event(RecordEvent.Kind.RETURNED, "note"),
                returned_at=_last_event(RecordEvent.Kind.RETURNED, "at"),
                returned_by_id=_last_event(RecordEvent.Kind.RETURNED, "actor"),
            ),
            ["-updated_at"],
        )
        _attach_users(returned["items"], "returned_by")
        context["returned"] = returned
        context["edit_organs"] = list(edit_organs)
    review_organs = organs_where(user, Perm.REVIEW)
    if review_organs.exists():
        context["to_review"] = _queue(
            base.filter(organ__in=review_organs, status=S.SUBMITTED), ["updated_at"]
        )
    publish_organs = organs_where(user, Perm.PUBLISH)
    if publish_organs.exists():
        context["to_publish"] = _queue(
            base.filter(organ__in=publish_organs, status=S.APPROVED), ["updated_at"]
        )
        context["scheduled"] = _queue(
            base.filter(organ__in=publish_organs, status=S.SCHEDULED), ["publish_at"]
        )
    manage_organs = list(organs_where(user, Perm.MANAGE).order_by("path", "position"))
    if manage_organs:
        context["manage_organs"] = manage_organs
        context["annual_deadlines"] = _annual_deadlines(manage_organs)
    context["overview"] = _supervision_overview(user)
    context["applications"] = _application_counts(user)
    return render(request, "backoffice/dashboard.html", context)


def _annual_deadlines(organs):
    """For organ admins, from 1 January: last year's report of each organ not yet published, with its
    deadline (overdue after it)."""
    from django.utils import timezone

    from gongkai.annual.models import AnnualReport
    from gongkai.annual.publishing import deadline_for

    today = timezone.localdate()
    year = today.year - 1
    published = set(
        AnnualReport.objects.filter(
            organ__in=organs, year=year, status=AnnualReport.Status.PUBLISHED
        ).values_list("organ_id", flat=True)
    )
    rows = []
    for organ in organs:
        if organ.pk in published:
            continue
        deadline = deadline_for(organ, year)
        rows.append({"organ": organ, "year": year, "deadline": deadline, "overdue": today > deadline})
    return rows


def _application_counts(user):
    """For handlers: how many applications wait for confirmation, are overdue or due soon (links to the queue)."""
    if not organs_where(user, Perm.HANDLE).exists():
        return None
    from django.utils import timezone

    from gongkai.applications.models import Application, Status
    from gongkai.applications.queries import due_soon_q, overdue_q

    on = timezone.localdate()
    mine = Application.objects.filter(organ__in=organs_where(user, Perm.HANDLE))
    counts = mine.aggregate(
        awaiting_confirmation=Count("pk", filter=Q(status=Status.AWAITING_CONFIRMATION)),
        overdue=Count("pk", filter=overdue_q(on)),
        due_soon=Count("pk", filter=due_soon_q(on)),
        paused=Count("pk", filter=Q(status=Status.PAUSED)),
        open=Count("pk", filter=~Q(status=Status.CLOSED)),
    )
    labels = [
        ("overdue", _("已超期")),
        ("due_soon", _("即将到期")),
        ("awaiting_confirmation", _("待确认收到")),
        ("paused", _("暂停计时")),
    ]
    return {"open": counts["open"], "flags": [(key, label, counts[key]) for key, label in labels]}


@staff_view
@read_only
def review_queue(request):
    """Submitted records of the organs where the user reviews, oldest first, with approve/return inline."""
    user = request.user
    if not organs_where(user, Perm.REVIEW).exists():
        raise PermissionDenied(_("您没有保密审查岗位。"))
    records = list(
        records_for_user(user, Perm.REVIEW)
        .filter(status=S.SUBMITTED)
        .select_related("organ")
        .annotate(
            submitted_at=_last_event(RecordEvent.Kind.SUBMITTED, "at"),
            submitter_id=_last_event(RecordEvent.Kind.SUBMITTED, "actor"),
        )
        .order_by("updated_at")
    )
    _attach_users(records, "submitter")
    for record in records:
        record.own_submission = record.submitter_id == user.pk
    return render(
        request,
        "backoffice/review_queue.html",
        {"records": records, "note_form": NoteForm(), "reason_form": ReasonForm()},
    )
