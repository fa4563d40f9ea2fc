"""行政复议 / 行政诉讼 cases about disclosure (Appeal), with an append-only AppealEvent log.

Table 4 of the annual report is counted from these rows (`gongkai.appeals.queries.table4`). Rows are
written by `gongkai.appeals.actions` only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organs.models import Organ


class AppealKind(models.TextChoices):
    REVIEW = "review", _("行政复议")
    LAWSUIT_DIRECT = "lawsuit_direct", _("行政诉讼（未经复议直接起诉）")
    LAWSUIT_AFTER_REVIEW = "lawsuit_after_review", _("行政诉讼（复议后起诉）")


class Result(models.TextChoices):
    UPHELD = "upheld", _("维持")
    CORRECTED = "corrected", _("纠正")
    OTHER = "other", _("其他")
    PENDING = "pending", _("尚未审结")


class Appeal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="appeals")
    kind = models.CharField(_("类别"), max_length=25, choices=AppealKind.choices)
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    case_number = models.CharField(_("案号"), max_length=60, blank=True)
    received_on = models.DateField(_("收到日期"))
    result = models.CharField(_("结果"), max_length=10, choices=Result.choices, default=Result.PENDING)
    closed_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("行政复议/行政诉讼")
        verbose_name_plural = _("行政复议/行政诉讼")
        indexes = [models.Index(fields=["organ", "received_on"], name="appeal_counting")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.case_number or self.received_on}"


class AppealEvent(models.Model):
    class Kind(models.TextChoices):
        REGISTERED = "registered", _("登记")
        RESULT_RECORDED = "result_recorded", _("记录结果")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.appeal_id} {self.kind}"
