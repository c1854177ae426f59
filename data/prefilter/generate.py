"""Unlabelled ordinary staff posts for distilling the pipeline's first stage (``screening train prefilter``).

The prefilter learns to imitate the full pipeline, so its texts need no labels: the full pipeline
scores each one. What it needs is the traffic it will see, and most of an organisation's posts are
ordinary: events, courses, job adverts, congratulations, research news, closures, thanks. The other
distillation sources (tweets from the toxicity sets, the confidential and defamation drafts) have
few such posts, and the ones they have are mostly near-misses written to be hard, so the first stage
learned to distrust the plain corporate register. These sentences were written for this project
(CC0); every person, place and organisation is invented. They share no sentence with the benchmark
corpus (``bench/corpus.py``) or the evaluation sets (``data/corporate/``, ``data/audit_sample/``).

``python data/prefilter/generate.py`` rewrites ``corporate_unlabelled.jsonl`` (deterministic).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261125
COUNT = 2400

NAMES = ["Aled", "Bethan", "Callum", "Dimitra", "Eleri", "Farhan", "Grace", "Harri", "Imogen", "Joel", "Kasia",
         "Leon", "Maya", "Nia", "Oisin", "Petra", "Ravi", "Seren", "Theo", "Zara"]
SURNAMES = ["Bowen", "Chandra", "Dyer", "Ellison", "Foley", "Griffiths", "Hale", "Ingram", "Joshi", "Kerr",
            "Lloyd", "Mistry", "Nolan", "Osei", "Parry", "Roberts", "Shah", "Tanner", "Vaughan", "Wood"]
COURSES = ["Level 3 Electrical Installation", "HNC Mechanical Engineering", "CAD for beginners",
           "Level 2 Plumbing", "welding and fabrication", "PLC programming", "renewable energy technologies",
           "first aid at work", "health and safety for supervisors", "robotics and automation",
           "carpentry and joinery", "motor vehicle maintenance", "data analysis with Python",
           "project management essentials", "construction site supervision", "heat pump installation"]
EVENTS = ["open evening", "careers fair", "awards night", "taster day", "industry breakfast", "family fun day",
          "science festival", "charity bake sale", "alumni reunion", "apprentice showcase", "skills competition",
          "research seminar", "employer forum", "wellbeing week", "sports day", "book club"]
PLACES = ["the Riverside campus", "the Quarry Road site", "Lab 4", "the engineering hall", "the learning centre",
          "the Marlowe building", "the atrium", "room G12", "the sports centre", "the main reception",
          "the town library", "the community centre"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "next week", "this weekend",
        "on 14 March", "on 3 June", "on 21 September", "on 9 November", "tomorrow", "later this month"]
TIMES = ["9am", "9.30am", "10am", "noon", "1pm", "2pm", "3.30pm", "4pm", "6pm", "7pm"]
ROLES = ["lecturer in electrical engineering", "workshop technician", "student support adviser",
         "apprenticeship coordinator", "marketing assistant", "IT support analyst", "finance officer",
         "learning resources assistant", "research fellow", "facilities assistant", "exams officer",
         "careers adviser"]
PARTNERS = ["Fenmoor Engineering", "Halden Builders", "the county council", "Brookside Primary School",
            "Tarn Valley Water", "the local chamber of commerce", "Greystone Housing", "Coldharbour Motors",
            "the regional skills board", "Ashgrove Hospital"]
TOPICS = ["hydrogen boilers", "low-carbon construction", "battery recycling", "smart grids", "3D printing",
          "digital twins", "apprentice retention", "flood-resilient housing", "machine vision", "timber frames"]
EMOJI = ["🎉", "👏", "🙌", "💡", "📚", "🔧", "⚡", "✅", "😊", "👍", "🌱", "🏆"]
TAGS = ["#Apprenticeships", "#FE", "#Engineering", "#Skills", "#Careers", "#STEM", "#Research", "#TeamWork",
        "#Community", "#Learning", "#NetZero", "#Proud"]

SENTENCES = [
    # events
    "Join us for our {event} at {place} {day} from {time}.",
    "Our {event} is back {day}, and everyone is welcome.",
    "Doors open at {time} for the {event}; parking is free on the day.",
    "Thank you to everyone who came to the {event} yesterday, it was a fantastic afternoon.",
    "Photos from the {event} are now up on our gallery page.",
    "The {event} raised over £{money} for the local food bank.",
    "Tickets for the {event} are free but please book so we know numbers.",
    "Drop in to {place} any time between {time} and 5pm to chat with our tutors.",
    "We had a great time hosting pupils from Brookside Primary School at the {event}.",
    "Come along to the {event}, there will be demonstrations, refreshments and plenty of advice.",
    # courses
    "Enrolment for {course} is now open for the new term.",
    "There are still a few places left on our {course} course starting {day}.",
    "Our {course} course runs one evening a week for twelve weeks.",
    "No previous experience is needed for the {course} short course.",
    "Learners on the {course} programme spent the day on site with {partner}.",
    "Fees for {course} may be covered for adults on a low income; ask our advice team.",
    "The {course} timetable for next term has been published on the student portal.",
    "Our new {course} workshop has been kitted out with the latest equipment.",
    "Find out more about {course} at our {event} {day}.",
    "Well done to the first cohort to complete the {course} qualification.",
    # jobs
    "We are recruiting a {role} to join our friendly team.",
    "Vacancy: {role}, full time, permanent, based at {place}.",
    "Applications for the {role} post close on {date}.",
    "We offer flexible working, generous leave and a pension for every {role}.",
    "Interested in becoming a {role}? Full details and the application pack are on our careers page.",
    "We welcome applications from everyone and offer reasonable adjustments throughout the process.",
    "Training and support will be given, so do apply even if you don't tick every box.",
    # congratulations
    "Congratulations to {name} {surname} on winning the {award} award!",
    "A huge well done to {name} for passing the final assessment with a merit.",
    "Please join us in congratulating {name} {surname}, our new head of engineering.",
    "{name} has been shortlisted for Apprentice of the Year, fingers crossed for the final.",
    "Happy retirement to {name}, who has taught at the college for twenty-six years.",
    "Welcome to {name} {surname}, who joins us this week as our {role}.",
    "Our learners took home three medals at the regional skills competition.",
    "Congratulations to the whole team on a brilliant inspection outcome.",
    # research news
    "Our research team has published a new paper on {topic} in an open-access journal.",
    "The report on {topic} is now available to download from our website.",
    "Dr {surname} will present our work on {topic} at the national conference {day}.",
    "We are delighted to announce a new partnership with {partner} on {topic}.",
    "Our {topic} project has received funding from the regional innovation fund.",
    "The public lecture on {topic} will be streamed live for anyone who cannot attend.",
    "Results from last year's published study on {topic} were covered in the local paper.",
    "Students helped collect the data for our study on {topic} over the summer.",
    # operations
    "The campus will be closed on bank holiday Monday and reopens on Tuesday at {time}.",
    "Due to the weather, {place} is closed today; online classes go ahead as normal.",
    "The library has extended its opening hours during the exam period.",
    "Car park B will be resurfaced {day}, so please use the overflow car park.",
    "The café in {place} now serves breakfast from {time}.",
    "Remember to update your contact details on the student portal before the end of term.",
    "The lifts in {place} are working again; thanks for your patience.",
    "Our reception team can help with bus passes, lockers and lost property.",
    # community and wellbeing
    "Our staff volunteered at the community garden {day}, planting over two hundred trees.",
    "This week is wellbeing week: free yoga, walks and healthy lunches all week.",
    "Mental health first aiders are available on every campus if you need someone to talk to.",
    "We're proud to support {partner} with their apprenticeship programme.",
    "Thanks to {partner} for donating equipment to our workshops.",
    "Our sports teams had a great season, finishing second in the league.",
    "The book swap shelf in {place} is open to everyone, bring one and take one.",
    "We are collecting warm coats for the winter appeal until {date}.",
    # tips and general
    "Top tip for new learners: bring your ID badge to every session.",
    "Safety first: always wear your PPE in the workshop.",
    "Did you know our learning centre lends laptops to students for free?",
    "Sign up to our newsletter for course news, events and success stories.",
    "Ask our careers advisers about apprenticeships, traineeships and university routes.",
    "Our prospectus for next year is out now, pick up a copy at reception.",
    "Feedback from our learner survey has shaped the changes to next year's timetable.",
    "We've reduced the campus's energy use by a fifth since installing solar panels.",
]
OPENERS = ["", "", "", "Good news! ", "Reminder: ", "Save the date: ", "Hello everyone, ", "Exciting news: ",
           "Just a quick one: ", "This week at Northfield: "]
CLOSERS = ["", "", "", " See you there!", " Any questions, just get in touch.", " Thanks all.",
           " More details to follow.", " Please share with anyone who might be interested."]
AWARDS = ["Learner of the Year", "Outstanding Tutor", "Community Champion", "Rising Star", "Innovation"]
DATES = ["31 January", "14 February", "1 April", "30 June", "15 August", "20 October", "5 December"]


def _fill(rng: random.Random, sentence: str) -> str:
    return sentence.format(
        event=rng.choice(EVENTS), place=rng.choice(PLACES), day=rng.choice(DAYS), time=rng.choice(TIMES),
        course=rng.choice(COURSES), role=rng.choice(ROLES), partner=rng.choice(PARTNERS), topic=rng.choice(TOPICS),
        name=rng.choice(NAMES), surname=rng.choice(SURNAMES), award=rng.choice(AWARDS), date=rng.choice(DATES),
        money=rng.choice(["350", "1,200", "2,000", "780", "4,500"]),
    )


def draft(rng: random.Random) -> str:
    """One post: one to seven sentences, sometimes an opener, a closer, hashtags or an emoji."""
    count = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5, 7])
    text = " ".join(_fill(rng, s) for s in rng.sample(SENTENCES, count))
    text = rng.choice(OPENERS) + text + rng.choice(CLOSERS)
    if rng.random() < 0.25:
        text += " " + " ".join(rng.sample(TAGS, rng.randint(1, 3)))
    if rng.random() < 0.2:
        text += " " + rng.choice(EMOJI)
    return text


def main() -> None:
    rng = random.Random(SEED)
    seen: set[str] = set()
    rows = []
    while len(rows) < COUNT:
        text = draft(rng)
        if text not in seen:
            seen.add(text)
            rows.append({"id": f"pf-corp-{len(rows) + 1:05d}", "text": text})
    out = Path(__file__).with_name("corporate_unlabelled.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} posts to {out}")


if __name__ == "__main__":
    main()
