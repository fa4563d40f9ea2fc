import pytest

from gongkai.applications.fees import FeeBasis, item_price, per_item_fee, per_page_fee


def test_it_charges_35_items_in_a_month_20_at_100_and_5_at_200_yuan():
    # DOMAIN §3 writes "20×100 + 5×200 = 2,500 元"; the terms are those of 国办函〔2020〕109号 art 4, and
    # their sum is 3,000 元.
    fee = per_item_fee(previous=0, items=35)
    assert fee.total == 20 * 100 + 5 * 200 == 3000
    assert [(line.first, line.last, line.unit_price, line.amount) for line in fee.lines] == [
        (1, 10, 0, 0),
        (11, 30, 100, 2000),
        (31, 35, 200, 1000),
    ]


def test_it_charges_250_pages_4700_yuan_line_by_line():
    fee = per_page_fee(250)
    assert fee.total == 4700
    assert fee.basis == FeeBasis.PER_PAGE
    assert fee.as_text_lines() == [
        "第1–30页：30页 × 0元 = 0元",
        "第31–100页：70页 × 10元 = 700元",
        "第101–200页：100页 × 20元 = 2000元",
        "第201–250页：50页 × 40元 = 2000元",
        "合计：4700元",
    ]


def test_it_charges_each_item_at_its_position_in_the_month():
    assert per_item_fee(previous=9).total == 0
    assert per_item_fee(previous=10).total == 100
    assert per_item_fee(previous=34).total == 200
    assert [item_price(n) for n in (10, 11, 30, 31, 40, 41, 51)] == [0, 100, 100, 200, 200, 300, 400]
    # the month total is the sum of its applications
    assert sum(per_item_fee(previous=n).total for n in range(35)) == per_item_fee(0, 35).total


def test_it_is_free_up_to_30_pages():
    assert per_page_fee(30).total == 0
    assert per_page_fee(31).total == 10


def test_it_refuses_nonsense_quantities():
    with pytest.raises(ValueError):
        per_page_fee(0)
    with pytest.raises(ValueError):
        per_item_fee(previous=-1)
