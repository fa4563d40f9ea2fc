"""Forms of the 依申请公开 staff screens. They parse and present; the actions in
gongkai.applications.actions validate and write, and their ValidationErrors come back onto these forms.

Every step form carries `expected_version` (the application's version when the page was drawn), so an
action on a stale page is refused with a conflict instead of overwriting someone else's step."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gongkai.applications import attachments
from gongkai.applications.actions import DEDICATED_OUTCOMES
from gongkai.applications.fees import FeeBasis
from gongkai.applications.models import ApplicantKind, Channel, DeliveryForm, IdType, PauseKind, Status
from gongkai.applications.outcomes import GROUPS, OUTCOMES, Outcome
from gongkai.applications.public_forms import ACCEPT, MultipleFileField, MultipleFileInput
from gongkai.organs.models import Membership, Organ, Role

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _date(label, required=False, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text)


def _text(label, required=False, max_length=None, widget=None, help_text=""):
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=widget, help_text=help_text
    )


def _blank(choices):
    return [("", "——")] + list(choices)


def staff_with_role(organ: Organ, roles) -> list:
    """Active users holding one of `roles` on exactly `organ`, by name."""
    user_ids = Membership.objects.filter(organ=organ, role__in=roles).values_list("user_id", flat=True)
    users = (
        get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("first_name", "username")
    )
    return list(users)


def user_label(user) -> str:
    return user.get_full_name() or user.username


def outcome_choices():
    """Reply outcomes grouped by the report's merged group cells (those with their own action left out)."""
    grouped: dict[str, list] = {}
    for code, row in OUTCOMES.items():
        if code in DEDICATED_OUTCOMES:
            continue
        grouped.setdefault(row.group, []).append((code, Outcome(code).label))
    return [("", "——")] + [(str(GROUPS[group]), rows) for group, rows in grouped.items()]


# --- intake ------------------------------------------------------------------------------------------


class IntakeForm(forms.Form):
    """Counter intake: channel, dates per channel (DOMAIN §1.2), the applicant and the request."""

    channel = forms.ChoiceField(label=_("申请渠道"), choices=_blank(Channel.choices), required=False)
    submitted_on = _date(_("提交（寄出）日期"), help_text=_("当面提交：即收到申请之日。留空为今天。"))
    signed_on = _date(_("签收日期"), help_text=_("邮政寄送（签收）：签收之日为收到申请之日。"))
    confirmed_on = _date(
        _("双方确认收到日期"),
        help_text=_("平信、传真、电子邮件、网上申请：与申请人确认收到之日为收到申请之日；未确认的留空。"),
    )
    kind = forms.ChoiceField(label=_("申请人类型"), choices=_blank(ApplicantKind.choices), required=False)
    name = _text(_("姓名/名称"), max_length=200)
    contact_person = _text(_("联系人（法人或其他组织）"), max_length=100)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=_blank(IdType.choices), required=False)
    id_number = _text(_("证件号码"), max_length=40)
    phone = _text(_("联系电话"), max_length=40)
    email = _text(_("电子邮箱"), max_length=254)
    address = _text(_("通信地址"), max_length=400)
    postcode = _text(_("邮政编码"), max_length=12)
    description = _text(
        _("所需政府信息的描述"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("信息名称、文号或便于查询的其他特征。"),
    )
    info_title = _text(_("信息名称"), max_length=400)
    info_document_number = _text(_("文号"), max_length=200)
    delivery_form = forms.ChoiceField(
        label=_("获取信息的方式"), choices=_blank(DeliveryForm.choices), required=False
    )

    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=format_lazy(
            _("申请人随申请提交的材料（扫描件等），最多{max}个：PDF、Word、Excel、PNG、JPG。"),
            max=attachments.MAX_FILES,
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        problems = attachments.check_uploads(uploads)
        if problems:
            raise forms.ValidationError(problems)
        return uploads

    DATA_FIELDS = (
        "kind",
        "name",
        "contact_person",
        "id_type",
        "id_number",
        "phone",
        "email",
        "address",
        "postcode",
        "description",
        "info_title",
        "info_document_number",
        "delivery_form",
    )

    def data_for_action(self) -> dict:
        return {key: self.cleaned_data.get(key, "") for key in self.DATA_FIELDS}


# --- queue ------------------------------------------------------------------------------------------

FLAG_CHOICES = [
    ("", _("全部")),
    ("overdue", _("已超期")),
    ("due_soon", _("即将到期")),
    ("paused", _("暂停计时")),
    ("awaiting_confirmation", _("待确认收到")),
    ("unconfirmed_calendar", _("日历未确认")),
]


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部")), ("open", _("未办结"))] + list(Status.choices),
    )
    flag = forms.ChoiceField(label=_("期限"), required=False, choices=FLAG_CHOICES)
    handler = forms.ChoiceField(label=_("承办人"), required=False)
    organ = forms.ChoiceField(label=_("机关"), required=False)

    def __init__(self, *args, organs=(), handlers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].choices = [("", _("全部"))] + [(o.org_code, o.display_name) for o in organs]
        self.fields["handler"].choices = [("", _("全部")), ("me", _("我承办的")), ("none", _("未指定"))] + [
            (str(u.pk), user_label(u)) for u in handlers
        ]


# --- steps ------------------------------------------------------------------------------------------


class StepForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application


class OnForm(StepForm):
    on = _date(_("日期"), help_text=_("留空为今天。"))


class NoteOnForm(OnForm):
    note = _text(_("说明"), widget=TEXTAREA, max_length=2000)


class ConfirmReceiptForm(OnForm):
    on = _date(_("双方确认收到日期"), help_text=_("答复期限自次日起算；留空为今天。"))


class RequestCorrectionForm(StepForm):
    on = _date(_("告知补正日期"), help_text=_("留空为今天。"))
    respond_by = _date(_("申请人补正期限"), required=False)
    items = _text(_("需要补正的事项（一次性告知）"), widget=TEXTAREA, max_length=2000)


class ReceiveCorrectionForm(NoteOnForm):
    on = _date(_("收到补正申请日期"), help_text=_("答复期限自次日起重新计算；留空为今天。"))


class CloseLapsedForm(NoteOnForm):
    pass


class StartConsultationForm(StepForm):
    kind = forms.ChoiceField(
        label=_("征求意见类型"),
        required=False,
        choices=_blank([(k, v) for k, v in PauseKind.choices if k != PauseKind.FEE]),
    )
    party = _text(_("被征求意见的第三方或机关"), max_length=200)
    on = _date(_("发出征求意见日期"), help_text=_("留空为今天。"))


class EndConsultationForm(StepForm):
    kind = forms.ChoiceField(
        label=_("征求意见类型"),
        required=False,
        choices=_blank([(k, v) for k, v in PauseKind.choices if k != PauseKind.FEE]),
    )
    on = _date(_("收到意见（或期满）日期"), help_text=_("留空为今天。"))
    note = _text(_("意见摘要"), widget=TEXTAREA, max_length=2000)


class FeeNoticeForm(StepForm):
    basis = forms.ChoiceField(label=_("计收方式"), required=False, choices=_blank(FeeBasis.choices))
    pages = forms.IntegerField(label=_("页数（按量计收）"), required=False, min_value=1, max_value=1_000_000)
    on = _date(_("通知日期"), help_text=_("留空为今天。"))
    delivered_on = _date(_("申请人收到通知日期"), help_text=_("留空为通知日期。"))


class PaymentForm(StepForm):
    amount = forms.IntegerField(label=_("实缴金额（元）"), required=False, min_value=0)
    reference = _text(_("缴款凭证号"), max_length=60)
    on = _date(_("缴费日期"), help_text=_("留空为今天。"))


class FeeUnpaidForm(NoteOnForm):
    pass


class ExtendForm(StepForm):
    days = forms.IntegerField(label=_("延长工作日"), required=False, min_value=1, max_value=20)
    approver = forms.ChoiceField(label=_("批准人（政府信息公开工作机构负责人）"), required=False)
    reason = _text(_("延期理由"), widget=TEXTAREA, max_length=2000)
    approved_on = _date(_("批准日期"), help_text=_("留空为今天。"))
    notified_on = _date(_("告知申请人日期"), help_text=_("尚未告知的留空，告知后另行记录。"))

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, application=application, **kwargs)
        approvers = staff_with_role(application.organ, [Role.ORGAN_ADMIN]) if application else []
        self.fields["approver"].choices = _blank((str(u.pk), user_label(u)) for u in approvers)

    def clean_approver(self):
        value = self.cleaned_data.get("approver")
        return get_user_model().objects.filter(pk=value).first() if value else None


class ExtensionNoticeForm(OnForm):
    on = _date(_("告知申请人延期日期"), help_text=_("留空为今天。"))


class TransferForm(StepForm):
    to_organ = forms.ChoiceField(label=_("转至机关"), required=False)
    note = _text(_("转办理由"), widget=TEXTAREA, max_length=2000)
    on = _date(_("转办日期"), help_text=_("留空为今天。"))

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, application=application, **kwargs)
        organs = Organ.objects.order_by("path")
        if application is not None:
            organs = organs.exclude(pk=application.organ_id)
        self.fields["to_organ"].choices = _blank((str(o.pk), o.name) for o in organs)

    def clean_to_organ(self):
        value = self.cleaned_data.get("to_organ")
        return Organ.objects.filter(pk=value).first() if value else None


class AssignForm(StepForm):
    handler = forms.ChoiceField(label=_("承办人"), required=False)

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, application=application, **kwargs)
        handlers = staff_with_role(application.organ, [Role.APPLICATION_HANDLER]) if application else []
        self.fields["handler"].choices = [("", _("（不指定）"))] + [
            (str(u.pk), user_label(u)) for u in handlers
        ]

    def clean_handler(self):
        value = self.cleaned_data.get("handler")
        return get_user_model().objects.filter(pk=value).first() if value else None


class ReplyForm(StepForm):
    outcome = forms.ChoiceField(label=_("办理结果"), required=False, choices=outcome_choices)
    on = _date(_("答复日期"), help_text=_("留空为今天。"))
    reasons = _text(
        _("理由（写入告知书）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("不予公开、部分公开的，须说明理由。"),
    )
    obtain = _text(
        _("获取信息的地点和方式（写入告知书）"),
        widget=TEXTAREA,
        max_length=5000,
        help_text=_("留空则按申请人选择的获取方式和本机关地址生成。"),
    )
    note = _text(_("内部备注（不写入告知书）"), widget=TEXTAREA, max_length=2000)
    make_letter = forms.BooleanField(label=_("同时生成告知书（DOCX 和 PDF）"), required=False, initial=True)


class WithdrawForm(NoteOnForm):
    on = _date(_("撤回日期"), help_text=_("留空为今天。"))


class LetterForm(forms.Form):
    reasons = ReplyForm.base_fields["reasons"]
    obtain = ReplyForm.base_fields["obtain"]


class LetterDeliveryForm(forms.Form):
    on = _date(_("送达日期"), help_text=_("申请人收到告知书之日；留空为今天。"))


class AttachmentUploadForm(forms.Form):
    """Files added to an open application after registration (the applicant's later submissions)."""

    attachments = IntakeForm.base_fields["attachments"]

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        if not uploads:
            raise forms.ValidationError(_("请选择要上传的文件。"))
        already = self.application.attachments.count() if self.application is not None else 0
        problems = attachments.check_uploads(uploads, already=already)
        if problems:
            raise forms.ValidationError(problems)
        return uploads


class LetterTemplateForm(forms.Form):
    title = _text(_("标题"), max_length=200)
    body = _text(_("正文"), widget=forms.Textarea(attrs={"rows": 16, "class": "wide"}), max_length=6000)
