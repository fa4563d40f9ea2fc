"""The demo organ tree, the disclosure office of 东风路街道, its 政府信息公开制度, and the demo staff.

Organisation codes are fictional but carry valid check characters (GB 32100-2015).
"""

from gongkai.organs.models import Organ, Role

DISCLOSURE_RULES = """
<h3>一、政府信息公开保密审查制度</h3>
<p>（一）街道拟公开的政府信息，坚持“先审查、后公开”“一事一审”“谁公开、谁审查”的原则，未经保密审查的信息一律不得公开。</p>
<p>（二）信息制作科室负责初审，党政综合办公室指定的保密审查员负责复审；不能确定是否可以公开的，报分管领导审定，必要时报上级保密行政管理部门确定。保密审查员不得审查本人起草或者提交的信息。</p>
<p>（三）审查内容包括：是否涉及国家秘密、工作秘密、商业秘密和个人隐私；公开后是否可能危及国家安全、公共安全、经济安全和社会稳定。公示类信息中的身份证号码、住址、联系电话等个人信息应当删除或作去标识化处理。</p>
<p>（四）审查过程在政府信息公开平台全程留痕；审查不通过的，退回制作科室并写明理由。</p>
<h3>二、政府信息主动公开制度</h3>
<p>（一）街道按照《中华人民共和国政府信息公开条例》第二十条、第二十一条的规定，主动公开机构职能、领导信息、规范性文件、规划计划、财政预决算、社会救助、应急管理、人事任免等政府信息。</p>
<p>（二）属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定。</p>
<p>（三）主动公开的政府信息通过开福区人民政府门户网站东风路街道政府信息公开专栏发布，同时通过街道政务新媒体、便民服务中心公告栏和社区公开栏等途径公开。</p>
<p>（四）政府信息公开目录按照机构介绍、领导信息、法规公文、工作动态、通知公告、规划计划、人事信息、财政信息、应急管理、其它十个类别编排，每条信息标注索引号、发布机构、成文日期、发布日期、文号和有效性。</p>
<h3>三、依申请公开工作规程</h3>
<p>（一）受理。公民、法人或者其他组织可以通过当面提交、邮寄、传真或者在线平台向街道提出政府信息公开申请。申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径。</p>
<p>（二）登记。党政综合办公室对收到的申请逐一登记，确定收到申请的日期：当面提交的，以提交之日为收到之日；邮寄的，以签收之日为收到之日；通过在线平台或者传真提交的，以双方确认之日为收到之日。</p>
<p>（三）补正。申请内容不明确的，在收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限；答复期限自收到补正的申请之日起计算。</p>
<p>（四）办理和答复。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在内。</p>
<p>（五）归档。依申请公开的申请、审核、办理、答复材料一案一档，按规定归档保存。</p>
<h3>四、政府信息公开考核和责任追究制度</h3>
<p>（一）政府信息公开工作纳入街道各科室和社区年度目标管理考核，考核内容包括公开内容的完整性、及时性、准确性和依申请公开办理的规范性。</p>
<p>（二）街道设立政府信息公开监督举报电话和意见箱，接受社会监督。</p>
<p>（三）违反规定不履行公开义务、不及时更新公开内容、违规收取费用或者公开不应当公开的政府信息的，依规依纪追究有关人员的责任。</p>
"""

CITY = {
    "level": Organ.Level.CITY,
    "name": "长沙市人民政府",
    "short_name": "长沙市",
    "org_code": "11430100006183012T",
}

DISTRICT = {
    "level": Organ.Level.DISTRICT,
    "name": "长沙市开福区人民政府",
    "short_name": "开福区",
    "org_code": "11430105006183020X",
    "office_name": "长沙市开福区人民政府办公室",
    "office_hours": "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
}

SUBDISTRICT = {
    "level": Organ.Level.SUBDISTRICT,
    "name": "长沙市开福区人民政府东风路街道办事处",
    "short_name": "东风路街道",
    "org_code": "11430105770088109P",
    "office_name": "东风路街道党政综合办公室",
    "office_address": "长沙市开福区东风路街道办事处二楼（党政综合办公室）",
    "office_hours": "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
    "office_phone": "0731-84000120",
    "office_fax": "0731-84000121",
    "office_email": "dfljd@example.gov.cn",
    "office_postcode": "410005",
    "disclosure_rules": DISCLOSURE_RULES.strip(),
}

COMMUNITIES = [
    {
        "level": Organ.Level.COMMUNITY,
        "name": "蚌塘社区居民委员会",
        "short_name": "蚌塘社区",
        "org_code": "11430105MB1952011C",
        "position": 1,
    },
    {
        "level": Organ.Level.COMMUNITY,
        "name": "王家垅社区居民委员会",
        "short_name": "王家垅社区",
        "org_code": "11430105MB195202X4",
        "position": 2,
    },
    {
        "level": Organ.Level.COMMUNITY,
        "name": "精英路社区居民委员会",
        "short_name": "精英路社区",
        "org_code": "11430105MB19520384",
        "position": 3,
    },
    {
        "level": Organ.Level.COMMUNITY,
        "name": "东风路社区居民委员会",
        "short_name": "东风路社区",
        "org_code": "11430105MB1952046Y",
        "position": 4,
    },
]

# Fixed demo password: the credentials are printed by `gongkai demo` and shown on the login page only
# when GONGKAI_DEMO is on. Never use the demo data on a public server.
DEMO_PASSWORD = "gongkai-demo-2026"

# (username, display name, organ code or None for the superuser, role or None)
STAFF = [
    ("editor", "王晓敏", SUBDISTRICT["org_code"], Role.EDITOR),
    ("reviewer", "李建华", SUBDISTRICT["org_code"], Role.REVIEWER),
    ("publisher", "陈静怡", SUBDISTRICT["org_code"], Role.PUBLISHER),
    ("organadmin", "刘志强", SUBDISTRICT["org_code"], Role.ORGAN_ADMIN),
    ("handler", "黄晓琳", SUBDISTRICT["org_code"], Role.APPLICATION_HANDLER),
    ("supervisor", "周海燕", DISTRICT["org_code"], Role.SUPERVISOR),
    ("admin", "系统管理员", None, None),
]
