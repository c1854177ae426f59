"""Properties of the real screening pipeline over generated text (hypothesis).

For any draft the pipeline accepts: every finding's offsets lie inside the original text, the
slice ``text[start:end]`` is the finding's text, and no Unicode (emoji, right-to-left marks,
zero-width characters, combining marks, other scripts) makes it crash. Findings are seeded into
the generated text (names, e-mail addresses, phone numbers) so the offset properties are checked
on real spans, often next to characters the normaliser drops or folds.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.errors import InputError
from screening.normalise import normalise

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Characters chosen because they change offsets under normalisation or break naive code.
TRICKY = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",  # zero-width / invisible
    "\u202e", "\u202d", "\u200f", "\u061c", "\u2067",  # bidirectional controls
    "\u0301", "\u0308", "\u0336", "\u20dd",  # combining marks
    "\U0001f600", "\U0001f469\u200d\U0001f4bb", "\U0001f1ec\U0001f1e7", "\U0001f44d\U0001f3fd",  # emoji
    "ｆｕｌｌ", "ﬁ", "𝐁𝐨𝐥𝐝", "㍱",  # compatibility forms
    "\u0456", "\u043e", "\u0430", "\u03bf",  # homoglyphs
    "שלום", "مرحبا", "日本語", "한국어", "\u0915\u094d\u0937",  # other scripts
    "\r\n", "\t", "\x00", "\ud7ff", "\U0010ffff",
]
SEEDS = ["Jane Doe", "jane.doe@example.com", "07700 900123", "SW1A 1AA", "AB123456C", "Dr Priya Shah"]

text_pieces = st.one_of(
    st.sampled_from(TRICKY),
    st.sampled_from(SEEDS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    st.text(alphabet="abcdefghij klmnop.,!?'0123456789", max_size=30),
)
drafts = st.lists(text_pieces, min_size=1, max_size=12).map("".join)
PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def screen_or_refuse(screener, text: str):
    """The pipeline's result, or None when it refuses the text with a clear ``InputError``."""
    try:
        return screener.screen(text)
    except InputError as exc:
        assert str(exc).endswith(".")
        return None


@PROPERTY_SETTINGS
@given(text=drafts)
def test_finding_offsets_lie_inside_the_text_and_slice_to_the_finding_text(screener, text):
    result = screen_or_refuse(screener, text)
    if result is None:
        assert not normalise(text).text.strip()  # refused only when nothing visible is left
        return
    assert result.decision in ("allow", "review", "block")
    assert result.errors == [], result.errors  # no detector crashed (the pipeline would hide it as review)
    for finding in result.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text


@PROPERTY_SETTINGS
@given(seed=st.sampled_from(SEEDS), noise=st.lists(st.sampled_from(TRICKY), max_size=4),
       where=st.integers(min_value=0, max_value=40))
def test_offsets_hold_when_noise_is_spliced_into_a_pii_span(screener, seed, noise, where):
    at = where % (len(seed) + 1)
    text = f"Please contact {seed[:at]}{''.join(noise)}{seed[at:]} about the course."
    result = screener.screen(text)
    assert result.errors == []
    for finding in result.findings:
        assert text[finding.start:finding.end] == finding.text


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(drafts, min_size=1, max_size=6))
def test_screen_many_equals_screening_each_draft_alone(screener, texts):
    texts = [t for t in texts if normalise(t).text.strip()]
    if not texts:
        return
    together = screener.screen_many(texts)
    alone = [screener.screen(t) for t in texts]
    assert [r.to_dict() for r in together] == [r.to_dict() for r in alone]


@pytest.mark.parametrize("text", [
    "\u202eJane Doe\u202c lives at 10 Downing Street",
    "J\u200ba\u200bn\u200be D\u200bo\u200be, 07700\u200b900123",
    "e\u0301\u0301\u0301\u0301 " * 200,
    "\U0001f469\u200d\U0001f4bb " * 500,
    "a" * 20_000,
    "x\n" * 9_000,
    "\x00\x01\x02 Jane Doe",
])
def test_adversarial_unicode_never_crashes_the_pipeline(screener, text):
    result = screener.screen(text)
    assert result.errors == []
    for finding in result.findings:
        assert text[finding.start:finding.end] == finding.text
