"""Each role gets its own steps and nothing more: the organ admin cannot publish, the editor cannot
approve, the reviewer cannot publish."""

from django.urls import reverse

from gongkai.catalog.actions import do_approve_record, do_submit_record
from gongkai.catalog.models import RecordStatus


def _approved(draft, alice, bob):
    do_submit_record(draft, actor=alice)
    return do_approve_record(draft, actor=bob)


def test_it_refuses_dora_publishing(login, alice, bob, dora, draft):
    _approved(draft, alice, bob)
    admin = login(dora)
    detail = admin.get(reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid})).content.decode()
    assert "立即发布" not in detail
    response = admin.post(reverse("backoffice:record_publish", kwargs={"uuid": draft.uuid}))
    assert response.status_code == 403
    assert "您没有在“长沙市开福区人民政府东风路街道办事处”执行此操作的权限。" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == RecordStatus.APPROVED


def test_it_refuses_the_editor_approving(login, alice, draft):
    do_submit_record(draft, actor=alice)
    response = login(alice).post(reverse("backoffice:record_approve", kwargs={"uuid": draft.uuid}))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SUBMITTED


def test_it_refuses_the_reviewer_publishing(login, alice, bob, draft):
    _approved(draft, alice, bob)
    assert (
        login(bob).post(reverse("backoffice:record_publish", kwargs={"uuid": draft.uuid})).status_code == 403
    )


def test_it_shows_each_role_only_its_buttons(login, alice, bob, charlie, draft):
    do_submit_record(draft, actor=alice)
    url = reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid})
    assert "审查通过</button>" in login(bob).get(url).content.decode()
    for user in (alice, charlie):
        assert "审查通过</button>" not in login(user).get(url).content.decode()


def test_it_reports_a_step_that_no_longer_applies(login, alice, bob, draft, messages_of):
    do_submit_record(draft, actor=alice)
    reviewer = login(bob)
    reviewer.post(reverse("backoffice:record_approve", kwargs={"uuid": draft.uuid}))
    response = reviewer.post(reverse("backoffice:record_approve", kwargs={"uuid": draft.uuid}), follow=True)
    assert any("当前状态为“审查通过”，不能执行此操作" in m for m in messages_of(response))
