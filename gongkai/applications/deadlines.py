"""System steps on the stored clock: recompute after a calendar change, mark overdue, remind handlers.

These run without a user (cron, the `calendar_changed` signal); each writes ApplicationEvent rows."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gongkai.applications import clock as app_clock
from gongkai.applications.actions import CLOCK_FIELDS, _refresh_clock, today
from gongkai.applications.models import OPEN_STATES, Application, ApplicationEvent, FeeNotice, Status
from gongkai.applications.rules import DUE_SOON_DAYS, rules_by_code
from gongkai.core import clock
from gongkai.organs.models import Membership, Role
from gongkai.workdays.counting import Calendar

Kind = ApplicationEvent.Kind


@transaction.atomic
def do_recompute_due_dates(first: dt.date, last: dt.date) -> list[Application]:
    """Recompute the stored clock of every open application a calendar change between `first` and `last` may
    affect; log each change. Returns the applications whose due date or calendar flag changed."""
    calendar = Calendar()
    changed = []
    candidates = (
        Application.objects.select_for_update(of=("self",))
        .filter(status__in=OPEN_STATES, received_on__isnull=False, received_on__lte=last)
        .order_by("pk")
    )
    for app in candidates:
        old = (app.due_on, app.calendar_confirmed, app.paused_days)
        old_notice_due = app.correction_notice_due_on
        _refresh_clock(app, calendar)
        rules = rules_by_code(app.rules)
        if rules.correction_notice_days:
            app.correction_notice_due_on = calendar.add_working_days(
                app.received_on, rules.correction_notice_days
            ).due
        for notice in FeeNotice.objects.filter(application=app, paid_on__isnull=True):
            due = calendar.add_working_days(notice.delivered_on, rules.fee_payment_days).due
            if due != notice.payment_due_on:
                FeeNotice.objects.filter(pk=notice.pk).update(payment_due_on=due)
        new = (app.due_on, app.calendar_confirmed, app.paused_days)
        if new == old and app.correction_notice_due_on == old_notice_due:
            continue
        app.version = F("version") + 1
        app.updated_at = clock.now()
        app.save(update_fields=[*CLOCK_FIELDS, "correction_notice_due_on", "version", "updated_at"])
        app.refresh_from_db(fields=["version"])
        ApplicationEvent.objects.create(
            application=app,
            kind=Kind.DUE_RECOMPUTED,
            on=today(),
            note=_("工作日日历调整（%(first)s 至 %(last)s）") % {"first": first, "last": last},
            data={
                "old_due_on": old[0].isoformat() if old[0] else None,
                "new_due_on": app.due_on.isoformat() if app.due_on else None,
                "calendar_confirmed": app.calendar_confirmed,
            },
        )
        changed.append(app)
    return changed


@transaction.atomic
def do_mark_overdue(on: dt.date | None = None) -> list[Application]:
    """Log `overdue` once on each open application whose due date has passed."""
    on = on or today()
    marked = []
    late = Application.objects.select_for_update(of=("self",)).filter(
        status__in=(Status.IN_PROGRESS, Status.PAUSED), due_on__lt=on, overdue_marked_on__isnull=True
    )
    for app in late.order_by("due_on", "pk"):
        Application.objects.filter(pk=app.pk).update(overdue_marked_on=on)
        app.overdue_marked_on = on
        ApplicationEvent.objects.create(
            application=app, kind=Kind.OVERDUE, on=on, data={"due_on": app.due_on.isoformat()}
        )
        marked.append(app)
    return marked


def _recipients(app: Application) -> list[str]:
    if app.handler_id and app.handler.email and app.handler.is_active:
        return [app.handler.email]
    emails = Membership.objects.filter(
        organ=app.organ, role=Role.APPLICATION_HANDLER, user__is_active=True
    ).values_list("user__email", flat=True)
    return sorted({email for email in emails if email})


@transaction.atomic
def do_send_due_soon_reminders(on: dt.date | None = None) -> list[Application]:
    """E-mail the handler (or, unassigned, every handler of the organ) once per due date when at most
    DUE_SOON_DAYS working days remain. Paused applications are not reminded (their due date may move)."""
    on = on or today()
    calendar = Calendar()
    reminded = []
    candidates = (
        Application.objects.select_for_update(of=("self",))
        .filter(status=Status.IN_PROGRESS, due_on__gte=on)
        .exclude(reminded_for_due_on=F("due_on"))
        .select_related("organ", "handler")
        .order_by("due_on", "pk")
    )
    for app in candidates:
        if not app_clock.is_due_soon(app.due_on, on, calendar):
            continue
        recipients = _recipients(app)
        if not recipients:
            continue
        left = app_clock.working_days_between(on, app.due_on, calendar)
        subject = _("【依申请公开】%(code)s 将于 %(due)s 到期") % {
            "code": app.tracking_code,
            "due": app.due_on,
        }
        body = _(
            "申请 %(code)s（%(organ)s）的答复期限为 %(due)s，还剩 %(left)d 个工作日（含到期当日）。\n"
            "请及时办理。提醒阈值：%(soon)d 个工作日。"
        ) % {
            "code": app.tracking_code,
            "organ": app.organ.name,
            "due": app.due_on,
            "left": left,
            "soon": DUE_SOON_DAYS,
        }
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        Application.objects.filter(pk=app.pk).update(reminded_for_due_on=app.due_on)
        app.reminded_for_due_on = app.due_on
        ApplicationEvent.objects.create(
            application=app,
            kind=Kind.REMINDER_SENT,
            on=on,
            data={"due_on": app.due_on.isoformat(), "recipients": len(recipients), "working_days_left": left},
        )
        reminded.append(app)
    return reminded
