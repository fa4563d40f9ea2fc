import pytest

from gongkai.catalog.actions import ConflictError, WorkflowError, do_submit_record, do_update_record
from gongkai.catalog.models import RecordEvent
from tests.helpers import make_draft, record_data


def test_it_keeps_a_revision_per_save(organ, alice):
    record = make_draft(organ, alice)
    cats = [organ.categories.get(slug="tzgg"), organ.categories.get(slug="yjgl")]
    record = do_update_record(
        record,
        actor=alice,
        data=record_data(title="关于开展冬季消防安全大检查的通知"),
        categories=cats,
        expected_version=1,
    )
    assert record.version == 2
    revisions = list(record.revisions.all())
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].content["title"] == "关于开展2026年冬季消防安全检查的通知"
    assert revisions[1].content["title"] == "关于开展冬季消防安全大检查的通知"
    assert revisions[1].content["categories"] == ["应急管理", "通知公告"]
    edited = record.events.get(kind=RecordEvent.Kind.EDITED)
    assert set(edited.data["fields"]) == {"title", "categories"}


def test_it_refuses_the_second_of_two_concurrent_edits(organ, alice):
    record = make_draft(organ, alice)
    cats = [organ.categories.get(slug="tzgg")]
    loaded_by_first = loaded_by_second = record.version
    do_update_record(
        record,
        actor=alice,
        data=record_data(title="第一位编辑的标题"),
        categories=cats,
        expected_version=loaded_by_first,
    )
    with pytest.raises(ConflictError, match="已被他人修改"):
        do_update_record(
            record,
            actor=alice,
            data=record_data(title="第二位编辑的标题"),
            categories=cats,
            expected_version=loaded_by_second,
        )
    record.refresh_from_db()
    assert record.title == "第一位编辑的标题"
    assert record.revisions.count() == 2


def test_it_saves_nothing_when_nothing_changed(organ, alice):
    record = make_draft(organ, alice)
    do_update_record(
        record,
        actor=alice,
        data=record_data(),
        categories=[organ.categories.get(slug="tzgg")],
        expected_version=1,
    )
    record.refresh_from_db()
    assert record.version == 1 and record.revisions.count() == 1


def test_it_refuses_edits_outside_draft(organ, alice):
    record = make_draft(organ, alice)
    do_submit_record(record, actor=alice)
    with pytest.raises(WorkflowError):
        do_update_record(
            record,
            actor=alice,
            data=record_data(title="偷偷修改"),
            categories=[organ.categories.get(slug="tzgg")],
            expected_version=1,
        )
