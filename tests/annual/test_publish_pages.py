"""The annual report's staff pages (report page, narrative save with version conflict, publish, unlock,
the supervisor's roll-up), the dashboard's deadline warning and the portal's 年报 column."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.annual.facts import FACTS, do_set_fact
from gongkai.annual.models import AnnualReport
from gongkai.annual.publishing import do_publish_report, do_start_report, is_locked
from tests.annual.test_compile import SHANGHAI

YEAR = 2025


def client_for(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def page(organ, name="page"):
    return reverse(f"backoffice:reports_staff:{name}", args=[organ.org_code, YEAR])


def test_the_admin_edits_a_section_and_a_stale_version_is_refused(organ, dora):
    client = client_for(dora)
    response = client.get(page(organ))
    assert response.status_code == 200
    assert "一、总体情况" in response.content.decode() and "<textarea" in response.content.decode()
    data = {"key": "overview", "version": 1, "text": "本年度工作概况"}
    assert client.post(page(organ, "narrative"), data).status_code == 302
    response = client.post(page(organ, "narrative"), dict(data, text="旧版本上的修改"), follow=True)
    text = response.content.decode()
    assert "已被他人修改" in text and "本年度工作概况" in text
    assert "旧版本上的修改" not in text


def test_publish_from_the_page_is_refused_with_problems_then_allowed(organ, dora):
    client = client_for(dora)
    response = client.post(page(organ, "publish"), follow=True)
    assert "不能发布" in response.content.decode()
    assert not AnnualReport.objects.filter(status=AnnualReport.Status.PUBLISHED).exists()
    for fact in FACTS:
        do_set_fact(organ, YEAR, fact.key, 0, dora)
    response = client.post(page(organ, "publish"), follow=True)
    assert "年度报告已发布" in response.content.decode()
    assert is_locked(organ, YEAR)
    response = client.post(page(organ, "unlock"), {"reason": "更正培训次数"}, follow=True)
    assert "已解除锁定" in response.content.decode() and "更正培训次数" in response.content.decode()
    assert not is_locked(organ, YEAR)


def test_others_read_but_do_not_write(organ, organs, erin, alice, citizen, frank):
    response = client_for(erin).get(page(organ))
    assert response.status_code == 200 and "<textarea" not in response.content.decode()
    for user in (erin, alice):
        assert client_for(user).post(page(organ, "publish")).status_code == 403
    assert client_for(citizen).get(page(organ)).status_code == 403
    assert client_for(frank).get(page(organ)).status_code == 403
    assert client_for(frank).get(page(organs["kaifu"], "rollup")).status_code == 403


def test_the_supervisor_reads_the_roll_up_of_the_subtree(organs, organ, erin, dora):
    for fact in FACTS:
        do_set_fact(organ, YEAR, fact.key, 0, dora)
    do_publish_report(do_start_report(organ, YEAR, dora), dora)
    response = client_for(erin).get(page(organs["kaifu"], "rollup"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "东风路街道" in text and "蚌塘社区居民委员会" in text and "已发布" in text
    assert "有问题的机关" in text
    index = client_for(erin).get(reverse("backoffice:reports_staff:index")).content.decode()
    assert page(organs["kaifu"], "rollup") in index


@pytest.mark.parametrize(
    ("now", "overdue"),
    [
        (dt.datetime(2026, 1, 2, 9, tzinfo=SHANGHAI), False),
        (dt.datetime(2026, 4, 1, 9, tzinfo=SHANGHAI), True),
    ],
)
def test_the_dashboard_warns_the_organ_admin_until_published(organ, dora, time_machine, now, overdue):
    time_machine.move_to(now, tick=False)
    text = client_for(dora).get(reverse("backoffice:dashboard")).content.decode()
    assert "2025年度报告应于2026年3月31日前发布" in text
    assert ("gk-badge-overdue" in text) is overdue
    for fact in FACTS:
        do_set_fact(organ, YEAR, fact.key, 0, dora)
    do_publish_report(do_start_report(organ, YEAR, dora), dora)
    assert "年度报告应于" not in client_for(dora).get(reverse("backoffice:dashboard")).content.decode()


def test_the_portal_lists_published_reports(organ, dora):
    url = reverse("portal:reports", args=[organ.org_code])
    assert "暂无年度报告" in Client().get(url).content.decode()
    for fact in FACTS:
        do_set_fact(organ, YEAR, fact.key, 0, dora)
    report = do_publish_report(do_start_report(organ, YEAR, dora), dora)
    text = Client().get(url).content.decode()
    assert reverse("portal:article", args=[report.record.uuid]) in text
    assert "2025年政府信息公开工作年度报告" in text
    assert Client().get(reverse("portal:article", args=[report.record.uuid])).status_code == 200
