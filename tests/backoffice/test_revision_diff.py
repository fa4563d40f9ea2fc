"""The revisions list and the readable diff between consecutive revisions."""

from django.urls import reverse

from gongkai.backoffice.diff import diff_revisions, line_rows
from tests.helpers import attach_pdf


def test_it_shows_what_changed_between_revisions(login, alice, draft, edit_form):
    editor = login(alice)
    editor.post(
        reverse("backoffice:record_edit", kwargs={"uuid": draft.uuid}),
        edit_form(
            draft,
            title="关于开展2026年冬季消防安全大检查的通知",
            body="<p>各社区、各科室：</p><p>为切实做好冬季消防安全工作，现将检查安排通知如下。</p><p>联系人：张三</p>",
        ),
    )
    detail = editor.get(reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid})).content.decode()
    diff_url = reverse("backoffice:record_revision", kwargs={"uuid": draft.uuid, "number": 2})
    assert diff_url in detail

    response = editor.get(diff_url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "第1稿 → 第2稿" in page
    assert "<ins>大</ins>" in page  # inside the title
    assert "<ins>联系人：张三</ins>" in page  # a new body line
    assert "<del>就有关事项</del>" in page
    assert "<ins>将检查安排</ins>" in page
    changed = [d.name for d in response.context["diffs"]]
    assert changed == ["title", "body"]


def test_it_shows_the_first_revision_in_full(login, alice, draft):
    response = login(alice).get(
        reverse("backoffice:record_revision", kwargs={"uuid": draft.uuid, "number": 1})
    )
    assert response.status_code == 200
    assert "第1稿（初稿）" in response.content.decode()
    assert "<ins>关于开展2026年冬季消防安全检查的通知</ins>" in response.content.decode()


def test_it_lists_attachment_changes(login, alice, draft):
    attach_pdf(draft, alice, name="检查表.pdf")
    response = login(alice).get(
        reverse("backoffice:record_revision", kwargs={"uuid": draft.uuid, "number": 2})
    )
    [attachments] = response.context["diffs"]
    assert attachments.name == "attachments"
    assert attachments.added[0].startswith("检查表.pdf (")


def test_it_gives_404_for_a_missing_revision(login, alice, draft):
    url = reverse("backoffice:record_revision", kwargs={"uuid": draft.uuid, "number": 9})
    assert login(alice).get(url).status_code == 404


def test_it_keeps_unchanged_lines_as_context_only():
    old = [f"第{i}段" for i in range(1, 21)]
    new = [*old[:10], "新增的一段", *old[10:]]
    rows = line_rows(old, new)
    kinds = [r.kind for r in rows]
    assert kinds.count("ins") == 1
    assert kinds.count("skip") == 2
    assert kinds.count("same") == 4


def test_it_labels_choice_values():
    [validity] = diff_revisions({"validity": "valid"}, {"validity": "repealed"})
    assert validity.label == "有效性"
    assert [s.text for s in validity.new if s.kind == "ins"] == ["废止"]
