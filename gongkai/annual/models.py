"""Organ-year facts the annual report needs that no other record holds (staff, spending, training, table 2
counts), each with its provenance: who entered it and when, and an append-only history row per change
that keeps the previous value. Written by `gongkai.annual.facts.do_set_fact` only; keys are declared in
`gongkai.annual.facts.FACTS`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organs.models import Organ


class OrganYearFact(models.Model):
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="year_facts")
    year = models.PositiveSmallIntegerField(_("年度"))
    key = models.CharField(_("项目"), max_length=40)
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=2)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("填报时间"))

    class Meta:
        verbose_name = _("年度数据")
        verbose_name_plural = _("年度数据")
        constraints = [
            models.UniqueConstraint(fields=["organ", "year", "key"], name="organ_year_fact_unique")
        ]

    def __str__(self):
        return f"{self.organ_id}/{self.year}/{self.key}={self.value}"


class OrganYearFactHistory(models.Model):
    """One row per change (the first entry included); `previous_value` is None for the first."""

    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=16, decimal_places=2)
    previous_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["organ", "year", "key"], name="organ_year_fact_history")]

    def __str__(self):
        return f"{self.organ_id}/{self.year}/{self.key}: {self.previous_value} → {self.value}"


class AnnualReport(models.Model):
    """One organ's annual report of one year: drafted (narrative sections editable), then published once
    as a catalog Record in the organ's 年报 category; `compiled` is the report.json snapshot published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")

    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("年度"))
    format = models.CharField(_("报告格式"), max_length=40)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    compiled = models.JSONField(_("发布时的统计数据"), null=True, blank=True)
    record = models.ForeignKey(
        "catalog.Record", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"))
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        constraints = [models.UniqueConstraint(fields=["organ", "year"], name="annual_report_unique")]

    def __str__(self):
        return f"{self.organ_id}/{self.year} ({self.status})"


class NarrativeSection(models.Model):
    """A narrative paragraph of a report (总体情况, 存在的主要问题…); `version` guards concurrent edits."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="narrative_section_unique")]

    def __str__(self):
        return f"{self.report_id}/{self.key} v{self.version}"


class NarrativeRevision(models.Model):
    """Append-only: one row per saved text of a section, the first draft included."""

    section = models.ForeignKey(NarrativeSection, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["section", "version"]

    def __str__(self):
        return f"{self.section_id} v{self.version}"


class OrganYearLock(models.Model):
    """The facts of an organ-year are locked by publishing its report; a row with `unlocked_at` unset is
    the lock in force. Unlocking keeps the row (who, when, why) as the log."""

    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    locked_at = models.DateTimeField()
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unlocked_at = models.DateTimeField(null=True, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["organ", "year"], name="organ_year_lock")]

    def __str__(self):
        return f"{self.organ_id}/{self.year} {'unlocked' if self.unlocked_at else 'locked'}"
