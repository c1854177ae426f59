"""The confidential detector's markers and soft cues on their own (no model): embargoes, NDA clients and
exam content in English, French, German, Spanish and Welsh, and the hard negatives beside them.

Sentences written for this test, not copied from ``data/confidential/``.
"""

from __future__ import annotations

import pytest

from screening.detectors.confidential_parts import cues
from screening.normalise import normalise


def _kinds(text: str) -> set[str]:
    """Every sub-type a marker or cue in ``text`` may point to."""
    markers, soft = cues.find(normalise(text).text)
    return {h.subtype for h in markers} | {s for c in soft for s in c.subtypes}


@pytest.mark.parametrize(("text", "subtype"), [
    # embargoes: a release time, in each language
    ("Media embargo on this one: our new construction academy, not before Monday.", "embargo"),
    ("Please hold the funding story until the minister's statement at noon.", "embargo"),
    ("Our post is drafted but can't go live before the embargo is lifted on Friday.", "embargo"),
    ("Publication time for the award news is 07:30 Thursday.", "embargo"),
    ("Die Meldung ist bis Mittwoch 9 Uhr gesperrt.", "embargo"),
    ("Embargo bis Mittwoch: neues Ausbildungszentrum.", "embargo"),
    ("No compartáis la noticia antes del comunicado oficial.", "embargo"),
    ("Noticia embargada: nuevo centro de formación en Málaga.", "embargo"),
    ("Ne partagez rien sur le prix avant la cérémonie de jeudi.", "embargo"),
    ("Peidiwch â phostio'r newyddion cyn dydd Iau, os gwelwch yn dda.", "embargo"),
    # NDA clients
    ("Their contract has a confidentiality clause, so no case study.", "nda_client"),
    ("We're not allowed to name the employer behind the new course.", "nda_client"),
    ("Der Kunde möchte anonym bleiben.", "nda_client"),
    ("Hay una cláusula de confidencialidad con este cliente.", "nda_client"),
    ("Nous ne pouvons pas citer ce client pour l'instant.", "nda_client"),
    ("Mae cytundeb cyfrinachedd gyda'r cwmni.", "nda_client"),
    # exam content
    ("Photographed the whole paper for the resit group, DM me.", "exam_content"),
    ("The plumbing exam has the same questions as last term, answers below.", "exam_content"),
    ("Ich habe die Lösungen der Prüfung am Montag.", "exam_content"),
    ("El examen tiene las mismas preguntas que el mes pasado.", "exam_content"),
    ("Pour l'examen de vendredi, la réponse est C à la question 2.", "exam_content"),
    ("Mae gen i atebion yr arholiad diogelwch.", "exam_content"),
])
def test_cue_points_to_the_subtype(text: str, subtype: str) -> None:
    assert subtype in _kinds(text)


@pytest.mark.parametrize("text", [
    "Save the date for our open day on 5 May!",
    "Keep your diary free until the end of June.",
    "Please don't post photos of learners until you have their written consent.",
    "The building is locked until 8am on Saturdays.",
    "Staff release time for CPD is Wednesday afternoon.",
    "We can't mention everyone, but thank you all for your hard work!",
    "You can stay anonymous when you report a concern.",
    "The embargo has now lifted: we won!",
    "L'embargo est levé : nous avons gagné le prix.",
    "Se ha levantado el embargo: ya podemos contarlo.",
    "Die Sperrfrist ist abgelaufen, jetzt dürfen alle posten.",
    "Voici une photo sur le sujet du recyclage.",
    "Photos of our learners sitting their first exam paper today - good luck!",
    "Past papers for the plumbing exam are on the learning platform.",
])
def test_hard_negative_has_no_embargo_nda_or_exam_cue(text: str) -> None:
    assert not _kinds(text) & {"embargo", "nda_client", "exam_content"}
