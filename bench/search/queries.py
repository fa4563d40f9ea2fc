"""The fixed benchmark queries: generated once from the corpus with seed 7, stored in queries.json.

``python -m bench.search.queries`` regenerates the file (identically: same corpus, same seed). The queries do
not depend on N, so 20k, 100k and 1M runs use the same set. Classes (220 queries):

- hand (30): government terms people type (应急管理, 住房公积金, 政府信息公开 …);
- common (20): the 20 words in most documents (of a 5,000-chunk sample); mid (20): words in 0.2–5 % of them;
  rare (20): words in 1–3 of them;
- two (40) and three (20): words (2+ characters) drawn from one random chunk, ANDed;
- phrase (20): a quoted 4–8 character run of Han text from a random chunk;
- docno (10): a 文号 from the corpus in one of four bracket spellings;
- filtered (40): a two-term query plus an organ filter (a district with everything under it) or a year filter.
"""

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

QUERIES_FILE = Path(__file__).with_name("queries.json")
SEED = 7
HAND = [
    "政府信息公开",
    "财政",
    "应急管理",
    "行政复议",
    "住房公积金",
    "外交部发言人",
    "依申请公开",
    "行政规范性文件",
    "最低生活保障",
    "社会保险",
    "安全生产",
    "突发事件",
    "预算",
    "审计",
    "营商环境",
    "科技成果转化",
    "高校毕业生",
    "就业",
    "养老保险",
    "食品安全",
    "环境保护",
    "大气污染",
    "疫情防控",
    "乡村振兴",
    "义务教育",
    "知识产权",
    "行政处罚",
    "招标投标",
    "政务服务",
    "一带一路",
]
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
_BRACKETS = (("〔", "〕"), ("[", "]"), ("（", "）"), ("【", "】"))


def _words(text: str) -> list[str]:
    from gongkai.search.analysis import query_words

    return [w for w in query_words(text) if _HAN_WORD.match(w)]


def generate(data_dir: Path | None = None) -> list[dict]:
    from bench.search.corpus import load_corpus
    from bench.search.records import DISTRICTS, ORGANS, chunks

    rng = random.Random(SEED)
    docs = list(load_corpus(data_dir))
    pieces = [(doc, body) for doc in docs for body in chunks(doc)]
    sample = rng.sample(pieces, 5000)
    df = Counter()
    for doc, body in sample:
        df.update(set(_words(doc.title + "\n" + body)))
    n = len(sample)
    by_df = sorted(df, key=lambda w: (-df[w], w))
    common = [w for w in by_df if w not in HAND][:20]
    mid = sorted(w for w in df if 0.002 * n <= df[w] <= 0.05 * n and w not in HAND)
    rare = sorted(w for w in df if 1 <= df[w] <= 3 and len(w) >= 2)
    queries = [{"kind": "hand", "q": w} for w in HAND]
    queries += [{"kind": "common", "q": w} for w in common]
    queries += [{"kind": "mid", "q": w} for w in rng.sample(mid, 20)]
    queries += [{"kind": "rare", "q": w} for w in rng.sample(rare, 20)]

    def words_from_chunk(k: int) -> list[str]:
        while True:
            doc, body = pieces[rng.randrange(len(pieces))]
            words = list(dict.fromkeys(_words(body)))
            if len(words) >= 3 * k:
                return rng.sample(words, k)

    queries += [{"kind": "two", "q": " ".join(words_from_chunk(2))} for _ in range(40)]
    queries += [{"kind": "three", "q": " ".join(words_from_chunk(3))} for _ in range(20)]
    while sum(q["kind"] == "phrase" for q in queries) < 20:
        doc, body = pieces[rng.randrange(len(pieces))]
        runs = _HAN_RUN.findall(body)
        if runs:
            run = rng.choice(runs)
            length = rng.randint(4, min(8, len(run)))
            start = rng.randrange(len(run) - length + 1)
            queries.append({"kind": "phrase", "q": f'"{run[start : start + length]}"'})
    numbers = sorted({d.document_number for d in docs if re.search(r"〔\d{4}〕", d.document_number)})
    for i, number in enumerate(rng.sample(numbers, 10)):
        left, right = _BRACKETS[i % len(_BRACKETS)]
        queries.append({"kind": "docno", "q": number.replace("〔", left).replace("〕", right)})
    districts = [o for o in ORGANS if o.level == "district"]
    assert len(districts) == len(DISTRICTS)
    for i in range(40):
        q = {"kind": "filtered", "q": " ".join(words_from_chunk(2))}
        if i % 2 == 0:
            organ = districts[rng.randrange(len(districts))]
            q.update(organ=organ.org_code, organ_path=organ.path)
        else:
            q["year"] = rng.randint(2012, 2022)
        queries.append(q)
    return queries


def load_queries(path: Path = QUERIES_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def main() -> int:
    queries = generate()
    lines = ",\n".join(json.dumps(q, ensure_ascii=False) for q in queries)
    QUERIES_FILE.write_text(
        f'{{"seed": {SEED}, "count": {len(queries)}, "queries": [\n{lines}\n]}}\n', encoding="utf-8"
    )
    print(f"{len(queries)} queries → {QUERIES_FILE}", Counter(q["kind"] for q in queries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
