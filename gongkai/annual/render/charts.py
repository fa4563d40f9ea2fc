"""Hand-written SVG bar charts (no script): applications by outcome, consultations by channel, records per
category per month. Each chart has a <title> and <desc> (referenced by aria-labelledby) and prints its labels
and values as text, so it reads without colour and in a screen reader; the <desc> of the month chart holds every
figure of the chart (its text alternative)."""

from __future__ import annotations

from html import escape

from django.utils.translation import gettext as _

from gongkai.annual.render.draft import outcome_groups
from gongkai.enquiries.models import Channel

FONT = "'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif"
WIDTH = 600
LABEL_WIDTH = 200
BAR_HEIGHT = 22
GAP = 10
TOP = 36


def _opening(chart_id: str, title: str, desc: str, height: int) -> list[str]:
    """The start of every chart: the accessible <svg> element with its title and description, and the
    visible title."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{escape(FONT)}" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<text x="0" y="18" font-size="15" font-weight="bold" fill="#000">{escape(title)}</text>',
    ]


def bar_chart(chart_id: str, title: str, desc: str, items: list[tuple[str, int]], unit: str) -> str:
    """A horizontal bar chart of (label, value) pairs."""
    most = max((value for _label, value in items), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    height = TOP + max(len(items), 1) * (BAR_HEIGHT + GAP) + GAP
    parts = _opening(chart_id, title, desc, height)
    if not items:
        parts.append(f'<text x="0" y="{TOP + 16}" fill="#000">{escape(_("无数据"))}</text>')
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
    return "；".join(f"{label}{value}{unit}" for label, value in items) or _("无数据")


def outcomes_chart(report) -> str:
    items = outcome_groups(report)
    title = _("%(year)s年政府信息公开申请办理结果") % {"year": report.year}
    unit = _("件")
    return bar_chart("chart-outcomes", title, _describe(items, unit), items, unit)


def consultations_chart(report) -> str:
    items = [
        (_("%(channel)s咨询") % {"channel": Channel(k).label}, report.consultations.get(k, 0))
        for k in Channel.values
    ]
    title = _("%(year)s年政府信息公开咨询（按渠道）") % {"year": report.year}
    unit = _("人次")
    return bar_chart("chart-consultations", title, _describe(items, unit), items, unit)


# --- records per category per month: stacked columns, one per month -----------------------------------

TOP_CATEGORIES = 5  # the categories drawn by name; the others are drawn together as one
PLOT_HEIGHT = 160
SWATCH = 14
LEGEND_ROW = 20
# Fills that differ in lightness as well as hue, so neighbouring segments stay apart in greyscale print.
FILLS = ("#7f1d1d", "#e07b39", "#1f4e79", "#f2c94c", "#4d7c0f", "#9ca3af")


def month_label(month: int) -> str:
    return _("%(month)s月") % {"month": month}


def month_series(months: dict[str, list[int]], top: int = TOP_CATEGORIES) -> list[tuple[str, list[int]]]:
    """The series drawn: the `top` most published categories (in the report's order, most first) and, when
    there are more, the rest summed as 其他类别."""
    items = list(months.items())
    if len(items) <= top + 1:
        return items
    rest = [sum(counts) for counts in zip(*(counts for _name, counts in items[top:]), strict=True)]
    return [*items[:top], (_("其他类别"), rest)]


def describe_months(series: list[tuple[str, list[int]]], unit: str) -> str:
    """Every figure of the chart as text, month by month: "1月5条：法规公文3条、工作动态2条；2月0条；…"."""
    out = []
    for m in range(12):
        parts = [f"{name}{counts[m]}{unit}" for name, counts in series if counts[m]]
        text = f"{month_label(m + 1)}{sum(counts[m] for _name, counts in series)}{unit}"
        out.append(f"{text}：{'、'.join(parts)}" if parts else text)
    return "；".join(out)


def records_chart(report) -> str:
    """Records published per category and month: twelve stacked columns (1月…12月) with the month's total
    above each, one segment per category (each with its own <title>), and a legend with the year's count per
    category. The <desc> lists every figure."""
    unit = _("条")
    title = _("%(year)s年主动公开政府信息（按类别、月份）") % {"year": report.year}
    series = month_series(report.records_by_month)
    totals = [sum(counts[m] for _name, counts in series) for m in range(12)]
    if not any(totals):
        return bar_chart("chart-records", title, _("无数据"), [], unit)
    chart_id = "chart-records"
    desc = describe_months(series, unit)
    slot = (WIDTH - 20) / 12
    bar = round(slot * 0.62)
    plot_top = TOP + 18
    base = plot_top + PLOT_HEIGHT
    legend_top = base + 34
    height = legend_top + len(series) * LEGEND_ROW + GAP
    most = max(totals)
    parts = [
        *_opening(chart_id, title, desc, height),
        f'<text x="{WIDTH - 10}" y="{TOP - 4}" text-anchor="end" fill="#000">'
        f"{escape(_('单位：%(unit)s') % {'unit': unit})}</text>",
        f'<line x1="10" y1="{base}" x2="{WIDTH - 10}" y2="{base}" stroke="#000" stroke-width="1"/>',
    ]
    for m in range(12):
        x = round(10 + m * slot + (slot - bar) / 2)
        centre = round(10 + m * slot + slot / 2)
        y = base
        for i, (name, counts) in enumerate(series):
            n = counts[m]
            if not n:
                continue
            h = max(1, round(PLOT_HEIGHT * n / most))
            y -= h
            label = escape(f"{name}，{month_label(m + 1)}：{n}{unit}")
            parts.append(
                f'<rect x="{x}" y="{y}" width="{bar}" height="{h}" fill="{FILLS[i % len(FILLS)]}" '
                f'stroke="#fff" stroke-width="0.5"><title>{label}</title></rect>'
            )
        parts.append(
            f'<text x="{centre}" y="{y - 4}" text-anchor="middle" fill="#000">{totals[m]}</text>'
            f'<text x="{centre}" y="{base + 16}" text-anchor="middle" fill="#000">{escape(month_label(m + 1))}</text>'
        )
    for i, (name, counts) in enumerate(series):
        y = legend_top + i * LEGEND_ROW
        parts.append(
            f'<rect x="10" y="{y}" width="{SWATCH}" height="{SWATCH}" fill="{FILLS[i % len(FILLS)]}"/>'
            f'<text x="{10 + SWATCH + 6}" y="{y + 12}" fill="#000">{escape(name)} {sum(counts)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
