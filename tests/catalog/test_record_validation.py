"""Bad input on records gets a message per field and saves nothing."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.catalog.actions import do_create_record, do_update_record
from gongkai.catalog.models import Record, RecordEvent
from tests.helpers import make_draft, record_data


def categories_of(organ):
    return [organ.categories.get(slug="tzgg")]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"written_on": None}, "written_on"),
        ({"written_on": ""}, "written_on"),
        ({"written_on": "2026-13-40"}, "written_on"),
        ({"written_on": "2026/11/02"}, "written_on"),
        ({"document_number": "长开政发2016第12号"}, "document_number"),
        ({"document_number": "〔2016〕12号"}, "document_number"),
        ({"summary": "概" * 101}, "summary"),
        ({"validity": "repealed"}, "repealed_on"),
        ({"validity": "expired"}, "expires_on"),
        ({"validity": "forever"}, "validity"),
        ({"disclosure_mode": "secret"}, "disclosure_mode"),
        ({"effective_on": "2026-05-01", "expires_on": "2026-04-01"}, "expires_on"),
    ],
)
def test_it_rejects_bad_fields_and_saves_nothing(organ, alice, overrides, field):
    with pytest.raises(ValidationError) as excinfo:
        do_create_record(
            organ=organ, actor=alice, data=record_data(**overrides), categories=categories_of(organ)
        )
    assert field in excinfo.value.message_dict
    if "written_on" in overrides and overrides["written_on"] in (None, ""):
        assert excinfo.value.message_dict["written_on"] == ["请填写成文日期。"]
    assert Record.objects.count() == 0
    assert RecordEvent.objects.count() == 0


def test_it_requires_a_category_of_the_same_organ(organs, alice):
    organ = organs["dongfeng"]
    with pytest.raises(ValidationError) as excinfo:
        do_create_record(organ=organ, actor=alice, data=record_data(), categories=[])
    assert "categories" in excinfo.value.message_dict
    foreign = [organs["bangtang"].categories.first()]
    with pytest.raises(ValidationError):
        do_create_record(organ=organ, actor=alice, data=record_data(), categories=foreign)
    assert Record.objects.count() == 0


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("长开政发[2016]12号", "长开政发〔2016〕12号"),
        ("长开政发（2016）12号", "长开政发〔2016〕12号"),
        (" 国办发 〔2017〕 47号", "国办发〔2017〕47号"),
        ("国办公开办函〔2019〕60号", "国办公开办函〔2019〕60号"),
    ],
)
def test_it_normalises_document_number_brackets(organ, alice, typed, stored):
    record = make_draft(organ, alice, document_number=typed)
    assert record.document_number == stored


def test_it_strips_scripts_and_handlers_from_the_body(organ, alice):
    record = make_draft(
        organ,
        alice,
        body='<p onclick="steal()">正文<script>alert(1)</script></p><a href="javascript:alert(1)">链接</a>'
        '<img src="x" onerror="alert(1)"><table><tr><td colspan="2">表格</td></tr></table>',
    )
    assert "script" not in record.body
    assert "onclick" not in record.body and "onerror" not in record.body
    assert "javascript:" not in record.body
    assert "正文" in record.body and 'colspan="2"' in record.body


def test_it_rejects_an_edit_with_bad_input_and_keeps_the_old_content(organ, alice):
    record = make_draft(organ, alice)
    with pytest.raises(ValidationError):
        do_update_record(
            record,
            actor=alice,
            data=record_data(title="", summary="x" * 200),
            categories=categories_of(organ),
            expected_version=record.version,
        )
    record.refresh_from_db()
    assert record.title == "关于开展2026年冬季消防安全检查的通知"
    assert record.version == 1
    assert record.revisions.count() == 1
