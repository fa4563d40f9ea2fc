import pytest

from gongkai.workdays.actions import do_seed_from_package


@pytest.fixture(autouse=True)
def seeded_calendar(db):
    """The calendar as `migrate` leaves it. A transactional test elsewhere in the run flushes the tables the
    data migration filled, so make sure (idempotently) that the package's years are there."""
    do_seed_from_package(actor=None)
