"""GET /api/v1/workdays/add: the public JSON deadline calculator."""

import pytest
from django.test import Client

from gongkai.workdays.counting import add_working_days

URL = "/api/v1/workdays/add"


@pytest.fixture
def client():
    return Client(raise_request_exception=True)


def test_it_returns_the_due_date_and_why(client):
    response = client.get(URL, {"start": "2025-09-26", "days": "20"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "国庆节" in response.content.decode()  # UTF-8, not \\u escapes
    body = response.json()
    assert body == {
        "start": "2025-09-26",
        "days": 20,
        "due": "2025-10-30",
        "calendar_confirmed": True,
        "unconfirmed_years": [],
        "skipped": [
            {"date": "2025-10-01", "name": "国庆节"},
            {"date": "2025-10-02", "name": "国庆节"},
            {"date": "2025-10-03", "name": "国庆节"},
            {"date": "2025-10-04", "name": "国庆节"},
            {"date": "2025-10-05", "name": "国庆节"},
            {"date": "2025-10-06", "name": "中秋节"},
            {"date": "2025-10-07", "name": "国庆节"},
            {"date": "2025-10-08", "name": "国庆节"},
        ],
        "counted_adjusted": [
            {"date": "2025-09-28", "name": "国庆节"},
            {"date": "2025-10-11", "name": "国庆节"},
        ],
    }


def test_it_flags_an_unconfirmed_year(client):
    body = client.get(URL, {"start": "2026-12-20", "days": "20"}).json()
    assert (body["due"], body["calendar_confirmed"], body["unconfirmed_years"]) == (
        "2027-01-15",
        False,
        [2027],
    )


def test_it_agrees_with_the_module_function(client):
    body = client.get(URL, {"start": "2026-02-13", "days": "2"}).json()
    result = add_working_days(__import__("datetime").date(2026, 2, 13), 2)
    assert body["due"] == result.due.isoformat() == "2026-02-24"
    assert [item["date"] for item in body["skipped"]] == [day.date.isoformat() for day in result.skipped]


def test_it_accepts_365_days(client):
    assert client.get(URL, {"start": "2025-01-01", "days": "365"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "field", "kind"),
    [
        ({"days": "20"}, "start", "missing"),
        ({"start": "2025-09-26"}, "days", "missing"),
        ({"start": "2025-02-30", "days": "20"}, "start", "date_from_datetime_parsing"),
        ({"start": "yesterday", "days": "20"}, "start", "date_from_datetime_parsing"),
        ({"start": "2025-09-26", "days": "twenty"}, "days", "int_parsing"),
        ({"start": "2025-09-26", "days": "2.5"}, "days", "int_parsing"),
        ({"start": "2025-09-26", "days": "0"}, "days", "greater_than_equal"),
        ({"start": "2025-09-26", "days": "-3"}, "days", "greater_than_equal"),
        ({"start": "2025-09-26", "days": "366"}, "days", "less_than_equal"),
        ({"start": "9999-12-30", "days": "20"}, "start", "value_error"),
    ],
)
def test_it_explains_bad_input_with_422(client, params, field, kind):
    response = client.get(URL, params)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [(error["loc"], error["type"]) for error in errors] == [(["query", field], kind)]
    assert errors[0]["msg"]


def test_it_needs_no_login_and_takes_no_post(client):
    assert client.post(URL, {"start": "2025-09-26", "days": "20"}).status_code == 405
