"""The public forms of 依申请公开: the online application form (政府信息公开申请表, 条例 art 29) and the
status lookup (tracking code + the last 4 digits of the phone).

The application form checks only what the core does not (consent, the contact person of an organisation)
and then runs the core's own validation (`intake.clean_applicant` / `clean_request`), so that every
message — the core's included — is shown beside its field in one round trip. Field names are the core's
data keys, except that an organisation's code is asked in its own field (`uscc`).
"""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gongkai.applications import attachments, intake
from gongkai.applications.models import PERSON_ID_TYPES, ApplicantKind, DeliveryForm, IdType

# The field of this form that shows each message of the core, by the core's key. `id_number` and `id_type`
# depend on the applicant's kind (see ApplicationForm.core_field).
CORE_FIELDS = {
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
    attachments.FIELD,
}

PIPL_NOTICE = _(
    "个人信息处理告知：本机关依据《中华人民共和国政府信息公开条例》第二十九条和《中华人民共和国个人信息保护法》"
    "第十三条，收集您在本表中填写的姓名或名称、证件号码、联系方式和通信地址，仅用于核实申请人身份、办理本申请、"
    "向您送达告知书和答复，以及依法统计（统计不含个人信息）。证件号码加密保存，办理人员查看完整号码时留有记录；"
    "您的个人信息不会在网站公开，不会用于其他目的，保存期限届满后依规定删除。您可以通过办理机关查阅、更正您的"
    "个人信息。"
)


class UnechoedInput(forms.TextInput):
    """A text input that never writes the submitted value back into the page (ID numbers)."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


def _text(**attrs):
    return forms.TextInput(attrs=attrs)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field: cleans to a list of uploads ([] when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)  # attachments.check_uploads names the empty file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


ACCEPT = ",".join(f".{ext}" for ext in attachments.APPLICATION_TYPES)


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("申请人类型"),
        choices=ApplicantKind.choices,
        initial=ApplicantKind.PERSON,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "法人或其他组织请选择所属类别：商业企业、科研机构、社会公益组织、法律服务机构或其他组织。"
        ),
    )
    name = forms.CharField(
        label=_("姓名或名称"),
        required=False,
        strip=True,
        help_text=_("自然人填写姓名；法人或其他组织填写名称（与证件一致）。"),
        widget=_text(autocomplete="name"),
    )
    id_type = forms.ChoiceField(
        label=_("证件类型"),
        choices=[(value, IdType(value).label) for value in PERSON_ID_TYPES],
        initial=IdType.RESIDENT_ID,
        required=False,
    )
    id_number = forms.CharField(
        label=_("证件号码"),
        required=False,
        help_text=_("居民身份证号码为18位，最后一位可以是X。为保护个人信息，提交未成功时需要重新填写。"),
        widget=UnechoedInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    uscc = forms.CharField(
        label=_("统一社会信用代码"),
        required=False,
        help_text=_("18位，见营业执照或登记证书。"),
        widget=_text(autocomplete="off", spellcheck="false"),
    )
    contact_person = forms.CharField(
        label=_("联系人姓名"),
        required=False,
        help_text=_("法人或其他组织必填：负责本申请的联系人。"),
    )
    phone = forms.CharField(
        label=_("联系电话"),
        required=False,
        help_text=_("手机或固定电话。查询办理进度时需要输入电话号码的后4位。"),
        widget=_text(autocomplete="tel", inputmode="tel"),
    )
    email = forms.CharField(
        label=_("电子邮箱"),
        required=False,
        help_text=_("选择以电子邮件获取信息时必填。"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(
        label=_("通信地址"),
        required=False,
        help_text=_("选择邮寄纸质文本时必填。"),
        widget=_text(autocomplete="street-address"),
    )
    postcode = forms.CharField(
        label=_("邮政编码"),
        required=False,
        widget=_text(autocomplete="postal-code", inputmode="numeric"),
    )
    info_title = forms.CharField(
        label=_("信息名称"), required=False, help_text=_("如知道，请填写文件或信息的名称。")
    )
    info_document_number = forms.CharField(
        label=_("文号"), required=False, help_text=_("如知道，请填写，例如：东风路街发〔2025〕3号。")
    )
    description = forms.CharField(
        label=_("所需政府信息的描述"),
        required=False,
        strip=True,
        help_text=format_lazy(
            _(
                "请写明所需信息的名称、文号或者便于查询的其他特征（如形成时间、涉及的项目或地点），"
                "不超过{max}个字。无需说明申请用途。"
            ),
            max=intake.DESCRIPTION_MAX,
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    delivery_form = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=DeliveryForm.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("信息的提供形式和获取途径，如邮寄纸质文本、当面领取、电子邮件或光盘。"),
    )
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(
        label=_("我已阅读上述个人信息处理告知，同意本机关按此处理我填写的个人信息。"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = format_lazy(
            _(
                "可选。可上传有助于说明所需信息的材料，最多{max}个文件，每个不超过{mb} MB；"
                "类型：PDF、Word（doc、docx）、Excel（xls、xlsx）、PNG、JPG。提交未成功时需要重新选择文件。"
            ),
            max=attachments.MAX_FILES,
            mb=settings.ATTACHMENT_MAX_MB,
        )

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        problems = attachments.check_uploads(uploads)
        if problems:
            raise forms.ValidationError(problems)
        return uploads

    def is_org(self) -> bool:
        return self.cleaned_data.get("kind", "") not in ("", ApplicantKind.PERSON)

    def clean(self):
        data = super().clean()
        if not data.get("consent"):
            self.add_error("consent", _("请阅读个人信息处理告知并勾选同意，否则无法在线提交申请。"))
        if self.is_org() and not (data.get("contact_person") or "").strip():
            self.add_error("contact_person", _("法人或其他组织申请的，请填写联系人姓名。"))
        description = data.get("description") or ""
        if len(description) > intake.DESCRIPTION_MAX:
            self.add_error(
                "description",
                _(
                    "信息描述不能超过%(max)d个字（当前%(n)d个字）。内容较多时请分成几件申请，"
                    "或者把详细清单作为附件上传。"
                )
                % {"max": intake.DESCRIPTION_MAX, "n": len(description)},
            )
        if data.get("delivery_form") == DeliveryForm.EMAIL and not (data.get("email") or "").strip():
            self.add_error("email", _("选择以电子邮件获取信息的，请填写电子邮箱。"))
        if data.get("delivery_form") == DeliveryForm.PAPER_MAIL and not (data.get("address") or "").strip():
            self.add_error("address", _("选择邮寄纸质文本的，请填写通信地址。"))
        return data

    def core_data(self) -> dict:
        """The data for `actions.do_register_application`, keyed as `intake.clean_applicant`/`clean_request`."""
        data = self.cleaned_data
        org = self.is_org()
        return {
            "kind": data.get("kind", ""),
            "name": data.get("name", ""),
            "contact_person": data.get("contact_person", "") if org else "",
            "id_type": IdType.USCC if org else data.get("id_type") or IdType.RESIDENT_ID,
            "id_number": data.get("uscc", "") if org else data.get("id_number", ""),
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            "address": data.get("address", ""),
            "postcode": data.get("postcode", ""),
            "description": data.get("description", ""),
            "info_title": data.get("info_title", ""),
            "info_document_number": data.get("info_document_number", ""),
            "delivery_form": data.get("delivery_form", ""),
        }

    def core_field(self, key: str) -> str | None:
        """The field of this form that shows the core's messages for `key` (None: a form-wide message)."""
        if self.is_org() and key in ("id_number", "id_type"):
            return "uscc"
        return key if key in CORE_FIELDS else None

    def add_core_errors(self, errors: dict) -> None:
        """Add the core's messages ({key: [message, …]}) beside their fields; a field that already shows
        a message of this form keeps only that one (no two messages saying the same thing)."""
        for key, messages in errors.items():
            field = self.core_field(key)
            if field is not None and field in self.errors:
                continue
            for message in messages:
                self.add_error(field, message)

    def validate_with_core(self) -> bool:
        """This form's checks and the core's, all messages collected; True when there are none."""
        self.is_valid()
        if not hasattr(self, "cleaned_data"):
            return False
        errors: dict[str, list[str]] = {}
        data = self.core_data()
        intake.clean_applicant(data, errors)
        intake.clean_request(data, errors)
        self.add_core_errors(errors)
        return not self.errors

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor id, message) for the error summary, in the order of the fields on the page."""
        links = [("apply-form", str(message)) for message in self.non_field_errors()]
        for name in self.fields:
            if name in self.errors:
                bound = self[name]
                anchor = (
                    f"{bound.auto_id}_0"
                    if isinstance(bound.field.widget, forms.RadioSelect)
                    else bound.auto_id
                )
                links.extend((anchor, str(message)) for message in self.errors[name])
        return links


class StatusLookupForm(forms.Form):
    tracking_code = forms.CharField(
        label=_("查询码"),
        max_length=40,
        help_text=_("提交申请后页面和回执上显示的查询码，如 GK-2025-ABCD-EFGH。"),
        error_messages={"required": _("请填写查询码。")},
        widget=_text(autocomplete="off", spellcheck="false", autocapitalize="characters"),
    )
    last4 = forms.RegexField(
        label=_("联系电话后4位"),
        regex=r"^\d{4}$",
        help_text=_("申请时所填联系电话的最后4位数字。"),
        error_messages={"required": _("请填写联系电话的后4位。"), "invalid": _("请填写4位数字。")},
        widget=UnechoedInput(attrs={"autocomplete": "off", "inputmode": "numeric", "maxlength": "4"}),
    )
