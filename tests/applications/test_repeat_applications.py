"""Possible repeats: same applicant (ID hash or phone), similar description, within the window → flagged."""

import datetime as dt

from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Channel
from tests.applications.conftest import ID_OTHER, person_data

D = dt.date
TEXT = "请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。"


def test_it_flags_the_same_applicant_asking_nearly_the_same(register):
    first = register(received_on=D(2025, 9, 1))
    second = register(received_on=D(2025, 10, 1), description=TEXT.replace("。", "，谢谢。"))
    assert second.repeat_of == first
    assert second.repeat_similarity >= 0.8
    assert second.events.get(kind="registered").data["repeat_of"] == first.tracking_code


def test_it_recognises_the_applicant_by_phone_too(register):
    first = register(received_on=D(2025, 9, 1))
    second = register(received_on=D(2025, 9, 2), id_number=ID_OTHER)
    assert second.repeat_of == first


def test_it_does_not_flag_other_applicants_other_questions_or_old_ones(register, settings):
    register(received_on=D(2025, 3, 1))
    assert register(received_on=D(2025, 10, 1)).repeat_of is None  # outside the 180-day window
    assert register(received_on=D(2025, 10, 2), id_number=ID_OTHER, phone="13900139000").repeat_of is None
    assert (
        register(received_on=D(2025, 10, 3), description="请公开2024年度街道办事处部门决算。").repeat_of
        is None
    )


def test_it_reads_window_and_threshold_from_settings(register, settings):
    register(received_on=D(2025, 3, 1))
    settings.APPLICATION_REPEAT_WINDOW_DAYS = 400
    assert register(received_on=D(2025, 10, 1)).repeat_of is not None
    settings.APPLICATION_REPEAT_THRESHOLD = 1.01
    assert register(received_on=D(2025, 10, 2)).repeat_of is None


def test_it_only_flags_and_still_registers(organ):
    data = person_data()
    do_register_application(organ=organ, actor=None, channel=Channel.ONLINE, data=data)
    second = do_register_application(organ=organ, actor=None, channel=Channel.ONLINE, data=data)
    assert second.pk and second.repeat_of is not None
