"""Read side of appeals: table 4 of the annual report and the permission-checked getter.

Which cases a year counts: those received on or before 31 December of the year and not closed before
1 January of it — the year's new cases plus the ones still pending from earlier years (DOMAIN §2.6: 尚未审结
cases reappear the next year). A case counts under its result when it was closed with one by 31 December,
else under 尚未审结.
"""

import datetime as dt

from django.db.models import Q
from django.shortcuts import get_object_or_404

from gongkai.appeals.models import Appeal, AppealKind, Result
from gongkai.organs.permissions import Perm, require

GROUPS = (AppealKind.REVIEW, AppealKind.LAWSUIT_DIRECT, AppealKind.LAWSUIT_AFTER_REVIEW)
RESULTS = (Result.UPHELD, Result.CORRECTED, Result.OTHER, Result.PENDING)


def counted_in(organ_ids, year: int):
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Appeal.objects.filter(organ_id__in=list(organ_ids), received_on__lte=last).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=first)
    )


def year_result(appeal: Appeal, year: int) -> str:
    if appeal.result != Result.PENDING and appeal.closed_on and appeal.closed_on <= dt.date(year, 12, 31):
        return appeal.result
    return Result.PENDING


def table4(organ_ids, year: int) -> list[int]:
    """The 15 cells of table 4 in template order: for 行政复议, 未经复议直接起诉, 复议后起诉 each
    维持 · 纠正 · 其他 · 尚未审结 · 总计 (the total is the sum of the four, by construction)."""
    counts = {(kind, result): 0 for kind in GROUPS for result in RESULTS}
    for appeal in counted_in(organ_ids, year).only("kind", "result", "closed_on"):
        counts[(appeal.kind, year_result(appeal, year))] += 1
    cells = []
    for kind in GROUPS:
        group = [counts[(kind, result)] for result in RESULTS]
        cells.extend([*group, sum(group)])
    return cells


def get_appeal_for_user(user, appeal_uuid) -> Appeal:
    """The permission-checked getter (404 unknown, 403 without the handler role on its organ)."""
    appeal = get_object_or_404(Appeal.objects.select_related("organ", "application"), uuid=appeal_uuid)
    require(user, Perm.HANDLE, appeal.organ)
    return appeal
