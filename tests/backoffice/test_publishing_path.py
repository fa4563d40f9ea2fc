"""The whole path through the screens: an editor drafts and submits, a reviewer approves, a publisher
publishes — three different people, each through the HTTP client."""

from django.urls import reverse

from gongkai.catalog.actions import do_approve_record, do_submit_record
from gongkai.catalog.models import Record, RecordEvent, RecordStatus


def test_it_takes_a_record_from_draft_to_published(login, organ, alice, bob, charlie, record_form):
    editor, reviewer, publisher = login(alice), login(bob), login(charlie)

    response = editor.post(f"{reverse('backoffice:record_new')}?organ={organ.org_code}", record_form())
    record = Record.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:record_detail", kwargs={"uuid": record.uuid})
    assert record.status == RecordStatus.DRAFT
    assert record.created_by == alice
    assert record.issuing_organ == organ.name  # left empty: the organ's own name

    detail = editor.get(response["Location"])
    assert "提交保密审查" in detail.content.decode()
    editor.post(reverse("backoffice:record_submit", kwargs={"uuid": record.uuid}))
    record.refresh_from_db()
    assert record.status == RecordStatus.SUBMITTED

    queue = reviewer.get(reverse("backoffice:review_queue"))
    assert record.title in queue.content.decode()
    response = reviewer.post(
        reverse("backoffice:record_approve", kwargs={"uuid": record.uuid}),
        {"note": "不涉密，同意公开。", "next": reverse("backoffice:review_queue")},
    )
    assert response["Location"] == reverse("backoffice:review_queue")
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED

    dashboard = publisher.get(reverse("backoffice:dashboard")).content.decode()
    assert record.title in dashboard
    response = publisher.post(reverse("backoffice:record_publish", kwargs={"uuid": record.uuid}), follow=True)
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED
    assert record.index_number.startswith(f"{organ.org_code}/")
    assert f"已发布，索引号 {record.index_number}。" in response.content.decode()

    kinds = list(record.events.values_list("kind", "actor__username"))
    assert kinds == [
        (RecordEvent.Kind.CREATED, "alice"),
        (RecordEvent.Kind.SUBMITTED, "alice"),
        (RecordEvent.Kind.APPROVED, "bob"),
        (RecordEvent.Kind.PUBLISHED, "charlie"),
    ]
    timeline = editor.get(reverse("backoffice:record_detail", kwargs={"uuid": record.uuid})).content.decode()
    assert "不涉密，同意公开。" in timeline
    assert "李审查" in timeline and "张发布" in timeline


def test_it_schedules_and_cancels_a_publication(login, organ, alice, bob, charlie, draft):
    do_submit_record(draft, actor=alice)
    do_approve_record(draft, actor=bob)
    publisher = login(charlie)
    schedule = reverse("backoffice:record_schedule", kwargs={"uuid": draft.uuid})

    response = publisher.post(schedule, {"publish_at": "2001-01-01T09:00"}, follow=True)
    assert "定时发布时间须晚于当前时间。" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == RecordStatus.APPROVED

    publisher.post(schedule, {"publish_at": "2099-05-01T09:30"})
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SCHEDULED
    assert draft.publish_at.isoformat() == "2099-05-01T01:30:00+00:00"  # 09:30 in Asia/Shanghai

    publisher.post(reverse("backoffice:record_cancel_schedule", kwargs={"uuid": draft.uuid}))
    draft.refresh_from_db()
    assert draft.status == RecordStatus.APPROVED
    assert draft.publish_at is None


def test_it_withdraws_only_with_a_reason_and_changes_validity(login, charlie, published):
    publisher = login(charlie)
    withdraw = reverse("backoffice:record_withdraw", kwargs={"uuid": published.uuid})
    validity = reverse("backoffice:record_validity", kwargs={"uuid": published.uuid})

    response = publisher.post(validity, {"validity": "repealed", "on": "2026-13-01"}, follow=True)
    assert "日期格式应为 YYYY-MM-DD。" in response.content.decode()
    publisher.post(validity, {"validity": "repealed", "on": "2026-12-01", "note": "新办法施行"})
    published.refresh_from_db()
    assert (published.validity, published.repealed_on.isoformat()) == ("repealed", "2026-12-01")

    response = publisher.post(withdraw, {"reason": "  "}, follow=True)
    assert "撤回时请写明理由。" in response.content.decode()
    published.refresh_from_db()
    assert published.status == RecordStatus.PUBLISHED

    publisher.post(withdraw, {"reason": "内容有误，需更正"})
    published.refresh_from_db()
    assert published.status == RecordStatus.WITHDRAWN
    assert published.events.last().note == "内容有误，需更正"


def test_it_reopens_a_withdrawn_record_and_deletes_only_unpublished_drafts(
    login, alice, charlie, published, draft
):
    editor = login(alice)
    login(charlie).post(
        reverse("backoffice:record_withdraw", kwargs={"uuid": published.uuid}), {"reason": "更正"}
    )
    editor.post(reverse("backoffice:record_reopen", kwargs={"uuid": published.uuid}))
    published.refresh_from_db()
    assert published.status == RecordStatus.DRAFT

    delete = reverse("backoffice:record_delete", kwargs={"uuid": published.uuid})
    response = editor.post(delete, {"confirm": "1"}, follow=True)
    assert "只有从未发布过的草稿可以删除" in response.content.decode()
    assert Record.objects.filter(pk=published.pk).exists()

    delete = reverse("backoffice:record_delete", kwargs={"uuid": draft.uuid})
    response = editor.post(delete, follow=True)
    assert "请勾选“确认删除”后再删除草稿。" in response.content.decode()
    assert Record.objects.filter(pk=draft.pk).exists()
    response = editor.post(delete, {"confirm": "1"})
    assert response["Location"] == reverse("backoffice:record_list")
    assert not Record.objects.filter(pk=draft.pk).exists()


def test_it_refuses_workflow_steps_over_get(login, alice, draft):
    response = login(alice).get(reverse("backoffice:record_submit", kwargs={"uuid": draft.uuid}))
    assert response.status_code == 405
    draft.refresh_from_db()
    assert draft.status == RecordStatus.DRAFT
