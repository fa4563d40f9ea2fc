"""依申请公开 staff screens: the queue, counter intake, the application page (facts, masked ID number with
a logged reveal, timeline, one-click forms for each legal step) — the steps themselves are in
applications_steps.py, the reply-letter templates in applications_letters.py.

Every view fetches through `queries.get_application_for_user` / `applications_for_user`; writes go through
the actions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.applications import privacy
from gongkai.applications.actions import today
from gongkai.applications.attachments import do_register_with_attachments
from gongkai.applications.models import OPEN_STATES, Channel, Status
from gongkai.applications.queries import (
    applications_for_user,
    deadline_flag,
    due_soon_q,
    get_application_for_user,
    overdue_q,
)
from gongkai.backoffice.forms_applications import IntakeForm, QueueFilterForm
from gongkai.backoffice.views.applications_steps import detail_context
from gongkai.backoffice.views.common import add_action_errors, post_only, read_only, staff_view
from gongkai.organs.models import Membership, Organ, Role
from gongkai.organs.permissions import Perm, can, organs_where
from gongkai.workdays.counting import Calendar

PAGE_SIZE = 50
RUNNING = (Status.IN_PROGRESS, Status.PAUSED)


def _queue_organs(user):
    """The organs whose applications `user` sees (for the organ filter)."""
    ids = applications_for_user(user).values("organ_id")
    return list(
        Organ.objects.filter(Q(pk__in=ids) | Q(pk__in=organs_where(user, Perm.HANDLE))).order_by("path")
    )


def _queue_handlers(organs):
    user_ids = Membership.objects.filter(organ__in=organs, role=Role.APPLICATION_HANDLER).values("user_id")
    return list(get_user_model().objects.filter(pk__in=user_ids).order_by("first_name", "username"))


def _flag_q(flag: str, on, calendar) -> Q | None:
    return {
        "overdue": lambda: overdue_q(on),
        "due_soon": lambda: due_soon_q(on, calendar),
        "paused": lambda: Q(status=Status.PAUSED),
        "awaiting_confirmation": lambda: Q(status=Status.AWAITING_CONFIRMATION),
        "unconfirmed_calendar": lambda: Q(status__in=OPEN_STATES, calendar_confirmed=False),
    }.get(flag, lambda: None)()


@staff_view
@read_only
def application_list(request):
    """The queue: filters, counts per deadline flag, badges; sorted by due date (no due date last)."""
    on = today()
    calendar = Calendar()
    base = applications_for_user(request.user)
    organs = _queue_organs(request.user)
    handlers = _queue_handlers(organs)
    form = QueueFilterForm(request.GET or None, organs=organs, handlers=handlers)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = base
    if filters.get("organ"):
        queryset = queryset.filter(organ__org_code=filters["organ"])
    if filters.get("handler") == "me":
        queryset = queryset.filter(handler=request.user)
    elif filters.get("handler") == "none":
        queryset = queryset.filter(handler__isnull=True)
    elif filters.get("handler"):
        queryset = queryset.filter(handler_id=filters["handler"])
    scoped = queryset
    state = filters.get("state") or ""
    if state == "open":
        queryset = queryset.filter(status__in=OPEN_STATES)
    elif state:
        queryset = queryset.filter(status=state)
    if (flag_q := _flag_q(filters.get("flag") or "", on, calendar)) is not None:
        queryset = queryset.filter(flag_q)
    counts = scoped.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATES)),
        overdue=Count("pk", filter=overdue_q(on)),
        due_soon=Count("pk", filter=due_soon_q(on, calendar)),
        paused=Count("pk", filter=Q(status=Status.PAUSED)),
        awaiting_confirmation=Count("pk", filter=Q(status=Status.AWAITING_CONFIRMATION)),
        awaiting_correction=Count("pk", filter=Q(status=Status.AWAITING_CORRECTION)),
        unconfirmed_calendar=Count("pk", filter=Q(status__in=OPEN_STATES, calendar_confirmed=False)),
    )
    # Open applications first, by due date (none yet: last among the open ones), then recently closed ones.
    ordered = queryset.select_related("organ", "applicant", "handler").order_by(
        F("closed_on").desc(nulls_first=True), F("due_on").asc(nulls_last=True), "submitted_on", "pk"
    )
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(app, deadline_flag(app, on, calendar)) for app in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/applications/list.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "counts": counts,
            "today": on,
            "query": query.urlencode(),
            "intake_organs": list(organs_where(request.user, Perm.HANDLE).order_by("path")),
            "letter_organs": list(organs_where(request.user, Perm.MANAGE).order_by("path")),
        },
    )


# --- counter intake ----------------------------------------------------------------------------------


@staff_view
def application_new(request):
    """Counter intake for one organ (`?organ=<org_code>`); without it, choose among the user's organs."""
    organs = list(organs_where(request.user, Perm.HANDLE).order_by("path"))
    if not organs:
        raise PermissionDenied(_("您没有办理依申请公开的岗位，不能登记申请。"))
    code = request.GET.get("organ") or (organs[0].org_code if len(organs) == 1 else "")
    if not code:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return render(request, "backoffice/applications/new_choose.html", {"organs": organs})
    organ = Organ.objects.filter(org_code=code).first()
    if organ is None:
        raise Http404(_("没有这个机关。"))
    if not can(request.user, Perm.HANDLE, organ):
        raise PermissionDenied(_("您没有在“%(organ)s”登记申请的权限。") % {"organ": organ.name})
    if request.method == "POST":
        form = IntakeForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                # Registration and the applicant's files in one transaction (nothing kept if one fails).
                application = do_register_with_attachments(
                    organ=organ,
                    actor=request.user,
                    channel=data["channel"],
                    data=form.data_for_action(),
                    uploads=data["attachments"],
                    submitted_on=data["submitted_on"],
                    signed_on=data["signed_on"],
                    confirmed_on=data["confirmed_on"],
                )
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("已登记申请，查询码 %(code)s。") % {"code": application.tracking_code},
                )
                if application.repeat_of_id:
                    messages.warning(
                        request,
                        _("疑似重复申请：与 %(code)s 相似（相似度 %(p)d%%），请核对。")
                        % {
                            "code": application.repeat_of.tracking_code,
                            "p": round((application.repeat_similarity or 0) * 100),
                        },
                    )
                return redirect("backoffice:application_detail", tracking_code=application.tracking_code)
        status = 400
    else:
        form = IntakeForm(initial={"channel": Channel.IN_PERSON, "submitted_on": today()})
        status = 200
    return render(
        request,
        "backoffice/applications/new.html",
        {"form": form, "organ": organ, "channels": Channel},
        status=status,
    )


# --- the application page -----------------------------------------------------------------------------


@staff_view
@read_only
def application_detail(request, tracking_code):
    application = get_application_for_user(request.user, tracking_code)
    return render(request, "backoffice/applications/detail.html", detail_context(request, application))


@staff_view
def application_reveal(request, tracking_code):
    """显示完整证件号: a handler of the organ sees the full ID number once, on this response; logged."""
    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    if (refused := post_only(request)) is not None:
        return refused
    revealed = privacy.reveal_id_number(application, request.user)
    if not revealed:
        messages.info(request, _("申请人的个人信息已按保存期限删除。"))
        return redirect(reverse("backoffice:application_detail", args=[application.tracking_code]))
    context = detail_context(request, application)
    context["revealed_id_number"] = revealed
    response = render(request, "backoffice/applications/detail.html", context)
    response["Cache-Control"] = "no-store"
    return response


@staff_view
@read_only
def application_receipt(request, tracking_code):
    """The 回执 PDF, printed at the counter for a walk-in applicant (the same document the online form offers)."""
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    from gongkai.applications.receipt import receipt_pdf

    application = get_application_for_user(request.user, tracking_code, Perm.HANDLE)
    pdf = receipt_pdf(application, request.build_absolute_uri(reverse("apply:status")))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"回执-{application.tracking_code}.pdf"
    )
    return response
