from __future__ import annotations

import pytest

from screening.findings import Finding
from screening.highlight import segments
from screening.rewrite import suggest_rewrite


def _f(category, label, start, end, text):
    return Finding(category, label, start, end, text, 0.9, "medium", "x.y.v1", "why")


TEXT = "Call Jane Doe on 07700 900123, you shit."


def test_segments_cover_the_text_exactly_and_know_their_findings():
    findings = [_f("pii", "PERSON", 5, 13, "Jane Doe"), _f("pii", "UK_PHONE", 17, 29, "07700 900123"),
                _f("offensive", "profanity", 35, 39, "shit"), _f("defamatory", "x", 0, 29, TEXT[:29])]
    segs = segments(TEXT, findings)
    assert "".join(s.text for s in segs) == TEXT
    jane = next(s for s in segs if s.text == "Jane Doe")
    assert set(jane.findings) == {0, 3}
    assert next(s for s in segs if s.text == ", you ").findings == ()


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ([], TEXT),
        ([_f("pii", "UK_PHONE", 17, 29, "07700 900123")], "Call Jane Doe on [uk phone removed], you shit."),
        ([_f("offensive", "profanity", 35, 39, "shit")], "Call Jane Doe on 07700 900123, you s***."),
        ([_f("defamatory", "fraud", 0, 13, "Call Jane Doe")], TEXT),
    ],
)
def test_rewrite_redacts_personal_data_and_masks_profanity_only(findings, expected):
    assert suggest_rewrite(TEXT, findings) == expected
