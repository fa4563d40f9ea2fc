"""财政信息: budget, final accounts and quarterly 财政收支 (fictional figures, in 万元, that add up)."""

from decimal import Decimal

from gongkai.demo.content.base import Item

T_FINANCE = "财政、金融、审计\\财政"
SOURCE = "东风路街道财政所"

# 支出功能分类 (类级科目) used in every table below.
FUNCTIONS = (
    "一般公共服务支出",
    "公共安全支出",
    "社会保障和就业支出",
    "卫生健康支出",
    "城乡社区支出",
    "住房保障支出",
)


def money(value) -> str:
    return f"{Decimal(value):,.2f}"


def total(values) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal("0"))


def functions_table(amounts, caption="单位：万元") -> str:
    rows = "".join(
        f'<tr><td>{name}</td><td align="right">{money(a)}</td></tr>'
        for name, a in zip(FUNCTIONS, amounts, strict=True)
    )
    return (
        f"<table><caption>{caption}</caption><thead><tr><th>支出科目</th><th>金额</th></tr></thead>"
        f'<tbody>{rows}<tr><td>合计</td><td align="right">{money(total(amounts))}</td></tr></tbody></table>'
    )


# 部门预算 of the year of publication.
BUDGET = {
    "income": (
        ("一般公共预算拨款收入", "2186.52"),
        ("政府性基金预算拨款收入", "0.00"),
        ("其他收入", "200.00"),
    ),
    "functions": ("1052.30", "126.40", "538.60", "96.80", "486.12", "86.30"),
    "basic": (("人员经费", "1126.20"), ("日常公用经费", "242.25")),
    "projects": "1018.07",
    "three_public": (
        ("因公出国（境）费", "0.00"),
        ("公务用车购置费", "0.00"),
        ("公务用车运行维护费", "4.50"),
        ("公务接待费", "2.30"),
    ),
}

# 部门决算 of the previous year.
FINAL = {
    "income": (("一般公共预算财政拨款收入", "2212.36"), ("其他收入", "200.00")),
    "functions": ("1068.45", "131.20", "546.88", "95.36", "471.52", "85.30"),
    "basic": (("人员经费", "1139.64"), ("日常公用经费", "236.05")),
    "projects": "1023.02",
    "three_public": (
        ("因公出国（境）费", "0.00"),
        ("公务用车购置费", "0.00"),
        ("公务用车运行维护费", "4.21"),
        ("公务接待费", "1.71"),
    ),
}

BUDGET_TOTAL = total(v for _n, v in BUDGET["income"])
FINAL_INCOME = total(v for _n, v in FINAL["income"])
FINAL_SPENT = total(FINAL["functions"])

# (key, when, quarter label with its year placeholder, income, 支出 by FUNCTIONS, a sentence on the quarter)
QUARTERS = (
    (
        "fin-q4",
        (1, 19),
        "{prev_year}年第四季度",
        ("590.10", "50.00"),
        ("270.15", "35.10", "150.20", "27.38", "195.30", "24.20"),
        "四季度城乡社区支出较多，主要是老旧小区改造和口袋公园项目集中结算；社会保障和就业支出主要用于低保、特困供养和年末困难群众慰问。",
    ),
    (
        "fin-q1",
        (4, 17),
        "{year}年第一季度",
        ("562.40", "50.00"),
        ("241.30", "28.60", "132.45", "20.15", "104.06", "22.20"),
        "一季度支出以人员经费和日常运转为主，社会保障和就业支出主要用于春节期间困难群众走访慰问和低保金发放。",
    ),
    (
        "fin-q2",
        (7, 17),
        "{year}年第二季度",
        ("548.20", "50.00"),
        ("252.80", "31.20", "141.35", "24.60", "158.30", "23.20"),
        "二季度城乡社区支出增加，主要用于老旧小区改造前期工作、社区食堂建设和汛期防汛物资采购。",
    ),
    (
        "fin-q3",
        (10, 16),
        "{year}年第三季度",
        ("555.75", "50.00"),
        ("258.40", "33.75", "138.90", "25.48", "173.45", "22.20"),
        "三季度城乡社区支出主要用于老旧小区改造工程进度款和口袋公园建设；公共安全支出主要用于电动自行车集中充电设施建设。",
    ),
)


def _quarter_item(key, when, label, income, spending, comment) -> Item:
    received = total(income)
    spent = total(spending)
    attach = ()
    if key == "fin-q3":
        attach = (("finance_xlsx", {"label": label, "income": income, "spending": spending}),)
    return Item(
        key=key,
        when=when,
        cats=("czsz",),
        title=f"东风路街道{label}财政收支情况",
        summary=f"{label}街道财政收入{money(received)}万元，支出{money(spent)}万元，按支出功能分类列示各科目支出。",
        terms="财政收支 季度 公开",
        source=SOURCE,
        topic=T_FINANCE,
        attach=attach,
        body=(
            f"现将东风路街道{label}财政收支情况公开如下：",
            f"一、收入情况。本季度收入{money(received)}万元，其中区级财政拨款{money(income[0])}万元，其他收入{money(income[1])}万元。",
            f"二、支出情况。本季度支出{money(spent)}万元，按支出功能分类如下：",
            functions_table(spending),
            f"三、说明。{comment}",
            *(("本季度各科目明细见附件《财政收支明细表》。",) if attach else ()),
        ),
    )


FINANCE = [
    Item(
        key="fin-budget",
        when=(2, 24),
        cats=("yszx",),
        title="东风路街道{year}年部门预算公开",
        summary=f"公开街道{{year}}年部门预算：收支总预算{money(BUDGET_TOTAL)}万元，“三公”经费预算{money(total(v for _n, v in BUDGET['three_public']))}万元。",
        terms="部门预算 预算公开 三公经费",
        source=SOURCE,
        topic=T_FINANCE,
        attach=(("budget_pdf", {"data": BUDGET}),),
        related=("fin-final", "fin-midyear"),
        body=(
            "根据《中华人民共和国预算法》和区财政局关于预算公开的统一要求，现将东风路街道{year}年部门预算公开如下。",
            f"一、收支预算总体情况。{{year}}年收支总预算{money(BUDGET_TOTAL)}万元，其中一般公共预算拨款收入{money(BUDGET['income'][0][1])}万元，其他收入{money(BUDGET['income'][2][1])}万元。",
            f"二、支出预算情况。基本支出{money(total(v for _n, v in BUDGET['basic']))}万元，用于保障机构正常运转和完成日常工作任务；项目支出{money(BUDGET['projects'])}万元，主要用于老旧小区改造、社区运转、民生实事和安全生产等。按功能分类如下：",
            functions_table(BUDGET["functions"]),
            f"三、“三公”经费预算情况。{{year}}年“三公”经费预算{money(total(v for _n, v in BUDGET['three_public']))}万元，其中公务用车运行维护费4.50万元，公务接待费2.30万元，因公出国（境）费和公务用车购置费均为0。",
            "部门预算公开表（含收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、“三公”经费支出表等）见附件。",
        ),
    ),
    Item(
        key="fin-midyear",
        when=(7, 24),
        cats=("yszx",),
        title="东风路街道{year}年上半年预算执行情况",
        summary="通报上半年预算执行情况：完成支出预算的49.6%，重点项目资金按进度拨付，“三公”经费同比下降。",
        terms="预算执行 上半年 财政",
        source=SOURCE,
        topic=T_FINANCE,
        related=("fin-budget",),
        body=(
            f"{{year}}年东风路街道部门预算总额{money(BUDGET_TOTAL)}万元。截至6月底，累计支出1,183.71万元，占年度预算的49.6%，预算执行进度总体正常。",
            "一、基本支出执行情况。人员经费和日常公用经费按月拨付，执行进度52.3%，略高于时序进度，主要是上半年集中缴纳了部分社会保险费。",
            "二、项目支出执行情况。项目支出执行进度46.1%。其中社区食堂建设、独居老人烟感报警器安装等民生实事项目已完成支付；老旧小区改造项目按工程进度拨付，执行进度38.5%。",
            "三、“三公”经费执行情况。上半年“三公”经费支出2.86万元，同比下降12.3%，其中公务用车运行维护费2.10万元，公务接待费0.76万元。",
            "下半年，街道将加快老旧小区改造等项目的资金拨付进度，严控一般性支出，确保全年预算执行到位。",
        ),
    ),
    Item(
        key="fin-final",
        when=(8, 26),
        cats=("yszx",),
        title="东风路街道{prev_year}年部门决算公开",
        summary=f"公开街道{{prev_year}}年部门决算：本年收入{money(FINAL_INCOME)}万元，本年支出{money(FINAL_SPENT)}万元，年末结转结余{money(FINAL_INCOME - FINAL_SPENT)}万元。",
        terms="部门决算 决算公开",
        source=SOURCE,
        topic=T_FINANCE,
        attach=(("final_accounts_pdf", {"data": FINAL}),),
        related=("fin-budget", "fin-three-public"),
        body=(
            "根据区财政局关于部门决算公开的要求，现将东风路街道{prev_year}年部门决算公开如下。",
            f"一、收入支出决算总体情况。{{prev_year}}年本年收入合计{money(FINAL_INCOME)}万元，本年支出合计{money(FINAL_SPENT)}万元，年末结转和结余{money(FINAL_INCOME - FINAL_SPENT)}万元。",
            f"二、支出决算情况。基本支出{money(total(v for _n, v in FINAL['basic']))}万元，项目支出{money(FINAL['projects'])}万元。按功能分类如下：",
            functions_table(FINAL["functions"]),
            "三、与预算的对比。支出决算较年初预算有所增加，主要是年中追加了防汛救灾和老旧小区改造配套资金。",
            "部门决算公开表及说明见附件。",
        ),
    ),
    Item(
        key="fin-three-public",
        when=(8, 27),
        cats=("yszx",),
        title="东风路街道{prev_year}年“三公”经费决算情况说明",
        summary=f"{{prev_year}}年“三公”经费决算支出{money(total(v for _n, v in FINAL['three_public']))}万元，比预算减少，未发生因公出国（境）和公务用车购置支出。",
        terms="三公经费 决算 公务接待",
        source=SOURCE,
        topic=T_FINANCE,
        related=("fin-final",),
        body=(
            f"{{prev_year}}年东风路街道“三公”经费决算支出{money(total(v for _n, v in FINAL['three_public']))}万元，完成预算的87.1%。具体情况如下：",
            "一、因公出国（境）费0万元。本年度未安排因公出国（境）团组。",
            "二、公务用车购置及运行维护费4.21万元。其中公务用车购置费0万元；公务用车运行维护费4.21万元，主要用于防汛值守、安全生产检查和应急处置等工作所需公务用车的燃料费、维修费、保险费等。年末公务用车保有量2辆。",
            "三、公务接待费1.71万元。主要用于接待上级部门检查指导和兄弟单位考察交流，共接待28批次、196人次，全部在机关食堂安排工作餐。",
            "“三公”经费支出比预算减少，主要是严格执行公务接待和公务用车管理规定，压减了非必要支出。",
        ),
    ),
    *(_quarter_item(*quarter) for quarter in QUARTERS),
    Item(
        key="fin-huimin",
        ago=140,
        cats=("czsz",),
        title="东风路街道社区惠民资金使用情况公示",
        summary="公示4个社区惠民资金的使用项目和金额，资金主要用于小区环境提质、便民设施和居民文体活动。",
        terms="惠民资金 社区 公示",
        source=SOURCE,
        topic=T_FINANCE,
        body=(
            "根据社区惠民资金管理有关规定，经社区居民议事会议定、街道审核，现将各社区惠民资金使用情况公示如下：",
            "<table><caption>单位：万元</caption><thead><tr><th>社区</th><th>主要项目</th><th>金额</th></tr></thead><tbody><tr><td>蚌塘社区</td><td>小区路面修补、增设休闲座椅</td><td>18.60</td></tr><tr><td>王家垅社区</td><td>楼道照明改造、四点半课堂设备</td><td>20.00</td></tr><tr><td>精英路社区</td><td>居家养老服务中心适老化改造</td><td>19.40</td></tr><tr><td>东风路社区</td><td>电动自行车集中充电设施</td><td>20.00</td></tr><tr><td>合计</td><td></td><td>78.00</td></tr></tbody></table>",
            "公示期为7天。对公示内容有异议的，可向街道财政所或所在社区反映，电话0731-84000123。",
        ),
    ),
    Item(
        key="fin-procurement",
        ago=170,
        cats=("czsz",),
        title="蚌塘社区食堂厨房设备采购项目成交结果公告",
        summary="蚌塘社区食堂厨房设备采购项目通过竞争性磋商确定成交供应商，成交金额36.85万元。",
        terms="政府采购 成交结果 社区食堂",
        source=SOURCE,
        topic=T_FINANCE,
        body=(
            "一、项目名称：蚌塘社区食堂厨房设备采购项目。",
            "二、采购方式：竞争性磋商。采购预算：38.00万元。",
            "三、成交信息：成交供应商为长沙某厨具设备有限公司，成交金额36.85万元。",
            "四、主要标的：商用燃气灶具、蒸饭柜、消毒柜、冷藏设备、排烟净化设备及安装，质保期2年。",
            "五、公告期限：自本公告发布之日起1个工作日。各有关当事人对成交结果有异议的，可以在公告期限届满之日起7个工作日内以书面形式提出质疑。",
            "六、联系方式：东风路街道财政所，0731-84000123。",
        ),
    ),
]
