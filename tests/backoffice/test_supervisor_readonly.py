"""A supervisor reads the subtree's records without any button and every POST is refused; a
supervisor of another district cannot even read them."""

import pytest
from django.urls import reverse

from gongkai.catalog.actions import do_submit_record
from gongkai.catalog.models import RecordStatus
from tests.helpers import attach_pdf

RECORD_POSTS = [
    "record_edit",
    "record_submit",
    "record_approve",
    "record_return",
    "record_publish",
    "record_schedule",
    "record_cancel_schedule",
    "record_withdraw",
    "record_reopen",
    "record_validity",
    "record_delete",
    "attachment_add",
]


def test_it_shows_erin_the_record_and_timeline_without_buttons(login, alice, erin, draft):
    attach_pdf(draft, alice)
    do_submit_record(draft, actor=alice)
    supervisor = login(erin)
    response = supervisor.get(reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid}))
    page = response.content.decode()
    assert response.status_code == 200
    assert draft.title in page
    assert "提交审查" in page  # the timeline
    assert "<form" in page  # only the logout form in the header…
    assert page.count("<form") == 1
    assert "<button" in page and page.count("<button") == 1
    for name in ("record_preview", "record_list", "dashboard"):
        kwargs = {"uuid": draft.uuid} if name == "record_preview" else None
        assert supervisor.get(reverse(f"backoffice:{name}", kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize("name", RECORD_POSTS)
def test_it_refuses_every_post_by_erin(login, erin, draft, record_form, name):
    response = login(erin).post(reverse(f"backoffice:{name}", kwargs={"uuid": draft.uuid}), record_form())
    assert response.status_code == 403
    draft.refresh_from_db()
    assert (draft.status, draft.version) == (RecordStatus.DRAFT, 1)


def test_it_refuses_erin_the_editor_form(login, erin, draft):
    assert login(erin).get(reverse("backoffice:record_edit", kwargs={"uuid": draft.uuid})).status_code == 403


def test_it_refuses_frank_on_a_dongfeng_record(login, frank, draft):
    client = login(frank)
    for name in ("record_detail", "record_preview", "record_edit"):
        response = client.get(reverse(f"backoffice:{name}", kwargs={"uuid": draft.uuid}))
        assert response.status_code == 403
    listing = client.get(reverse("backoffice:record_list")).content.decode()
    assert draft.title not in listing


def test_it_shows_erin_the_supervision_overview(login, erin, draft, published):
    page = login(erin).get(reverse("backoffice:dashboard"))
    overview = page.context["overview"]
    names = [row["organ"].display_name for row in overview["rows"]]
    assert names == ["开福区", "东风路街道", "蚌塘社区"]
    dongfeng = overview["rows"][1]
    assert dongfeng["total"] == 2
    assert overview["total"] == 2
    assert "监督概览" in page.content.decode()
