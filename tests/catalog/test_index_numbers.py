"""索引号: allocated at publication, unique and gap-free per organ and year, also under concurrency."""

import datetime as dt
import threading
import time
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from gongkai.catalog import actions
from gongkai.catalog.models import IndexCounter, Record
from gongkai.organs.actions import do_update_organ
from tests.helpers import make_draft, make_published

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_it_allocates_consecutive_numbers_per_year(organ, alice, bob, charlie):
    numbers = [
        make_published(
            organ,
            alice,
            bob,
            charlie,
            title=f"第{i}条",
            published_at=dt.datetime(2025, 12, 30 + i // 3, 10, tzinfo=SHANGHAI),
        ).index_number
        for i in range(3)
    ]
    jan = make_published(
        organ,
        alice,
        bob,
        charlie,
        title="新年第一条",
        published_at=dt.datetime(2026, 1, 1, 0, 5, tzinfo=SHANGHAI),
    )
    assert numbers == [f"11430105770088109P/2025-{n:05d}" for n in (1, 2, 3)]
    assert jan.index_number == "11430105770088109P/2026-00001"


def test_it_uses_the_year_in_china_not_utc(organ, alice, bob, charlie):
    # 2026-01-01 07:30 in Shanghai is still 2025-12-31 in UTC
    record = make_published(
        organ, alice, bob, charlie, published_at=dt.datetime(2026, 1, 1, 7, 30, tzinfo=SHANGHAI)
    )
    assert record.index_year == 2026


def test_it_follows_the_organs_template(organ, alice, bob, charlie, dora):
    do_update_organ(organ, actor=dora, index_number_template="DFL-{year}{month:02d}-{seq:04d}")
    organ.refresh_from_db()
    record = make_published(
        organ, alice, bob, charlie, published_at=dt.datetime(2026, 3, 5, 9, tzinfo=SHANGHAI)
    )
    assert record.index_number == "DFL-202603-0001"


@pytest.mark.parametrize("template", ["{org_code}/{year}", "{org_code}/{nope}-{seq}", "{seq:05d"])
def test_it_rejects_templates_that_cannot_be_unique_or_parsed(organ, dora, template):
    with pytest.raises(ValidationError):
        do_update_organ(organ, actor=dora, index_number_template=template)
    organ.refresh_from_db()
    assert organ.index_number_template == "{org_code}/{year}-{seq:05d}"


def test_it_hands_back_the_number_when_publishing_fails(organ, alice, bob, charlie, monkeypatch):
    record = make_draft(organ, alice)
    actions.do_submit_record(record, actor=alice)
    actions.do_approve_record(record, actor=bob)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "_event", boom)
    with pytest.raises(RuntimeError):
        actions.do_publish_record(record, actor=charlie)
    monkeypatch.undo()
    record.refresh_from_db()
    assert record.status == "approved" and record.index_number is None
    assert not IndexCounter.objects.filter(organ=organ, last_seq__gt=0).exists()
    actions.do_publish_record(record, actor=charlie)
    record.refresh_from_db()
    assert record.index_seq == 1


@pytest.mark.django_db(transaction=True)
def test_it_stays_gap_free_under_concurrent_publishers(organ, alice, bob, charlie, monkeypatch):
    """Eight publishers publish at once, each in its own connection and transaction. Formatting the number
    is slowed down so that the transactions really overlap between reading and writing the counter."""
    from gongkai.organs.models import Organ

    original = Organ.format_index_number

    def slow_format(self, *args):
        time.sleep(0.05)
        return original(self, *args)

    monkeypatch.setattr(Organ, "format_index_number", slow_format)
    records = []
    for i in range(8):
        record = make_draft(organ, alice, title=f"并发发布{i}")
        actions.do_submit_record(record, actor=alice)
        actions.do_approve_record(record, actor=bob)
        records.append(record)
    barrier = threading.Barrier(len(records))
    errors = []

    def publish(record):
        try:
            barrier.wait(timeout=10)
            actions.do_publish_record(record, actor=charlie)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=publish, args=(r,)) for r in records]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    seqs = sorted(Record.objects.filter(organ=organ).values_list("index_seq", flat=True))
    assert seqs == list(range(1, 9))
    assert len(set(Record.objects.values_list("index_number", flat=True))) == 8
