"""List pages read a bounded number of rows sets, however many records they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import make_published


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _fill(organ, publish, n):
    slugs = ["tzgg", "gzdt", "yszx", "czsz", "nsjg"]
    for i in range(n):
        publish(f"信息{i}", slugs=(slugs[i % len(slugs)],), days_ago=i)


@pytest.mark.parametrize(
    "url_of",
    [
        lambda organ, record: "/",
        lambda organ, record: reverse("portal:organ_index", args=[organ.org_code]),
        lambda organ, record: reverse("portal:catalog", args=[organ.org_code]),
        lambda organ, record: reverse("portal:category", args=[organ.org_code, "czxx"]),
        lambda organ, record: (
            reverse("portal:category", args=[organ.org_code, "tzgg"]) + "?sort=title&page=2"
        ),
        lambda organ, record: reverse("portal:article", args=[record.uuid]),
    ],
    ids=["home", "organ_index", "catalog", "category", "category_sorted_page_2", "article"],
)
def test_it_does_not_query_per_record(client, organ, organs, publish, url_of):
    _fill(organ, publish, 3)
    record = publish("本文")
    small = queries(client, url_of(organ, record))
    _fill(organ, publish, 45)
    for community_record in range(3):
        make_published(organs["bangtang"], None, None, None, title=f"社区信息{community_record}")
    assert queries(client, url_of(organ, record)) == small


def test_it_reads_the_home_page_in_a_few_queries(client, organ, publish, django_assert_max_num_queries):
    _fill(organ, publish, 30)
    with django_assert_max_num_queries(6):
        client.get("/")


def test_it_reads_a_category_page_in_a_few_queries(client, organ, publish, django_assert_max_num_queries):
    _fill(organ, publish, 30)
    with django_assert_max_num_queries(8):
        client.get(reverse("portal:category", args=[organ.org_code, "czxx"]))
