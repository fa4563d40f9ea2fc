"""The drafted narrative of a report summed over a subtree (`gongkai report build … --subtree`) speaks for the
aggregate: "长沙市开福区人民政府本级及所属2个单位认真贯彻落实…", "本级及所属各单位共配备…", never "本机关", in
the 2021 format and the legacy (2008-regulation) one; the organ count is the organs below the root. One
organ's own report keeps its wording, sentence for sentence."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.annual.audit.report import audit_text
from gongkai.annual.compile import compile_report
from gongkai.annual.facts import do_set_fact
from gongkai.annual.render.charts import outcomes_chart
from gongkai.annual.render.draft import draft_narrative, report_text, voice
from gongkai.annual.rollup import roll_up
from gongkai.enquiries.actions import do_log_enquiry
from gongkai.enquiries.models import Channel
from tests.annual import test_compile, test_legacy_report
from tests.annual.test_compile import SHANGHAI, D, make
from tests.annual.test_records_by_month import at, publish

calendar = test_compile.calendar
year_2016 = test_legacy_report.year_2016

KAIFU = "长沙市开福区人民政府本级及所属2个单位"  # 开福区 + 东风路街道 + 蚌塘社区 (芙蓉区 is elsewhere)


def _paragraphs(narrative: dict[str, list[str]]) -> list[str]:
    return [p for paragraphs in narrative.values() for p in paragraphs]


@pytest.fixture
def subtree_2025(organs, time_machine):
    """开福区's subtree in 2025: applications at all three levels (one still open at the end of the year),
    consultations, records, and staff, costs and training entered by two organs; 芙蓉区 has its own."""
    kaifu, dongfeng, bangtang = organs["kaifu"], organs["dongfeng"], organs["bangtang"]
    make(kaifu, "research", D(2025, 6, 2), D(2025, 6, 9), "partial")
    make(dongfeng, "person", D(2024, 12, 1), D(2025, 1, 5), "granted")
    make(dongfeng, "business", D(2025, 2, 3), D(2025, 2, 20), "unable_1")
    make(bangtang, "person", D(2025, 4, 1))
    make(organs["furong"], "person", D(2025, 6, 2), D(2025, 6, 9), "granted")  # outside the subtree
    publish(dongfeng, at(2025, 3, 15, 9, 0), "tzgg")
    publish(bangtang, at(2025, 5, 6, 9, 0), "gzdt")
    time_machine.move_to(dt.datetime(2025, 6, 2, 10, tzinfo=SHANGHAI), tick=False)
    do_log_enquiry(organ=dongfeng, actor=None, channel=Channel.PHONE, topic="公开指南", question="如何申请？")
    do_log_enquiry(
        organ=bangtang, actor=None, channel=Channel.ONLINE, topic="居务公开", question="何时公开？"
    )
    time_machine.move_to(dt.datetime(2026, 3, 1, 10, tzinfo=SHANGHAI), tick=False)
    for organ, full, part, spending, training in (
        (kaifu, 2, 1, Decimal("30000"), 2),
        (dongfeng, 1, 3, Decimal("5000.50"), 1),
    ):
        do_set_fact(organ, 2025, "staff_full_time", full, actor=None)
        do_set_fact(organ, 2025, "staff_part_time", part, actor=None)
        do_set_fact(organ, 2025, "disclosure_spending", spending, actor=None)
        do_set_fact(organ, 2025, "training_sessions", training, actor=None)
    return kaifu


def test_a_subtree_report_speaks_for_the_aggregate(subtree_2025):
    report = roll_up(subtree_2025, 2025).total
    assert report.format.name == "2021" and len(report.organs) == 3
    narrative = draft_narrative(report)
    overview = narrative["overview"]
    assert overview[0] == (
        f"2025年，{KAIFU}认真贯彻落实《中华人民共和国政府信息公开条例》，全年共主动公开政府信息2条；"
        "共收到政府信息公开申请3件，上年结转1件，合计4件，办结3件，结转下年度继续办理1件。"
    )
    assert overview[1] == "全年共接受政府信息公开咨询2人次，其中现场咨询0人次、电话咨询1人次、网上咨询1人次。"
    assert overview[2] == (
        "本级及所属各单位共配备政府信息公开专职工作人员3人、兼职工作人员4人，"
        "全年政府信息公开工作经费35000.50元，组织政府信息公开培训3次。"
    )
    assert narrative["problems"] == [
        "本级及所属各单位尚有1件政府信息公开申请结转下年度办理，将严格按照法定期限办结答复。",
        "下一步，本级及所属各单位将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。",
    ]
    assert narrative["other"][-1] == f"本报告为{KAIFU}的汇总报告，所列数据均为各单位数据之和。"
    assert all("本机关" not in p for p in _paragraphs(narrative))
    # The sentences that only state figures keep their wording (the aggregate is named in the overview).
    assert narrative["requests"] == [
        "本年度新收政府信息公开申请3件，上年结转1件。全年办结3件，其中予以公开1件、部分公开1件、无法提供1件。"
        "结转下年度继续办理1件。"
    ]
    errors = [f for f in audit_text(report_text(report))["findings"] if f["severity"] == "error"]
    assert errors == []


def test_the_organ_count_is_the_organs_below_the_root(subtree_2025, organs):
    dongfeng = roll_up(organs["dongfeng"], 2025).total
    assert voice(dongfeng).name == "长沙市开福区人民政府东风路街道办事处本级及所属1个单位"
    assert draft_narrative(dongfeng)["overview"][0].startswith(
        "2025年，长沙市开福区人民政府东风路街道办事处本级及所属1个单位认真贯彻落实"
    )
    # The same organs passed to compile_report (root first) read the same; a leaf's subtree is one organ.
    union = compile_report([subtree_2025, organs["dongfeng"], organs["bangtang"]], 2025)
    assert voice(union).name == KAIFU and draft_narrative(union) == draft_narrative(
        roll_up(subtree_2025, 2025).total
    )
    leaf = roll_up(organs["bangtang"], 2025).total
    assert voice(leaf).name == "蚌塘社区居民委员会" and not voice(leaf).aggregate


def test_organs_that_are_not_one_subtree_are_counted_together(subtree_2025, organs):
    report = compile_report([organs["dongfeng"], organs["dingwangtai"]], 2025)
    who = voice(report)
    assert who.name == "长沙市开福区人民政府东风路街道办事处等2个单位" and who.collective == "各单位"
    assert all("本机关" not in p for p in _paragraphs(draft_narrative(report)))


def test_a_single_organ_report_keeps_its_wording(subtree_2025, organs):
    dongfeng = organs["dongfeng"]
    narrative = draft_narrative(compile_report([dongfeng], 2025))
    assert narrative == {
        "overview": [
            f"2025年，{dongfeng.name}认真贯彻落实《中华人民共和国政府信息公开条例》，全年共主动公开政府信息1条；"
            "共收到政府信息公开申请1件，上年结转1件，合计2件，办结2件，结转下年度继续办理0件。",
            "全年共接受政府信息公开咨询1人次，其中现场咨询0人次、电话咨询1人次、网上咨询0人次。",
            "本机关配备政府信息公开专职工作人员1人、兼职工作人员3人，全年政府信息公开工作经费5000.50元，"
            "组织政府信息公开培训1次。",
        ],
        "proactive": ["本年度共主动公开政府信息1条，其中通知公告1条。"],
        "requests": [
            "本年度新收政府信息公开申请1件，上年结转1件。全年办结2件，其中予以公开1件、无法提供1件。"
            "结转下年度继续办理0件。"
        ],
        "appeals": ["本年度未发生因政府信息公开申请行政复议或提起行政诉讼的情况。"],
        "problems": ["下一步，将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。"],
        "other": [
            "本报告统计期限为2025年1月1日至2025年12月31日，统计表数据由政府信息公开系统根据办理记录自动汇总。"
        ],
    }
    assert "本级及所属" not in report_text(compile_report([dongfeng], 2025))


@pytest.fixture
def legacy_subtree_2016(year_2016, organs, time_machine):
    """东风路街道's 2016 year of the single-organ legacy tests, plus 蚌塘社区 under it: 2 applications (1 open
    at the end of the year), 1 consultation, part-time staff and costs."""
    bangtang = organs["bangtang"]
    make(bangtang, "person", D(2016, 3, 1), D(2016, 3, 10), "unable_1")
    make(bangtang, "person", D(2016, 12, 28))
    time_machine.move_to(dt.datetime(2016, 9, 2, 10, tzinfo=SHANGHAI), tick=False)
    do_log_enquiry(organ=bangtang, actor=None, channel=Channel.PHONE, topic="居务公开", question="何时公开？")
    time_machine.move_to(dt.datetime(2017, 2, 1, 10, tzinfo=SHANGHAI), tick=False)
    do_set_fact(bangtang, 2016, "staff_part_time", 1, actor=None)
    do_set_fact(bangtang, 2016, "disclosure_spending", Decimal("800"), actor=None)
    return year_2016


def test_a_legacy_subtree_report_speaks_for_the_aggregate(legacy_subtree_2016):
    report = roll_up(legacy_subtree_2016, 2016).total
    assert report.format.name == "legacy"
    who = "长沙市开福区人民政府东风路街道办事处本级及所属1个单位"
    narrative = draft_narrative(report)
    assert narrative["overview"] == [
        f"2016年，{who}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "全年共主动公开政府信息0条，受理政府信息公开申请9件，接受政府信息公开咨询6人次。",
        "本报告统计期限为2016年1月1日至2016年12月31日。",
        f"本报告为{who}的汇总报告，所列数据均为各单位数据之和。",
    ]
    assert narrative["proactive"][-1] == (
        "公开形式：主要通过本级及所属各单位政府信息公开平台（门户网站）公开，并在各政府信息公开查阅点提供查阅。"
    )
    requests = narrative["requests"]
    assert "信息不存在、非受理机关掌握或申请内容不明确3件" in requests[0]
    assert requests[-1] == (
        "本级及所属各单位共配备政府信息公开专职工作人员2人、兼职工作人员4人；全年政府信息公开工作经费12800元。"
    )
    assert narrative["problems"] == [
        "本级及所属各单位尚有2件政府信息公开申请结转下年度办理，将严格按照法定期限办结答复。",
        "下一步，本级及所属各单位将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。",
    ]
    assert all("本机关" not in p for p in _paragraphs(narrative))
    assert "非受理机关掌握" in outcomes_chart(report) and "本机关" not in outcomes_chart(report)
    result = audit_text(report_text(report))
    assert result["format"] == "legacy"
    assert [f for f in result["findings"] if f["severity"] == "error"] == []


def test_a_single_organ_legacy_report_keeps_its_wording(legacy_subtree_2016):
    report = compile_report([legacy_subtree_2016], 2016)
    narrative = draft_narrative(report)
    assert narrative["overview"][0].startswith(f"2016年，{legacy_subtree_2016.name}认真贯彻落实")
    assert len(narrative["overview"]) == 2
    assert narrative["proactive"][-1] == (
        "公开形式：主要通过本机关政府信息公开平台（门户网站）公开，并在政府信息公开查阅点提供查阅。"
    )
    assert "信息不存在、非本机关掌握或申请内容不明确2件" in narrative["requests"][0]
    assert narrative["requests"][-1] == (
        "本机关配备政府信息公开专职工作人员2人、兼职工作人员3人；全年政府信息公开工作经费12000元。"
    )
    assert narrative["problems"] == [
        "尚有1件政府信息公开申请结转下年度办理，将严格按照法定期限办结答复。",
        "下一步，将进一步规范依申请公开办理流程，加强政府信息公开平台建设和工作人员培训。",
    ]
