"""Walk the whole URLconf and prove that every view that is not public needs login and the right role
on the right organ.

The routes are enumerated from django.urls.get_resolver(), not written down here, so a new view shows
up by itself. Every non-public route is built with real objects of 东风路街道 (a record with an
attachment, its organ code, a category, a revision number) and must:

- send an anonymous visitor to the login page (GET and POST);
- answer a superuser with something other than 404, which proves the URL points at a real object;
- refuse `citizen` (no role) and `frank` (supervisor of another district) with 403, or 404 for objects
  outside their organs; POST may also be 405 where the view has no POST;
- refuse every POST by `erin`, who supervises 东风路街道 read-only.

A route with a parameter this file does not know how to fill fails the test: add the parameter to
`param_values` (with a real object) or, if the view is really public, its name to PUBLIC_NAMES.
"""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gongkai.appeals.actions import do_register_appeal
from gongkai.applications import fee_notice, letters
from gongkai.applications.actions import do_issue_fee_notice, do_register_application, do_reply
from gongkai.applications.attachments import do_add_application_attachment
from gongkai.applications.models import Channel
from gongkai.catalog.models import Category
from gongkai.enquiries.actions import do_log_enquiry
from tests.helpers import attach_pdf, make_draft, pdf_upload

# Namespaces that are public as a whole: the public portal, and Django admin (which has its own login
# for superusers).
PUBLIC_NAMESPACES = {"portal", "admin"}
# Single public routes: signing in and out; the public deadline calculator (page and JSON API) and the
# API's OpenAPI document and root.
PUBLIC_NAMES = {
    "backoffice:login",
    "backoffice:logout",
    "workdays:calculator",
    "api:workdays_add",
    "api:openapi-json",
    "api:openapi-view",
    "api:search",
    "healthz",
    "api:api-root",
    "apply:form_default",
    "apply:form",
    "apply:submitted",
    "apply:receipt",
    "apply:status",
    "apply:letter",
    "enquiries:qa_list",
    "enquiries:ask",
    "enquiries:mailbox",
    "enquiries:submitted",
    "enquiries:status",
    "audit:page",
    "audit:download",
    "api:audit",
}
# Pages that show "your own work" across the user's organs: a staff member of another district gets
# them (200) but must not see anything of 东风路街道 on them.
SCOPED_NAMES = {
    "backoffice:dashboard",
    "backoffice:record_list",
    "backoffice:application_list",
    "backoffice:reports_staff:index",
}

REFUSED = {403, 404}
REFUSED_POST = {403, 404, 405}


@dataclass(frozen=True)
class Route:
    namespaces: tuple[str, ...]
    name: str | None
    route: str
    params: tuple[str, ...]

    @property
    def full_name(self) -> str | None:
        return ":".join((*self.namespaces, self.name)) if self.name else None

    @property
    def is_public(self) -> bool:
        return bool(PUBLIC_NAMESPACES & set(self.namespaces)) or self.full_name in PUBLIC_NAMES

    def __str__(self):
        return self.full_name or f"<unnamed {self.route!r}>"


def _params(pattern) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None and hasattr(pattern.pattern, "_route"):
        return tuple(converters)
    return tuple(pattern.pattern.regex.groupindex)


def walk(resolver=None, namespaces=(), prefix="", params=()):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from walk(pattern, inner, route, (*params, *_params(pattern)))
        elif isinstance(pattern, URLPattern):
            yield Route(namespaces, pattern.name, route, (*params, *_params(pattern)))


ROUTES = list(walk())
PRIVATE = [r for r in ROUTES if not r.is_public]


@pytest.fixture
def objects(organ, alice, monkeypatch):
    """Real objects of 东风路街道 for every kind of URL parameter."""
    record = make_draft(organ, alice, title="仅限东风路街道工作人员查看的草稿")
    attachment = attach_pdf(record, alice)
    application = do_register_application(
        organ=organ,
        actor=None,
        channel=Channel.IN_PERSON,
        data={
            "kind": "person",
            "name": "陈申请",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "phone": "13800138000",
            "description": "请公开东风路街道2025年老旧小区改造项目的实施方案。",
            "delivery_form": "email",
        },
    )
    application_attachment = do_add_application_attachment(
        application, actor=None, uploaded=pdf_upload("申请附件.pdf")
    )
    notice = do_issue_fee_notice(application, actor=None, basis="per_page", pages=40)
    do_reply(application, actor=None, outcome="granted")
    # The real PDF renderer (WeasyPrint) is tested in tests/applications/test_letters.py and
    # test_fee_notice_document.py; here rows with stored files are all that is needed, once per test.
    monkeypatch.setattr(letters, "render_pdf", lambda document, code: b"%PDF-1.4\n%letter\n")
    letter = letters.do_generate_letter(application, actor=None)
    monkeypatch.setattr(fee_notice, "render_pdf", lambda document: b"%PDF-1.4\n%fee notice\n")
    fee_document = fee_notice.do_generate_fee_notice_document(notice, actor=None)
    enquiry = do_log_enquiry(
        organ=organ, actor=None, channel="phone", topic="办事指南", question="怎么申请？"
    )
    appeal = do_register_appeal(
        organ=organ,
        actor=None,
        kind="review",
        received_on=dt.date(2025, 3, 1),
        tracking_code=application.tracking_code,
    )
    return {
        "record": record,
        "enquiry": enquiry,
        "appeal": appeal,
        "attachment": attachment,
        "organ": organ,
        "application": application,
        "letter": letter,
        "application_attachment": application_attachment,
        "fee_document": fee_document,
    }


@pytest.fixture
def param_values(objects):
    return {
        "uuid": objects["record"].uuid,
        "attachment_uuid": objects["attachment"].uuid,
        "org_code": objects["organ"].org_code,
        "category_id": Category.objects.get(organ=objects["organ"], slug="tzgg").pk,
        "number": 1,
        "tracking_code": objects["application"].tracking_code,
        "step": "withdraw",
        "letter_uuid": objects["letter"].uuid,
        "fmt": "pdf",
        "outcome": "granted",
        "file_uuid": objects["application_attachment"].uuid,
        "document_uuid": objects["fee_document"].uuid,
        "enquiry_uuid": objects["enquiry"].uuid,
        "appeal_uuid": objects["appeal"].uuid,
        "year": 2025,
    }


def build(route: Route, values: dict) -> str:
    if route.full_name is None:
        pytest.fail(f"{route}: give every non-public URL pattern a name so that it can be checked")
    unknown = [p for p in route.params if p not in values]
    if unknown:
        pytest.fail(
            f"{route}: cannot build a URL, unknown parameter(s) {unknown}; add real objects for them to "
            "param_values in tests/test_urlconf_permissions.py"
        )
    return reverse(route.full_name, kwargs={p: values[p] for p in route.params} or None)


def client_for(user=None) -> Client:
    client = Client(raise_request_exception=True)
    if user is not None:
        client.force_login(user)
    return client


def test_it_finds_the_backoffice_routes():
    names = {r.full_name for r in ROUTES}
    assert {"backoffice:dashboard", "backoffice:record_detail", "backoffice:organ_staff"} <= names
    assert len(PRIVATE) >= 25


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_it_sends_anonymous_visitors_to_login(route, param_values):
    url = build(route, param_values)
    login_url = resolve_url(settings.LOGIN_URL)
    for method in ("get", "post"):
        response = getattr(client_for(), method)(url)
        assert response.status_code == 302, f"{method.upper()} {url} gave {response.status_code}"
        assert response["Location"].startswith(f"{login_url}?next="), response["Location"]


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_it_points_at_real_objects(route, param_values, root):
    url = build(route, param_values)
    response = client_for(root).get(url)
    assert response.status_code not in (404, 500), f"GET {url} as superuser gave {response.status_code}"


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_it_refuses_a_user_without_roles(route, param_values, citizen):
    url = build(route, param_values)
    client = client_for(citizen)
    assert client.get(url).status_code in REFUSED, f"GET {url}"
    assert client.post(url).status_code in REFUSED_POST, f"POST {url}"


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_it_refuses_a_supervisor_of_another_district(route, param_values, objects, frank):
    url = build(route, param_values)
    client = client_for(frank)
    response = client.get(url)
    if route.full_name in SCOPED_NAMES:
        page = response.content.decode()
        assert response.status_code == 200, f"GET {url}"
        assert objects["record"].title not in page
        assert "东风路" not in page
    else:
        assert response.status_code in REFUSED, f"GET {url} gave {response.status_code}"
    assert client.post(url).status_code in REFUSED_POST, f"POST {url}"


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_it_refuses_every_post_by_a_read_only_supervisor(route, param_values, objects, erin):
    url = build(route, param_values)
    response = client_for(erin).post(url, {"reason": "x", "note": "x", "title": "改标题"})
    assert response.status_code in {403, 405}, f"POST {url} gave {response.status_code}"
    record = objects["record"]
    record.refresh_from_db()
    assert (record.status, record.version, record.title) == ("draft", 2, "仅限东风路街道工作人员查看的草稿")


def test_it_serves_the_login_page_to_everyone(db):
    assert client_for().get(reverse("backoffice:login")).status_code == 200


@pytest.mark.parametrize(
    "route", [r for r in ROUTES if "portal" in r.namespaces and r.name and not r.params], ids=str
)
def test_it_keeps_the_portal_public(route, db):
    """The portal is written elsewhere; here only: no login wall and no 403 in front of it."""
    client = Client(raise_request_exception=False)
    response = client.get(reverse(route.full_name))
    assert response.status_code != 403
    if response.status_code in (301, 302):
        assert not response["Location"].startswith(resolve_url(settings.LOGIN_URL))
