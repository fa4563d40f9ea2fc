"""Fixtures for applications: the seeded calendar, handlers, and a helper that registers an application.

`hank` handles applications at 东风路街道 (role handler); `ivan` handles them at 定王台街道; dora (organ
admin) approves extensions. Tests run "today" = TODAY unless they move the clock themselves."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Channel
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from gongkai.workdays.actions import do_seed_from_package
from tests.conftest import _user

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2025, 12, 31)
# 11010519491231002X: the textbook example of a valid resident ID whose check character is X.
ID_X = "11010519491231002X"
ID_OTHER = "110101199003070011"  # assembled with the GB 11643 check digit
USCC_OK = "91430100MA4L16JQ9D"


@pytest.fixture(autouse=True)
def seeded_calendar(db):
    """The calendar as `migrate` leaves it (a transactional test elsewhere may have flushed it)."""
    do_seed_from_package(actor=None)


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(dt.datetime.combine(TODAY, dt.time(10), tzinfo=SHANGHAI), tick=False)
    return TODAY


@pytest.fixture
def hank(organs):
    user = _user("hank", first_name="黄办理", email="hank@example.gov.cn")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.APPLICATION_HANDLER)
    return user


@pytest.fixture
def ivan(organs):
    user = _user("ivan", first_name="易办理", email="ivan@example.gov.cn")
    do_grant_role(actor=None, user=user, organ=organs["dingwangtai"], role=Role.APPLICATION_HANDLER)
    return user


def person_data(**overrides):
    data = {
        "kind": "person",
        "name": "陈申请",
        "id_type": "resident_id",
        "id_number": ID_X,
        "phone": "13800138000",
        "email": "chen@example.com",
        "address": "长沙市开福区某路1号",
        "postcode": "410005",
        "description": "请公开东风路街道2025年老旧小区改造项目的实施方案及资金预算。",
        "info_title": "老旧小区改造实施方案",
        "delivery_form": "email",
    }
    data.update(overrides)
    return data


def org_data(**overrides):
    data = person_data(
        kind="business",
        name="长沙某某科技有限公司",
        contact_person="刘经理",
        id_type="uscc",
        id_number=USCC_OK,
    )
    data.update(overrides)
    return data


@pytest.fixture
def register(organ, hank):
    """register(received_on=date, **data overrides) → an in-person application received that day."""

    def make(received_on=dt.date(2025, 9, 26), channel=Channel.IN_PERSON, actor=hank, org=None, **data):
        return do_register_application(
            organ=org or organ,
            actor=actor,
            channel=channel,
            data=person_data(**data),
            submitted_on=received_on,
        )

    return make
