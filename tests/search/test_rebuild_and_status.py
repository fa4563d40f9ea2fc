"""`gongkai search rebuild` builds beside the live index and swaps atomically; `search status` reports lag."""

import json
from io import StringIO

from django.core.management import call_command

from gongkai.search import rebuild, service, writer
from tests.helpers import make_published


def test_rebuild_swaps_in_a_fresh_index_while_the_old_one_keeps_serving(
    organ, alice, bob, charlie, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(4):
            make_published(organ, alice, bob, charlie, title=f"应急管理宣传周活动{i}")
    old_target = writer.index_dir().resolve()
    seen_during_build = []

    def progress(done, total):
        # the site keeps answering from the old index while the new one is being filled
        seen_during_build.append(service.search("应急管理").total)

    result = rebuild.rebuild(progress=progress)
    assert seen_during_build and all(total == 4 for total in seen_during_build)
    new_target = writer.index_dir().resolve()
    assert new_target != old_target and not old_target.exists()
    assert result["documents"] == 4
    assert writer.index_dir().is_symlink()
    assert service.search("应急管理").total == 4  # the reader reopened on the new directory
    assert writer.open_index().applied_seq() == 4


def test_rebuild_segments_in_worker_processes_and_finds_the_same(
    organ, alice, bob, charlie, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from gongkai.search import engine

    with django_capture_on_commit_callbacks(execute=True):
        for i in range(5):
            make_published(
                organ, alice, bob, charlie, title=f"双随机、一公开抽查结果{i}", body=f"<p>第{i}批</p>"
            )
    pools = []
    real_pool = engine.preparation_pool

    def counting_pool(processes=None):
        pools.append(processes)
        return real_pool(processes)

    monkeypatch.setattr(rebuild, "POOL_FROM", 1)
    monkeypatch.setattr(engine, "preparation_pool", counting_pool)
    settings.SEARCH_REBUILD_WORKERS = 2
    result = rebuild.rebuild()
    assert pools == [2] and result["documents"] == 5
    assert service.search('"双随机一公开"').total == 5
    assert service.search('"第3批"').total == 1


def test_rebuild_leaves_out_what_is_no_longer_public(
    organ, alice, bob, charlie, settings, django_capture_on_commit_callbacks
):
    from gongkai.catalog.actions import do_withdraw_record

    settings.SEARCH_APPLY_ON_COMMIT = False
    kept = make_published(organ, alice, bob, charlie, title="保留的公告")
    gone = make_published(organ, alice, bob, charlie, title="撤回的公告")
    do_withdraw_record(gone, actor=charlie, reason="重复发布")
    out = StringIO()
    call_command("search", "rebuild", stdout=out)
    assert "rebuilt 1 documents" in out.getvalue()
    index = writer.open_index()
    assert index.num_docs() == 1
    assert [h.uuid for h in index.query("公告").hits] == [str(kept.uuid)]
    assert writer.pending_count(index) == 0


def test_status_reports_documents_and_lag(organ, alice, bob, charlie, settings):
    settings.SEARCH_APPLY_ON_COMMIT = False
    make_published(organ, alice, bob, charlie)
    make_published(organ, alice, bob, charlie, title="另一条")
    out = StringIO()
    call_command("search", "status", "--json", stdout=out)
    status = json.loads(out.getvalue())
    assert status["documents"] == 0 and status["outbox_seq"] == 2 and status["lag"] == 2
    call_command("search", "apply", stdout=StringIO())
    out = StringIO()
    call_command("search", "status", stdout=out)
    assert "lag          0" in out.getvalue()
    assert "documents    2" in out.getvalue()


def test_apply_rebuilds_an_index_left_by_an_older_version(organ, alice, bob, charlie, settings):
    from gongkai.search.engine import META_FILE

    make_published(organ, alice, bob, charlie, title="老版本索引中的记录")
    live = writer.open_index().path.resolve()
    meta = json.loads((live / META_FILE).read_text())
    (live / META_FILE).write_text(json.dumps({**meta, "schema_version": 1}))
    service.reset()
    out = StringIO()
    call_command("search", "apply", stdout=out)
    assert "rebuilding" in out.getvalue() and "rebuilt 1 documents" in out.getvalue()
    assert writer.index_dir().resolve() != live
    assert service.search("老版本索引").total == 1


def test_prune_deletes_only_applied_rows_older_than_the_kept_days(organ, alice, bob, charlie, settings):
    import datetime as dt

    import pytest
    from django.core.management.base import CommandError

    from gongkai.core import clock
    from gongkai.search.models import SearchOutbox

    settings.SEARCH_APPLY_ON_COMMIT = False
    for i in range(3):
        make_published(organ, alice, bob, charlie, title=f"记录{i}")
    SearchOutbox.objects.filter(seq__in=[1, 2]).update(created_at=clock.now() - dt.timedelta(days=40))
    index = writer.open_index()
    writer.apply_pending(index)
    make_published(organ, alice, bob, charlie, title="尚未应用")  # seq 4, not applied yet
    SearchOutbox.objects.filter(seq=4).update(created_at=clock.now() - dt.timedelta(days=40))
    out = StringIO()
    call_command("search", "prune", "--keep-days", "30", stdout=out)
    assert "deleted 2 outbox rows" in out.getvalue()
    assert list(SearchOutbox.objects.values_list("seq", flat=True)) == [3, 4]
    with pytest.raises(CommandError):
        call_command("search", "prune", "--keep-days", "-1", stdout=StringIO())
