"""Format schemas: the row/column keys the generator and the auditor share, and the identity evaluator."""

import copy

import pytest

from gongkai.annual.formats import by_name, evaluate, for_year
from gongkai.annual.formats.common import table4_flat, table4_from_flat

COLUMNS = ["person", "business", "research", "nonprofit", "legal_service", "other_org", "total"]


def keys_2021():
    return (
        ["new", "carried_in", "granted", "partial"]
        + [f"withheld_{i}" for i in range(1, 9)]
        + [f"unable_{i}" for i in range(1, 4)]
        + [f"not_processed_{i}" for i in range(1, 6)]
        + ["other_1", "other_2", "other_3", "total", "carried_out"]
    )


def test_it_selects_the_format_by_report_year():
    assert for_year(2012).name == "legacy"
    assert for_year(2018).name == "legacy"
    assert for_year(2019).name == "2019"
    assert for_year(2020).name == "2019"
    assert for_year(2021).name == "2021"
    assert for_year(2025).name == "2021"
    assert by_name("legacy") is for_year(2016)
    with pytest.raises(KeyError):
        by_name("2008")


def test_it_names_table3_rows_and_columns_in_template_order():
    t21 = by_name("2021").table("table3")
    assert list(t21.row_keys) == keys_2021()
    assert list(t21.column_keys) == COLUMNS
    t19 = by_name("2019").table("table3")
    expected_19 = [k for k in keys_2021() if not k.startswith("other_")]
    expected_19.insert(expected_19.index("total"), "other")
    assert list(t19.row_keys) == expected_19
    assert [c.label for c in t19.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]


def test_it_declares_table2_per_format_with_a_decimal_fee_amount():
    t2 = by_name("2021").table("table2")
    assert list(t2.row_keys) == [
        "regulations", "normative_documents", "licensing", "penalty", "enforcement", "fees",
    ]  # fmt: skip
    assert [c.type for c in t2.columns_of(t2.row("fees"))] == ["decimal"]
    t19 = by_name("2019").table("table2")
    assert "procurement" in t19.row_keys and "other_services" in t19.row_keys
    assert [c.type for c in t19.columns_of(t19.row("licensing"))] == ["int", "signed_int", "int"]


def test_table4_has_fifteen_cells_in_three_groups():
    flat = list(range(15))
    assert table4_flat(table4_from_flat(flat)) == flat
    assert list(by_name("2021").table("table4").row_keys) == [
        "review",
        "lawsuit_direct",
        "lawsuit_after_review",
    ]


def consistent_2021():
    """A hand-filled 2021 table 3 and table 4 where every identity holds."""
    zero = [0] * 7
    t3 = {k: list(zero) for k in keys_2021()}
    t3["new"] = [10, 2, 0, 1, 0, 0, 13]
    t3["carried_in"] = [3, 0, 0, 0, 0, 0, 3]
    t3["granted"] = [6, 1, 0, 1, 0, 0, 8]
    t3["partial"] = [2, 0, 0, 0, 0, 0, 2]
    t3["withheld_4"] = [1, 0, 0, 0, 0, 0, 1]
    t3["unable_1"] = [2, 1, 0, 0, 0, 0, 3]
    t3["other_3"] = [1, 0, 0, 0, 0, 0, 1]
    t3["total"] = [12, 2, 0, 1, 0, 0, 15]
    t3["carried_out"] = [1, 0, 0, 0, 0, 0, 1]
    t4 = table4_from_flat([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1])
    return {"table3": t3, "table4": t4}


def test_identities_hold_on_a_consistent_table():
    assert evaluate(by_name("2021"), consistent_2021()) == []


def test_it_names_the_broken_row_total():
    tables = consistent_2021()
    tables["table3"]["granted"][6] = 9  # total column says 9, parts make 8
    failures = evaluate(by_name("2021"), tables)
    row = [f for f in failures if f.identity == "table3.row_total"]
    assert [(f.where, f.expected, f.found) for f in row] == [("granted", 8, 9)]
    # the same cell also breaks 三（七）= Σ outcomes in the total column
    assert {(f.identity, f.where) for f in failures} == {
        ("table3.row_total", "granted"),
        ("table3.outcomes", "total"),
    }


def test_it_names_the_broken_balance_column():
    tables = consistent_2021()
    tables["table3"]["carried_out"] = [2, 0, 0, 0, 0, 0, 2]
    failures = evaluate(by_name("2021"), tables)
    assert {(f.identity, f.where) for f in failures} == {
        ("table3.balance", "person"),
        ("table3.balance", "total"),
    }
    person = next(f for f in failures if f.where == "person")
    assert (person.expected, person.found) == (13, 14)


def test_it_names_the_broken_table4_group():
    tables = consistent_2021()
    tables["table4"]["lawsuit_after_review"] = [1, 0, 0, 0, 2]
    failures = evaluate(by_name("2021"), tables)
    assert [(f.identity, f.where, f.expected, f.found) for f in failures] == [
        ("table4.group_total", "lawsuit_after_review", 1, 2)
    ]


def test_2019_sums_outcomes_over_the_single_other_row():
    tables = consistent_2021()
    t3 = {k: v for k, v in tables["table3"].items() if not k.startswith("other_")}
    t3["other"] = tables["table3"]["other_3"]
    assert evaluate(by_name("2019"), {"table3": t3}) == []
    broken = copy.deepcopy(t3)
    broken["other"] = [0] * 7
    assert {f.identity for f in evaluate(by_name("2019"), {"table3": broken})} == {"table3.outcomes"}


def test_a_partly_filled_table_is_checked_as_far_as_it_goes():
    t3 = {"new": [1, 0, 0, 0, 0, 0, 2]}
    failures = evaluate(by_name("2021"), {"table3": t3})
    assert [(f.identity, f.where) for f in failures] == [("table3.row_total", "new")]
