"""Random application facts always give tables that satisfy every identity, and this year's 上年结转 always
equals last year's 结转下年度.

The rows are made with `Model.objects.create` here, not through the registration and reply actions: the
actions run the deadline clock for every step and would make 25 examples too slow; only the fields the
report reads (organ, applicant kind, received_on, closed_on, outcome, status) matter to the compiler.
Each example runs in a savepoint that is rolled back.
"""

import datetime as dt
import itertools

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual.compile import carry_over_problems, compile_table3
from gongkai.annual.formats import cell_type_errors, evaluate, for_year
from gongkai.applications.models import Applicant, ApplicantKind, Application, Status
from gongkai.applications.outcomes import Outcome

_serial = itertools.count()

DAYS = 3 * 366  # received dates span 2023–2025


@st.composite
def application_facts(draw):
    received = dt.date(2023, 1, 1) + dt.timedelta(days=draw(st.integers(0, DAYS)))
    closed_after = draw(st.none() | st.integers(0, 500))
    closed = received + dt.timedelta(days=closed_after) if closed_after is not None else None
    return {
        "kind": draw(st.sampled_from(ApplicantKind.values)),
        "received_on": received,
        "closed_on": closed,
        "outcome": draw(st.sampled_from(Outcome.values)) if closed else "",
    }


def create(organ, facts):
    n = next(_serial)
    applicant = Applicant.objects.create(
        kind=facts["kind"], name=f"申请人{n}", id_type="other", phone="13800000000"
    )
    Application.objects.create(
        tracking_code=f"GK-T-{n:08d}",
        organ=organ,
        applicant=applicant,
        channel="in_person",
        status=Status.CLOSED if facts["closed_on"] else Status.IN_PROGRESS,
        submitted_on=facts["received_on"],
        received_on=facts["received_on"],
        closed_on=facts["closed_on"],
        outcome=facts["outcome"],
        description="随机事实",
        delivery_form="email",
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(application_facts(), max_size=12))
def test_random_facts_satisfy_every_identity(organ, facts):
    with transaction.atomic():
        for item in facts:
            create(organ, item)
        tables = {}
        for year in (2020, 2024, 2025):  # the 2019 trial format and the 2021 format
            fmt = for_year(year)
            table3, problems = compile_table3([organ.pk], year, fmt, {})
            assert problems == []
            filled = {"table3": table3}
            assert evaluate(fmt, filled) == []
            assert cell_type_errors(fmt, filled) == []
            tables[year] = table3
        assert carry_over_problems(tables[2024], tables[2025]) == []
        counted = sum(
            1
            for f in facts
            if f["received_on"].year <= 2025 and (not f["closed_on"] or f["closed_on"].year >= 2025)
        )
        assert tables[2025]["new"][-1] + tables[2025]["carried_in"][-1] == counted
        transaction.set_rollback(True)
