"""Publishing throughput (索引号 allocation included) and portal page latency over a filled catalog."""

import datetime as dt
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.actions import (
    do_apply_category_template,
    do_approve_record,
    do_create_record,
    do_publish_record,
    do_submit_record,
)
from gongkai.catalog.models import Category
from gongkai.organs.actions import do_create_organ, do_grant_role
from gongkai.organs.models import Organ, Role


def _percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def _time_get(client, url, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def run(records, out):
    organ = do_create_organ(
        actor=None,
        parent=None,
        level=Organ.Level.SUBDISTRICT,
        name="基准测试街道办事处",
        org_code="11430105770088109P",
    )
    do_apply_category_template(organ=organ, actor=None, template="subdistrict")
    users = {}
    for role in (Role.EDITOR, Role.REVIEWER, Role.PUBLISHER):
        users[role] = get_user_model().objects.create_user(username=f"bench-{role}")
        do_grant_role(actor=None, user=users[role], organ=organ, role=role)
    categories = list(Category.objects.filter(organ=organ, parent=None))
    body = "<p>" + "为进一步做好辖区政务公开工作，现将有关事项通知如下。" * 20 + "</p>"
    start = time.perf_counter()
    base = timezone.now() - dt.timedelta(days=365)
    for i in range(records):
        record = do_create_record(
            organ=organ,
            actor=users[Role.EDITOR],
            categories=[categories[i % len(categories)]],
            data={
                "title": f"基准测试信息第{i}号",
                "written_on": dt.date(2026, 1, 1),
                "body": body,
                "summary": "基准测试",
            },
        )
        do_submit_record(record, actor=users[Role.EDITOR])
        do_approve_record(record, actor=users[Role.REVIEWER])
        do_publish_record(record, actor=users[Role.PUBLISHER], published_at=base + dt.timedelta(hours=4 * i))
    elapsed = time.perf_counter() - start
    out.write(f"database: {connection.vendor}\n")
    out.write(
        f"create+submit+approve+publish: {records} records in {elapsed:.1f} s "
        f"= {records / elapsed:.0f} records/s ({1000 * elapsed / records:.1f} ms each)\n"
    )

    client = Client()
    last = record
    pages = {
        "home": reverse("portal:home"),
        "category page 1": reverse("portal:category", args=[organ.org_code, categories[0].slug]),
        "category page 10": reverse("portal:category", args=[organ.org_code, categories[0].slug])
        + "?page=10",
        "article": reverse("portal:article", args=[last.uuid]),
    }
    for name, url in pages.items():
        _time_get(client, url, 3)  # warm up
        timings = _time_get(client, url, 50)
        out.write(
            f"GET {name:<17} p50 {statistics.median(timings):6.1f} ms   p95 {_percentile(timings, 95):6.1f} ms\n"
        )
