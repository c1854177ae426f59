"""How the confidential trainer chooses its threshold and folds (on small made-up arrays)."""

from __future__ import annotations

import numpy as np
import pytest

from screening.training.confidential import MAX_CLEAN_FLAG_RATE, _folds, choose_threshold


@pytest.mark.parametrize(("clean_scores", "expected"), [
    ([0.1] * 200, 0.5),  # no clean row scores high: the lowest threshold of the grid
    ([0.1] * 198 + [0.7, 0.8], 0.5),  # 1% of clean rows at 0.7 or above is within budget
    ([0.1] * 196 + [0.7, 0.8, 0.9, 0.93], 0.81),  # 4 high clean rows: only two may pass
])
def test_threshold_is_the_lowest_within_the_clean_flag_budget(clean_scores: list[float], expected: float) -> None:
    p_leak = np.array(clean_scores + [0.99] * 50)
    is_leak = np.array([False] * len(clean_scores) + [True] * 50)
    chosen, table = choose_threshold(p_leak, is_leak)
    assert chosen == expected
    assert table[str(chosen)]["clean_flag_rate"] <= MAX_CLEAN_FLAG_RATE


def test_folds_keep_every_fill_of_a_template_together() -> None:
    labels = np.array(["none", "embargo"] * 50)
    groups = np.array([f"t{i // 4}" for i in range(100)])
    for _, scored in _folds(labels, groups):
        held = set(groups[scored].tolist())
        assert all(set(np.flatnonzero(groups == g)) <= set(scored.tolist()) for g in held)
