"""The record list: only the user's organs, filters, pagination and a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.catalog.actions import do_submit_record
from gongkai.catalog.models import Category
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.helpers import make_draft


def _list(client, **params):
    return client.get(reverse("backoffice:record_list"), params)


def _titles(response):
    return [r.title for r in response.context["records"]]


def test_it_filters_by_status_category_organ_and_title(login, organs, organ, alice, erin):
    budget = Category.objects.get(organ=organ, slug="czxx")
    make_draft(organ, alice, title="关于冬季消防检查的通知")
    submitted = make_draft(organ, alice, title="2026年部门预算公开", categories=[budget])
    do_submit_record(submitted, actor=alice)
    community = organs["bangtang"]
    do_grant_role(actor=None, user=alice, organ=community, role=Role.EDITOR)
    make_draft(community, alice, title="蚌塘社区居民议事会公告")

    client = login(erin)
    assert len(_titles(_list(client))) == 3
    assert _titles(_list(client, status="submitted")) == ["2026年部门预算公开"]
    assert _titles(_list(client, organ=organ.org_code, category=str(budget.pk))) == ["2026年部门预算公开"]
    assert _titles(_list(client, organ=community.org_code)) == ["蚌塘社区居民议事会公告"]
    assert _titles(_list(client, q="消防")) == ["关于冬季消防检查的通知"]
    # An organ outside the user's reach is not a valid choice and filters nothing in.
    response = _list(client, organ=organs["dingwangtai"].org_code)
    assert "organ" in response.context["form"].errors


def test_it_paginates(login, organ, alice):
    for n in range(23):
        make_draft(organ, alice, title=f"第{n}号通知")
    client = login(alice)
    first = _list(client)
    assert len(first.context["records"]) == 20
    assert "第 1 / 2 页" in first.content.decode()
    second = _list(client, page=2)
    assert len(second.context["records"]) == 3


def test_it_uses_the_same_number_of_queries_for_more_records(login, organ, alice):
    client = login(alice)
    make_draft(organ, alice, title="一")
    with CaptureQueriesContext(connection) as few:
        _list(client)
    for n in range(15):
        make_draft(organ, alice, title=f"通知{n}")
    with CaptureQueriesContext(connection) as many:
        _list(client)
    assert len(many) == len(few)


def test_it_refuses_people_without_roles(login, citizen):
    assert _list(login(citizen)).status_code == 403
