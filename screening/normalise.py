"""Evasion-resistant normalisation that keeps every offset traceable to the original text.

Detectors see the normalised text; the pipeline maps their spans back with ``NormalisedText.span``.
What is folded here is what changes how a character *reads* without changing what it says:
zero-width and other invisible format characters are dropped, compatibility forms (full-width,
ligatures, mathematical alphabets) and common Cyrillic/Greek homoglyphs become Latin letters, and
combining marks are removed. Leetspeak and spaced-out letters are word-level tricks handled by the
lexical detectors themselves, because folding "0" to "o" here would break phone numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that render as nothing (or almost nothing) and are used to split words.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"
)

# Letters from other scripts that look like Latin ones (Unicode confusables, the common subset).
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ɡ": "g", "һ": "h", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin lookalikes
    "ı": "i", "ȷ": "j", "ℓ": "l",
}


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised string and, for each of its characters, the original character it came from."""

    original: str
    text: str
    origin: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text onto the original text.

        The result covers every original character that produced a character in the span
        (a dropped zero-width character between two kept ones is inside it).
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"Span [{start}, {end}) is outside the normalised text of length {len(self.text)}."
            )
        if not self.origin:
            return 0, 0
        if start == end:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        first = self.origin[start]
        last = self.origin[end - 1]
        # Extend over the whole original character cluster that produced the last character
        # (a letter and the combining marks dropped after it).
        stop = last + 1
        next_kept = self.origin[end] if end < len(self.origin) else len(self.original)
        while stop < next_kept and _is_dropped(self.original[stop]):
            stop += 1
        return first, stop


def _is_dropped(ch: str) -> bool:
    return ch in _INVISIBLE or unicodedata.category(ch) == "Mn"


def normalise(text: str) -> NormalisedText:
    """Fold invisible characters, homoglyphs, compatibility forms and combining marks."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            origin.append(index)
            continue
        if _is_dropped(ch):
            continue
        folded = _HOMOGLYPHS.get(ch)
        if folded is None:
            decomposed = unicodedata.normalize("NFKD", ch)
            folded = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
            if not folded:
                continue
            # Keep a character whose compatibility form is a long expansion (e.g. "㍱"):
            # only short, letter-like foldings help detection.
            if len(folded) > 3:
                folded = ch
        for c in folded:
            out.append(c)
            origin.append(index)
    return NormalisedText(original=text, text="".join(out), origin=tuple(origin))


def fold(text: str) -> str:
    """The normalised form of a string, without the offset map (for patterns and word lists)."""
    return normalise(text).text


def compile_folded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a regular expression written in ordinary spelling so it matches normalised text.

    Detectors see normalised text, where "contraseña" reads "contrasena" and "für" reads "fur";
    a pattern that names accented words must be folded the same way or it never matches.
    """
    return re.compile(fold(pattern), flags)
