"""The legal steps on one application, one registry entry each: which form, when it is offered (state, role,
open pauses) and which action it calls. One POST endpoint runs any of them; a refusal re-renders the
application page with the submitted form and its errors (nothing is saved: the actions are atomic), a
stale page (ConflictError) gets a clear conflict message.

Also here: generating, downloading and delivering the reply letters (告知书). Issuing a fee notice also
generates its printable 收费通知书 (fee_notice.py); the applicant's attachments and the fee-notice downloads
are in applications_files.py."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.applications import attachments, fee_notice, letters
from gongkai.applications.actions import (
    TRANSITIONS,
    ConflictError,
    WorkflowError,
    _open_pauses,
    do_assign,
    do_close_correction_lapsed,
    do_close_fee_unpaid,
    do_confirm_receipt,
    do_end_consultation,
    do_extend,
    do_issue_fee_notice,
    do_receive_correction,
    do_record_extension_notice,
    do_record_payment,
    do_reply,
    do_request_correction,
    do_start_consultation,
    do_transfer,
    do_withdraw,
    today,
)
from gongkai.applications.fees import FeeBasis, per_item_fee, per_page_fee
from gongkai.applications.models import Application, PauseKind, ReplyLetter
from gongkai.applications.outcomes import Outcome, info
from gongkai.applications.queries import deadline_flag, get_application_for_user
from gongkai.backoffice import forms_applications as f
from gongkai.backoffice.views.common import add_action_errors, post_only, read_only, staff_view
from gongkai.catalog.storage import CorruptBlob
from gongkai.organs.permissions import Perm, can

logger = logging.getLogger(__name__)
CONSULTATIONS = (PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY)


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    form: type
    run: Callable  # (application, cleaned data, user, expected version) -> result
    offered: Callable = lambda app, pauses: True  # beyond the source states of TRANSITIONS
    danger: bool = False


def _fee_breakdown_lines(app: Application) -> list[str]:
    notice = app.fee_notices.order_by("-pk").first()
    if notice is None:
        return []
    data = notice.breakdown
    if data.get("basis") == FeeBasis.PER_PAGE:
        return per_page_fee(data["quantity"]).as_text_lines()
    return per_item_fee(data.get("previous", 0), data.get("quantity", 1)).as_text_lines()


STEPS = {
    s.name: s
    for s in [
        Step(
            "confirm_receipt",
            gettext_lazy("确认收到申请"),
            f.ConfirmReceiptForm,
            lambda a, d, u, v: do_confirm_receipt(a, actor=u, on=d["on"], expected_version=v),
        ),
        Step(
            "request_correction",
            gettext_lazy("告知补正"),
            f.RequestCorrectionForm,
            lambda a, d, u, v: do_request_correction(
                a, actor=u, respond_by=d["respond_by"], items=d["items"], on=d["on"], expected_version=v
            ),
            lambda app, pauses: app.correction_requested_on is None,
        ),
        Step(
            "receive_correction",
            gettext_lazy("收到补正后的申请"),
            f.ReceiveCorrectionForm,
            lambda a, d, u, v: do_receive_correction(
                a, actor=u, on=d["on"], note=d["note"], expected_version=v
            ),
        ),
        Step(
            "close_correction_lapsed",
            gettext_lazy("逾期不补正，终止办理"),
            f.CloseLapsedForm,
            lambda a, d, u, v: do_close_correction_lapsed(
                a, actor=u, on=d["on"], note=d["note"], expected_version=v
            ),
            lambda app, pauses: app.correction_due_on is not None and app.correction_due_on < today(),
            danger=True,
        ),
        Step(
            "start_consultation",
            gettext_lazy("征求意见（暂停计时）"),
            f.StartConsultationForm,
            lambda a, d, u, v: do_start_consultation(
                a, actor=u, kind=d["kind"], party=d["party"], on=d["on"], expected_version=v
            ),
            lambda app, pauses: not all(k in pauses for k in CONSULTATIONS),
        ),
        Step(
            "end_consultation",
            gettext_lazy("收到意见（恢复计时）"),
            f.EndConsultationForm,
            lambda a, d, u, v: do_end_consultation(
                a, actor=u, kind=d["kind"], on=d["on"], note=d["note"], expected_version=v
            ),
            lambda app, pauses: any(k in pauses for k in CONSULTATIONS),
        ),
        Step(
            "issue_fee_notice",
            gettext_lazy("发出收费通知"),
            f.FeeNoticeForm,
            lambda a, d, u, v: _issue_fee_notice(a, d, u, v),
            lambda app, pauses: not app.fee_notices.exists(),
        ),
        Step(
            "record_payment",
            gettext_lazy("记录缴费"),
            f.PaymentForm,
            lambda a, d, u, v: do_record_payment(
                a, actor=u, amount=d["amount"], reference=d["reference"], on=d["on"], expected_version=v
            ),
            lambda app, pauses: PauseKind.FEE in pauses,
        ),
        Step(
            "close_fee_unpaid",
            gettext_lazy("逾期未缴费，终止办理"),
            f.FeeUnpaidForm,
            lambda a, d, u, v: do_close_fee_unpaid(
                a, actor=u, on=d["on"], note=d["note"], expected_version=v
            ),
            lambda app, pauses: PauseKind.FEE in pauses,
            danger=True,
        ),
        Step(
            "extend",
            gettext_lazy("延期答复"),
            f.ExtendForm,
            lambda a, d, u, v: do_extend(
                a,
                actor=u,
                days=d["days"],
                approver=d["approver"],
                reason=d["reason"],
                approved_on=d["approved_on"],
                notified_on=d["notified_on"],
                expected_version=v,
            ),
            lambda app, pauses: not app.extension_days,
        ),
        Step(
            "record_extension_notice",
            gettext_lazy("记录已告知申请人延期"),
            f.ExtensionNoticeForm,
            lambda a, d, u, v: do_record_extension_notice(a, actor=u, on=d["on"], expected_version=v),
            lambda app, pauses: bool(app.extension_days) and app.extension_notified_on is None,
        ),
        Step(
            "assign",
            gettext_lazy("指定承办人"),
            f.AssignForm,
            lambda a, d, u, v: do_assign(a, actor=u, handler=d["handler"], expected_version=v),
        ),
        Step(
            "transfer",
            gettext_lazy("转办"),
            f.TransferForm,
            lambda a, d, u, v: do_transfer(
                a, actor=u, to_organ=d["to_organ"], note=d["note"], on=d["on"], expected_version=v
            ),
        ),
        Step(
            "reply",
            gettext_lazy("答复并办结"),
            f.ReplyForm,
            lambda a, d, u, v: _reply(a, d, u, v),
        ),
        Step(
            "withdraw",
            gettext_lazy("申请人撤回申请"),
            f.WithdrawForm,
            lambda a, d, u, v: do_withdraw(a, actor=u, on=d["on"], note=d["note"], expected_version=v),
            danger=True,
        ),
    ]
}


@transaction.atomic
def _reply(app, data, user, version):
    """Reply and (by default) generate the letter in one transaction: a letter that cannot be rendered
    leaves the application open."""
    app = do_reply(
        app, actor=user, outcome=data["outcome"], on=data["on"], note=data["note"], expected_version=version
    )
    if data.get("make_letter"):
        letters.do_generate_letter(app, actor=user, reasons=data["reasons"], obtain=data["obtain"])
    return app


@transaction.atomic
def _issue_fee_notice(app, data, user, version):
    """Issue the fee notice and generate its printable 收费通知书 in one transaction."""
    notice = do_issue_fee_notice(
        app,
        actor=user,
        basis=data["basis"],
        pages=data["pages"],
        on=data["on"],
        delivered_on=data["delivered_on"],
        expected_version=version,
    )
    fee_notice.do_generate_fee_notice_document(notice, actor=user)
    return notice


def offered_steps(application: Application, user) -> list[Step]:
    """The steps allowed in the current state for this user (handlers of the organ)."""
    if not can(user, Perm.HANDLE, application.organ):
        return []
    pauses = _open_pauses(application) if application.is_open else {}
    return [
        step
        for step in STEPS.values()
        if application.status in TRANSITIONS[step.name][0] and step.offered(application, pauses)
    ]


def detail_context(request, application: Application, bound: dict | None = None) -> dict:
    """Everything the application page shows; `bound` replaces one step's form (kept input + errors)."""
    on = today()
    steps = offered_steps(application, request.user)
    forms = []
    for step in steps:
        if bound and bound["step"] == step.name:
            form = bound["form"]
        else:
            form = step.form(initial={"expected_version": application.version}, application=application)
        forms.append((step, form))
    events = list(application.events.select_related("actor").order_by("at", "pk"))
    for event in events:
        outcome, pause = event.data.get("outcome"), event.data.get("pause")
        event.outcome_label = Outcome(outcome).label if outcome in Outcome.values else ""
        event.pause_label = PauseKind(pause).label if pause in PauseKind.values else ""
    letter_rows = list(application.letters.select_related("generated_by", "delivered_by").order_by("-pk"))
    handle = can(request.user, Perm.HANDLE, application.organ)
    return {
        "application": application,
        "applicant": application.applicant,
        "flag": deadline_flag(application, on),
        "today": on,
        "step_forms": forms,
        "open_step": bound["step"] if bound else "",
        "events": events,
        "letters": letter_rows,
        "can_handle": handle,
        "letter_form": (bound or {}).get("letter_form")
        or f.LetterForm(
            initial={"reasons": letter_rows[0].reasons, "obtain": letter_rows[0].obtain}
            if letter_rows
            else None
        ),
        "delivery_form": f.LetterDeliveryForm(),
        "fee_lines": _fee_breakdown_lines(application),
        "fee_notices": list(application.fee_notices.all()),
        "fee_document": fee_notice.latest_document(application),
        "attachments": list(application.attachments.select_related("uploaded_by")),
        "attachment_form": f.AttachmentUploadForm(application=application),
        "attachments_max": attachments.MAX_FILES,
        "outcome_info": info(application.outcome) if application.outcome else None,
        "open_pauses": [
            PauseKind(k).label for k in (_open_pauses(application) if application.is_open else {})
        ],
    }


def _detail_url(application) -> str:
    return reverse("backoffice:application_detail", args=[application.tracking_code])


@staff_view
def application_step(request, tracking_code, step):
    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    spec = STEPS.get(step)
    if spec is None:
        raise Http404(_("没有这个办理步骤。"))
    form = spec.form(request.POST, application=application)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            spec.run(application, data, request.user, data["expected_version"])
        except (ConflictError, WorkflowError) as exc:
            # Shown as a message: after someone else's step this form may no longer be offered.
            messages.error(request, str(exc))
            status = 409
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("已办理：%(step)s。") % {"step": spec.label})
            return redirect(_detail_url(application))
    application.refresh_from_db()
    context = detail_context(request, application, bound={"step": step, "form": form})
    return render(request, "backoffice/applications/detail.html", context, status=status)


# --- reply letters ---------------------------------------------------------------------------------------


@staff_view
def letter_generate(request, tracking_code):
    """(Re)generate the letter of a closed application with the reasons and the way to obtain it."""
    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    form = f.LetterForm(request.POST)
    if form.is_valid():
        try:
            letters.do_generate_letter(
                application,
                actor=request.user,
                reasons=form.cleaned_data["reasons"],
                obtain=form.cleaned_data["obtain"],
            )
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("已生成告知书。"))
            return redirect(_detail_url(application) + "#letters")
    context = detail_context(request, application, bound={"step": "", "form": None, "letter_form": form})
    return render(request, "backoffice/applications/detail.html", context, status=400)


def _letter_for(request, tracking_code, letter_uuid, perm=None) -> ReplyLetter:
    application = get_application_for_user(request.user, tracking_code, perm)
    letter = application.letters.filter(uuid=letter_uuid).first()
    if letter is None:
        raise Http404(_("没有这份告知书。"))
    letter.application = application
    return letter


@staff_view
@read_only
def letter_download(request, tracking_code, letter_uuid, fmt):
    letter = _letter_for(request, tracking_code, letter_uuid)
    if fmt not in letters.FORMATS:
        raise Http404(_("没有这种格式。"))
    try:
        path, filename, content_type = letters.letter_file(letter, fmt)
    except CorruptBlob as exc:
        logger.error("letter %s: %s", letter.uuid, exc)
        return render(request, "backoffice/blob_corrupt.html", {"attachment": letter}, status=503)
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=content_type)


@staff_view
def letter_deliver(request, tracking_code, letter_uuid):
    """送达日期: record when the applicant received the letter (it becomes visible to the applicant)."""
    letter = _letter_for(request, tracking_code, letter_uuid, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    form = f.LetterDeliveryForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        try:
            letters.do_record_letter_delivery(letter, actor=request.user, on=form.cleaned_data["on"])
        except (ValidationError, PermissionDenied) as exc:
            for message in getattr(exc, "messages", [str(exc)]):
                messages.error(request, message)
        else:
            messages.success(request, _("已记录送达日期，申请人可通过查询码查看告知书。"))
    return redirect(_detail_url(letter.application) + "#letters")
