"""Reply letters: the safe placeholder syntax, template resolution, the remedy notice (复议前置 since
2024-01-01), DOCX + PDF generation with the CJK font embedded, delivery and the applicant's view."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import letters
from gongkai.applications.actions import WorkflowError, do_reply
from gongkai.applications.models import ReplyLetter
from gongkai.catalog.storage import blob_path


@pytest.fixture
def closed(register, hank):
    def make(outcome="partial", received_on=dt.date(2025, 12, 1), on=dt.date(2025, 12, 20), **data):
        app = register(received_on=received_on, **data)
        return do_reply(app, actor=hank, outcome=outcome, on=on)

    return make


def test_it_refuses_unknown_placeholders_on_save(organ, dora):
    with pytest.raises(ValidationError) as exc:
        letters.do_save_letter_template(
            organ=organ, actor=dora, outcome="granted", title="答复书", body="{申请人}：{密码}\n{救济途径}"
        )
    assert "{密码}" in exc.value.message_dict["body"][0]


def test_it_refuses_django_template_syntax(organ, dora):
    with pytest.raises(ValidationError) as exc:
        letters.do_save_letter_template(
            organ=organ, actor=dora, outcome="granted", title="答复书", body="{% load x %}{救济途径}"
        )
    assert "未知的占位符" in exc.value.message_dict["body"][0]


def test_it_refuses_a_stray_brace_and_a_missing_remedy_notice(organ, dora):
    with pytest.raises(ValidationError) as exc:
        letters.do_save_letter_template(
            organ=organ, actor=dora, outcome="granted", title="答复{", body="{申请人}"
        )
    errors = exc.value.message_dict
    assert "花括号" in errors["title"][0]
    assert "{救济途径}" in errors["body"][0]


def test_it_never_evaluates_template_text():
    text = letters.fill("{{ settings.SECRET_KEY }} {申请人}", {"申请人": "{{ x }}<b>"})
    assert text == "{ settings.SECRET_KEY } {{ x }}<b>"


def test_it_only_lets_organ_admins_edit_templates(organ, hank):
    with pytest.raises(PermissionDenied):
        letters.do_save_letter_template(
            organ=organ, actor=hank, outcome="granted", title="答复书", body="{救济途径}"
        )


def test_it_uses_the_organs_own_template_and_the_default_elsewhere(organs, organ, dora):
    letters.do_save_letter_template(
        organ=organ, actor=dora, outcome="granted", title="东风路答复书", body="{申请人}：同意。\n{救济途径}"
    )
    assert letters.resolve_template(organ, "granted").source == "organ"
    assert letters.resolve_template(organ, "granted").title == "东风路答复书"
    assert letters.resolve_template(organs["dingwangtai"], "granted").source == "default"
    letters.do_reset_letter_template(organ=organ, actor=dora, outcome="granted")
    assert letters.resolve_template(organ, "granted").source == "default"


def test_every_outcome_has_a_default_that_passes_its_own_check():
    from gongkai.applications.outcomes import OUTCOMES

    for code in OUTCOMES:
        template = letters.default_template(code)
        letters.check_template(template.title, template.body)


@pytest.mark.parametrize(
    ("outcome", "decided_on", "review_first"),
    [
        ("withheld_4", dt.date(2024, 1, 1), True),
        ("withheld_1", dt.date(2025, 6, 3), True),
        ("withheld_4", dt.date(2023, 12, 29), False),
        ("partial", dt.date(2025, 6, 3), False),
        ("unable_1", dt.date(2025, 6, 3), False),
    ],
)
def test_the_remedy_notice_requires_review_first_for_refusals_since_2024(outcome, decided_on, review_first):
    text = letters.remedy_notice(outcome, decided_on)
    assert "六十日" in text
    if review_first:
        assert "应当先" in text and "第二十三条" in text and "六个月" not in text
    else:
        assert "六个月" in text and "应当先" not in text


def test_it_generates_docx_and_pdf_with_the_cjk_font_embedded(closed, hank):
    from docx import Document
    from pypdf import PdfReader

    app = closed("withheld_4")
    letter = letters.do_generate_letter(
        app, actor=hank, reasons="涉及第三方个人隐私，经征求意见，第三方不同意公开。"
    )
    assert letter.outcome == "withheld_4" and letter.template_source == "default"
    assert "第十五条" in letter.text and "应当先" in letter.text and "陈申请" in letter.text
    pdf_path = blob_path(letter.pdf_sha256)
    docx_path = blob_path(letter.docx_sha256)
    assert pdf_path.exists() and docx_path.exists()
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            fonts.add(str(descriptor["/BaseFont"]))
            inner = descriptor.get("/DescendantFonts")
            target = inner[0].get_object() if inner else descriptor
            assert "/FontFile2" in target["/FontDescriptor"] or "/FontFile3" in target["/FontDescriptor"]
    assert any("Noto-Serif-CJK-SC" in name for name in fonts), fonts
    assert "涉及第三方个人隐私" in reader.pages[0].extract_text()
    paragraphs = [p.text for p in Document(str(docx_path)).paragraphs]
    assert any("涉及第三方个人隐私" in p for p in paragraphs)
    assert paragraphs[-1] == "2025年12月20日"


def test_it_drops_the_empty_reasons_paragraph_and_fills_the_way_to_obtain(closed, hank):
    app = closed("granted")
    letter = letters.do_generate_letter(app, actor=hank)
    assert "{" not in letter.text
    assert "获取方式：本机关按照你（单位）选择的“电子邮件”方式提供。" in letter.text
    assert "六个月" in letter.text


def test_it_refuses_a_letter_for_an_open_application(register, hank):
    with pytest.raises(WorkflowError):
        letters.do_generate_letter(register(), actor=hank)


def test_delivery_makes_the_letter_visible_to_the_applicant_only(closed, hank):
    app = closed("partial")
    letter = letters.do_generate_letter(app, actor=hank, reasons="部分内容涉及个人信息。")
    assert letters.applicant_letters(app.tracking_code, "8000") == []
    with pytest.raises(ValidationError):
        letters.do_record_letter_delivery(letter, actor=hank, on=dt.date(2025, 12, 19))
    letters.do_record_letter_delivery(letter, actor=hank, on=dt.date(2025, 12, 22))
    letter.refresh_from_db()
    assert letter.visible_to_applicant and letter.delivered_on == dt.date(2025, 12, 22)
    assert letters.applicant_letters(app.tracking_code, "8000") == [letter]
    assert letters.applicant_letters(app.tracking_code, "0000") == []
    assert letters.applicant_letter(app.tracking_code, "8000", letter.uuid) == letter
    with pytest.raises(PermissionDenied):
        letters.applicant_letter(app.tracking_code, "0000", letter.uuid)
    with pytest.raises(ValidationError):
        letters.do_record_letter_delivery(letter, actor=hank, on=dt.date(2025, 12, 23))
    assert ReplyLetter.objects.filter(visible_to_applicant=True).count() == 1
