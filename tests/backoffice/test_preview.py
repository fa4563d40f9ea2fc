"""The preview renders the record like the public article, with a 预览 banner."""

from django.urls import reverse

from tests.helpers import attach_pdf


def test_it_previews_a_draft_as_an_article(login, alice, draft):
    attach_pdf(draft, alice, name="检查表.pdf")
    response = login(alice).get(reverse("backoffice:record_preview", kwargs={"uuid": draft.uuid}))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-CN"' in page
    assert "preview-banner" in page and "预览" in page
    for label in ("索引号", "发布机构", "成文日期", "发布日期", "文号", "有效性", "主题分类"):
        assert f">{label}</th>" in page
    assert "东风路街发〔2026〕3号" in page
    assert "<p>为切实做好冬季消防安全工作，现就有关事项通知如下。</p>" in page
    assert "检查表.pdf" in page


def test_it_marks_a_repealed_record(login, charlie, published):
    login(charlie).post(
        reverse("backoffice:record_validity", kwargs={"uuid": published.uuid}),
        {"validity": "repealed", "on": "2026-12-01"},
    )
    page = (
        login(charlie)
        .get(reverse("backoffice:record_preview", kwargs={"uuid": published.uuid}))
        .content.decode()
    )
    assert "本文件已于 2026-12-01 废止。" in page
    assert published.index_number in page
