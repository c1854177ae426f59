"""Fourth-round rules of the confidential detector: plain-word leaks and the negations beside them.

NDA clients in prose, codenames outside English, exam tasks and answer keys, weaknesses in plain words;
and lifted embargoes, fixed weaknesses, published figures, launched projects, harmless "internal",
private addresses in teaching and quoted example passwords, which must stay clean. Sentences written
for this test (the fourth training round in ``data/confidential/generate.py`` reuses a few of the
hard-negative wordings); none comes from a held-out set.
"""

from __future__ import annotations

import pytest

from screening.detectors.confidential import ConfidentialDetector
from tests.screening.detectors.conftest import reported_labels

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("language", "text", "subtype"), [
    ("en", "Great session with Harlow Mills today - they're an NDA client though, so no tagging.", "nda_client"),
    ("en", "The retailer made us sign an NDA before the site visit, so keep their name off socials.", "nda_client"),
    ("en", "Delivered the forklift course for an undisclosed client in Leeds this week.", "nda_client"),
    ("fr", "Le client sous NDA nous a fait signer un accord avant la visite.", "nda_client"),
    ("es", "Nos hicieron firmar un NDA antes de empezar con este cliente.", "nda_client"),
    ("cy", "Mae'r cleient dan NDA felly dim lluniau.", "nda_client"),
    ("fr", "Le nom de code du nouveau simulateur est Héron, sortie prévue en juin.", "codename"),
    ("es", "El nombre en clave del proyecto es Garza; todavía no lo hemos anunciado.", "codename"),
    ("cy", "Enw mewnol y cwrs newydd yw Crëyr.", "codename"),
    ("en", "Our secret product 'Wren' is nearly ready for the trade show.", "codename"),
    ("en", "Tomorrow's exam: the essay question is about risk assessment in confined spaces.", "exam_content"),
    ("de", "Hier ist der Lösungsschlüssel für die Klausur am Freitag.", "exam_content"),
    ("es", "Os paso la plantilla de respuestas del examen de mañana.", "exam_content"),
    ("fr", "Voici le corrigé de l'examen de jeudi.", "exam_content"),
    ("en", "Heads up: the password reset link never expires, so old emails still work.", "security_weakness"),
    ("en", "There's no authentication on /export on the reports server.", "security_weakness"),
    ("en", "The backup bucket is still world-readable.", "security_weakness"),
    ("es", "El enlace de recuperación nunca caduca y nadie lo ha cambiado.", "security_weakness"),
])
def test_plain_word_leaks_are_reported(confidential_detector: ConfidentialDetector, language: str, text: str, subtype: str) -> None:
    assert subtype in reported_labels(confidential_detector, text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The embargo ended at 9am, so go ahead and share the award news."),
    ("en", "That story is no longer restricted: the press release went out this morning."),
    ("es", "El embargo ha terminado: ya podemos contar lo del premio."),
    ("en", "The cross-site scripting bug on the booking site has been fixed and disclosed."),
    ("en", "Good news: the exposed admin panel is locked down now."),
    ("es", "La vulnerabilidad del portal ya está corregida."),
    ("en", "Our pass rate of 94% was published in the annual report last week."),
    ("es", "Los resultados de 2025 ya están publicados: 91% de aprobados."),
    ("en", "Private ranges such as 10.0.0.0/8 and 192.168.0.0/16 are covered in week two of the networking course."),
    ("en", "To reach your home router, type 192.168.1.1 into your browser."),
    ("en", "Have a look at the internal training calendar for next term's CPD sessions."),
    ("en", "New staff module: how we handle confidential information about learners."),
    ("en", "Never use passwords like \"Summer2024!\" or \"Password123\" - pick three random words."),
])
def test_round_four_hard_negatives_stay_clean(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert not reported_labels(confidential_detector, text, language)
