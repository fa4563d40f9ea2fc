from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.appeals.models import AppealKind, Result

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AppealForm(forms.Form):
    organ = forms.ChoiceField(label=_("被申请/被告机关"))
    kind = forms.ChoiceField(label=_("类别"), choices=AppealKind.choices, widget=forms.RadioSelect)
    tracking_code = forms.CharField(label=_("关联申请查询码（可不填）"), required=False, max_length=30)
    case_number = forms.CharField(label=_("案号"), required=False, max_length=60)
    received_on = forms.DateField(label=_("收到日期"), widget=DATE)
    result = forms.ChoiceField(label=_("结果"), choices=Result.choices, initial=Result.PENDING)
    closed_on = forms.DateField(label=_("审结日期"), required=False, widget=DATE)
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].choices = [(o.org_code, o.name) for o in organs]


class ResultForm(forms.Form):
    result = forms.ChoiceField(label=_("结果"), choices=Result.choices)
    closed_on = forms.DateField(label=_("审结日期"), required=False, widget=DATE)
