"""国办公开办函〔2021〕30号: the current format, report years 2021 onward."""

from gongkai.annual.formats.base import DECIMAL, Column, Format, Row, Table
from gongkai.annual.formats.common import (
    SECTIONS,
    TABLE4,
    TABLE4_IDENTITIES,
    table3,
    table3_identities,
)

_DOCS = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
)
_DECISIONS = (Column("decisions", "本年处理决定数量"),)

TABLE2 = Table(
    "table2",
    "主动公开政府信息情况",
    (
        Row("regulations", "规章", group="第二十条第（一）项", columns=_DOCS),
        Row("normative_documents", "行政规范性文件", group="第二十条第（一）项", columns=_DOCS),
        Row("licensing", "行政许可", group="第二十条第（五）项", columns=_DECISIONS),
        Row("penalty", "行政处罚", group="第二十条第（六）项", columns=_DECISIONS),
        Row("enforcement", "行政强制", group="第二十条第（六）项", columns=_DECISIONS),
        Row(
            "fees",
            "行政事业性收费",
            group="第二十条第（八）项",
            columns=(Column("amount", "本年收费金额（单位：万元）", DECIMAL),),
        ),
    ),
)

OTHER_ROWS = (
    Row(
        "other_1",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        number="1.",
        group="（六）其他处理",
        anchor=r"申请人无正当理由逾期不补正[^\d]{0,30}?申请",
    ),
    Row(
        "other_2",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        number="2.",
        group="（六）其他处理",
        anchor=r"申请人逾期未按收费通知要求缴纳费用[^\d]{0,30}?申请",
    ),
    Row("other_3", "其他", number="3.", group="（六）其他处理", anchor=r"3\s*[.．、]\s*其他"),
)

TABLE3 = table3(OTHER_ROWS)

FORMAT = Format(
    name="2021",
    title="国办公开办函〔2021〕30号 中华人民共和国政府信息公开工作年度报告格式",
    years=(2021, 9999),
    sections=SECTIONS,
    tables=(TABLE2, TABLE3, TABLE4),
    identities=table3_identities(TABLE3) + TABLE4_IDENTITIES,
    header_markers=("本年制发件数", "本年废止件数", "现行有效件数", "申请人无正当理由逾期不补正"),
)
