import datetime as dt
import zoneinfo
from io import StringIO

import time_machine
from django.core.management import call_command

from gongkai.catalog.actions import do_approve_record, do_change_validity, do_publish_record, do_submit_record
from gongkai.catalog.models import RecordEvent, RecordStatus, Validity
from tests.helpers import make_draft, make_published

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def approved(organ, alice, bob, **overrides):
    record = make_draft(organ, alice, **overrides)
    do_submit_record(record, actor=alice)
    return do_approve_record(record, actor=bob)


def test_it_publishes_scheduled_records_when_due(organ, alice, bob, charlie):
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI), tick=False):
        record = approved(organ, alice, bob)
        do_publish_record(record, actor=charlie, publish_at=dt.datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI))
        record.refresh_from_db()
        assert record.status == RecordStatus.SCHEDULED and record.index_number is None
        out = StringIO()
        call_command("publish_due", stdout=out)
        record.refresh_from_db()
        assert record.status == RecordStatus.SCHEDULED
        assert "0 published" in out.getvalue()
    with time_machine.travel(dt.datetime(2026, 12, 1, 18, 1, tzinfo=SHANGHAI), tick=False):
        out = StringIO()
        call_command("publish-due", stdout=out)
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED
    assert record.published_at == dt.datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)
    assert record.index_number.endswith("/2026-00001")
    assert "1 published" in out.getvalue()
    assert record.events.filter(kind=RecordEvent.Kind.PUBLISHED, actor=None).exists()


def test_it_publishes_immediately_when_the_time_is_past(organ, alice, bob, charlie):
    record = approved(organ, alice, bob)
    past = dt.datetime(2020, 1, 1, tzinfo=SHANGHAI)
    do_publish_record(record, actor=charlie, publish_at=past)
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED


def test_it_expires_records_on_their_expiry_date(organ, alice, bob, charlie):
    record = make_published(organ, alice, bob, charlie, expires_on=dt.date(2026, 12, 31))
    with time_machine.travel(dt.datetime(2026, 12, 30, 12, tzinfo=SHANGHAI)):
        call_command("publish_due", stdout=StringIO())
        record.refresh_from_db()
        assert record.validity == Validity.VALID
    with time_machine.travel(dt.datetime(2026, 12, 31, 0, 1, tzinfo=SHANGHAI)):
        call_command("publish_due", stdout=StringIO())
    record.refresh_from_db()
    assert record.validity == Validity.EXPIRED
    assert record.status == RecordStatus.PUBLISHED
    event = record.events.get(kind=RecordEvent.Kind.VALIDITY_CHANGED)
    assert event.data == {"old": "valid", "new": "expired", "on": "2026-12-31"}


def test_it_repeals_a_published_record(organ, alice, bob, charlie):
    record = make_published(organ, alice, bob, charlie)
    do_change_validity(
        record, actor=charlie, validity=Validity.REPEALED, on=dt.date(2026, 3, 1), note="被新文件替代"
    )
    record.refresh_from_db()
    assert record.validity == Validity.REPEALED and record.repealed_on == dt.date(2026, 3, 1)
