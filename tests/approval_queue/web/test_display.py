"""Word diffs between versions, as the item page renders them."""

from __future__ import annotations

import pytest
from approval_queue.web.display import DiffPiece, word_diff


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a b c", "a b c", [DiffPiece("same", "a b c")]),
    ("call Jane on 0770", "call the office", [DiffPiece("same", "call"), DiffPiece("del", " Jane on 0770"),
                                              DiffPiece("ins", " the office")]),
    ("hello", "hello world", [DiffPiece("same", "hello"), DiffPiece("ins", " world")]),
    ("hello big world", "hello world", [DiffPiece("same", "hello"), DiffPiece("del", " big"),
                                         DiffPiece("same", " world")]),
])
def test_word_diff_marks_removed_and_added_words(old, new, expected):
    assert word_diff(old, new) == expected


def test_word_diff_reassembles_both_texts():
    old, new = "We met Jane Doe at 10.", "We met the visitors at 11 today."
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != "ins") == old
    assert "".join(p.text for p in pieces if p.kind != "del") == new
