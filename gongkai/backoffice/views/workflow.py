"""The workflow steps and attachment writes, one POST endpoint each.

Every endpoint first fetches the record through the permission-checked getter with the permission the
step needs (so a supervisor or an outsider gets 403 before anything else), then calls the action.
What the action refuses (wrong state, missing reason, 提交人 reviewing their own submission, a bad
file) comes back as a message on the record page; the action is atomic, so nothing is saved.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.backoffice.forms import AttachmentForm, NoteForm, ReasonForm, ScheduleForm, ValidityForm
from gongkai.backoffice.views.common import flash_errors, post_only, read_only, redirect_back, staff_view
from gongkai.catalog.actions import (
    WorkflowError,
    do_add_attachment,
    do_approve_record,
    do_cancel_schedule,
    do_change_validity,
    do_delete_draft,
    do_publish_record,
    do_remove_attachment,
    do_reopen_record,
    do_return_record,
    do_submit_record,
    do_withdraw_record,
)
from gongkai.catalog.queries import get_attachment_for_user, get_record_for_user
from gongkai.catalog.storage import CorruptBlob, verified_bytes_path
from gongkai.organs.permissions import Perm

logger = logging.getLogger(__name__)
REFUSALS = (WorkflowError, ValidationError, PermissionDenied)


def _detail_url(record) -> str:
    return reverse("backoffice:record_detail", kwargs={"uuid": record.uuid})


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)


def _step(request, uuid, perm, run, success):
    """Fetch with `perm`, accept POST only, run the action, report the outcome and go back."""
    record = get_record_for_user(request.user, uuid, perm)
    if (refused := post_only(request)) is not None:
        return refused
    return _run(request, record, run, success)


def _run(request, record, run, success):
    try:
        result = run(record)
    except REFUSALS as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, success(result) if callable(success) else success)
    return redirect_back(request, _detail_url(record))


@staff_view
def record_submit(request, uuid):
    return _step(
        request,
        uuid,
        Perm.EDIT,
        lambda r: do_submit_record(r, actor=request.user, note=request.POST.get("note", "")),
        _("已提交保密审查。"),
    )


@staff_view
def record_approve(request, uuid):
    form = NoteForm(request.POST or None)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _step(
        request,
        uuid,
        Perm.REVIEW,
        lambda r: do_approve_record(r, actor=request.user, note=note),
        _("保密审查已通过，等待发布。"),
    )


@staff_view
def record_return(request, uuid):
    form = ReasonForm(request.POST or None)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _step(
        request,
        uuid,
        Perm.REVIEW,
        lambda r: do_return_record(r, actor=request.user, reason=reason),
        _("已退回拟稿人修改。"),
    )


@staff_view
def record_publish(request, uuid):
    return _step(
        request,
        uuid,
        Perm.PUBLISH,
        lambda r: do_publish_record(r, actor=request.user),
        lambda r: _("已发布，索引号 %(n)s。") % {"n": r.index_number},
    )


@staff_view
def record_schedule(request, uuid):
    record = get_record_for_user(request.user, uuid, Perm.PUBLISH)
    if (refused := post_only(request)) is not None:
        return refused
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect_back(request, _detail_url(record))
    return _run(
        request,
        record,
        lambda r: do_publish_record(r, actor=request.user, publish_at=form.cleaned_data["publish_at"]),
        _("已设置定时发布。"),
    )


@staff_view
def record_cancel_schedule(request, uuid):
    return _step(
        request,
        uuid,
        Perm.PUBLISH,
        lambda r: do_cancel_schedule(r, actor=request.user),
        _("已取消定时发布，信息回到“审查通过”状态。"),
    )


@staff_view
def record_withdraw(request, uuid):
    form = ReasonForm(request.POST or None)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _step(
        request,
        uuid,
        Perm.PUBLISH,
        lambda r: do_withdraw_record(r, actor=request.user, reason=reason),
        _("已撤回，公众不再能看到该信息。"),
    )


@staff_view
def record_reopen(request, uuid):
    return _step(
        request,
        uuid,
        Perm.EDIT,
        lambda r: do_reopen_record(r, actor=request.user, note=request.POST.get("note", "")),
        _("已转为草稿，可以修改；修改后须重新提交审查。"),
    )


@staff_view
def record_validity(request, uuid):
    record = get_record_for_user(request.user, uuid, Perm.PUBLISH)
    if (refused := post_only(request)) is not None:
        return refused
    form = ValidityForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect_back(request, _detail_url(record))
    data = form.cleaned_data
    return _run(
        request,
        record,
        lambda r: do_change_validity(
            r, actor=request.user, validity=data["validity"], on=data["on"], note=data["note"]
        ),
        lambda r: _("有效性已变更为“%(v)s”。") % {"v": r.get_validity_display()},
    )


@staff_view
def record_delete(request, uuid):
    record = get_record_for_user(request.user, uuid, Perm.EDIT)
    if (refused := post_only(request)) is not None:
        return refused
    if not request.POST.get("confirm"):
        messages.error(request, _("请勾选“确认删除”后再删除草稿。"))
        return redirect(_detail_url(record))
    try:
        do_delete_draft(record, actor=request.user)
    except REFUSALS as exc:
        flash_errors(request, exc)
        return redirect(_detail_url(record))
    messages.success(request, _("草稿“%(t)s”已删除。") % {"t": record.title})
    return redirect("backoffice:record_list")


# --- attachments -------------------------------------------------------------------------------


@staff_view
def attachment_add(request, uuid):
    record = get_record_for_user(request.user, uuid, Perm.EDIT)
    if (refused := post_only(request)) is not None:
        return refused
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            attachment = do_add_attachment(record, actor=request.user, uploaded=form.cleaned_data["file"])
        except REFUSALS as exc:
            flash_errors(request, exc)
        else:
            messages.success(request, _("已添加附件“%(name)s”。") % {"name": attachment.filename})
    return redirect(_detail_url(record) + "#attachments")


@staff_view
def attachment_remove(request, attachment_uuid):
    attachment = get_attachment_for_user(request.user, attachment_uuid, Perm.EDIT)
    if (refused := post_only(request)) is not None:
        return refused
    record = attachment.record
    try:
        do_remove_attachment(attachment, actor=request.user)
    except REFUSALS as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("已删除附件“%(name)s”。") % {"name": attachment.filename})
    return redirect(_detail_url(record) + "#attachments")


@staff_view
@read_only
def attachment_download(request, attachment_uuid):
    """Staff download of any attachment they may view, after checking the stored file's SHA-256."""
    attachment = get_attachment_for_user(request.user, attachment_uuid)
    try:
        path = verified_bytes_path(attachment.sha256)
    except CorruptBlob as exc:
        logger.error("attachment %s: %s", attachment.uuid, exc)
        return render(request, "backoffice/blob_corrupt.html", {"attachment": attachment}, status=503)
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
