"""An exact, faster stand-in for the small English model's ``attribute_ruler``.

The model's attribute ruler (tag -> part of speech and morphology, plus word exceptions) runs a
spaCy ``Matcher`` over 179 rules for every token: about a millisecond per draft, an eighth of the
shared pass. 150 of its rules are one token with plain ``TAG``/``LOWER``/``IS_SPACE`` values,
which a dictionary answers directly; the rest (two-token rules, ``IN``/``REGEX``/``DEP`` conditions)
still go through a ``Matcher``. Rules are applied in the model's order, like spaCy's
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


class FastAttributeRuler:
    """Applies an ``AttributeRuler``'s rules with dictionary lookups where a rule allows it."""

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
        for rule, entry in enumerate(ruler.patterns):
            rest = []
            for pattern in entry["patterns"]:
                simple = _simple(pattern)
                if simple is None:
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

    def __call__(self, doc: Doc) -> Doc:
        found: set[tuple[int, int, int]] = set()  # (rule, start, end), deduplicated like the Matcher's
        by_tag, by_tag_lower, by_lower, by_space = self._by_tag, self._by_tag_lower, self._by_lower, self._by_space
        for token in doc:
            i, tag, lower, space = token.i, token.tag_, token.lower_, token.is_space
            for rules in (by_tag.get(tag), by_tag_lower.get((tag, lower)), by_lower.get(lower),
                          by_space.get((space, None)), by_space.get((space, tag))):
                if rules:
                    found.update((rule, i, i + 1) for rule in rules)
        for match_id, start, end in self._matcher(doc, allow_missing=True):
            found.add((int(self.vocab.strings[match_id]), start, end))
        for rule, start, end in sorted(found):
            set_token_attrs(Span(doc, start, end)[self._indices[rule]], self._attrs[rule])
        return doc


@Language.factory("screening_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler`` (``install`` adds it and disables the original)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def install(nlp: Language) -> None:
    """Put the fast equivalent in place of ``nlp``'s ``attribute_ruler`` (same position), in place."""
    nlp.add_pipe("screening_fast_attribute_ruler", name="fast_attribute_ruler", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
