"""咨询 (Enquiry) and the 举报/投诉 mailbox: one row per question, report or complaint.

Counter and phone staff log enquiries with the answer in one step; online ones come from the portal form,
carry a tracking code and wait for a staff answer. Personal data (name, contact) is stored encrypted and is
shown to handlers only; the public Q&A list shows topic, question and answer of consenting authors.

Rows are written by `gongkai.enquiries.actions` only; `logged_by`/`answered_by` with their times are the
provenance.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organs.models import Organ


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("现场")
    PHONE = "phone", _("电话")
    ONLINE = "online", _("网上")


class Kind(models.TextChoices):
    ENQUIRY = "enquiry", _("咨询")
    REPORT = "report", _("举报")
    COMPLAINT = "complaint", _("投诉")


class Status(models.TextChoices):
    OPEN = "open", _("待答复")
    ANSWERED = "answered", _("已答复")


class Enquiry(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="enquiries")
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.ENQUIRY)
    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    tracking_code = models.CharField(_("查询码"), max_length=20, unique=True, null=True, blank=True)
    topic = models.CharField(_("主题"), max_length=100, blank=True)
    question = models.TextField(_("内容"))
    answer = models.TextField(_("答复"), blank=True)
    name_encrypted = models.TextField(blank=True)
    contact_encrypted = models.TextField(blank=True)
    phone_last4 = models.CharField(max_length=4, blank=True)
    consent_publish = models.BooleanField(_("同意公开"), default=False)
    asked_at = models.DateTimeField(_("时间"))
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("咨询")
        verbose_name_plural = _("咨询")
        indexes = [models.Index(fields=["organ", "kind", "asked_at"], name="enquiry_counting")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.topic or self.question[:20]}"
