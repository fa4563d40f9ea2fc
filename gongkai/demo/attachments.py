"""Real attachment files generated when the demo is loaded: PDFs (WeasyPrint), DOCX forms (python-docx)
and a spreadsheet (openpyxl). Each generator returns (filename, bytes)."""

import html
import io
from decimal import Decimal

from gongkai.core.pdf import html_page, render_pdf
from gongkai.demo.content.finance import FUNCTIONS, money, total

PDF_CSS = """
@page { size: A4; margin: 2.2cm 2cm; @bottom-center { content: "— " counter(page) " —"; font-size: 9pt; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.7; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 0.3em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; font-family: "Noto Sans CJK SC", sans-serif; }
p { text-indent: 2em; margin: 0.3em 0; }
p.meta { text-align: center; text-indent: 0; color: #333; font-size: 10.5pt; }
table { width: 100%; border-collapse: collapse; margin: 0.5em 0 1em; font-size: 10.5pt; }
caption { text-align: right; font-size: 9pt; }
th, td { border: 0.6pt solid #000; padding: 3pt 6pt; }
th { background: #eee; }
td.num { text-align: right; }
tr.total td { font-weight: bold; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _render_pdf(title: str, parts: list[str]) -> bytes:
    return render_pdf(html_page(title, PDF_CSS, "".join(parts)))


def _money_table(caption: str, header: tuple[str, str], rows, total_label="合计") -> str:
    body = "".join(f'<tr><td>{_esc(name)}</td><td class="num">{money(v)}</td></tr>' for name, v in rows)
    sum_row = f'<tr class="total"><td>{total_label}</td><td class="num">{money(total(v for _n, v in rows))}</td></tr>'
    return (
        f"<table><caption>{caption}</caption><thead><tr><th>{header[0]}</th><th>{header[1]}</th></tr></thead>"
        f"<tbody>{body}{sum_row}</tbody></table>"
    )


def _accounts_parts(data: dict, kind: str) -> list[str]:
    functions = list(zip(FUNCTIONS, data["functions"], strict=True))
    economic = [*data["basic"], ("项目支出", data["projects"])]
    return [
        f"<h2>表一　{kind}收入表</h2>",
        _money_table("单位：万元", ("收入项目", "金额"), data["income"], "收入合计"),
        f"<h2>表二　{kind}支出表（按功能分类）</h2>",
        _money_table("单位：万元", ("支出科目", "金额"), functions, "支出合计"),
        f"<h2>表三　{kind}支出表（按支出性质）</h2>",
        _money_table("单位：万元", ("项目", "金额"), economic, "支出合计"),
        f"<h2>表四　“三公”经费{kind}表</h2>",
        _money_table("单位：万元", ("项目", "金额"), data["three_public"]),
    ]


def budget_pdf(ctx: dict, data: dict) -> tuple[str, bytes]:
    year = ctx["year"]
    title = f"东风路街道{year}年部门预算公开表"
    parts = [
        f"<h1>{title}</h1>",
        '<p class="meta">长沙市开福区人民政府东风路街道办事处</p>',
        "<h2>说明</h2>",
        f"<p>东风路街道{year}年部门预算由街道办事处本级预算组成，已经区人民代表大会批准、区财政局批复。"
        f"收支总预算{money(total(v for _n, v in data['income']))}万元，收支平衡。</p>",
        "<p>基本支出用于保障机构正常运转和完成日常工作任务，包括人员经费和日常公用经费；项目支出用于老旧小区改造、"
        "社区运转保障、民生实事、安全生产和应急管理等专项工作。</p>",
        *_accounts_parts(data, "预算"),
        "<h2>名词解释</h2>",
        "<p>“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。</p>",
    ]
    return f"{title}.pdf", _render_pdf(title, parts)


def final_accounts_pdf(ctx: dict, data: dict) -> tuple[str, bytes]:
    year = ctx["prev_year"]
    title = f"东风路街道{year}年部门决算公开表"
    income = total(v for _n, v in data["income"])
    spent = total(data["functions"])
    parts = [
        f"<h1>{title}</h1>",
        '<p class="meta">长沙市开福区人民政府东风路街道办事处</p>',
        "<h2>说明</h2>",
        f"<p>{year}年度本年收入合计{money(income)}万元，本年支出合计{money(spent)}万元，"
        f"年末结转和结余{money(income - spent)}万元。支出决算较年初预算增加的主要原因是年中追加了防汛救灾和老旧小区改造配套资金。</p>",
        *_accounts_parts(data, "决算"),
    ]
    return f"{title}.pdf", _render_pdf(title, parts)


def plan_pdf(ctx: dict, title: str, sections) -> tuple[str, bytes]:
    title = title.format_map(ctx)
    numerals = "一二三四五六七八九十"
    parts = [f"<h1>{_esc(title)}</h1>", '<p class="meta">东风路街道办事处</p>']
    for i, (heading, paragraphs) in enumerate(sections):
        parts.append(f"<h2>{numerals[i]}、{_esc(heading)}</h2>")
        parts.extend(f"<p>{_esc(p.format_map(ctx))}</p>" for p in paragraphs)
    return f"{title}.pdf", _render_pdf(title, parts)


# --- DOCX forms ------------------------------------------------------------------------------------


def _docx_form(title: str, rows, notes, signature: str) -> bytes:
    """A one-page application form: title, a two-column-pair table, notes and a signature line."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.core_properties.title = title
    document.core_properties.author = "东风路街道"

    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(18)
    run.font.name = "黑体"
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")

    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 2:  # label + a wide field spanning three columns
            cells[0].text = row[0]
            merged = cells[1].merge(cells[3])
            merged.text = row[1]
        else:
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        for cell in table.rows[-1].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_before = Pt(4)
                paragraph.paragraph_format.space_after = Pt(4)

    document.add_paragraph()
    for note in notes:
        document.add_paragraph(note)
    sign = document.add_paragraph(signature)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def community_worker_form(ctx: dict) -> tuple[str, bytes]:
    title = f"东风路街道{ctx['year']}年公开招聘社区专职工作者报名表"
    rows = [
        ("姓名", "", "性别", ""),
        ("出生年月", "", "政治面貌", ""),
        ("民族", "", "籍贯", ""),
        ("学历学位", "", "毕业院校及专业", ""),
        ("身份证号码", "", "联系电话", ""),
        ("现居住地址", ""),
        ("职业资格证书", ""),
        ("学习和工作经历（从高中起填写）", "\n\n\n"),
        ("家庭主要成员及工作单位", "\n\n"),
        (
            "本人承诺",
            "本人所填写的信息及提供的材料真实有效，如有虚假，自愿取消聘用资格。\n\n承诺人签名：　　　　　年　月　日",
        ),
        ("资格审查意见", "\n\n审查人：　　　　　年　月　日"),
    ]
    notes = [
        "注：1. 本表一式两份，请用黑色签字笔填写或打印；2. 报名时须同时提交身份证、学历证书原件及复印件，近期免冠照片2张。"
    ]
    return f"{title}.docx", _docx_form(title, rows, notes, "东风路街道党建工作办公室制")


def volunteer_form(ctx: dict) -> tuple[str, bytes]:
    title = "东风路街道新时代文明实践所志愿者报名登记表"
    rows = [
        ("姓名", "", "性别", ""),
        ("出生年月", "", "政治面貌", ""),
        ("工作单位或学校", "", "联系电话", ""),
        ("所在社区", "□蚌塘社区　□王家垅社区　□精英路社区　□东风路社区　□其他"),
        ("服务意向", "□助老助残　□环境保护　□文化宣传　□应急救援　□法律咨询　□课业辅导"),
        ("可服务时间", "□工作日白天　□工作日晚上　□周末　□节假日"),
        ("特长或技能", "\n"),
        ("监护人意见（未满18周岁填写）", "\n监护人签名：　　　　　年　月　日"),
    ]
    notes = ["注：填写后请交所在社区居委会或街道新时代文明实践所，也可在“志愿湖南”平台在线报名。"]
    return f"{title}.docx", _docx_form(title, rows, notes, "东风路街道新时代文明实践所")


def elderly_subsidy_form(ctx: dict) -> tuple[str, bytes]:
    title = "东风路街道居家养老服务补贴申请表"
    rows = [
        ("申请人姓名", "", "性别", ""),
        ("出生年月", "", "身份证号码", ""),
        ("户籍地址", ""),
        ("实际居住地址", ""),
        ("家庭类别", "□低保家庭　□低保边缘家庭　□特困供养　□80周岁以上独居、空巢老人"),
        ("能力评估等级", "□重度失能　□中度失能　□轻度失能　□未评估"),
        ("委托代理人", "", "联系电话", ""),
        ("申请服务项目", "□助餐　□助洁　□助浴　□助医　□其他：＿＿＿＿"),
        ("社区初审意见", "\n经办人：　　　　　（社区盖章）　　年　月　日"),
        ("街道审核意见", "\n审核人：　　　　　（街道盖章）　　年　月　日"),
    ]
    notes = ["注：申请时须提供申请人身份证、户口簿复印件，低保、特困等证明材料，以及能力评估报告（如有）。"]
    return f"{title}.docx", _docx_form(title, rows, notes, "东风路街道公共服务办公室制")


def welfare_post_form(ctx: dict) -> tuple[str, bytes]:
    title = "东风路街道公益性岗位报名表"
    rows = [
        ("姓名", "", "性别", ""),
        ("出生年月", "", "联系电话", ""),
        ("身份证号码", "", "就业创业证号", ""),
        ("家庭住址", ""),
        ("就业困难人员类别", "□大龄失业人员　□零就业家庭成员　□低保家庭成员　□残疾人　□其他"),
        ("报名岗位", "□社区保洁员　□小区安保巡查员　□便民服务协管员"),
        ("本人承诺", "以上信息真实准确，服从岗位安排。\n\n签名：　　　　　年　月　日"),
        ("街道审核意见", "\n\n（盖章）　　年　月　日"),
    ]
    notes = ["注：报名时请携带身份证、就业创业证原件及复印件。"]
    return f"{title}.docx", _docx_form(title, rows, notes, "东风路街道公共服务办公室制")


# --- XLSX ----------------------------------------------------------------------------------------


def finance_xlsx(ctx: dict, label: str, income, spending) -> tuple[str, bytes]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    label = label.format_map(ctx)
    title = f"东风路街道{label}财政收支明细表"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "财政收支明细"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells("A1:D1")
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet["D2"] = "单位：万元"
    sheet["D2"].alignment = Alignment(horizontal="right")
    received, spent = total(income), total(spending)
    rows = [("类别", "项目", "金额", "占比")]
    rows += [
        ("收入", name, Decimal(v), None) for name, v in zip(("区级财政拨款", "其他收入"), income, strict=True)
    ]
    rows.append(("收入", "收入合计", received, None))
    rows += [
        ("支出", name, Decimal(v), Decimal(v) / spent) for name, v in zip(FUNCTIONS, spending, strict=True)
    ]
    rows.append(("支出", "支出合计", spent, Decimal(1)))
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=float(value) if isinstance(value, Decimal) else value)
            cell.border = border
            if r == 3:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center")
            elif c == 3:
                cell.number_format = "#,##0.00"
            elif c == 4:
                cell.number_format = "0.0%"
        if row[1].endswith("合计"):
            for c in range(1, 5):
                sheet.cell(row=r, column=c).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = 14
    sheet.column_dimensions["D"].width = 10
    sheet.cell(row=len(rows) + 4, column=1, value="编制单位：东风路街道财政所")
    out = io.BytesIO()
    workbook.save(out)
    return f"{title}.xlsx", out.getvalue()


GENERATORS = {
    "budget_pdf": budget_pdf,
    "final_accounts_pdf": final_accounts_pdf,
    "plan_pdf": plan_pdf,
    "community_worker_form": community_worker_form,
    "volunteer_form": volunteer_form,
    "elderly_subsidy_form": elderly_subsidy_form,
    "welfare_post_form": welfare_post_form,
    "finance_xlsx": finance_xlsx,
}


def generate(name: str, ctx: dict, params: dict) -> tuple[str, bytes]:
    return GENERATORS[name](ctx, **params)
