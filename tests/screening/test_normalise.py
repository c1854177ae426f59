from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.normalise import normalise


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("i\u200bd\u200ci\u200do\u2060t", "idiot"),  # zero-width splitting
        ("\u0456d\u0456\u043et", "idiot"),  # Cyrillic homoglyphs
        ("ｉｄｉｏｔ", "idiot"),  # full-width
        ("ﬁne", "fine"),  # ligature
        ("café", "cafe"),  # precomposed accent
        ("cafe\u0301", "cafe"),  # combining accent
        ("plain ascii stays", "plain ascii stays"),
    ],
)
def test_normalise_folds_evasions(original, expected):
    assert normalise(original).text == expected


def test_span_maps_back_onto_original_across_dropped_characters():
    n = normalise("you are an i\u200bd\u200bi\u200bo\u200bt!")
    start = n.text.index("idiot")
    s, e = n.span(start, start + 5)
    assert n.original[s:e] == "i\u200bd\u200bi\u200bo\u200bt"


def test_span_covers_combining_marks_after_last_letter():
    n = normalise("Jose\u0301 said")
    s, e = n.span(0, 4)
    assert n.original[s:e] == "Jose\u0301"


@given(st.text())
def test_any_unicode_normalises_and_every_span_maps_inside_the_original(text):
    n = normalise(text)
    assert len(n.origin) == len(n.text)
    for start in range(0, len(n.text) + 1, max(1, len(n.text) // 7 or 1)):
        for end in (start, min(len(n.text), start + 3), len(n.text)):
            if end < start:
                continue
            s, e = n.span(start, end)
            assert 0 <= s <= e <= len(text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [(r"contraseña", "la contraseña es"), (r"nur\s+für\s+den", "Nur für den internen Gebrauch"),
     (r"réservé", "réservé à l'équipe"), (r"código", "el código es 1234")],
)
def test_folded_patterns_match_normalised_text(pattern, text):
    import re

    from screening.normalise import compile_folded

    assert re.search(pattern, normalise(text).text, re.IGNORECASE) is None  # the bug this guards against
    assert compile_folded(pattern, re.IGNORECASE).search(normalise(text).text)
