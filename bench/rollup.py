"""Annual report roll-up over a city: `roll_up(city, year)` timed over a generated subtree.

The data is a benchmark fixture written with `bulk_create` (no actions, no history): organs with valid
unified social credit codes and materialised paths, applications with their applicants spread over the year
and the year before (new, carried in, closed in either year, still open), published records over the two years
linked to the organs' categories. Only the fields the compile reads are meaningful.
"""

import datetime as dt
import random
import statistics
import time

from django.db import transaction
from django.utils import timezone

from gongkai.annual.rollup import roll_up
from gongkai.applications.models import Applicant, ApplicantKind, Application, Status
from gongkai.catalog.models import Category, Record, RecordStatus
from gongkai.organs.models import Organ
from gongkai.organs.validators import uscc_check_char

YEAR = 2025
BATCH = 5000
CATEGORIES_PER_ORGAN = 4
OUTCOMES = ("granted", "partial", "withheld_4", "unable_1", "not_processed_2", "other_1", "other_3")


def _code(n: int) -> str:
    first17 = f"114301{n:011d}"
    return first17 + uscc_check_char(first17)


def _organs(n: int) -> tuple[Organ, list[Organ]]:
    """A city, `n // 50` districts under it and subdistricts under the districts: `n` organs in all."""
    city = Organ.objects.create(level=Organ.Level.CITY, name="基准市人民政府", org_code=_code(1))
    city.path = f"/{city.pk}/"
    city.save(update_fields=["path"])
    districts = Organ.objects.bulk_create(
        Organ(
            parent=city, level=Organ.Level.DISTRICT, name=f"基准区{i}", org_code=_code(1000 + i), position=i
        )
        for i in range(max(1, (n - 1) // 50) if n > 1 else 0)
    )
    for d in districts:
        d.path = f"{city.path}{d.pk}/"
    Organ.objects.bulk_update(districts, ["path"])
    rest = max(0, n - 1 - len(districts))
    subs = Organ.objects.bulk_create(
        Organ(
            parent=districts[i % len(districts)],
            level=Organ.Level.SUBDISTRICT,
            name=f"基准街道{i}",
            org_code=_code(100000 + i),
            position=i,
        )
        for i in range(rest)
    )
    for s in subs:
        s.path = f"{districts[[d.pk for d in districts].index(s.parent_id)].path}{s.pk}/"
    Organ.objects.bulk_update(subs, ["path"], batch_size=BATCH)
    return city, [city, *districts, *subs]


def _applications(organs: list[Organ], count: int, rng: random.Random) -> None:
    start = dt.date(YEAR - 1, 1, 1)
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        applicants = Applicant.objects.bulk_create(
            Applicant(
                kind=rng.choice(ApplicantKind.values),
                name="申请人",
                id_type="resident_id",
                phone="13800000000",
            )
            for _ in range(size)
        )
        apps = []
        for i, applicant in enumerate(applicants):
            received = start + dt.timedelta(days=rng.randrange(730))
            closed = received + dt.timedelta(days=rng.randrange(1, 40)) if rng.random() < 0.9 else None
            if closed is not None and closed.year > YEAR:
                closed = None
            apps.append(
                Application(
                    tracking_code=f"B{offset + i:010d}",
                    organ=organs[rng.randrange(len(organs))],
                    applicant=applicant,
                    channel="in_person",
                    status=Status.CLOSED if closed else Status.IN_PROGRESS,
                    submitted_on=received,
                    received_on=received,
                    closed_on=closed,
                    outcome=rng.choice(OUTCOMES) if closed else "",
                    description="所需政府信息",
                    delivery_form="email",
                )
            )
        Application.objects.bulk_create(apps)


def _records(organs: list[Organ], count: int, rng: random.Random, out) -> int:
    categories = Category.objects.bulk_create(
        Category(organ=organ, name=f"目录{k}", slug=f"c{k}", position=k)
        for organ in organs
        for k in range(CATEGORIES_PER_ORGAN)
    )
    by_organ: dict[int, list[int]] = {}
    for c in categories:
        by_organ.setdefault(c.organ_id, []).append(c.pk)
    tz = timezone.get_default_timezone()
    base = dt.datetime(YEAR - 1, 1, 1, tzinfo=tz)
    through = Record.categories.through
    written = dt.date(YEAR - 1, 1, 1)
    started = time.perf_counter()
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        records = Record.objects.bulk_create(
            Record(
                organ_id=organs[rng.randrange(len(organs))].pk,
                status=RecordStatus.PUBLISHED,
                title="记录",
                issuing_organ="基准",
                written_on=written,
                published_at=base + dt.timedelta(minutes=rng.randrange(2 * 365 * 24 * 60)),
            )
            for _ in range(size)
        )
        links = []
        for record in records:
            if rng.random() < 0.05:
                continue  # uncategorised
            for category in rng.sample(by_organ[record.organ_id], rng.choice((1, 1, 2))):
                links.append(through(record_id=record.pk, category_id=category))
        through.objects.bulk_create(links)
        if offset and offset % 200000 == 0:
            print(f"    {offset} records in {time.perf_counter() - started:.0f} s", file=out, flush=True)
    return count


def run(organs: int, applications: int, records: int, out, runs: int = 3) -> dict:
    rng = random.Random(2025)
    started = time.perf_counter()
    with transaction.atomic():
        city, all_organs = _organs(organs)
        _applications(all_organs, applications, rng)
    print(f"  roll-up data: {len(all_organs)} organs, {applications} applications", file=out, flush=True)
    with transaction.atomic():
        _records(all_organs, records, rng, out)
    setup = time.perf_counter() - started
    print(f"  {records} records; data built in {setup:.0f} s", file=out, flush=True)
    timings = []
    for _ in range(runs):
        t0 = time.perf_counter()
        rollup = roll_up(city, YEAR)
        timings.append(time.perf_counter() - t0)
    figures = {
        "organs": len(rollup.per_organ),
        "applications": applications,
        "records": records,
        "median_s": statistics.median(timings),
        "max_s": max(timings),
        "setup_s": setup,
    }
    print(
        f"roll_up(city, {YEAR}) over {figures['organs']} organs, {applications} applications, {records} records: "
        f"median {figures['median_s']:.2f} s, max {figures['max_s']:.2f} s ({runs} runs)",
        file=out,
        flush=True,
    )
    return figures
