"""Signal receivers, connected in ApplicationsConfig.ready()."""

from gongkai.workdays.signals import calendar_changed


def recompute_after_calendar_change(sender, first, last, **kwargs):
    from gongkai.applications.deadlines import do_recompute_due_dates

    do_recompute_due_dates(first, last)


def connect() -> None:
    calendar_changed.connect(recompute_after_calendar_change, dispatch_uid="applications.recompute_due_dates")
