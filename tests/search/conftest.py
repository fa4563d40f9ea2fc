"""A small catalog of realistic records (as SearchDocuments) in a temporary Tantivy index.

Organs: 长沙市 /1/ → 开福区 /1/2/ → 东风路街道 /1/2/3/ and 开福区应急管理局 /1/2/4/; 芙蓉区 /1/5/.
Categories: 10 通知公告, 11 规范性文件 (12 行政规范性文件 under it), 13 财政预决算, 14 应急管理, 15 年度报告.
"""

import datetime as dt

import pytest

from gongkai.search.engine import SearchDocument, TantivyIndex

CITY, KAIFU, DONGFENG, YINGJI, FURONG = "/1/", "/1/2/", "/1/2/3/", "/1/2/4/", "/1/5/"


def _paths(path):
    parts = path.strip("/").split("/")
    return tuple("/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts)))


def doc(uuid, title, body, *, organ=KAIFU, categories=("10",), day=(2024, 1, 1), **extra):
    return SearchDocument(
        uuid=uuid,
        title=title,
        body=body,
        organ_paths=_paths(organ),
        categories=tuple(categories),
        published_at=dt.datetime(*day, 9, 30),
        written_on=dt.date(*day),
        validity=extra.pop("validity", "valid"),
        disclosure_mode=extra.pop("disclosure_mode", "proactive"),
        **extra,
    )


DOCS = [
    doc("yj-title", "开福区应急管理局关于加强汛期应急管理工作的通知", "各街道、各部门：为切实做好汛期应急管理工作，现就有关事项通知如下。一、压实防汛责任。二、加强值班值守。",
        organ=YINGJI, categories=("14",), day=(2024, 6, 3), document_number="长开应急发〔2024〕5号"),
    doc("yj-body", "东风路街道2023年工作总结", "2023年，街道围绕中心工作，完善应急管理体系，开展消防安全检查32次，化解矛盾纠纷118件。",
        organ=DONGFENG, day=(2024, 1, 15)),
    doc("yj-plan", "开福区突发事件总体应急预案", "本预案适用于本区行政区域内突发事件的应对工作。区应急管理局负责综合协调，各街道应当建立应急管理工作机制。",
        organ=YINGJI, categories=("14", "11"), day=(2022, 9, 1)),
    doc("yj-split", "开福区应急物资储备库建设情况", "储备库存放应急物资2万余件，由区商务局负责日常管理，定期轮换。",
        organ=KAIFU, day=(2023, 3, 8)),
    doc("budget-2016", "关于开福区2016年财政预算执行情况和2017年财政预算草案的报告", "2016年财政预算执行情况总体良好，一般公共预算收入完成年度预算的103%。",
        organ=KAIFU, categories=("13",), day=(2017, 1, 10)),
    doc("budget-2016b", "开福区2016年度部门预算公开说明", "根据新《预算法》要求，现将2016年度财政预算安排情况公开如下：部门收入预算合计4.2亿元。",
        organ=KAIFU, categories=("13",), day=(2016, 3, 20)),
    doc("budget-2018", "开福区2018年财政预算草案", "2018年财政预算安排坚持量入为出，重点保障民生支出。",
        organ=KAIFU, categories=("13",), day=(2018, 1, 12)),
    doc("docno-12", "长沙市开福区人民政府关于印发《开福区城市管理办法》的通知", "各街道办事处、区直各单位：现将《开福区城市管理办法》印发给你们，请认真贯彻执行。",
        organ=KAIFU, categories=("11", "12"), day=(2016, 4, 6), document_number="长开政发〔2016〕12号"),
    doc("docno-15", "长沙市开福区人民政府关于调整区级行政许可事项的通知", "根据省市有关规定，现对区级行政许可事项进行调整。",
        organ=KAIFU, categories=("11", "12"), day=(2016, 5, 9), document_number="长开政发〔2016〕15号"),
    doc("docno-cite", "《开福区城市管理办法》政策解读", "《开福区城市管理办法》（长开政发〔2016〕12号）已经区政府常务会议审议通过，现解读如下。",
        organ=KAIFU, categories=("10",), day=(2016, 4, 8)),
    doc("xss", "关于网上申请渠道的说明", "提交申请时，如页面出现 <script>alert('x')</script> 之类的内容，请勿点击，并通过网上申请渠道反馈。",
        organ=DONGFENG, day=(2024, 2, 2)),
    doc("gk-guide", "东风路街道政府信息公开指南", "本指南说明政府信息公开的方式和程序。公民可以依申请公开方式获取政府信息。",
        organ=DONGFENG, categories=("10",), day=(2021, 3, 1)),
    doc("gk-report", "东风路街道2020年政府信息公开工作年度报告", "根据《中华人民共和国政府信息公开条例》要求，现公布本街道2020年度政府信息公开工作情况。",
        organ=DONGFENG, categories=("15",), day=(2021, 1, 28)),
    doc("gk-body", "关于做好2022年政务公开工作的通知", "各单位要认真落实政府信息公开条例，做好主动公开和依申请公开工作。",
        organ=KAIFU, categories=("10",), day=(2022, 4, 2)),
    doc("safety-drill", "开福区2023年安全生产应急演练方案", "为提高安全生产事故应急处置能力，定于6月开展安全生产综合演练。",
        organ=YINGJI, categories=("14",), day=(2023, 5, 20)),
    doc("safety-check", "开福区安全生产大检查工作方案", "全面排查安全生产隐患，督促企业落实安全生产主体责任。",
        organ=YINGJI, categories=("14",), day=(2023, 4, 11)),
    doc("housing", "开福区住房公积金提取业务办理指南", "职工购买自住住房的，可以申请提取住房公积金。办理地点：区政务服务中心。",
        organ=KAIFU, day=(2019, 7, 1)),
    doc("dibao", "关于调整城乡最低生活保障标准的通知", "自2020年7月1日起，城市最低生活保障标准调整为每人每月750元。",
        organ=FURONG, day=(2020, 6, 20)),
    doc("dibao-2", "芙蓉区社会救助工作情况", "全年发放最低生活保障金1200万元，临时救助困难群众860人次。",
        organ=FURONG, day=(2021, 12, 30)),
    doc("review", "开福区行政复议决定书公开", "申请人不服被申请人作出的政府信息公开答复，向本机关申请行政复议。",
        organ=KAIFU, day=(2020, 11, 11)),
    doc("lawsuit", "关于行政诉讼案件应诉工作的通知", "各单位应当依法做好行政诉讼应诉工作，行政机关负责人应当出庭应诉。",
        organ=CITY, day=(2019, 9, 9)),
    doc("onestop", "东风路街道一站式服务大厅启用", "街道一站式服务大厅正式启用，可办理社保、民政等事项38项。",
        organ=DONGFENG, day=(2018, 8, 8)),
    doc("city-plan", "长沙市国民经济和社会发展第十四个五年规划纲要", "十四五时期是开启全面建设社会主义现代化新征程的第一个五年。",
        organ=CITY, day=(2021, 4, 1)),
    doc("env", "开福区生态环境保护工作要点", "持续打好蓝天、碧水、净土保卫战，推进生态环境治理能力现代化。",
        organ=KAIFU, day=(2022, 2, 14)),
    doc("fire", "东风路街道开展冬季消防安全检查", "对辖区沿街门面、老旧小区开展消防安全检查，消除火灾隐患。",
        organ=DONGFENG, day=(2023, 12, 1)),
    doc("repealed", "开福区城市管理办法（2010年）", "本办法自发布之日起施行。",
        organ=KAIFU, categories=("11",), day=(2010, 5, 5), validity="repealed"),
    doc("procure", "开福区政府采购意向公开", "为便于供应商及时了解政府采购信息，现将2024年政府采购意向公开如下。",
        organ=KAIFU, day=(2024, 3, 3)),
    doc("fullwidth", "关于ＡＢＣ智慧政务平台上线的公告", "ＡＢＣ平台支持ＰＣ端和移动端，提供７×２４小时服务。",
        organ=CITY, day=(2024, 5, 5)),
    doc("same-score-old", "消防安全提示", "注意用电安全。", organ=FURONG, day=(2015, 1, 1)),
    doc("same-score-new", "消防安全提示", "注意用电安全。", organ=FURONG, day=(2025, 1, 1)),
]  # fmt: skip

BY_UUID = {d.uuid: d for d in DOCS}


@pytest.fixture(scope="module")
def search_index(tmp_path_factory):
    index = TantivyIndex(tmp_path_factory.mktemp("search-index"))
    index.index(DOCS)
    index.commit(seq=len(DOCS))
    yield index
    index.close()


def uuids(results):
    return [hit.uuid for hit in results.hits]
