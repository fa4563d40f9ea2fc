"""The reply clock as a pure function of the clock events of one application.

Events (stored as ApplicationEvent rows with a legal date `on`):
- `started` on the receipt date (DOMAIN §1.2) and `restarted` on receipt of the corrected application (art 30):
  the count starts again from that day, the day itself excluded; earlier pauses no longer matter.
- `correction_requested`: the clock stops (no due date) until `restarted`.
- `paused`/`resumed` with a pause kind: consultation of a third party or another agency (art 32–34), fee notice.
  A pause that starts on day a and ends on day b takes the working days a < d ≤ b out of the count: the agency
  worked on the day it sent the letter, and the count resumes the day after the answer arrived (the same
  start-day-excluded convention as the receipt). Each pause also has a window (15 wd for consultations, 20 wd
  for payment); time beyond the window is not excluded, so a pause ends at the latest at its window end, and an
  open pause is counted as lasting to that end (the latest possible due date; it moves earlier when the pause
  ends sooner).
- Overlapping or nested pauses exclude the union of their days once (a day is either counted or not).
- `extended` adds its working days to the period (once, checked by the actions).

The due date is the working day on which the count reaches reply_days + extension.
"""

import datetime as dt
from dataclasses import dataclass

from gongkai.applications.rules import DUE_SOON_DAYS, RuleSet
from gongkai.workdays.counting import Calendar

ONE_DAY = dt.timedelta(days=1)

STARTED = "started"
CORRECTION_REQUESTED = "correction_requested"
RESTARTED = "restarted"
PAUSED = "paused"
RESUMED = "resumed"
EXTENDED = "extended"
CLOCK_KINDS = (STARTED, CORRECTION_REQUESTED, RESTARTED, PAUSED, RESUMED, EXTENDED)


@dataclass(frozen=True)
class ClockEvent:
    kind: str
    on: dt.date
    pause: str = ""  # the pause kind of `paused`/`resumed`
    days: int = 0  # `extended`: working days added; `paused`: the window in working days


@dataclass(frozen=True)
class Pause:
    kind: str
    started_on: dt.date
    window_end: dt.date
    ended_on: dt.date | None  # None while open

    @property
    def effective_end(self) -> dt.date:
        return self.window_end if self.ended_on is None else min(self.ended_on, self.window_end)

    def excludes(self, day: dt.date) -> bool:
        return self.started_on < day <= self.effective_end


@dataclass(frozen=True)
class ClockState:
    started_on: dt.date | None  # the day the current count runs from (receipt or corrected receipt)
    stopped: bool  # no running clock: receipt not confirmed yet, or waiting for a correction
    due_on: dt.date | None
    total_days: int  # reply period + extension
    extension_days: int
    pauses: tuple[Pause, ...]
    open_pauses: tuple[str, ...]
    paused_days: int  # working days taken out of the count up to the due date
    calendar_confirmed: bool
    unconfirmed_years: tuple[int, ...]


def compute(events, rules: RuleSet, calendar: Calendar | None = None) -> ClockState:
    """The clock state after `events` (in the order they happened)."""
    calendar = calendar or Calendar()
    started_on: dt.date | None = None
    stopped = True
    extension = 0
    closed: list[tuple[str, dt.date, int, dt.date]] = []
    open_: dict[str, tuple[dt.date, int]] = {}
    for event in events:
        if event.kind in (STARTED, RESTARTED):
            started_on, stopped = event.on, False
            closed, open_ = [], {}
        elif event.kind == CORRECTION_REQUESTED:
            stopped = True
        elif event.kind == PAUSED:
            open_[event.pause] = (event.on, event.days)
        elif event.kind == RESUMED and event.pause in open_:
            start, window = open_.pop(event.pause)
            closed.append((event.pause, start, window, event.on))
        elif event.kind == EXTENDED:
            extension += event.days
    pauses = [
        Pause(kind, start, calendar.add_working_days(start, window).due, end)
        for kind, start, window, end in closed
    ]
    pauses += [
        Pause(kind, start, calendar.add_working_days(start, window).due, None)
        for kind, (start, window) in open_.items()
    ]
    pauses.sort(key=lambda p: (p.started_on, p.kind))
    total = rules.reply_days + extension
    if stopped or started_on is None:
        return ClockState(started_on, True, None, total, extension, tuple(pauses), tuple(open_), 0, True, ())
    day, counted, paused_days, years = started_on, 0, 0, set()
    while counted < total:
        day += ONE_DAY
        if not calendar.is_workday(day):
            continue
        if any(p.excludes(day) for p in pauses):
            paused_days += 1
            continue
        counted += 1
        years.add(day.year)
    unconfirmed = tuple(sorted(y for y in years if not calendar.is_confirmed(y)))
    return ClockState(
        started_on=started_on,
        stopped=False,
        due_on=day,
        total_days=total,
        extension_days=extension,
        pauses=tuple(pauses),
        open_pauses=tuple(sorted(open_)),
        paused_days=paused_days,
        calendar_confirmed=not unconfirmed,
        unconfirmed_years=unconfirmed,
    )


def working_days_between(start: dt.date, end: dt.date, calendar: Calendar | None = None) -> int:
    """Working days d with start < d ≤ end (0 when end ≤ start)."""
    calendar = calendar or Calendar()
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if calendar.is_workday(day):
            count += 1
    return count


def is_overdue(due_on: dt.date | None, today: dt.date) -> bool:
    return due_on is not None and today > due_on


def is_due_soon(due_on: dt.date | None, today: dt.date, calendar: Calendar | None = None) -> bool:
    """Not overdue, and at most DUE_SOON_DAYS working days left (the due day counts as one)."""
    if due_on is None or today > due_on:
        return False
    return working_days_between(today, due_on, calendar) <= DUE_SOON_DAYS
