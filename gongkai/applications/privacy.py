"""Access to applicants' personal information: the logged reveal of an ID number, and the retention purge.

The applicant's kind stays after a purge: it is a fact of the annual report (Table 3 columns)."""

import datetime as dt

from django.conf import settings
from django.db import transaction

from gongkai.applications import pii
from gongkai.applications.actions import today
from gongkai.applications.models import Applicant, Application, ApplicationEvent, Status
from gongkai.core import clock
from gongkai.organs.permissions import Perm, require

Kind = ApplicationEvent.Kind


@transaction.atomic
def reveal_id_number(application: Application, user) -> str:
    """The full ID number, for a handler of the organ; every reveal is logged on the application."""
    require(user, Perm.HANDLE, application.organ)
    applicant = application.applicant
    if applicant.purged_at is not None:
        return ""
    ApplicationEvent.objects.create(application=application, kind=Kind.PII_REVEALED, actor=user, on=today())
    return pii.decrypt(applicant.id_number_encrypted)


def purge_cutoff(on: dt.date | None = None) -> dt.date | None:
    """Applications closed before this date have outlived the retention period (None: keep forever)."""
    days = settings.PII_RETENTION_DAYS
    if not days:
        return None
    return (on or today()) - dt.timedelta(days=days)


@transaction.atomic
def do_purge_expired_pii(on: dt.date | None = None) -> int:
    """Erase the personal data of applicants whose application was closed longer ago than
    PII_RETENTION_DAYS. Returns how many applicants were purged."""
    cutoff = purge_cutoff(on)
    if cutoff is None:
        return 0
    due = Application.objects.filter(
        status=Status.CLOSED, closed_on__lt=cutoff, applicant__purged_at__isnull=True
    ).select_related("applicant")
    count = 0
    for application in due.select_for_update(of=("self",)):
        Applicant.objects.filter(pk=application.applicant_id).update(
            name="",
            contact_person="",
            id_number_encrypted="",
            id_number_masked="",
            id_number_hash="",
            phone="",
            phone_hash="",
            email="",
            address="",
            postcode="",
            purged_at=clock.now(),
        )
        _purge_attachments(application)
        ApplicationEvent.objects.create(
            application=application,
            kind=Kind.PII_PURGED,
            on=today(),
            data={"retention_days": settings.PII_RETENTION_DAYS},
        )
        count += 1
    return count


def _purge_attachments(application) -> None:
    """Files the applicant handed in go with the applicant's data; a stored file still used by another row
    (the same bytes attached elsewhere) is kept. Reply letters stay: they are the organ's archived acts."""
    from gongkai.applications.models import ApplicationAttachment
    from gongkai.catalog.models import Attachment
    from gongkai.catalog.storage import blob_path

    hashes = set(application.attachments.values_list("sha256", flat=True))
    application.attachments.all().delete()
    for sha in hashes:
        if not (
            ApplicationAttachment.objects.filter(sha256=sha).exists()
            or Attachment.objects.filter(sha256=sha).exists()
        ):
            transaction.on_commit(lambda sha=sha: blob_path(sha).unlink(missing_ok=True))
