"""依申请公开: Application, its Applicant (personal data, ID number encrypted), the append-only
ApplicationEvent log (audit trail, timeline and clock events) and FeeNotice (信息处理费).

Rows are written by `gongkai.applications.actions` only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.applications.fees import FeeBasis
from gongkai.applications.outcomes import Outcome
from gongkai.applications.rules import RULE_SETS
from gongkai.core import clock
from gongkai.organs.models import Organ


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("当面提交")
    SIGNED_MAIL = "signed_mail", _("邮政寄送（签收）")
    ORDINARY_MAIL = "ordinary_mail", _("邮政寄送（平信）")
    ONLINE = "online", _("网上申请")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


class Status(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("待确认收到")
    IN_PROGRESS = "in_progress", _("办理中")
    AWAITING_CORRECTION = "awaiting_correction", _("待补正")
    PAUSED = "paused", _("暂停计时")
    CLOSED = "closed", _("已办结")


OPEN_STATES = (Status.AWAITING_CONFIRMATION, Status.IN_PROGRESS, Status.AWAITING_CORRECTION, Status.PAUSED)


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    NONPROFIT = "nonprofit", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他组织")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGN_PERMANENT = "foreign_permanent", _("外国人永久居留身份证")
    USCC = "uscc", _("统一社会信用代码")
    OTHER = "other", _("其他证件")


PERSON_ID_TYPES = (
    IdType.RESIDENT_ID,
    IdType.PASSPORT,
    IdType.HK_MACAO,
    IdType.TAIWAN,
    IdType.FOREIGN_PERMANENT,
    IdType.OTHER,
)
ORG_ID_TYPES = (IdType.USCC,)


class DeliveryForm(models.TextChoices):
    PAPER_MAIL = "paper_mail", _("纸质文本（邮寄）")
    PAPER_ONSITE = "paper_onsite", _("纸质文本（当面领取）")
    EMAIL = "email", _("电子邮件")
    DISC = "disc", _("光盘等存储介质")
    FAX = "fax", _("传真")
    OTHER = "other", _("其他")


class PauseKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("征求第三方意见")
    OTHER_AGENCY = "other_agency", _("征求其他机关意见")
    FEE = "fee", _("待缴纳信息处理费")


class Applicant(models.Model):
    """申请人. The ID number is stored encrypted, masked and as a keyed hash (for repeat detection) only."""

    kind = models.CharField(_("申请人类型"), max_length=16, choices=ApplicantKind.choices)
    name = models.CharField(_("姓名/名称"), max_length=100)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices)
    id_number_encrypted = models.TextField(_("证件号码（加密）"), blank=True)
    id_number_masked = models.CharField(_("证件号码"), max_length=40, blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, db_index=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("申请人")
        verbose_name_plural = _("申请人")

    def __str__(self):
        return self.name or _("（已删除）")

    @property
    def is_person(self) -> bool:
        return self.kind == ApplicantKind.PERSON


class Application(models.Model):
    """政府信息公开申请: the facts the annual report is computed from, and the stored clock."""

    tracking_code = models.CharField(_("查询码"), max_length=20, unique=True)
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="applications")
    applicant = models.OneToOneField(Applicant, on_delete=models.PROTECT, related_name="application")
    channel = models.CharField(_("申请渠道"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("状态"), max_length=24, choices=Status.choices, db_index=True)
    rules = models.CharField(
        _("适用条例"), max_length=4, choices=[(r.code, r.label) for r in RULE_SETS.values()], default="2019"
    )
    submitted_on = models.DateField(_("提交日期"))
    received_on = models.DateField(_("收到申请日期"), null=True, blank=True)
    # What is asked for (art 29 ¶2(2)): name, 文号 or other features of the information.
    description = models.TextField(_("所需政府信息的描述"))
    info_title = models.CharField(_("信息名称"), max_length=200, blank=True)
    info_document_number = models.CharField(_("文号"), max_length=100, blank=True)
    delivery_form = models.CharField(_("获取信息的方式"), max_length=16, choices=DeliveryForm.choices)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_applications",
        verbose_name=_("承办人"),
    )
    # The stored clock (recomputable from the clock events; see clock.py).
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    calendar_confirmed = models.BooleanField(_("期限所在年度日历已确认"), default=True)
    paused_days = models.PositiveIntegerField(_("不计算在内的工作日"), default=0)
    # 补正 (art 30)
    correction_notice_due_on = models.DateField(_("补正告知期限"), null=True, blank=True)
    correction_requested_on = models.DateField(_("补正告知日期"), null=True, blank=True)
    correction_notice_late = models.BooleanField(_("补正告知逾期"), default=False)
    correction_due_on = models.DateField(_("申请人补正期限"), null=True, blank=True)
    # 延期答复 (art 33)
    extension_days = models.PositiveIntegerField(_("延期工作日"), default=0)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("延期批准人"),
    )
    extension_approved_on = models.DateField(_("延期批准日期"), null=True, blank=True)
    extension_notified_on = models.DateField(_("延期告知申请人日期"), null=True, blank=True)
    # Outcome
    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    # Possible repeat application (flag for the clerk, not a refusal).
    repeat_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("疑似重复")
    )
    repeat_similarity = models.FloatField(null=True, blank=True)
    # Bookkeeping of `check-deadlines`.
    overdue_marked_on = models.DateField(null=True, blank=True)
    reminded_for_due_on = models.DateField(null=True, blank=True)
    # Optimistic lock: every action increments it.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        indexes = [models.Index(fields=["status", "due_on"], name="application_status_due")]

    def __str__(self):
        return self.tracking_code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


class ApplicationEvent(models.Model):
    """Append-only log: audit trail, timeline, and the clock events the due date is recomputed from."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("登记申请")
        STARTED = "started", _("确认收到申请")
        CORRECTION_REQUESTED = "correction_requested", _("告知补正")
        RESTARTED = "restarted", _("收到补正后的申请")
        PAUSED = "paused", _("暂停计时")
        RESUMED = "resumed", _("恢复计时")
        EXTENDED = "extended", _("延期答复")
        EXTENSION_NOTIFIED = "extension_notified", _("告知申请人延期")
        FEE_NOTICE = "fee_notice", _("发出收费通知")
        FEE_PAID = "fee_paid", _("缴纳信息处理费")
        TRANSFERRED = "transferred", _("转办")
        ASSIGNED = "assigned", _("指定承办人")
        REPLIED = "replied", _("答复")
        CLOSED = "closed", _("终止办理")
        WITHDRAWN = "withdrawn", _("申请人撤回申请")
        DUE_RECOMPUTED = "due_recomputed", _("重新计算答复期限")
        OVERDUE = "overdue", _("超过答复期限")
        REMINDER_SENT = "reminder_sent", _("发送到期提醒")
        PII_REVEALED = "pii_revealed", _("查看完整证件号码")
        PII_PURGED = "pii_purged", _("删除申请人个人信息")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    # The legal date of the step (receipt, notice, answer…); `at` is when it was recorded.
    on = models.DateField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=clock.now)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.get_kind_display()} {self.on or self.at:%Y-%m-%d}"


class FeeNotice(models.Model):
    """收费通知: one basis, the printed breakdown, the payment window, and the payment."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fee_notices")
    basis = models.CharField(_("计收方式"), max_length=10, choices=FeeBasis.choices)
    quantity = models.PositiveIntegerField(_("件数/页数"))
    previous_items = models.PositiveIntegerField(_("本月此前件数"), default=0)
    amount = models.PositiveIntegerField(_("金额（元）"))
    breakdown = models.JSONField(default=dict)
    issued_on = models.DateField(_("通知日期"))
    delivered_on = models.DateField(_("申请人收到通知日期"))
    payment_due_on = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    paid_amount = models.PositiveIntegerField(_("实缴金额（元）"), null=True, blank=True)
    payment_reference = models.CharField(_("缴款凭证号"), max_length=60, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["issued_on", "pk"]
        verbose_name = _("收费通知")
        verbose_name_plural = _("收费通知")

    def __str__(self):
        return f"{self.application} {self.amount}元"


class LetterTemplate(models.Model):
    """告知书 template for one outcome code: an organ's own wording, or (organ empty) a system-wide override
    of the default shipped in `letter_templates.py`. The body uses `{占位符}` placeholders only (see
    `letters.PLACEHOLDERS`); it is never run as a Django template."""

    organ = models.ForeignKey(
        Organ, null=True, blank=True, on_delete=models.CASCADE, related_name="letter_templates"
    )
    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["organ_id", "outcome"]
        verbose_name = _("告知书模板")
        verbose_name_plural = _("告知书模板")
        constraints = [
            models.UniqueConstraint(fields=["organ", "outcome"], name="letter_template_organ_outcome"),
            models.UniqueConstraint(
                fields=["outcome"],
                condition=models.Q(organ__isnull=True),
                name="letter_template_global_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.organ or _('全局')} · {self.get_outcome_display()}"


class ReplyLetter(models.Model):
    """告知书 generated for a closed application: the rendered text, DOCX and PDF stored content-addressed
    (MEDIA_ROOT/blobs, SHA-256 in the row), and the delivery (送达) that makes it visible to the applicant."""

    uuid = models.UUIDField(unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices)
    template_source = models.CharField(_("模板来源"), max_length=10)  # default / global / organ
    title = models.CharField(_("标题"), max_length=100)
    text = models.TextField(_("正文"))
    reasons = models.TextField(_("理由"), blank=True)
    obtain = models.TextField(_("获取信息的方式"), blank=True)
    docx_sha256 = models.CharField(max_length=64)
    docx_size = models.PositiveIntegerField()
    pdf_sha256 = models.CharField(max_length=64)
    pdf_size = models.PositiveIntegerField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    generated_at = models.DateTimeField(default=clock.now)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visible_to_applicant = models.BooleanField(_("申请人可查看"), default=False)

    class Meta:
        ordering = ["generated_at", "pk"]
        verbose_name = _("告知书")
        verbose_name_plural = _("告知书")

    def __str__(self):
        return f"{self.application} {self.title}"


class ApplicationAttachment(models.Model):
    """A file the applicant handed in with the application (online form or counter intake), stored
    content-addressed (MEDIA_ROOT/blobs, SHA-256 in the row). The upload is recorded here (who, when),
    not in the timeline. Written by `gongkai.applications.attachments` only."""

    uuid = models.UUIDField(unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    position = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")

    def __str__(self):
        return self.filename


class FeeNoticeDocument(models.Model):
    """The printable 收费通知书 of a FeeNotice: the printed text, DOCX and PDF stored content-addressed.
    Each generation is kept; the newest is the one offered for download."""

    uuid = models.UUIDField(unique=True, editable=False)
    notice = models.ForeignKey(FeeNotice, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("标题"), max_length=100)
    text = models.TextField(_("正文"))
    docx_sha256 = models.CharField(max_length=64)
    docx_size = models.PositiveIntegerField()
    pdf_sha256 = models.CharField(max_length=64)
    pdf_size = models.PositiveIntegerField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    generated_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["generated_at", "pk"]
        verbose_name = _("收费通知书")
        verbose_name_plural = _("收费通知书")

    def __str__(self):
        return f"{self.notice} {self.title}"
