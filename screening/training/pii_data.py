"""Generate the personal-data development data in ``data/pii/`` (synthetic, reproducible).

Two sources, both filled with fictitious UK values made here:

* presidio-research's sentence templates (``/work/shared/datasets/presidio-synthetic/templates.txt``,
  MIT), with its US slots given UK meanings (``ssn`` -> National Insurance number,
  ``us_driver_license`` -> DVLA licence, ``zipcode`` -> postcode);
* the staff drafts in ``STAFF_TEMPLATES`` and ``HARD_NEGATIVES`` below, written for this project:
  social-media posts and messages staff might draft, including the traps (celebratory names, the
  organisation's own contacts, dates that are not birthdays, product codes that look like IDs).

Every value is fictitious: phone numbers come from Ofcom's drama ranges, NHS numbers from the 999
test range, e-mail domains are reserved example domains, cards use the 4000/4111 test prefixes.

Gold labels follow the detector's rules, so that the evaluation measures what the policy asks:
a name is labelled PERSON only when its draft joins it to personal data (another gold entity in the
same sentence, or an identifying one anywhere); an address only when it is someone's (not a
restaurant's or a venue's); a date only when it is joined to birth.

The split is by template (70 % development, 30 % held out), so no template is in both.

    python -m screening.training.pii_data [--out data/pii] [--seed 2026]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_TEMPLATES = Path("/work/shared/datasets/presidio-synthetic/templates.txt")
DEFAULT_OUT = Path("data/pii")
DEFAULT_SEED = 2026
HELD_OUT_SHARE = 0.3

# Labels that make a name in another sentence personal data (mirrors the detector).
IDENTIFYING = {
    "UK_NINO", "UK_NHS", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_BANK_ACCOUNT", "IBAN_CODE", "CREDIT_CARD",
    "DATE_OF_BIRTH", "STREET_ADDRESS",
}

FIRST_NAMES = [
    "Aisha", "Amelia", "Arjun", "Bethan", "Callum", "Chloe", "Connor", "Daniel", "Deepa", "Eilidh", "Emeka",
    "Fatima", "Finlay", "Gareth", "Grace", "Hamza", "Harriet", "Imran", "Isla", "Jack", "Jasmine", "Kieran",
    "Lauren", "Leon", "Maryam", "Mohammed", "Niamh", "Oliver", "Olivia", "Owen", "Priya", "Rhys", "Rosie",
    "Ruth", "Sanjay", "Siobhan", "Sophie", "Tariq", "Tom", "Yusuf", "Zara", "Kofi", "Megan", "Lewis", "Ewan",
]
SURNAMES = [
    "Ahmed", "Begum", "Campbell", "Clarke", "Davies", "Edwards", "Evans", "Fraser", "Green", "Hughes",
    "Hussain", "Jones", "Kaur", "Khan", "Lewis", "MacDonald", "Morgan", "Murphy", "Nowak", "Okafor",
    "Patel", "Price", "Roberts", "Robinson", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Walker",
    "Watson", "Williams", "Wilson", "Wood", "Wright", "Mensah", "O'Neill", "Kowalski", "Chen", "Ali",
]
STREET_WORDS = [
    "Mill", "Church", "Station", "Victoria", "Park", "Oak", "Willow", "Queens", "Kings", "Castle", "Meadow",
    "Orchard", "Elm", "Chestnut", "Hawthorn", "Albert", "Canal", "Bridge", "Abbey", "Grange", "Beech",
]
STREET_TYPES = ["Street", "Road", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Gardens", "Terrace",
                "Grove", "Place", "Court", "Rise", "Mews"]
TOWNS = ["Leicester", "Loughborough", "Nottingham", "Derby", "Coventry", "Hinckley", "Melton Mowbray",
         "Market Harborough", "Oadby", "Wigston", "Birmingham", "Sheffield", "Leeds", "Cardiff", "Glasgow"]
POSTCODE_AREAS = ["LE", "NG", "DE", "CV", "B", "S", "LS", "CF", "G", "M", "BS", "NE", "SW", "E", "N", "PE"]
EXAMPLE_DOMAINS = ["example.com", "example.org", "example.net", "example.co.uk", "mail.example.com"]
DRAMA_LANDLINES = ["0113 496 0{}", "0114 496 0{}", "0115 496 0{}", "0116 496 0{}", "0117 496 0{}",
                   "0118 496 0{}", "0121 496 0{}", "0131 496 0{}", "0141 496 0{}", "0151 496 0{}",
                   "0161 496 0{}", "0191 498 0{}", "020 7946 0{}", "029 2018 0{}", "01632 960{}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CITIES = ["Leicester", "Manchester", "Bristol", "York", "Swansea", "Aberdeen", "Paris", "Madrid", "Lagos",
          "Toronto", "Dublin", "Berlin"]
COUNTRIES = ["United Kingdom", "England", "Wales", "Scotland", "Ireland", "France", "Spain", "Canada"]
ORGANISATIONS = ["Northfield Institute", "Hartley Engineering", "Brookside Housing", "Meridian Foods",
                 "Castleford Motors", "Lindenfield Council", "Ashby Logistics"]


# -- value generators ----------------------------------------------------------------------------


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _nhs_number(rng: random.Random) -> str:
    while True:
        digits = "999" + "".join(rng.choice(string.digits) for _ in range(6))
        total = sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            return digits + str(check)


def _iban(rng: random.Random) -> str:
    bank = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
    bban = bank + "".join(rng.choice(string.digits) for _ in range(14))
    numeric = "".join(str(int(c, 36)) for c in bban + "GB00")
    check = 98 - int(numeric) % 97
    return f"GB{check:02d}{bban}"


def _postcode(rng: random.Random) -> str:
    area = rng.choice(POSTCODE_AREAS)
    district = str(rng.randint(1, 19))
    unit = "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    return f"{area}{district} {rng.randint(1, 9)}{unit}"


@dataclass
class Values:
    """Fictitious UK values, drawn from one seeded generator."""

    rng: random.Random

    def first(self) -> str:
        return self.rng.choice(FIRST_NAMES)

    def name(self) -> str:
        return f"{self.first()} {self.rng.choice(SURNAMES)}"

    def nino(self) -> str:
        if self.rng.random() < 0.2:
            letters = self.rng.choice(["QQ", "DQ", "FY", "BG", "ZZ", "OA"])  # never issued: still an attempt
        else:
            letters = self.rng.choice("ABCEGHJKLMNPRSTWXYZ") + self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        digits = "".join(self.rng.choice(string.digits) for _ in range(6))
        suffix = self.rng.choice("ABCD")
        style = self.rng.randrange(5)
        if style == 0:
            return f"{letters} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
        if style == 1:
            return f"{letters}{digits}{suffix}"
        if style == 2:
            return f"{letters} {digits} {suffix}"
        if style == 3:
            return f"{letters}-{digits[:2]}-{digits[2:4]}-{digits[4:]}-{suffix}"
        return f"{letters}{digits}{suffix}".lower()

    def mobile(self) -> str:
        tail = f"{self.rng.randint(0, 999):03d}"
        return self.rng.choice([
            f"07700 900{tail}", f"07700900{tail}", f"+44 7700 900{tail}", f"+44 (0)7700 900{tail}",
            f"07700-900-{tail}", f"0770 0900 {tail}",
        ])

    def landline(self) -> str:
        while True:
            number = self.rng.choice(DRAMA_LANDLINES).format(f"{self.rng.randint(1, 999):03d}")
            if number != "0116 496 0000":  # the organisation's switchboard is on the allow list
                return number

    def phone(self) -> str:
        return self.mobile() if self.rng.random() < 0.6 else self.landline()

    def email(self) -> str:
        first, last = self.rng.choice(FIRST_NAMES).lower(), self.rng.choice(SURNAMES).lower().replace("'", "")
        local = self.rng.choice([f"{first}.{last}", f"{first}{last}{self.rng.randint(1, 99)}", f"{first[0]}{last}",
                                 f"{first}_{last}"])
        return f"{local}@{self.rng.choice(EXAMPLE_DOMAINS)}"

    def street(self) -> str:
        return f"{self.rng.choice(STREET_WORDS)} {self.rng.choice(STREET_TYPES)}"

    def address(self) -> str:
        flat = f"Flat {self.rng.randint(1, 12)}, " if self.rng.random() < 0.2 else ""
        town = self.rng.choice(TOWNS)
        tail = f", {_postcode(self.rng)}" if self.rng.random() < 0.7 else ""
        return f"{flat}{self.rng.randint(1, 240)} {self.street()}, {town}{tail}"

    def postcode(self) -> str:
        return _postcode(self.rng)

    def nhs(self) -> str:
        digits = _nhs_number(self.rng)
        return self.rng.choice([f"{digits[:3]} {digits[3:6]} {digits[6:]}", digits, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"])

    def sort_account(self) -> str:
        sort = [f"{self.rng.randint(0, 99):02d}" for _ in range(3)]
        account = "".join(self.rng.choice(string.digits) for _ in range(8))
        sep = self.rng.choice(["-", " "])
        joiner = self.rng.choice([" ", ", account ", " acc ", " / ", ", a/c "])
        return f"{sep.join(sort)}{joiner}{account}"

    def iban(self) -> str:
        iban = _iban(self.rng)
        if self.rng.random() < 0.6:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def passport(self) -> str:
        if self.rng.random() < 0.5:
            return "".join(self.rng.choice(string.digits) for _ in range(9))
        letters = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(2))
        return letters + "".join(self.rng.choice(string.digits) for _ in range(7))

    def licence(self) -> str:
        surname = re.sub(r"[^A-Z]", "", self.rng.choice(SURNAMES).upper())[:5].ljust(5, "9")
        year = self.rng.randint(1950, 2005)
        month = self.rng.randint(1, 12) + (50 if self.rng.random() < 0.5 else 0)
        day = self.rng.randint(1, 28)
        initials = self.rng.choice(string.ascii_uppercase) + self.rng.choice(string.ascii_uppercase + "9")
        tail = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(2))
        number = f"{surname}{str(year)[2]}{month:02d}{day:02d}{str(year)[3]}{initials}{self.rng.randint(0, 9)}{tail}"
        return number if self.rng.random() < 0.6 else f"{number[:5]} {number[5:11]} {number[11:]}"

    def reg(self) -> str:
        area = "".join(self.rng.choice("ABCDEFGHKLMNOPRSVWY") for _ in range(2))
        age = self.rng.choice([f"{self.rng.randint(2, 24):02d}", str(self.rng.randint(51, 74))])
        tail = "".join(self.rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
        return f"{area}{age} {tail}"

    def dob(self) -> str:
        year, month, day = self.rng.randint(1950, 2006), self.rng.randint(1, 12), self.rng.randint(1, 28)
        return self.rng.choice([
            f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year}", f"{day} {MONTHS[month - 1]} {year}",
            f"{MONTHS[month - 1]} {day}, {year}", f"{day:02d}-{month:02d}-{year}",
            f"{day}{'th' if 4 <= day <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')} of {MONTHS[month - 1]} {year}",
        ])

    def card(self) -> str:
        digits = _luhn_complete(self.rng.choice(["4111", "4000", "5555", "4242"]), 16, self.rng)
        sep = self.rng.choice([" ", "-", ""])
        return sep.join(digits[i : i + 4] for i in range(0, 16, 4))

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(MONTHS)} {self.rng.randint(2024, 2027)}"


# -- template filling -----------------------------------------------------------------------------


@dataclass
class Example:
    """One labelled draft."""

    id: str
    text: str
    spans: list[dict[str, Any]]
    source: str
    template_id: str
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "text": self.text, "spans": self.spans, "source": self.source,
                           "template_id": self.template_id}, ensure_ascii=False)


# presidio slot -> (our label or None for a non-personal filler, value maker)
def _presidio_slots(v: Values) -> dict[str, tuple[str | None, Callable[[], str]]]:
    r = v.rng
    return {
        "credit_card_number": ("CREDIT_CARD", v.card), "iban": ("IBAN_CODE", v.iban),
        "phone_number": ("UK_PHONE", v.phone), "email": ("EMAIL_ADDRESS", v.email),
        "address": ("STREET_ADDRESS", v.address), "ssn": ("UK_NINO", v.nino),
        "us_driver_license": ("UK_DRIVING_LICENCE", v.licence), "date_of_birth": ("DATE_OF_BIRTH", v.dob),
        "postcode": ("UK_POSTCODE", v.postcode), "zipcode": ("UK_POSTCODE", v.postcode),
        "person": ("PERSON", v.name), "name": ("PERSON", v.name), "name_female": ("PERSON", v.name),
        "name_male": ("PERSON", v.name), "first_name": ("PERSON", v.first), "first_name_male": ("PERSON", v.first),
        "first_name_female": ("PERSON", v.first), "first_name_nonbinary": ("PERSON", v.first),
        "last_name": ("PERSON", lambda: r.choice(SURNAMES)), "last_name_male": ("PERSON", lambda: r.choice(SURNAMES)),
        "last_name_female": ("PERSON", lambda: r.choice(SURNAMES)),
        "building_number": ("BUILDING", lambda: str(r.randint(1, 240))), "street_name": ("STREET", v.street),
        "secondary_address": (None, lambda: f"Flat {r.randint(1, 20)}"),
        "city": (None, lambda: r.choice(CITIES)), "country": (None, lambda: r.choice(COUNTRIES)),
        "organization": (None, lambda: r.choice(ORGANISATIONS)), "age": (None, lambda: str(r.randint(18, 80))),
        "year": (None, lambda: str(r.randint(1960, 2024))), "date_time": (None, v.date),
        "day_of_week": (None, lambda: r.choice(["Monday", "Tuesday", "Friday"])),
        "job": (None, lambda: r.choice(["Lecturer", "Technician", "Payroll Officer"])),
        "nationality": (None, lambda: r.choice(["British", "Irish", "French"])),
        "nation_woman": (None, lambda: "Welsh woman"), "nation_plural": (None, lambda: "Scots"),
        "url": (None, lambda: "https://www.example.org/profile"), "ip_address": (None, lambda: "192.0.2.14"),
        "state_abbr": (None, lambda: "Leics"), "prefix": (None, lambda: "Dr"), "prefix_male": (None, lambda: "Mr"),
        "prefix_female": (None, lambda: "Ms"),
    }


_BUSINESS_CUES = re.compile(r"\b(?:restaurant|office is|offices are|bus|corner|pedestrians|clubs|station|place downtown)\b",
                            re.IGNORECASE)
_BIRTH = re.compile(r"\b(?:born|birth|dob|birthday)\b", re.IGNORECASE)
# A form or an address block over several lines is one record: only . ! ? end a sentence.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _fill(template: str, slot_values: Callable[[str], tuple[str | None, str]]) -> tuple[str, list[dict[str, Any]]]:
    """Replace ``{{slot}}`` markers; return the text and raw (label, start, end) spans."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for match in re.finditer(r"\{\{(\w+)\}\}|\[\[([^|\]]+)\|([A-Z_]+)\]\]", template):
        literal = template[pos : match.start()]
        out.append(literal)
        length += len(literal)
        if match.group(1):
            label, value = slot_values(match.group(1))
        else:
            label, value = match.group(3), match.group(2)
        out.append(value)
        if label:
            spans.append({"label": label, "start": length, "end": length + len(value)})
        length += len(value)
        pos = match.end()
    out.append(template[pos:])
    return "".join(out), spans


def _finalise(text: str, spans: list[dict[str, Any]], template: str) -> list[dict[str, Any]]:
    """Apply the gold-label rules (addresses, dates of birth, linked names)."""
    spans = sorted(spans, key=lambda s: s["start"])
    merged: list[dict[str, Any]] = []
    # An address is someone's unless the template places a business or a landmark there
    # (an organisation's address with no person named; a restaurant, a bus stop, a corner).
    business = bool(_BUSINESS_CUES.search(template)) or (
        "{{organization}}" in template and not re.search(r"\{\{(?:person|name|first_name)", template))
    personal = not business
    for span in spans:
        label = span["label"]
        if label == "STREET" and merged and merged[-1]["label"] == "BUILDING" and \
                text[merged[-1]["end"] : span["start"]].strip() == "":
            merged[-1] = {"label": "STREET_ADDRESS", "start": merged[-1]["start"], "end": span["end"]}
            continue
        merged.append(dict(span))
    out = []
    for span in merged:
        label = span["label"]
        if label in ("BUILDING", "STREET"):
            continue
        if label in ("STREET_ADDRESS", "UK_POSTCODE") and not personal:
            continue
        if label == "DATE_OF_BIRTH" and not _BIRTH.search(text):
            continue
        out.append(span)
    others = [s for s in out if s["label"] != "PERSON"]
    kept = []
    for span in out:
        if span["label"] != "PERSON":
            kept.append(span)
            continue
        sentence = _sentence_of(text, span["start"])
        same_sentence = any(sentence[0] <= s["start"] < sentence[1] for s in others)
        identifying = any(s["label"] in IDENTIFYING or str(s["label"]).startswith("SPECIAL_CATEGORY")
                          for s in others)
        if same_sentence or identifying:
            kept.append(span)
    for span in kept:
        span["text"] = text[span["start"] : span["end"]]
    return kept


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > at:
            return start, match.end()
        start = match.end()
    return start, len(text)


def _split(template_id: str, seed: int) -> str:
    digest = hashlib.sha256(f"{seed}:{template_id}".encode()).digest()
    return "heldout" if digest[0] / 256 < HELD_OUT_SHARE else "dev"


# -- the staff drafts ----------------------------------------------------------------------------

# Slots: {name} {first} {nino} {mobile} {landline} {phone} {email} {address} {postcode} {nhs}
# {bank} {iban} {passport} {licence} {reg} {dob} {card}; [[text|LABEL]] marks a literal gold span.
STAFF_SLOTS = {
    "name": "PERSON", "first": "PERSON", "nino": "UK_NINO", "mobile": "UK_PHONE", "landline": "UK_PHONE",
    "phone": "UK_PHONE", "email": "EMAIL_ADDRESS", "address": "STREET_ADDRESS", "postcode": "UK_POSTCODE",
    "nhs": "UK_NHS", "bank": "UK_BANK_ACCOUNT", "iban": "IBAN_CODE", "passport": "UK_PASSPORT",
    "licence": "UK_DRIVING_LICENCE", "reg": "UK_VEHICLE_REG", "dob": "DATE_OF_BIRTH", "card": "CREDIT_CARD",
    "date": None, "town": None,
}

STAFF_TEMPLATES = [
    "Can someone in payroll sort out {name}'s tax code? Her NI number is {nino}.",
    "New starter {name} - NI {nino}, starts Monday in Estates.",
    "{first} left their national insurance number on the printer: {nino}. Anyone know whose desk?",
    "For the DBS form: {name}, NINO {nino}, date of birth {dob}.",
    "Quick one - is {nino} the right format for a national insurance number? It's for {first}.",
    "If anyone needs to reach {first} over the break, her mobile is {mobile}.",
    "Lost dog found near the car park! Owner is {name}, call {mobile} if you see him.",
    "{name} is selling a sofa, give her a ring on {mobile} if interested.",
    "Please welcome {name} to the Engineering team! Drop her a text on {mobile} to say hi.",
    "Happy retirement {first}! For anyone who wants to send a card, his home number is {landline}.",
    "Lift share from Oadby anyone? Message {first} on {mobile}.",
    "Parents' evening cover: ring {name} at home on {landline} before 8.",
    "{first}'s new number is {phone} - update your contacts!",
    "Great talk today by {name}! You can reach her directly at {email}.",
    "Our new apprentice {name} ({email}) is looking for a mentor.",
    "Spare tickets for Saturday - email {email} if you want them, {first} will sort it.",
    "{name} has moved to {address}, please update the Christmas card list.",
    "Flowers for {first} should go to her home address: {address}.",
    "Party at {first}'s this Friday! {address}. Bring a bottle.",
    "{name} lives at {address} if anyone is driving past with the spare keys.",
    "Parcel for {name} was delivered to {address} by mistake, can someone collect?",
    "{first} has just moved, new postcode is {postcode}.",
    "Does anyone live near {postcode}? {first} needs a lift on Thursday.",
    "{first} was admitted overnight - NHS number {nhs} in case the ward calls.",
    "Forms for {name}: NHS no. {nhs}, GP at the Wigston practice.",
    "Reminder for the trip: {first}'s NHS number is {nhs} for the medical form.",
    "Reimburse {name} for the conference: sort code {bank}.",
    "Can finance pay {first} back? Bank details: {bank}.",
    "Whip-round for {first}'s leaving gift, send money to sort code {bank}.",
    "{first}'s refund should go to IBAN {iban}.",
    "Overseas speaker fee: {name}, IBAN {iban}.",
    "Booking the Paris trip for {name}, passport number {passport}.",
    "{first} needs her passport back for Friday, it's {passport} - left in the office safe.",
    "Hire van booked for {name}, driving licence {licence}.",
    "Insurance form for the minibus: {first}, licence no. {licence}.",
    "Whoever owns the silver Corsa {reg} in the disabled bay, please move it. Pretty sure it's {first}'s car.",
    "{name}'s car reg is {reg} - can security add it to the permit list?",
    "Happy birthday {first}! Born on {dob} and still the youngest at heart.",
    "For the insurance: {name}, date of birth {dob}.",
    "{name} (DOB {dob}) is joining the board next month.",
    "Paid for the team lunch with {first}'s card {card}, can she get reimbursed?",
    "Found a bank card on the stairs, number {card}, name {name}. At reception.",
    "{first} from accounts is off with [[depression|SPECIAL_CATEGORY_HEALTH]], so invoices will be slow.",
    "{first} in HR is [[pregnant|SPECIAL_CATEGORY_PREGNANCY]]! Due in March apparently.",
    "Did you hear {first} is [[gay|SPECIAL_CATEGORY_SEXUAL_ORIENTATION]]? Never would have guessed.",
    "{name} has been [[diagnosed|SPECIAL_CATEGORY_HEALTH]] with [[cancer|SPECIAL_CATEGORY_HEALTH]], keep her in your thoughts.",
    "{first} is back from [[rehab|SPECIAL_CATEGORY_HEALTH]] next week, be nice.",
    "{first}'s been [[signed off sick|SPECIAL_CATEGORY_HEALTH]] with stress again.",
    "{name} is a [[devout|SPECIAL_CATEGORY_RELIGION]] [[Muslim|SPECIAL_CATEGORY_RELIGION]] so don't book the dinner during Ramadan.",
    "{first} [[came out|SPECIAL_CATEGORY_SEXUAL_ORIENTATION]] to the team last week, so proud of him.",
    "Not sure {first} should lead the trip given his [[criminal record|SPECIAL_CATEGORY_CRIMINAL_RECORD]].",
    "{name} [[was arrested|SPECIAL_CATEGORY_CRIMINAL_RECORD]] at the weekend, apparently.",
    "{first} is our [[union rep|SPECIAL_CATEGORY_TRADE_UNION]], she'll be at the meeting.",
    "{name} [[votes Reform|SPECIAL_CATEGORY_POLITICAL_OPINION]], which explains a lot.",
    "{first} has [[epilepsy|SPECIAL_CATEGORY_HEALTH]] so please don't use strobe lights at the party.",
    "{first} is on [[maternity leave|SPECIAL_CATEGORY_PREGNANCY]] until June.",
    "{name} is [[transgender|SPECIAL_CATEGORY_GENDER_IDENTITY]] and starts with us on Monday.",
    "{first} has been [[in hospital|SPECIAL_CATEGORY_HEALTH]] since Tuesday after a fall.",
    "{first} is [[Jewish|SPECIAL_CATEGORY_RELIGION]] so won't be in on Yom Kippur.",
    "{name} suffers from [[anxiety|SPECIAL_CATEGORY_HEALTH]], so go easy on her in the review.",
    "{first} told me she's having [[IVF|SPECIAL_CATEGORY_HEALTH]], keep it quiet.",
    "Welcome back {first}! Hope the [[chemo|SPECIAL_CATEGORY_HEALTH]] is going ok.",
    "{name} joined [[Unison|SPECIAL_CATEGORY_TRADE_UNION]] after the pay dispute.",
    "{first} has [[ADHD|SPECIAL_CATEGORY_HEALTH]] so give him the quiet room for exams.",
    "Contact sheet for the residential: {name}, {mobile}, {email}.",
    "{name}\n{address}\nMobile: {mobile}\nEmail: {email}",
    "Emergency contact for {first}: her partner on {mobile}, home {address}.",
    "Volunteer list: {name} {phone}; {name} {phone}.",
    "Ring {first} on {mobile} or email {email} to join the five-a-side team.",
    "Anyone recognise this? {first} dropped a wallet with a card {card} and licence {licence}.",
    "{first}'s payslip details: NI {nino}, sort code {bank}.",
    "Scholarship winner {name}: bank {bank}, DOB {dob}.",
    "Lost: a blue folder with {first}'s passport ({passport}) and NHS card {nhs}.",
    "{first} bought a new car, reg {reg}, parked in bay 12.",
    "Does anyone know if {email} is still {first}'s address? Messages bounce.",
    "Shout out to {first} who found my keys! If yours go missing, text {mobile}.",
    "{name}, born {dob}, has been nominated for the long service award.",
    "{first} asked me to share her number for the choir: {phone}.",
    "For the insurance claim: {name}, {address}, policy holder since 2019.",
]

HARD_NEGATIVES = [
    "Congratulations to {name} on her award!",
    "Huge well done to {name} and {name} for winning the regional skills final!",
    "Thank you {first} for organising such a brilliant open day.",
    "Please welcome {name}, our new Head of Engineering, who joins us from Sheffield.",
    "Happy retirement {first}! 32 years of service to Northfield.",
    "Great to see {name} presenting our apprenticeship research at the conference.",
    "Well done to our students {name}, {name} and {name} on their distinctions.",
    "{name} from the Welding department has been shortlisted for Teacher of the Year!",
    "Happy birthday {first}! Cake in the staff room at 3.",
    "For press enquiries contact press@northfield.ac.uk or call 0116 496 0000.",
    "Questions about courses? Email admissions@northfield.ac.uk or ring +44 116 496 0000.",
    "Enquiries to enquiries@northfield.ac.uk, or freephone 0800 123 4567.",
    "Our comms team (comms@northfield.ac.uk) will share photos from the event next week.",
    "Students can contact studentservices@northfield.ac.uk for support.",
    "Call us free on 0800 123 4567 to book your place.",
    "Applications close on {date}; interviews start the week after.",
    "Our open day is on {date} at 1 Station Road, Leicester.",
    "Join us at the campus, 12 College Road, LE1 7RH, for the careers fair.",
    "Term starts {date}. Timetables are on the portal.",
    "The new library opens on 14/09/2026 - come and see it!",
    "Enrolment week runs 01-09-2026 to 05-09-2026.",
    "Order ref AB123456C has shipped and should arrive Thursday.",
    "Replacement part no. HT-4410-B and SKU QQ123456C are back in stock.",
    "Course code ENG4011 runs on Mondays in room B204.",
    "Serial number 4432 8812 9910 on the back of the projector needs registering.",
    "Invoice no. 20457741 was paid on 12-05-26.",
    "The new welders (model WX-51 ABC) arrive next month.",
    "Booking ref AB1234567 confirmed for the staff trip.",
    "We raised 1,234,567 pounds for the hospital appeal this year!",
    "Room B12 3AB? No, the seminar is in C14 on the third floor.",
    "Join us for Mental Health Awareness Week: talks, walks and free tea.",
    "Dr {name} will give a talk on diabetes prevention next Tuesday.",
    "Our staff network for LGBT+ colleagues meets every first Thursday.",
    "We are proud to support the cancer research fundraiser this Saturday.",
    "Ramadan Mubarak to all colleagues and students celebrating.",
    "{name} is running the marathon for a cancer charity, please sponsor her!",
    "Black History Month starts today with a talk in the main hall.",
    "Union meeting about the pay offer at 1pm in the lecture theatre.",
    "Read {name}'s new book on the history of the Labour movement.",
    "Coffee morning for the Macmillan cancer appeal, all welcome.",
    "The bus drops you off at 45 High Street, right outside reception.",
    "Visit our shop at 3 Market Place, Loughborough.",
    "Our partners at Hartley Engineering, 200 Canal Street, hosted the site visit.",
    "Our team won 3-1 on Saturday, see you at training on the 14th.",
    "The 2026 prospectus is out now: 120 courses, 40 apprenticeships.",
    "Call centre hours are 9-5, Monday to Friday.",
    "Year 12 results: 98% pass rate, 45% at distinction.",
    "Great feedback from employers about our T-level placements.",
    "Fire drill on Wednesday at 10:30. Please leave by the nearest exit.",
    "Our football team kicks off at 2pm against Hinckley.",
    "{first} ran the Great North Run in 2 hours 5 minutes, amazing!",
    "Well done {first} on passing your driving test!",
    "Shout out to {name} for fixing the boiler in Block C.",
    "{name} has been appointed chair of the governors' finance committee.",
    "Thanks to {first} and the Estates team for clearing the snow.",
    "The 7.45 train to London was cancelled again today.",
    "Our bank holiday opening hours: 10am to 2pm.",
    "Tickets are 5 pounds each; the raffle raised 412 pounds.",
    "Version 2.4.1 of the VLE goes live on 03/02/2026.",
    "The minibus (reg on the rota sheet) must be back by 6pm.",
    "Happy Diwali to everyone celebrating this weekend!",
    "Please complete the equality and diversity survey by Friday.",
    "Our NHS partners will run a blood donation session on campus.",
    "Health and safety training is compulsory for all new technicians.",
    "The sixth form block reopens after the summer works.",
    "Meet {first} at the reception desk, she will show you round.",
    "Proud to announce {name} as our new apprentice ambassador.",
    "{first} and {first} did a fantastic job hosting the awards evening.",
    "Welcome to our new governors, {name} and {name}.",
]


def _staff_examples(values: Values, templates: list[str], source: str, copies: int,
                    seed: int) -> list[Example]:
    examples = []
    makers = {
        "name": values.name, "first": values.first, "nino": values.nino, "mobile": values.mobile,
        "landline": values.landline, "phone": values.phone, "email": values.email, "address": values.address,
        "postcode": values.postcode, "nhs": values.nhs, "bank": values.sort_account, "iban": values.iban,
        "passport": values.passport, "licence": values.licence, "reg": values.reg, "dob": values.dob,
        "card": values.card, "date": values.date, "town": lambda: values.rng.choice(TOWNS),
    }

    def slot(name: str) -> tuple[str | None, str]:
        return STAFF_SLOTS[name], makers[name]()

    for index, template in enumerate(templates):
        as_presidio = re.sub(r"\{(\w+)\}", r"{{\1}}", template)
        template_id = f"{source}-{index:03d}"
        for copy in range(copies):
            text, spans = _fill(as_presidio, slot)
            examples.append(Example(
                id=f"{template_id}-{copy}", text=text, spans=_finalise(text, spans, "{{person}} my"),
                source=source, template_id=template_id,
            ))
    return examples


def _presidio_examples(values: Values, templates_path: Path, copies: int) -> list[Example]:
    slots = _presidio_slots(values)
    examples = []
    lines = templates_path.read_text(encoding="utf-8", errors="replace").splitlines()
    for index, line in enumerate(lines):
        template = line.replace("\\n", "\n").replace("\\,", ",").strip()
        if not template:
            continue
        unknown = [s for s in re.findall(r"\{\{(\w+)\}\}", template) if s not in slots]
        if unknown:
            continue
        template_id = f"presidio-{index:03d}"
        for copy in range(copies):
            text, spans = _fill(template, lambda name: (slots[name][0], slots[name][1]()))
            examples.append(Example(
                id=f"{template_id}-{copy}", text=text, spans=_finalise(text, spans, template),
                source="presidio-templates", template_id=template_id,
            ))
    return examples


def generate(templates_path: Path = DEFAULT_TEMPLATES, seed: int = DEFAULT_SEED) -> dict[str, list[Example]]:
    """Every example, split into ``dev`` and ``heldout`` by template."""
    values = Values(random.Random(seed))
    examples = _presidio_examples(values, templates_path, copies=2)
    examples += _staff_examples(values, STAFF_TEMPLATES, "staff", copies=3, seed=seed)
    examples += _staff_examples(values, HARD_NEGATIVES, "staff-negative", copies=1, seed=seed)
    split: dict[str, list[Example]] = {"dev": [], "heldout": []}
    for example in examples:
        split[_split(example.template_id, seed)].append(example)
    return split


def write(out_dir: Path, split: dict[str, list[Example]]) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, examples in split.items():
        path = out_dir / f"{name}.jsonl"
        path.write_text("".join(e.to_json() + "\n" for e in examples), encoding="utf-8")
        counts[name] = len(examples)
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    counts = write(args.out, generate(args.templates, args.seed))
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
