"""Files of an application on the staff side: the applicant's attachments (download after the SHA-256
check, upload of later submissions by a handler) and the printable 收费通知书 (download, regeneration).

Every view fetches the application through `queries.get_application_for_user` (downloads: anyone who may
see the application; writes: HANDLE on its organ) and the file through the application, so a file of
another application is 404. A stored file that no longer matches its hash is refused with a 503 page."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.applications import fee_notice
from gongkai.applications.actions import WorkflowError
from gongkai.applications.attachments import attachment_file, do_add_application_attachment
from gongkai.applications.models import FeeNoticeDocument
from gongkai.applications.queries import get_application_for_user
from gongkai.backoffice.forms_applications import AttachmentUploadForm
from gongkai.backoffice.views.common import flash_errors, post_only, read_only, staff_view
from gongkai.catalog.storage import CorruptBlob
from gongkai.organs.permissions import Perm

logger = logging.getLogger(__name__)


def _detail_url(application, anchor: str) -> str:
    return reverse("backoffice:application_detail", args=[application.tracking_code]) + anchor


def _corrupt(request, application, name: str):
    context = {"application": application, "filename": name}
    return render(request, "backoffice/applications/file_corrupt.html", context, status=503)


@staff_view
@read_only
def application_attachment_download(request, tracking_code, file_uuid):
    application = get_application_for_user(request.user, tracking_code)
    attachment = application.attachments.filter(uuid=file_uuid).first()
    if attachment is None:
        raise Http404(_("没有这个附件。"))
    try:
        path = attachment_file(attachment)
    except CorruptBlob as exc:
        logger.error("application attachment %s: %s", attachment.uuid, exc)
        return _corrupt(request, application, attachment.filename)
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )


@staff_view
def application_attachment_add(request, tracking_code):
    """A handler adds files the applicant submitted later (up to the limit per application)."""
    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    form = AttachmentUploadForm(request.POST, request.FILES, application=application)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(_detail_url(application, "#attachments"))
    added = []
    try:
        for uploaded in form.cleaned_data["attachments"]:
            added.append(do_add_application_attachment(application, actor=request.user, uploaded=uploaded))
    except (ValidationError, WorkflowError) as exc:
        flash_errors(request, exc)
    if added:
        messages.success(
            request, _("已添加附件：%(names)s。") % {"names": "、".join(a.filename for a in added)}
        )
    return redirect(_detail_url(application, "#attachments"))


@staff_view
@read_only
def fee_notice_download(request, tracking_code, document_uuid, fmt):
    application = get_application_for_user(request.user, tracking_code)
    document = (
        FeeNoticeDocument.objects.filter(notice__application=application, uuid=document_uuid)
        .select_related("notice__application")
        .first()
    )
    if document is None or fmt not in fee_notice.FORMATS:
        raise Http404(_("没有这份收费通知书。"))
    try:
        path, filename, content_type = fee_notice.document_file(document, fmt)
    except CorruptBlob as exc:
        logger.error("fee notice document %s (%s): %s", document.uuid, fmt, exc)
        return _corrupt(request, application, f"{document.title}.{fmt}")
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=content_type)


@staff_view
def fee_notice_generate(request, tracking_code):
    """(Re)generate the 收费通知书 of the application's latest fee notice."""
    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    notice = application.fee_notices.order_by("-pk").first()
    if notice is None:
        messages.error(request, _("本申请没有收费通知。"))
    else:
        fee_notice.do_generate_fee_notice_document(notice, actor=request.user)
        messages.success(request, _("已生成收费通知书。"))
    return redirect(_detail_url(application, "#fees"))
