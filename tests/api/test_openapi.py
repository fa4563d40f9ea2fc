"""The OpenAPI document at /api/v1/openapi.json lists every public endpoint with its parameters."""

from django.test import Client


def test_it_lists_the_workdays_endpoint(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"] == {"title": "Gongkai API", "version": "1", "description": ""}
    operation = schema["paths"]["/api/v1/workdays/add"]["get"]
    params = {param["name"]: param for param in operation["parameters"]}
    assert set(params) == {"start", "days"}
    assert all(param["in"] == "query" and param["required"] for param in params.values())
    assert params["days"]["schema"]["minimum"] == 1
    assert params["days"]["schema"]["maximum"] == 365
    assert params["start"]["schema"]["format"] == "date"
    response_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert response_schema["$ref"].endswith("/AddOut")
    out = schema["components"]["schemas"]["AddOut"]
    assert set(out["required"]) >= {
        "start",
        "days",
        "due",
        "calendar_confirmed",
        "skipped",
        "counted_adjusted",
    }


def test_it_serves_the_docs_page_without_third_party_scripts(db):
    page = Client().get("/api/v1/docs").content.decode()
    assert "/api/v1/openapi.json" in page
    assert "/static/ninja/" in page
    assert "cdn" not in page.lower() and "https://" not in page
