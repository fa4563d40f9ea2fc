"""The time actions stamp on rows and events. Normally `timezone.now()`; importers of history (and the demo)
run actions inside `clock.at(when)` so that timelines show when things really happened."""

import contextvars
import datetime as dt
from contextlib import contextmanager

from django.utils import timezone

_fixed: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar("gongkai_clock", default=None)


def now() -> dt.datetime:
    fixed = _fixed.get()
    return fixed if fixed is not None else timezone.now()


@contextmanager
def at(when: dt.datetime):
    if timezone.is_naive(when):
        raise ValueError("clock.at() needs an aware datetime")
    token = _fixed.set(when)
    try:
        yield when
    finally:
        _fixed.reset(token)
