"""Forms of the enquiry pages. Validation of content lives in the actions (fields the action checks are
`required=False` here, so that its messages are the ones shown); the actions' ValidationError is
attached back per field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.enquiries.models import Channel, Kind


class LogForm(forms.Form):
    """The counter/phone form: channel stays selected from one entry to the next."""

    organ = forms.ChoiceField(label=_("机关"))
    channel = forms.ChoiceField(label=_("渠道"), choices=Channel.choices, widget=forms.RadioSelect)
    topic = forms.CharField(label=_("主题"), required=False, max_length=100)
    question = forms.CharField(label=_("咨询内容"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(label=_("答复"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].choices = [(o.org_code, o.name) for o in organs]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("答复"), widget=forms.Textarea(attrs={"rows": 5}))


class AskForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=Kind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("姓名（可不填）"), required=False, max_length=50)
    phone = forms.CharField(
        label=_("联系电话"),
        required=False,
        max_length=30,
        help_text=_("用于答复联系；查询答复时需要输入后4位。"),
    )
    topic = forms.CharField(label=_("主题"), required=False, max_length=100)
    question = forms.CharField(label=_("内容"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    consent_publish = forms.BooleanField(
        label=_("同意将问题和答复（不含姓名和联系方式）在网上公开"), required=False
    )

    def __init__(self, *args, kinds=(Kind.ENQUIRY,), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, Kind(k).label) for k in kinds]
        self.fields["kind"].initial = kinds[0]
        if Kind.ENQUIRY not in kinds:
            del self.fields["consent_publish"]


class LookupForm(forms.Form):
    tracking_code = forms.CharField(label=_("查询码"), max_length=30)
    last4 = forms.CharField(label=_("联系电话后4位"), min_length=4, max_length=4)
