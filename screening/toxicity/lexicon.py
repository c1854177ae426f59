"""Obfuscation-tolerant matching of offensive terms and slurs, with exact character offsets.

A ``Lexicon`` holds terms (``fuck``, ``idiot``, slurs ...) with a label and a tier. ``find(text)``
returns every match as a ``TermMatch`` whose ``start``/``end`` index ``text``. Spellings meant to
slip past a word list are undone before lookup:

- leetspeak and symbols (``sh1t``, ``a$$``, ``b@stard``, ``5hit``);
- masking characters standing for letters (``f*cking``, ``f**k``, ``c#nt``);
- letters spaced or dotted out (``f u c k``, ``f.u.c.k``, ``b e l l e n d``);
- stretched letters (``fuuuuck``) and inflections/compounds (``fucking``, ``bullshit``, ``dickheads``).

Only whole tokens match, so ``Scunthorpe``, ``assessment`` and ``cockpit`` do not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Tier = Literal["strong", "weak"]

# Endings and compound parts a term may carry and still be the same insult.
SUFFIXES = ("", "s", "es", "ed", "er", "ers", "ing", "in", "ings", "y", "ey", "ie", "ies", "ty", "head", "heads",
            "hole", "holes", "wit", "wits", "face", "faces", "bag", "bags", "tard", "tards", "off", "ish", "ist",
            "ists")
PREFIXES = ("", "mother", "mutha", "bull", "dip", "horse", "jack", "dumb", "smart", "fat", "lard", "big", "cluster",
            "brain", "un")

# Ordinary words that a term plus an ending happens to spell.
_NOT_FORMS = frozenset({"assist", "assists", "assisted", "assisting", "assistive", "spicy", "spices", "spiced",
                        "spicey", "fated", "fates", "unfated", "cockey", "hoed", "twattle"})

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
         "!": "i", "|": "l", "+": "t", "€": "e", "£": "l"}
_MASK = frozenset("*#%_")
# What can stand inside an obfuscated word; anything else (letters aside) splits tokens.
_WORDISH = re.compile(r"[A-Za-z0-9@$!|+€£*#%_'’\-.]+")
_EDGE = ".,;:!?\"'’()[]{}<>-_"
_SPACED_SEP = re.compile(r"^[A-Za-z0-9@$*](?:[.\-_][A-Za-z0-9@$*]){2,}$")


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: ``label`` is the finding label, ``category`` offensive or discriminatory."""

    term: str
    label: str
    tier: Tier
    category: str = "offensive"


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A term found in a text: ``text[start:end]`` is the (possibly obfuscated) surface form."""

    start: int
    end: int
    term: Term
    surface: str
    obfuscated: bool


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    core: str


def _tokens(text: str) -> list[_Token]:
    """Word-like runs with punctuation trimmed from the ends, plus spaced-out letter runs merged."""
    tokens: list[_Token] = []
    for match in _WORDISH.finditer(text):
        start, end = match.start(), match.end()
        # Trim sentence punctuation at the ends but keep symbols that obfuscate letters
        # inside the word ("sh!t" keeps its "!", "idiot!" loses it).
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE and not (
            text[end - 1] in "!" and end - 1 > start and not text[end - 2].isalpha()
        ):
            end -= 1
        if start < end:
            tokens.append(_Token(start, end, text[start:end]))
    merged: list[_Token] = []
    run: list[_Token] = []

    def flush() -> None:
        if len(run) >= 3:
            # Three or more single characters separated only by single spaces: "f u c k".
            merged.append(_Token(run[0].start, run[-1].end, "".join(t.core for t in run)))
        run.clear()

    for token in tokens:
        if len(token.core) == 1 and (not run or text[run[-1].end : token.start] == " "):
            run.append(token)
            continue
        flush()
        if len(token.core) == 1:
            run.append(token)
    flush()
    return tokens + merged


def _variants(core: str) -> set[str]:
    """Plain-letter readings of a token (masking characters kept as ``*`` wildcards)."""
    lowered = core.lower().replace("’", "'")
    if _SPACED_SEP.match(lowered):
        lowered = re.sub(r"[.\-_]", "", lowered)
    lowered = lowered.replace("'", "")
    options: list[list[str]] = []
    for ch in lowered:
        if ch in _MASK:
            options.append(["*"])
        elif ch == "1":
            options.append(["i", "l"])
        elif ch in _LEET:
            options.append([_LEET[ch]])
        elif ch == "-" or ch == ".":
            options.append(["", "*"])
        else:
            options.append([ch])
    readings = set()
    for combo in itertools.islice(itertools.product(*options), 64):
        word = "".join(combo)
        readings.add(word)
        # Stretched letters: "fuuuuck" -> "fuck", "shiiit" -> "shit" (and keep doubles: "bellend").
        readings.add(re.sub(r"([a-z])\1{2,}", r"\1", word))
        readings.add(re.sub(r"([a-z])\1+", r"\1", word))
    return {r for r in readings if r}


# Tokens whose disguised reading is remembered (see ``Lexicon._disguised``).
MEMO_SIZE = 50_000


class Lexicon:
    """Terms with their surface forms, matched against text with obfuscation undone."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._forms: dict[str, Term] = {}
        # Strong before weak, then the longest term first ("assholes" is a form of "asshole", not "ass").
        for term in sorted(self.terms, key=lambda t: (t.tier != "strong", -len(t.term))):
            for prefix, suffix in itertools.product(PREFIXES, SUFFIXES):
                form = prefix + term.term + suffix
                # Strong entries win over weak ones for a shared form; first seen wins otherwise.
                self._add(form, term)
                if suffix and term.term.endswith("e") and suffix[0] in "aeiy":
                    self._add(prefix + term.term[:-1] + suffix, term)
                if suffix and re.search(r"[^aeiou][aeiou][bdgkmnprt]$", term.term) and suffix[0] in "aeiy":
                    self._add(prefix + term.term + term.term[-1] + suffix, term)
        self._memo: dict[str, Term | None] = {}
        self._by_length: dict[int, list[str]] = {}
        for form in self._forms:
            self._by_length.setdefault(len(form), []).append(form)

    def _add(self, form: str, term: Term) -> None:
        if form not in _NOT_FORMS:
            self._forms.setdefault(form, term)

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, word: str) -> Term | None:
        """The term a plain lower-case word is a form of, if any."""
        return self._forms.get(word)

    def _match_masked(self, reading: str) -> Term | None:
        # "*" stands for one or two hidden letters: compare against forms of plausible length.
        stars = reading.count("*")
        if stars == 0 or stars == len(reading) or not reading.strip("*"):
            return None
        pattern = re.compile("^" + "".join("[a-z]{1,2}" if c == "*" else re.escape(c) for c in reading) + "$")
        lo, hi = len(reading), len(reading) + stars
        for length in range(lo, hi + 1):
            for form in self._by_length.get(length, ()):
                if pattern.match(form):
                    return self._forms[form]
        return None

    def _disguised(self, core: str) -> Term | None:
        """The term a token spells in disguise ("sh1t", "f*ck"), if any; remembered per token.

        Reading every variant of every ordinary word was most of the lexicon's time, and posts
        repeat their words: the answer for a token is kept (a bounded memo, cleared when full).
        """
        memo = self._memo
        if core in memo:
            return memo[core]
        found = None
        for reading in sorted(_variants(core)):
            found = self._forms.get(reading) or self._match_masked(reading)
            if found is not None:
                break
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[core] = found
        return found

    def find(self, text: str, tiers: Sequence[Tier] = ("strong", "weak")) -> list[TermMatch]:
        """Every lexicon term in ``text``, in order, without overlaps (longest first)."""
        found: list[TermMatch] = []
        for token in _tokens(text):
            if not any(c.isalpha() for c in token.core) and not any(c in _MASK for c in token.core):
                continue  # numbers, phone numbers, prices: never words in disguise
            plain = token.core.lower()
            term = self._forms.get(plain.replace("’", "").replace("'", ""))
            # A spaced-out run ("f u c k") was merged into one token: that is a disguise too.
            obfuscated = text[token.start : token.end] != token.core
            if term is None:
                term = self._disguised(token.core)
                obfuscated = obfuscated or term is not None
            if term is not None and term.tier in tiers:
                found.append(TermMatch(token.start, token.end, term, token.core, obfuscated))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[TermMatch] = []
        for match in found:
            if kept and match.start < kept[-1].end:
                continue
            kept.append(match)
        return kept

    def to_records(self) -> list[dict[str, str]]:
        return [{"term": t.term, "label": t.label, "tier": t.tier, "category": t.category} for t in self.terms]

    @classmethod
    def from_records(cls, records: Iterable[dict[str, str]]) -> Lexicon:
        return cls(
            Term(term=r["term"].lower(), label=r["label"], tier=r["tier"],  # type: ignore[arg-type]
                 category=r.get("category", "offensive"))
            for r in records
        )
