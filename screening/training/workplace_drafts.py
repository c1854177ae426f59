"""Writes ``data/workplace/train_extra.jsonl``: templated workplace training drafts (issue 4).

Hand-written openings, role names and phrases are combined so each pattern appears in several
contexts: biased job adverts for every protected characteristic, stereotypes, insults, sarcasm,
threats and innuendo about colleagues, clients and competitors, and matched hard negatives (inclusive
adverts, counter-speech, technical words such as "kill switch" or "butt weld"). Every name and company
is invented. Deterministic (seeded); run ``python -m screening.training.workplace_drafts``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROLES = ["welding instructor", "apprentice electrician", "CNC machinist", "office coordinator",
         "sales executive", "IT support technician", "plumbing assessor", "receptionist",
         "fabrication trainer", "health and safety officer", "course administrator", "site supervisor"]
OPENERS = ["We're hiring a {role}.", "Job alert: {role} wanted.", "Now recruiting: {role} at our Leeds centre.",
           "Vacancy: {role}, full time.", "Our Derby workshop needs a {role}.", "Join us as a {role}."]

# (characteristic, phrases that exclude or stereotype). Written for this file, not copied.
BIASED = {
    "age": ["Ideal for a young team player under 30.", "Perfect for digital natives who grew up online.",
            "Recent graduates only, please.", "We want energetic young blood, not someone winding down to retirement.",
            "Applicants over 50 need not apply.", "Looking for fresh faces to match our youthful culture.",
            "Older candidates tend to struggle with our pace, so this suits someone in their twenties.",
            "Must be between 18 and 25 to fit the team.", "No old-timers set in their ways.",
            "Best suited to a lively youngster rather than someone nearing their pension."],
    "pregnancy_maternity": ["Not suitable for mums with childcare commitments.", "No career breaks on your CV, please.",
                            "Please confirm you are not planning a family in the next two years.",
                            "We can't accommodate maternity leave in this role.",
                            "Pregnant applicants would not cope with the workload.",
                            "New mothers usually lose focus, so we prefer candidates without young babies.",
                            "Candidates returning from maternity leave are not a good fit."],
    "sex": ["Suits a strong man who can handle the workshop.", "This is a man's job, ladies need not apply.",
            "We'd prefer a young lady for the front desk to keep things pretty.",
            "Women are too emotional for site management.", "Only male applicants for this hands-on role.",
            "Girls don't really get engines, so we're after a lad.", "A bloke's role: heavy lifting and banter."],
    "race": ["Native English speakers only.", "No foreign trainees, sorry.", "Must be British born and bred.",
             "Foreign trainees are lazy and slow us down, so UK nationals preferred.",
             "Eastern European applicants tend to cut corners, so we'd rather not.",
             "We want someone who fits our local culture, not immigrants.",
             "Applicants with foreign-sounding names rarely work out here.",
             "Trainees from abroad never understand our standards."],
    "disability": ["Must be able-bodied.", "No wheelchair users, the office has stairs and we won't change it.",
                   "Candidates with mental health issues are too unreliable for this desk job.",
                   "Must have no disabilities or long-term health conditions.",
                   "Autistic people don't fit our client-facing team.",
                   "Deaf applicants can't cope with our phone-free admin role."],
    "religion": ["No headscarves in our workshop image.", "Muslims need not apply, prayer breaks disrupt the shift.",
                 "Christian values a must for this admin role.", "We don't hire people who need time off for religious holidays.",
                 "Turbans don't fit our uniform policy, so Sikh applicants should look elsewhere.",
                 "Jewish candidates won't fit our Saturday rota, so don't bother."],
    "sexual_orientation": ["Straight candidates preferred for client-facing work.", "No gay lads, the site crew wouldn't like it.",
                           "We want a family man with a wife, not a lesbian.", "Gay staff make the customers uncomfortable."],
    "gender_reassignment": ["No trans applicants for the changing-room supervisor role.",
                            "Must have been born a woman.", "Transgender staff confuse our clients, so not for this role.",
                            "We won't consider anyone who is transitioning."],
    "marriage_civil_partnership": ["Single applicants preferred, no spouses to distract you.",
                                   "Married women tend to leave, so we're after single candidates.",
                                   "Not suitable for anyone in a civil partnership.",
                                   "Must be unmarried and free to travel at short notice."],
}
STEREOTYPES = {
    "race": ["Foreign trainees always need everything explained twice.", "You know what those Polish lads are like, cheap and sloppy.",
             "Never trust the Asian suppliers, they'll cheat you.", "Typical Nigerian client, always trying a scam."],
    "sex": ["She only got promoted because she's a woman.", "Women can't read technical drawings.",
            "Send a man to fix it, the girls just panic."],
    "age": ["The old boys in maintenance are too slow to learn anything new.", "Millennials are lazy and entitled, don't hire them.",
            "Anyone over sixty should be put out to pasture."],
    "disability": ["He's in a wheelchair so he's useless on site.", "Dyslexic trainees are just thick."],
    "religion": ["Muslims are all extremists.", "Catholics can't be trusted with money."],
    "sexual_orientation": ["Gay men are too flamboyant for a proper workshop.", "Lesbians hate men so keep her off the team."],
    "pregnancy_maternity": ["Once she's pregnant her brain goes to mush.", "Mums always put the kids first, so useless for deadlines."],
    "gender_reassignment": ["Trans people are just confused and shouldn't be in our toilets."],
    "marriage_civil_partnership": ["Married blokes are boring, never hire one."],
}
TARGETS = ["Gary in procurement", "the new trainee, Priya", "our client at Halden Steel", "the team at Norcross Fabrication",
           "the lot at Bexley Training", "that assessor from Corvale", "Marcus in finance", "the Redfield sales team",
           "our so-called competitors at Ashmoor Skills", "the facilities manager"]
INSULTS = {
    "insult": ["{t} is a brainless clown.", "{t} is an absolute moron.", "{t} are a pack of clueless halfwits.",
               "{t} couldn't weld two bits of metal if their life depended on it.", "{t} is a total waste of space and salary.",
               "{t} is a spineless little worm.", "Honestly {t} is thick as two short planks."],
    "sarcasm": ["Oh brilliant, {t} managed to read an email today, give them a medal.",
                "Wow, {t} finished a task without breaking something, miracles do happen.",
                "Great job {t}, another masterpiece of incompetence.",
                "Nice one {t}, truly the sharpest tool in the shed. Not.",
                "Congratulations to {t} for proving you can fail upwards."],
    "threat": ["If {t} messes up my order again I'll break their legs.", "{t} had better watch their back in the car park.",
               "Someone should give {t} a good kicking.", "I'm going to make {t} regret ever being born.",
               "Keep it up and {t} will find their tyres slashed."],
    "sexual": ["{t} would get promoted faster on their knees, wink wink.", "Bet {t} knows how to handle a big tool, if you know what I mean.",
               "{t} can come and inspect my pipework in private any time.", "Nice rack on {t}, shame about the brain."],
    "profanity": ["{t} is a total prick.", "{t} can piss off.", "What a shitshow from {t}.", "{t} are a bunch of arseholes."],
    "harassment": ["Everyone should spam {t} until they quit.", "Let's all ignore {t} until they cry in the toilets again.",
                   "Post {t}'s home address so people can tell them what we think."],
}
HARD_NEG = ["Remember to test the kill switch on every lathe before the session.", "We hate downtime, so the new spares arrive tomorrow.",
            "Black oxide coating gives these fixings a tidy finish.", "Today's assessment: a full-penetration butt weld on 10mm plate.",
            "Acid attack on stainless steel: why pickling paste needs proper PPE.", "The compressor killed it in this week's efficiency test.",
            "Our apprentices absolutely smashed their practical exams.", "That was a killer presentation from the sales team.",
            "Use a male and female connector to join the two hoses.", "Kill the power at the isolator before opening the panel.",
            "We shot some footage of the new blast booth.", "The master and slave cylinders need bleeding in this module.",
            "Screw thread gauges are in the blue drawer.", "Strip the insulation back 10mm before crimping.",
            "Nuts, bolts and washers are restocked in bay 4.", "The fire drill will kill two birds with one stone this Friday.",
            "Bang-on results from our Level 3 plumbing cohort.", "We're dying to show you our new training rig.",
            "Blackout blinds are being fitted in classroom 2.", "The cocktail of gases in MIG welding matters, here's why.",
            "Hammer drills on offer for trainees this month.", "Our old kit is being retired to make room for new lathes.",
            "Mature students are welcome on every course.", "Young or old, the apprenticeship is open to everyone.",
            "Please use the gender-neutral toilets on the ground floor if you prefer."]
INCLUSIVE = ["We welcome applicants of all ages, backgrounds and abilities.", "Career breaks are welcome here; tell us what you learnt.",
             "Flexible hours for parents and carers are available.", "Step-free access throughout; reasonable adjustments on request.",
             "We are a disability-confident employer and guarantee interviews for disabled applicants who meet the criteria.",
             "Prayer room available; shift swaps for religious festivals are easy to arrange.",
             "Returners after maternity or parental leave are encouraged to apply.",
             "Good written English needed for safety reports; no nationality requirement.",
             "We are proud to be an inclusive employer for LGBTQ+ staff.", "Trans and non-binary applicants are warmly welcome.",
             "Your marital status makes no difference to us, whatever it is.", "Lifting up to 20kg is required on site; we'll discuss adjustments.",
             "Some heavy lifting involved; training and lifting aids provided to everyone."]
COUNTER = ["Someone said 'no foreign trainees' in a job ad last week. That's discrimination and it's not OK.",
           "Adverts asking for 'digital natives' exclude older workers. Please stop using that phrase.",
           "Telling a candidate the role is 'not suitable for mums' is unlawful. We reported it.",
           "Calling colleagues 'useless idiots' in the group chat is bullying; we've updated our conduct policy.",
           "If you see 'native English speakers only' in an advert, flag it to HR.",
           "Saying women are too emotional for management is a stereotype, and it's wrong.",
           "Our trainees from abroad are some of the best welders we have, full stop.",
           "Jokes about gay staff are not banter. Report them.",
           "We stand with our Muslim colleagues against the abuse they received online."]
CLEAN_TAILS = ["Apply by Friday via our careers page.", "Training provided, full PPE supplied.", "Salary £28k to £32k.",
               "Apply online, closing date 30 June.", "Great team, free parking, 25 days holiday."]


def _rows(rng: random.Random) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(text: str, off: int, dis: int, characteristic: str | None, kind: str) -> None:
        rows.append({"text": text, "offensive": off, "discriminatory": dis, "characteristic": characteristic, "kind": kind})

    for characteristic, phrases in BIASED.items():
        for phrase in phrases:
            for opener in rng.sample(OPENERS, 3):
                tail = rng.choice(CLEAN_TAILS)
                text = " ".join([opener.format(role=rng.choice(ROLES)), phrase, tail] if rng.random() < 0.5
                                else [opener.format(role=rng.choice(ROLES)), phrase])
                add(text, 0, 1, characteristic, "job_advert")
    for characteristic, phrases in STEREOTYPES.items():
        for phrase in phrases:
            add(phrase, 0, 1, characteristic, "stereotype")
            add(f"Honestly, {phrase[0].lower()}{phrase[1:]}", 0, 1, characteristic, "stereotype")
    for kind, templates in INSULTS.items():
        for template in templates:
            for target in rng.sample(TARGETS, 3):
                text = template.format(t=target)
                add(text[0].upper() + text[1:], 1, 0, None, kind)
    for text in HARD_NEG:
        add(text, 0, 0, None, "hard_negative")
    for text in INCLUSIVE:
        for opener in rng.sample(OPENERS, 4):
            add(f"{opener.format(role=rng.choice(ROLES))} {text}", 0, 0, None, "identity_positive")
    for text in COUNTER:
        add(text, 0, 0, None, "counter_speech")
    # Ordinary adverts share the openers of the biased ones, so the openers alone carry no signal.
    for role in ROLES:
        for opener in rng.sample(OPENERS, 4):
            add(f"{opener.format(role=role)} {rng.choice(CLEAN_TAILS)}", 0, 0, None, "clean")
    seen: set[str] = set()
    return [r for r in rows if not (r["text"] in seen or seen.add(str(r["text"])))]  # type: ignore[func-returns-value]


def main() -> None:
    rows = _rows(random.Random(4))
    path = Path("data/workplace/train_extra.jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
