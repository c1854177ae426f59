"""Evasion: homoglyphs, zero-width characters, compatibility forms, combining marks, leetspeak and
spaced-out letters still get caught, and every finding's offsets point into the *original* text
(the slice is exactly what the author typed, invisible characters included).

The normaliser folds the character-level tricks for every detector; leetspeak and spaced letters
are word-level and are read by the lexical offensive detector, so those cases run only when the
policy names it (``offensive.minilm.v1``). Digits are never folded globally: phone numbers and
identifiers stay intact.
"""

from __future__ import annotations

import pytest

from screening.normalise import normalise

pytestmark = pytest.mark.model

OFFENSIVE_DETECTOR = "offensive.minilm.v1"

# (draft, the part of the original text the offensive finding must cover)
OFFENSIVE_EVASIONS = [
    ("you are an idiot", "idiot"),
    ("you are an 1d10t", "1d10t"),
    ("f u c k you", "f u c k"),
    ("f.u.c.k this meeting", "f.u.c.k"),
    ("you are an \u0456d\u0456\u043et", "\u0456d\u0456\u043et"),  # Cyrillic і and о
    ("you are an i\u200bd\u200bi\u200bo\u200bt", "i\u200bd\u200bi\u200bo\u200bt"),  # zero-width spaces
    ("you are an ｉｄｉｏｔ", "ｉｄｉｏｔ"),  # full-width
    ("you are an i\u0301d\u0301i\u0301o\u0301t\u0301", "i\u0301d\u0301i\u0301o\u0301t"),  # combining marks
    ("what a sh1t idea", "sh1t"),
]

# (draft, PII label, the exact original span); each also screened with the evasion undone.
PII_EVASIONS = [
    ("Please call J\u0430ne D\u043ee on 07700 900123 about her complaint.", "PERSON", "J\u0430ne D\u043ee"),
    ("Please call Jane\u200b Doe on 07700 900123 about her complaint.", "PERSON", "Jane\u200b Doe"),
    ("Ring 07700\u200b900123 today.", "UK_PHONE", "07700\u200b900123"),
    ("Ring ０７７００ ９００１２３ today.", "UK_PHONE", "０７７００ ９００１２３"),  # full-width digits
    ("Write to jane.doe\u200b@example.com today.", "EMAIL_ADDRESS", "jane.doe\u200b@example.com"),
]


def _offensive_policy(screener) -> None:
    if OFFENSIVE_DETECTOR not in screener.policy.detectors:
        pytest.skip(f"the policy does not name {OFFENSIVE_DETECTOR} yet (h-toxicity not merged)")


@pytest.mark.parametrize(("draft", "span"), OFFENSIVE_EVASIONS, ids=[c[1] for c in OFFENSIVE_EVASIONS])
def test_offensive_evasions_are_caught_with_offsets_into_the_original(screener, draft, span):
    _offensive_policy(screener)
    result = screener.screen(draft)
    offensive = [f for f in result.findings if f.category == "offensive"]
    assert offensive, f"{draft!r} was not flagged: {result.decision}, scores {result.scores}"
    assert result.decision != "allow"
    start = draft.index(span)
    assert any(f.start <= start and start + len(span.rstrip("\u0301")) <= f.end for f in offensive), \
        [(f.start, f.end, f.text) for f in offensive]
    for finding in result.findings:
        assert draft[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("draft", ["Room 101 opens at 10:30 for the 2024 cohort.",
                                   "Our 1st-year welders scored 88% on the test.",
                                   "Meet in block B3 at 5 for the site visit."])
def test_digits_in_ordinary_drafts_are_not_read_as_leetspeak(screener, draft):
    _offensive_policy(screener)
    assert [f for f in screener.screen(draft).findings if f.category == "offensive"] == []


@pytest.mark.parametrize(("draft", "label", "span"), PII_EVASIONS, ids=[c[1] + str(i) for i, c in enumerate(PII_EVASIONS)])
def test_pii_behind_homoglyphs_and_invisible_characters_is_found_in_the_original(screener, draft, label, span):
    plain = normalise(draft).text
    assert label in {f.label for f in screener.screen(plain).findings}, "the case is wrong: even plain text misses it"
    result = screener.screen(draft)
    found = [f for f in result.findings if f.label == label]
    assert found, f"{label} not found in {draft!r}: {[(f.label, f.text) for f in result.findings]}"
    assert any(f.text == span for f in found), [(f.start, f.end, f.text) for f in found]
    for finding in result.findings:
        assert draft[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("text", ["07700 900123", "AB 12 34 56 C", "SW1A 1AA", "10 0 1 3 5 7", "user@1337.example"])
def test_normaliser_keeps_digits_and_identifiers_intact(text):
    assert normalise(text).text == text


@pytest.mark.parametrize("text", ["J\u0430ne", "i\u200bd\u200bi\u200bo\u200bt", "ｉｄｉｏｔ", "cafe\u0301!", "\u202eabc"])
def test_every_normalised_character_maps_back_to_an_original_one(text):
    normalised = normalise(text)
    assert len(normalised.origin) == len(normalised.text)
    assert list(normalised.origin) == sorted(normalised.origin)
    start, end = normalised.span(0, len(normalised.text))
    assert 0 <= start <= end <= len(text)
