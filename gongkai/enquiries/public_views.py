"""Public pages: the online enquiry form (/enquiries/ask/), the 举报/投诉 mailbox (/enquiries/mailbox/),
the confirmation with the tracking code, the status lookup (code + last 4 phone digits, one neutral
message for every miss) and the Q&A list of answered enquiries whose authors agreed to publish them.

Submissions and lookups are rate-limited per client IP with the applications' RateLimit."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.applications.public_views import TOO_MANY, RateLimit
from gongkai.backoffice.views.common import add_action_errors
from gongkai.enquiries.actions import do_submit_online
from gongkai.enquiries.forms import AskForm, LookupForm
from gongkai.enquiries.models import Kind
from gongkai.enquiries.queries import lookup_status, public_answers
from gongkai.portal.site import request_site_organ

SUBMISSIONS = RateLimit("enquiry", limit=5, window=3600)
LOOKUPS = RateLimit("enquiry-status", limit=20, window=600)
SESSION_LAST = "enquiry_last"


def _breadcrumbs(title):
    return [
        (_("首页"), reverse("portal:home")),
        (_("咨询与举报投诉"), reverse("enquiries:qa_list")),
        (title, None),
    ]


def _submit(request, kinds, title):
    organ = request_site_organ(request)
    if organ is None:
        raise Http404(_("本网站尚未设置机关。"))
    form = AskForm(request.POST or None, kinds=kinds)
    context = {"form": form, "title": title, "organ": organ, "breadcrumbs": _breadcrumbs(title)}
    if request.method != "POST":
        return render(request, "enquiries/public/ask.html", context)
    if SUBMISSIONS.exceeded(request):
        return render(request, "enquiries/public/ask.html", {**context, "limited": True}, status=TOO_MANY)
    if form.is_valid():
        data = form.cleaned_data
        try:
            enquiry = do_submit_online(
                organ=organ,
                kind=data["kind"],
                name=data["name"],
                phone=data["phone"],
                topic=data["topic"],
                question=data["question"],
                consent_publish=data.get("consent_publish", False),
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            SUBMISSIONS.hit(request)
            request.session[SESSION_LAST] = enquiry.tracking_code
            return redirect("enquiries:submitted")
    return render(request, "enquiries/public/ask.html", context)


@never_cache
def ask(request):
    return _submit(request, (Kind.ENQUIRY,), _("网上咨询"))


@never_cache
def mailbox(request):
    return _submit(request, (Kind.REPORT, Kind.COMPLAINT), _("举报投诉信箱"))


@never_cache
def submitted(request):
    code = request.session.get(SESSION_LAST)
    if not code:
        return redirect("enquiries:ask")
    return render(
        request, "enquiries/public/submitted.html", {"code": code, "breadcrumbs": _breadcrumbs(_("已提交"))}
    )


@never_cache
def status(request):
    form = LookupForm(request.POST or None)
    context = {"form": form, "breadcrumbs": _breadcrumbs(_("答复查询"))}
    if request.method == "POST":
        if not LOOKUPS.hit(request):
            return render(
                request, "enquiries/public/status.html", {**context, "limited": True}, status=TOO_MANY
            )
        if form.is_valid():
            found = lookup_status(form.cleaned_data["tracking_code"], form.cleaned_data["last4"])
            context.update(found=found, not_found=found is None)
    return render(request, "enquiries/public/status.html", context)


def qa_list(request):
    page = Paginator(public_answers(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "enquiries/public/qa_list.html",
        {"page": page, "breadcrumbs": [(_("首页"), reverse("portal:home")), (_("咨询问答"), None)]},
    )
