"""Bad input → ValidationError with a message per field, and nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Applicant, Application, ApplicationEvent, Channel
from tests.applications.conftest import org_data, person_data


def register(organ, data):
    return do_register_application(organ=organ, actor=None, channel=Channel.ONLINE, data=data)


def refused(organ, data) -> dict:
    with pytest.raises(ValidationError) as exc:
        register(organ, data)
    assert not Application.objects.exists()
    assert not Applicant.objects.exists()
    assert not ApplicationEvent.objects.exists()
    return exc.value.message_dict


def test_it_refuses_a_bad_resident_id_checksum(organ):
    errors = refused(organ, person_data(id_number="110105194912310021"))
    assert list(errors) == ["id_number"]
    assert "校验" in errors["id_number"][0]


def test_it_refuses_a_bad_uscc_for_organisations(organ):
    errors = refused(organ, org_data(id_number="91430100MA4L16JQ9A"))
    assert list(errors) == ["id_number"]
    assert "统一社会信用代码" in errors["id_number"][0]


def test_it_refuses_a_resident_id_for_an_organisation(organ):
    errors = refused(organ, org_data(id_type="resident_id"))
    assert "id_type" in errors


def test_it_names_every_missing_field(organ):
    errors = refused(organ, {"kind": "person", "delivery_form": "email"})
    assert {"name", "id_number", "phone", "description"} <= set(errors)


def test_it_refuses_a_50000_character_description_with_a_clear_message(organ):
    errors = refused(organ, person_data(description="请公开" * 16667))
    assert errors["description"] == [
        "信息描述不能超过5000个字（当前50001个字）。内容较多时请分件申请，或以附件形式提交。"
    ]


def test_it_refuses_bad_contact_data(organ):
    errors = refused(organ, person_data(phone="abc", email="not-an-email", postcode="41"))
    assert set(errors) == {"phone", "email", "postcode"}


def test_it_refuses_unknown_kinds_and_delivery_forms(organ):
    errors = refused(organ, person_data(kind="alien", delivery_form="pigeon"))
    assert {"kind", "delivery_form"} <= set(errors)


def test_it_accepts_organisations_with_a_valid_uscc(organ):
    application = register(organ, org_data())
    assert application.applicant.kind == "business"
    assert application.applicant.id_number_masked == "914301********JQ9D"
