from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.workdays.api import MAX_DAYS


class CalculatorForm(forms.Form):
    start = forms.DateField(
        label=_("起算日"),
        help_text=_("如收到申请之日；当日不计入，从次日起算。格式：2025-09-26"),
        input_formats=["%Y-%m-%d", "%Y/%m/%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    days = forms.IntegerField(
        label=_("工作日数"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=20,
        help_text=_("如依申请公开的答复期限为20个工作日"),
    )
