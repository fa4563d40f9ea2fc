"""Staff forms. They parse and present; the action functions validate the content and write it, and their
ValidationErrors are attached back to these forms (views/common.py: add_action_errors)."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.catalog.actions import CONTENT_FIELDS
from gongkai.catalog.category_templates import TEMPLATES
from gongkai.catalog.models import Category, DisclosureMode, Record, RecordStatus, Validity
from gongkai.organs.models import Role

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})
DATE_FIELDS = ("written_on", "effective_on", "expires_on", "repealed_on")


def category_choices(organ, keep=()):
    """The organ's category tree as (pk, label) pairs, parents followed by their children.

    Inactive categories are left out unless listed in `keep` (a record already filed there)."""
    keep = {int(pk) for pk in keep}
    categories = [c for c in Category.objects.filter(organ=organ) if c.is_active or c.pk in keep]
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    choices = []
    for top in children.get(None, []):
        choices.append((str(top.pk), top.name))
        for child in children.get(top.pk, []):
            choices.append((str(child.pk), f"{top.name} › {child.name}"))
    return choices


class RecordForm(forms.Form):
    """All content fields of a record, its categories and related records.

    Required-ness and shapes (title, dates, 文号, summary length) are checked by the action, so that
    the API and the backoffice give the same messages."""

    title = forms.CharField(
        label=gettext_lazy("标题"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"aria-required": "true", "class": "wide"}),
    )
    document_number = forms.CharField(
        label=gettext_lazy("文号"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("形如“长开政发〔2016〕12号”；没有文号的信息留空。"),
    )
    issuing_organ = forms.CharField(
        label=gettext_lazy("发布机构"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("留空则为本机关名称。"),
    )
    written_on = forms.CharField(
        label=gettext_lazy("成文日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "aria-required": "true"}),
    )
    subject_terms = forms.CharField(label=gettext_lazy("主题词"), required=False, max_length=200)
    topic = forms.CharField(
        label=gettext_lazy("主题分类"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("如：综合政务\\政务公开"),
    )
    summary = forms.CharField(
        label=gettext_lazy("内容概述"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "wide"}),
        help_text=gettext_lazy("不超过100个字。"),
    )
    body = forms.CharField(
        label=gettext_lazy("正文（HTML）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "wide code"}),
        help_text=gettext_lazy("可用段落、标题、列表、表格、链接等；脚本和样式会被自动清除。"),
    )
    validity = forms.ChoiceField(label=gettext_lazy("有效性"), choices=Validity.choices)
    effective_on = forms.CharField(label=gettext_lazy("生效日期"), required=False, widget=DATE_WIDGET)
    expires_on = forms.CharField(label=gettext_lazy("失效日期"), required=False, widget=DATE_WIDGET)
    repealed_on = forms.CharField(label=gettext_lazy("废止日期"), required=False, widget=DATE_WIDGET)
    disclosure_mode = forms.ChoiceField(label=gettext_lazy("公开方式"), choices=DisclosureMode.choices)
    source = forms.CharField(label=gettext_lazy("来源"), required=False, max_length=100)
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("公开目录分类"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("可选多个。"),
    )
    related = forms.CharField(
        label=gettext_lazy("相关文档"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "wide"}),
        help_text=gettext_lazy("本机关已发布信息的索引号或标题，每行一个。"),
    )

    def __init__(self, *args, organ, record: Record | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organ = organ
        self.record = record
        keep = record.categories.values_list("pk", flat=True) if record is not None else ()
        self.fields["categories"].choices = category_choices(organ, keep)

    @classmethod
    def initial_for(cls, record: Record) -> dict:
        initial = {}
        for field in CONTENT_FIELDS:
            value = getattr(record, field)
            initial[field] = value.isoformat() if field in DATE_FIELDS and value else value
        initial["categories"] = [str(pk) for pk in record.categories.values_list("pk", flat=True)]
        initial["related"] = "\n".join(
            r.index_number or r.title for r in record.related.order_by("-published_at")
        )
        return initial

    def clean_related(self):
        lines = [line.strip() for line in re.split(r"[\n\r]+", self.cleaned_data["related"] or "")]
        lines = [line for line in lines if line]
        if not lines:
            return []
        candidates = Record.objects.filter(organ=self.organ, status=RecordStatus.PUBLISHED)
        if self.record is not None:
            candidates = candidates.exclude(pk=self.record.pk)
        by_index = {r.index_number: r for r in candidates.filter(index_number__in=lines)}
        found, errors = [], []
        for line in lines:
            if line in by_index:
                found.append(by_index[line])
                continue
            matches = list(candidates.filter(title=line)[:2]) or list(
                candidates.filter(title__contains=line)[:2]
            )
            if len(matches) == 1:
                found.append(matches[0])
            elif matches:
                errors.append(_("“%(q)s”对应多条已发布信息，请改用索引号。") % {"q": line})
            else:
                errors.append(_("未找到索引号或标题为“%(q)s”的本机关已发布信息。") % {"q": line})
        if errors:
            raise forms.ValidationError(errors)
        return list({r.pk: r for r in found}.values())

    def clean_categories(self):
        pks = [int(pk) for pk in self.cleaned_data["categories"]]
        return list(Category.objects.filter(organ=self.organ, pk__in=pks))

    def content(self) -> dict:
        """The content fields as the action expects them (dates stay strings, parsed by the action; empty is None)."""
        data = {field: self.cleaned_data.get(field, "") for field in CONTENT_FIELDS}
        for field in DATE_FIELDS:
            data[field] = (data[field] or "").strip() or None
        return data


class EditRecordForm(RecordForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("理由"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=gettext_lazy("定时发布时间"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"invalid": gettext_lazy("定时发布时间格式不正确。")},
    )

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("定时发布时间须晚于当前时间。"))
        return value


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label=gettext_lazy("有效性"), choices=Validity.choices)
    on = forms.DateField(
        label=gettext_lazy("日期"),
        input_formats=["%Y-%m-%d"],
        widget=DATE_WIDGET,
        error_messages={
            "invalid": gettext_lazy("日期格式应为 YYYY-MM-DD。"),
            "required": gettext_lazy("请填写日期。"),
        },
    )
    note = forms.CharField(label=gettext_lazy("说明"), required=False, max_length=500)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("选择文件"),
        error_messages={"required": gettext_lazy("请选择要上传的文件。")},
        help_text=gettext_lazy("PDF、DOCX、XLSX、DOC、XLS 或图片。"),
    )


class RecordFilterForm(forms.Form):
    organ = forms.ChoiceField(label=gettext_lazy("机关"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("状态"), required=False)
    category = forms.ChoiceField(label=gettext_lazy("分类"), required=False)
    q = forms.CharField(label=gettext_lazy("标题含"), required=False, max_length=100)

    def __init__(self, *args, organs, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].choices = [("", _("全部机关"))] + [(o.org_code, o.display_name) for o in organs]
        self.fields["status"].choices = [("", _("全部状态")), *RecordStatus.choices]
        self.fields["category"].choices = [("", _("全部分类"))] + [
            (str(pk), label) for pk, label in categories
        ]


class OrganSettingsForm(forms.Form):
    office_name = forms.CharField(label=gettext_lazy("政府信息公开工作机构"), required=False, max_length=100)
    office_address = forms.CharField(label=gettext_lazy("办公地址"), required=False, max_length=200)
    office_hours = forms.CharField(label=gettext_lazy("办公时间"), required=False, max_length=200)
    office_phone = forms.CharField(label=gettext_lazy("联系电话"), required=False, max_length=60)
    office_fax = forms.CharField(label=gettext_lazy("传真"), required=False, max_length=60)
    office_email = forms.CharField(label=gettext_lazy("电子邮箱"), required=False, max_length=254)
    office_postcode = forms.CharField(label=gettext_lazy("邮政编码"), required=False, max_length=6)
    website = forms.CharField(label=gettext_lazy("网站"), required=False, max_length=200)
    disclosure_rules = forms.CharField(
        label=gettext_lazy("政府信息公开制度（HTML）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "class": "wide code"}),
    )
    index_number_template = forms.CharField(
        label=gettext_lazy("索引号规则"),
        max_length=100,
        help_text=gettext_lazy(
            "可用变量：{org_code} 机构代码，{year} 年份，{month} 月份，{seq} 年度流水号（如 {seq:05d}）"
        ),
        error_messages={"required": gettext_lazy("请填写索引号规则。")},
    )

    @classmethod
    def initial_for(cls, organ) -> dict:
        return {name: getattr(organ, name) for name in cls.base_fields}


class CategoryCreateForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("名称"), max_length=60, required=False)
    slug = forms.CharField(
        label=gettext_lazy("代号"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("小写字母、数字或连字符，用于网址，如 tzgg。"),
    )
    parent = forms.ChoiceField(label=gettext_lazy("上级分类"), required=False)
    description = forms.CharField(label=gettext_lazy("说明"), max_length=200, required=False)

    def __init__(self, *args, organ, **kwargs):
        super().__init__(*args, **kwargs)
        self.organ = organ
        tops = Category.objects.filter(organ=organ, parent=None)
        self.fields["parent"].choices = [("", _("（顶级分类）"))] + [(str(c.pk), c.name) for c in tops]

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        return Category.objects.get(organ=self.organ, pk=int(pk)) if pk else None


class CategoryUpdateForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("名称"), max_length=60, required=False)
    description = forms.CharField(label=gettext_lazy("说明"), max_length=200, required=False)
    position = forms.IntegerField(
        label=gettext_lazy("排序"),
        min_value=0,
        error_messages={"invalid": gettext_lazy("排序应为非负整数。")},
    )
    is_active = forms.BooleanField(label=gettext_lazy("启用"), required=False)
    parent = forms.ChoiceField(label=gettext_lazy("上级分类"), required=False)

    def __init__(self, *args, category, **kwargs):
        super().__init__(*args, **kwargs)
        self.category = category
        tops = Category.objects.filter(organ=category.organ, parent=None).exclude(pk=category.pk)
        self.fields["parent"].choices = [("", _("（顶级分类）"))] + [(str(c.pk), c.name) for c in tops]

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        return Category.objects.get(organ=self.category.organ, pk=int(pk)) if pk else None


class CategoryTemplateForm(forms.Form):
    template = forms.ChoiceField(
        label=gettext_lazy("目录模板"), choices=[(key, label) for key, (label, _tree) in TEMPLATES.items()]
    )


class GrantRoleForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("用户名"),
        max_length=150,
        error_messages={"required": gettext_lazy("请填写用户名。")},
    )
    role = forms.ChoiceField(label=gettext_lazy("角色"), choices=Role.choices)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("没有用户名为“%(u)s”的有效账号。账号由系统管理员创建。") % {"u": username}
            )
        return user


class RevokeRoleForm(forms.Form):
    username = forms.CharField(max_length=150)
    role = forms.ChoiceField(choices=Role.choices)

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"]).first()
        if user is None:
            raise forms.ValidationError(_("没有这个用户。"))
        return user
