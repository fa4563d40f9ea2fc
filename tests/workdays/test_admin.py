"""Django admin edits the calendar for superusers, through the actions."""

import datetime as dt

import pytest
from django.test import Client

from gongkai.workdays.models import CalendarDay, CalendarYear, Source


@pytest.fixture
def admin_client(root):
    client = Client(raise_request_exception=True)
    client.force_login(root)
    return client


def test_it_adds_a_day_through_the_action(admin_client, root):
    response = admin_client.post(
        "/django-admin/workdays/calendarday/add/",
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦", "note": "手工录入"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = CalendarDay.objects.get(date=dt.date(2027, 1, 1))
    assert (row.name, row.source, row.updated_by) == ("元旦", Source.MANUAL, root)


def test_it_shows_the_action_error_for_a_weekday_make_up_workday(admin_client):
    response = admin_client.post(
        "/django-admin/workdays/calendarday/add/",
        {"date": "2027-01-04", "kind": "adjusted_workday", "name": "元旦"},
    )
    assert response.status_code == 200
    assert "本来就是工作日" in response.content.decode()
    assert not CalendarDay.objects.filter(date=dt.date(2027, 1, 4)).exists()


def test_it_deletes_a_day_through_the_action(admin_client):
    row = CalendarDay.objects.get(date=dt.date(2025, 10, 1))
    response = admin_client.post(f"/django-admin/workdays/calendarday/{row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not CalendarDay.objects.filter(date=dt.date(2025, 10, 1)).exists()


def test_it_confirms_a_year_through_the_action(admin_client, root):
    response = admin_client.post(
        "/django-admin/workdays/calendaryear/add/", {"year": "2027", "confirmed": "on", "note": "通知"}
    )
    assert response.status_code == 302
    row = CalendarYear.objects.get(year=2027)
    assert (row.confirmed, row.confirmed_by) == (True, root)


def test_it_keeps_staff_without_superuser_rights_out(dora):
    dora.is_staff = True
    dora.save()
    client = Client()
    client.force_login(dora)
    assert client.get("/django-admin/workdays/calendarday/").status_code == 403
