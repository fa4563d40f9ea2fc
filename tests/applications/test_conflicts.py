"""A second clerk acting on a stale page gets ConflictError and nothing is written."""

import datetime as dt

import pytest

from gongkai.applications.actions import ConflictError, do_reply, do_start_consultation


def test_it_refuses_an_action_based_on_an_old_version(register, hank):
    app = register()
    seen = app.version
    do_start_consultation(
        app, actor=hank, kind="third_party", party="甲", on=dt.date(2025, 9, 29), expected_version=seen
    )
    events = app.events.count()
    with pytest.raises(ConflictError):
        do_reply(app, actor=hank, outcome="granted", on=dt.date(2025, 10, 9), expected_version=seen)
    app.refresh_from_db()
    assert app.status == "paused" and app.events.count() == events
    do_reply(app, actor=hank, outcome="granted", on=dt.date(2025, 10, 9), expected_version=app.version)
