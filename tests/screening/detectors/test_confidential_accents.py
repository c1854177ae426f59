"""Credentials and markers written with accents are caught: the patterns are folded like the text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("draft", "secret"),
    [("La contraseña del wifi es Sol2024!", "Sol2024!"),
     ("El código de acceso es 4471, no lo compartas", "4471"),
     ("Das WLAN-Passwort für Gäste lautet Sonne2024", "Sonne2024")],
)
def test_accented_credentials_are_found_with_the_secret_as_the_span(screener, draft, secret):
    result = screener.screen(draft)
    assert result.decision != "allow"
    spans = [f.text for f in result.findings if f.category == "confidential"]
    assert secret in spans, spans
