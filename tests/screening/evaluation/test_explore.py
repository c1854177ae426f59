"""The evaluation tables the notebook shows: thresholds, confusion, fairness slices, small data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from screening.evaluation import explore


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "gold": [True, True, True, False, False, False],
        "score": [0.9, 0.6, 0.2, 0.7, 0.1, 0.0],
        "identity_mention": [True, False, False, True, True, False],
        "counter_speech": [False, False, False, True, False, False],
        "source": ["f"] * 6, "id": list("abcdef"), "text": list("abcdef"),
    })


def test_threshold_table_counts_precision_recall_and_flag_rate():
    table = explore.threshold_table(frame(), [0.5])
    row = table.loc[0.5]
    assert (row.precision, row.recall, row.flag_rate, row.false_positives, row.missed) == (
        pytest.approx(2 / 3, abs=1e-4), pytest.approx(2 / 3, abs=1e-4), 0.5, 1, 1)


def test_confusion_rows_are_gold_and_columns_predictions():
    assert explore.confusion(frame(), 0.5).to_numpy().tolist() == [[2, 1], [1, 2]]


def test_slice_table_compares_false_alarms_inside_and_outside_a_slice():
    table = explore.slice_table(frame(), 0.5).set_index(["slice", "in_slice"])
    assert table.loc[("identity_mention", True), "false_positive_rate"] == 0.5
    assert table.loc[("identity_mention", False), "false_positive_rate"] == 0.0
    assert table.loc[("counter_speech", True), "false_positive_rate"] == 1.0


def test_misclassified_lists_missed_then_false_alarms():
    errors = explore.misclassified(frame(), 0.5)
    assert list(zip(errors.error, errors.id, strict=True)) == [("missed", "c"), ("false alarm", "d")]


@pytest.mark.parametrize(("text", "identity", "counter"), [
    ("Muslim colleagues are welcome at the prayer room.", True, False),
    ("Calling a colleague that word is unacceptable and we will not tolerate it.", False, True),
    ("Our new welding bay opens on Monday.", False, False),
])
def test_identity_and_counter_speech_cues(text, identity, counter):
    assert explore.identity_mention(text) is identity
    assert explore.counter_speech(text) is counter


def test_counter_speech_also_read_from_the_row_kind():
    assert explore.counter_speech("Plain words.", {"kind": "counter_speech"})


def test_small_copy_thins_long_files_evenly_and_keeps_short_ones(tmp_path: Path):
    source = tmp_path / "data"
    (source / "x").mkdir(parents=True)
    (source / "x" / "long.jsonl").write_text("".join(json.dumps({"i": i}) + "\n" for i in range(100)))
    (source / "x" / "table.csv").write_text("a,b\n" + "".join(f'{i},"multi\nline {i}"\n' for i in range(100)))
    (source / "x" / "mapping.txt").write_text("0 no\n1 yes\n")
    out = explore.small_copy(source, tmp_path / "small" / "data", rows=10)
    kept = [json.loads(line)["i"] for line in (out / "x" / "long.jsonl").read_text().splitlines()]
    assert kept == list(range(0, 100, 10))
    import csv

    with (out / "x" / "table.csv").open(newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["a", "b"] and len(table) == 11 and table[2] == ["10", "multi\nline 10"]
    assert (out / "x" / "mapping.txt").read_text() == "0 no\n1 yes\n"


def test_flatten_keeps_numeric_leaves_and_drops_error_lists():
    assert explore.flatten({"a": {"b": 1, "c": [1]}, "errors": [{"x": 1}], "d": 0.5, "e": None}) == {"a.b": 1, "d": 0.5}
