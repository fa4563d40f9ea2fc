"""国办公开办函〔2019〕60号 年度报告格式（试行）: report years 2019 and 2020."""

from gongkai.annual.formats.base import DECIMAL, SIGNED_INT, Column, Format, Row, Table
from gongkai.annual.formats.common import (
    SECTIONS,
    TABLE4,
    TABLE4_IDENTITIES,
    table3,
    table3_identities,
)

_DOCS = (
    Column("made", "本年新制作数量"),
    Column("published", "本年新公开数量"),
    Column("published_total", "对外公开总数量"),
)
_ITEMS = (
    Column("previous_year", "上一年项目数量"),
    Column("change", "本年增/减", SIGNED_INT),
    Column("decisions", "处理决定数量"),
)
_FEES = (Column("previous_year", "上一年项目数量"), Column("change", "本年增/减", SIGNED_INT))
_PROCUREMENT = (Column("projects", "采购项目数量"), Column("amount", "采购总金额", DECIMAL))

TABLE2 = Table(
    "table2",
    "主动公开政府信息情况",
    (
        Row("regulations", "规章", group="第二十条第（一）项", columns=_DOCS),
        Row("normative_documents", "规范性文件", group="第二十条第（一）项", columns=_DOCS),
        Row("licensing", "行政许可", group="第二十条第（五）项", columns=_ITEMS),
        Row("other_services", "其他对外管理服务事项", group="第二十条第（五）项", columns=_ITEMS),
        Row("penalty", "行政处罚", group="第二十条第（六）项", columns=_ITEMS),
        Row("enforcement", "行政强制", group="第二十条第（六）项", columns=_ITEMS),
        Row("fees", "行政事业性收费", group="第二十条第（八）项", columns=_FEES),
        Row("procurement", "政府集中采购", group="第二十条第（九）项", columns=_PROCUREMENT),
    ),
)

OTHER_ROWS = (Row("other", "其他处理", number="（六）", group="三、本年度办理结果"),)

TABLE3 = table3(OTHER_ROWS)

FORMAT = Format(
    name="2019",
    title="国办公开办函〔2019〕60号 政府信息公开工作年度报告格式（试行）",
    years=(2019, 2020),
    sections=SECTIONS,
    tables=(TABLE2, TABLE3, TABLE4),
    identities=table3_identities(TABLE3) + TABLE4_IDENTITIES,
    header_markers=("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量"),
)
