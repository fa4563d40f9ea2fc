"""The demo's 依申请公开 cases at 东风路街道: fictional applicants and the steps each application went through.

The applicants are in `gongkai.demo.content.applicants` (all invented).

Where a case sits on the calendar: `when=(month, day)` of the last full year (the year whose annual report
is due), or `ago=N` days before loading (this year's cases, the ones still in the queue). Each step is
(kind, working days after the previous step, parameters); a step that would fall on or after the loading
day is not taken, so the case stays open at that point. Step kinds:

- `correct` (补正告知, `items`), `corrected` (补正后的申请收到), `lapse` (逾期不补正, N working days after the
  correction deadline);
- `consult` (征求意见, `party`, `pause` third_party/other_agency), `consulted` (收到意见);
- `extend` (延期答复, `reason`, 20 working days, approved by the organ admin);
- `fee` (收费通知, 按量 `pages`), `paid` (缴费), `unpaid` (逾期未缴费, N working days after the payment deadline);
- `reply` (答复, `outcome`, `note`), `withdraw` (申请人撤回, `note`).
"""

from dataclasses import dataclass

from gongkai.demo.content.applicants import APPLICANTS

# Channels as the demo names them: 当面 (counter), 网上 (online), 邮寄 (signed-for mail).
COUNTER, ONLINE, MAIL = "counter", "online", "mail"


@dataclass(frozen=True)
class Case:
    key: str
    who: str
    channel: str
    description: str
    info_title: str
    steps: tuple[tuple[str, int, dict], ...] = ()
    when: tuple[int, int] | None = None
    ago: int | None = None
    delivery_form: str = ""  # DeliveryForm value; default: e-mail when the applicant gave one, else by post
    info_document_number: str = ""
    confirm: bool = True  # online: receipt confirmed the next working day
    letter: bool = False  # generate the 告知书 (DOCX + PDF) and record its delivery

    def __post_init__(self):
        if (self.when is None) == (self.ago is None):
            raise ValueError(f"{self.key}: give exactly one of when= and ago=")


GRANTED_NOTE = "经查，所申请信息属于本机关公开范围，现予以提供。"


def reply(wd: int, outcome: str, note: str = "") -> tuple[str, int, dict]:
    return ("reply", wd, {"outcome": outcome, "note": note})


# --- the last full year (its annual report is the one due) ----------------------------------------

LAST_YEAR = [
    Case(
        "y01",
        "zhang",
        COUNTER,
        "请公开蚌塘社区某某小区老旧小区改造项目的实施方案、施工单位及资金预算。",
        "某某小区老旧小区改造实施方案及资金预算",
        (reply(8, "granted", GRANTED_NOTE),),
        when=(1, 13),
        delivery_form="paper_onsite",
        letter=True,
    ),
    Case(
        "y32",
        "wang",
        ONLINE,
        "请公开东风路街道辖区内公共停车泊位的规划设置方案及收费标准。",
        "辖区公共停车泊位规划设置方案",
        (reply(5, "granted", "该信息已在街道政府信息公开专栏主动公开，现告知获取途径。"),),
        when=(1, 20),
    ),
    Case(
        "y02",
        "li",
        ONLINE,
        "请提供东风路街道本年度部门预算及“三公”经费预算情况说明。",
        "东风路街道部门预算",
        (reply(5, "granted", GRANTED_NOTE),),
        when=(2, 17),
    ),
    Case(
        "y25",
        "canyin",
        COUNTER,
        "请提供本公司门面所在路段“门前三包”责任书范本及考核办法。",
        "门前三包责任书及考核办法",
        (reply(6, "granted", GRANTED_NOTE),),
        when=(2, 24),
        delivery_form="paper_onsite",
    ),
    Case(
        "y03",
        "wuye",
        COUNTER,
        "请公开街道对辖区物业服务企业上一年度服务质量考评的结果及评分细则。",
        "物业服务企业服务质量考评结果",
        (reply(10, "granted", GRANTED_NOTE),),
        when=(3, 4),
    ),
    Case(
        "y04",
        "wang",
        MAIL,
        "请公开精英路社区某某片区棚户区改造项目的征收补偿安置方案、补偿标准及本人所在楼栋的评估结果。",
        "某某片区征收补偿安置方案",
        (
            ("consult", 3, {"party": "某某房地产评估有限公司", "pause": "third_party"}),
            ("consulted", 8, {}),
            reply(
                5,
                "partial",
                "所申请信息中涉及其他被征收人姓名、身份证号码和补偿金额的内容，属于第三方个人信息，已作区分处理。",
            ),
        ),
        when=(3, 18),
        delivery_form="paper_mail",
    ),
    Case(
        "y26",
        "guo",
        COUNTER,
        "请提供东风路街道本年度防汛抗旱应急预案及各社区防汛物资储备点位置。",
        "街道防汛抗旱应急预案",
        (reply(4, "granted", GRANTED_NOTE),),
        when=(3, 31),
        delivery_form="paper_onsite",
    ),
    Case(
        "y05",
        "liu",
        ONLINE,
        "请提供本人所在楼栋某住户申请城乡居民最低生活保障时提交的收入证明、家庭财产申报材料。",
        "他人最低生活保障申请材料",
        (
            ("consult", 2, {"party": "被申请信息涉及的住户", "pause": "third_party"}),
            ("consulted", 10, {}),
            reply(
                4,
                "withheld_4",
                "所申请信息涉及第三方个人隐私，经征求意见，第三方不同意公开，公开后会对第三方合法权益造成损害。",
            ),
        ),
        when=(4, 7),
    ),
    Case(
        "y06",
        "lvshi",
        ONLINE,
        "请提供街道党工委会议研究某某地块临时停车场建设事项的会议记录及讨论过程材料。",
        "临时停车场建设事项会议记录",
        (
            reply(
                14,
                "withheld_6",
                "所申请信息属于行政机关在履行行政管理职能过程中形成的讨论记录，属于过程性信息。",
            ),
        ),
        when=(4, 21),
    ),
    Case(
        "y07",
        "chen",
        COUNTER,
        "请提供街道综合行政执法队对辖区某某餐饮店作出行政处罚的全部案卷材料，包括询问笔录和现场检查记录。",
        "某某餐饮店行政处罚案卷",
        (reply(12, "withheld_7", "所申请信息属于行政执法案卷信息，可依照有关法律法规的规定办理查阅。"),),
        when=(5, 12),
    ),
    Case(
        "y08",
        "yanjiu",
        ONLINE,
        "为开展基层治理课题研究，请按年度、分社区统计提供近五年辖区常住人口、流动人口数量及网格员配置情况。",
        "近五年辖区人口及网格员配置统计",
        (
            (
                "extend",
                15,
                {"reason": "申请内容涉及多个年度、多个社区的数据，需逐项核对，无法在规定期限内答复。"},
            ),
            reply(
                16,
                "unable_2",
                "本机关没有按申请人要求的口径制作的现成统计信息，需要对现有信息进行加工、分析才能形成。",
            ),
        ),
        when=(5, 26),
    ),
    Case(
        "y24",
        "he",
        ONLINE,
        "请公开王家垅社区某某路人行道改造工程的招标文件。",
        "人行道改造工程招标文件",
        (("withdraw", 3, {"note": "申请人来电表示已在政府采购网站查到相关信息，申请撤回。"}),),
        when=(6, 2),
    ),
    Case(
        "y09",
        "yang",
        COUNTER,
        "请提供1998年原长沙某某国营工厂改制时职工安置名册及本人工龄认定材料。",
        "原某某国营工厂改制职工安置名册",
        (reply(6, "unable_1", "经查，本机关未制作或获取该信息，建议向原企业主管部门或档案管理部门咨询。"),),
        when=(6, 9),
        delivery_form="paper_onsite",
    ),
    Case(
        "y10",
        "zhao",
        ONLINE,
        "请公开街道关于那件事情的所有文件。",
        "",
        (
            (
                "correct",
                3,
                {
                    "items": "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述，例如事项名称、大致时间和涉及地点。"
                },
            ),
            ("corrected", 6, {}),
            reply(10, "unable_3", "申请人补正后，所需信息的内容仍不明确，本机关无法确定具体的政府信息。"),
        ),
        when=(6, 23),
    ),
    Case(
        "y11",
        "huang",
        ONLINE,
        "请公开街道今年的相关资料。",
        "",
        (
            ("correct", 4, {"items": "请明确所需信息的具体内容（如信息名称、所属事项、形成时间）。"}),
            ("lapse", 2, {"note": "申请人在补正期限内未补正，也未说明正当理由，视为放弃申请。"}),
        ),
        when=(7, 7),
    ),
    Case(
        "y12",
        "zhou",
        COUNTER,
        "本人所在小区物业公司长期不履行维修义务，请街道公开对该物业公司的处理情况并责令其整改。",
        "对某物业公司的投诉处理情况",
        (
            reply(
                5,
                "not_processed_1",
                "申请内容属于投诉事项，已告知申请人通过信访、12345政务服务便民热线等渠道反映。",
            ),
        ),
        when=(7, 21),
        delivery_form="paper_onsite",
    ),
    Case(
        "y13",
        "wu",
        COUNTER,
        "请提供《开福区志（1996—2015）》全书电子版。",
        "开福区志（1996—2015）",
        (reply(4, "not_processed_3", "所申请信息为公开出版物，可通过公共图书馆或正规出版发行渠道获取。"),),
        when=(8, 4),
    ),
    Case(
        "y14",
        "zhang",
        COUNTER,
        "请公开蚌塘社区某某小区老旧小区改造项目的实施方案、施工单位及资金预算情况。",
        "某某小区老旧小区改造实施方案及资金预算",
        (reply(3, "not_processed_2", "申请人此前已就相同信息提出申请，本机关已于今年1月作出答复。"),),
        when=(5, 19),
        delivery_form="paper_onsite",
    ),
    Case(
        "y31",
        "feng",
        COUNTER,
        "请提供街道近三年全部会议通知、签到表、工作简报及每一份收文的处理单。",
        "街道近三年会议通知及收文处理单",
        (
            reply(
                6,
                "not_processed_4",
                "申请人本年度已就街道内部工作事项提出内容相近的申请二十余件，且无正当理由。",
            ),
        ),
        when=(8, 25),
    ),
    Case(
        "y15",
        "xu",
        ONLINE,
        "本人已取得街道答复书所附的低保政策文件，请街道确认该文件的真实性并重新加盖公章后提供。",
        "确认已获取文件的真实性",
        (
            reply(
                7, "not_processed_5", "申请人要求本机关确认或重新出具已获取的信息，不属于政府信息公开申请。"
            ),
        ),
        when=(9, 1),
    ),
    Case(
        "y16",
        "jianshe",
        MAIL,
        "请提供东风路街道辖区内燃气中压管网、调压站及重要供水设施的详细分布图和坐标。",
        "辖区燃气管网及重要设施分布图",
        (reply(12, "withheld_3", "所申请信息公开后可能危及公共安全。"),),
        when=(9, 15),
        delivery_form="paper_mail",
    ),
    Case(
        "y17",
        "sun",
        COUNTER,
        "请提供辖区人民防空工程的位置、规模及内部结构图纸。",
        "辖区人防工程位置及结构图",
        (reply(10, "withheld_1", "所申请信息经依法确定属于国家秘密。"),),
        when=(9, 24),
        delivery_form="paper_onsite",
    ),
    Case(
        "y18",
        "hu",
        ONLINE,
        "请提供本人邻居在第七次全国人口普查中填报的个人登记表。",
        "人口普查个人登记表",
        (
            reply(
                9,
                "withheld_2",
                "根据《中华人民共和国统计法》的规定，统计调查中获得的能够识别调查对象的资料应当予以保密。",
            ),
        ),
        when=(10, 13),
    ),
    Case(
        "y19",
        "zhu",
        COUNTER,
        "请提供街道机关工作人员的考勤记录和请休假审批表。",
        "街道工作人员考勤及请休假记录",
        (reply(8, "withheld_5", "所申请信息属于人事管理、内部工作流程等内部事务信息。"),),
        when=(10, 20),
        delivery_form="paper_onsite",
    ),
    Case(
        "y20",
        "gao",
        COUNTER,
        "请提供本人在社区登记的居住信息及历次变更记录。",
        "本人居住登记信息",
        (
            reply(
                4,
                "withheld_8",
                "所申请信息属于行政查询事项，已告知申请人持本人身份证件到社区服务窗口办理查询。",
            ),
        ),
        when=(10, 27),
        delivery_form="paper_onsite",
    ),
    Case(
        "y21",
        "shegong",
        ONLINE,
        "请公开东风路街道各社区综合服务设施清单、开放时间及可预约使用的公共空间。",
        "社区综合服务设施清单",
        (reply(6, "granted", GRANTED_NOTE),),
        when=(11, 3),
    ),
    Case(
        "y22",
        "yezhu",
        COUNTER,
        "请提供本小区既有住宅加装电梯项目的补贴申请、审核及拨付全部材料复印件。",
        "既有住宅加装电梯补贴审核拨付材料",
        (
            ("fee", 3, {"pages": 120}),
            ("paid", 4, {}),
            reply(5, "granted", "已按申请人选择的方式提供纸质复印件，共120页。"),
        ),
        when=(11, 10),
        delivery_form="paper_onsite",
    ),
    Case(
        "y23",
        "lin",
        ONLINE,
        "请提供街道近五年所有拆除违法建设项目的决定书、公告及现场照片的纸质复印件。",
        "近五年拆违决定书及公告",
        (
            ("fee", 4, {"pages": 80}),
            ("unpaid", 1, {"note": "申请人逾期未缴纳信息处理费，本机关不再处理该申请。"}),
        ),
        when=(11, 17),
        delivery_form="paper_mail",
    ),
    # Still open on 31 December: carried over into this year.
    Case(
        "y27",
        "ma",
        MAIL,
        "请公开精英路社区某某路雨污分流改造工程的设计方案、工程预算及竣工验收资料。",
        "某某路雨污分流改造工程资料",
        (
            ("extend", 16, {"reason": "竣工验收资料需向施工单位和区住建部门调取核对。"}),
            reply(10, "granted", GRANTED_NOTE),
        ),
        when=(12, 1),
        delivery_form="paper_mail",
    ),
    Case(
        "y28",
        "luo",
        COUNTER,
        "请提供东风路社区本年度居民公共收益的收支明细。",
        "社区居民公共收益收支明细",
        (reply(15, "granted", GRANTED_NOTE),),
        when=(12, 15),
        delivery_form="paper_onsite",
    ),
    Case(
        "y29",
        "wuye",
        ONLINE,
        "请公开街道对辖区生活垃圾分类收集点设置的规划及第三方运营合同。",
        "垃圾分类收集点设置规划及运营合同",
        (reply(12, "partial", "运营合同中涉及企业商业秘密的报价明细已作区分处理。"),),
        when=(12, 22),
    ),
    Case(
        "y30",
        "lvshi",
        COUNTER,
        "请提供某某路沿街门面改造项目的规划许可文件及街道出具的审核意见。",
        "沿街门面改造项目审核意见",
        (
            ("consult", 3, {"party": "开福区自然资源局", "pause": "other_agency"}),
            ("consulted", 10, {}),
            reply(5, "granted", GRANTED_NOTE),
        ),
        when=(12, 26),
    ),
]

# --- this year (relative to the loading day; the last ones are still open) -------------------------------

THIS_YEAR = [
    Case(
        "c01",
        "deng",
        COUNTER,
        "请提供东风路街道今年部门预算公开表及预算编制说明。",
        "东风路街道部门预算公开表",
        (reply(4, "granted", GRANTED_NOTE),),
        ago=300,
        delivery_form="paper_onsite",
    ),
    Case(
        "c02",
        "canyin",
        ONLINE,
        "请公开街道对辖区餐饮油烟专项整治的工作方案及检查结果通报。",
        "餐饮油烟专项整治工作方案及检查结果",
        (
            ("consult", 2, {"party": "被检查的餐饮经营单位", "pause": "third_party"}),
            ("consulted", 7, {}),
            reply(4, "partial", "检查结果中涉及个体经营者个人信息的内容已作区分处理。"),
        ),
        ago=280,
    ),
    Case(
        "c03",
        "xie",
        ONLINE,
        "请公开王家垅社区某某路口增设路灯和监控设施的实施计划。",
        "某某路口增设路灯实施计划",
        (reply(6, "granted", GRANTED_NOTE),),
        ago=255,
    ),
    Case(
        "c04",
        "shegong",
        COUNTER,
        "请公开街道今年政府购买社会工作服务项目的立项清单及承接机构。",
        "政府购买社会工作服务项目清单",
        (reply(7, "granted", GRANTED_NOTE),),
        ago=230,
    ),
    Case(
        "c05",
        "tang",
        COUNTER,
        "请提供1985年原某某街道居委会分配公房的分配名单。",
        "1985年公房分配名单",
        (reply(5, "unable_1", "经查，本机关未保存该信息，建议向区档案馆查询。"),),
        ago=210,
        delivery_form="paper_onsite",
    ),
    Case(
        "c06",
        "liu",
        ONLINE,
        "请提供本楼栋另一住户申请临时救助时提交的全部材料。",
        "他人临时救助申请材料",
        (reply(9, "withheld_4", "所申请信息涉及第三方个人隐私，公开后会对第三方合法权益造成损害。"),),
        ago=190,
    ),
    Case(
        "c07",
        "lvshi",
        MAIL,
        "请提供某某地块征收范围内房屋调查登记结果的汇总表及公示记录。",
        "房屋调查登记结果汇总表及公示记录",
        (
            ("extend", 15, {"reason": "需会同区征收部门核对调查登记结果。"}),
            reply(12, "granted", GRANTED_NOTE),
        ),
        ago=170,
        delivery_form="paper_mail",
    ),
    Case(
        "c08",
        "chen",
        ONLINE,
        "请公开蚌塘社区某某广场改造的设计方案。",
        "某某广场改造设计方案",
        (("withdraw", 2, {"note": "申请人表示已在社区公开栏看到设计方案，申请撤回。"}),),
        ago=150,
    ),
    Case(
        "c09",
        "zhou",
        COUNTER,
        "楼上住户违规搭建阳光房，请街道公开查处结果并立即拆除。",
        "对违规搭建的查处",
        (reply(4, "not_processed_1", "申请内容属于举报投诉事项，已转街道综合行政执法队按举报程序办理。"),),
        ago=130,
        delivery_form="paper_onsite",
    ),
    Case(
        "c10",
        "yanjiu",
        ONLINE,
        "请提供街道去年社区网格化服务管理工作的总结报告及考核结果。",
        "网格化服务管理工作总结及考核结果",
        (reply(11, "partial", "考核结果中涉及网格员个人的评分已作区分处理。"),),
        ago=110,
    ),
    Case(
        "c11",
        "yezhu",
        COUNTER,
        "请提供本小区二次供水设施改造项目的全部审批、招标和验收材料的复印件。",
        "二次供水设施改造项目材料",
        (
            ("fee", 3, {"pages": 150}),
            ("paid", 5, {}),
            reply(4, "granted", "已提供纸质复印件，共150页。"),
        ),
        ago=95,
        delivery_form="paper_onsite",
    ),
    Case(
        "c12",
        "gao",
        ONLINE,
        "请公开有关部门的那个通知。",
        "",
        (
            ("correct", 3, {"items": "请写明通知的名称、发文机关或大致发布时间。"}),
            ("lapse", 1, {"note": "申请人逾期未补正。"}),
        ),
        ago=80,
    ),
    Case(
        "c13",
        "wang",
        COUNTER,
        "请公开精英路社区某某小区加装电梯项目的补贴标准及审核结果。",
        "加装电梯补贴标准及审核结果",
        (reply(5, "granted", GRANTED_NOTE),),
        ago=60,
        delivery_form="paper_onsite",
    ),
    Case(
        "c14",
        "canyin",
        COUNTER,
        "请提供街道综合行政执法队对本公司作出处罚决定过程中的全部调查取证材料。",
        "行政处罚调查取证材料",
        (
            reply(
                8,
                "withheld_7",
                "所申请信息属于行政执法案卷信息，可依照《中华人民共和国行政处罚法》等规定申请查阅。",
            ),
        ),
        ago=45,
    ),
    # Open: the queue of the demo.
    Case(
        "c15",
        "zhu",
        COUNTER,
        "请提供东风路街道今年以来城市管理类12345热线工单的分类统计及办结情况。",
        "12345热线城市管理类工单统计",
        (("extend", 15, {"reason": "工单数据需从区12345平台导出并逐条核对。"}),),
        ago=26,
    ),
    Case(
        "c16",
        "wuye",
        ONLINE,
        "请公开街道与某某保洁公司签订的辖区道路保洁服务合同。",
        "道路保洁服务合同",
        (("consult", 4, {"party": "长沙某某保洁服务有限公司", "pause": "third_party"}),),
        ago=20,
    ),
    Case(
        "c17",
        "jianshe",
        COUNTER,
        "请提供某某路提质改造工程全部设计变更单及签证资料复印件。",
        "某某路提质改造工程设计变更资料",
        (("fee", 5, {"pages": 120}),),
        ago=13,
        delivery_form="paper_onsite",
    ),
    Case(
        "c18",
        "hu",
        ONLINE,
        "请公开关于我们小区的那份文件。",
        "",
        (("correct", 3, {"items": "请写明小区名称以及所需文件的名称或主要内容。"}),),
        ago=10,
    ),
    Case(
        "c19",
        "xu",
        COUNTER,
        "请公开蚌塘社区今年居民议事会关于停车收费的决议及表决结果。",
        "居民议事会停车收费决议",
        (),
        ago=24,
        delivery_form="paper_onsite",
    ),
    Case(
        "c20",
        "li",
        ONLINE,
        "请公开街道今年冬季低温雨雪冰冻灾害应急物资储备清单。",
        "冬季应急物资储备清单",
        (),
        ago=6,
    ),
    Case(
        "c21",
        "yang",
        COUNTER,
        "请提供王家垅社区老年人助餐服务点的补贴标准和运营单位。",
        "老年助餐服务点补贴标准",
        (),
        ago=3,
        delivery_form="paper_onsite",
    ),
    Case(
        "c22",
        "he",
        ONLINE,
        "请公开街道今年“门前三包”考核结果。",
        "门前三包考核结果",
        (),
        ago=2,
        confirm=False,
    ),
]

CASES = LAST_YEAR + THIS_YEAR

__all__ = ["APPLICANTS", "CASES", "COUNTER", "MAIL", "ONLINE", "Case"]
