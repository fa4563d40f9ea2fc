"""Two editors open the same version; the second save is refused and nothing of it is written."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.conftest import PASSWORD


def test_it_refuses_the_second_of_two_concurrent_edits(login, organ, alice, draft, edit_form):
    ella = get_user_model().objects.create_user("ella", password=PASSWORD, first_name="钱编辑")
    do_grant_role(actor=None, user=ella, organ=organ, role=Role.EDITOR)
    edit = reverse("backoffice:record_edit", kwargs={"uuid": draft.uuid})
    first, second = login(alice), login(ella)

    # Both load the form at version 1.
    assert 'name="version" value="1"' in first.get(edit).content.decode()
    assert 'name="version" value="1"' in second.get(edit).content.decode()
    first_post = edit_form(draft, title="第一位编辑的标题", body="<p>第一位编辑的正文。</p>")
    second_post = edit_form(draft, title="第二位编辑的标题", body="<p>第二位编辑的正文。</p>")

    assert first.post(edit, first_post).status_code == 302
    response = second.post(edit, second_post)

    assert response.status_code == 200
    page = response.content.decode()
    assert "保存冲突" in page
    assert "该信息已被他人修改（您编辑的是第1版，当前为第2版）" in page
    assert "第二位编辑的标题" in page  # the user's input is kept in the form
    assert "第二位编辑的正文" in page
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.title == "第一位编辑的标题"
    assert draft.body == "<p>第一位编辑的正文。</p>"
    assert draft.revisions.count() == 2
    assert list(draft.events.values_list("actor__username", flat=True)) == ["alice", "alice"]


def test_it_saves_when_the_version_is_current(login, alice, draft, edit_form):
    response = login(alice).post(
        reverse("backoffice:record_edit", kwargs={"uuid": draft.uuid}), edit_form(draft, title="新标题")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.version) == ("新标题", 2)
