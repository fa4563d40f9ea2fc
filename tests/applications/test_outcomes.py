from gongkai.applications.outcomes import OUTCOMES, TRIAL_2019_ROWS, Outcome, info, to_trial_2019


def test_it_has_exactly_the_rows_of_the_2021_report():
    expected = (
        ["granted", "partial"]
        + [f"withheld_{i}" for i in range(1, 9)]
        + [f"unable_{i}" for i in range(1, 4)]
        + [f"not_processed_{i}" for i in range(1, 6)]
        + [f"other_{i}" for i in range(1, 4)]
    )
    assert list(OUTCOMES) == expected == list(Outcome.values)


def test_it_labels_rows_as_the_report_does():
    assert info("withheld_3").row_label == "3.危及“三安全一稳定”"
    assert info("unable_2").row_label == "2.没有现成信息需要另行制作"
    assert info("other_1").row_label.startswith("1.申请人无正当理由逾期不补正")
    assert info("partial").group_label.startswith("（二）部分公开")
    assert info("withheld_4").article == "第十五条"
    assert Outcome.NOT_PROCESSED_2.label == "不予处理：重复申请"


def test_it_collapses_other_rows_for_the_2019_trial_format():
    assert {to_trial_2019(f"other_{i}") for i in (1, 2, 3)} == {"other"}
    assert to_trial_2019("withheld_8") == "withheld_8"
    assert TRIAL_2019_ROWS[-1] == "other" and len(TRIAL_2019_ROWS) == 19
