"""The default narrative: a short factual draft per section, in house style, from the compiled facts.

`draft_narrative(report)` → {section key: [paragraph, …]} for the six sections of the format. The figures
come from the report (tables 2–4, consultations, records per category, narrative facts); an unknown fact is
left out rather than guessed. Editors replace these paragraphs before publication.

A report summed over several organs (a subtree roll-up, `gongkai report build … --subtree`) does not speak as
one organ: the sentences that name who did something name the aggregate (`Voice`): "长沙市开福区人民政府本级及
所属2个单位认真贯彻落实…", "本级及所属各单位共配备…", and the report says that its figures are sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gongkai.annual.compile import legacy_outcomes
from gongkai.annual.formats.common import TABLE3_COLUMNS, outcome_keys
from gongkai.annual.render.layout import short_label
from gongkai.enquiries.models import Channel


def _n(value) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f}" if value != value.to_integral_value() else str(int(value))
    return str(value)


def outcome_groups(report) -> list[tuple[str, int]]:
    """三、本年度办理结果 by group, in template order: (予以公开, n), (部分公开, n), (不予公开, n)… from the 总计
    column; the groups （三）…（六） are summed over their numbered rows. The legacy format has the groups of
    the 2008-regulation reports (同意公开, 同意部分公开, 不同意公开…; over several organs 非受理机关掌握 for
    非本机关掌握)."""
    if report.format.name == "legacy":
        counts = legacy_outcomes(report)
        labels = dict(LEGACY_LABELS)
        if voice(report).aggregate:  # each application was answered by the organ that received it
            labels["unable"] = _("信息不存在、非受理机关掌握或申请内容不明确")
        return [(labels[key], n) for key, n in counts.items()]
    table = report.format.table("table3")
    keys = set(outcome_keys(table.rows))
    out: dict[str, int] = {}
    for row in table.rows:
        if row.key not in keys:
            continue
        if row.group.startswith("（"):
            label = row.group.removeprefix(row.group.split("）")[0] + "）")
        else:
            label = short_label(row.label)
        out[label] = out.get(label, 0) + report.table3[row.key][-1]
    return list(out.items())


def records_total(report) -> int:
    return sum(report.records_by_category.values())


@dataclass(frozen=True)
class Voice:
    """Who the drafted sentences name as the doer: one organ (its name; 本机关) or, for a report summed over
    several organs, the aggregate (长沙市开福区人民政府本级及所属2个单位; 本级及所属各单位)."""

    name: str  # the subject of the opening sentence
    collective: str = ""  # the subject of the sentences on summed staff, costs and plans ("" for one organ)

    @property
    def aggregate(self) -> bool:
        return bool(self.collective)


def voice(report) -> Voice:
    """The `Voice` of `report`. Several organs under the first one (a subtree roll-up, root first): "<root>本级
    及所属N个单位", N the organs below the root; several organs otherwise: "<first>等N个单位"."""
    organs = report.organs
    if len(organs) <= 1:
        return Voice(organs[0].name if organs else "本机关")
    root, others = organs[0], organs[1:]
    if root.path and all(o.pk != root.pk and o.path.startswith(root.path) for o in others):
        return Voice(
            _("%(root)s本级及所属%(n)s个单位") % {"root": root.name, "n": len(others)},
            _("本级及所属各单位"),
        )
    return Voice(_("%(first)s等%(n)s个单位") % {"first": root.name, "n": len(organs)}, _("各单位"))


def _summed_note(who: Voice) -> list[str]:
    """For an aggregate report: the paragraph that says whose figures are summed."""
    if not who.aggregate:
        return []
    return [_("本报告为%(who)s的汇总报告，所列数据均为各单位数据之和。") % {"who": who.name}]


def _support(report, who: Voice, separator: str) -> str:
    """Staff, costs and training (narrative facts) in one sentence; "" when none was entered."""
    facts = report.narrative_facts
    staff = []
    if facts.get("staff_full_time") is not None:
        staff.append(f"专职工作人员{_n(facts['staff_full_time'])}人")
    if facts.get("staff_part_time") is not None:
        staff.append(f"兼职工作人员{_n(facts['staff_part_time'])}人")
    parts = []
    if staff:
        staffed = _("共配备政府信息公开") if who.aggregate else "本机关配备政府信息公开"
        parts.append(staffed + "、".join(staff))
    if facts.get("disclosure_spending") is not None:
        parts.append(f"全年政府信息公开工作经费{_n(facts['disclosure_spending'])}元")
    if facts.get("training_sessions") is not None:
        parts.append(f"组织政府信息公开培训{_n(facts['training_sessions'])}次")
    return who.collective + separator.join(parts) + "。" if parts else ""


def _plans(report, who: Voice) -> list[str]:
    """Section 五 (legacy: 四): the applications still open and what comes next, with the aggregate as subject."""
    t3 = report.table3
    paragraphs = []
    if t3["carried_out"][-1]:
        paragraphs.append(
            who.collective
            + f"尚有{t3['carried_out'][-1]}件政府信息公开申请结转下年度办理，将严格按照法定期限办结答复。"
        )
    if who.aggregate:
        paragraphs.append(
            _("下一步，%(who)s将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。")
            % {"who": who.collective}
        )
    else:
        paragraphs.append("下一步，将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。")
    return paragraphs


def _overview(report, who: Voice) -> list[str]:
    t3 = report.table3
    received = t3["new"][-1] + t3["carried_in"][-1]
    first = (
        f"{report.year}年，{who.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年共主动公开政府信息{records_total(report)}条；"
        f"共收到政府信息公开申请{t3['new'][-1]}件，上年结转{t3['carried_in'][-1]}件，"
        f"合计{received}件，办结{t3['total'][-1]}件，结转下年度继续办理{t3['carried_out'][-1]}件。"
    )
    paragraphs = [first]
    c = report.consultations
    if c.get("total"):
        parts = "、".join(f"{Channel(k).label}咨询{c.get(k, 0)}人次" for k in Channel.values)
        paragraphs.append(f"全年共接受政府信息公开咨询{c['total']}人次，其中{parts}。")
    support = _support(report, who, "，")
    if support:
        paragraphs.append(support)
    return paragraphs


def _proactive(report) -> list[str]:
    categories = report.records_by_category
    text = f"本年度共主动公开政府信息{records_total(report)}条"
    if categories:
        text += "，其中" + "、".join(f"{name}{n}条" for name, n in categories.items())
    paragraphs = [text + "。"]
    fees = report.table2.get("fees")
    if report.format.name == "2021" and fees and fees[0] is not None:
        paragraphs.append(f"本年度行政事业性收费金额{_n(fees[0])}万元。")
    return paragraphs


def _requests(report) -> list[str]:
    t3 = report.table3
    groups = "、".join(f"{label}{n}件" for label, n in outcome_groups(report) if n)
    text = f"本年度新收政府信息公开申请{t3['new'][-1]}件，上年结转{t3['carried_in'][-1]}件。"
    if t3["total"][-1]:
        text += f"全年办结{t3['total'][-1]}件，其中{groups}。"
    text += f"结转下年度继续办理{t3['carried_out'][-1]}件。"
    return [text]


def _appeals(report) -> list[str]:
    t4 = report.table4
    review = t4["review"][-1]
    lawsuits = t4["lawsuit_direct"][-1] + t4["lawsuit_after_review"][-1]
    if not review and not lawsuits:
        return ["本年度未发生因政府信息公开申请行政复议或提起行政诉讼的情况。"]
    return [
        f"本年度因政府信息公开申请行政复议{review}件，其中结果维持{t4['review'][0]}件、结果纠正{t4['review'][1]}件；"
        f"被提起行政诉讼{lawsuits}件，其中未经复议直接起诉{t4['lawsuit_direct'][-1]}件、"
        f"复议后起诉{t4['lawsuit_after_review'][-1]}件。"
    ]


def _other(report, who: Voice) -> list[str]:
    return [
        f"本报告统计期限为{report.year}年1月1日至{report.year}年12月31日，"
        "统计表数据由政府信息公开系统根据办理记录自动汇总。",
        *_summed_note(who),
    ]


# --- the legacy (pre-2019) narrative report --------------------------------------------------------------

LEGACY_LABELS = {
    "granted": "同意公开",
    "partial": "同意部分公开",
    "withheld": "不同意公开",
    "unable": "信息不存在、非本机关掌握或申请内容不明确",
    "other": "其他",
}


def _legacy_overview(report, who: Voice) -> list[str]:
    t3 = report.table3
    return [
        f"{report.year}年，{who.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年共主动公开政府信息{records_total(report)}条，受理政府信息公开申请{t3['new'][-1]}件，"
        f"接受政府信息公开咨询{report.consultations.get('total', 0)}人次。",
        f"本报告统计期限为{report.year}年1月1日至{report.year}年12月31日。",
        *_summed_note(who),
    ]


def _legacy_proactive(report, who: Voice) -> list[str]:
    categories = report.records_by_category
    text = f"本年度共主动公开政府信息{records_total(report)}条"
    if categories:
        text += "，其中" + "、".join(f"{name}{n}条" for name, n in categories.items())
    if who.aggregate:
        channels = _(
            "公开形式：主要通过%(who)s政府信息公开平台（门户网站）公开，并在各政府信息公开查阅点提供查阅。"
        ) % {"who": who.collective}
    else:
        channels = (
            "公开形式：主要通过本机关政府信息公开平台（门户网站）公开，并在政府信息公开查阅点提供查阅。"
        )
    return [text + "。", channels]


def _legacy_requests(report, who: Voice) -> list[str]:
    t3 = report.table3
    new = t3["new"]
    people, organisations = new[0], sum(new[1 : len(TABLE3_COLUMNS) - 1])
    applications = f"本年度共受理政府信息公开申请{new[-1]}件"
    if new[-1]:
        applications += f"，其中公民申请{people}件、法人或其他组织申请{organisations}件"
    applications += f"；上年结转{t3['carried_in'][-1]}件。"
    if t3["total"][-1]:
        groups = "、".join(f"{label}{n}件" for label, n in outcome_groups(report))
        applications += f"全年共办结{t3['total'][-1]}件，其中{groups}。"
    applications += f"结转下年度继续办理{t3['carried_out'][-1]}件。"
    c = report.consultations
    consultations = f"全年共受理政府信息公开咨询{c.get('total', 0)}人次"
    if c.get("total"):
        consultations += "，其中" + "、".join(
            f"{Channel(k).label}咨询{c.get(k, 0)}人次" for k in Channel.values
        )
    paragraphs = [applications, consultations + "。"]
    t4 = report.table4
    review = t4["review"][-1]
    lawsuits = t4["lawsuit_direct"][-1] + t4["lawsuit_after_review"][-1]
    if review or lawsuits:
        paragraphs.append(
            f"本年度因政府信息公开申请行政复议{review}件，提起行政诉讼{lawsuits}件；未收到有关政府信息公开的举报。"
        )
    else:
        paragraphs.append("本年度未发生因政府信息公开申请行政复议或提起行政诉讼的情况，未收到有关举报。")
    support = _support(report, who, "；")
    if support:
        paragraphs.append(support)
    return paragraphs


def draft_legacy(report) -> dict[str, list[str]]:
    """The four sections of the pre-2019 report (DOMAIN §0); the optional sections are left out."""
    who = voice(report)
    return {
        "overview": _legacy_overview(report, who),
        "proactive": _legacy_proactive(report, who),
        "requests": _legacy_requests(report, who),
        "problems": _plans(report, who),
    }


def section_heading(section) -> str:
    return f"{section.number}、{section.title}" if section.number else section.title


def report_text(report, narrative: dict[str, list[str]] | None = None) -> str:
    """The report as plain text (title, headings, paragraphs; sections without paragraphs left out when the
    format does not require them): what the auditor reads."""
    from gongkai.annual.render.layout import report_title

    narrative = draft_narrative(report) if narrative is None else narrative
    lines = [report_title(report), ""]
    for section in report.format.sections:
        paragraphs = narrative.get(section.key, [])
        if not paragraphs and not section.required:
            continue
        lines.append(section_heading(section))
        lines.extend(paragraphs)
        lines.append("")
    return "\n".join(lines)


def draft_narrative(report) -> dict[str, list[str]]:
    if report.format.name == "legacy":
        return draft_legacy(report)
    who = voice(report)
    return {
        "overview": _overview(report, who),
        "proactive": _proactive(report),
        "requests": _requests(report),
        "appeals": _appeals(report),
        "problems": _plans(report, who),
        "other": _other(report, who),
    }
