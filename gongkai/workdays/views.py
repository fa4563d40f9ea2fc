"""The public deadline calculator page (works without JavaScript: a GET form)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.workdays.counting import add_working_days
from gongkai.workdays.forms import CalculatorForm


def calculator(request):
    form = CalculatorForm(request.GET or None)
    result = None
    if form.is_valid():
        try:
            result = add_working_days(form.cleaned_data["start"], form.cleaned_data["days"])
        except ValueError:
            form.add_error("start", _("起算日超出可计算的范围。"))
    context = {
        "form": form,
        "result": result,
        "breadcrumbs": [(_("首页"), reverse("portal:home")), (_("工作日计算器"), None)],
    }
    return render(request, "workdays/calculator.html", context)
