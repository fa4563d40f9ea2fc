"""Read side of enquiries: counts for the annual report, the public Q&A list, the status lookup of the
mailbox, and the permission-checked getter."""

import datetime as dt
import hmac
from dataclasses import dataclass

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gongkai.applications.intake import normalize_tracking_code
from gongkai.enquiries.models import Channel, Enquiry, Kind, Status
from gongkai.organs.permissions import Perm, require


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """[1 January 00:00, next 1 January 00:00) of `year` in the site's time zone."""
    tz = timezone.get_default_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def counts_by_channel(organ_ids, year: int) -> dict[str, int]:
    """Consultations (kind 咨询 only; reports and complaints are not consultations) asked in `year` by the
    organs `organ_ids`: {"in_person": n, "phone": n, "online": n, "total": n}. The total is the sum of
    the channels, by construction."""
    start, end = year_bounds(year)
    rows = (
        Enquiry.objects.filter(
            organ_id__in=list(organ_ids), kind=Kind.ENQUIRY, asked_at__gte=start, asked_at__lt=end
        )
        .values("channel")
        .annotate(n=Count("pk"))
    )
    counts = {channel: 0 for channel in Channel.values}
    for row in rows:
        counts[row["channel"]] = row["n"]
    counts["total"] = sum(counts[channel] for channel in Channel.values)
    return counts


def public_answers():
    """Answered online enquiries whose author agreed to publish them, newest answer first (only topic,
    question and answer are meant to be shown)."""
    return (
        Enquiry.objects.filter(
            kind=Kind.ENQUIRY, channel=Channel.ONLINE, consent_publish=True, status=Status.ANSWERED
        )
        .select_related("organ")
        .only("topic", "question", "answer", "answered_at", "organ__name", "organ__short_name")
        .order_by("-answered_at", "-pk")
    )


@dataclass(frozen=True)
class PublicStatus:
    tracking_code: str
    kind_label: str
    organ_name: str
    asked_at: dt.datetime
    answered: bool
    answer: str
    answered_at: dt.datetime | None


def lookup_status(code: str, last4: str) -> PublicStatus | None:
    """The status of an online submission, or None when the code is unknown or the last 4 phone digits
    do not match — the two cases are not told apart."""
    enquiry = (
        Enquiry.objects.select_related("organ").filter(tracking_code=normalize_tracking_code(code)).first()
    )
    given = (last4 or "").strip().encode()
    expected = (enquiry.phone_last4 if enquiry else "").encode()
    if enquiry is None or len(given) != 4 or not hmac.compare_digest(given, expected):
        return None
    return PublicStatus(
        tracking_code=enquiry.tracking_code,
        kind_label=str(enquiry.get_kind_display()),
        organ_name=enquiry.organ.name,
        asked_at=enquiry.asked_at,
        answered=enquiry.status == Status.ANSWERED,
        answer=enquiry.answer,
        answered_at=enquiry.answered_at,
    )


def get_enquiry_for_user(user, enquiry_uuid) -> Enquiry:
    """The permission-checked getter (404 unknown, 403 without the handler role on its organ)."""
    enquiry = get_object_or_404(Enquiry.objects.select_related("organ"), uuid=enquiry_uuid)
    require(user, Perm.HANDLE, enquiry.organ)
    return enquiry
