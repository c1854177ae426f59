"""Finding people's names in the shared spaCy ``Doc``.

spaCy's small English model misses many first names, above all at the start of a sentence
("Lauren in HR is pregnant"), and now and then tags a lower-case word as a PERSON. Names here are
spaCy's PERSON entities that contain a capitalised word and are not an organisation's name, plus
capitalised proper nouns outside other entities, plus a capitalised first word of a sentence
followed by the kind of word that follows a subject ("is", "has", "from", "in" ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels whose proper nouns are not people.
NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                        "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
NOT_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "hr", "it", "nhs", "uk", "congratulations", "congrats", "happy", "thanks", "thank", "welcome", "dear",
    "hi", "hello", "team", "mental", "health", "pride", "ramadan", "christmas", "easter", "diwali", "eid",
    "black", "history", "labour", "conservative", "green", "reform", "union", "unison", "unite", "reg",
    "mobile", "email", "phone", "tel", "ni", "nino", "dob", "flat", "card", "passport", "licence", "iban",
    "party", "lost", "found", "reminder", "forms", "booking", "insurance", "hire", "whoever", "anyone",
    "someone", "everyone", "please", "parcel", "flowers", "contact", "emergency", "volunteer", "scholarship",
    "shout", "great", "well", "huge", "proud", "join", "meet", "call", "ring", "text", "message", "read",
    "visit", "our", "new", "quick", "overseas", "reimburse", "paid", "does", "did", "not", "sort", "bank",
    "payroll", "estates", "engineering", "finance", "accounts", "reception", "security", "welding",
    "address", "technician", "lecturer", "owner", "parents", "desk", "fax", "office", "name", "website",
    "personal", "info", "date", "billing", "user", "bot",
})
_PLACES_AND_THINGS = NOT_PEOPLE - {"ORG"}
# The last word of an organisation's name.
ORG_WORDS = frozenset({
    "council", "ltd", "limited", "plc", "college", "institute", "university", "school", "trust", "group",
    "foods", "engineering", "motors", "housing", "logistics", "services", "partnership", "academy", "nhs",
    "hospital", "centre", "center", "bank", "society", "association", "foundation", "department",
})
# The last word of a street's name ("Station Court" is not a person).
STREET_WORDS = frozenset({
    "street", "road", "lane", "avenue", "close", "drive", "way", "crescent", "court", "place", "gardens",
    "terrace", "grove", "hill", "park", "row", "square", "walk", "mews", "rise", "view", "green", "parade",
    "vale", "gate", "wharf", "yard", "meadow", "meadows", "croft", "chase", "quay", "boulevard",
})
# Words that follow a sentence-initial name: "Lauren is ...", "Tom from accounts ...".
_SUBJECT_FOLLOWERS = frozenset({
    "is", "'s", "\u2019s", "has", "had", "was", "in", "from", "at", "and", "told", "said", "says", "suffers",
    "joined", "votes", "voted", "came", "bought", "left", "asked", "dropped", "needs", "went", "got", "will",
    "lives", "moved", "('s", "'", "\u2019", ",", "(", "should", "could", "would", "can", "might", "must",
    "did", "does", "doesn't", "isn't", "wasn't", "hasn't", "won't", "can't",
})


# Words just before a name: "Congratulations to Priya", "ring Tom", "ask Dr Shah".
_NAME_CUES = frozenset({
    "to", "for", "with", "welcome", "congratulations", "congrats", "thanks", "thank", "hi", "hello", "dear",
    "ask", "call", "ring", "email", "e-mail", "text", "message", "contact", "meet", "and", "by", "see", "tell",
    "mr", "mrs", "ms", "miss", "dr", "prof", "name", "named", "called", "is", "colleague", "from", ":",
    "back", "sure", "that", "about", "birthday", "winner", "student", "apprentice", "manager", "tutor",
    "starter", "member", "speaker", "partner", "nominee", "volunteer", "learner", "officer", "director",
    "governor", "chair", "head", "holder", "cardholder", "patient", "employee",
})
# A name the tagger calls a common noun is believed only before these ("Lauren in HR is ...").
_STRONG_FOLLOWERS = frozenset({"in", "from", "has", "'s", "\u2019s", "said", "told", "joined", "votes"})


def _capitalised(text: str) -> bool:
    core = text.replace("'", "").replace("\u2019", "").replace("-", "")
    return len(core) >= 2 and text[0].isupper() and core[1:].islower() and core.isalpha()


def _candidate(token: Token) -> bool:
    text = token.text
    return _capitalised(text) and text.lower() not in NOT_NAMES and not token.is_stop


def _is_name_run(doc: Doc, start: int, end: int) -> bool:
    run = doc[start:end]
    last = run[-1].lower_
    if last in ORG_WORDS or last in STREET_WORDS:
        return False
    if any(t.ent_type_ == "PERSON" for t in run):
        # ... unless the tagger's PERSON is a capitalised verb ("Drop her a text").
        return all(t.pos_ in ("PROPN", "NOUN", "X") for t in run)
    if _whole_line(doc, start, end) and end - start >= 2 and all(t.pos_ == "PROPN" for t in run):
        # A name on its own line heads an address block or a signature.
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    proper = all(t.pos_ == "PROPN" for t in run)
    if after in _SUBJECT_FOLLOWERS and (proper or (run[0].is_sent_start and after in _STRONG_FOLLOWERS)):
        # "Lauren is ...", "Tom from accounts ...": spaCy's small model often calls these GPE or ORG.
        return after not in {",", "("} or start == 0 or before in _NAME_CUES
    if before not in _NAME_CUES or run[0].pos_ != "PROPN":
        return False
    # After a cue word ("for Callum:", "winner Hamza Price:") the tagger's ORG is usually wrong;
    # places and dates are not.
    return all(t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _PLACES_AND_THINGS for t in run)


def _whole_line(doc: Doc, start: int, end: int) -> bool:
    text = doc.text
    begin, stop = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", stop)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:begin].strip(" >?\t") == "" and text[stop:line_end].strip() == ""


def person_spans(doc: Doc) -> list[Span]:
    """Runs of name tokens as ``PERSON`` spans (new ``Span`` objects: the ``Doc`` is not changed)."""
    from spacy.tokens import Span

    spans: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if not _candidate(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and _candidate(doc[j]) and not doc[j].is_sent_start:
            j += 1
        # A capitalised adverb or verb opening the sentence is not part of the name ("Apparently Gary").
        while i < j and doc[i].pos_ not in ("PROPN", "NOUN", "X"):
            i += 1
        if i < j and _is_name_run(doc, i, j):
            spans.append(Span(doc, i, j, label="PERSON"))
        i = j
    return spans
