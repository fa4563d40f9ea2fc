"""document_for: a published catalog Record becomes a SearchDocument, and is found through the index."""

import datetime as dt

from django.utils import timezone

from gongkai.catalog.models import Category
from gongkai.search.engine import TantivyIndex, document_for
from gongkai.search.query import SearchFilters
from tests.helpers import attach_pdf, make_draft, make_published


def test_it_builds_the_document_from_the_record_and_its_relations(organs, alice, bob, charlie, tmp_path):
    dongfeng = organs["dongfeng"]
    category = Category.objects.filter(organ=dongfeng, slug="tzgg").first()
    published_at = timezone.make_aware(dt.datetime(2026, 11, 20, 10, 0))
    record = make_published(
        dongfeng,
        alice,
        bob,
        charlie,
        published_at=published_at,
        body="<p>为切实做好冬季消防安全工作，现就有关事项通知如下。</p><p>一、&lt;重点&gt;检查沿街门面。</p>",
    )
    document = document_for(record)
    assert document.uuid == str(record.uuid)
    assert document.body == "为切实做好冬季消防安全工作，现就有关事项通知如下。\n一、<重点>检查沿街门面。"
    assert document.organ_paths == tuple(
        "/" + "/".join(dongfeng.path.strip("/").split("/")[: i + 1]) + "/" for i in range(dongfeng.depth)
    )
    assert document.organ_paths[-1] == dongfeng.path
    assert str(category.pk) in document.categories
    assert document.index_number == record.index_number
    assert document.published_at == timezone.localtime(published_at)
    assert document.day == dt.date(2026, 11, 20)

    with TantivyIndex(tmp_path / "ix") as index:
        index.index([document])
        index.commit()
        for q in ("冬季消防安全检查", "东风路街发[2026]3号", record.index_number, "东风路街道"):
            assert [h.uuid for h in index.query(q).hits] == [str(record.uuid)], q
        kaifu = SearchFilters(organ_path=organs["kaifu"].path, category=str(category.pk), year=2026)
        assert index.query("消防", kaifu).total == 1
        assert index.query("消防", SearchFilters(organ_path=organs["furong"].path)).total == 0


def test_attachment_text_is_indexed_when_given(organs, alice, tmp_path):
    record = make_draft(organs["dongfeng"], alice)
    attachment = attach_pdf(record, alice, name="消防检查记录表.pdf")
    document = document_for(record, attachment_texts={attachment.sha256: "沿街门面灭火器配置情况统计"})
    assert "消防检查记录表.pdf" in document.attachments
    with TantivyIndex(tmp_path / "ix") as index:
        index.index([document])
        index.commit()
        assert index.query("灭火器配置").total == 1
        assert index.query("检查记录表").total == 1
