"""Organ names as dictionary words (东风路街道, 开福区), loaded once per process before indexing or querying.

A renamed or new organ's name becomes a word for processes started afterwards. Its records are reindexed
through the outbox when it is renamed (organs.actions.do_update_organ); until every process knows the word,
the query's characters-in-a-row fallback still finds the name in documents segmented without it.
"""

import threading

from gongkai.search import analysis

_loaded = threading.Event()
_lock = threading.Lock()


def ensure_organ_words() -> None:
    if _loaded.is_set():
        return
    with _lock:
        if _loaded.is_set():
            return
        from gongkai.organs.models import Organ

        names = Organ.objects.values_list("name", "short_name")
        analysis.add_words(n for pair in names for n in pair if n)
        _loaded.set()


def forget() -> None:
    _loaded.clear()
