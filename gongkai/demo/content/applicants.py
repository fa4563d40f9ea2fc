"""The demo's applicants (申请人) at 东风路街道, all invented: names follow the 张某某 pattern, ID numbers are
built on the 开福区 area code with a valid GB 11643 check character (see `gongkai.demo.cases.applicant_data`),
统一社会信用代码 carry a valid GB 32100 check character, and phone numbers start with 100 (a prefix no mobile
operator uses). The e-mail domains are example.*.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoApplicant:
    kind: str  # ApplicantKind value
    name: str
    ident: str  # persons: birth date YYYYMMDD + 3-digit sequence; organisations: the first 17 USCC characters
    phone: str
    address: str
    contact_person: str = ""
    email: str = ""


ADDR = "长沙市开福区东风路街道"

APPLICANTS = {
    "zhang": DemoApplicant("person", "张某某", "19680312031", "10000120301", f"{ADDR}蚌塘社区某某小区3栋"),
    "li": DemoApplicant(
        "person", "李某", "19850706042", "10000120302", f"{ADDR}王家垅社区某某路18号", email="li@example.com"
    ),
    "wang": DemoApplicant("person", "王某某", "19570201013", "10000120303", f"{ADDR}精英路社区某某小区7栋"),
    "liu": DemoApplicant("person", "刘某某", "19790923054", "10000120304", f"{ADDR}东风路社区某某巷2号"),
    "chen": DemoApplicant(
        "person", "陈某", "19910414025", "10000120305", f"{ADDR}蚌塘社区某某公寓", email="chen@example.com"
    ),
    "yang": DemoApplicant("person", "杨某某", "19520817016", "10000120306", f"{ADDR}王家垅社区某某宿舍"),
    "zhao": DemoApplicant(
        "person", "赵某", "19880130037", "10000120307", f"{ADDR}精英路社区某某花园", email="zhao@example.com"
    ),
    "huang": DemoApplicant("person", "黄某某", "19731105048", "10000120308", "长沙市芙蓉区某某路66号"),
    "zhou": DemoApplicant("person", "周某", "19660622059", "10000120309", f"{ADDR}东风路社区某某小区"),
    "wu": DemoApplicant(
        "person",
        "吴某某",
        "19940318011",
        "10000120310",
        "长沙市岳麓区某某街道某某小区",
        email="wu@example.com",
    ),
    "xu": DemoApplicant("person", "徐某", "19831212022", "10000120311", f"{ADDR}蚌塘社区某某路9号"),
    "sun": DemoApplicant("person", "孙某某", "19750509033", "10000120312", f"{ADDR}王家垅社区某某小区"),
    "hu": DemoApplicant(
        "person", "胡某", "19990727044", "10000120313", "长沙市开福区某某街道某某村", email="hu@example.com"
    ),
    "zhu": DemoApplicant("person", "朱某某", "19620411055", "10000120314", f"{ADDR}精英路社区某某宿舍"),
    "gao": DemoApplicant("person", "高某", "19870902066", "10000120315", f"{ADDR}东风路社区某某大厦"),
    "lin": DemoApplicant(
        "person", "林某某", "19770116077", "10000120316", "长沙市天心区某某路某某号", email="lin@example.com"
    ),
    "he": DemoApplicant("person", "何某", "19930630088", "10000120317", f"{ADDR}蚌塘社区某某小区"),
    "guo": DemoApplicant("person", "郭某某", "19600228099", "10000120318", f"{ADDR}王家垅社区某某路"),
    "ma": DemoApplicant(
        "person", "马某", "19821019012", "10000120319", f"{ADDR}精英路社区某某小区", email="ma@example.com"
    ),
    "luo": DemoApplicant("person", "罗某某", "19710803023", "10000120320", f"{ADDR}东风路社区某某小区"),
    "feng": DemoApplicant("person", "冯某", "19800515034", "10000120321", "长沙市雨花区某某小区"),
    "deng": DemoApplicant("person", "邓某某", "19690921045", "10000120322", f"{ADDR}蚌塘社区某某路"),
    "xie": DemoApplicant(
        "person", "谢某", "19951127056", "10000120323", f"{ADDR}王家垅社区某某公寓", email="xie@example.com"
    ),
    "tang": DemoApplicant("person", "唐某某", "19580404067", "10000120324", f"{ADDR}精英路社区某某小区"),
    "wuye": DemoApplicant(
        "business",
        "长沙某某物业管理有限公司",
        "91430105MA4T2K8X1",
        "10000120351",
        "长沙市开福区某某路88号",
        contact_person="宋经理",
        email="wuye@example.com",
    ),
    "jianshe": DemoApplicant(
        "business",
        "湖南某某建设工程有限公司",
        "91430105MA4PQ7RD3",
        "10000120352",
        "长沙市开福区某某大道某某号",
        contact_person="韩经理",
        email="jianshe@example.com",
    ),
    "canyin": DemoApplicant(
        "business",
        "长沙某某餐饮管理有限公司",
        "91430105MA4L9CUW6",
        "10000120353",
        f"{ADDR}某某路12号门面",
        contact_person="蒋经理",
    ),
    "yanjiu": DemoApplicant(
        "research",
        "湖南某某大学城市治理研究中心",
        "12430000MB1A2C3D4",
        "10000120354",
        "长沙市岳麓区某某大学某某楼",
        contact_person="魏老师",
        email="research@example.edu.cn",
    ),
    "shegong": DemoApplicant(
        "nonprofit",
        "开福区某某社会工作服务中心",
        "52430105MJ8K4T2B7",
        "10000120355",
        f"{ADDR}某某路社区服务中心二楼",
        contact_person="彭社工",
        email="shegong@example.org",
    ),
    "lvshi": DemoApplicant(
        "legal_service",
        "湖南某某律师事务所",
        "31430000MD0X1Y2T3",
        "10000120356",
        "长沙市开福区某某大厦15楼",
        contact_person="曾律师",
        email="law@example.com",
    ),
    "yezhu": DemoApplicant(
        "other_org",
        "东风路街道某某小区业主委员会",
        "93430105MC4N2R6H5",
        "10000120357",
        f"{ADDR}某某小区物业用房",
        contact_person="董主任",
    ),
}
