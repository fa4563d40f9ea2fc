"""Time limits of DOMAIN §1.6, shown to staff as information (never enforced):

- 行政复议法 (2023 revision, in force 2024-01-01): apply within 60 days of knowing the act (art 20); decision
  within 60 days (ordinary procedure, art 62) or 30 days (simple procedure, art 53(4) allows it for
  政府信息公开 cases).
- 行政诉讼法 (2017): a direct suit within 6 months of knowing the act (art 46); a suit after 复议 within 15
  days of the decision (art 45); first-instance judgment within 6 months of filing (art 81).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from gongkai.appeals.models import AppealKind


@dataclass(frozen=True)
class TimeLimit:
    label: str
    basis: str
    on: dt.date


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def time_limits(kind: str, received_on: dt.date) -> list[TimeLimit]:
    """The limits that apply once the case was received (calendar days, as the laws count them)."""
    if kind == AppealKind.REVIEW:
        return [
            TimeLimit(
                _("复议决定（简易程序）"), _("行政复议法第六十二条：30日"), received_on + dt.timedelta(30)
            ),
            TimeLimit(
                _("复议决定（普通程序）"),
                _("行政复议法第六十二条：60日，可延长"),
                received_on + dt.timedelta(60),
            ),
        ]
    return [TimeLimit(_("一审判决"), _("行政诉讼法第八十一条：立案之日起6个月"), add_months(received_on, 6))]


FILING_RULES = {
    AppealKind.REVIEW: _(
        "申请复议：知道行政行为之日起60日内（行政复议法第二十条）；不予公开的须先复议（第二十三条）。"
    ),
    AppealKind.LAWSUIT_DIRECT: _("直接起诉：知道行政行为之日起6个月内（行政诉讼法第四十六条）。"),
    AppealKind.LAWSUIT_AFTER_REVIEW: _("复议后起诉：收到复议决定书之日起15日内（行政诉讼法第四十五条）。"),
}
