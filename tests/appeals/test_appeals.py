"""行政复议/行政诉讼: registering, validation, recording results, table 4 and the staff pages."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.appeals.actions import do_record_result, do_register_appeal
from gongkai.appeals.models import Appeal, AppealEvent
from gongkai.appeals.queries import table4
from gongkai.appeals.rules import add_months, time_limits
from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Channel

D = dt.date


MARCH_1 = D(2025, 3, 1)


def register(organ, actor, kind="review", received_on=MARCH_1, **extra):
    return do_register_appeal(organ=organ, actor=actor, kind=kind, received_on=received_on, **extra)


@pytest.fixture
def application(organ):
    return do_register_application(
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


def test_it_links_an_appeal_to_an_application_by_tracking_code(organ, hank, application):
    appeal = register(
        organ, hank, tracking_code=application.tracking_code.lower(), case_number="长开复〔2025〕1号"
    )
    assert appeal.application == application
    assert [e.kind for e in appeal.events.all()] == ["registered"]
    assert AppealEvent.objects.get().actor == hank


def test_it_refuses_an_unknown_or_foreign_tracking_code(organs, hank, application):
    with pytest.raises(ValidationError) as exc:
        register(organs["dongfeng"], hank, tracking_code="GK-2025-AAAA-BBBB")
    assert "tracking_code" in exc.value.error_dict
    with pytest.raises(ValidationError):  # the application belongs to another organ
        register(organs["dingwangtai"], None, tracking_code=application.tracking_code)


@pytest.mark.parametrize(
    ("result", "closed_on", "field"),
    [
        ("upheld", None, "closed_on"),
        ("pending", D(2025, 2, 1), "closed_on"),
        ("won", D(2025, 4, 1), "result"),
    ],
)
def test_it_validates_result_and_dates(organ, hank, result, closed_on, field):
    with pytest.raises(ValidationError) as exc:
        register(organ, hank, result=result, closed_on=closed_on)
    assert field in exc.value.error_dict
    assert not Appeal.objects.exists()


def test_it_records_a_result_and_keeps_the_previous_one(organ, hank):
    appeal = register(organ, hank)
    with pytest.raises(ValidationError):
        do_record_result(appeal, actor=hank, result="corrected", closed_on=D(2025, 2, 28))
    appeal = do_record_result(appeal, actor=hank, result="corrected", closed_on=D(2025, 4, 20))
    assert (appeal.result, appeal.closed_on) == ("corrected", D(2025, 4, 20))
    event = appeal.events.last()
    assert event.kind == "result_recorded"
    assert event.detail["previous"] == {"result": "pending", "closed_on": None}


def test_it_refuses_people_without_the_handler_role(organ, alice, frank, dora):
    for person in (alice, frank, dora):
        with pytest.raises(PermissionDenied):
            register(organ, person)


def test_it_counts_table4_with_pending_across_the_year_boundary(organs, hank):
    organ = organs["dongfeng"]
    register(organ, hank, "review", D(2025, 2, 1), result="upheld", closed_on=D(2025, 3, 1))
    register(organ, hank, "review", D(2025, 5, 1), result="corrected", closed_on=D(2025, 6, 1))
    register(
        organ, hank, "review", D(2025, 11, 1), result="other", closed_on=D(2026, 1, 10)
    )  # closed next year
    register(organ, hank, "lawsuit_direct", D(2025, 7, 1))  # still pending
    register(organ, hank, "lawsuit_after_review", D(2025, 8, 1), result="upheld", closed_on=D(2025, 12, 31))
    register(organ, hank, "review", D(2024, 6, 1), result="upheld", closed_on=D(2024, 8, 1))  # all in 2024
    register(organs["dingwangtai"], None, "review", D(2025, 1, 5))

    assert table4([organ.pk], 2025) == [1, 1, 0, 1, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]
    # 2026: the case closed on 10 January reappears with its result, the open suit stays pending.
    assert table4([organ.pk], 2026) == [0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    assert table4([organ.pk], 2024) == [1, 0, 0, 0, 1, *[0] * 10]
    rollup = table4([organ.pk, organs["dingwangtai"].pk], 2025)
    assert rollup[3:5] == [2, 4]
    for group in range(3):
        cells = rollup[group * 5 : group * 5 + 5]
        assert cells[4] == sum(cells[:4])


def test_it_shows_time_limits_as_information():
    assert [limit.on for limit in time_limits("review", D(2025, 3, 1))] == [D(2025, 3, 31), D(2025, 4, 30)]
    assert [limit.on for limit in time_limits("lawsuit_direct", D(2025, 8, 31))] == [D(2026, 2, 28)]
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)


def test_it_registers_and_closes_a_case_through_the_staff_pages(client, organ, hank):
    client.force_login(hank)
    new = reverse("backoffice:appeals_staff:new")
    assert "60日内" in client.get(new).content.decode()
    bad = client.post(
        new, {"organ": organ.org_code, "kind": "review", "received_on": "2025-03-01", "result": "upheld"}
    )
    assert bad.status_code == 200 and "已有结果的案件须填写审结日期" in bad.content.decode()
    response = client.post(
        new, {"organ": organ.org_code, "kind": "review", "received_on": "2025-03-01", "result": "pending"}
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    detail = client.get(response["Location"]).content.decode()
    assert "2025-03-31" in detail and "2025-04-30" in detail
    assert (
        client.post(response["Location"], {"result": "upheld", "closed_on": "2025-04-01"}).status_code == 302
    )
    appeal.refresh_from_db()
    assert appeal.result == "upheld"
    listing = client.get(reverse("backoffice:appeals_staff:list")).content.decode()
    assert "结果维持" in listing


@pytest.mark.parametrize("persona", ["citizen", "frank", "erin", "alice"])
def test_it_refuses_staff_pages_to_non_handlers(client, organ, hank, persona, request):
    appeal = register(organ, hank)
    client.force_login(request.getfixturevalue(persona))
    for url in (
        reverse("backoffice:appeals_staff:list"),
        reverse("backoffice:appeals_staff:new"),
        reverse("backoffice:appeals_staff:detail", args=[appeal.uuid]),
    ):
        assert client.get(url).status_code == 403, url


def test_it_lists_appeals_in_a_fixed_number_of_queries(client, organ, hank, django_assert_num_queries):
    client.force_login(hank)
    url = reverse("backoffice:appeals_staff:list")
    register(organ, hank)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for kind in ("lawsuit_direct", "lawsuit_after_review", "review"):
        register(organ, hank, kind)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)
