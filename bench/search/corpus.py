"""The real government texts in ../shared/data/corpus/ as plain documents, read the same way every time.

``load_corpus()`` yields one ``CorpusDoc`` per source document, in file order (the file list is sorted), so every
selection made from it with a fixed seed or hash is reproducible. No Django here: the relevance set and the
speed benchmark both start from these.
"""

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("GONGKAI_BENCH_DATA", REPO.parent / "shared" / "data"))

_DOCNO = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【(（]\s*(?:19|20)\d\d\s*[〕\]】)）]\s*第?\s*\d{1,5}\s*号")
_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


@dataclass(frozen=True)
class CorpusDoc:
    id: str
    source: str  # the corpus file, without extension: hebei_gov_docs, laws_regulations_lawrefbook, …
    title: str
    text: str
    date: str = ""  # YYYY-MM-DD when the source has one
    group: str = ""  # department / category / publisher in the source: spread into organs and categories
    document_number: str = ""
    index_number: str = ""

    @property
    def year(self) -> int | None:
        m = _DATE.match(self.date)
        return int(m.group(1)) if m else None


def corpus_dir(data_dir: Path | None = None) -> Path:
    return Path(data_dir or DATA_DIR) / "corpus"


def available(data_dir: Path | None = None) -> bool:
    return any(corpus_dir(data_dir).glob("*.jsonl*"))


def stable_hash(value: str) -> str:
    return hashlib.sha1(value.encode()).hexdigest()


def _rows(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _docno(text: str) -> str:
    m = _DOCNO.search(text[:400])
    return re.sub(r"\s+", "", m.group()) if m else ""


def load_corpus(data_dir: Path | None = None) -> Iterator[CorpusDoc]:
    for path in sorted(corpus_dir(data_dir).glob("*.jsonl*")):
        source = path.name.split(".")[0]
        for n, row in enumerate(_rows(path)):
            text = row.get("content") or row.get("text") or ""
            title = (row.get("title") or "").strip()
            if not text.strip() or not title:
                continue
            date = str(row.get("date") or "")[:10]
            if not date and str(row.get("year") or "").isdigit():
                date = f"{row['year']}-03-05"
            ident = row.get("id") or f"{source.split('_')[0]}-{n}"
            group = row.get("department") or row.get("category") or row.get("issuer") or row.get("type") or ""
            if source.startswith("hebei") and row.get("category"):
                group = f"{row['department']}/{row['category']}"
            yield CorpusDoc(
                id=str(ident),
                source=source,
                title=title,
                text=text,
                date=date if _DATE.match(date) else "",
                group=str(group),
                document_number=row.get("doc_number") or _docno(text),
                index_number=row.get("index_number") or "",
            )
