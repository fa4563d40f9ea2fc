from django.test import Client

from tests.helpers import make_published


def test_it_reports_database_and_search_lag(organ, alice, bob, charlie, settings):
    settings.SEARCH_APPLY_ON_COMMIT = False
    make_published(organ, alice, bob, charlie)
    data = Client().get("/healthz").json()
    assert data["ok"] is True
    assert data["checks"]["database"] == {"ok": True}
    assert data["checks"]["search"]["lag"] == 1 and data["checks"]["search"]["documents"] == 0
    assert "index_path" not in data["checks"]["search"]


def test_it_fails_when_the_index_is_far_behind(organ, alice, bob, charlie, settings, monkeypatch):
    from gongkai.core import views

    settings.SEARCH_APPLY_ON_COMMIT = False
    monkeypatch.setattr(views, "LAG_WARNING", 1)
    make_published(organ, alice, bob, charlie)
    response = Client().get("/healthz")
    assert response.status_code == 503 and response.json()["checks"]["search"]["ok"] is False
