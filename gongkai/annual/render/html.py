"""The annual report as HTML: `render_fragment` for the portal's 年报 column, `render_page` for a full page.

Six sections with the format's headings; section 二 holds table 2 and the records chart, 三 table 3 (national
header with merged cells) and the outcomes chart, 四 table 4; the consultations chart sits in 一. Paragraphs
come from `narrative` ({section key: [paragraph, …]}) or the draft (`draft.draft_narrative`).
"""

from __future__ import annotations

from html import escape

from gongkai.annual.render import charts
from gongkai.annual.render.draft import draft_narrative, section_heading
from gongkai.annual.render.layout import Grid, grids, report_title
from gongkai.core.pdf import html_page

CSS = """
.annual-report { font-family: "Noto Serif CJK SC", "FangSong", serif; line-height: 1.8; color: #000;
  max-width: 60em; margin: 0 auto; }
.annual-report h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; text-align: center;
  font-size: 1.7em; font-weight: bold; }
.annual-report h2 { font-family: "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.2em; margin-top: 1.4em; }
.annual-report p { text-indent: 2em; margin: 0.4em 0; }
.annual-report table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.85em;
  line-height: 1.4; }
.annual-report caption { font-family: "黑体", "Noto Sans CJK SC", sans-serif; font-weight: bold;
  padding-bottom: 0.3em; }
.annual-report th, .annual-report td { border: 1px solid #000; padding: 0.25em 0.35em; vertical-align: middle; }
.annual-report th { font-weight: normal; text-align: left; }
.annual-report thead th, .annual-report th[scope="colgroup"] { text-align: center; }
.annual-report td.num { text-align: center; }
.annual-report table.table3 { table-layout: fixed; }
.annual-report td.note { font-size: 0.9em; }
.annual-report figure { margin: 0.8em 0; }
.annual-report svg.chart { max-width: 100%; height: auto; }
"""


def table_html(grid: Grid, caption: str) -> str:
    rows = grid.by_row()
    out = [f'<table class="report-table {grid.key}"><caption>{escape(caption)}</caption>']
    if grid.widths:
        out.append("<colgroup>" + "".join(f'<col style="width: {w}%">' for w in grid.widths) + "</colgroup>")
    if grid.header_rows:
        out.append("<thead>")
    for r, cells in enumerate(rows):
        if grid.header_rows and r == grid.header_rows:
            out.append("</thead><tbody>")
        elif not grid.header_rows and r == 0:
            out.append("<tbody>")
        out.append("<tr>")
        for cell in cells:
            spans = ""
            if cell.rowspan > 1:
                spans += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                spans += f' colspan="{cell.colspan}"'
            text = escape(cell.text)
            if cell.header and cell.scope:
                out.append(f'<th scope="{cell.scope}"{spans}>{text}</th>')
            elif cell.header:
                out.append(f'<td class="note"{spans}>{text}</td>')
            else:
                out.append(f'<td class="num"{spans}>{text}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _figure(svg: str) -> str:
    return f'<figure class="chart">{svg}</figure>'


def render_fragment(report, narrative: dict[str, list[str]] | None = None) -> str:
    """The report body (title, six sections, tables, charts) as safe HTML."""
    narrative = draft_narrative(report) if narrative is None else narrative
    fmt = report.format
    if fmt.name == "legacy":
        return _legacy_fragment(report, narrative)
    tables = grids(report)
    extras = {
        "overview": [_figure(charts.consultations_chart(report))],
        "proactive": [
            table_html(tables["table2"], str(fmt.table("table2").title)),
            _figure(charts.records_chart(report)),
        ],
        "requests": [
            table_html(tables["table3"], str(fmt.table("table3").title)),
            _figure(charts.outcomes_chart(report)),
        ],
        "appeals": [table_html(tables["table4"], str(fmt.table("table4").title))],
    }
    out = [f'<article class="annual-report"><h1>{escape(report_title(report))}</h1>']
    for section in fmt.sections:
        out.append(f'<section id="section-{section.key}"><h2>{section.number}、{escape(section.title)}</h2>')
        out.extend(f"<p>{escape(p)}</p>" for p in narrative.get(section.key, []))
        out.extend(extras.get(section.key, []))
        out.append("</section>")
    out.append("</article>")
    return "".join(out)


def _legacy_fragment(report, narrative: dict[str, list[str]]) -> str:
    """The pre-2019 report: its sections and paragraphs with the charts, no national tables (the legacy format
    has none); optional sections without paragraphs are left out."""
    extras = {
        "overview": [_figure(charts.consultations_chart(report))],
        "proactive": [_figure(charts.records_chart(report))],
        "requests": [_figure(charts.outcomes_chart(report))],
    }
    out = [f'<article class="annual-report"><h1>{escape(report_title(report))}</h1>']
    for section in report.format.sections:
        paragraphs = narrative.get(section.key, [])
        if not paragraphs and not section.required:
            continue
        out.append(f'<section id="section-{section.key}"><h2>{escape(section_heading(section))}</h2>')
        out.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
        out.extend(extras.get(section.key, []))
        out.append("</section>")
    out.append("</article>")
    return "".join(out)


def render_page(report, narrative: dict[str, list[str]] | None = None, css: str = "") -> str:
    """A complete zh-CN HTML document of the report (`css` is added after the report's own styles)."""
    return html_page(report_title(report), CSS + css, render_fragment(report, narrative))
