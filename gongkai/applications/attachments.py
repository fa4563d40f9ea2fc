"""Files handed in with an application (条例 art 29 lets applicants describe what they ask for; a copy of an
earlier reply, a map or a photo often does that best): at most MAX_FILES per application, of the types
and size the catalog accepts (catalog.storage: pdf, docx, xlsx, doc, xls, png, jpg/jpeg; content checked
against the extension; settings.ATTACHMENT_MAX_MB).

- `check_uploads` validates a batch of uploads before anything is written (the online form and counter
  intake run it in their form validation), one message per file, each naming the file;
- `do_add_application_attachment` stores one file on an application, within the intake transaction or
  later on an open application;
- `do_register_with_attachments` registers an application and attaches its files in one transaction: when
  any file is refused the whole submission rolls back, and the blobs this attempt wrote are removed again.

The ApplicationEvent kinds are a closed list (they mirror the legal steps), so an upload is recorded on the
attachment row itself (uploaded_by, uploaded_at).
"""

import contextlib
import hashlib
import os
import tempfile
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.applications.actions import WorkflowError, do_register_application
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    FeeNoticeDocument,
    ReplyLetter,
)
from gongkai.catalog.models import Attachment
from gongkai.catalog.storage import (
    ALLOWED_TYPES,
    blob_path,
    check_filename,
    max_bytes,
    store_blob,
    verified_bytes_path,
)
from gongkai.core import clock
from gongkai.organs.permissions import Perm, require

MAX_FILES = 5
FIELD = "attachments"
# The types an applicant may hand in (a subset of what the catalog stores: no GIF).
APPLICATION_TYPES = ("pdf", "docx", "xlsx", "doc", "xls", "png", "jpg", "jpeg")
HEAD = 16


def _check_type(filename: str) -> tuple[str, str]:
    """(clean name, extension), or ValidationError naming the file."""
    shown = os.path.basename((filename or "").replace("\\", "/")).strip()
    try:
        name, ext = check_filename(filename)
    except ValidationError as exc:
        if exc.code != "type":
            raise ValidationError(
                _("附件“%(name)s”：%(reason)s") % {"name": shown[:200], "reason": exc.messages[0]}
            ) from None
        name, ext = shown, shown.rsplit(".", 1)[-1].lower() if "." in shown else ""
    if ext not in APPLICATION_TYPES:
        raise ValidationError(
            _("附件“%(name)s”的类型不能接收（%(ext)s）。允许的类型：%(allowed)s。")
            % {"name": name, "ext": ext or _("无扩展名"), "allowed": "、".join(APPLICATION_TYPES)}
        )
    return name, ext


def _content_matches(uploaded, ext: str) -> bool:
    """The catalog's check of the first bytes (and, for docx/xlsx, the zip's parts) on an upload that is
    not stored yet; a file kept in memory is copied to a private temporary file for the zip check."""
    check = ALLOWED_TYPES[ext][1]
    uploaded.seek(0)
    head = uploaded.read(HEAD)
    uploaded.seek(0)
    if hasattr(uploaded, "temporary_file_path"):
        return check(head, Path(uploaded.temporary_file_path()))
    fd, name = tempfile.mkstemp(suffix=f".{ext}")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        return check(head, Path(name))
    finally:
        Path(name).unlink(missing_ok=True)
        uploaded.seek(0)


def check_uploads(uploads, already: int = 0) -> list[str]:
    """Every problem of a batch of uploads (count, type, size, empty file, content against extension), one
    message per file naming it; [] when the batch may be stored. Nothing is written to the blob store."""
    uploads = list(uploads or [])
    if already + len(uploads) > MAX_FILES:
        if already:
            return [
                _("每件申请最多%(max)d个附件：已有%(n)d个，本次最多还能上传%(left)d个（本次选择了%(k)d个）。")
                % {"max": MAX_FILES, "n": already, "left": max(MAX_FILES - already, 0), "k": len(uploads)}
            ]
        return [
            _("最多上传%(max)d个附件，您选择了%(n)d个。请删去多余的文件，或将内容合并后再上传。")
            % {"max": MAX_FILES, "n": len(uploads)}
        ]
    problems = []
    limit_mb = max_bytes() // (1024 * 1024)
    for uploaded in uploads:
        try:
            name, ext = _check_type(uploaded.name)
        except ValidationError as exc:
            problems.extend(exc.messages)
            continue
        if uploaded.size is not None and uploaded.size > max_bytes():
            problems.append(
                _("附件“%(name)s”超过大小上限 %(limit)s MB。") % {"name": name, "limit": limit_mb}
            )
        elif not uploaded.size:
            problems.append(_("附件“%(name)s”是空文件。") % {"name": name})
        elif not _content_matches(uploaded, ext):
            problems.append(
                _("附件“%(name)s”的内容与扩展名 .%(ext)s 不符，请上传真实的 %(type)s 文件。")
                % {"name": name, "ext": ext, "type": ext.upper()}
            )
    return problems


@transaction.atomic
def do_add_application_attachment(application: Application, *, actor, uploaded) -> ApplicationAttachment:
    """Store one uploaded file (a Django UploadedFile, or any object with .name and .chunks()) on an open
    application. `actor` None is the public form (inside the registration transaction); staff need HANDLE."""
    locked = (
        Application.objects.select_for_update(of=("self",)).select_related("organ").get(pk=application.pk)
    )
    if actor is not None:
        require(actor, Perm.HANDLE, locked.organ)
    if not locked.is_open:
        raise WorkflowError(_("申请已办结，不能再添加附件。"))
    count = locked.attachments.count()
    if count >= MAX_FILES:
        raise ValidationError({FIELD: [_("每件申请最多%(max)d个附件。") % {"max": MAX_FILES}]})
    try:
        name, ext = _check_type(uploaded.name)
        sha, size, content_type = store_blob(uploaded.chunks(), ext, name)
    except ValidationError as exc:
        raise ValidationError({FIELD: exc.messages}) from None
    return ApplicationAttachment.objects.create(
        uuid=uuid.uuid4(),
        application=locked,
        filename=name,
        content_type=content_type,
        size=size,
        sha256=sha,
        position=count,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
        uploaded_at=clock.now(),
    )


def _referenced(sha: str) -> bool:
    """Whether any committed row still points at the blob `sha`."""
    return (
        ApplicationAttachment.objects.filter(sha256=sha).exists()
        or Attachment.objects.filter(sha256=sha).exists()
        or ReplyLetter.objects.filter(docx_sha256=sha).exists()
        or ReplyLetter.objects.filter(pdf_sha256=sha).exists()
        or FeeNoticeDocument.objects.filter(docx_sha256=sha).exists()
        or FeeNoticeDocument.objects.filter(pdf_sha256=sha).exists()
    )


@contextlib.contextmanager
def _blobs_removed_on_failure():
    """Run the block; when it fails, remove the blobs registered in the yielded dict (sha → existed before
    the block) that are new and that no row references after the rollback (the block must contain the
    whole transaction)."""
    existed: dict[str, bool] = {}
    try:
        yield existed
    except BaseException:
        for sha, was_there in existed.items():
            if not was_there and not _referenced(sha):
                blob_path(sha).unlink(missing_ok=True)
        raise


def _sha_of(uploaded) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


def do_register_with_attachments(
    *, organ, actor, channel: str, data: dict, uploads=(), **dates
) -> Application:
    """`actions.do_register_application` and then every upload attached, all in one transaction. The
    uploads are checked first (ValidationError keyed "attachments", nothing written); if storing one still
    fails, the application is rolled back and the blobs written by this attempt are removed."""
    uploads = list(uploads or [])
    problems = check_uploads(uploads)
    if problems:
        raise ValidationError({FIELD: problems})
    with _blobs_removed_on_failure() as existed:
        for uploaded in uploads:
            sha = _sha_of(uploaded)
            existed.setdefault(sha, blob_path(sha).exists())
        with transaction.atomic():
            application = do_register_application(
                organ=organ, actor=actor, channel=channel, data=data, **dates
            )
            for uploaded in uploads:
                do_add_application_attachment(application, actor=actor, uploaded=uploaded)
    return application


def attachment_file(attachment: ApplicationAttachment) -> Path:
    """The verified path of an attachment's stored file (raises CorruptBlob)."""
    return verified_bytes_path(attachment.sha256)
