"""The demo's 咨询 (counter, phone, online), 举报/投诉 mailbox items, 行政复议/行政诉讼 cases and organ-year facts of
东风路街道. Names and phone numbers are invented (phone numbers start with 100, a prefix no operator uses).
"""

from decimal import Decimal

IN_PERSON, PHONE = "in_person", "phone"

# Counter and phone consultations, logged with their answer. The last full year has all of them, spread over
# the year; this year the first THIS_YEAR_DESK of them, spread over the months before loading.
DESK = [
    (
        IN_PERSON,
        "申请方式",
        "想了解向街道申请政府信息公开需要带哪些材料？",
        "请携带本人身份证件，填写《政府信息公开申请表》，写明所需信息的名称或特征性描述及获取方式；也可通过网上申请平台提交。",
    ),
    (
        PHONE,
        "办理期限",
        "提交申请后多久能收到答复？",
        "能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的经负责人同意可延长不超过20个工作日。",
    ),
    (
        IN_PERSON,
        "低保政策",
        "家里老人想申请低保，街道哪里能看到办理条件？",
        "低保申请条件和办事指南已在街道政府信息公开专栏“通知公告”中公开，也可到便民服务中心社会救助窗口咨询办理。",
    ),
    (
        PHONE,
        "老旧小区改造",
        "我们小区今年有没有列入老旧小区改造计划？",
        "今年改造计划已在街道政府信息公开专栏“规划计划”中公开，可按小区名称检索；如需具体施工安排，可向所在社区咨询。",
    ),
    (
        IN_PERSON,
        "预算公开",
        "街道的部门预算在哪里可以查到？",
        "街道部门预算、决算已在政府信息公开专栏“财政信息”中主动公开，可直接查阅下载。",
    ),
    (
        PHONE,
        "收费",
        "申请政府信息公开要收费吗？",
        "一般不收费。申请数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费，收费前会书面通知。",
    ),
    (
        IN_PERSON,
        "居住证明",
        "办理居住证明是不是也要申请政府信息公开？",
        "居住证明属于社区服务事项，不需要申请政府信息公开，请持身份证件到所在社区服务窗口办理。",
    ),
    (
        PHONE,
        "加装电梯",
        "既有住宅加装电梯的补贴政策是哪个文件？",
        "补贴政策文件已在街道政府信息公开专栏“法规公文”中公开，申请流程可到便民服务中心住建窗口咨询。",
    ),
    (
        IN_PERSON,
        "网上申请",
        "网上提交申请后怎么查询办理进度？",
        "提交后系统会给出查询码，凭查询码和联系电话后四位可在网上查询办理进度和答复。",
    ),
    (
        PHONE,
        "防汛",
        "汛期街道在哪里发布防汛预警信息？",
        "防汛预警和应急预案在街道政府信息公开专栏“应急管理”中发布，同时通过街道政务新媒体推送。",
    ),
    (
        IN_PERSON,
        "补正",
        "收到补正通知，补正材料应该交到哪里？",
        "可将补正后的申请送至街道党政综合办公室，也可通过网上平台补充提交，答复期限自收到补正之日起重新计算。",
    ),
    (
        PHONE,
        "人事信息",
        "街道领导分工在哪里可以看到？",
        "领导信息及分工已在街道政府信息公开专栏“领导信息”中公开。",
    ),
    (
        IN_PERSON,
        "公开指南",
        "街道有没有政府信息公开指南？",
        "有。《东风路街道政府信息公开指南》已在专栏首页公开，说明了公开范围、申请方式和办理流程。",
    ),
    (
        PHONE,
        "垃圾分类",
        "小区垃圾分类收集点的设置方案能不能查到？",
        "生活垃圾分类相关工作方案已在“通知公告”栏目公开；具体点位调整请联系所在社区。",
    ),
    (
        IN_PERSON,
        "复议诉讼",
        "对答复不满意可以怎么办？",
        "可以自收到答复之日起六十日内申请行政复议；对不予公开的答复，应当先申请行政复议。答复书中写明了救济途径。",
    ),
    (
        PHONE,
        "停车",
        "街道公共停车泊位收费标准在哪里公布？",
        "停车泊位设置方案及收费标准已在“规划计划”栏目公开。",
    ),
    (
        IN_PERSON,
        "社区公开",
        "社区的财务收支在哪里公示？",
        "各社区每季度在社区公开栏和街道政府信息公开专栏“财政信息”中公示居务财务收支情况。",
    ),
    (
        PHONE,
        "申请表",
        "申请表可以用自己写的吗？",
        "可以。申请内容包括姓名、身份证明、联系方式、所需信息的描述和获取方式即可，不限定格式。",
    ),
]
THIS_YEAR_DESK = 13

# Online consultations from the portal: (topic, question, answer, the author agreed to publish it).
ONLINE = [
    (
        "政府信息公开申请",
        "请问单位能否以法人名义向街道申请政府信息公开？需要什么证明？",
        "可以。法人或者其他组织申请的，请提供统一社会信用代码证明（如营业执照复印件）及经办人身份证件，并写明联系人和联系方式。",
        True,
    ),
    (
        "老旧小区改造",
        "请问某某小区老旧小区改造什么时候开工？施工期间停车怎么安排？",
        "该小区改造项目计划于本年度下半年开工，开工前社区将召开居民会议通报施工方案和临时停车安排，请留意社区公告。",
        True,
    ),
    (
        "低保办理",
        "外地户籍在本辖区居住能申请低保吗？",
        "低保申请原则上在户籍所在地办理。持有本市居住证并符合条件的，可向居住地街道咨询临时救助等政策。",
        True,
    ),
    (
        "公开目录",
        "街道的政府信息公开目录按什么分类？",
        "目录按机构介绍、领导信息、法规公文、工作动态、通知公告、规划计划、人事信息、财政信息、应急管理、其它十个类别编排。",
        True,
    ),
    (
        "信息处理费",
        "申请很多份材料会不会收费？标准是多少？",
        "同一申请人一个自然月内申请10件以内不收费；按量计收的，30页以内不收费。超出部分按国办函〔2020〕109号规定的标准收取，收费前会出具收费通知。",
        True,
    ),
    (
        "个人信息",
        "我在网上提交申请时填写的身份证号码会被公开吗？",
        "不会。申请人的个人信息仅用于办理申请，加密保存，不会在任何公开信息中出现。",
        False,
    ),
    (
        "办事指南",
        "在哪里可以看到便民服务中心各窗口的办事指南？",
        "便民服务中心各事项的办事指南已在“其它”栏目集中公开，包括办理条件、材料、流程和时限。",
        True,
    ),
    (
        "年度报告",
        "街道每年的政府信息公开工作年度报告什么时候发布？",
        "年度报告于每年1月31日前在街道政府信息公开专栏“政府信息公开年报”栏目发布。",
        True,
    ),
    (
        "邮寄申请",
        "可以邮寄申请吗？以哪天为收到申请的日期？",
        "可以。以邮政寄送方式提交的，以街道签收之日为收到申请之日；平信寄送的，以双方确认之日为收到申请之日。",
        True,
    ),
    (
        "答复方式",
        "能否通过电子邮件接收答复？",
        "可以。请在申请表“获取信息的方式”中选择电子邮件并填写邮箱地址。",
        False,
    ),
    (
        "征收补偿",
        "房屋征收补偿方案在哪里公布？",
        "征收补偿方案由区征收部门发布，街道在“通知公告”栏目同步转载，可按项目名称检索。",
        True,
    ),
]
LAST_YEAR_ONLINE = 6  # the first six; this year the rest, and one more still awaiting an answer
OPEN_ONLINE = ("社区活动", "下个月社区有没有面向老年人的智能手机培训？在哪里报名？")
ONLINE_NAMES = [
    "彭某",
    "袁某某",
    "蒋某",
    "沈某某",
    "韩某",
    "曹某某",
    "许某",
    "傅某某",
    "邓某",
    "冯某某",
    "程某",
    "蔡某",
]

# 举报/投诉 mailbox: (kind, topic, text, answer or "" while open, year: "last"/"this", (month, day) or days ago)
MAILBOX = [
    (
        "report",
        "占道经营",
        "某某路与某某巷交叉口夜间长期有流动摊贩占道经营，影响通行。",
        "已转街道综合行政执法队处理，经现场核查，已对占道经营行为进行劝导和规范，并纳入日常巡查。",
        "last",
        (6, 16),
    ),
    (
        "complaint",
        "信息更新",
        "街道专栏里的办事指南电话号码已经打不通了，希望尽快更新。",
        "感谢您的监督。经核实，相关办事指南中的联系电话已于收到投诉当日更正。",
        "last",
        (9, 8),
    ),
    (
        "report",
        "违规搭建",
        "某某小区楼顶有人违规搭建彩钢棚。",
        "已转所在社区和街道综合行政执法队核查处理，违规搭建已责令限期拆除。",
        "this",
        120,
    ),
    ("complaint", "答复时限", "我上个月在网上提交的咨询一直没有回复。", "", "this", 4),
]

# 行政复议 / 行政诉讼 about the demo's applications: (case key, kind, days after the reply it was received,
# result, days from receipt to decision or None while pending, case number, note). A decision that would
# fall on or after the loading day is left pending.
APPEALS = [
    (
        "y05",
        "review",
        25,
        "upheld",
        45,
        "开政复〔{year}〕{n}号",
        "申请人对不予公开（第三方合法权益）的答复不服申请复议，复议机关决定维持。",
        17,
    ),
    (
        "y06",
        "review",
        30,
        "other",
        20,
        "开政复〔{year}〕{n}号",
        "申请人撤回行政复议申请，复议机关决定终止审理。",
        23,
    ),
    (
        "y09",
        "review",
        20,
        "corrected",
        40,
        "开政复〔{year}〕{n}号",
        "复议机关认为检索不充分，责令重新答复；街道已重新检索并作出答复。",
        31,
    ),
    (
        "y08",
        "lawsuit_direct",
        60,
        "upheld",
        110,
        "（{year}）湘0105行初{n}号",
        "法院判决驳回原告诉讼请求。",
        86,
    ),
    ("y16", "review", 15, "upheld", 40, "开政复〔{year}〕{n}号", "复议机关决定维持。", 52),
    (
        "y16",
        "lawsuit_after_review",
        70,
        "upheld",
        120,
        "（{year}）湘0105行初{n}号",
        "申请人不服复议决定提起诉讼，一审判决驳回诉讼请求。",
        7,
    ),
    ("c06", "review", 20, "corrected", 35, "开政复〔{year}〕{n}号", "复议机关责令重新作出答复。", 9),
    ("c14", "review", 12, "pending", None, "开政复〔{year}〕{n}号", "复议机关已受理，尚在审理中。", 64),
]

# Organ-year facts (gongkai.annual.facts.FACTS keys): the last full year complete, this year so far. The
# (key, first value) pairs in LAST_YEAR_FIRST_ENTRIES were entered first and corrected later (history).
LAST_YEAR_FACTS = {
    "staff_full_time": 1,
    "staff_part_time": 6,
    "disclosure_spending": Decimal("52600.00"),
    "training_sessions": 3,
    "rules_issued": 0,
    "rules_repealed": 0,
    "rules_in_force": 0,
    "normative_issued": 0,
    "normative_repealed": 0,
    "normative_in_force": 2,
    "licensing_decisions": 0,
    "penalty_decisions": 37,
    "coercion_decisions": 4,
    "fees_amount": Decimal("0.00"),
}
LAST_YEAR_FIRST_ENTRIES = {"disclosure_spending": Decimal("50000.00"), "penalty_decisions": 35}
THIS_YEAR_FACTS = {
    "staff_full_time": 1,
    "staff_part_time": 6,
    "disclosure_spending": Decimal("38400.00"),
    "training_sessions": 2,
    "rules_issued": 0,
    "rules_repealed": 0,
    "rules_in_force": 0,
    "normative_issued": 1,
    "normative_repealed": 0,
    "normative_in_force": 3,
    "licensing_decisions": 0,
    "penalty_decisions": 29,
    "coercion_decisions": 2,
    "fees_amount": Decimal("0.00"),
}
# Who entered which facts: the organ admin the staff and money, the application handler the counts.
ADMIN_FACTS = {"staff_full_time", "staff_part_time", "disclosure_spending", "training_sessions"}
