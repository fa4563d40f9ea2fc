"""Staff screens for enquiries: the list (with this year's counts by channel), the fast log form that keeps
the channel between entries, and one enquiry with its answer form. Handlers only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.applications import pii
from gongkai.backoffice.views.common import add_action_errors, staff_view
from gongkai.enquiries.actions import do_answer, do_log_enquiry
from gongkai.enquiries.forms import AnswerForm, LogForm
from gongkai.enquiries.models import Channel, Enquiry
from gongkai.enquiries.queries import counts_by_channel, get_enquiry_for_user
from gongkai.organs.permissions import Perm, organs_where

SESSION_CHANNEL = "enquiry_channel"


def handled_organs(user) -> list:
    organs = list(organs_where(user, Perm.HANDLE).order_by("path"))
    if not organs:
        raise PermissionDenied(_("只有依申请公开办理人员可以登记和答复咨询。"))
    return organs


@staff_view
def enquiry_list(request):
    organs = handled_organs(request.user)
    rows = Enquiry.objects.filter(organ__in=organs).select_related("organ").order_by("-asked_at", "-pk")
    status = request.GET.get("status")
    if status in ("open", "answered"):
        rows = rows.filter(status=status)
    year = timezone.localdate().year
    context = {
        "page": Paginator(rows, 50).get_page(request.GET.get("page")),
        "counts": counts_by_channel([o.pk for o in organs], year),
        "year": year,
        "nav_current": "enquiries",
    }
    return render(request, "enquiries/staff/list.html", context)


@staff_view
def enquiry_log(request):
    organs = handled_organs(request.user)
    by_code = {o.org_code: o for o in organs}
    initial = {
        "channel": request.session.get(SESSION_CHANNEL, Channel.IN_PERSON),
        "organ": organs[0].org_code,
    }
    form = LogForm(request.POST or None, organs=organs, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_log_enquiry(
                organ=by_code[data["organ"]],
                actor=request.user,
                channel=data["channel"],
                topic=data["topic"],
                question=data["question"],
                answer=data["answer"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            request.session[SESSION_CHANNEL] = data["channel"]
            messages.success(request, _("已登记。"))
            return redirect(reverse("backoffice:enquiries_staff:log") + f"?organ={data['organ']}")
    if request.method != "POST" and request.GET.get("organ") in by_code:
        form.initial["organ"] = request.GET["organ"]
    return render(request, "enquiries/staff/log.html", {"form": form, "nav_current": "enquiries"})


@staff_view
def enquiry_detail(request, enquiry_uuid):
    enquiry = get_enquiry_for_user(request.user, enquiry_uuid)
    form = AnswerForm(request.POST or None, initial={"answer": enquiry.answer})
    if request.method == "POST" and form.is_valid():
        try:
            do_answer(enquiry, actor=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("答复已保存。"))
            return redirect("backoffice:enquiries_staff:detail", enquiry.uuid)
    context = {
        "enquiry": enquiry,
        "form": form,
        "name": pii.decrypt(enquiry.name_encrypted) if enquiry.name_encrypted else "",
        "contact": pii.decrypt(enquiry.contact_encrypted) if enquiry.contact_encrypted else "",
        "nav_current": "enquiries",
    }
    return render(request, "enquiries/staff/detail.html", context)
