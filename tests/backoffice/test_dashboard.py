"""The work queue per role."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.actions import do_approve_record, do_publish_record, do_return_record, do_submit_record
from tests.helpers import make_draft


def _dashboard(client):
    return client.get(reverse("backoffice:dashboard"))


def test_it_shows_each_role_its_queue_with_counts(login, organ, alice, bob, charlie, dora):
    make_draft(organ, alice, title="我的草稿一")
    make_draft(organ, alice, title="我的草稿二")
    submitted = make_draft(organ, alice, title="等待审查的信息")
    do_submit_record(submitted, actor=alice)
    approved = make_draft(organ, alice, title="等待发布的信息")
    do_submit_record(approved, actor=alice)
    do_approve_record(approved, actor=bob)
    scheduled = make_draft(organ, alice, title="定时发布的信息")
    do_submit_record(scheduled, actor=alice)
    do_approve_record(scheduled, actor=bob)
    do_publish_record(scheduled, actor=charlie, publish_at=timezone.now() + dt.timedelta(days=3))

    editor = _dashboard(login(alice)).context
    assert editor["drafts"]["count"] == 2
    assert {r.title for r in editor["drafts"]["items"]} == {"我的草稿一", "我的草稿二"}
    assert "to_review" not in editor

    reviewer = _dashboard(login(bob)).context
    assert reviewer["to_review"]["count"] == 1
    assert reviewer["to_review"]["items"][0].title == "等待审查的信息"
    assert "drafts" not in reviewer

    publisher = _dashboard(login(charlie))
    assert publisher.context["to_publish"]["count"] == 1
    assert publisher.context["scheduled"]["count"] == 1
    assert "定于" in publisher.content.decode()

    admin = _dashboard(login(dora))
    assert [o.pk for o in admin.context["manage_organs"]] == [organ.pk]
    assert reverse("backoffice:organ_staff", kwargs={"org_code": organ.org_code}) in admin.content.decode()


def test_it_refuses_people_without_roles(login, citizen):
    response = _dashboard(login(citizen))
    assert response.status_code == 403
    assert "您的账号没有任何机关的工作岗位" in response.content.decode()


def test_it_sends_anonymous_visitors_to_login(client):
    response = _dashboard(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("backoffice:login"))


def test_it_keeps_queries_flat_with_more_returned_records(login, organ, alice, bob):
    def returned(n):
        for i in range(n):
            record = make_draft(organ, alice, title=f"退回{i}")
            do_submit_record(record, actor=alice)
            do_return_record(record, actor=bob, reason=f"理由{i}")

    client = login(alice)
    returned(1)
    with CaptureQueriesContext(connection) as few:
        _dashboard(client)
    returned(6)
    with CaptureQueriesContext(connection) as many:
        page = _dashboard(client)
    assert len(many) == len(few)
    assert "理由5" in page.content.decode()
