"""Applicants' personal information: ID numbers encrypted at rest (Fernet), a keyed hash for finding the same
applicant again, masking for display, and the checksums of 居民身份证号码 (GB 11643-1999).

The key is settings.PII_KEY (urlsafe base64 of 32 bytes); when empty it is derived from SECRET_KEY.
"""

import base64
import datetime as dt
import hashlib
import hmac
import re

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from gongkai.organs.validators import is_valid_uscc

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK = "10X98765432"
_RESIDENT_ID_RE = re.compile(r"^\d{17}[\dX]$")
_PASSPORT_RE = re.compile(r"^[A-Z0-9]{5,20}$")


def _key_material() -> bytes:
    configured = settings.PII_KEY
    if configured:
        return configured.encode()
    digest = hashlib.sha256(b"gongkai-pii-encryption:" + settings.SECRET_KEY.encode()).digest()
    return base64.urlsafe_b64encode(digest)


def _fernet() -> Fernet:
    try:
        return Fernet(_key_material())
    except ValueError as exc:
        raise ImproperlyConfigured("GONGKAI_PII_KEY must be urlsafe base64 of 32 bytes") from exc


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured("cannot decrypt personal data: wrong GONGKAI_PII_KEY") from exc


def lookup_hash(value: str) -> str:
    """A keyed hash of a normalised identifier: equal values give equal hashes, the value is not recoverable."""
    if not value:
        return ""
    key = hashlib.sha256(b"gongkai-pii-lookup:" + _key_material()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def mask(value: str) -> str:
    """First 6 and last 4 characters kept (ID numbers); shorter values keep only their last 2."""
    if not value:
        return ""
    if len(value) > 10:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    return "*" * max(len(value) - 2, 1) + value[-2:] if len(value) > 2 else "*" * len(value)


def normalize_id(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def resident_id_check_char(first17: str) -> str:
    return RESIDENT_ID_CHECK[
        sum(int(ch) * w for ch, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True)) % 11
    ]


def is_valid_resident_id(number: str) -> bool:
    if not _RESIDENT_ID_RE.match(number):
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return resident_id_check_char(number[:17]) == number[17]


def validate_resident_id(number: str) -> None:
    if not _RESIDENT_ID_RE.match(number):
        raise ValidationError(_("居民身份证号码应为18位：17位数字加1位数字或X。"), code="resident_id_format")
    if not is_valid_resident_id(number):
        raise ValidationError(_("居民身份证号码校验不通过，请核对后重新填写。"), code="resident_id_checksum")


def validate_uscc(code: str) -> None:
    if len(code) != 18 or not is_valid_uscc(code):
        raise ValidationError(
            _("统一社会信用代码应为18位且校验位正确，请核对后重新填写。"), code="uscc_checksum"
        )


def validate_passport(number: str) -> None:
    if not _PASSPORT_RE.match(number):
        raise ValidationError(_("证件号码应为5至20位字母或数字。"), code="passport_format")
