"""The working-day calendar as data: one row per date that differs from "Monday–Friday work, weekend rest",
and one row per year saying whether that year's State Council notice has been entered.

A date without a `CalendarDay` row follows the weekday rule. Rows are written only through
`gongkai.workdays.actions`; `gongkai.workdays.counting` reads them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("法定节假日/休息日")
    ADJUSTED_WORKDAY = "adjusted_workday", _("调休上班日")


class Source(models.TextChoices):
    CHINESECALENDAR = "chinesecalendar", _("chinesecalendar 数据包")
    MANUAL = "manual", _("手工录入")
    IMPORT = "import", _("导入国务院通知")


class CalendarDay(models.Model):
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=DayKind.choices)
    name = models.CharField(_("名称"), max_length=50, help_text=_("如：春节、国庆节"))
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("修改时间"), null=True, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("日历日")
        verbose_name_plural = _("日历日")

    def __str__(self):
        return f"{self.date.isoformat()} {self.name}（{self.get_kind_display()}）"


class CalendarYear(models.Model):
    """A year is confirmed once its official holiday notice has been entered (seeded, imported or confirmed
    by a superuser). Counting through a year that is not confirmed falls back to weekends only and says so."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    confirmed = models.BooleanField(_("已确认"), default=False)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True, help_text=_("如通知的文号"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("日历年度")
        verbose_name_plural = _("日历年度")

    def __str__(self):
        return f"{self.year}"
