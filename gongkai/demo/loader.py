"""Load the demo: organ tree, staff, a year of records that went through the real workflow, and the casework
of 东风路街道 (applications, enquiries, appeals, organ-year facts: `gongkai.demo.cases`).

Everything is written through the action functions, so events, revisions, 索引号 and attachment blobs
are what the application itself would have produced. Dates are relative to "now"; apart from that the
load is deterministic (every random choice comes from a generator seeded with the record's key).

Idempotent: organs are found by 机构代码, users by username, and an organ whose catalog already holds
records is left alone (the casework likewise, per kind of data). Each batch (structure, staff, one organ's
records, each kind of casework) is one transaction.
"""

import datetime as dt
import html
import random
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.actions import (
    do_add_attachment,
    do_apply_category_template,
    do_approve_record,
    do_change_validity,
    do_create_record,
    do_publish_record,
    do_return_record,
    do_set_related_records,
    do_submit_record,
    do_withdraw_record,
)
from gongkai.catalog.models import Category, Record, Validity
from gongkai.core import clock
from gongkai.demo import attachments
from gongkai.demo.cases import CaseLoader
from gongkai.demo.content import COMMUNITY_ITEMS, SUBDISTRICT_ITEMS
from gongkai.demo.content.base import Item
from gongkai.demo.content.organs import CITY, COMMUNITIES, DEMO_PASSWORD, DISTRICT, STAFF, SUBDISTRICT
from gongkai.organs.actions import do_create_organ, do_grant_role
from gongkai.organs.models import Organ

PUBLISHED = "published"
WITHDRAWN = "withdrawn"
DOC_PREFIX = {"发": "东风路街发", "办": "东风路街办"}
# Newest a seasonal (`when=`) item may be: two days before loading.
MIN_AGE_DAYS = 2


@dataclass
class Planned:
    """An Item placed on the calendar, with its texts filled in."""

    item: Item
    day: dt.date  # publication day (published/withdrawn) or the day the draft was written
    published_at: dt.datetime | None
    written_on: dt.date
    ctx: dict
    document_number: str = ""
    record: Record | None = None


@dataclass
class Report:
    organs_created: int = 0
    users_created: int = 0
    records_created: int = 0
    attachments_created: int = 0
    applications_created: int = 0
    letters_created: int = 0
    appeals_created: int = 0
    enquiries_created: int = 0
    facts_created: int = 0
    skipped_organs: list[str] = field(default_factory=list)
    # organ → [(category, published records)]
    per_category: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(
            self.organs_created
            or self.users_created
            or self.records_created
            or self.applications_created
            or self.appeals_created
            or self.enquiries_created
            or self.facts_created
        )


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


# Public holidays on fixed dates (元旦, 劳动节, 国庆节); the lunar ones move and are not avoided.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 2), (5, 3), (5, 4), (5, 5), *((10, d) for d in range(1, 8))}


def _is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def _workday_on_or_before(day: dt.date) -> dt.date:
    while not _is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def _workday_on_or_after(day: dt.date) -> dt.date:
    while not _is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _ctx(day: dt.date) -> dict:
    return {"year": day.year, "prev_year": day.year - 1, "next_year": day.year + 1}


def _body_html(paragraphs, ctx) -> str:
    parts = []
    for text in paragraphs:
        text = text.format_map(ctx)
        parts.append(text if text.startswith("<") else f"<p>{html.escape(text, quote=False)}</p>")
    return "\n".join(parts)


class DemoLoader:
    def __init__(self, *, now: dt.datetime | None = None, log=None):
        self.now = timezone.localtime(now or timezone.now())
        self.today = self.now.date()
        self.log = log or (lambda message: None)
        self.report = Report()

    # --- calendar --------------------------------------------------------------------------------

    def _day(self, item: Item) -> dt.date:
        if item.ago is not None:
            return self.today - dt.timedelta(days=item.ago)
        month, day = item.when
        candidate = dt.date(self.today.year, month, day)
        if candidate > self.today - dt.timedelta(days=MIN_AGE_DAYS):
            candidate = candidate.replace(year=candidate.year - 1)
        return candidate

    def _at(self, day: dt.date, rng: random.Random) -> dt.datetime:
        """A time in office hours on `day` (local time): 9:00–11:45 or 14:30–17:15."""
        start = dt.time(9, 0) if rng.random() < 0.55 else dt.time(14, 30)
        offset = dt.timedelta(minutes=rng.randrange(0, 166), seconds=rng.randrange(60))
        moment = timezone.make_aware(dt.datetime.combine(day, start) + offset)
        return min(moment, self.now - dt.timedelta(hours=1))

    def plan(self, items: list[Item]) -> list[Planned]:
        """Place every item on the calendar and number the formal documents in publication order."""
        planned = []
        latest = self.today - dt.timedelta(days=1)
        for item in items:
            rng = _rng(item.key)
            nominal = self._day(item)
            if item.state in (PUBLISHED, WITHDRAWN):
                # Published on the next working day (news of a weekend event appears on Monday).
                day = _workday_on_or_after(nominal)
                if day > latest:
                    day = _workday_on_or_before(nominal)
                published_at = self._at(day, rng)
                if "gzdt" in item.cats:  # news is written on the day of the event (or the day after)
                    written_on = min(nominal, day)
                else:
                    written_on = _workday_on_or_before(day - dt.timedelta(days=rng.randint(1, 6)))
            else:
                day = written_on = _workday_on_or_before(nominal)
                published_at = None
            planned.append(Planned(item, day, published_at, written_on, _ctx(day)))
        planned.sort(
            key=lambda p: (
                p.published_at or timezone.make_aware(dt.datetime.combine(p.day, dt.time(18))),
                p.item.key,
            )
        )
        self._number_documents(planned)
        return planned

    @staticmethod
    def _number_documents(planned: list[Planned]) -> None:
        """文号 per kind and year in chronological order; the gaps are documents that are not public."""
        rng = _rng("document-numbers")
        last: dict[tuple[str, int], int] = {}
        for p in planned:
            if not p.item.doc:
                continue
            key = (p.item.doc, p.written_on.year)
            serial = last.get(key, 0) + rng.randint(1, 3)
            last[key] = serial
            p.document_number = f"{DOC_PREFIX[p.item.doc]}〔{p.written_on.year}〕{serial}号"

    def _data(self, p: Planned, organ: Organ) -> dict:
        item, ctx = p.item, p.ctx
        data = {
            "title": item.title.format_map(ctx),
            "document_number": p.document_number,
            "issuing_organ": organ.name,
            "written_on": p.written_on,
            "subject_terms": item.terms.format_map(ctx),
            "topic": item.topic,
            "summary": item.summary.format_map(ctx),
            "body": _body_html(item.body, ctx),
            "source": item.source,
            "validity": Validity.VALID,
        }
        if item.effective:
            data["effective_on"] = p.day
        if item.expires is not None:
            data["expires_on"] = self._expiry(p.day, item.expires)
        return data

    @staticmethod
    def _expiry(start: dt.date, expires) -> dt.date:
        if isinstance(expires, int):
            return start + dt.timedelta(days=expires)
        month, day = expires
        candidate = dt.date(start.year, month, day)
        return candidate if candidate >= start else candidate.replace(year=start.year + 1)

    # --- structure and staff ---------------------------------------------------------------------

    def _organ(self, spec: dict, parent: Organ | None) -> Organ:
        organ = Organ.objects.filter(org_code=spec["org_code"]).first()
        if organ is None:
            fields = {k: v for k, v in spec.items() if k not in ("level", "name", "org_code")}
            organ = do_create_organ(
                actor=None,
                parent=parent,
                level=spec["level"],
                name=spec["name"],
                org_code=spec["org_code"],
                **fields,
            )
            self.report.organs_created += 1
            self.log(f"机关：{organ.name}（{organ.org_code}）")
        return organ

    @transaction.atomic
    def load_organs(self) -> dict[str, Organ]:
        city = self._organ(CITY, None)
        district = self._organ(DISTRICT, city)
        subdistrict = self._organ(SUBDISTRICT, district)
        organs = {o.org_code: o for o in (city, district, subdistrict)}
        for spec in COMMUNITIES:
            organs[spec["org_code"]] = self._organ(spec, subdistrict)
        for organ in (subdistrict, *(organs[c["org_code"]] for c in COMMUNITIES)):
            if not Category.objects.filter(organ=organ).exists():
                do_apply_category_template(organ=organ, actor=None, template="subdistrict")
        return organs

    @transaction.atomic
    def load_staff(self, organs: dict[str, Organ]) -> dict[str, object]:
        User = get_user_model()
        users = {}
        for username, display_name, org_code, role in STAFF:
            user = User.objects.filter(username=username).first()
            if user is None:
                if org_code is None:
                    user = User.objects.create_superuser(username=username, password=DEMO_PASSWORD)
                else:
                    user = User.objects.create_user(username=username, password=DEMO_PASSWORD)
                user.first_name = display_name
                user.save(update_fields=["first_name"])
                self.report.users_created += 1
                self.log(f"用户：{username}（{display_name}）")
            if role is not None:
                do_grant_role(actor=None, user=user, organ=organs[org_code], role=role)
            users[username] = user
        return users

    # --- records ---------------------------------------------------------------------------------

    def load_records(self, organ: Organ, items: list[Item], staff: dict | None) -> list[Planned]:
        """One organ's records in one transaction; skipped when the organ's catalog is not empty."""
        if Record.objects.filter(organ=organ).exists():
            self.report.skipped_organs.append(organ.display_name)
            return []
        with transaction.atomic():
            planned = self._load_records(organ, items, staff or {})
        return planned

    def _load_records(self, organ: Organ, items: list[Item], staff: dict) -> list[Planned]:
        editor, reviewer, publisher = staff.get("editor"), staff.get("reviewer"), staff.get("publisher")
        categories = {c.slug: c for c in Category.objects.filter(organ=organ).select_related("parent")}
        planned = self.plan(items)
        by_key = {p.item.key: p for p in planned}
        for p in planned:
            item = p.item
            # Stamp each step when it would have happened: drafted the morning of the 成文日期's next
            # working day, reviewed and approved shortly before publication.
            stamps = self._stamps(p)
            with clock.at(stamps["created"]):
                record = do_create_record(
                    organ=organ,
                    actor=editor,
                    data=self._data(p, organ),
                    categories=[categories[slug] for slug in item.cats],
                )
                for generator, params in item.attach:
                    filename, content = attachments.generate(generator, p.ctx, params)
                    upload = SimpleUploadedFile(filename, content)
                    do_add_attachment(record, actor=editor, uploaded=upload)
                    self.report.attachments_created += 1
            with clock.at(stamps["submitted"]):
                if item.state != "draft":
                    record = do_submit_record(record, actor=editor)
            with clock.at(stamps["reviewed"]):
                if item.state == "returned":
                    record = do_return_record(record, actor=reviewer, reason=item.note)
                elif item.state in ("approved", "scheduled", PUBLISHED, WITHDRAWN):
                    record = do_approve_record(
                        record, actor=reviewer, note="经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。"
                    )
            with clock.at(stamps["published"]):
                if item.state == "scheduled":
                    publish_at = timezone.make_aware(
                        dt.datetime.combine(
                            _workday_on_or_after(self.today + dt.timedelta(days=1)), dt.time(9, 0)
                        )
                    )
                    record = do_publish_record(record, actor=publisher, publish_at=publish_at)
                elif item.state in (PUBLISHED, WITHDRAWN):
                    record = do_publish_record(record, actor=publisher)
            if item.state == WITHDRAWN:
                with clock.at(stamps["withdrawn"]):
                    record = do_withdraw_record(record, actor=publisher, reason=item.note)
            p.record = record
            self.report.records_created += 1
        self._validity(planned, by_key, publisher)
        self._relations(planned, by_key, editor)
        self._count(organ, planned, categories)
        published = sum(1 for p in planned if p.item.state == PUBLISHED)
        self.log(f"{organ.display_name}：{len(planned)} 条信息，其中已发布 {published} 条")
        return planned

    def _stamps(self, p: Planned) -> dict[str, dt.datetime]:
        """When each workflow step of a demo record happened (all before now)."""
        now = self.now
        if p.published_at is not None:
            published = p.published_at
            created = max(
                min(
                    published - dt.timedelta(hours=6),
                    timezone.make_aware(dt.datetime.combine(p.written_on, dt.time(9, 10))),
                ),
                published - dt.timedelta(days=10),
            )
        else:
            published = now - dt.timedelta(hours=1)
            created = now - dt.timedelta(days=2, hours=3)
        span = published - created
        return {
            "created": created,
            "submitted": created + span * 0.5,
            "reviewed": created + span * 0.8,
            "published": published,
            "withdrawn": min(published + dt.timedelta(days=3), now - dt.timedelta(minutes=30)),
        }

    def _count(self, organ: Organ, planned: list[Planned], categories: dict[str, Category]) -> None:
        """Published records per category, in the order of the category tree."""
        counts = Counter(slug for p in planned if p.item.state == PUBLISHED for slug in p.item.cats)
        ordered = sorted(
            categories.values(),
            key=lambda c: (c.parent.position, 1, c.position) if c.parent_id else (c.position, 0, 0),
        )
        self.report.per_category[organ.display_name] = [
            (c.full_name, counts[c.slug]) for c in ordered if counts[c.slug]
        ]

    def _validity(self, planned: list[Planned], by_key: dict[str, Planned], publisher) -> None:
        for p in planned:
            if p.item.state != PUBLISHED:
                continue
            if p.item.repealed_by:
                successor = by_key[p.item.repealed_by]
                with clock.at(successor.published_at or self.now):
                    do_change_validity(
                        p.record,
                        actor=publisher,
                        validity=Validity.REPEALED,
                        on=successor.day,
                        note=f"已被《{successor.record.title}》废止。",
                    )
            elif p.record.expires_on and p.record.expires_on < self.today:
                expired_at = timezone.make_aware(dt.datetime.combine(p.record.expires_on, dt.time(0, 5)))
                with clock.at(expired_at):
                    do_change_validity(
                        p.record,
                        actor=publisher,
                        validity=Validity.EXPIRED,
                        on=p.record.expires_on,
                        note="有效期届满。",
                    )

    @staticmethod
    def _relations(planned: list[Planned], by_key: dict[str, Planned], editor) -> None:
        # The relation is symmetrical: collect both directions first, then set each record's full list.
        neighbours: dict[str, set[str]] = defaultdict(set)
        for p in planned:
            for other in p.item.related:
                if other not in by_key:
                    raise KeyError(f"{p.item.key}: related record {other!r} is not in the demo content")
                neighbours[p.item.key].add(other)
                neighbours[other].add(p.item.key)
        for key in sorted(neighbours):
            related = [by_key[k].record for k in sorted(neighbours[key])]
            do_set_related_records(by_key[key].record, actor=editor, related=related)

    # --- everything ------------------------------------------------------------------------------

    def run(self) -> Report:
        organs = self.load_organs()
        staff = self.load_staff(organs)
        subdistrict = organs[SUBDISTRICT["org_code"]]
        self.load_records(subdistrict, SUBDISTRICT_ITEMS, staff)
        for org_code, items in COMMUNITY_ITEMS.items():
            self.load_records(organs[org_code], items, None)
        CaseLoader(now=self.now, staff=staff, report=self.report, log=self.log).run(subdistrict)
        return self.report
