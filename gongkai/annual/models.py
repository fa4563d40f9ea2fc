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
