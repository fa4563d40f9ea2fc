import datetime as dt

from gongkai.applications.rules import RULES_2008, RULES_2019, rules_for


def test_it_applies_the_2019_rules_from_15_may_2019():
    assert rules_for(dt.date(2019, 5, 15)) is RULES_2019
    assert rules_for(dt.date(2019, 5, 14)) is RULES_2008
    assert rules_for(None) is RULES_2019


def test_it_keeps_the_statutory_values():
    assert (RULES_2019.reply_days, RULES_2019.extension_days, RULES_2019.correction_notice_days) == (
        20,
        20,
        7,
    )
    assert (RULES_2008.reply_days, RULES_2008.extension_days, RULES_2008.correction_notice_days) == (
        15,
        15,
        None,
    )
    assert RULES_2019.consultation_days == 15 and RULES_2019.fee_payment_days == 20
    assert RULES_2019.other_agency_pause and not RULES_2008.other_agency_pause
