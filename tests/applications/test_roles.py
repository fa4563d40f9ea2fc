from gongkai.organs.models import Role
from gongkai.organs.permissions import ROLE_PERMS, Perm, can


def test_it_gives_the_handler_role_view_and_handle():
    assert ROLE_PERMS[Role.APPLICATION_HANDLER] == {Perm.VIEW, Perm.HANDLE}
    assert Role.APPLICATION_HANDLER.value == "handler"


def test_it_lets_handlers_handle_only_their_own_organ(hank, organs):
    assert can(hank, Perm.HANDLE, organs["dongfeng"])
    assert not can(hank, Perm.HANDLE, organs["bangtang"])
    assert not can(hank, Perm.APPROVE_EXTENSION, organs["dongfeng"])


def test_it_gives_extension_approval_to_the_organ_admin(dora, organs):
    assert can(dora, Perm.APPROVE_EXTENSION, organs["dongfeng"])
    assert not can(dora, Perm.HANDLE, organs["dongfeng"])


def test_it_gives_catalog_roles_and_supervisors_nothing_on_applications(staff, organs):
    for user in (staff["editor"], staff["reviewer"], staff["publisher"], staff["supervisor"]):
        assert not can(user, Perm.HANDLE, organs["dongfeng"])
        assert not can(user, Perm.APPROVE_EXTENSION, organs["dongfeng"])
