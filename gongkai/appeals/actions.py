"""Every write on appeals: register a case and record its result. Each checks the handler role on the
organ, validates the dates and appends an AppealEvent in one transaction."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.appeals.models import Appeal, AppealEvent, AppealKind, Result
from gongkai.applications.intake import normalize_tracking_code
from gongkai.applications.models import Application
from gongkai.organs.permissions import Perm, require


def _check_result(received_on: dt.date, result: str, closed_on: dt.date | None, errors: dict) -> None:
    if result not in Result.values:
        errors.setdefault("result", []).append(_("请选择结果。"))
    elif result != Result.PENDING and closed_on is None:
        errors.setdefault("closed_on", []).append(_("已有结果的案件须填写审结日期。"))
    if closed_on is not None and received_on is not None and closed_on < received_on:
        errors.setdefault("closed_on", []).append(_("审结日期不能早于收到日期。"))


@transaction.atomic
def do_register_appeal(
    *,
    organ,
    actor,
    kind: str,
    received_on: dt.date,
    tracking_code: str = "",
    case_number: str = "",
    note: str = "",
    result: str = Result.PENDING,
    closed_on: dt.date | None = None,
) -> Appeal:
    """Register a 复议 or 诉讼 case against `organ`, optionally linked to one of its applications."""
    if actor is not None:  # None: the system itself (imports, demo data)
        require(actor, Perm.HANDLE, organ)
    errors: dict = {}
    if kind not in AppealKind.values:
        errors["kind"] = [_("请选择类别。")]
    if received_on is None:
        errors["received_on"] = [_("请填写收到日期。")]
    application = None
    code = normalize_tracking_code(tracking_code)
    if code:
        application = Application.objects.filter(tracking_code=code, organ=organ).first()
        if application is None:
            errors["tracking_code"] = [_("本机关没有这个查询码的申请。")]
    _check_result(received_on, result, closed_on, errors)
    if errors:
        raise ValidationError(errors)
    appeal = Appeal.objects.create(
        organ=organ,
        kind=kind,
        application=application,
        case_number=(case_number or "").strip(),
        received_on=received_on,
        result=result,
        closed_on=closed_on,
        note=(note or "").strip(),
    )
    AppealEvent.objects.create(
        appeal=appeal,
        kind=AppealEvent.Kind.REGISTERED,
        actor=actor,
        detail={"result": result, "closed_on": closed_on.isoformat() if closed_on else None},
    )
    return appeal


@transaction.atomic
def do_record_result(appeal: Appeal, *, actor, result: str, closed_on: dt.date | None) -> Appeal:
    """Record (or correct) the result and closing date; `pending` with no date reopens the case."""
    if actor is not None:  # None: the system itself (imports, demo data)
        require(actor, Perm.HANDLE, appeal.organ)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    errors: dict = {}
    _check_result(appeal.received_on, result, closed_on, errors)
    if errors:
        raise ValidationError(errors)
    previous = {
        "result": appeal.result,
        "closed_on": appeal.closed_on.isoformat() if appeal.closed_on else None,
    }
    appeal.result, appeal.closed_on = result, closed_on
    appeal.save(update_fields=["result", "closed_on"])
    AppealEvent.objects.create(
        appeal=appeal,
        kind=AppealEvent.Kind.RESULT_RECORDED,
        actor=actor,
        detail={
            "result": result,
            "closed_on": closed_on.isoformat() if closed_on else None,
            "previous": previous,
        },
    )
    return appeal
