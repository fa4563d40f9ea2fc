"""Hand-written SVG bar charts (no script): applications by outcome, consultations by channel, records per
category. Each chart has a <title> and <desc> (referenced by aria-labelledby) and prints its labels and values
as text, so it reads without colour and in a screen reader."""

from __future__ import annotations

from html import escape

from gongkai.annual.render.draft import outcome_groups
from gongkai.enquiries.models import Channel

FONT = "'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif"
WIDTH = 600
LABEL_WIDTH = 200
BAR_HEIGHT = 22
GAP = 10
TOP = 36


def bar_chart(chart_id: str, title: str, desc: str, items: list[tuple[str, int]], unit: str) -> str:
    """A horizontal bar chart of (label, value) pairs."""
    most = max((value for _label, value in items), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    height = TOP + max(len(items), 1) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{escape(FONT)}" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<text x="0" y="18" font-size="15" font-weight="bold" fill="#000">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{TOP + 16}" fill="#000">无数据</text>')
    for i, (label, value) in enumerate(items):
        y = TOP + i * (BAR_HEIGHT + GAP)
        length = round(room * value / most) if value else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" fill="#000">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="#9b1c1c"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}" fill="#000">{value}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe(items: list[tuple[str, int]], unit: str) -> str:
    return "；".join(f"{label}{value}{unit}" for label, value in items) or "无数据"


def outcomes_chart(report) -> str:
    items = outcome_groups(report)
    title = f"{report.year}年政府信息公开申请办理结果"
    return bar_chart("chart-outcomes", title, _describe(items, "件"), items, "件")


def consultations_chart(report) -> str:
    items = [(f"{Channel(k).label}咨询", report.consultations.get(k, 0)) for k in Channel.values]
    title = f"{report.year}年政府信息公开咨询（按渠道）"
    return bar_chart("chart-consultations", title, _describe(items, "人次"), items, "人次")


def records_chart(report) -> str:
    items = list(report.records_by_category.items())
    title = f"{report.year}年主动公开政府信息（按类别）"
    return bar_chart("chart-records", title, _describe(items, "条"), items, "条")
