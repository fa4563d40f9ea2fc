"""Every write on applications. Each `do_*` checks permission and state, writes its rows and appends
ApplicationEvent rows in one transaction, and refreshes the stored clock from the clock events.

`actor=None` means the system itself (the public online form, cron, imports); permission checks apply to
real users only. Dates of legal steps (`on`) default to today and may not lie in the future. Every action takes
an optional `expected_version`: when it differs from the row's version (someone acted on the application
since the page was loaded) the action is refused with ConflictError and nothing is written.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.applications import clock as app_clock
from gongkai.applications import intake, pii
from gongkai.applications.fees import FeeBasis, per_item_fee, per_page_fee
from gongkai.applications.models import (
    OPEN_STATES,
    Applicant,
    Application,
    ApplicationEvent,
    Channel,
    FeeNotice,
    PauseKind,
    Status,
)
from gongkai.applications.outcomes import Outcome
from gongkai.applications.rules import rules_by_code, rules_for
from gongkai.core import clock
from gongkai.organs.models import Organ
from gongkai.organs.permissions import Perm, can, require
from gongkai.workdays.counting import Calendar

S = Status
Kind = ApplicationEvent.Kind
ALL_OPEN = set(OPEN_STATES)
RUNNING = {S.IN_PROGRESS, S.PAUSED}

# action name → (allowed source states, target state or None when it stays/depends on open pauses)
TRANSITIONS = {
    "confirm_receipt": ({S.AWAITING_CONFIRMATION}, S.IN_PROGRESS),
    "request_correction": ({S.IN_PROGRESS}, S.AWAITING_CORRECTION),
    "receive_correction": ({S.AWAITING_CORRECTION}, S.IN_PROGRESS),
    "close_correction_lapsed": ({S.AWAITING_CORRECTION}, S.CLOSED),
    "start_consultation": (RUNNING, S.PAUSED),
    "end_consultation": ({S.PAUSED}, None),
    "issue_fee_notice": (RUNNING, S.PAUSED),
    "record_payment": ({S.PAUSED}, None),
    "close_fee_unpaid": ({S.PAUSED}, S.CLOSED),
    "extend": (RUNNING, None),
    "record_extension_notice": (RUNNING, None),
    "transfer": ({S.AWAITING_CONFIRMATION, S.IN_PROGRESS}, None),
    "assign": (ALL_OPEN, None),
    "reply": (RUNNING, S.CLOSED),
    "withdraw": (ALL_OPEN, S.CLOSED),
}
# Outcomes with their own action (and precondition): not accepted by do_reply.
DEDICATED_OUTCOMES = {Outcome.OTHER_1, Outcome.OTHER_2}


class WorkflowError(Exception):
    """The application is not in a state where this step is allowed."""


class ConflictError(Exception):
    """Someone else acted on the application since the page was loaded."""


# --- helpers -----------------------------------------------------------------------------------


def today() -> dt.date:
    return timezone.localdate(clock.now())


def _check(actor, perm: Perm, organ: Organ) -> None:
    if actor is not None:
        require(actor, perm, organ)


def _user(actor):
    return actor if actor is not None and getattr(actor, "pk", None) is not None else None


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("organ", "applicant")
        .get(pk=application.pk)
    )


def _begin(application: Application, actor, action: str, expected_version: int | None) -> Application:
    sources, _target = TRANSITIONS[action]
    locked = _lock(application)
    # Checked on the locked row: a stale object may still name the organ it was transferred from.
    _check(actor, Perm.HANDLE, locked.organ)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _("该申请已被他人处理（您看到的是第%(mine)d版，当前为第%(now)d版），请刷新后再操作。")
            % {"mine": expected_version, "now": locked.version}
        )
    if locked.status not in sources:
        raise WorkflowError(
            _("申请 %(code)s 当前状态为“%(status)s”，不能执行此操作。")
            % {"code": locked.tracking_code, "status": locked.get_status_display()}
        )
    return locked


def _date(value: dt.date | None, field: str, not_before: dt.date | None = None, label: str = "") -> dt.date:
    value = value or today()
    if value > today():
        raise ValidationError({field: [_("日期不能晚于今天。")]})
    if not_before is not None and value < not_before:
        raise ValidationError(
            {field: [_("日期不能早于%(label)s（%(d)s）。") % {"label": label, "d": not_before.isoformat()}]}
        )
    return value


def _event(application, kind, actor, on=None, note="", **data) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, kind=kind, actor=_user(actor), on=on, note=note, data=data
    )


def _save(application: Application, *fields: str) -> None:
    application.version = F("version") + 1
    application.updated_at = clock.now()
    application.save(update_fields=[*fields, "version", "updated_at"])
    application.refresh_from_db(fields=["version"])


def clock_events(application: Application) -> list[app_clock.ClockEvent]:
    rows = application.events.filter(kind__in=app_clock.CLOCK_KINDS).order_by("pk")
    return [
        app_clock.ClockEvent(kind=e.kind, on=e.on, pause=e.data.get("pause", ""), days=e.data.get("days", 0))
        for e in rows
    ]


def compute_clock(application: Application, calendar: Calendar | None = None) -> app_clock.ClockState:
    """The clock recomputed from the events (the stored fields must always equal it)."""
    return app_clock.compute(clock_events(application), rules_by_code(application.rules), calendar)


def _refresh_clock(application: Application, calendar: Calendar | None = None) -> app_clock.ClockState:
    state = compute_clock(application, calendar)
    application.due_on = state.due_on
    application.calendar_confirmed = state.calendar_confirmed
    application.paused_days = state.paused_days
    return state


CLOCK_FIELDS = ("due_on", "calendar_confirmed", "paused_days")


def _open_pauses(application: Application) -> dict[str, ApplicationEvent]:
    open_: dict[str, ApplicationEvent] = {}
    for event in application.events.filter(kind__in=(Kind.PAUSED, Kind.RESUMED, Kind.RESTARTED)).order_by(
        "pk"
    ):
        if event.kind == Kind.RESTARTED:
            open_ = {}
        elif event.kind == Kind.PAUSED:
            open_[event.data["pause"]] = event
        else:
            open_.pop(event.data.get("pause"), None)
    return open_


def _latest_on(application: Application) -> dt.date | None:
    """The date of the latest clock event: later steps may not be dated before it."""
    dates = [e.on for e in clock_events(application) if e.on is not None]
    return max(dates) if dates else application.received_on


def _start(application: Application, actor, received_on: dt.date) -> None:
    """Start the clock on the receipt date (first receipt or confirmation)."""
    rules = rules_for(received_on)
    application.received_on = received_on
    application.rules = rules.code
    application.status = S.IN_PROGRESS
    if rules.correction_notice_days:
        application.correction_notice_due_on = (
            Calendar().add_working_days(received_on, rules.correction_notice_days).due
        )
    _event(application, Kind.STARTED, actor, on=received_on, channel=application.channel)
    _refresh_clock(application)


def _close(application, actor, kind, outcome: str, on: dt.date, note: str, **data) -> Application:
    for pause in _open_pauses(application):
        _event(application, Kind.RESUMED, actor, on=on, pause=pause, reason="closed")
    application.status = S.CLOSED
    application.outcome = outcome
    application.closed_on = on
    _event(application, kind, actor, on=on, note=note, outcome=outcome, **data)
    _refresh_clock(application)
    _save(application, "status", "outcome", "closed_on", *CLOCK_FIELDS)
    return application


# --- intake ------------------------------------------------------------------------------------


@transaction.atomic
def do_register_application(
    *,
    organ: Organ,
    actor,
    channel: str,
    data: dict,
    submitted_on: dt.date | None = None,
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
) -> Application:
    """Register an application. Online applications come from the public form (`actor` None or the citizen);
    every other channel is registered by a handler. The receipt date follows the channel (DOMAIN §1.2):
    in person: the submission day; signed-for mail: `signed_on`; ordinary mail, online, fax, e-mail:
    `confirmed_on`, the day both sides confirmed receipt — without it the application awaits confirmation."""
    staff = actor is not None and can(actor, Perm.HANDLE, organ)
    if channel != Channel.ONLINE:
        _check(actor, Perm.HANDLE, organ)
    elif confirmed_on is not None and actor is not None and not staff:
        raise PermissionDenied(_("只有办理人员可以确认收到申请。"))
    now = today()
    errors: dict[str, list[str]] = {}
    applicant_fields = intake.clean_applicant(data, errors)
    request_fields = intake.clean_request(data, errors)
    submitted_on = submitted_on or now
    received_on = intake.receipt_date(channel, submitted_on, signed_on, confirmed_on, now, errors)
    if errors:
        raise ValidationError(errors)

    id_number = applicant_fields.pop("id_number")
    applicant = Applicant.objects.create(
        **applicant_fields,
        id_number_encrypted=pii.encrypt(id_number),
        id_number_masked=pii.mask(id_number),
        id_number_hash=pii.lookup_hash(f"{applicant_fields['id_type']}:{id_number}"),
        phone_hash=pii.lookup_hash(applicant_fields["phone"]),
    )
    repeat_of, similarity = intake.find_repeat(
        organ, applicant.id_number_hash, applicant.phone_hash, request_fields["description"], now
    )
    application = Application.objects.create(
        tracking_code=intake.new_tracking_code(submitted_on.year),
        organ=organ,
        applicant=applicant,
        channel=channel,
        status=S.AWAITING_CONFIRMATION,
        rules=rules_for(received_on or submitted_on).code,
        submitted_on=submitted_on,
        repeat_of=repeat_of,
        repeat_similarity=similarity,
        **request_fields,
    )
    _event(
        application,
        Kind.REGISTERED,
        actor,
        on=submitted_on,
        channel=channel,
        repeat_of=repeat_of.tracking_code if repeat_of else "",
        repeat_similarity=similarity,
    )
    if received_on is not None:
        _start(application, actor, received_on)
        application.save()
    return application


@transaction.atomic
def do_confirm_receipt(
    application: Application, *, actor, on: dt.date | None = None, expected_version: int | None = None
) -> Application:
    """Both sides confirmed receipt (online, fax, e-mail, ordinary mail): the clock starts on that day."""
    app = _begin(application, actor, "confirm_receipt", expected_version)
    on = _date(on, "on", app.submitted_on, _("提交日期"))
    _start(app, actor, on)
    _save(app, "received_on", "rules", "status", "correction_notice_due_on", *CLOCK_FIELDS)
    return app


# --- 补正 (art 30) ---------------------------------------------------------------------------------


@transaction.atomic
def do_request_correction(
    application: Application,
    *,
    actor,
    respond_by: dt.date,
    items: str,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Application:
    """One consolidated 补正 notice listing what to fix and by when; the clock stops until the corrected
    application arrives. A notice later than 7 working days after receipt is recorded as late."""
    app = _begin(application, actor, "request_correction", expected_version)
    on = _date(on, "on", app.received_on, _("收到申请日期"))
    errors = {}
    if app.correction_requested_on is not None:
        errors["items"] = [_("补正应一次性告知，本申请已经告知过补正。")]
    if not (items or "").strip():
        errors["items"] = [_("请写明需要补正的事项。")]
    if respond_by is None or respond_by <= on:
        errors["respond_by"] = [_("补正期限应晚于告知日期。")]
    if errors:
        raise ValidationError(errors)
    app.correction_requested_on = on
    app.correction_due_on = respond_by
    app.correction_notice_late = bool(app.correction_notice_due_on and on > app.correction_notice_due_on)
    app.status = S.AWAITING_CORRECTION
    _event(
        app,
        Kind.CORRECTION_REQUESTED,
        actor,
        on=on,
        note=items.strip(),
        respond_by=respond_by.isoformat(),
        late=app.correction_notice_late,
    )
    _refresh_clock(app)
    fields = ("correction_requested_on", "correction_due_on", "correction_notice_late", "status")
    _save(app, *fields, *CLOCK_FIELDS)
    return app


@transaction.atomic
def do_receive_correction(
    application: Application,
    *,
    actor,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """The corrected application arrived: the reply period restarts from that day."""
    app = _begin(application, actor, "receive_correction", expected_version)
    on = _date(on, "on", app.correction_requested_on, _("补正告知日期"))
    app.status = S.IN_PROGRESS
    _event(app, Kind.RESTARTED, actor, on=on, note=note)
    _refresh_clock(app)
    _save(app, "status", *CLOCK_FIELDS)
    return app


@transaction.atomic
def do_close_correction_lapsed(
    application: Application,
    *,
    actor,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """The applicant let the correction period lapse: closed as 逾期不补正 (outcome other_1)."""
    app = _begin(application, actor, "close_correction_lapsed", expected_version)
    on = _date(on, "on", app.correction_requested_on, _("补正告知日期"))
    if on <= app.correction_due_on:
        raise ValidationError(
            {"on": [_("补正期限（%(d)s）尚未届满。") % {"d": app.correction_due_on.isoformat()}]}
        )
    return _close(app, actor, Kind.CLOSED, Outcome.OTHER_1, on, note)


# --- pauses: consultation (art 32–34) and fees --------------------------------------------------


@transaction.atomic
def do_start_consultation(
    application: Application,
    *,
    actor,
    kind: str,
    party: str,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Application:
    """征求意见 sent to a third party or another agency: the time until the answer (at most the 15-working-day
    window) is not counted."""
    app = _begin(application, actor, "start_consultation", expected_version)
    on = _date(on, "on", _latest_on(app), _("上一办理步骤日期"))
    rules = rules_by_code(app.rules)
    errors = {}
    if kind not in (PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY):
        errors["kind"] = [_("请选择征求第三方意见或征求其他机关意见。")]
    elif kind == PauseKind.OTHER_AGENCY and not rules.other_agency_pause:
        errors["kind"] = [_("2008年条例不扣除征求其他机关意见所需时间。")]
    elif kind in _open_pauses(app):
        errors["kind"] = [_("已在征求该类意见，请先记录答复。")]
    if not (party or "").strip():
        errors["party"] = [_("请填写被征求意见的第三方或机关。")]
    if errors:
        raise ValidationError(errors)
    app.status = S.PAUSED
    _event(app, Kind.PAUSED, actor, on=on, note=party.strip(), pause=kind, days=rules.consultation_days)
    _refresh_clock(app)
    _save(app, "status", *CLOCK_FIELDS)
    return app


def _resume(app: Application, actor, kind: str, on: dt.date, note: str, **data) -> None:
    _event(app, Kind.RESUMED, actor, on=on, note=note, pause=kind, **data)
    app.status = S.PAUSED if _open_pauses(app) else S.IN_PROGRESS
    _refresh_clock(app)
    _save(app, "status", *CLOCK_FIELDS)


@transaction.atomic
def do_end_consultation(
    application: Application,
    *,
    actor,
    kind: str,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """The opinion arrived (or the window passed in silence): the count resumes the next working day."""
    app = _begin(application, actor, "end_consultation", expected_version)
    pause = _open_pauses(app).get(kind) if kind != PauseKind.FEE else None
    if pause is None:
        raise ValidationError({"kind": [_("没有正在进行的该类征求意见。")]})
    on = _date(on, "on", pause.on, _("发出征求意见日期"))
    _resume(app, actor, kind, on, note)
    return app


def applicant_items_before(app: Application) -> int:
    """按件: the applicant's applications at this organ received earlier in the same calendar month."""
    received = app.received_on
    same_applicant = Application.objects.filter(organ=app.organ, received_on__year=received.year).filter(
        received_on__month=received.month
    )
    keys = {"applicant__id_number_hash": app.applicant.id_number_hash}
    matches = same_applicant.filter(**keys) if app.applicant.id_number_hash else same_applicant.none()
    earlier = matches.filter(received_on__lt=received) | matches.filter(received_on=received, pk__lt=app.pk)
    return earlier.exclude(pk=app.pk).count()


@transaction.atomic
def do_issue_fee_notice(
    application: Application,
    *,
    actor,
    basis: str,
    pages: int | None = None,
    on: dt.date | None = None,
    delivered_on: dt.date | None = None,
    expected_version: int | None = None,
) -> FeeNotice:
    """收费通知 on one basis (按件 from the applicant's count this month, or 按量 from `pages`). The clock
    pauses from the day the applicant receives the notice; payment is due within 20 working days."""
    app = _begin(application, actor, "issue_fee_notice", expected_version)
    on = _date(on, "on", _latest_on(app), _("上一办理步骤日期"))
    delivered_on = _date(delivered_on or on, "delivered_on", on, _("通知日期"))
    if app.fee_notices.exists():
        raise ValidationError({"basis": [_("本申请已发出过收费通知，不能重复收费。")]})
    if basis == FeeBasis.PER_ITEM:
        breakdown = per_item_fee(applicant_items_before(app), 1)
    elif basis == FeeBasis.PER_PAGE:
        if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
            raise ValidationError({"pages": [_("请填写页数（正整数）。")]})
        breakdown = per_page_fee(pages)
    else:
        raise ValidationError({"basis": [_("请选择按件或按量计收（二者只能选其一）。")]})
    if breakdown.total == 0:
        raise ValidationError({"basis": [_("未超过免费范围，不收取信息处理费。")]})
    rules = rules_by_code(app.rules)
    notice = FeeNotice.objects.create(
        application=app,
        basis=basis,
        quantity=breakdown.quantity,
        previous_items=breakdown.previous,
        amount=breakdown.total,
        breakdown=breakdown.as_data(),
        issued_on=on,
        delivered_on=delivered_on,
        payment_due_on=Calendar().add_working_days(delivered_on, rules.fee_payment_days).due,
        issued_by=_user(actor),
    )
    app.status = S.PAUSED
    _event(app, Kind.FEE_NOTICE, actor, on=on, amount=notice.amount, breakdown=notice.breakdown)
    _event(app, Kind.PAUSED, actor, on=delivered_on, pause=PauseKind.FEE, days=rules.fee_payment_days)
    _refresh_clock(app)
    _save(app, "status", *CLOCK_FIELDS)
    return notice


def _open_fee_notice(app: Application) -> FeeNotice:
    notice = app.fee_notices.filter(paid_on__isnull=True).last()
    if notice is None or PauseKind.FEE not in _open_pauses(app):
        raise ValidationError({"amount": [_("本申请没有待缴费的收费通知。")]})
    return notice


@transaction.atomic
def do_record_payment(
    application: Application,
    *,
    actor,
    amount: int,
    reference: str = "",
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> FeeNotice:
    """The applicant paid within the window: the count resumes."""
    app = _begin(application, actor, "record_payment", expected_version)
    notice = _open_fee_notice(app)
    on = _date(on, "on", notice.delivered_on, _("收到通知日期"))
    if on > notice.payment_due_on:
        raise ValidationError(
            {"on": [_("已超过缴费期限（%(d)s）。") % {"d": notice.payment_due_on.isoformat()}]}
        )
    if amount != notice.amount:
        raise ValidationError({"amount": [_("应缴金额为%(n)d元。") % {"n": notice.amount}]})
    notice.paid_on, notice.paid_amount, notice.payment_reference = on, amount, (reference or "").strip()
    notice.save(update_fields=["paid_on", "paid_amount", "payment_reference"])
    _event(app, Kind.FEE_PAID, actor, on=on, amount=amount, reference=notice.payment_reference)
    _resume(app, actor, PauseKind.FEE, on, "")
    return notice


@transaction.atomic
def do_close_fee_unpaid(
    application: Application,
    *,
    actor,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """Not paid within the window: closed (outcome other_2)."""
    app = _begin(application, actor, "close_fee_unpaid", expected_version)
    notice = _open_fee_notice(app)
    on = _date(on, "on", notice.delivered_on, _("收到通知日期"))
    if on <= notice.payment_due_on:
        raise ValidationError(
            {"on": [_("缴费期限（%(d)s）尚未届满。") % {"d": notice.payment_due_on.isoformat()}]}
        )
    return _close(app, actor, Kind.CLOSED, Outcome.OTHER_2, on, note)


# --- extension (art 33) ----------------------------------------------------------------------------


@transaction.atomic
def do_extend(
    application: Application,
    *,
    actor,
    days: int,
    approver,
    reason: str,
    approved_on: dt.date | None = None,
    notified_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Application:
    """延期答复: once, at most 20 (2008: 15) working days, approved within the period by someone holding
    APPROVE_EXTENSION on the organ; the applicant must be told (`notified_on`, or later with
    do_record_extension_notice)."""
    app = _begin(application, actor, "extend", expected_version)
    rules = rules_by_code(app.rules)
    approved_on = _date(approved_on, "approved_on", app.received_on, _("收到申请日期"))
    errors = {}
    if app.extension_days:
        errors["days"] = [_("延期答复只能一次。")]
    elif isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= rules.extension_days:
        errors["days"] = [_("延长期限应为1至%(n)d个工作日。") % {"n": rules.extension_days}]
    if approver is None or not can(approver, Perm.APPROVE_EXTENSION, app.organ):
        errors["approver"] = [_("延期须经政府信息公开工作机构负责人同意，所选人员无此权限。")]
    if not (reason or "").strip():
        errors["reason"] = [_("请填写延期理由。")]
    if app.due_on is not None and approved_on > app.due_on:
        errors["approved_on"] = [_("已超过答复期限（%(d)s），不能再延期。") % {"d": app.due_on.isoformat()}]
    if notified_on is not None:
        try:
            notified_on = _date(notified_on, "notified_on", approved_on, _("批准日期"))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    app.extension_days = days
    app.extension_approved_by = approver
    app.extension_approved_on = approved_on
    app.extension_notified_on = notified_on
    _event(app, Kind.EXTENDED, actor, on=approved_on, note=reason.strip(), days=days, approver=approver.pk)
    if notified_on:
        _event(app, Kind.EXTENSION_NOTIFIED, actor, on=notified_on)
    _refresh_clock(app)
    fields = ("extension_days", "extension_approved_by", "extension_approved_on", "extension_notified_on")
    _save(app, *fields, *CLOCK_FIELDS)
    return app


@transaction.atomic
def do_record_extension_notice(
    application: Application, *, actor, on: dt.date | None = None, expected_version: int | None = None
) -> Application:
    app = _begin(application, actor, "record_extension_notice", expected_version)
    if not app.extension_days:
        raise ValidationError({"on": [_("本申请没有延期。")]})
    if app.extension_notified_on:
        raise ValidationError({"on": [_("已记录告知申请人延期。")]})
    app.extension_notified_on = _date(on, "on", app.extension_approved_on, _("批准日期"))
    _event(app, Kind.EXTENSION_NOTIFIED, actor, on=app.extension_notified_on)
    _save(app, "extension_notified_on")
    return app


# --- transfer, assignment, reply, withdrawal -------------------------------------------------------


@transaction.atomic
def do_transfer(
    application: Application,
    *,
    actor,
    to_organ: Organ,
    note: str,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Application:
    """转办: hand the application over to the organ that holds the information. The application moves with
    its receipt date and clock; the note says why (it is shown on the timeline)."""
    app = _begin(application, actor, "transfer", expected_version)
    on = _date(on, "on", app.submitted_on, _("提交日期"))
    errors = {}
    if to_organ is None or to_organ.pk == app.organ_id:
        errors["to_organ"] = [_("请选择另一个机关。")]
    if not (note or "").strip():
        errors["note"] = [_("请写明转办理由。")]
    if errors:
        raise ValidationError(errors)
    from_organ = app.organ
    app.organ = to_organ
    app.handler = None
    _event(
        app,
        Kind.TRANSFERRED,
        actor,
        on=on,
        note=note.strip(),
        from_organ=from_organ.pk,
        from_name=from_organ.name,
        to_organ=to_organ.pk,
        to_name=to_organ.name,
    )
    _save(app, "organ", "handler")
    return app


@transaction.atomic
def do_assign(
    application: Application, *, actor, handler, expected_version: int | None = None
) -> Application:
    """指定承办人 (None to unassign); the handler must hold HANDLE on the organ."""
    app = _begin(application, actor, "assign", expected_version)
    if handler is not None and not can(handler, Perm.HANDLE, app.organ):
        raise ValidationError({"handler": [_("所选人员没有办理本机关依申请公开的权限。")]})
    app.handler = handler
    _event(app, Kind.ASSIGNED, actor, handler=handler.pk if handler else None)
    _save(app, "handler")
    return app


@transaction.atomic
def do_reply(
    application: Application,
    *,
    actor,
    outcome: str,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """答复: close the application with its outcome code (the report row) and the closed date. Open pauses
    end on the reply date. 逾期不补正 and 逾期未缴费 have their own actions; withdrawal too."""
    app = _begin(application, actor, "reply", expected_version)
    on = _date(on, "on", _latest_on(app), _("上一办理步骤日期"))
    if outcome not in Outcome.values or outcome in DEDICATED_OUTCOMES:
        raise ValidationError({"outcome": [_("请选择办理结果。")]})
    return _close(app, actor, Kind.REPLIED, outcome, on, note)


@transaction.atomic
def do_withdraw(
    application: Application,
    *,
    actor,
    on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """申请人撤回申请: closed with outcome other_3 (其他处理·其他)."""
    app = _begin(application, actor, "withdraw", expected_version)
    on = _date(on, "on", _latest_on(app) or app.submitted_on, _("上一办理步骤日期"))
    return _close(app, actor, Kind.WITHDRAWN, Outcome.OTHER_3, on, note)
