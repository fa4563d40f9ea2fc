"""The staff page to enter one organ's facts for one year: every declared key with its current value, who
entered it and when, its history, and — for normative documents — the catalog's suggestion beside it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.annual.facts import (
    FACTS,
    FACTS_BY_KEY,
    computed_normative_documents,
    do_set_fact,
    may_enter_facts,
)
from gongkai.annual.models import OrganYearFact, OrganYearFactHistory
from gongkai.backoffice.views.common import add_action_errors, staff_view
from gongkai.organs.permissions import Perm, get_organ_for_user, organs_where


class FactsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for fact in FACTS:
            self.fields[fact.key] = forms.DecimalField(
                label=fact.label, required=False, min_value=0, decimal_places=2, max_digits=16
            )


@staff_view
def facts_index(request):
    organs = list(organs_where(request.user, Perm.MANAGE) | organs_where(request.user, Perm.HANDLE))
    if not organs:
        raise PermissionDenied(_("只有机关管理员或依申请公开办理人员可以填报年度数据。"))
    year = timezone.localdate().year
    organ = sorted(organs, key=lambda o: o.path)[0]
    return redirect("backoffice:facts_staff:edit", organ.org_code, year - 1)


@staff_view
def facts_edit(request, org_code, year):
    organ = get_organ_for_user(request.user, org_code, Perm.VIEW)
    if not may_enter_facts(request.user, organ):
        raise PermissionDenied(_("只有本机关的管理员或依申请公开办理人员可以填报年度数据。"))
    current = {
        row.key: row
        for row in OrganYearFact.objects.filter(organ=organ, year=year).select_related("entered_by")
    }
    form = FactsForm(request.POST or None, initial={key: row.value for key, row in current.items()})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # all of the page's values or none
                for fact in FACTS:
                    value = form.cleaned_data.get(fact.key)
                    if value is not None:
                        do_set_fact(organ, year, fact.key, value, request.user)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("年度数据已保存。"))
            return redirect("backoffice:facts_staff:edit", organ.org_code, year)
    suggestion = computed_normative_documents(organ, year)
    history = OrganYearFactHistory.objects.filter(organ=organ, year=year).select_related("entered_by")
    rows = [
        {
            "fact": fact,
            "field": form[fact.key],
            "row": current.get(fact.key),
            "suggestion": suggestion.get(fact.key),
        }
        for fact in FACTS
    ]
    changes = [
        (h, FACTS_BY_KEY[h.key].label if h.key in FACTS_BY_KEY else h.key)
        for h in history.order_by("-pk")[:100]
    ]
    context = {"organ": organ, "year": year, "form": form, "rows": rows, "history": changes}
    return render(request, "annual/facts.html", context)
