"""Read paths: the one permission-checked getter for staff, the staff list queryset, and the public status
lookup by tracking code + second factor (which returns no personal information)."""

import datetime as dt
import hmac
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from gongkai.applications import clock as app_clock
from gongkai.applications.intake import normalize_tracking_code
from gongkai.applications.models import Application, ApplicationEvent, PauseKind, Status
from gongkai.applications.outcomes import Outcome
from gongkai.applications.rules import DUE_SOON_DAYS
from gongkai.organs.models import Membership, Role
from gongkai.organs.permissions import Perm, can, organs_where, roles_on
from gongkai.workdays.counting import Calendar

Kind = ApplicationEvent.Kind

# Staff who may see applications (masked ID numbers): handlers, extension approvers, supervisors above.
VIEW_PERMS = (Perm.HANDLE, Perm.APPROVE_EXTENSION)

# Event kinds shown on the public status page; notes are never shown there (they may name people).
PUBLIC_KINDS = (
    Kind.REGISTERED,
    Kind.STARTED,
    Kind.CORRECTION_REQUESTED,
    Kind.RESTARTED,
    Kind.PAUSED,
    Kind.RESUMED,
    Kind.EXTENDED,
    Kind.FEE_NOTICE,
    Kind.FEE_PAID,
    Kind.TRANSFERRED,
    Kind.REPLIED,
    Kind.CLOSED,
    Kind.WITHDRAWN,
)


def _supervised(user) -> Q:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    paths = Membership.objects.filter(user=user, role=Role.SUPERVISOR).values_list("organ__path", flat=True)
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(organ__path__startswith=path)
    return query


def can_view_application(user, application: Application) -> bool:
    organ = application.organ
    if any(can(user, perm, organ) for perm in VIEW_PERMS):
        return True
    return Role.SUPERVISOR in roles_on(user, organ)


def applications_for_user(user):
    """The applications `user` may see in the backoffice."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Application.objects.all()
    query = _supervised(user)
    for perm in VIEW_PERMS:
        query |= Q(organ__in=organs_where(user, perm))
    return Application.objects.filter(query)


def get_application_for_user(user, tracking_code: str, perm: Perm | None = None) -> Application:
    """The permission-checked getter: 404 when unknown, 403 when the user may not see it (or lacks `perm`)."""
    code = normalize_tracking_code(tracking_code)
    application = (
        Application.objects.select_related("organ", "applicant", "handler").filter(tracking_code=code).first()
    )
    if application is None:
        raise Http404(_("没有这个申请。"))
    allowed = can(user, perm, application.organ) if perm else can_view_application(user, application)
    if not allowed:
        raise PermissionDenied(_("您没有查看该申请的权限。"))
    return application


def overdue_q(on: dt.date) -> Q:
    """Open applications with a running clock whose due date has passed (for the staff queue filter)."""
    return Q(status__in=(Status.IN_PROGRESS, Status.PAUSED), due_on__lt=on)


def due_soon_q(on: dt.date, calendar: Calendar | None = None) -> Q:
    """Open applications with at most DUE_SOON_DAYS working days left (the due day counts)."""
    cutoff = (calendar or Calendar()).add_working_days(on, DUE_SOON_DAYS).due
    return Q(status__in=(Status.IN_PROGRESS, Status.PAUSED), due_on__gte=on, due_on__lte=cutoff)


def deadline_flag(application: Application, on: dt.date, calendar: Calendar | None = None) -> str:
    """One word for badges: closed, awaiting_confirmation, awaiting_correction, overdue, paused, due_soon,
    on_time. Overdue wins over paused (a pause cannot cure a lapsed deadline)."""
    if application.status == Status.CLOSED:
        return "closed"
    if application.status in (Status.AWAITING_CONFIRMATION, Status.AWAITING_CORRECTION):
        return application.status
    if app_clock.is_overdue(application.due_on, on):
        return "overdue"
    if application.status == Status.PAUSED:
        return "paused"
    if app_clock.is_due_soon(application.due_on, on, calendar):
        return "due_soon"
    return "on_time"


@dataclass(frozen=True)
class PublicEvent:
    on: dt.date | None
    kind: str
    label: str


@dataclass(frozen=True)
class PublicStatus:
    """What the applicant sees with the tracking code: no name, ID number, contact or notes."""

    tracking_code: str
    organ_name: str
    status: str
    status_label: str
    submitted_on: dt.date
    received_on: dt.date | None
    due_on: dt.date | None
    calendar_confirmed: bool
    overdue: bool
    outcome: str
    outcome_label: str
    closed_on: dt.date | None
    timeline: tuple[PublicEvent, ...]


def _public_label(event: ApplicationEvent) -> str:
    pause = event.data.get("pause")
    if event.kind in (Kind.PAUSED, Kind.RESUMED) and pause in PauseKind.values:
        verb = _("开始") if event.kind == Kind.PAUSED else _("结束")
        return f"{PauseKind(pause).label}：{verb}"
    if event.kind == Kind.EXTENDED:
        return _("延期答复（%(n)d个工作日）") % {"n": event.data.get("days", 0)}
    if event.kind == Kind.TRANSFERRED:
        return _("转至%(organ)s办理") % {"organ": event.data.get("to_name", "")}
    if event.kind in (Kind.REPLIED, Kind.CLOSED, Kind.WITHDRAWN) and event.data.get("outcome"):
        return f"{event.get_kind_display()}：{Outcome(event.data['outcome']).label}"
    return str(event.get_kind_display())


def lookup_by_tracking_code(code: str, second_factor: str, on: dt.date | None = None) -> PublicStatus | None:
    """The public status of an application, or None when the code is unknown or the second factor (the last
    4 digits of the applicant's phone) does not match — the two cases are not told apart."""
    from gongkai.applications.actions import today

    application = (
        Application.objects.select_related("organ", "applicant")
        .filter(tracking_code=normalize_tracking_code(code))
        .first()
    )
    given = (second_factor or "").strip().encode()
    expected = (application.applicant.phone[-4:] if application else "").encode()
    if application is None or len(given) != 4 or not hmac.compare_digest(given, expected):
        return None
    events = application.events.filter(kind__in=PUBLIC_KINDS).order_by("pk")
    on = on or today()
    return PublicStatus(
        tracking_code=application.tracking_code,
        organ_name=application.organ.name,
        status=application.status,
        status_label=str(application.get_status_display()),
        submitted_on=application.submitted_on,
        received_on=application.received_on,
        due_on=application.due_on,
        calendar_confirmed=application.calendar_confirmed,
        overdue=application.is_open and app_clock.is_overdue(application.due_on, on),
        outcome=application.outcome,
        outcome_label=str(application.get_outcome_display()) if application.outcome else "",
        closed_on=application.closed_on,
        timeline=tuple(PublicEvent(e.on, e.kind, _public_label(e)) for e in events),
    )
