"""The 依申请公开 queue and counter intake: filters, counts, badges, due-date order, bounded queries;
intake per channel with the receipt date of DOMAIN §1.2, kept input on errors, the repeat flag."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications.actions import do_confirm_receipt, do_register_application
from gongkai.applications.models import Application, Channel, Status
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import person_data

# The applications' fixtures (calendar, clock, handlers, `register`), shared with these screens.
hank = application_fixtures.hank
ivan = application_fixtures.ivan
register = application_fixtures.register
seeded_calendar = application_fixtures.seeded_calendar
today = application_fixtures.today

QUEUE = reverse("backoffice:application_list")


def _new_url(organ):
    return reverse("backoffice:application_new") + f"?organ={organ.org_code}"


def _intake(**overrides):
    data = {
        "channel": "in_person",
        "submitted_on": "2025-12-30",
        "signed_on": "",
        "confirmed_on": "",
        **person_data(),
    }
    data.update(overrides)
    return data


def test_it_lists_applications_by_due_date_with_badges(login, hank, register):
    late = register(received_on=dt.date(2025, 9, 26))  # due 2025-10-30: overdue on 2025-12-31
    soon = register(received_on=dt.date(2025, 12, 10), description="请公开2025年东风路街道办公经费支出明细。")
    online = register(received_on=dt.date(2025, 12, 30), channel=Channel.ONLINE, actor=None)
    page = login(hank).get(QUEUE)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index(late.tracking_code) < html.index(soon.tracking_code) < html.index(online.tracking_code)
    assert "已超期" in html and "即将到期" in html and "待确认收到" in html
    assert page.context["counts"]["overdue"] == 1
    assert page.context["counts"]["due_soon"] == 1
    assert page.context["counts"]["awaiting_confirmation"] == 1


def test_it_flags_due_dates_in_an_unconfirmed_calendar_year(login, hank, register):
    app = register(received_on=dt.date(2025, 12, 30))
    # As a due date in a year without a confirmed calendar leaves it (the core computes the flag).
    Application.objects.filter(pk=app.pk).update(calendar_confirmed=False)
    page = login(hank).get(QUEUE, {"flag": "unconfirmed_calendar"})
    assert [a.tracking_code for a, _flag in page.context["rows"]] == [app.tracking_code]
    assert "日历未确认" in page.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"flag": "overdue"}, {"late"}),
        ({"flag": "awaiting_confirmation"}, {"online"}),
        ({"state": "open"}, {"late", "online", "mine"}),
        ({"handler": "none"}, {"late", "online"}),
        ({"handler": "me"}, {"mine"}),
    ],
)
def test_it_filters_the_queue(login, hank, register, params, expected):
    from gongkai.applications.actions import do_assign

    apps = {
        "late": register(received_on=dt.date(2025, 9, 26)),
        "online": register(received_on=dt.date(2025, 12, 30), channel=Channel.ONLINE, actor=None),
        "mine": register(
            received_on=dt.date(2025, 12, 29), description="请公开辖区内2025年防汛物资储备清单。"
        ),
    }
    do_assign(apps["mine"], actor=hank, handler=hank)
    page = login(hank).get(QUEUE, params)
    codes = {a.tracking_code for a, _flag in page.context["rows"]}
    assert codes == {apps[name].tracking_code for name in expected}


def test_it_keeps_the_query_count_bounded(login, hank, register, django_assert_max_num_queries):
    for day in range(1, 4):
        register(received_on=dt.date(2025, 12, day), description=f"第{day}件：请公开相关会议纪要{day}。")
    client = login(hank)
    client.get(QUEUE)
    with django_assert_max_num_queries(20) as few:
        client.get(QUEUE)
    for day in range(4, 20):
        register(
            received_on=dt.date(2025, 11, day), description=f"第{day}件：请公开专项资金使用情况第{day}项。"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(QUEUE).context["rows"]) == 19


def test_a_handler_of_another_organ_sees_none_of_ours(login, ivan, register):
    app = register()
    html = login(ivan).get(QUEUE).content.decode()
    assert app.tracking_code not in html and "东风路" not in html


def test_it_registers_an_in_person_application_at_the_counter(login, hank, organ):
    response = login(hank).post(_new_url(organ), _intake())
    app = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:application_detail", args=[app.tracking_code])
    assert app.received_on == dt.date(2025, 12, 30) and app.status == Status.IN_PROGRESS
    assert app.events.filter(kind="registered", actor=hank).exists()


def test_signed_mail_starts_on_the_signing_day(login, hank, organ):
    login(hank).post(
        _new_url(organ), _intake(channel="signed_mail", submitted_on="2025-12-26", signed_on="2025-12-29")
    )
    assert Application.objects.get().received_on == dt.date(2025, 12, 29)


def test_an_unconfirmed_email_application_awaits_confirmation(login, hank, organ):
    login(hank).post(_new_url(organ), _intake(channel="email"))
    app = Application.objects.get()
    assert app.status == Status.AWAITING_CONFIRMATION and app.due_on is None


def test_it_keeps_the_input_and_saves_nothing_on_errors(login, hank, organ):
    response = login(hank).post(
        _new_url(organ), _intake(channel="signed_mail", id_number="110105194912310021", name="王某某")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "须填写签收日期" in html
    assert "居民身份证号码校验不通过" in html
    assert 'value="王某某"' in html
    assert Application.objects.count() == 0


def test_it_refuses_a_50000_character_description(login, hank, organ):
    response = login(hank).post(_new_url(organ), _intake(description="字" * 50_000))
    assert response.status_code == 400
    assert "不能超过" in response.content.decode()
    assert Application.objects.count() == 0


def test_it_shows_the_repeat_flag_after_saving(login, hank, organ, register, messages_of):
    first = register(received_on=dt.date(2025, 12, 20))
    response = login(hank).post(_new_url(organ), _intake(), follow=True)
    html = response.content.decode()
    assert "疑似重复申请" in html and first.tracking_code in html


def test_only_handlers_register_applications(login, organ, dora, citizen, erin):
    for user in (dora, citizen, erin):
        assert login(user).post(_new_url(organ), _intake()).status_code == 403
    assert Application.objects.count() == 0


def test_confirming_receipt_is_offered_for_online_applications(login, hank, organ):
    app = do_register_application(
        organ=organ,
        actor=None,
        channel=Channel.ONLINE,
        data=person_data(),
        submitted_on=dt.date(2025, 12, 29),
    )
    html = (
        login(hank).get(reverse("backoffice:application_detail", args=[app.tracking_code])).content.decode()
    )
    assert "确认收到申请" in html and "告知补正" not in html
    do_confirm_receipt(app, actor=hank, on=dt.date(2025, 12, 30))
    html = (
        login(hank).get(reverse("backoffice:application_detail", args=[app.tracking_code])).content.decode()
    )
    assert "告知补正" in html
