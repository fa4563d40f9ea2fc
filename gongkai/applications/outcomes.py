"""Outcome codes (办理结果): one per data row of Table 3 (三、本年度办理结果) of the annual report in the 2021
format (国办公开办函〔2021〕30号), with the article of the 2019 regulation behind each, and the mapping to the
2019 trial format (国办公开办函〔2019〕60号), where （六）其他处理 is a single row.

A partially disclosed application counts only as `partial` (the form's counting rule).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    GRANTED = "granted", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    WITHHELD_1 = "withheld_1", _("不予公开：属于国家秘密")
    WITHHELD_2 = "withheld_2", _("不予公开：其他法律行政法规禁止公开")
    WITHHELD_3 = "withheld_3", _("不予公开：危及“三安全一稳定”")
    WITHHELD_4 = "withheld_4", _("不予公开：保护第三方合法权益")
    WITHHELD_5 = "withheld_5", _("不予公开：属于三类内部事务信息")
    WITHHELD_6 = "withheld_6", _("不予公开：属于四类过程性信息")
    WITHHELD_7 = "withheld_7", _("不予公开：属于行政执法案卷")
    WITHHELD_8 = "withheld_8", _("不予公开：属于行政查询事项")
    UNABLE_1 = "unable_1", _("无法提供：本机关不掌握相关政府信息")
    UNABLE_2 = "unable_2", _("无法提供：没有现成信息需要另行制作")
    UNABLE_3 = "unable_3", _("无法提供：补正后申请内容仍不明确")
    NOT_PROCESSED_1 = "not_processed_1", _("不予处理：信访举报投诉类申请")
    NOT_PROCESSED_2 = "not_processed_2", _("不予处理：重复申请")
    NOT_PROCESSED_3 = "not_processed_3", _("不予处理：要求提供公开出版物")
    NOT_PROCESSED_4 = "not_processed_4", _("不予处理：无正当理由大量反复申请")
    NOT_PROCESSED_5 = "not_processed_5", _("不予处理：要求行政机关确认或重新出具已获取信息")
    OTHER_1 = "other_1", _("其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    OTHER_2 = "other_2", _("其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    OTHER_3 = "other_3", _("其他处理：其他")


@dataclass(frozen=True)
class OutcomeInfo:
    code: str
    group: str  # the merged group cell of the report: 一 … 六
    group_label: str
    row_label: str  # the exact row text of the 2021 format
    article: str  # the provision of the 2019 regulation behind the reply
    trial_2019: str  # row code in the 2019 trial format


GROUPS = {
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}

_ROWS = [
    ("granted", "予以公开", "第三十六条第（一）（二）项"),
    ("partial", "部分公开（区分处理的，只计这一情形，不计其他情形）", "第三十七条"),
    ("withheld_1", "1.属于国家秘密", "第十四条"),
    ("withheld_2", "2.其他法律行政法规禁止公开", "第十四条"),
    ("withheld_3", "3.危及“三安全一稳定”", "第十四条"),
    ("withheld_4", "4.保护第三方合法权益", "第十五条"),
    ("withheld_5", "5.属于三类内部事务信息", "第十六条第一款"),
    ("withheld_6", "6.属于四类过程性信息", "第十六条第二款"),
    ("withheld_7", "7.属于行政执法案卷", "第十六条第二款"),
    ("withheld_8", "8.属于行政查询事项", "第三十六条第（七）项"),
    ("unable_1", "1.本机关不掌握相关政府信息", "第三十六条第（四）（五）项"),
    ("unable_2", "2.没有现成信息需要另行制作", "第三十八条"),
    ("unable_3", "3.补正后申请内容仍不明确", "第三十条"),
    ("not_processed_1", "1.信访举报投诉类申请", "第三十九条第一款"),
    ("not_processed_2", "2.重复申请", "第三十六条第（六）项"),
    ("not_processed_3", "3.要求提供公开出版物", "第三十九条第二款"),
    ("not_processed_4", "4.无正当理由大量反复申请", "第三十五条"),
    ("not_processed_5", "5.要求行政机关确认或重新出具已获取信息", "第三十九条"),
    ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条"),
    ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "第四十二条"),
    ("other_3", "3.其他", ""),
]


def _group(code: str) -> str:
    return code.rsplit("_", 1)[0] if code[-1].isdigit() else code


OUTCOMES: dict[str, OutcomeInfo] = {
    code: OutcomeInfo(
        code=code,
        group=_group(code),
        group_label=GROUPS[_group(code)],
        row_label=row,
        article=article,
        trial_2019="other" if _group(code) == "other" else code,
    )
    for code, row, article in _ROWS
}

# Row codes of the 2019 trial format, in report order.
TRIAL_2019_ROWS = [code for code in OUTCOMES if not code.startswith("other_")] + ["other"]


def info(code: str) -> OutcomeInfo:
    return OUTCOMES[code]


def to_trial_2019(code: str) -> str:
    """The row of the 2019 trial format that counts an application closed with `code`."""
    return OUTCOMES[code].trial_2019
