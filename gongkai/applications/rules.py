"""The statutory time limits, in one place, chosen by the receipt date.

2019 rules: 《中华人民共和国政府信息公开条例》 (国务院令第711号), in force 2019-05-15.
2008 rules: the same regulation as first enacted (国务院令第492号), in force 2008-05-01; kept for historical data.
Every period is counted in working days (工作日), the start day excluded (民法典 art 201).
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleSet:
    code: str
    label: str
    in_force_from: dt.date
    # Reply deadline: 2019 art 33 ¶2 (20 wd) / 2008 art 24 (15 wd).
    reply_days: int
    # Extension, once, approved by the head of the disclosure office: 2019 art 33 ¶2 / 2008 art 24.
    extension_days: int
    # 补正: one consolidated notice within 7 wd of receipt (2019 art 30); 2008 had no numeric limit (None).
    correction_notice_days: int | None
    # Third-party opinion window (2019 art 32) and co-producing agency window (2019 art 34): 15 wd.
    consultation_days: int
    # Whether consulting other agencies is excluded from the reply period (2019 art 33 ¶3; 2008: third
    # parties only, art 24 ¶3).
    other_agency_pause: bool
    # Fee notice payment window: 20 wd from the day after receipt of the notice (国办函〔2020〕109号 as
    # implemented by the Sichuan 2021 notice, see DOMAIN §3); the period does not count towards the reply.
    fee_payment_days: int


RULES_2019 = RuleSet(
    code="2019",
    label="政府信息公开条例（2019年修订）",
    in_force_from=dt.date(2019, 5, 15),
    reply_days=20,
    extension_days=20,
    correction_notice_days=7,
    consultation_days=15,
    other_agency_pause=True,
    fee_payment_days=20,
)
RULES_2008 = RuleSet(
    code="2008",
    label="政府信息公开条例（2008年）",
    in_force_from=dt.date(2008, 5, 1),
    reply_days=15,
    extension_days=15,
    correction_notice_days=None,
    consultation_days=15,
    other_agency_pause=False,
    fee_payment_days=20,
)
RULE_SETS = {rules.code: rules for rules in (RULES_2019, RULES_2008)}

# An open application is "due soon" when at most this many working days remain.
DUE_SOON_DAYS = 5


def rules_for(received_on: dt.date | None) -> RuleSet:
    """The rule set in force on the receipt date (the 2019 rules when the date is not known yet)."""
    if received_on is not None and received_on < RULES_2019.in_force_from:
        return RULES_2008
    return RULES_2019


def rules_by_code(code: str) -> RuleSet:
    return RULE_SETS[code]
