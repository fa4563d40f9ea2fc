"""Staff screens for 行政复议/行政诉讼: the list with this year's table 4, registering a case, and one case
with its time limits (information only), its events and the result form. Handlers only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.appeals.actions import do_record_result, do_register_appeal
from gongkai.appeals.forms import AppealForm, ResultForm
from gongkai.appeals.models import Appeal
from gongkai.appeals.queries import get_appeal_for_user, table4
from gongkai.appeals.rules import FILING_RULES, time_limits
from gongkai.backoffice.views.common import add_action_errors, staff_view
from gongkai.organs.permissions import Perm, organs_where

TABLE4_HEAD = (_("行政复议"), _("行政诉讼（未经复议直接起诉）"), _("行政诉讼（复议后起诉）"))
TABLE4_COLUMNS = (_("结果维持"), _("结果纠正"), _("其他结果"), _("尚未审结"), _("总计"))


def handled_organs(user) -> list:
    organs = list(organs_where(user, Perm.HANDLE).order_by("path"))
    if not organs:
        raise PermissionDenied(_("只有依申请公开办理人员可以登记行政复议和行政诉讼。"))
    return organs


@staff_view
def appeal_list(request):
    organs = handled_organs(request.user)
    year = timezone.localdate().year
    cells = table4([o.pk for o in organs], year)
    context = {
        "appeals": Appeal.objects.filter(organ__in=organs)
        .select_related("organ")
        .order_by("-received_on", "-pk")[:200],
        "year": year,
        "groups": [(TABLE4_HEAD[i], cells[i * 5 : i * 5 + 5]) for i in range(3)],
        "columns": TABLE4_COLUMNS,
    }
    return render(request, "appeals/list.html", context)


@staff_view
def appeal_new(request):
    organs = handled_organs(request.user)
    by_code = {o.org_code: o for o in organs}
    form = AppealForm(request.POST or None, organs=organs, initial={"organ": organs[0].org_code})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organ = by_code[data.pop("organ")]
        try:
            appeal = do_register_appeal(organ=organ, actor=request.user, **data)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("已登记。"))
            return redirect("backoffice:appeals_staff:detail", appeal.uuid)
    return render(request, "appeals/form.html", {"form": form, "filing_rules": FILING_RULES.values()})


@staff_view
def appeal_detail(request, appeal_uuid):
    appeal = get_appeal_for_user(request.user, appeal_uuid)
    form = ResultForm(request.POST or None, initial={"result": appeal.result, "closed_on": appeal.closed_on})
    if request.method == "POST" and form.is_valid():
        try:
            do_record_result(appeal, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("结果已保存。"))
            return redirect("backoffice:appeals_staff:detail", appeal.uuid)
    context = {
        "appeal": appeal,
        "form": form,
        "limits": time_limits(appeal.kind, appeal.received_on),
        "filing_rule": FILING_RULES[appeal.kind],
        "events": appeal.events.select_related("actor"),
    }
    return render(request, "appeals/detail.html", context)
