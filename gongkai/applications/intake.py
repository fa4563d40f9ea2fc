"""Intake helpers for `do_register_application`: validation of what the applicant wrote (one message per
field), the receipt date by channel (DOMAIN §1.2), tracking codes and the repeat-application flag."""

import datetime as dt
import difflib
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _

from gongkai.applications import pii
from gongkai.applications.models import (
    ORG_ID_TYPES,
    PERSON_ID_TYPES,
    Applicant,
    ApplicantKind,
    Application,
    Channel,
    DeliveryForm,
    IdType,
)

DESCRIPTION_MAX = 5000
NAME_MAX = Applicant._meta.get_field("name").max_length
ADDRESS_MAX = Applicant._meta.get_field("address").max_length
INFO_TITLE_MAX = Application._meta.get_field("info_title").max_length
DOC_NUMBER_MAX = Application._meta.get_field("info_document_number").max_length
CONTACT_PERSON_MAX = Applicant._meta.get_field("contact_person").max_length

# Tracking codes: GK-<year>-XXXX-XXXX over 31 characters without 0/O, 1/I/L (31^8 ≈ 8.5×10^11 per year).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_RE = re.compile(rf"^GK-\d{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


# Repeat applications: same applicant, description at least this similar, within this many days
# (settings.APPLICATION_REPEAT_WINDOW_DAYS / APPLICATION_REPEAT_THRESHOLD, from the environment).
def repeat_window_days() -> int:
    return settings.APPLICATION_REPEAT_WINDOW_DAYS


def repeat_threshold() -> float:
    return settings.APPLICATION_REPEAT_THRESHOLD


def new_tracking_code(year: int) -> str:
    while True:
        body = "".join(secrets.choice(CODE_ALPHABET) for _i in range(8))
        code = f"GK-{year:04d}-{body[:4]}-{body[4:]}"
        if not Application.objects.filter(tracking_code=code).exists():
            return code


def normalize_tracking_code(code: str) -> str:
    return re.sub(r"\s", "", code or "").upper()


def normalize_phone(phone: str) -> str:
    return re.sub(r"[\s\-()（）]", "", phone or "")


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    return "" if value is None else str(value).strip()


def clean_applicant(data: dict, errors: dict) -> dict:
    """The Applicant fields (ID number still in clear under `id_number`), errors added per field."""

    def error(field, message):
        errors.setdefault(field, []).append(message)

    kind = _text(data, "kind")
    if kind not in ApplicantKind.values:
        error("kind", _("请选择申请人类型。"))
    name = _text(data, "name")
    if not name:
        error("name", _("请填写申请人姓名或名称。"))
    elif len(name) > NAME_MAX:
        error("name", _("姓名或名称不能超过%(max)d个字。") % {"max": NAME_MAX})
    contact_person = _text(data, "contact_person")
    if len(contact_person) > CONTACT_PERSON_MAX:
        error("contact_person", _("联系人不能超过%(max)d个字。") % {"max": CONTACT_PERSON_MAX})
    id_type = _text(data, "id_type") or (IdType.RESIDENT_ID if kind == ApplicantKind.PERSON else IdType.USCC)
    id_number = pii.normalize_id(_text(data, "id_number"))
    if kind in ApplicantKind.values:
        allowed = PERSON_ID_TYPES if kind == ApplicantKind.PERSON else ORG_ID_TYPES
        if id_type not in allowed:
            error("id_type", _("该类型的申请人不能使用此证件类型。"))
    if not id_number:
        error("id_number", _("请填写身份证明的证件号码（条例第二十九条）。"))
    else:
        validator = {
            IdType.RESIDENT_ID: pii.validate_resident_id,
            IdType.USCC: pii.validate_uscc,
        }.get(id_type, pii.validate_passport)
        try:
            validator(id_number)
        except ValidationError as exc:
            errors.setdefault("id_number", []).extend(exc.messages)
    phone = normalize_phone(_text(data, "phone"))
    if not phone:
        error("phone", _("请填写联系电话。"))
    elif not re.fullmatch(r"\+?\d{7,20}", phone):
        error("phone", _("联系电话应为7至20位数字。"))
    email = _text(data, "email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("电子邮箱格式不正确。"))
    address = _text(data, "address")
    if len(address) > ADDRESS_MAX:
        error("address", _("通信地址不能超过%(max)d个字。") % {"max": ADDRESS_MAX})
    postcode = _text(data, "postcode")
    if postcode and not re.fullmatch(r"\d{6}", postcode):
        error("postcode", _("邮政编码应为6位数字。"))
    return {
        "kind": kind,
        "name": name,
        "contact_person": contact_person,
        "id_type": id_type,
        "id_number": id_number,
        "phone": phone,
        "email": email,
        "address": address,
        "postcode": postcode,
    }


def clean_request(data: dict, errors: dict) -> dict:
    """The Application fields describing what is asked for."""

    def error(field, message):
        errors.setdefault(field, []).append(message)

    description = _text(data, "description")
    if not description:
        error("description", _("请描述所需的政府信息（名称、文号或便于查询的其他特征）。"))
    elif len(description) > DESCRIPTION_MAX:
        error(
            "description",
            _("信息描述不能超过%(max)d个字（当前%(n)d个字）。内容较多时请分件申请，或以附件形式提交。")
            % {"max": DESCRIPTION_MAX, "n": len(description)},
        )
    info_title = _text(data, "info_title")
    if len(info_title) > INFO_TITLE_MAX:
        error("info_title", _("信息名称不能超过%(max)d个字。") % {"max": INFO_TITLE_MAX})
    info_document_number = _text(data, "info_document_number")
    if len(info_document_number) > DOC_NUMBER_MAX:
        error("info_document_number", _("文号不能超过%(max)d个字。") % {"max": DOC_NUMBER_MAX})
    delivery_form = _text(data, "delivery_form")
    if delivery_form not in DeliveryForm.values:
        error("delivery_form", _("请选择获取信息的方式。"))
    return {
        "description": description,
        "info_title": info_title,
        "info_document_number": info_document_number,
        "delivery_form": delivery_form,
    }


def receipt_date(
    channel: str,
    submitted_on: dt.date,
    signed_on: dt.date | None,
    confirmed_on: dt.date | None,
    today: dt.date,
    errors: dict,
) -> dt.date | None:
    """The receipt date by channel (art 31, F207, F19), or None while the receipt awaits confirmation."""

    def error(field, message):
        errors.setdefault(field, []).append(message)

    if channel not in Channel.values:
        error("channel", _("请选择申请渠道。"))
        return None
    if submitted_on > today:
        error("submitted_on", _("提交日期不能晚于今天。"))
    if channel == Channel.IN_PERSON:
        return submitted_on
    if channel == Channel.SIGNED_MAIL:
        if signed_on is None:
            error("signed_on", _("邮政寄送（签收）的申请须填写签收日期：签收之日为收到申请之日。"))
            return None
        if signed_on < submitted_on or signed_on > today:
            error("signed_on", _("签收日期应在寄出日期与今天之间。"))
        return signed_on
    if confirmed_on is not None and (confirmed_on < submitted_on or confirmed_on > today):
        error("confirmed_on", _("确认收到日期应在提交日期与今天之间。"))
    return confirmed_on


def find_repeat(organ, id_hash: str, phone_hash: str, description: str, today: dt.date):
    """(earlier application, similarity) when the same applicant asked something similar recently."""
    since = today - dt.timedelta(days=repeat_window_days())
    same = Application.objects.filter(organ=organ, submitted_on__gte=since)
    keys = [("applicant__id_number_hash", id_hash), ("applicant__phone_hash", phone_hash)]
    query = Q(pk__in=[])
    for field, value in keys:
        if value:
            query |= Q(**{field: value})
    best, best_ratio = None, 0.0
    threshold = repeat_threshold()
    for earlier in same.filter(query).only("pk", "description").order_by("-submitted_on", "-pk")[:200]:
        ratio = difflib.SequenceMatcher(None, earlier.description, description, autojunk=False).ratio()
        if ratio >= threshold and ratio > best_ratio:
            best, best_ratio = earlier, ratio
    return best, (round(best_ratio, 3) if best else None)
