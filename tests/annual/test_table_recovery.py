"""Table recovery on each extraction layout, with our own fixture reports (tests/annual/fixtures/)."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.annual.audit.report import audit_text
from gongkai.annual.audit.tables import AMBIGUOUS, INCONSISTENT, OK, UNREADABLE, read_int_row, split_run

FIXTURES = Path(__file__).parent / "fixtures"
ZERO = [0] * 7


def audit(name):
    return audit_text((FIXTURES / name).read_text())


def test_the_issue_example_splits_into_seven_cells():
    assert split_run(["110000011"], [7]) == [(1, 10, 0, 0, 0, 0, 11), (11, 0, 0, 0, 0, 0, 11)]
    row = read_int_row("new", (0, 9), "110000011", [7])
    assert row.status == AMBIGUOUS


def test_a_cell_never_has_a_leading_zero():
    assert split_run(["0200002"], [7]) == [(0, 2, 0, 0, 0, 0, 2)]


def test_whitespace_is_a_boundary_no_cell_crosses():
    # pingtan-xzspj-2019 prints `10 0 00 0 1`: fewer separators than cells, but never inside a cell
    assert split_run(["10", "0", "00", "0", "1"], [7]) == [(1, 0, 0, 0, 0, 0, 1)]
    assert read_int_row("new", (0, 1), " 10 0 00 0 1", [7]).value == [1, 0, 0, 0, 0, 0, 1]


def test_as_many_separated_numbers_as_cells_are_taken_as_printed():
    row = read_int_row("granted", (0, 1), "5 0 0 0 0 0 6", [7])
    assert (row.status, row.value) == (OK, [5, 0, 0, 0, 0, 0, 6])


def test_digits_no_split_can_make_consistent_are_a_real_error():
    assert read_int_row("granted", (0, 1), "3000004", [7]).status == INCONSISTENT


def test_too_few_digits_is_unreadable_not_an_error():
    assert read_int_row("granted", (0, 1), "| 1 | 0 | 0 |", [7]).status == UNREADABLE


def test_table4_splits_into_three_consistent_groups():
    # pingtan-zhsyq-2024: `21317000001324019`
    assert split_run(["21317000001324019"], [5, 5, 5]) == [(2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19)]


def test_concatenated_2021_report_is_recovered_and_clean():
    result = audit("f2021-clean-concatenated.txt")
    assert (result["format"], result["year"]) == ("2021", 2023)
    rows = result["tables"]["table3"]["rows"]
    assert len(rows) == 25
    # `110000011` alone reads two ways; 一 + 二 = 三（七）+ 四 per column keeps (11, 0, …)
    assert rows["new"] == [11, 0, 0, 0, 0, 0, 11]
    assert rows["total"] == [12, 0, 0, 0, 0, 0, 12]
    assert rows["carried_out"] == [1, 0, 0, 0, 0, 0, 1]
    assert result["tables"]["table3"]["ambiguous_rows"] == {}
    assert result["tables"]["table4"] == [1, 0, 0, 1, 2] + [0] * 10
    assert result["tables"]["table2"]["rows"]["normative_documents"] == [3, 1, 2]
    assert result["tables"]["table2"]["rows"]["fees"] == [12.5]
    assert result["findings"] == []


def test_one_cell_per_line_2019_report_is_recovered_and_clean():
    result = audit("f2019-clean-one-cell-per-line.txt")
    assert (result["format"], result["year"]) == ("2019", 2020)
    rows = result["tables"]["table3"]["rows"]
    assert len(rows) == 23
    assert rows["new"] == [3, 1, 0, 0, 0, 0, 4]
    assert rows["granted"] == [2, 1, 0, 0, 0, 0, 3]
    assert rows["other"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["carried_out"] == ZERO
    assert result["tables"]["table4"] == [0] * 15
    t2 = result["tables"]["table2"]["rows"]
    assert t2["licensing"] == [12, -1, 30]
    assert t2["procurement"] == [2, 35.6]
    assert result["findings"] == []


def test_one_row_per_line_with_spaces_is_recovered_as_printed():
    rows = audit("f2021-errors-spaced.txt")["tables"]["table3"]["rows"]
    assert rows["granted"] == [5, 0, 0, 0, 0, 0, 6]
    assert rows["carried_out"] == [1, 1, 0, 0, 0, 0, 2]
    assert rows["total"] == [11, 1, 0, 0, 0, 0, 12]


def test_rows_the_identities_cannot_decide_are_reported_as_ambiguous():
    result = audit("f2021-ambiguous-concatenated.txt")
    t3 = result["tables"]["table3"]
    # withheld_5 and withheld_6 both print `110000011`; the totals say 12 + 10, which either order gives
    readings = [[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]
    assert t3["ambiguous_rows"] == {
        "withheld_5": {"text": "110000011", "readings": readings},
        "withheld_6": {"text": "110000011", "readings": readings},
    }
    assert "withheld_5" not in t3["rows"]
    assert t3["rows"]["unable_1"] == [10, 0, 0, 0, 0, 0, 10]
    assert t3["rows"]["new"] == [22, 10, 0, 0, 0, 0, 32]
    ambiguous = [f for f in result["findings"] if f["rule"] == "table.ambiguous"]
    assert [f["excerpt"] for f in ambiguous] == [
        "5.属于三类内部事务信息110000011",
        "6.属于四类过程性信息110000011",
    ]


@pytest.mark.parametrize("layout", ["concatenated", "spaced", "one per line", "markdown"])
def test_each_layout_of_the_same_row_reads_the_same(layout):
    cells = [4, 1, 0, 0, 2, 0, 7]
    run = {
        "concatenated": "4100207",
        "spaced": " 4 1 0 0 2 0 7",
        "one per line": "\n4\n1\n0\n0\n2\n0\n7\n",
        "markdown": " | 4 | 1 | 0 | 0 | 2 | 0 | 7 |",
    }[layout]
    assert read_int_row("new", (0, 1), run, [7]).value == cells


@given(st.lists(st.integers(min_value=0, max_value=999), min_size=6, max_size=6))
def test_concatenated_digits_always_include_the_true_reading(parts):
    row = (*parts, sum(parts))
    digits = "".join(map(str, row))
    readings = split_run([digits], [7])
    assert row in readings
    for reading in readings:
        assert "".join(map(str, reading)) == digits
        assert reading[6] == sum(reading[:6])
