import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gongkai.organs.actions import do_create_organ
from gongkai.organs.models import Organ
from gongkai.organs.validators import (
    USCC_CHARSET,
    is_valid_org_code,
    is_valid_uscc,
    org_code_check_char,
    uscc_check_char,
    validate_org_code,
)

# Codes as printed on real pages and in the standards' examples (DOMAIN.md §4.4 shows the two 组织机构代码).
REAL_USCC = ["11100000000013127D", "91350100M000100Y43"]
REAL_ORG_CODES = ["000014349", "01527918X"]


@pytest.mark.parametrize("code", REAL_USCC)
def test_it_accepts_real_unified_social_credit_codes(code):
    assert is_valid_uscc(code)


@pytest.mark.parametrize("code", REAL_ORG_CODES)
def test_it_accepts_real_legacy_org_codes(code):
    assert is_valid_org_code(code)


@pytest.mark.parametrize(
    "code", ["11100000000013127E", "1110000000001312", "11100000000013127I", "000014348", "abc"]
)
def test_it_rejects_wrong_codes_with_a_message(code):
    with pytest.raises(ValidationError) as excinfo:
        validate_org_code(code)
    assert code in excinfo.value.messages[0]


uscc_body = st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17)


@given(uscc_body, st.integers(min_value=0, max_value=16), st.sampled_from(USCC_CHARSET))
def test_it_catches_any_single_character_change_in_a_uscc(body, position, replacement):
    code = body + uscc_check_char(body)
    assert is_valid_uscc(code)
    mutated = code[:position] + replacement + code[position + 1 :]
    if mutated != code:
        assert not is_valid_uscc(mutated)


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=8, max_size=8))
def test_it_computes_legacy_check_characters(body):
    assert is_valid_org_code(body + org_code_check_char(body))
    assert is_valid_org_code(f"{body}-{org_code_check_char(body)}")


def test_it_stores_the_normalised_code_and_builds_the_path(db):
    root = do_create_organ(
        actor=None, parent=None, level=Organ.Level.CITY, name="测试市", org_code="11100000000013127d"
    )
    child = do_create_organ(
        actor=None, parent=root, level=Organ.Level.DISTRICT, name="测试区", org_code="00001434-9"
    )
    assert root.org_code == "11100000000013127D"
    assert child.org_code == "000014349"
    assert child.path == f"/{root.pk}/{child.pk}/"
    assert [o.name for o in child.ancestors()] == ["测试市", "测试区"]
    assert set(root.subtree()) == {root, child}


def test_it_refuses_an_unknown_or_duplicate_code_and_saves_nothing(db):
    with pytest.raises(ValidationError):
        do_create_organ(
            actor=None, parent=None, level=Organ.Level.CITY, name="错误", org_code="11100000000013127E"
        )
    do_create_organ(actor=None, parent=None, level=Organ.Level.CITY, name="甲", org_code="11100000000013127D")
    with pytest.raises(ValidationError):
        do_create_organ(
            actor=None, parent=None, level=Organ.Level.CITY, name="乙", org_code="11100000000013127D"
        )
    assert list(Organ.objects.values_list("name", flat=True)) == ["甲"]
