"""An exact, faster stand-in for the small English model's ``attribute_ruler``.

The model's attribute ruler (tag -> part of speech and morphology, plus word exceptions) runs a
spaCy ``Matcher`` over 179 rules for every token: about a millisecond per draft, an eighth of the
shared pass. 150 of its rules are one token with plain ``TAG``/``LOWER``/``IS_SPACE`` values, and
7 more a tag with a list of words: a dictionary answers them directly, and the attributes a token
gets from them are merged once per (tag, word). 13 rules read dependency labels, which are all empty
before the parser runs: they are matched only on a doc that has a parse. The rest (two-token rules,
``REGEX`` conditions) still go through a ``Matcher``. Rules are applied in the model's order, like spaCy's
``AttributeRuler`` (a later rule overrides an earlier one on the same token), so the annotations
are identical; ``tests/screening/test_speed_means.py`` compares the two on the project's data.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

_SIMPLE_KEYS = frozenset({"TAG", "LOWER", "IS_SPACE"})


def _simple(pattern: list[dict[str, Any]]) -> tuple[str | None, str | None, bool | None] | None:
    """(tag, lower, is_space) for a one-token rule with plain values, else None."""
    if len(pattern) != 1:
        return None
    token = pattern[0]
    if not set(token) <= _SIMPLE_KEYS or any(isinstance(v, dict | list) for v in token.values()):
        return None
    return token.get("TAG"), token.get("LOWER"), token.get("IS_SPACE")


def _tag_with_lower_in(pattern: list[dict[str, Any]]) -> list[tuple[str, str]] | None:
    """(tag, lower) pairs for a one-token rule ``{"TAG": t, "LOWER": {"IN": [...]}}``, else None."""
    if len(pattern) != 1 or set(pattern[0]) != {"TAG", "LOWER"}:
        return None
    tag, lower = pattern[0]["TAG"], pattern[0]["LOWER"]
    if not isinstance(tag, str) or not isinstance(lower, dict) or set(lower) != {"IN"}:
        return None
    return [(tag, value) for value in lower["IN"]]


def _needs_a_parse(pattern: list[dict[str, Any]]) -> bool:
    """True when some token of the pattern matches only a non-empty dependency label.

    Before the parser runs every label is empty, so such a pattern cannot match a doc without a parse.
    """
    for token in pattern:
        dep = token.get("DEP")
        if isinstance(dep, str) and dep:
            return True
        if isinstance(dep, dict) and (("IN" in dep and "" not in dep["IN"]) or "" in dep.get("NOT_IN", ())):
            return True
    return False


class FastAttributeRuler:
    """Applies an ``AttributeRuler``'s rules with dictionary lookups where a rule allows it."""

    MAX_MEMO = 100_000  # (tag, lower, is_space) keys remembered with their rules

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self._attrs = list(ruler.attrs)  # already normalised by the ruler
        self._indices = list(ruler.indices)
        # One-token rules keyed by what they test; values: the rule numbers (attr ids), in order.
        self._by_tag_lower: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._by_tag: dict[str, list[int]] = defaultdict(list)
        self._by_lower: dict[str, list[int]] = defaultdict(list)
        self._by_space: dict[tuple[bool, str | None], list[int]] = defaultdict(list)
        self._matcher = Matcher(self.vocab, validate=False)
        self._parse_matcher = Matcher(self.vocab, validate=False)  # rules that read dependency labels
        self._memo: dict[tuple[str, str, bool], tuple[tuple[int, ...], dict[Any, Any] | None]] = {}
        for rule, entry in enumerate(ruler.patterns):
            rest, parsed = [], []
            for pattern in entry["patterns"]:
                simple = _simple(pattern)
                if simple is None:
                    pairs = _tag_with_lower_in(pattern)
                    if pairs is not None:
                        for pair in dict.fromkeys(pairs):
                            self._by_tag_lower[pair].append(rule)
                    elif _needs_a_parse(pattern):
                        parsed.append(pattern)
                    else:
                        rest.append(pattern)
                    continue
                tag, lower, is_space = simple
                if is_space is not None:
                    self._by_space[(bool(is_space), tag)].append(rule)
                elif tag is not None and lower is not None:
                    self._by_tag_lower[(tag, lower)].append(rule)
                elif tag is not None:
                    self._by_tag[tag].append(rule)
                elif lower is not None:
                    self._by_lower[lower].append(rule)
                else:
                    rest.append(pattern)
            if rest:
                self._matcher.add(str(rule), rest)
            if parsed:
                self._parse_matcher.add(str(rule), parsed)

    def _simple_rules(self, tag: str, lower: str, space: bool) -> tuple[tuple[int, ...], dict[Any, Any] | None]:
        """The one-token rules a token with these values meets (in rule order), and their attributes merged.

        Merging is exact: ``set_token_attrs`` sets each attribute on its own, so applying the rules one
        after another leaves each attribute with the value of the last rule that sets it.
        """
        key = (tag, lower, space)
        found = self._memo.get(key)
        if found is None:
            rules: set[int] = set()
            for hits in (self._by_tag.get(tag), self._by_tag_lower.get((tag, lower)), self._by_lower.get(lower),
                         self._by_space.get((space, None)), self._by_space.get((space, tag))):
                if hits:
                    rules.update(hits)
            ordered = tuple(sorted(rules))
            merged: dict[Any, Any] = {}
            for rule in ordered:
                merged.update(self._attrs[rule])
            found = (ordered, merged or None)
            if len(self._memo) < self.MAX_MEMO:
                self._memo[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        # Rules the Matcher finds, per token they set: (rule, start, end) as the Matcher reports them.
        complex_hits: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        matches = self._matcher(doc, allow_missing=True)
        if len(self._parse_matcher) and doc.has_annotation("DEP"):
            matches += self._parse_matcher(doc, allow_missing=True)
        for match_id, start, end in matches:
            rule = int(self.vocab.strings[match_id])
            token = Span(doc, start, end)[self._indices[rule]]
            complex_hits[token.i].append((rule, start, end))
        for token in doc:
            rules, merged = self._simple_rules(token.tag_, token.lower_, token.is_space)
            hits = complex_hits.get(token.i)
            if hits is None:
                if merged is not None:
                    set_token_attrs(token, merged)
                continue
            # Both kinds meet this token: every rule in spaCy's order (rule, start, end), duplicates once.
            i = token.i
            for rule, _start, _end in sorted(set(hits) | {(rule, i, i + 1) for rule in rules}):
                set_token_attrs(token, self._attrs[rule])
        return doc


@Language.factory("screening_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler`` (``install`` adds it and disables the original)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def install(nlp: Language) -> None:
    """Put the fast equivalent in place of ``nlp``'s ``attribute_ruler`` (same position), in place."""
    nlp.add_pipe("screening_fast_attribute_ruler", name="fast_attribute_ruler", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
