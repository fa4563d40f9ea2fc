"""Chinese names of the auditor's rules and severities, for the public page (the JSON keeps the rule ids)."""

from django.utils.translation import gettext_lazy as _

SEVERITY_LABELS = {"error": _("错误"), "warning": _("警告"), "note": _("提示")}

RULE_LABELS = {
    "carryover.mismatch": _("上年结转与上一年度“结转下年度继续办理”不一致"),
    "carryover.year": _("用于比对的上一年度报告年份不对"),
    "cell.type": _("表格数字不是非负整数"),
    "format.year_mismatch": _("表格格式与报告年度应采用的格式不一致"),
    "narrative.parts_exceed_whole": _("正文中“其中”各项之和超过总数"),
    "narrative.parts_short_of_whole": _("正文中“其中”各项之和小于总数"),
    "narrative.percentage": _("正文中的百分比与其基数不符"),
    "narrative.table_mismatch": _("正文数字与统计表不一致"),
    "reader.garbled": _("文字提取结果混乱，部分内容无法识别"),
    "reader.no_text": _("文件中没有可提取的文字（可能是扫描件）"),
    "reader.too_large": _("文件过大"),
    "reader.truncated": _("文本过长，只检查了开头部分"),
    "reader.unreadable": _("文件无法读取"),
    "structure.date_invalid": _("日期无效"),
    "structure.period_blank": _("统计期限留空"),
    "structure.period_missing": _("未写明统计期限"),
    "structure.period_wrong": _("统计期限不是1月1日至12月31日"),
    "structure.published_early": _("发布日期早于统计期结束"),
    "structure.published_late": _("发布日期晚于法定期限"),
    "structure.section_missing": _("缺少规定的章节"),
    "structure.section_order": _("章节顺序与格式不一致"),
    "table.ambiguous": _("表格数字连写，无法唯一拆分"),
    "table.missing": _("未找到规定的统计表"),
    "table.no_consistent_reading": _("表格数字无论如何拆分都不满足勾稽关系"),
    "table.row_missing": _("统计表缺少一行"),
    "table.unreadable_row": _("统计表某行无法识别"),
    "table3.row_total": _("表三：行“总计”不等于自然人与五类法人或其他组织之和"),
    "table3.balance": _("表三：本年新收与上年结转之和不等于办理结果总计与结转下年度之和"),
    "table3.outcomes": _("表三：办理结果总计不等于各项办理结果之和"),
    "table4.group_total": _("表四：复议或诉讼的“总计”不等于各项结果之和"),
}


def rule_label(rule: str) -> str:
    if rule in RULE_LABELS:
        return str(RULE_LABELS[rule])
    if rule.startswith(("table", "identity")):
        return str(_("统计表勾稽关系不成立"))
    return rule
