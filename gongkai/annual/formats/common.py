"""Parts shared by the 2019 trial and the 2021 format: sections, table 3 rows and columns, table 4."""

from django.utils.translation import gettext_lazy as _

from gongkai.annual.formats.base import (
    COLUMN_EQUATION,
    ROW_SUM,
    Column,
    Identity,
    Row,
    Section,
    Table,
)

SECTIONS = (
    Section("overview", "一", "总体情况", r"总体情况|概\s*述"),
    Section("proactive", "二", "主动公开政府信息情况", r"主动公开政府信息(?:的)?情况"),
    Section("requests", "三", "收到和处理政府信息公开申请情况", r"收到和处理政府信息公开申请(?:的)?情况"),
    Section(
        "appeals",
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        r"[^。]{0,20}?行政(?:法)?复议[^。]{0,12}?行政诉讼[^。]{0,6}?情况",
    ),
    Section("problems", "五", "存在的主要问题及改进情况", r"[^。]{0,12}?存在的主要问题"),
    Section("other", "六", "其他需要报告的事项", r"其他需要报告的事项"),
)

# Applicant kinds (glossary: Applicant.kind) in template order, then the total.
TABLE3_COLUMNS = (
    Column("person", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal_service", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)

WITHHELD = (
    ("withheld_1", "属于国家秘密", ""),
    ("withheld_2", "其他法律行政法规禁止公开", ""),
    ("withheld_3", "危及“三安全一稳定”", r"危及.{0,2}三安全一稳定.?"),
    ("withheld_4", "保护第三方合法权益", ""),
    ("withheld_5", "属于三类内部事务信息", ""),
    ("withheld_6", "属于四类过程性信息", ""),
    ("withheld_7", "属于行政执法案卷", ""),
    ("withheld_8", "属于行政查询事项", ""),
)
UNABLE = (
    ("unable_1", "本机关不掌握相关政府信息", ""),
    ("unable_2", "没有现成信息需要另行制作", ""),
    ("unable_3", "补正后申请内容仍不明确", ""),
)
NOT_PROCESSED = (
    ("not_processed_1", "信访举报投诉类申请", ""),
    ("not_processed_2", "重复申请", ""),
    ("not_processed_3", "要求提供公开出版物", ""),
    ("not_processed_4", "无正当理由大量反复申请", ""),
    ("not_processed_5", "要求行政机关确认或重新出具已获取信息", ""),
)


def _numbered(items, group):
    return tuple(
        Row(key, label, number=f"{i}.", group=group, anchor=anchor)
        for i, (key, label, anchor) in enumerate(items, 1)
    )


def table3_rows(other_rows: tuple[Row, ...]) -> tuple[Row, ...]:
    return (
        Row("new", "本年新收政府信息公开申请数量", number="一、"),
        Row("carried_in", "上年结转政府信息公开申请数量", number="二、"),
        Row("granted", "予以公开", number="（一）", group="三、本年度办理结果"),
        Row(
            "partial",
            "部分公开（区分处理的，只计这一情形，不计其他情形）",
            number="（二）",
            group="三、本年度办理结果",
            anchor=r"部分公开(?:\s*[（(][^）)]{0,30}[）)])?",
        ),
        *_numbered(WITHHELD, "（三）不予公开"),
        *_numbered(UNABLE, "（四）无法提供"),
        *_numbered(NOT_PROCESSED, "（五）不予处理"),
        *other_rows,
        Row("total", "总计", number="（七）", group="三、本年度办理结果"),
        Row("carried_out", "结转下年度继续办理", number="四、"),
    )


def outcome_keys(rows: tuple[Row, ...]) -> tuple[str, ...]:
    """The rows that make up 三（七）总计."""
    return tuple(r.key for r in rows if r.key not in ("new", "carried_in", "total", "carried_out"))


def table3(other_rows: tuple[Row, ...]) -> Table:
    return Table("table3", "收到和处理政府信息公开申请情况", table3_rows(other_rows), TABLE3_COLUMNS)


def table3_identities(table: Table) -> tuple[Identity, ...]:
    return (
        Identity(
            "table3.row_total",
            "table3",
            ROW_SUM,
            _("总计 = 自然人 + 法人或其他组织（五列）"),
            target="total",
            sources=tuple(c.key for c in TABLE3_COLUMNS[:-1]),
        ),
        Identity(
            "table3.balance",
            "table3",
            COLUMN_EQUATION,
            _("一 + 二 = 三（七）+ 四"),
            lhs=("new", "carried_in"),
            rhs=("total", "carried_out"),
        ),
        Identity(
            "table3.outcomes",
            "table3",
            COLUMN_EQUATION,
            _("三（七）总计 = 各办理结果之和"),
            lhs=outcome_keys(table.rows),
            rhs=("total",),
        ),
    )


TABLE4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other_result", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
# Glossary: Appeal.kind. Table 4 is printed as one row of 15 cells: these three groups of five, in this order.
TABLE4 = Table(
    "table4",
    "政府信息公开行政复议、行政诉讼情况",
    (
        Row("review", "行政复议"),
        Row("lawsuit_direct", "行政诉讼·未经复议直接起诉"),
        Row("lawsuit_after_review", "行政诉讼·复议后起诉"),
    ),
    TABLE4_COLUMNS,
)
TABLE4_IDENTITIES = (
    Identity(
        "table4.group_total",
        "table4",
        ROW_SUM,
        _("总计 = 维持 + 纠正 + 其他 + 尚未审结"),
        target="total",
        sources=("upheld", "corrected", "other_result", "pending"),
    ),
)


def table4_flat(filled: dict[str, list]) -> list:
    """The 15 cells of table 4 in print order."""
    return [cell for row in TABLE4.rows for cell in filled[row.key]]


def table4_from_flat(cells: list) -> dict[str, list]:
    return {row.key: list(cells[i * 5 : i * 5 + 5]) for i, row in enumerate(TABLE4.rows)}
