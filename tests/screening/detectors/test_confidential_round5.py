"""Fifth-round rules of the confidential detector: which sub-type wins, and exam content without answer-key words.

A draft's content wins over how it is marked ("internal only" on an exam answer is exam content), a generic
"keep quiet" gives way to specific evidence, and the classifier alone names neither a host nor a credential
the draft could not hold. Exam tasks, case studies, scenarios and answer lists are caught in five languages
while course and exam *format* information, good-luck posts and registration reminders stay clean.
Sentences written for this test; none comes from a held-out set.
"""

from __future__ import annotations

import pytest

from screening.detectors.confidential import ConfidentialDetector
from screening.detectors.confidential_parts import credentials
from screening.normalise import normalise
from tests.screening.detectors.conftest import reported_labels

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("language", "text", "subtype"), [
    ("en", "The exam answers are attached - don't share them with anyone outside the team.", "exam_content"),
    ("en", "Internal only: the marking scheme for tomorrow's Level 2 test is below.", "exam_content"),
    ("en", "Internal only - the wifi password for the studio is Kestrel!2291.", "credential"),
    ("en", "Don't tell anyone yet, but the admin panel on the booking site still has no authentication on /export.",
     "security_weakness"),
])
def test_the_content_wins_over_the_marking(confidential_detector: ConfidentialDetector, language: str, text: str,
                                          subtype: str) -> None:
    assert reported_labels(confidential_detector, text, language) == {subtype}


def test_a_marker_alone_is_still_reported(confidential_detector: ConfidentialDetector) -> None:
    assert reported_labels(confidential_detector, "Strictly confidential: notes from the restructuring meeting, please don't forward.",
                   "en") == {"internal_marker"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The wifi password changes on Monday.", True),
    ("Das WLAN-Passwort hängt am Empfang.", True),
    ("Le code d'accès de la salle change lundi.", True),
    ("Great turnout at the careers fair today, thanks to everyone who came.", False),
    ("Die Prüfung besteht aus zwei Teilen.", False),
    ("Schwache Passwörter vermeiden: nie den Namen des Haustiers als Passwort nehmen.", False),
    ("Evita contraseñas débiles y no uses la misma clave en todas partes.", False),
])
def test_a_credential_is_only_guessed_where_the_draft_names_a_secret(text: str, expected: bool) -> None:
    assert credentials.could_hold_one(normalise(text).text) is expected


@pytest.mark.parametrize(("language", "text"), [
    ("en", "For Thursday's assessment the essay question is \"Evaluate the role of toolbox talks\". Start planning now."),
    ("en", "Case study for the Level 3 exam: a care home manager finds a medication error on a night shift."),
    ("en", "Sneak peek for my group: the written paper asks you to compare RIDDOR and COSHH duties."),
    ("en", "The assessor told me the observation will be fitting a consumer unit, so practise that one."),
    ("en", "Candidates sitting the certification exam on Monday: Q1 is B, Q2 is D, Q3 is A."),
    ("en", "Heads up, the end-point assessment project brief this cohort gets is \"Redesign the stores layout\"."),
    ("en", "Assignment brief for the unit 4 summative assessment, not released to learners yet: design a lockout."),
    ("en", "The certification quiz this afternoon is the same as the one from the pilot, answers in the thread."),
    ("fr", "La question de dissertation de l'examen de vendredi portera sur la gestion des risques en hauteur."),
    ("fr", "Les réponses du QCM de jeudi : 1 B, 2 D, 3 A."),
    ("de", "Die Prüfungsaufgabe am Montag: Einen Staplerunfall bewerten. Musterantwort: Bereich absperren, melden."),
    ("de", "Die Lösungen zur Abschlussprüfung: 1 B, 2 D, 3 A, 4 C."),
    ("es", "El caso práctico del examen del jueves: un carretillero choca con una estantería. Respuesta correcta: parar."),
    ("es", "Me han pasado el examen de PRL del viernes. Si alguien lo quiere, que me escriba."),
    ("es", "Para la prueba práctica del lunes os van a pedir montar un andamio de dos alturas."),
    ("cy", "Cwestiwn traethawd yr arholiad ddydd Gwener fydd rheoli risg wrth weithio ar uchder."),
    ("cy", "Mae'r dasg ymarferol yn yr asesiad yn gofyn i'r dysgwyr osod uned defnyddwyr."),
    ("cy", "Ar gyfer yr arholiad terfynol, bydd cwestiwn 4 am asesu risg mewn mannau cyfyng."),
])
def test_exam_content_without_answer_key_words(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert reported_labels(confidential_detector, text, language) == {"exam_content"}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Our Level 3 exam consists of a 90-minute written paper and a practical observation. Past papers are online."),
    ("en", "Practice essay question for revision: \"Evaluate the role of toolbox talks\". Try it under timed conditions."),
    ("en", "Tips for the essay question in any exam: plan your answer, use the command words and check your timing."),
    ("en", "The exam has two sections; question 1 is worth 20 marks and the essay question carries 40."),
    ("en", "Well done to our apprentices who completed their end-point assessment this week. The project brief was tough!"),
    ("en", "Reminder: candidates must bring photo ID to Thursday's exam."),
    ("en", "Good luck to everyone sitting the Level 2 paper on Friday!"),
    ("fr", "Le cas pratique est une partie de l'épreuve ; les candidats doivent s'inscrire avant le 3 mai."),
    ("de", "Die Prüfung besteht aus einer praktischen Aufgabe und einem schriftlichen Teil. Übungsaufgaben gibt es online."),
    ("cy", "Mae cwestiynau ymarfer ar gael ar y wefan i'ch helpu i baratoi ar gyfer yr arholiad."),
])
def test_exam_format_and_good_wishes_stay_clean(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert not reported_labels(confidential_detector, text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Keep this between us, but the staff portal still lets anyone reset a password without checking the email."),
    ("en", "The learner records API has no login at all - anyone who finds the URL can pull every record."),
    ("en", "Admin accounts on the LMS don't have two-factor turned on yet."),
    ("en", "The reset tokens don't time out at all on the staff portal."),
    ("en", "The /export endpoint doesn't ask for a login, you can just hit it and download everything."),
    ("en", "The S3 bucket with the course videos is world readable - don't tell anyone till it's fixed."),
    ("en", "Leavers' accounts never get disabled, so people who left last year can still log in to the LMS."),
    ("fr", "Le serveur de sauvegarde tourne toujours sur une version non corrigée."),
    ("fr", "Les comptes des anciens salariés ne sont jamais désactivés : ils peuvent encore se connecter."),
    ("fr", "L'export n'est protégé par aucun identifiant."),
    ("de", "Auf dem Buchungsportal fehlt die Anmeldung für /export komplett."),
    ("de", "Der Link zum Zurücksetzen des Passworts verfällt nicht."),
    ("de", "Alle im Büro nutzen dasselbe Admin-Konto für die Buchhaltung."),
    ("es", "La carpeta de copias de seguridad sigue siendo pública y nadie la ha cerrado."),
    ("es", "La puerta de la sala de servidores no cierra bien y las cámaras llevan apagadas desde marzo."),
    ("es", "El bucket de copias de seguridad es legible por todo el mundo."),
    ("cy", "Mae'r gweinydd wrth gefn yn dal i redeg hen fersiwn heb ei glytio."),
    ("cy", "Mae'r ffolder copïau wrth gefn yn dal yn gyhoeddus i bawb."),
    ("cy", "Dydy'r ddolen ailosod ddim yn dod i ben."),
    ("cy", "Rydyn ni'n dal ar y fersiwn gyda'r nam dilysu."),
])
def test_security_weaknesses_in_plain_words(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert reported_labels(confidential_detector, text, language) == {"security_weakness"}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Our new booking app lets anyone view the course timetable and reserve a place in seconds."),
    ("en", "Self-service: you can now reset your password without calling the helpdesk."),
    ("en", "The open day is accessible to everyone, including wheelchair users."),
    ("en", "Admin accounts without two-factor will be locked from Monday, so please set it up today."),
    ("en", "Reminder: password reset links expire after 30 minutes, so use yours straight away."),
    ("en", "We disable leavers' accounts on their last day - part of our information security policy."),
    ("de", "Es gibt keine Anmeldung für das Webinar: einfach dem Link folgen."),
    ("de", "Die Konten ehemaliger Mitarbeiter werden am letzten Arbeitstag deaktiviert."),
    ("es", "La jornada de puertas abiertas sigue siendo pública y gratuita."),
    ("cy", "Mae'r diwrnod agored yn dal yn gyhoeddus i bawb, dewch draw!"),
    ("fr", "Le serveur de sauvegarde a été mis à jour ce week-end ; l'ancienne version n'est plus utilisée."),
])
def test_open_days_self_service_and_policies_stay_clean(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert not reported_labels(confidential_detector, text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Lovely day on site with the team at Penrose Retail - they've asked us not to mention them publicly."),
    ("en", "Can't say who the client is, but it's a big supermarket chain and the deal is worth £2m."),
    ("fr", "Nous formons désormais les équipes de Maréchal Transports, mais ils ne veulent pas que ce soit su."),
    ("de", "Der Vertrag mit Keller Bau unterliegt einer Vertraulichkeitsvereinbarung, also keine Namen in den Beiträgen."),
    ("es", "Estamos formando al personal de Hidalgo Transportes, pero el cliente no quiere que se sepa."),
    ("cy", "Rydyn ni'n hyfforddi staff Cwmni Tegid, ond dydyn nhw ddim eisiau i neb wybod."),
    ("cy", "Mae'r cleient wedi gofyn i ni beidio â'u henwi ar y cyfryngau cymdeithasol."),
    ("cy", "Mae'r contract gyda Bwydydd Menai yn gyfrinachol, felly dim enwau na logos."),
])
def test_clients_kept_quiet_in_prose(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert reported_labels(confidential_detector, text, language) == {"nda_client"}


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le projet Albatros, notre nouvelle plateforme de formation, sera lancé en septembre ; on n'en parle pas encore."),
    ("fr", "En interne on l'appelle Colibri : c'est la nouvelle appli d'évaluation, annonce prévue en juin."),
    ("de", "Das Projekt Falke startet im Oktober, bitte noch nichts darüber posten."),
    ("de", "Intern heißt die neue Lernplattform „Kranich\", der Start ist für März geplant."),
    ("es", "El proyecto Cóndor, nuestra nueva plataforma, se lanza en mayo; todavía no es público."),
    ("es", "Internamente lo llamamos Quetzal: es el nuevo simulador y saldrá en otoño."),
    ("cy", "Mae Prosiect Barcud yn lansio ym mis Medi, peidiwch â sôn amdano eto."),
    ("cy", "Yn fewnol rydyn ni'n ei alw'n Dryw: yr ap asesu newydd, fydd yn cael ei lansio ym mis Mehefin."),
])
def test_codenames_outside_english(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    assert reported_labels(confidential_detector, text, language) == {"codename"}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Proud to announce our new partnership with Calder Logistics - read the press release on our website."),
    ("en", "Learners can ask us not to use their photos at any time - just tell your tutor."),
    ("fr", "Nous sommes fiers d'annoncer notre partenariat avec Maréchal Transports."),
    ("fr", "Le projet Erasmus+ de l'an dernier a permis à 40 apprentis de partir en Espagne."),
    ("de", "Das Projekt „Sicher am Bau\" wurde letztes Jahr öffentlich vorgestellt."),
    ("es", "Estamos encantados de anunciar nuestra colaboración con Grupo Sierra."),
    ("cy", "Mae'r prosiect newydd wedi'i lansio'n gyhoeddus heddiw - darllenwch fwy ar ein gwefan."),
])
def test_announced_partners_and_public_projects_stay_clean(confidential_detector: ConfidentialDetector, language: str,
                                                          text: str) -> None:
    assert not reported_labels(confidential_detector, text, language)


def test_a_secret_with_no_release_time_is_no_embargo(confidential_detector: ConfidentialDetector) -> None:
    text = "Entre nous, on forme maintenant tous les nouveaux arrivants d'une grande banque."
    assert reported_labels(confidential_detector, text, "fr") == {"nda_client"}


def test_a_secret_held_until_a_time_is_still_an_embargo(confidential_detector: ConfidentialDetector) -> None:
    text = "Between you and me, the award news goes out at 9am Thursday - hold your posts until then."
    assert reported_labels(confidential_detector, text, "en") == {"embargo"}
