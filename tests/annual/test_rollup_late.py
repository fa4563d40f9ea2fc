"""The supervising office's roll-up names the organs whose report is past its deadline and unpublished."""

import datetime as dt
import zoneinfo

from django.test import Client
from django.urls import reverse

from gongkai.annual.facts import FACTS, do_set_fact
from gongkai.annual.publishing import do_publish_report, do_start_report

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def rollup_page(user, organ, year):
    client = Client()
    client.force_login(user)
    return client.get(
        reverse("backoffice:reports_staff:rollup", args=[organ.org_code, year])
    ).content.decode()


def test_late_organs_are_listed_after_the_deadline(organs, organ, erin, dora, time_machine):
    time_machine.move_to(dt.datetime(2026, 2, 10, 9, tzinfo=SHANGHAI))
    for fact in FACTS:
        do_set_fact(organ, 2025, fact.key, 0, dora)
    do_publish_report(do_start_report(organ, 2025, dora), dora)
    before = rollup_page(erin, organs["kaifu"], 2025)
    assert "gk-badge-overdue" not in before and "未发布（2026年3月31日前）" in before
    time_machine.move_to(dt.datetime(2026, 4, 1, 9, tzinfo=SHANGHAI))
    after = rollup_page(erin, organs["kaifu"], 2025)
    late = after.split("逾期未发布的机关")[1].split("</ul>")[0]
    assert "蚌塘社区居民委员会" in late and "应于2026年3月31日前发布" in late
    assert "东风路街道办事处" not in late  # published in time
