import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.catalog import actions
from gongkai.catalog.models import RecordStatus
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.helpers import make_draft


def test_it_refuses_steps_to_the_wrong_roles(organ, alice, bob, charlie, dora, erin, frank, citizen):
    record = make_draft(organ, alice)
    for user in (bob, charlie, dora, erin, frank, citizen):
        with pytest.raises(PermissionDenied):
            actions.do_submit_record(record, actor=user)
    actions.do_submit_record(record, actor=alice)
    for user in (alice, charlie, dora, erin, frank):
        with pytest.raises(PermissionDenied):
            actions.do_approve_record(record, actor=user)
    actions.do_approve_record(record, actor=bob)
    for user in (alice, bob, dora, erin, frank):
        with pytest.raises(PermissionDenied):
            actions.do_publish_record(record, actor=user)
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED


def test_it_requires_review_by_someone_other_than_the_submitter(organ, alice):
    do_grant_role(actor=None, user=alice, organ=organ, role=Role.REVIEWER)
    record = make_draft(organ, alice)
    actions.do_submit_record(record, actor=alice)
    with pytest.raises(PermissionDenied, match="提交人以外"):
        actions.do_approve_record(record, actor=alice)
    record.refresh_from_db()
    assert record.status == RecordStatus.SUBMITTED


def test_it_requires_a_reason_to_return_or_withdraw(organ, alice, bob):
    record = make_draft(organ, alice)
    actions.do_submit_record(record, actor=alice)
    with pytest.raises(ValidationError):
        actions.do_return_record(record, actor=bob, reason="  ")
    record.refresh_from_db()
    assert record.status == RecordStatus.SUBMITTED


def test_it_keeps_editors_to_their_own_organ(organs, alice):
    with pytest.raises(PermissionDenied):
        make_draft(organs["bangtang"], alice, categories=list(organs["bangtang"].categories.all()[:1]))
