"""Organ-year facts: provenance and history, validation, who may enter them, the roll-up the report reads,
the catalog's suggestion for normative documents and the staff page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.annual.facts import FACTS, computed_normative_documents, do_set_fact, facts_for
from gongkai.annual.models import OrganYearFact, OrganYearFactHistory
from gongkai.catalog.actions import do_change_validity
from gongkai.catalog.models import Category
from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.conftest import _user
from tests.helpers import make_draft, make_published


@pytest.fixture
def hank(organs):
    user = _user("hank", first_name="黄办理")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.APPLICATION_HANDLER)
    return user


def test_it_keeps_who_entered_each_value_and_the_previous_one(organ, dora, hank):
    do_set_fact(organ, 2025, "staff_part_time", 8, dora)
    do_set_fact(organ, 2025, "staff_part_time", 8, hank)  # the same value: nothing changes
    fact = do_set_fact(organ, 2025, "staff_part_time", "9", hank)
    assert (fact.value, fact.entered_by) == (Decimal("9.00"), hank)
    history = list(
        OrganYearFactHistory.objects.values_list("previous_value", "value", "entered_by__username")
    )
    assert history == [(None, Decimal("8.00"), "dora"), (Decimal("8.00"), Decimal("9.00"), "hank")]
    assert OrganYearFact.objects.count() == 1


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("staff_full_time", "1.5"),
        ("training_sessions", "-1"),
        ("fees_amount", "1.234"),
        ("fees_amount", "abc"),
    ],
)
def test_it_refuses_values_that_do_not_fit_the_key(organ, dora, key, value):
    with pytest.raises(ValidationError):
        do_set_fact(organ, 2025, key, value, dora)
    assert not OrganYearFact.objects.exists()


def test_it_takes_decimal_amounts(organ, dora):
    assert do_set_fact(organ, 2025, "fees_amount", "12.35", dora).value == Decimal("12.35")
    assert do_set_fact(organ, 2025, "disclosure_spending", "50000.5", dora).value == Decimal("50000.50")
    with pytest.raises(ValidationError):
        do_set_fact(organ, 2025, "no_such_key", 1, dora)


def test_it_lets_only_organ_admins_and_handlers_enter_facts(organ, alice, erin, frank):
    for person in (alice, erin, frank):
        with pytest.raises(PermissionDenied):
            do_set_fact(organ, 2025, "training_sessions", 3, person)


def test_it_sums_facts_over_organs_and_tells_missing_from_zero(organs, root):
    dongfeng, dingwangtai = organs["dongfeng"], organs["dingwangtai"]
    do_set_fact(dongfeng, 2025, "training_sessions", 3, root)
    do_set_fact(dingwangtai, 2025, "training_sessions", 2, root)
    do_set_fact(dongfeng, 2025, "fees_amount", "1.25", root)
    do_set_fact(dingwangtai, 2025, "penalty_decisions", 0, root)
    do_set_fact(dongfeng, 2024, "training_sessions", 7, root)
    facts = facts_for([dongfeng.pk, dingwangtai.pk], 2025)
    assert set(facts) == {fact.key for fact in FACTS}
    assert facts["training_sessions"] == 5
    assert facts["fees_amount"] == Decimal("1.25")
    assert facts["penalty_decisions"] == 0
    assert facts["licensing_decisions"] is None


def test_it_suggests_normative_document_counts_from_the_catalog(organ, alice, bob, charlie, root):
    fggw = [Category.objects.get(organ=organ, slug="fggw")]
    tzgg = [Category.objects.get(organ=organ, slug="tzgg")]

    def publish(written_on, categories, document_number=""):
        return make_published(
            organ,
            alice,
            bob,
            charlie,
            categories=categories,
            written_on=written_on,
            document_number=document_number,
        )

    publish(dt.date(2025, 3, 1), fggw)
    publish(dt.date(2025, 5, 1), tzgg, "东风路街发〔2025〕2号")
    old = publish(dt.date(2023, 5, 1), fggw)
    do_change_validity(old, actor=root, validity="repealed", on=dt.date(2025, 9, 1))
    publish(dt.date(2025, 6, 1), tzgg)  # news without 文号: not a normative document
    make_draft(organ, alice, categories=fggw, written_on=dt.date(2025, 7, 1))  # not published
    suggestion = computed_normative_documents(organ, 2025)
    assert suggestion == {"normative_issued": 2, "normative_repealed": 1, "normative_in_force": 2}
    assert computed_normative_documents(organ, 2024)["normative_in_force"] == 1
    assert facts_for([organ.pk], 2025)["normative_issued"] is None  # a suggestion is never used by itself


def test_it_enters_a_years_facts_on_the_staff_page(client, organ, dora):
    client.force_login(dora)
    url = reverse("backoffice:facts_staff:edit", args=[organ.org_code, 2025])
    assert client.get(reverse("backoffice:facts_staff:index")).status_code == 302
    page = client.get(url).content.decode()
    assert "行政事业性收费" in page and "目录参考" in page
    bad = client.post(url, {"staff_part_time": "1.5"})
    assert bad.status_code == 200 and "应为整数" in bad.content.decode()
    assert not OrganYearFact.objects.exists()
    assert client.post(url, {"staff_part_time": "8", "fees_amount": "0.50"}).status_code == 302
    assert facts_for([organ.pk], 2025)["staff_part_time"] == 8
    page = client.get(url).content.decode()
    assert "赵管理" in page and "兼职工作人员" in page


@pytest.mark.parametrize("persona", ["citizen", "frank", "erin", "alice"])
def test_it_refuses_the_staff_page_to_others(client, organ, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("backoffice:facts_staff:edit", args=[organ.org_code, 2025])).status_code in (
        403,
        404,
    )
    assert client.post(reverse("backoffice:facts_staff:edit", args=[organ.org_code, 2025])).status_code in (
        403,
        404,
    )
