"""保密审查 must be done by someone other than the submitter, even if they hold both roles."""

from django.urls import reverse

from gongkai.catalog.actions import do_submit_record
from gongkai.catalog.models import RecordStatus
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role


def test_it_refuses_a_reviewer_approving_their_own_submission(login, organ, bob, draft, messages_of):
    do_grant_role(actor=None, user=bob, organ=organ, role=Role.EDITOR)
    client = login(bob)
    client.post(reverse("backoffice:record_submit", kwargs={"uuid": draft.uuid}))
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SUBMITTED

    detail = client.get(reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid})).content.decode()
    assert "保密审查须由提交人以外的人员进行。" in detail
    assert "审查通过</button>" not in detail

    response = client.post(reverse("backoffice:record_approve", kwargs={"uuid": draft.uuid}), follow=True)
    assert "保密审查须由提交人以外的人员进行。" in messages_of(response)
    draft.refresh_from_db()
    assert draft.status == RecordStatus.SUBMITTED


def test_it_lets_the_same_person_review_what_a_colleague_submitted(login, organ, alice, bob, draft):
    do_grant_role(actor=None, user=bob, organ=organ, role=Role.EDITOR)
    do_submit_record(draft, actor=alice)
    login(bob).post(reverse("backoffice:record_approve", kwargs={"uuid": draft.uuid}))
    draft.refresh_from_db()
    assert draft.status == RecordStatus.APPROVED
