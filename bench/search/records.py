"""N benchmark records from the real corpus, streamed to JSON Lines (the same N and seed give the same file).

- Up to the number of real chunks (~28k): documents are split on paragraph boundaries into chunks of at most
  ~1,500 characters, the title kept on every chunk, and N chunks are drawn (seeded) from them.
- Beyond that (100k, 1M): each record is built from paragraphs drawn at random with replacement (seeded) from
  all the corpus's paragraphs until it has 1,500 characters (capped at 1,800), titled after the document of its
  first paragraph — real term distribution, as in SEARCH-NOTES.md.

Organs, categories and dates are spread realistically: a city with five districts, each with departments and a
subdistrict (26 organs, six catalogue categories each); a corpus group (department, law category, publisher)
always lands on the same organ, skewed so a few organs publish most; dates come from the document when it has
one, otherwise from 2010–2025 (seeded). Primary keys are fixed here, so organ paths are known without a database.
"""

import datetime as dt
import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.search.corpus import CorpusDoc, load_corpus, stable_hash

MAX_CHUNK = 1500
SYNTH_MIN, SYNTH_MAX = 1500, 1800
UUID_NS = uuid.UUID("8f0e6a52-3c1b-4c61-9a57-2f7d0d3b9e11")
_PARAGRAPH = re.compile(r"\n+|\u3000{2,}")

DISTRICTS = ("开福区", "芙蓉区", "天心区", "岳麓区", "雨花区")
DEPARTMENTS = ("财政局", "人力资源和社会保障局", "应急管理局", "教育局")
CATEGORIES = (
    ("tzgg", "通知公告"),
    ("gfxwj", "规范性文件"),
    ("zcjd", "政策解读"),
    ("czyjs", "财政预决算"),
    ("gzdt", "工作动态"),
    ("qtxx", "其他信息"),
)
# category index by source: laws are 规范性文件, press conferences 工作动态, work reports 其他信息 …
_SOURCE_CATEGORY = {
    "laws_regulations_lawrefbook": 1,
    "mfa_press_conferences_2004_2022": 4,
    "gov_work_reports_1954_2025": 5,
    "cpc_congress_reports": 5,
    "govcn_state_council_policies_2019": 0,
}
_BY_DOCUMENT = {"laws_regulations_lawrefbook", "mfa_press_conferences_2004_2022"}


@dataclass(frozen=True)
class OrganSpec:
    pk: int
    parent: int | None
    name: str
    short_name: str
    level: str
    org_code: str

    @property
    def path(self) -> str:
        return "/".join(["", *map(str, _ANCESTORS[self.pk]), ""])


def _org_code(n: int) -> str:
    from gongkai.organs.validators import org_code_check_char

    first8 = f"BK{n:06d}"
    return first8 + org_code_check_char(first8)


def _organs() -> list[OrganSpec]:
    organs = [OrganSpec(1, None, "长沙市人民政府", "长沙市", "city", _org_code(1))]
    for district in DISTRICTS:
        dpk = len(organs) + 1
        organs.append(OrganSpec(dpk, 1, f"长沙市{district}人民政府", district, "district", _org_code(dpk)))
        for dept in DEPARTMENTS:
            pk = len(organs) + 1
            organs.append(OrganSpec(pk, dpk, f"{district}{dept}", "", "department", _org_code(pk)))
    return organs


ORGANS = _organs()
_ANCESTORS: dict[int, list[int]] = {}
for _o in ORGANS:
    _ANCESTORS[_o.pk] = [*_ANCESTORS.get(_o.parent, []), _o.pk] if _o.parent else [_o.pk]


def category_pk(organ_pk: int, index: int) -> int:
    return (organ_pk - 1) * len(CATEGORIES) + index + 1


@dataclass
class BenchRecord:
    n: int
    uuid: str
    title: str
    body: str
    organ: int  # OrganSpec.pk
    category: int  # Category pk
    day: str  # YYYY-MM-DD, written_on; published the same day at 09:30 local
    document_number: str = ""
    index_number: str = ""
    validity: str = "valid"

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.day)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH.split(text) if p.strip()]


def chunks(doc: CorpusDoc) -> Iterator[str]:
    """The document's paragraphs packed into chunks of at most MAX_CHUNK characters (long ones are cut)."""
    current: list[str] = []
    size = 0
    for para in paragraphs(doc.text):
        while len(para) > MAX_CHUNK:
            if current:
                yield "\n".join(current)
                current, size = [], 0
            yield para[:MAX_CHUNK]
            para = para[MAX_CHUNK:]
        if size + len(para) > MAX_CHUNK and current:
            yield "\n".join(current)
            current, size = [], 0
        current.append(para)
        size += len(para) + 1
    if current:
        yield "\n".join(current)


def _organ_for(doc: CorpusDoc) -> int:
    # Skewed: a hash → a rank, organs early in a fixed order get most documents. The big sources (laws, press
    # conferences) are spread document by document, the others by their group (department, category).
    key = doc.id if doc.source in _BY_DOCUMENT else (doc.group or doc.source)
    h = int(stable_hash(key)[:8], 16)
    rank = int(len(ORGANS) * (h / 0xFFFFFFFF) ** 1.5)
    return ORGANS[min(rank, len(ORGANS) - 1)].pk


def _category_index(doc: CorpusDoc) -> int:
    if doc.source in _SOURCE_CATEGORY:
        return _SOURCE_CATEGORY[doc.source]
    if "解读" in doc.title or "解读" in doc.group:
        return 2
    if "规范性" in doc.group or "规章" in doc.group:
        return 1
    if "预算" in doc.title or "资金" in doc.title:
        return 3
    return int(stable_hash(doc.id)[:2], 16) % 2 * 4  # 通知公告 or 工作动态


def _day(doc: CorpusDoc, rng: random.Random) -> str:
    if doc.date and doc.date >= "1990":
        return doc.date
    start = dt.date(2010, 1, 1).toordinal()
    return dt.date.fromordinal(start + rng.randrange(16 * 365)).isoformat()


def _validity(rng: random.Random) -> str:
    x = rng.random()
    return "expired" if x < 0.08 else "repealed" if x < 0.11 else "valid"


def build_records(n: int, seed: int = 42, data_dir: Path | None = None) -> Iterator[BenchRecord]:
    docs = list(load_corpus(data_dir))
    rng = random.Random(seed)
    pieces = [(doc, body) for doc in docs for body in chunks(doc)]
    counters: dict[tuple[int, int], int] = {}

    def make(i: int, doc: CorpusDoc, body: str) -> BenchRecord:
        organ = _organ_for(doc)
        day = _day(doc, rng)
        year = int(day[:4])
        seq = counters[(organ, year)] = counters.get((organ, year), 0) + 1
        code = ORGANS[organ - 1].org_code
        return BenchRecord(
            n=i,
            uuid=str(uuid.uuid5(UUID_NS, f"record-{i}")),
            title=doc.title[:200],
            body=body,
            organ=organ,
            category=category_pk(organ, _category_index(doc)),
            day=day,
            document_number=doc.document_number[:60],
            index_number=f"{code}/{year}-{seq:05d}",
            validity=_validity(rng),
        )

    if n <= len(pieces):
        for i, k in enumerate(sorted(rng.sample(range(len(pieces)), n))):
            yield make(i, *pieces[k])
        return
    paras = [(doc, p) for doc in docs for p in paragraphs(doc.text)]
    for i in range(n):
        doc, first = paras[rng.randrange(len(paras))]
        parts, size = [first[:SYNTH_MAX]], min(len(first), SYNTH_MAX)
        while size < SYNTH_MIN:
            _, p = paras[rng.randrange(len(paras))]
            p = p[: SYNTH_MAX - size]
            parts.append(p)
            size += len(p) + 1
        yield make(i, doc, "\n".join(parts))


def write_records(path: Path, n: int, seed: int = 42, data_dir: Path | None = None) -> dict:
    count = chars = 0
    with open(path, "w", encoding="utf-8") as f:
        for record in build_records(n, seed, data_dir):
            f.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
            count += 1
            chars += len(record.title) + len(record.body)
    return {"records": count, "chars": chars}


def read_records(path: Path) -> Iterator[BenchRecord]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield BenchRecord(**json.loads(line))
