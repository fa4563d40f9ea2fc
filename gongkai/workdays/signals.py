"""`calendar_changed` is sent after the transaction that changed the calendar commits.

Keyword arguments: `first` and `last` (dates, inclusive): every date whose workday status or name may have
changed lies between them. Due dates counted across that range must be recomputed; the application module
subscribes to it.
"""

from django.dispatch import Signal

calendar_changed = Signal()
