from __future__ import annotations

import pytest

from screening.findings import Finding, stricter


def _finding(**overrides):
    fields = dict(category="pii", label="EMAIL_ADDRESS", start=0, end=3, text="a@b", score=0.9,
                  severity="medium", detector="pii.presidio.v1", explanation="An e-mail address.")
    fields.update(overrides)
    return Finding(**fields)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"category": "spam"}, "category 'spam'"), ({"severity": "extreme"}, "severity 'extreme'"),
     ({"start": 5, "end": 2}, "not an ordered span"), ({"score": 1.2}, "outside")],
)
def test_finding_refuses_bad_values_naming_them(overrides, message):
    with pytest.raises(ValueError, match=message):
        _finding(**overrides)


def test_finding_is_frozen_and_serialises_every_field():
    finding = _finding()
    with pytest.raises(AttributeError):
        finding.score = 0.1  # type: ignore[misc]
    assert set(finding.to_dict()) == {"category", "label", "start", "end", "text", "score", "severity",
                                      "detector", "explanation", "policy_clause"}


@pytest.mark.parametrize(("a", "b", "expected"), [("allow", "review", "review"), ("block", "review", "block"),
                                                  ("allow", "allow", "allow")])
def test_stricter_decision(a, b, expected):
    assert stricter(a, b) == expected
