"""The catalog: Category tree per organ, Record (政府信息), Attachment, RecordEvent, RecordRevision."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core import clock
from gongkai.organs.models import Organ


class Category(models.Model):
    organ = models.ForeignKey(Organ, on_delete=models.CASCADE, related_name="categories")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("上级分类"),
    )
    name = models.CharField(_("名称"), max_length=60)
    slug = models.SlugField(_("代号"), max_length=40, allow_unicode=False)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["organ", "slug"], name="category_unique_slug")]
        verbose_name = _("公开目录分类")
        verbose_name_plural = _("公开目录分类")

    def __str__(self):
        return self.name

    @property
    def full_name(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审查")
    RETURNED = "returned", _("已退回")
    APPROVED = "approved", _("审查通过")
    SCHEDULED = "scheduled", _("定时发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class DisclosureMode(models.TextChoices):
    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


class Record(models.Model):
    """A piece of government information (政府信息) in the catalog."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organ = models.ForeignKey(
        Organ, on_delete=models.PROTECT, related_name="records", verbose_name=_("公开主体")
    )
    categories = models.ManyToManyField(Category, related_name="records", verbose_name=_("公开目录分类"))
    status = models.CharField(
        _("状态"), max_length=16, choices=RecordStatus.choices, default=RecordStatus.DRAFT
    )
    # Optimistic lock: every content edit increments it; an edit based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    title = models.CharField(_("标题"), max_length=200)
    index_number = models.CharField(_("索引号"), max_length=60, null=True, blank=True, editable=False)
    index_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    index_seq = models.PositiveIntegerField(null=True, blank=True, editable=False)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    issuing_organ = models.CharField(_("发布机构"), max_length=100)
    written_on = models.DateField(_("成文日期"))
    published_at = models.DateTimeField(_("发布日期"), null=True, blank=True)
    publish_at = models.DateTimeField(_("定时发布时间"), null=True, blank=True)
    subject_terms = models.CharField(_("主题词"), max_length=200, blank=True)
    topic = models.CharField(_("主题分类"), max_length=100, blank=True, help_text=_("如：综合政务\\政务公开"))
    summary = models.CharField(_("内容概述"), max_length=100, blank=True)
    body = models.TextField(_("正文"), blank=True)
    validity = models.CharField(_("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID)
    effective_on = models.DateField(_("生效日期"), null=True, blank=True)
    expires_on = models.DateField(_("失效日期"), null=True, blank=True)
    repealed_on = models.DateField(_("废止日期"), null=True, blank=True)
    disclosure_mode = models.CharField(
        _("公开方式"), max_length=12, choices=DisclosureMode.choices, default=DisclosureMode.PROACTIVE
    )
    source = models.CharField(_("来源"), max_length=100, blank=True)
    related = models.ManyToManyField("self", blank=True, verbose_name=_("相关文档"))

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organ", "index_number"], name="record_unique_index_number"),
            models.UniqueConstraint(
                fields=["organ", "index_year", "index_seq"], name="record_unique_index_seq"
            ),
        ]
        indexes = [models.Index(fields=["organ", "status", "-published_at"], name="record_listing")]
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == RecordStatus.PUBLISHED and self.disclosure_mode == DisclosureMode.PROACTIVE


class IndexCounter(models.Model):
    """Last 索引号 serial handed out per organ and year; locked row by row while publishing."""

    organ = models.ForeignKey(Organ, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_seq = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organ", "year"], name="index_counter_unique")]

    def __str__(self):
        return f"{self.organ_id}/{self.year}: {self.last_seq}"


class Attachment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    position = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.filename

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].lower() if "." in self.filename else ""


class RecordEvent(models.Model):
    """Append-only log of everything that happened to a record: the audit trail and the timeline."""

    class Kind(models.TextChoices):
        CREATED = "created", _("创建草稿")
        EDITED = "edited", _("修改")
        SUBMITTED = "submitted", _("提交审查")
        APPROVED = "approved", _("保密审查通过")
        RETURNED = "returned", _("退回修改")
        SCHEDULED = "scheduled", _("设置定时发布")
        PUBLISHED = "published", _("发布")
        WITHDRAWN = "withdrawn", _("撤回")
        REOPENED = "reopened", _("重新编辑")
        VALIDITY_CHANGED = "validity_changed", _("变更有效性")
        ATTACHMENT_ADDED = "attachment_added", _("添加附件")
        ATTACHMENT_REMOVED = "attachment_removed", _("删除附件")

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=clock.now)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class RecordRevision(models.Model):
    """A snapshot of the content after each save; diffs between consecutive revisions are shown to staff."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    content = models.JSONField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="revision_unique_number")]

    def __str__(self):
        return f"{self.record_id} r{self.number}"
