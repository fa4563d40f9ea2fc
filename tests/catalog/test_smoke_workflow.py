from gongkai.catalog.models import RecordStatus
from tests.helpers import attach_pdf, make_draft, make_published


def test_it_publishes_through_review_with_index_number(organ, alice, bob, charlie):
    record = make_published(organ, alice, bob, charlie)
    assert record.status == RecordStatus.PUBLISHED
    assert record.index_number.startswith("11430105770088109P/")
    assert record.events.count() == 4


def test_it_attaches_pdf(organ, alice):
    record = make_draft(organ, alice)
    attachment = attach_pdf(record, alice)
    assert len(attachment.sha256) == 64
