"""The index follows the database through the outbox: written in the catalog's transaction, applied after
commit, never showing what the database no longer publishes."""

import pytest
from django.db import transaction

from gongkai.catalog.actions import do_change_validity, do_withdraw_record
from gongkai.catalog.models import IndexCounter, Validity
from gongkai.search import service, writer
from gongkai.search.models import SearchOutbox
from tests.helpers import make_draft, make_published


def publish(organ, alice, bob, charlie, callbacks, **fields):
    with callbacks(execute=True):
        return make_published(organ, alice, bob, charlie, **fields)


def titles(q):
    return [record.title for _hit, record in service.search(q).hits]


def test_it_writes_the_outbox_in_the_publishing_transaction(organ, alice, bob, charlie):
    record = make_published(organ, alice, bob, charlie)
    rows = list(SearchOutbox.objects.values_list("seq", "record_uuid", "op"))
    assert rows == [(1, record.uuid, "index")]


def test_a_rolled_back_publication_leaves_nothing_behind(organ, alice, bob, charlie):
    draft = make_draft(organ, alice)
    from gongkai.catalog.actions import do_approve_record, do_publish_record, do_submit_record

    do_submit_record(draft, actor=alice)
    do_approve_record(draft, actor=bob)
    with pytest.raises(RuntimeError), transaction.atomic():
        do_publish_record(draft, actor=charlie)
        raise RuntimeError("the request failed after publishing")
    draft.refresh_from_db()
    assert draft.status == "approved" and draft.index_number is None
    assert SearchOutbox.objects.count() == 0
    assert IndexCounter.objects.filter(last_seq__gt=0).count() == 0


def test_it_is_searchable_right_after_commit(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    publish(
        organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="东风路街道防汛应急演练通知"
    )
    assert titles("防汛") == ["东风路街道防汛应急演练通知"]
    assert writer.open_index().applied_seq() == 1


def test_a_withdrawn_record_is_never_shown_even_when_the_index_lags(
    organ, alice, bob, charlie, settings, django_capture_on_commit_callbacks
):
    record = publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="征兵工作通告")
    settings.SEARCH_APPLY_ON_COMMIT = False  # the index stops following: as if the writer were down
    with django_capture_on_commit_callbacks(execute=True):
        do_withdraw_record(record, actor=charlie, reason="内容有误")
    assert writer.open_index().query("征兵").total == 1  # the index still has it
    page = service.search("征兵")
    assert page.hits == [] and page.total == 0 and page.dropped == 1
    call_command_apply()
    assert writer.open_index().query("征兵").total == 0


def call_command_apply():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("search", "apply", stdout=out)
    return out.getvalue()


def test_the_worker_catches_up_on_what_was_missed(
    organ, alice, bob, charlie, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_APPLY_ON_COMMIT = False
    for i in range(3):
        publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title=f"社区养老服务通知{i}")
    index = writer.open_index()
    assert index.applied_seq() == 0 and writer.pending_count(index) == 3
    writer.run_worker(once=True)
    assert index.applied_seq() == 3
    assert len(titles("养老服务")) == 3


def test_validity_changes_reach_the_index(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    import datetime as dt

    from gongkai.search.engine import SearchFilters

    record = publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="城市管理暂行办法")
    with django_capture_on_commit_callbacks(execute=True):
        do_change_validity(record, actor=charlie, validity=Validity.REPEALED, on=dt.date(2026, 3, 1))
    assert service.search("城市管理", SearchFilters(validity="repealed")).total == 1
    assert service.search("城市管理", SearchFilters(validity="valid")).total == 0


def test_a_busy_writer_leaves_the_work_to_its_holder(
    organ, alice, bob, charlie, django_capture_on_commit_callbacks
):
    with writer.writer_lock(blocking=True):  # another process is writing
        publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="低保资格复核公示")
        assert writer.open_index().applied_seq() == 0
    assert "applied 1 outbox rows" in call_command_apply()
    assert titles("低保") == ["低保资格复核公示"]


def test_a_copy_of_the_index_catches_up_from_the_same_log(
    organ, alice, bob, charlie, settings, tmp_path, django_capture_on_commit_callbacks
):
    import shutil

    publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="第一条：财政预算公开")
    copy_root = tmp_path / "node2"
    shutil.copytree(settings.SEARCH_INDEX_DIR, copy_root, symlinks=True)
    publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="第二条：财政决算公开")
    settings.SEARCH_INDEX_DIR = copy_root  # another app node restored from the first node's backup
    service.reset()
    assert writer.open_index().applied_seq() == 1
    call_command_apply()
    assert sorted(titles("财政")) == ["第一条：财政预算公开", "第二条：财政决算公开"]


def test_organ_names_become_dictionary_words_before_indexing(
    organ, alice, bob, charlie, django_capture_on_commit_callbacks
):
    from gongkai.search import analysis

    publish(
        organ,
        alice,
        bob,
        charlie,
        django_capture_on_commit_callbacks,
        title="定王台街道与东风路街道联合开展演练",
    )
    assert analysis.has_word("东风路街道") and analysis.has_word("长沙市开福区人民政府东风路街道办事处")
    assert titles("东风路街道") == ["定王台街道与东风路街道联合开展演练"]


def test_every_search_gets_its_own_records_from_the_database(
    organ, alice, bob, charlie, django_capture_on_commit_callbacks
):
    # The post-filter's SQL is compiled once per number of hits and reused: each search must still get the
    # records of its own hits, with what a hit shows (and the rest loaded when asked for).
    titles_by_word = {"防汛": "防汛物资储备情况", "植树": "义务植树活动通报", "燃气": "燃气专项整治方案"}
    for title in titles_by_word.values():
        publish(
            organ,
            alice,
            bob,
            charlie,
            django_capture_on_commit_callbacks,
            title=title,
            body="<p>正文内容</p>",
        )
    for word, title in titles_by_word.items():
        ((hit, record),) = service.search(word).hits
        assert record.title == title and str(record.uuid) == hit.uuid
        assert record.index_number and record.get_validity_display() == "有效"
        assert "正文内容" in record.body
    assert sorted(titles("正文内容")) == sorted(titles_by_word.values())


def test_after_commit_applies_a_bounded_batch_and_leaves_a_backlog_to_the_worker(
    organ, alice, bob, charlie, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.SEARCH_APPLY_ON_COMMIT = False  # a backlog builds up (the writer was down)
    for i in range(3):
        publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title=f"积压的通知{i}")
    settings.SEARCH_APPLY_ON_COMMIT = True
    monkeypatch.setattr(writer, "AFTER_COMMIT_MAX_ROWS", 2)
    publish(organ, alice, bob, charlie, django_capture_on_commit_callbacks, title="积压之后的通知")
    index = writer.open_index()
    # The request that committed applied two rows, in order, and returned; the rest waits for the worker.
    assert index.applied_seq() == 2 and writer.pending_count(index) == 2
    writer.run_worker(once=True)
    assert index.applied_seq() == 4
    assert len(titles("通知")) == 4
