"""The engine on real government documents from ../shared/data/corpus/ (skipped locally when absent; in CI,
where CI=true and the corpus is present, these must run)."""

import json
import os
import re
from pathlib import Path

import pytest

from gongkai.search.analysis import query_words
from gongkai.search.engine import SearchDocument, TantivyIndex

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir() and not os.environ.get("CI"),
    reason="real-text corpus not present (../shared/data/corpus)",
)
HEBEI_DOCS = 200
BODY_CHARS = 4000
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")
_NOT_LETTERS = re.compile(r"[\W_]+")


def _rows(name, limit=None):
    with open(CORPUS / name, encoding="utf-8") as f:
        for number, line in enumerate(f):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs = [
        SearchDocument(
            uuid=row["id"],
            title=row["title"],
            body=row["text"][:BODY_CHARS],
            document_number=row["doc_number"],
            index_number=row["index_number"],
            issuing_organ=row["issuer"],
        )
        for row in _rows("govcn_state_council_policies_2019.jsonl")
    ]
    docs += [
        SearchDocument(
            uuid=row["id"],
            title=row["title"],
            body=row["content"][:BODY_CHARS],
            issuing_organ=row["department"],
        )
        for row in _rows("hebei_gov_docs.jsonl", HEBEI_DOCS)
    ]
    index = TantivyIndex(tmp_path_factory.mktemp("corpus-index"))
    index.index(docs)
    index.commit(seq=1)
    yield index, {d.uuid: d for d in docs}
    index.close()


def test_every_document_number_and_index_number_finds_its_document_first(corpus):
    index, docs = corpus
    for doc in docs.values():
        if not doc.document_number:
            continue
        spelling = doc.document_number.replace("〔", "[").replace("〕", "]")
        assert index.query(spelling).hits[0].uuid == doc.uuid, spelling
        assert index.query(doc.index_number).hits[0].uuid == doc.uuid, doc.index_number


def _letters(text):
    """The text without punctuation and spaces: a quoted phrase matches across them (双随机、一公开)."""
    return _NOT_LETTERS.sub("", text)


def test_a_quoted_passage_finds_its_document_and_only_literal_matches(corpus):
    index, docs = corpus
    checked = found = 0
    for doc in list(docs.values())[::9]:
        runs = [m.group() for m in _HAN_RUN.finditer(doc.body) if m.start() >= len(doc.body) // 2]
        if not runs:
            continue
        # What a user would quote: a few whole words (a phrase cut mid-word cannot be segmented alike).
        passage = "".join(query_words(runs[0])[:3])
        if len(passage) < 4:
            continue
        results = index.query(f'"{passage}"', page_size=100)
        checked += 1
        found += doc.uuid in {h.uuid for h in results.hits}
        for hit in results.hits:
            hit_doc = docs[hit.uuid]
            assert passage in _letters(hit_doc.title) or passage in _letters(hit_doc.body), (
                passage,
                hit.uuid,
            )
            assert "<mark>" in hit.title_html + hit.snippet_html
    assert checked >= 20
    assert found == checked, (found, checked)


def test_a_title_typed_as_words_ranks_a_record_with_that_title_first(corpus):
    index, docs = corpus
    for doc in list(docs.values())[::13]:
        results = index.query(doc.title)
        assert results.hits, doc.title
        assert docs[results.hits[0].uuid].title == doc.title
