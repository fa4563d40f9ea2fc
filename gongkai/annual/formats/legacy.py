"""The pre-2019 narrative report (2008 regulation; DOMAIN §0): four required sections, no national tables.

Real reports of this era add a 复议/诉讼 section and end with a flattened 政府信息公开情况统计表; both are optional
here. Their arithmetic is checked through the narrative rules (共…，其中…), not through table identities.
"""

from gongkai.annual.formats.base import Format, Section

SECTIONS = (
    Section("overview", "一", "概述", r"概\s*述|总体情况|基本情况"),
    Section("proactive", "二", "主动公开政府信息情况", r"主动公开政府信息(?:的)?(?:情况|工作)"),
    Section(
        "requests",
        "三",
        "依申请公开政府信息情况",
        r"(?:依申请公开政府信息|政府信息依申请公开)[^。]{0,6}?情况",
    ),
    Section(
        "appeals",
        "",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        r"[^。]{0,20}?行政复议[^。]{0,16}?行政诉讼[^。]{0,6}?情况",
        required=False,
    ),
    Section("problems", "四", "主要问题和改进措施", r"[^。]{0,16}?主要问题"),
    Section(
        "statistics", "", "政府信息公开情况统计表", r"[^。]{0,16}?政府信息公开(?:情况)?统计表", required=False
    ),
)

FORMAT = Format(
    name="legacy",
    title="政府信息公开工作年度报告（2008年条例，叙述式）",
    years=(2008, 2018),
    sections=SECTIONS,
    header_markers=("指标名称", "计量单位"),
)
