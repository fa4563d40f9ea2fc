"""Nothing about an applicant leaks to public pages: after an online application, the portal home, the
search page, the guide and the status page show neither the name, the ID number nor the phone."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from gongkai.applications.models import Application
from tests.applications.test_public_form import form_data

NAME = "陈申请"
ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_it_keeps_the_applicant_off_public_pages(client, organ, settings):
    settings.PORTAL_ORGAN = organ.org_code
    client.post(reverse("apply:form", args=[organ.org_code]), form_data())
    app = Application.objects.get()
    visitor = type(client)()
    pages = [
        visitor.get(reverse("portal:home")),
        visitor.get(reverse("portal:search"), {"q": "老旧小区改造"}),
        visitor.get(reverse("portal:search"), {"q": app.tracking_code}),
        visitor.get(reverse("portal:guide", args=[organ.org_code])),
        visitor.get(reverse("apply:status")),
        visitor.post(reverse("apply:status"), {"tracking_code": app.tracking_code, "last4": "8000"}),
    ]
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        for secret in (NAME, ID_NUMBER, ID_NUMBER.lower(), PHONE, "138-0013-8000", "chen@example.com"):
            assert secret not in html, response.request["PATH_INFO"]
    assert "待确认收到" in pages[-1].content.decode()
    # the confirmation page of the submitting browser does not repeat them either
    html = client.get(reverse("apply:submitted")).content.decode()
    for secret in (NAME, ID_NUMBER, PHONE):
        assert secret not in html


def test_it_links_the_form_and_the_status_page_from_the_portal(client, organ, settings):
    settings.PORTAL_ORGAN = organ.org_code
    home = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("apply:form", args=[organ.org_code])}"' in home
    guide = client.get(reverse("portal:guide", args=[organ.org_code])).content.decode()
    assert reverse("apply:form", args=[organ.org_code]) in guide
    assert reverse("apply:status") in guide
    form = client.get(reverse("apply:form", args=[organ.org_code])).content.decode()
    assert 'aria-current="page">依申请公开</a>' in form
