"""Tracking codes and the public status lookup with the second factor: no personal information."""

import dataclasses
import datetime as dt

from gongkai.applications.actions import do_extend, do_reply, do_start_consultation
from gongkai.applications.intake import CODE_ALPHABET, CODE_RE
from gongkai.applications.queries import lookup_by_tracking_code

D = dt.date


def test_it_gives_unique_human_friendly_codes(register):
    codes = {register(description=f"请公开第{i}号文件及其附件{i * 104729}").tracking_code for i in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert CODE_RE.match(code) and code.startswith("GK-2025-")
    assert not set("01ILO") & set(CODE_ALPHABET)


def test_it_needs_the_last_4_digits_of_the_phone(register):
    app = register()
    assert lookup_by_tracking_code(app.tracking_code, "0000") is None
    assert lookup_by_tracking_code(app.tracking_code, "") is None
    assert lookup_by_tracking_code("GK-2025-AAAA-AAAA", "8000") is None
    status = lookup_by_tracking_code(app.tracking_code.lower(), "8000")
    assert status is not None and status.tracking_code == app.tracking_code
    assert status.due_on == D(2025, 10, 30)


def test_it_shows_the_timeline_and_outcome_without_personal_information(register, hank, dora):
    app = register()
    do_start_consultation(app, actor=hank, kind="third_party", party="第三方王某某", on=D(2025, 9, 29))
    do_extend(app, actor=hank, days=10, approver=dora, reason="王某某未回复", approved_on=D(2025, 10, 9))
    do_reply(app, actor=hank, outcome="partial", on=D(2025, 10, 20), note="涉及王某某个人信息")
    status = lookup_by_tracking_code(app.tracking_code, "8000")
    assert status.outcome == "partial" and status.closed_on == D(2025, 10, 20)
    labels = [event.label for event in status.timeline]
    assert labels[0] == "登记申请" and "延期答复（10个工作日）" in labels
    assert "征求第三方意见：开始" in labels
    text = repr(dataclasses.asdict(status))
    for secret in ("陈申请", "王某某", "13800138000", "002X", "chen@example.com", "某路1号"):
        assert secret not in text
