"""Changes outside a record that alter its search document (its organ renamed, its category moved) reach the
index through the outbox, in the transaction that makes them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.catalog.actions import do_update_category
from gongkai.catalog.models import Category, Record, RecordStatus
from gongkai.organs.actions import do_update_organ
from gongkai.search import service
from gongkai.search.models import OutboxHead, SearchOutbox
from gongkai.search.outbox import records_changed
from gongkai.search.query import SearchFilters
from tests.helpers import make_draft, make_published

# Nothing in the record itself names its organ: only the organ's name and short name can match.
NEUTRAL = {"issuing_organ": "综合办公室", "document_number": "长开政发〔2026〕3号"}


@pytest.fixture
def publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    """Publish a record of 东风路街道 and apply it to the index, as after a real commit."""

    def publish(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_published(organ, alice, bob, charlie, **{**NEUTRAL, **fields})

    return publish


def titles(q, filters=None):
    return sorted(record.title for _hit, record in service.search(q, filters, page_size=50).hits)


def category(organ, slug):
    return Category.objects.get(organ=organ, slug=slug)


def outbox_rows():
    return list(SearchOutbox.objects.values_list("seq", "record_uuid", "op"))


def test_it_finds_an_organs_records_by_its_new_name(
    organ, alice, dora, publish, django_capture_on_commit_callbacks
):
    record = publish(title="冬季供暖保障工作通知")
    make_draft(organ, alice, title="未发布的草稿")
    assert titles("东风路街道") == ["冬季供暖保障工作通知"]
    before = outbox_rows()
    with django_capture_on_commit_callbacks(execute=True):
        do_update_organ(organ, actor=dora, name="长沙市开福区人民政府新河街道办事处", short_name="新河街道")
    assert outbox_rows() == [*before, (before[-1][0] + 1, record.uuid, "index")]  # the draft is not indexed
    assert titles("新河街道") == ["冬季供暖保障工作通知"]
    assert titles("东风路街道") == []


def test_a_new_short_name_alone_reindexes(organ, dora, publish, django_capture_on_commit_callbacks):
    publish(title="冬季供暖保障工作通知")
    with django_capture_on_commit_callbacks(execute=True):
        do_update_organ(organ, actor=dora, short_name="新河街道")
    assert titles("新河街道") == ["冬季供暖保障工作通知"]


def test_a_rename_through_a_changed_instance_is_still_seen(
    organ, dora, publish, django_capture_on_commit_callbacks
):
    # Django admin's form writes the new values to the instance before calling the action.
    publish(title="冬季供暖保障工作通知")
    organ.short_name = "新河街道"
    with django_capture_on_commit_callbacks(execute=True):
        do_update_organ(organ, actor=dora, short_name="新河街道")
    assert titles("新河街道") == ["冬季供暖保障工作通知"]


def test_a_rolled_back_rename_leaves_no_outbox_rows(organ, alice, bob, charlie, dora):
    make_published(organ, alice, bob, charlie, **NEUTRAL)
    before, head = outbox_rows(), OutboxHead.objects.get().last_seq
    with pytest.raises(RuntimeError), transaction.atomic():
        do_update_organ(organ, actor=dora, name="长沙市开福区人民政府新河街道办事处", short_name="新河街道")
        raise RuntimeError("the request failed after renaming")
    organ.refresh_from_db()
    assert organ.short_name == "东风路街道"
    assert outbox_rows() == before and OutboxHead.objects.get().last_seq == head


def test_an_unchanged_save_writes_no_rows(organ, alice, bob, charlie, dora):
    make_published(organ, alice, bob, charlie, **NEUTRAL)
    before = outbox_rows()
    do_update_organ(organ, actor=dora, name=organ.name, short_name=organ.short_name, office_phone="0731-1")
    child = category(organ, "yszx")
    do_update_category(child, actor=dora, parent=child.parent, name="预算执行情况")
    do_update_category(category(organ, "tzgg"), actor=dora, description="通知和公告")
    assert outbox_rows() == before


def test_a_moved_category_files_its_records_under_the_new_parent(
    organ, dora, publish, django_capture_on_commit_callbacks
):
    budget = category(organ, "yszx")  # 预算执行, under 财政信息
    publish(title="2026年上半年预算执行情况", categories=[budget])
    publish(title="2026年春节放假通知")
    finance, about = category(organ, "czxx"), category(organ, "jgjs")
    assert titles("", SearchFilters(category=str(finance.pk))) == ["2026年上半年预算执行情况"]
    before = len(outbox_rows())
    with django_capture_on_commit_callbacks(execute=True):
        do_update_category(budget, actor=dora, parent=about)
    assert len(outbox_rows()) == before + 1  # only the record filed under the moved category
    assert titles("", SearchFilters(category=str(about.pk))) == ["2026年上半年预算执行情况"]
    assert titles("", SearchFilters(category=str(finance.pk))) == []
    assert titles("", SearchFilters(category=str(budget.pk))) == ["2026年上半年预算执行情况"]


def test_a_category_moved_to_the_top_leaves_its_old_parent(
    organ, dora, publish, django_capture_on_commit_callbacks
):
    budget = category(organ, "yszx")
    publish(title="预算执行通报", categories=[budget])
    with django_capture_on_commit_callbacks(execute=True):
        do_update_category(budget, actor=dora, parent=None)
    assert titles("", SearchFilters(category=str(category(organ, "czxx").pk))) == []
    assert titles("", SearchFilters(category=str(budget.pk))) == ["预算执行通报"]


def test_a_move_out_of_the_organs_two_level_tree_is_refused(organs, dora):
    organ = organs["dongfeng"]
    finance, notices = category(organ, "czxx"), category(organ, "tzgg")
    with pytest.raises(ValidationError):
        do_update_category(finance, actor=dora, parent=notices)  # 财政信息 has subcategories
    with pytest.raises(ValidationError):
        do_update_category(notices, actor=dora, parent=category(organ, "yszx"))  # a subcategory
    with pytest.raises(ValidationError):
        do_update_category(notices, actor=dora, parent=notices)
    with pytest.raises(ValidationError):
        do_update_category(notices, actor=dora, parent=category(organs["dingwangtai"], "qt"))
    assert SearchOutbox.objects.count() == 0


def test_records_changed_allocates_contiguous_seqs(organ, alice, bob, charlie):
    published = [make_published(organ, alice, bob, charlie, **NEUTRAL) for _ in range(2)]
    draft = make_draft(organ, alice)
    OutboxHead.objects.update(last_seq=41)  # an outbox that has been pruned: numbering goes on from the head
    seqs = records_changed(Record.objects.filter(organ=organ))
    assert seqs == range(42, 45)
    assert OutboxHead.objects.get().last_seq == 44
    rows = SearchOutbox.objects.filter(seq__in=seqs)
    assert {(row.record_uuid, row.op) for row in rows} == {
        *((record.uuid, "index") for record in published),
        (draft.uuid, "remove"),
    }
    assert records_changed(Record.objects.none()) == range(0)
    assert OutboxHead.objects.get().last_seq == 44


def test_records_changed_writes_many_rows_in_few_queries(organ, django_assert_max_num_queries):
    records = [Record(organ=organ, status=RecordStatus.PUBLISHED) for _ in range(2500)]
    records[7].status = RecordStatus.WITHDRAWN
    with django_assert_max_num_queries(20):  # one row at a time would take 7,500
        seqs = records_changed(records)
    assert seqs == range(1, 2501)
    assert list(SearchOutbox.objects.values_list("seq", flat=True)) == list(seqs)
    assert SearchOutbox.objects.get(seq=8).op == "remove"
    assert SearchOutbox.objects.filter(op="index").count() == 2499
