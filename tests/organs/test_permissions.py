"""The one place that decides: roles hold on their organ; supervisors read their whole subtree."""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.organs.actions import do_grant_role, do_revoke_role, do_update_organ
from gongkai.organs.models import Role
from gongkai.organs.permissions import Perm, can, organs_where, roles_on


def test_it_gives_each_role_its_own_powers(organs, staff):
    dongfeng = organs["dongfeng"]
    expected = {
        "editor": {Perm.VIEW, Perm.EDIT},
        "reviewer": {Perm.VIEW, Perm.REVIEW},
        "publisher": {Perm.VIEW, Perm.PUBLISH},
        "organ_admin": {Perm.VIEW, Perm.MANAGE, Perm.APPROVE_EXTENSION},
        "supervisor": {Perm.VIEW},
        "other_supervisor": set(),
    }
    for persona, perms in expected.items():
        assert {p for p in Perm if can(staff[persona], p, dongfeng)} == perms, persona


def test_it_lets_supervisors_read_down_but_not_up_or_across(organs, erin):
    assert can(erin, Perm.VIEW, organs["kaifu"])
    assert can(erin, Perm.VIEW, organs["bangtang"])
    assert not can(erin, Perm.VIEW, organs["city"])
    assert not can(erin, Perm.VIEW, organs["dingwangtai"])
    assert set(organs_where(erin, Perm.VIEW)) == {organs["kaifu"], organs["dongfeng"], organs["bangtang"]}
    assert roles_on(erin, organs["bangtang"]) == {Role.SUPERVISOR}


def test_it_does_not_extend_organ_roles_to_children(organs, alice):
    assert can(alice, Perm.EDIT, organs["dongfeng"])
    assert not can(alice, Perm.EDIT, organs["bangtang"])
    assert not can(alice, Perm.VIEW, organs["bangtang"])


def test_it_gives_nothing_to_citizens_or_inactive_users(organs, citizen, alice):
    assert not any(can(citizen, p, organs["dongfeng"]) for p in Perm)
    alice.is_active = False
    alice.save()
    alice.refresh_from_db()
    assert not can(alice, Perm.EDIT, organs["dongfeng"])


def test_it_lets_only_organ_admins_manage_staff(organs, dora, alice, citizen):
    with pytest.raises(PermissionDenied):
        do_grant_role(actor=alice, user=citizen, organ=organs["dongfeng"], role=Role.PUBLISHER)
    do_grant_role(actor=dora, user=citizen, organ=organs["dongfeng"], role=Role.PUBLISHER)
    assert can(citizen, Perm.PUBLISH, organs["dongfeng"])
    do_revoke_role(actor=dora, user=citizen, organ=organs["dongfeng"], role=Role.PUBLISHER)
    assert not can(citizen, Perm.PUBLISH, organs["dongfeng"])
    with pytest.raises(PermissionDenied):
        do_update_organ(organs["dongfeng"], actor=alice, office_phone="0731-1")


def test_it_lets_superusers_do_everything(organs, root):
    assert all(can(root, p, organs["dingwangtai"]) for p in Perm)
