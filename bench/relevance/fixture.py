"""The relevance fixture: ~770 real documents picked deterministically from ../shared/data/corpus/.

Every document of the small State Council and work-report files, plus the documents of the three big files with
the smallest sha1(id) — a fixed pseudo-random sample that needs no seed. Each becomes a ``SearchDocument``
whose uuid is the corpus id, indexed with the real ``TantivyIndex`` (no database).
"""

import datetime as dt
from pathlib import Path

from bench.search.corpus import CorpusDoc, load_corpus, stable_hash

# source → how many documents (None: all of them)
SELECTION = {
    "govcn_state_council_policies_2019": None,
    "gov_work_reports_1954_2025": None,
    "hebei_gov_docs": 320,
    "laws_regulations_lawrefbook": 200,
    "mfa_press_conferences_2004_2022": 120,
}
# Added by id so the year query 2016年财政预算 has budget documents of 2016 to find (and a distractor, 预算法).
EXTRA_IDS = ("law-af85d9263639", "law-925785881482", "law-3903058b3cf4", "law-d724b58cf8d0")


def fixture_docs(data_dir: Path | None = None) -> list[CorpusDoc]:
    by_source: dict[str, list[CorpusDoc]] = {}
    for doc in load_corpus(data_dir):
        if doc.source in SELECTION or doc.id in EXTRA_IDS:
            by_source.setdefault(doc.source, []).append(doc)
    chosen = []
    for source, count in SELECTION.items():
        docs = by_source.get(source, [])
        if count is not None:
            picked = sorted(docs, key=lambda d: stable_hash(d.id))[:count]
            docs = [d for d in docs if d in picked or d.id in EXTRA_IDS]  # keep file order
        chosen.extend(docs)
    return chosen


def search_document(doc: CorpusDoc, organ_ids: dict[str, int]):
    from gongkai.search.engine import SearchDocument

    organ = doc.group or doc.source
    organ_id = organ_ids.setdefault(organ, len(organ_ids) + 2)
    published = None
    if doc.date:
        published = dt.datetime.fromisoformat(doc.date).replace(hour=9)
    return SearchDocument(
        uuid=doc.id,
        title=doc.title,
        body=doc.text,
        document_number=doc.document_number,
        index_number=doc.index_number,
        issuing_organ=organ.split("/")[0],
        organ_paths=("/1/", f"/1/{organ_id}/"),
        categories=(str(organ_id % 7 + 1),),
        published_at=published,
        validity="valid",
        disclosure_mode="proactive",
    )


def build_index(path: Path, docs: list[CorpusDoc]):
    """Index ``docs`` into a fresh TantivyIndex at ``path``; returns the index."""
    from gongkai.search.engine import TantivyIndex

    index = TantivyIndex(path)
    organ_ids: dict[str, int] = {}
    index.index(search_document(d, organ_ids) for d in docs)
    index.commit(seq=1)
    return index
