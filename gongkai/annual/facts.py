"""Organ-year facts: what they are (FACTS, the one declaration of keys with their Chinese labels, units
and the table-2 or narrative row each feeds), how they are set (`do_set_fact`, with provenance and
history), how the report reads them (`facts_for`, summed over organs for a roll-up), and what the catalog
suggests for normative documents (`computed_normative_documents`).

The catalog suggestion is shown beside the entered value on the staff page; it is never used by itself:
the catalog cannot tell 规章 from 行政规范性文件 and records without a 文号 or category may be missing.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.annual.models import OrganYearFact, OrganYearFactHistory, OrganYearLock
from gongkai.catalog.models import Record, RecordStatus, Validity
from gongkai.organs.permissions import Perm, can

COUNT = "count"
YUAN = "yuan"
WAN_YUAN = "wan_yuan"
MAX_VALUE = Decimal("99999999999999.99")
NORMATIVE_CATEGORY_SLUG = "fggw"  # 法规公文 in the default category trees


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    unit: str  # COUNT (whole, ≥ 0), YUAN (元, 2 places) or WAN_YUAN (万元, 2 places)
    feeds: str  # the report row: "table2.<row>.<column>" or "narrative.<topic>"


FACTS: tuple[Fact, ...] = (
    Fact("staff_full_time", gettext_lazy("专职工作人员（人）"), COUNT, "narrative.staff"),
    Fact("staff_part_time", gettext_lazy("兼职工作人员（人）"), COUNT, "narrative.staff"),
    Fact("disclosure_spending", gettext_lazy("政府信息公开工作经费（元）"), YUAN, "narrative.costs"),
    Fact("training_sessions", gettext_lazy("培训次数"), COUNT, "narrative.training"),
    Fact("rules_issued", gettext_lazy("规章 · 本年制发件数"), COUNT, "table2.rules.issued"),
    Fact("rules_repealed", gettext_lazy("规章 · 本年废止件数"), COUNT, "table2.rules.repealed"),
    Fact("rules_in_force", gettext_lazy("规章 · 现行有效件数"), COUNT, "table2.rules.in_force"),
    Fact("normative_issued", gettext_lazy("行政规范性文件 · 本年制发件数"), COUNT, "table2.normative.issued"),
    Fact(
        "normative_repealed",
        gettext_lazy("行政规范性文件 · 本年废止件数"),
        COUNT,
        "table2.normative.repealed",
    ),
    Fact(
        "normative_in_force",
        gettext_lazy("行政规范性文件 · 现行有效件数"),
        COUNT,
        "table2.normative.in_force",
    ),
    Fact(
        "licensing_decisions",
        gettext_lazy("行政许可 · 本年处理决定数量"),
        COUNT,
        "table2.licensing.decisions",
    ),
    Fact("penalty_decisions", gettext_lazy("行政处罚 · 本年处理决定数量"), COUNT, "table2.penalty.decisions"),
    Fact(
        "coercion_decisions", gettext_lazy("行政强制 · 本年处理决定数量"), COUNT, "table2.coercion.decisions"
    ),
    Fact(
        "fees_amount", gettext_lazy("行政事业性收费 · 本年收费金额（万元）"), WAN_YUAN, "table2.fees.amount"
    ),
)
FACTS_BY_KEY = {fact.key: fact for fact in FACTS}


def may_enter_facts(user, organ) -> bool:
    return can(user, Perm.MANAGE, organ) or can(user, Perm.HANDLE, organ)


def clean_value(fact: Fact, value) -> Decimal:
    try:
        number = Decimal(str(value).strip()) if value is not None and str(value).strip() else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ValidationError({fact.key: [_("请填写数字。")]})
    if number < 0:
        raise ValidationError({fact.key: [_("不能为负数。")]})
    if number > MAX_VALUE:
        raise ValidationError({fact.key: [_("数值过大。")]})
    if fact.unit == COUNT and number != number.to_integral_value():
        raise ValidationError({fact.key: [_("应为整数。")]})
    if number.as_tuple().exponent < -2:
        raise ValidationError({fact.key: [_("最多保留两位小数。")]})
    return number.quantize(Decimal("0.01"))


@transaction.atomic
def do_set_fact(organ, year: int, key: str, value, actor) -> OrganYearFact:
    """Set one fact of `organ` for `year` (organ admin or handler of the organ). Every change appends a
    history row with the previous value; setting the same value again changes nothing."""
    if actor is not None and not may_enter_facts(actor, organ):
        raise PermissionDenied(_("只有本机关的管理员或依申请公开办理人员可以填报年度数据。"))
    fact = FACTS_BY_KEY.get(key)
    if fact is None:
        raise ValidationError(_("未知的年度数据项目：%(key)s") % {"key": key})
    if not 1990 <= int(year) <= 2999:
        raise ValidationError(_("年度不正确。"))
    number = clean_value(fact, value)
    if OrganYearLock.objects.filter(organ=organ, year=year, unlocked_at__isnull=True).exists():
        raise ValidationError(
            _("%(year)s年度报告已发布，本年度数据已锁定；如需更正，请机关管理员先解除锁定并写明理由。")
            % {"year": year}
        )
    now = timezone.now()
    row = OrganYearFact.objects.select_for_update().filter(organ=organ, year=year, key=key).first()
    previous = row.value if row else None
    if row is not None and row.value == number:
        return row
    if row is None:
        row = OrganYearFact(organ=organ, year=year, key=key)
    row.value, row.entered_by, row.entered_at = number, actor, now
    row.save()
    OrganYearFactHistory.objects.create(
        organ=organ,
        year=year,
        key=key,
        value=number,
        previous_value=previous,
        entered_by=actor,
        entered_at=now,
    )
    return row


def facts_for(organ_ids, year: int) -> dict[str, Decimal | None]:
    """Every declared key → the sum over `organ_ids` for `year`, or None when no organ entered it (so
    that "not entered" and "entered 0" stay apart)."""
    rows = (
        OrganYearFact.objects.filter(organ_id__in=list(organ_ids), year=year)
        .values("key")
        .annotate(total=Sum("value"))
    )
    totals = {row["key"]: row["total"] for row in rows}
    return {fact.key: totals.get(fact.key) for fact in FACTS}


def computed_normative_documents(organ, year: int) -> dict[str, int]:
    """A suggestion for the 行政规范性文件 row from the catalog: the organ's published records in the 法规公文
    category or with a 文号 — 制发 = written in `year`; 废止 = repealed in `year`; 现行有效 = written by
    31 December and valid, or repealed/expired only after the year. Shown beside the entered value, never
    used in its place."""
    last = dt.date(year, 12, 31)
    records = (
        Record.objects.filter(organ=organ, status=RecordStatus.PUBLISHED)
        .filter(Q(categories__slug=NORMATIVE_CATEGORY_SLUG) | ~Q(document_number=""))
        .distinct()
    )
    issued = records.filter(written_on__year=year).count()
    repealed = records.filter(validity=Validity.REPEALED, repealed_on__year=year).count()
    in_force = (
        records.filter(written_on__lte=last)
        .filter(
            Q(validity=Validity.VALID)
            | Q(validity=Validity.REPEALED, repealed_on__gt=last)
            | Q(validity=Validity.EXPIRED, expires_on__gt=last)
        )
        .count()
    )
    return {"normative_issued": issued, "normative_repealed": repealed, "normative_in_force": in_force}
