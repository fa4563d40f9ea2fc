"""get_application_for_user and the staff list: handlers, approvers and supervisors above; nobody else."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.applications.actions import do_start_consultation
from gongkai.applications.models import Application
from gongkai.applications.queries import (
    applications_for_user,
    deadline_flag,
    due_soon_q,
    get_application_for_user,
    overdue_q,
)
from gongkai.organs.permissions import Perm


def test_it_lets_handlers_approvers_and_supervisors_see(register, hank, dora, erin, root):
    app = register()
    for user in (hank, dora, erin, root):
        assert get_application_for_user(user, app.tracking_code) == app
        assert list(applications_for_user(user)) == [app]


def test_it_hides_applications_from_catalog_staff_other_organs_and_the_public(
    register, alice, ivan, frank, citizen
):
    app = register()
    for user in (alice, ivan, frank, citizen):
        with pytest.raises(PermissionDenied):
            get_application_for_user(user, app.tracking_code)
        assert not applications_for_user(user).exists()


def test_it_checks_a_required_permission(register, hank, erin):
    app = register()
    assert get_application_for_user(hank, app.tracking_code, Perm.HANDLE) == app
    with pytest.raises(PermissionDenied):
        get_application_for_user(erin, app.tracking_code, Perm.HANDLE)


def test_it_says_404_for_unknown_codes(hank):
    with pytest.raises(Http404):
        get_application_for_user(hank, "GK-2025-AAAA-AAAA")


def test_it_filters_overdue_and_due_soon_and_flags_each(register, hank):
    early = register(received_on=dt.date(2025, 9, 26))  # due 2025-10-30
    late = register(received_on=dt.date(2025, 10, 9), description="另一件：请公开2025年街道预算调整方案")
    today = dt.date(2025, 10, 24)  # 10-27, 28, 29, 30: four working days to the first due date
    assert list(Application.objects.filter(due_soon_q(today))) == [early]
    assert not Application.objects.filter(overdue_q(today)).exists()
    assert list(Application.objects.filter(overdue_q(dt.date(2025, 10, 31)))) == [early]
    assert deadline_flag(early, today) == "due_soon"
    assert deadline_flag(late, today) == "on_time"
    assert deadline_flag(early, dt.date(2025, 10, 31)) == "overdue"
    do_start_consultation(late, actor=hank, kind="third_party", party="甲", on=dt.date(2025, 10, 24))
    late.refresh_from_db()
    assert deadline_flag(late, today) == "paused"
