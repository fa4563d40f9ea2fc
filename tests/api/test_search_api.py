"""GET /api/v1/search: hits, facets and total; bad parameters answered 400 with reasons; any q is safe."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_published


@pytest.fixture
def published(organ, alice, bob, charlie, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        budget = make_published(
            organ,
            alice,
            bob,
            charlie,
            title="东风路街道2026年度部门预算公开",
            document_number="东风路街发〔2026〕12号",
            body="<p>一般公共预算支出安排。</p>",
        )
        make_published(
            organ,
            alice,
            bob,
            charlie,
            title="社区消防演练顺利举行",
            categories=[organ.categories.get(slug="gzdt")],
        )
    return budget


def test_it_returns_hits_with_urls_and_snippets(published, organ):
    data = Client().get("/api/v1/search", {"q": "预算"}).json()
    assert data["total"] == 1 and data["page"] == 1
    hit = data["hits"][0]
    assert hit["title"] == "东风路街道2026年度部门预算公开"
    assert hit["url"] == f"http://testserver/art/{published.uuid}/"
    assert hit["index_number"] == published.index_number
    assert "<mark>预算</mark>" in hit["title_html"]
    assert hit["published_at"].startswith(published.published_at.astimezone().date().isoformat()[:4])
    organs = {f["label"]: f for f in data["facets"]["organ"]}
    assert organs["东风路街道"]["value"] == organ.org_code and organs["东风路街道"]["count"] == 1


def test_facet_values_work_as_filters(published, organ):
    everything = Client().get("/api/v1/search", {"q": ""}).json()
    assert everything["total"] == 2
    gzdt = organ.categories.get(slug="gzdt")
    category = next(f for f in everything["facets"]["category"] if f["label"] == "工作动态")
    assert category["value"] == str(gzdt.pk)
    narrowed = Client().get("/api/v1/search", {"category": category["value"], "organ": organ.org_code}).json()
    assert [h["title"] for h in narrowed["hits"]] == ["社区消防演练顺利举行"]


def test_it_finds_a_document_number_in_any_bracket_spelling(published):
    for spelling in ("东风路街发〔2026〕12号", "东风路街发[2026]12号", "东风路街发（2026）12号"):
        data = Client().get("/api/v1/search", {"q": spelling}).json()
        assert data["hits"][0]["title"] == "东风路街道2026年度部门预算公开", spelling


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"year": "二〇二六"}, "年份"),
        ({"date_from": "yesterday"}, "不是有效日期"),
        ({"organ": "XYZ"}, "XYZ"),
        ({"category": "99999999"}, "没有这个分类"),
        ({"sort": "random"}, "排序"),
        ({"page": "0"}, "页码"),
    ],
)
def test_it_answers_400_with_the_reason(db, params, reason):
    response = Client().get("/api/v1/search", params)
    assert response.status_code == 400
    assert any(reason in message for message in response.json()["detail"])


def test_page_size_is_bounded(db):
    assert Client().get("/api/v1/search", {"page_size": "500"}).status_code == 422


def test_it_is_in_the_openapi_document(db):
    schema = Client().get("/api/v1/openapi.json").json()
    names = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "organ", "category", "year", "page"} <= names


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)
    | st.sampled_from(
        ['"', '"未闭合', "-", "OR", "a OR", "((", "*", "^2", ":", "title:预算", "\\", '-""', "预算" * 5000]
    )
)
def test_any_query_string_is_answered_without_a_server_error(published, q):
    client = Client()
    response = client.get("/api/v1/search", {"q": q.replace("\x00", "")})
    assert response.status_code in (200, 400)
    page = client.get("/search/", {"q": q.replace("\x00", "")})
    assert page.status_code == 200
