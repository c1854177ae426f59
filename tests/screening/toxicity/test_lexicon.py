"""Obfuscation-tolerant lexicon matching: disguised spellings found, innocent words left alone."""

from __future__ import annotations

import pytest

from screening.toxicity.lexicon import Lexicon, Term

LEXICON = Lexicon([
    Term("fuck", "profanity", "strong"),
    Term("shit", "profanity", "strong"),
    Term("cunt", "profanity", "strong"),
    Term("ass", "profanity", "strong"),
    Term("asshole", "profanity", "strong"),
    Term("bastard", "profanity", "strong"),
    Term("bellend", "profanity", "strong"),
    Term("dickhead", "profanity", "strong"),
    Term("cock", "sexual", "weak"),
    Term("idiot", "insult", "weak"),
    Term("kill", "threat", "weak"),
    Term("paki", "race", "strong", "discriminatory"),
    Term("spic", "race", "strong", "discriminatory"),
])


@pytest.mark.parametrize(
    ("text", "surface", "term"),
    [
        ("what a f*cking mess", "f*cking", "fuck"),
        ("go f**k yourself", "f**k", "fuck"),
        ("total sh1t", "sh1t", "shit"),
        ("5h1t show", "5h1t", "shit"),
        ("kiss my a$$", "a$$", "ass"),
        ("bunch of a$$holes", "a$$holes", "asshole"),
        ("useless b@stards", "b@stards", "bastard"),
        ("complete c#nt", "c#nt", "cunt"),
        ("f u c k this", "f u c k", "fuck"),
        ("f.u.c.k off", "f.u.c.k", "fuck"),
        ("Kev you absolute b e l l e n d", "b e l l e n d", "bellend"),
        ("fuuuuuck me", "fuuuuuck", "fuck"),
        ("bullsh1t", "bullsh1t", "shit"),
        ("a total d1ckhead!", "d1ckhead", "dickhead"),
        ("he's a p@ki", "p@ki", "paki"),
        ("motherfuckers", "motherfuckers", "fuck"),
        ("you idiot!", "idiot", "idiot"),
    ],
)
def test_lexicon_finds_disguised_spellings(text: str, surface: str, term: str) -> None:
    matches = LEXICON.find(text)
    assert [(text[m.start : m.end], m.term.term) for m in matches] == [(surface, term)]


@pytest.mark.parametrize(
    "text",
    [
        "Scunthorpe College hosted the assessment.",
        "Please assist the class with their passes.",
        "A spicy curry at the staff social.",
        "The cockpit simulator and the peacock mural.",
        "Call 0116 496 0000 or visit room B12.",
        "Prices from £45 * 2 sessions.",
        "I passed!",
    ],
)
def test_lexicon_leaves_innocent_words_alone(text: str) -> None:
    assert LEXICON.find(text) == []


def test_lexicon_weak_terms_can_be_left_out() -> None:
    assert LEXICON.find("test the kill switch", tiers=("strong",)) == []
    assert [m.term.term for m in LEXICON.find("test the kill switch")] == ["kill"]


def test_lexicon_marks_obfuscated_matches() -> None:
    plain, disguised, spaced = LEXICON.find("shit and sh1t and s h i t")
    assert not plain.obfuscated
    assert disguised.obfuscated
    assert spaced.obfuscated


def test_lexicon_round_trips_through_records() -> None:
    again = Lexicon.from_records(LEXICON.to_records())
    assert [m.term for m in again.find("f*ck you, p@ki")] == [m.term for m in LEXICON.find("f*ck you, p@ki")]
