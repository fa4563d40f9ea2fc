"""Writing: upsert, remove, commit visibility, the applied outbox sequence number, one writer at a time."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.search.engine import META_FILE, IndexLocked, IndexSchemaMismatch, TantivyIndex
from tests.search.conftest import DOCS, doc, uuids

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def index(tmp_path):
    with TantivyIndex(tmp_path / "ix") as index:
        index.index(DOCS[:5])
        index.commit(seq=5)
        yield index


def test_changes_are_visible_after_commit_only(index):
    index.index([doc("new", "开福区政府信息公开工作要点", "全面推进政务公开。")])
    assert index.query("政务公开").total == 0
    index.commit()
    assert uuids(index.query("政务公开")) == ["new"]
    assert index.num_docs() == 6


def test_indexing_a_document_again_replaces_it(index):
    index.index([doc("yj-title", "开福区防汛抗旱指挥部通知", "做好防汛准备。")])
    index.commit()
    assert index.query("应急管理局关于加强汛期").total == 0
    assert uuids(index.query("防汛抗旱")) == ["yj-title"]
    assert index.num_docs() == 5


def test_remove_makes_a_document_disappear_after_commit(index):
    assert "yj-title" in uuids(index.query("应急管理"))
    assert index.remove(["yj-title", "never-indexed"]) == 2
    assert "yj-title" in uuids(index.query("应急管理"))
    index.commit(seq=6)
    assert "yj-title" not in uuids(index.query("应急管理"))
    assert index.num_docs() == 4
    assert index.applied_seq() == 6


def test_rollback_drops_pending_changes(index):
    index.remove(["yj-title"])
    index.rollback()
    index.commit()
    assert "yj-title" in uuids(index.query("应急管理"))


def test_applied_seq_persists_across_reopening(tmp_path):
    path = tmp_path / "ix"
    with TantivyIndex(path) as index:
        assert index.applied_seq() == 0
        index.index(DOCS[:3])
        index.commit(seq=41)
        index.commit(seq=42)  # a seq without changes (outbox rows for records never indexed) is kept too
    reopened = TantivyIndex(path)
    assert reopened.applied_seq() == 42
    assert reopened.num_docs() == 3
    assert json.loads((path / META_FILE).read_text())["applied_seq"] == 42
    assert not list(path.glob(".meta-*"))  # no temporary files left behind
    with pytest.raises(ValueError):
        reopened.commit(seq=7)
    reopened.commit()
    assert reopened.applied_seq() == 42


def test_a_second_writer_is_refused_until_the_first_commits(index):
    other = TantivyIndex(index.path)
    index.remove(["yj-title"])  # the first writer now holds Tantivy's lock
    with pytest.raises(IndexLocked):
        other.index([doc("x", "标题", "正文")])
    assert other.query("应急管理").total == index.query("应急管理").total  # readers are never blocked
    index.commit(seq=6)
    other.index([doc("x", "第二个写入者", "正文")])  # the lock was released by the commit
    other.commit(seq=7)
    assert uuids(index.query("第二个写入者")) == ["x"]
    assert index.applied_seq() == 7


def test_a_writer_in_another_process_is_refused(index):
    index.remove(["yj-title"])
    script = (
        "import sys\n"
        "from gongkai.search.engine import TantivyIndex, IndexLocked\n"
        "try:\n"
        "    TantivyIndex(sys.argv[1]).remove(['x'])\n"
        "except IndexLocked:\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(index.path)], cwd=REPO, capture_output=True, timeout=60
    )
    assert done.returncode == 3, done.stderr
    index.commit()


def test_an_index_of_another_schema_version_must_be_rebuilt(index):
    meta = index.path / META_FILE
    meta.write_text(json.dumps({"schema_version": 0, "applied_seq": 5}))
    with pytest.raises(IndexSchemaMismatch):
        TantivyIndex(index.path)


def test_a_reader_sees_a_commit_made_by_another_handle_at_its_next_query(index):
    reader = TantivyIndex(index.path)
    assert reader.query("政务公开").total == 0
    with TantivyIndex(index.path) as other:
        other.index([doc("late", "政务公开工作要点", "全面推进政务公开。")])
        other.commit()
    assert uuids(reader.query("政务公开")) == ["late"]
