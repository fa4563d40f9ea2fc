"""Chinese numerals ↔ integers, and amounts as reports write them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.numerals import parse_amount, parse_chinese, to_chinese


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_it_round_trips_integers(n):
    assert parse_chinese(to_chinese(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十五", 15),
        ("一十五", 15),
        ("一百零四", 104),
        ("一百一十", 110),
        ("两千", 2000),
        ("一万零一", 10001),
        ("三万五千", 35000),
        ("一亿零四百万", 104000000),
        ("廿", 20),
        ("壹佰贰拾", 120),
    ],
)
def test_it_reads_the_usual_forms(text, value):
    assert parse_chinese(text) == value


def test_canonical_forms():
    assert [to_chinese(n) for n in (0, 10, 15, 104, 1001, 100000)] == [
        "零",
        "十",
        "十五",
        "一百零四",
        "一千零一",
        "十万",
    ]


@pytest.mark.parametrize("text", ["", "三次", "abc", "一二"])
def test_it_rejects_what_is_not_a_numeral(text):
    with pytest.raises(ValueError):
        parse_chinese(text)


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [
        ("5万余", Decimal(50000), True),
        ("1.2亿", Decimal(120000000), False),
        ("104", Decimal(104), False),
        ("3,000多", Decimal(3000), True),
        ("一百零四", Decimal(104), False),
        ("近两千", Decimal(2000), True),
    ],
)
def test_it_reads_amounts(text, value, approximate):
    amount = parse_amount(text)
    assert (amount.value, amount.approximate) == (value, approximate)


def test_it_rejects_a_negative_or_oversized_integer():
    with pytest.raises(ValueError):
        to_chinese(-1)
    with pytest.raises(ValueError):
        to_chinese(10**16)
