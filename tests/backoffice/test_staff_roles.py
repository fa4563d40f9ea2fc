"""Granting and revoking roles on the organ's staff page."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.organs.models import Membership, Role
from tests.conftest import PASSWORD


def _url(organ, name="organ_staff"):
    return reverse(f"backoffice:{name}", kwargs={"org_code": organ.org_code})


def test_it_lists_the_memberships(login, dora, organ, alice, bob):
    page = login(dora).get(_url(organ)).content.decode()
    for text in ("alice", "王小红", "拟稿", "bob", "保密审查", "dora", "机关管理员"):
        assert text in page


def test_it_grants_and_revokes_a_role(login, dora, organ, citizen, messages_of):
    admin = login(dora)
    response = admin.post(_url(organ), {"username": "citizen", "role": Role.REVIEWER}, follow=True)
    assert "已授予 citizen “保密审查”岗位。" in messages_of(response)
    assert Membership.objects.filter(user=citizen, organ=organ, role=Role.REVIEWER).exists()

    # The new reviewer can now open the review queue.
    assert login(citizen).get(reverse("backoffice:review_queue")).status_code == 200

    response = admin.post(
        _url(organ, "organ_staff_revoke"), {"username": "citizen", "role": Role.REVIEWER}, follow=True
    )
    assert "已撤销 citizen 的“保密审查”岗位。" in messages_of(response)
    assert not Membership.objects.filter(user=citizen).exists()
    assert login(citizen).get(reverse("backoffice:review_queue")).status_code == 403


def test_it_reports_an_unknown_username(login, dora, organ):
    response = login(dora).post(_url(organ), {"username": "nobody", "role": Role.EDITOR})
    assert response.status_code == 200
    assert "没有用户名为“nobody”的有效账号。账号由系统管理员创建。" in response.content.decode()
    assert 'value="nobody"' in response.content.decode()


def test_it_refuses_an_inactive_account(login, dora, organ):
    get_user_model().objects.create_user("gone", password=PASSWORD, is_active=False)
    login(dora).post(_url(organ), {"username": "gone", "role": Role.EDITOR})
    assert not Membership.objects.filter(user__username="gone").exists()


def test_it_refuses_grants_by_non_admins(login, alice, erin, frank, organ, citizen):
    for user in (alice, erin, frank):
        response = login(user).post(_url(organ), {"username": "citizen", "role": Role.ORGAN_ADMIN})
        assert response.status_code == 403
    assert not Membership.objects.filter(user=citizen).exists()


def test_it_refuses_dora_on_another_organ(login, dora, organs):
    assert login(dora).get(_url(organs["bangtang"])).status_code == 403
