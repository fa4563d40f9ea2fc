"""The public side of 依申请公开: the online application form (with up to 5 optional attachments), the
confirmation page with the tracking code, the 回执 PDF, and the status lookup by tracking code + the last 4 digits of the phone.

Nothing here shows an applicant's personal data to anyone but the person who just typed it: the
confirmation page and the receipt are bound to the session that submitted the application (or that proved
code + digits on the status page), and the status page shows only `queries.PublicStatus`.

CAPTCHA-free, but rate-limited per client IP through Django's cache (LocMemCache or Redis): submissions
per IP and organ, status lookups per IP. Every page is `never_cache`: they carry personal data or answers
that depend on the session.
"""

import contextlib
import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.applications.attachments import do_register_with_attachments
from gongkai.applications.intake import normalize_tracking_code
from gongkai.applications.letters import applicant_letters, letter_file
from gongkai.applications.models import Application, Channel, ReplyLetter, Status
from gongkai.applications.public_forms import PIPL_NOTICE, ApplicationForm, StatusLookupForm
from gongkai.applications.queries import lookup_by_tracking_code
from gongkai.applications.receipt import receipt_pdf
from gongkai.catalog.storage import CorruptBlob
from gongkai.organs.models import Organ
from gongkai.portal.prefs import remember_prefs
from gongkai.portal.site import request_site_organ

# Session keys: the tracking codes this browser may see the confirmation/receipt of, newest last.
logger = logging.getLogger(__name__)

SESSION_CODES = "apply_codes"
SESSION_LAST = "apply_last"
SESSION_KEEP = 10
SESSION_LETTERS = "apply_letters"  # uuids of delivered letters this session proved (code + phone digits) for

TOO_MANY = 429


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `window` seconds per client IP (and scope key), counted in fixed windows
    with an atomic cache increment, so it holds across processes when the cache is Redis."""

    name: str
    limit: int
    window: int

    def _key(self, request, scope: str) -> str:
        ip = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
        bucket = int(time.time() // self.window)
        return f"gk:ratelimit:{self.name}:{scope}:{ip}:{bucket}"

    def count(self, request, scope: str = "") -> int:
        return cache.get(self._key(request, scope), 0)

    def exceeded(self, request, scope: str = "") -> bool:
        return self.count(request, scope) >= self.limit

    def hit(self, request, scope: str = "") -> bool:
        """Count one hit; False when it goes over the limit."""
        key = self._key(request, scope)
        cache.add(key, 0, timeout=self.window)
        try:
            value = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
            value = 1
        return value <= self.limit

    def undo(self, request, scope: str = "") -> None:
        """Take back a hit that did not lead to a submission (the core refused the data)."""
        with contextlib.suppress(ValueError):
            cache.decr(self._key(request, scope))


SUBMISSIONS = RateLimit("apply", limit=5, window=3600)
LOOKUPS = RateLimit("status", limit=20, window=600)


def client_ip(request) -> str:
    """REMOTE_ADDR; behind the reverse proxy (GONGKAI_BEHIND_PROXY) the address that proxy appended last
    to X-Forwarded-For, which the client cannot forge."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def _remember(request, code: str) -> None:
    codes = [c for c in request.session.get(SESSION_CODES, []) if c != code]
    request.session[SESSION_CODES] = [*codes, code][-SESSION_KEEP:]


def _breadcrumbs(*trail) -> list[tuple[str, str | None]]:
    return [(_("首页"), reverse("portal:home")), *trail]


def form_default(request):
    """/apply/: the form of the organ whose portal this is."""
    site = request_site_organ(request)
    if site is None:
        raise Http404(_("本网站尚未设置机关。"))
    return redirect("apply:form", site.org_code)


def _render_form(request, organ: Organ, form: ApplicationForm, status: int = 200, limited: bool = False):
    context = {
        "organ": organ,
        "form": form,
        "limited": limited,
        "show_errors": not limited,
        "error_links": form.error_links() if form.is_bound and not limited else [],
        "pipl_notice": PIPL_NOTICE,
        "nav_current": "apply",
        "breadcrumbs": _breadcrumbs(
            (_("政府信息公开"), reverse("portal:organ_index", args=[organ.org_code])),
            (_("依申请公开"), None),
        ),
    }
    return render(request, "applications/public/form.html", context, status=status)


@never_cache
@remember_prefs
def apply_form(request, org_code):
    organ = get_object_or_404(Organ, org_code=org_code)
    if request.method != "POST":
        return _render_form(request, organ, ApplicationForm())
    form = ApplicationForm(request.POST, request.FILES)
    scope = str(organ.pk)
    if SUBMISSIONS.exceeded(request, scope):
        return _render_form(request, organ, form, status=TOO_MANY, limited=True)
    if not form.validate_with_core():
        return _render_form(request, organ, form)
    if not SUBMISSIONS.hit(request, scope):
        return _render_form(request, organ, form, status=TOO_MANY, limited=True)
    try:
        # The application and its files in one transaction (attachments.py): a refused file rolls back
        # the registration and leaves no stored file behind.
        application = do_register_with_attachments(
            organ=organ,
            actor=None,
            channel=Channel.ONLINE,
            data=form.core_data(),
            uploads=form.cleaned_data.get("attachments") or [],
        )
    except ValidationError as exc:
        SUBMISSIONS.undo(request, scope)
        form.add_core_errors(exc.message_dict)
        return _render_form(request, organ, form)
    _remember(request, application.tracking_code)
    request.session[SESSION_LAST] = application.tracking_code
    return redirect("apply:submitted")


def _session_application(request, code: str) -> Application:
    if code not in request.session.get(SESSION_CODES, []):
        raise Http404(_("没有这个申请的回执。"))
    application = Application.objects.select_related("organ", "applicant").filter(tracking_code=code).first()
    if application is None:
        raise Http404(_("没有这个申请的回执。"))
    return application


@never_cache
@remember_prefs
def submitted(request):
    """The confirmation page of the application this browser has just submitted."""
    code = request.session.get(SESSION_LAST, "")
    if not code:
        return redirect("apply:form_default")
    application = _session_application(request, code)
    context = {
        "application": application,
        "organ": application.organ,
        "nav_current": "apply",
        "breadcrumbs": _breadcrumbs((_("依申请公开"), reverse("apply:form_default")), (_("提交成功"), None)),
    }
    return render(request, "applications/public/submitted.html", context)


@never_cache
def receipt(request, tracking_code):
    """The 回执 PDF, for the session that submitted the application or proved code + digits."""
    application = _session_application(request, normalize_tracking_code(tracking_code))
    pdf = receipt_pdf(application, request.build_absolute_uri(reverse("apply:status")))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"回执-{application.tracking_code}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@never_cache
@remember_prefs
def status(request):
    """Status lookup by tracking code + the last 4 digits of the phone: one neutral message for a wrong
    code or wrong digits; rate-limited per IP against enumeration."""
    form = StatusLookupForm(request.POST or None)
    result = None
    reply_documents = []
    not_found = limited = False
    http_status = 200
    if request.method == "POST":
        if not LOOKUPS.hit(request):
            limited = True
            http_status = TOO_MANY
        elif form.is_valid():
            result = lookup_by_tracking_code(form.cleaned_data["tracking_code"], form.cleaned_data["last4"])
            if result is None:
                not_found = True
            else:
                _remember(request, result.tracking_code)
                reply_documents = _reply_documents(
                    request, applicant_letters(form.cleaned_data["tracking_code"], form.cleaned_data["last4"])
                )
    context = {
        "form": form,
        "result": result,
        "running": result is not None and result.status in (Status.IN_PROGRESS, Status.PAUSED),
        "paused": result is not None and result.status == Status.PAUSED,
        "closed": result is not None and result.status == Status.CLOSED,
        "not_found": not_found,
        "limited": limited,
        "reply_documents": reply_documents,
        "error_links": [
            (form[name].auto_id, str(message)) for name in form.fields for message in form[name].errors
        ],
        "nav_current": "apply",
        "breadcrumbs": _breadcrumbs(
            (_("依申请公开"), reverse("apply:form_default")), (_("办理进度查询"), None)
        ),
    }
    return render(request, "applications/public/status.html", context, status=http_status)


def _reply_documents(request, letters) -> list[dict]:
    """Links to the delivered letters, remembered in the session that proved code + phone digits."""
    allowed = [str(letter.uuid) for letter in letters]
    known = [u for u in request.session.get(SESSION_LETTERS, []) if u not in allowed]
    request.session[SESSION_LETTERS] = [*known, *allowed][-SESSION_KEEP * 3 :]
    documents = []
    for letter in letters:
        day = letter.delivered_on or letter.generated_at.date()
        for fmt, label in (("pdf", "PDF"), ("docx", "Word")):
            documents.append(
                {
                    "url": reverse("apply:letter", args=[letter.uuid, fmt]),
                    "title": _("政府信息公开申请答复告知书（%(date)s，%(kind)s）")
                    % {"date": day, "kind": label},
                }
            )
    return documents


@never_cache
def letter(request, letter_uuid, fmt):
    """A delivered reply letter, for the session that has just looked the application up."""
    if str(letter_uuid) not in request.session.get(SESSION_LETTERS, []) or fmt not in ("pdf", "docx"):
        raise Http404(_("没有这份告知书。请先在办理进度查询中输入查询码和手机号后四位。"))
    reply = (
        ReplyLetter.objects.select_related("application")
        .filter(uuid=letter_uuid, visible_to_applicant=True)
        .first()
    )
    if reply is None:
        raise Http404(_("没有这份告知书。"))
    try:
        path, filename, content_type = letter_file(reply, fmt)
    except CorruptBlob:
        logger.error("reply letter %s (%s) does not match its stored hash", reply.uuid, fmt)
        return render(request, "portal/unavailable.html", status=503)
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
