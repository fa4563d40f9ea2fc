"""A reviewer returns a record with a reason; the editor sees it on the dashboard."""

from django.urls import reverse

from gongkai.catalog.actions import do_submit_record
from gongkai.catalog.models import RecordStatus


def test_it_shows_the_return_reason_on_the_editors_dashboard(login, alice, bob, draft):
    do_submit_record(draft, actor=alice)
    login(bob).post(
        reverse("backoffice:record_return", kwargs={"uuid": draft.uuid}),
        {"reason": "第二段涉及个人电话号码，请删除后再提交。"},
    )
    draft.refresh_from_db()
    assert draft.status == RecordStatus.RETURNED

    page = login(alice).get(reverse("backoffice:dashboard")).content.decode()
    assert draft.title in page
    assert "第二段涉及个人电话号码，请删除后再提交。" in page
    assert "李审查" in page  # who returned it


def test_it_refuses_a_return_without_reason(login, alice, bob, draft, messages_of):
    do_submit_record(draft, actor=alice)
    response = login(bob).post(
        reverse("backoffice:record_return", kwargs={"uuid": draft.uuid}), {"reason": ""}, follow=True
    )
    assert "退回时请写明退回理由。" in messages_of(response)
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SUBMITTED


def test_it_lets_the_editor_fix_and_resubmit_a_returned_record(login, alice, bob, draft, edit_form):
    do_submit_record(draft, actor=alice)
    login(bob).post(
        reverse("backoffice:record_return", kwargs={"uuid": draft.uuid}), {"reason": "删去电话号码"}
    )
    editor = login(alice)
    response = editor.post(
        reverse("backoffice:record_edit", kwargs={"uuid": draft.uuid}),
        edit_form(draft, body="<p>已删去。</p>"),
    )
    assert response.status_code == 302
    editor.post(reverse("backoffice:record_submit", kwargs={"uuid": draft.uuid}))
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SUBMITTED
    assert draft.body == "<p>已删去。</p>"
