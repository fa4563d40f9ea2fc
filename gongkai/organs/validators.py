"""Organisation codes: 统一社会信用代码 (GB 32100-2015) and the legacy 组织机构代码 (GB 11714-1997)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARSET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    total = sum(int(ch, 36) * w for ch, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def is_valid_uscc(code: str) -> bool:
    return (
        len(code) == 18 and all(ch in USCC_CHARSET for ch in code) and uscc_check_char(code[:17]) == code[17]
    )


def is_valid_org_code(code: str) -> bool:
    body = code.replace("-", "")
    return (
        len(body) == 9
        and body[:8].isalnum()
        and body[:8].isascii()
        and body[:8] == body[:8].upper()
        and org_code_check_char(body[:8]) == body[8]
    )


def normalize_org_code(code: str) -> str:
    return code.strip().upper().replace("-", "")


def validate_org_code(code: str) -> None:
    """Accept an 18-character 统一社会信用代码 or a 9-character 组织机构代码 with a correct check character."""
    normalized = normalize_org_code(code)
    if len(normalized) == 18:
        if not is_valid_uscc(normalized):
            raise ValidationError(
                _("统一社会信用代码“%(code)s”校验位不正确或含有非法字符。"),
                code="uscc",
                params={"code": code},
            )
    elif len(normalized) == 9:
        if not is_valid_org_code(normalized):
            raise ValidationError(
                _("组织机构代码“%(code)s”校验位不正确。"), code="org_code", params={"code": code}
            )
    else:
        raise ValidationError(
            _("机构代码应为18位统一社会信用代码或9位组织机构代码，收到“%(code)s”。"),
            code="org_code_length",
            params={"code": code},
        )
