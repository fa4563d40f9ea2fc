"""Every write on enquiries and the mailbox. Each action checks permission and state and writes its row
with who and when (`gongkai.core.clock`, so imports and the demo can record past enquiries), in one
transaction. `actor=None` is the public portal (online submissions)."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.applications import pii
from gongkai.applications.intake import CODE_ALPHABET, normalize_phone
from gongkai.core import clock
from gongkai.enquiries.models import Channel, Enquiry, Kind, Status
from gongkai.organs.permissions import Perm, require

QUESTION_MAX = 3000
TOPIC_MAX = Enquiry._meta.get_field("topic").max_length
NAME_MAX = 50
CODE_PREFIX = {Kind.ENQUIRY: "ZX", Kind.REPORT: "JB", Kind.COMPLAINT: "TS"}


def new_tracking_code(kind: str, year: int) -> str:
    """ZX/JB/TS-<year>-XXXX-XXXX over the alphabet of application tracking codes."""
    while True:
        body = "".join(secrets.choice(CODE_ALPHABET) for _i in range(8))
        code = f"{CODE_PREFIX[kind]}-{year:04d}-{body[:4]}-{body[4:]}"
        if not Enquiry.objects.filter(tracking_code=code).exists():
            return code


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _check_question(topic: str, question: str, errors: dict) -> None:
    if len(topic) > TOPIC_MAX:
        errors.setdefault("topic", []).append(_("主题不能超过%(max)d个字。") % {"max": TOPIC_MAX})
    if not question:
        errors.setdefault("question", []).append(_("请填写内容。"))
    elif len(question) > QUESTION_MAX:
        errors.setdefault("question", []).append(_("内容不能超过%(max)d个字。") % {"max": QUESTION_MAX})


@transaction.atomic
def do_log_enquiry(*, organ, actor, channel: str, topic: str, question: str, answer: str = "") -> Enquiry:
    """A consultation at the counter or on the phone (or an online one typed in by staff), logged with its
    answer when given. Logged by handlers of the organ."""
    if actor is not None:  # None: the system itself (imports, demo data)
        require(actor, Perm.HANDLE, organ)
    topic, question, answer = _text(topic), _text(question), _text(answer)
    errors: dict = {}
    if channel not in Channel.values:
        errors["channel"] = [_("请选择咨询渠道。")]
    _check_question(topic, question, errors)
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    return Enquiry.objects.create(
        organ=organ,
        kind=Kind.ENQUIRY,
        channel=channel,
        topic=topic,
        question=question,
        answer=answer,
        status=Status.ANSWERED if answer else Status.OPEN,
        asked_at=now,
        logged_by=actor,
        answered_at=now if answer else None,
        answered_by=actor if answer else None,
    )


@transaction.atomic
def do_submit_online(
    *, organ, kind: str, name: str, phone: str, topic: str, question: str, consent_publish: bool
) -> Enquiry:
    """An online enquiry, report or complaint from the portal; it gets a tracking code. The phone is
    the contact and its last 4 digits the second factor of the status lookup."""
    name, topic, question = _text(name), _text(topic), _text(question)
    phone = normalize_phone(_text(phone))
    errors: dict = {}
    if kind not in Kind.values:
        errors["kind"] = [_("请选择类别。")]
    if len(name) > NAME_MAX:
        errors["name"] = [_("姓名不能超过%(max)d个字。") % {"max": NAME_MAX}]
    if not phone:
        errors["phone"] = [_("请填写联系电话，查询答复时需要其后4位。")]
    elif not re.fullmatch(r"\+?\d{7,20}", phone):
        errors["phone"] = [_("联系电话应为7至20位数字。")]
    _check_question(topic, question, errors)
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    return Enquiry.objects.create(
        organ=organ,
        kind=kind,
        channel=Channel.ONLINE,
        tracking_code=new_tracking_code(kind, timezone.localdate(now).year),
        topic=topic,
        question=question,
        name_encrypted=pii.encrypt(name) if name else "",
        contact_encrypted=pii.encrypt(phone),
        phone_last4=phone[-4:],
        consent_publish=bool(consent_publish) and kind == Kind.ENQUIRY,
        asked_at=now,
    )


@transaction.atomic
def do_answer(enquiry: Enquiry, *, actor, answer: str) -> Enquiry:
    """Answer (or correct the answer of) an enquiry, report or complaint."""
    if actor is not None:  # None: the system itself (imports, demo data)
        require(actor, Perm.HANDLE, enquiry.organ)
    answer = _text(answer)
    if not answer:
        raise ValidationError({"answer": [_("请填写答复内容。")]})
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    enquiry.answer = answer
    enquiry.status = Status.ANSWERED
    enquiry.answered_at = clock.now()
    enquiry.answered_by = actor
    enquiry.save(update_fields=["answer", "status", "answered_at", "answered_by"])
    return enquiry
