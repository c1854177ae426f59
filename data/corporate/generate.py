"""Regenerate ``clean.jsonl``: clean, publishable posts of a UK research and training organisation.

Run from the repository root: ``python data/corporate/generate.py``. Deterministic (fixed seed).
Every post is hand-written as a template with a few slots; the slot values are fictional
(synthetic names, invented partners) so no real person or client appears. The set exists to
measure false-positive rates, so it deliberately uses words that look risky out of context
("kill switch", "butt weld", "black oxide", "confidential reporting line", "password manager").
Kept next to the data it writes because it *is* the data's source; it is not library code.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261125
TARGET = 420

FIRST = ["Aisha", "Tom", "Priya", "Gareth", "Siân", "Marcus", "Chloe", "Dafydd", "Hannah", "Olu",
         "Ewan", "Rebecca", "Jamal", "Megan", "Luca", "Nia", "Sofia", "Callum", "Fatima", "Rhys"]
LAST = ["Patel", "Hughes", "Okafor", "Jenkins", "Thompson", "Lewis", "Nowak", "Ahmed", "Price",
        "Davies", "Campbell", "Morgan", "Khan", "Evans", "Fraser", "Bennett", "Rossi", "Walsh"]
COURSES = ["Level 3 Diploma in Welding", "Certificate in Lifting Operations", "NEBOSH General Certificate",
           "Level 2 Electrical Installation", "CNC Machining Fundamentals", "Confined Space Entry",
           "First Aid at Work", "IOSH Managing Safely", "Introduction to PLC Programming",
           "Composite Repair Techniques", "Level 4 Project Management", "Forklift Operator Refresher",
           "Hydraulics and Pneumatics", "Non-Destructive Testing Level 1", "Abrasive Wheels Safety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "September", "October", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
SITES = ["our Leicester campus", "the Loughborough training centre", "the Northfield Engineering Hall",
         "our Coalville workshop", "the Melton skills hub", "the main lecture theatre"]
ROLES = ["Welding Instructor", "Research Associate in Materials Testing", "Apprenticeship Coordinator",
         "Marketing Officer", "Laboratory Technician", "Finance Assistant", "IT Support Analyst",
         "Health and Safety Trainer", "Student Services Adviser", "Electrical Installation Lecturer",
         "Data Analyst", "Facilities Supervisor"]
PARTNERS = ["Leicestershire County Council", "East Midlands Chamber", "the Midlands Engine",
            "Loughborough College", "a regional rail operator", "the Construction Industry Training Board",
            "the NHS Leicester trust", "the Welding Institute", "a local housing association"]
CHARITIES = ["LOROS Hospice", "Leicester Children's Holidays", "the Royal British Legion", "Mind",
             "Macmillan Cancer Support", "the local food bank", "Air Ambulance Service", "Shelter"]
TOPICS = ["weld fatigue in offshore structures", "low-carbon concrete curing", "apprentice retention",
          "battery fire suppression", "corrosion under insulation", "robotic inspection of pipework",
          "noise exposure in workshops", "hydrogen-ready boilers", "additive repair of castings"]
JOURNALS = ["the Journal of Materials Processing Technology", "Welding in the World",
            "Safety Science", "the Journal of Vocational Education and Training",
            "Construction and Building Materials", "Engineering Failure Analysis"]
PCT = ["12%", "18%", "23%", "31%", "9%", "40%", "27%", "15%"]
NUM = ["120", "250", "85", "400", "1,200", "60", "300", "2,500", "45"]
MONEY = ["£250,000", "£1.2 million", "£480,000", "£75,000", "£2.3 million", "£900,000"]
SALARY = ["£28,500 to £32,000", "£34,000 to £39,500", "£24,000 to £26,500", "£41,000 to £46,000"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _fill(template: str, rng: random.Random) -> str:
    slots = {
        "name": _name(rng), "name2": _name(rng), "course": rng.choice(COURSES),
        "month": rng.choice(MONTHS), "day": rng.choice(DAYS), "date": str(rng.randint(1, 28)),
        "site": rng.choice(SITES), "role": rng.choice(ROLES), "partner": rng.choice(PARTNERS),
        "charity": rng.choice(CHARITIES), "topic": rng.choice(TOPICS), "journal": rng.choice(JOURNALS),
        "pct": rng.choice(PCT), "num": rng.choice(NUM), "money": rng.choice(MONEY),
        "salary": rng.choice(SALARY), "year": rng.choice(["2026", "2027"]),
    }
    return template.format(**slots)


TEMPLATES: dict[str, list[str]] = {
    "announcement": [
        "We're delighted to announce that Northfield Institute has been rated Outstanding by Ofsted for apprenticeship provision. Thank you to every learner, employer and member of staff who made it happen.",
        "Our new Engineering Hall opens on {day} {date} {month}. Come and see the welding bays, the CNC suite and the composites lab. Tours run every hour from 10am.",
        "Reminder: our confidential reporting line is open to all staff and learners. If something worries you, you can raise it in confidence, any time.",
        "We have updated our privacy notice. You can read the full version on our website, and our data protection officer is happy to answer questions at enquiries@northfield.ac.uk.",
        "The library at {site} now opens until 9pm on weekdays during exam season. Quiet study rooms can be booked online.",
        "Parking at {site} will be limited on {day} {date} {month} while the car park is resurfaced. Please use the overflow car park on Station Road.",
        "We've published our annual report for {year}. It covers learner outcomes, our finances and our progress towards net zero. Read it on our website.",
        "Northfield Institute is now a Disability Confident Leader. We're committed to removing barriers for applicants and learners.",
        "Our {course} course has been re-accredited for another five years. Congratulations to the curriculum team for all their hard work.",
        "From {month}, all our campuses will be smoke-free and vape-free. Thanks for helping us keep the air clean for everyone.",
        "Our sustainability team has installed 400 solar panels on the roof of {site}. They'll cover about a third of the building's electricity.",
        "Good news: the refurbished canteen at {site} reopens on {day} with more vegetarian and vegan options.",
        "We are proud to sign the Armed Forces Covenant, supporting veterans and reservists who train and work with us.",
        "New for {year}: evening and weekend versions of our most popular courses, so you can train without taking time off work.",
        "The results of our learner satisfaction survey are in: {pct} more learners rated their course as excellent than last year. Thank you for your feedback!",
        "Please remember to use a password manager and switch on two-factor authentication for your college accounts. IT Services can help you set it up.",
        "Cyber Security Awareness Month: never share your password with anyone, including IT Services. We will never ask for it by email.",
        "Our website has a fresh new look! Finding courses, dates and fees should now be much easier. Tell us what you think.",
        "We've been named one of the Top 50 Inclusive Employers in the UK for {year}. A huge thank you to our staff networks.",
        "Our Welsh-language learners can now take the {course} course with bilingual materials, thanks to funding from the Welsh Government.",
    ],
    "course": [
        "Places are still available on our {course} course starting {day} {date} {month}. Book online or call 0800 123 4567.",
        "New dates added: {course}, {date} {month} at {site}. Early booking discount of 10% until the end of the month.",
        "Thinking about a career change? Our {course} runs over 12 weeks of evening classes. Next intake {month} {year}.",
        "Our {course} is fully funded for adults aged 19+ living in Leicestershire. Check your eligibility on our website.",
        "Employers: we can deliver the {course} on your site for groups of 6 to 12 staff. Get in touch with our business team.",
        "Last chance to enrol on {course} before the {month} intake closes. {num} learners have already signed up this year.",
        "Our {course} now includes a half-day practical assessment in our new workshop. Certificates are issued within 10 working days.",
        "Open evening for the {course}: {day} {date} {month}, 5pm to 7pm at {site}. Meet the tutors and try the equipment.",
        "The {course} course covers safe isolation, lock-out tag-out and testing the emergency kill switch on every machine.",
        "Learn to produce full-penetration butt welds in plate and pipe on our {course}. All PPE is provided.",
        "Our machining course covers surface finishes, including black oxide, zinc plating and anodising, and when to use each.",
        "Short course alert: Abrasive Wheels Safety, one day, {day} {date} {month}. Includes mounting, dressing and guarding.",
        "Apprenticeship vacancies are open for {month} {year} starts in engineering, construction and business administration. Apply now.",
        "The {course} exam is a 90-minute multiple-choice paper, taken online at the end of the course. Practice papers are available to all enrolled learners.",
        "Our free taster session, 'An Introduction to Welding', is back on {day} {date} {month}. Suitable for ages 16 and over.",
        "Course dates for {year} are now live: {course} runs in {month}, with a second cohort in the autumn.",
    ],
    "event": [
        "Join us for our Skills Festival on {day} {date} {month} at {site}: live demonstrations, employer stands and free taster sessions for all ages.",
        "Our annual awards ceremony is on {day} {date} {month}. Nominations for Learner of the Year close at the end of this month.",
        "Women in Engineering Day: we'll be hosting a panel with engineers from {partner} on {day} {date} {month}. All welcome, free to attend.",
        "Careers fair at {site} on {day} {date} {month}. Over 40 employers will be recruiting apprentices and graduates.",
        "Public lecture: Dr {name} will speak on {topic} on {day} {date} {month} at 6pm. Free tickets on our website.",
        "We're exhibiting at the Midlands Manufacturing Show on {date} {month}. Visit us on stand B14 to see our robotic welding cell.",
        "Our Open Day is on {day} {date} {month}, 10am to 3pm. Tour the workshops, meet staff and find out about funding.",
        "Breakfast briefing for employers: apprenticeship levy changes in {year}, {day} {date} {month} at 8am. Coffee and bacon rolls provided.",
        "Thank you to everyone who came to our community open day at {site}. Over {num} visitors tried their hand at welding, bricklaying and coding!",
        "Join our free webinar on {topic} on {day} {date} {month} at 1pm. Registration link in our bio.",
        "Our graduation ceremony takes place on {day} {date} {month} at De Montfort Hall. Families and friends are warmly invited.",
        "The National Apprenticeship Week programme is out: a week of events, employer visits and workshop challenges from {date} {month}.",
    ],
    "job_advert": [
        "We're hiring! {role}, full time, permanent, {salary}. Closing date {date} {month}. Apply on our careers page.",
        "Join our team as a {role} at {site}. Salary {salary}, 35 days' holiday plus bank holidays, and a generous pension.",
        "Vacancy: {role} (part time, 22.5 hours a week). Flexible working considered. Interviews week commencing {date} {month}.",
        "We're looking for a {role} to help us train the next generation of engineers. Industry experience essential; we'll support your teaching qualification.",
        "Could you be our next {role}? We welcome applications from all backgrounds and guarantee an interview to disabled applicants who meet the essential criteria.",
        "Two new posts in our research group: {role} (fixed term, 24 months). Informal enquiries welcome via our careers page.",
        "Our HR team is recruiting a {role}. This role is based at {site} with hybrid working available. Closing date {date} {month}.",
        "Fancy working with us? We have {num} applications already for our summer roles, but there is still time to apply for the {role} position.",
    ],
    "congratulations": [
        "Huge congratulations to {name}, who has won the regional final of WorldSkills UK in welding! We're so proud of you.",
        "Congratulations to {name} on completing a PhD on {topic}. A fantastic achievement alongside a full-time teaching job.",
        "Well done to our apprentice {name}, named Apprentice of the Year by {partner}.",
        "Please join us in congratulating {name} on 25 years of service at Northfield Institute. Thank you for everything from all of us in the engineering department.",
        "Congratulations to {name} and {name2}, whose paper on {topic} has been published in {journal}.",
        "A big well done to the {num} learners who completed the {course} this term. Certificates are on their way!",
        "Congratulations to {name}, our new Head of Engineering, who joins us from {partner} in {month}.",
        "Shout-out to {name} from our facilities team, who raised {money} for {charity} by cycling from Land's End to John o' Groats!",
        "Delighted to see {name} shortlisted for the Times Educational Supplement FE Teacher of the Year award.",
        "Retirement wishes to {name}, who taught welding here for 31 years. Enjoy every minute!",
        "Congratulations to the team who passed their {course} with a 100% pass rate this year.",
    ],
    "research_news": [
        "New paper out in {journal}: our study on {topic} found a {pct} improvement over current practice. Read it open access.",
        "Our published results on {topic} show fatigue life improved by {pct} across {num} test specimens. Full data set available on our repository.",
        "In our study published today in {journal}, we report a {pct} reduction in defects using automated inspection. The paper is open access.",
        "Our research team has been awarded {money} by Innovate UK to study {topic}, working with {partner}.",
        "Read our latest research summary on {topic}. The report, published last week, is free to download.",
        "Our peer-reviewed study with {partner} found that apprentices who had a mentor were {pct} more likely to complete. Published in {journal}.",
        "Findings from our two-year project on {topic} were presented at the International Welding Conference and are now published in the proceedings.",
        "Dr {name} discusses our published findings on {topic} on this week's Engineering Futures podcast.",
        "Our public data set on {topic} has been downloaded over {num} times since it was released last year.",
        "The final report of our project on {topic} is now published. Key finding: a {pct} saving in energy use compared with conventional methods.",
    ],
    "contract_win": [
        "We're pleased to announce a three-year contract with {partner} to deliver apprenticeship training, worth {money}.",
        "Proud to have been appointed as training partner for {partner}'s new skills academy, announced today.",
        "Following a public tender, Northfield Institute will deliver health and safety training for {partner} from {month} {year}.",
        "We've been awarded {money} from the Department for Education's Local Skills Improvement Fund, in partnership with {partner}.",
        "Today we signed a memorandum of understanding with {partner} to create {num} new apprenticeship places over the next three years.",
        "As announced by {partner} this morning, we'll be delivering their welding upskilling programme across five sites.",
        "Our partnership with {partner} has been renewed for a further two years, as published in their annual report.",
    ],
    "charity": [
        "Our staff raised {money} for {charity} this year through bake sales, fun runs and a sponsored silence. Thank you all!",
        "This month we're collecting for {charity}. Donation boxes are at every reception desk.",
        "Thank you to everyone who took part in our charity quiz night: we raised {money} for {charity}.",
        "Our learners built {num} planters for local primary schools as part of their community project. Brilliant work!",
        "Volunteers from our construction department spent {day} repairing fences at a community garden. Thank you to everyone who gave up their time.",
        "We're running a Christmas toy appeal for {charity}. Please bring new, unwrapped gifts to {site} by {date} December.",
        "Our blood donation session raised enough donations to help up to {num} patients. Thank you to every donor.",
    ],
    "safety_tip": [
        "Safety tip: every machine in our workshop has an emergency kill switch. Know where it is before you start, and test it at the start of each shift.",
        "Before you make a butt weld, check fit-up, root gap and alignment. A good preparation is half the weld.",
        "Black oxide coating gives mild corrosion resistance but needs oil to protect the part. Don't skip the final oiling stage!",
        "Never bypass a guard or a kill switch to save time. If a guard is in the way, report it to your supervisor.",
        "Tip of the week: store gas cylinders upright and chained, with valves closed when not in use.",
        "Hot work permits save lives. Always check for combustibles within 11 metres and keep a fire watch for 60 minutes afterwards.",
        "Lifting tip: check the safe working load on every sling and shackle before you lift, and never stand under a suspended load.",
        "Hearing protection is mandatory in the grinding bay. Noise levels there can reach 100 dB, well above the 85 dB action value.",
        "Working at height? Inspect your harness before every use and check the anchor point is rated for fall arrest.",
        "Electrical safety: prove dead before you touch. Test your voltage indicator on a known live source before and after.",
        "Shot blasting and grinding can kill your hearing slowly. Wear your ear defenders, every time.",
        "Spotted a trip hazard? Report it on the safety reporting app. Small reports stop big accidents.",
        "Using a cutting torch? Flashback arrestors on both hoses, every time. No exceptions.",
        "When you remove black oxide or mill scale with a wire wheel, wear a face shield, not just safety glasses.",
        "Lock-out tag-out: one person, one lock, one key. Never remove someone else's lock.",
    ],
    "student_story": [
        "Meet {name}, who came to us at 42 to retrain as an electrician. 'It's the best decision I ever made,' they told us.",
        "Former apprentice {name} is now a project engineer with {partner}. Here's their advice for anyone starting out.",
        "'I never thought I'd enjoy maths until I saw how it's used in machining.' Read {name}'s story on our blog.",
        "Our learners have designed and built a go-kart from scratch for the national Greenpower challenge. Race day is {day} {date} {month}!",
        "{name} started our {course} unemployed in {month}. Six months later they have a permanent job with {partner}.",
        "Our construction learners have completed a real extension for a local charity. Proud of every brick!",
    ],
    "multilingual": [
        "Llongyfarchiadau i'n holl ddysgwyr a raddiodd heddiw! Diolch i'r staff a'r teuluoedd am eu cefnogaeth.",
        "Mae ein diwrnod agored ar ddydd Sadwrn 14 Mawrth. Dewch i weld y gweithdai newydd!",
        "Félicitations à nos apprentis qui ont terminé leur formation en soudage cette année !",
        "Nous accueillons une délégation de nos partenaires lyonnais la semaine prochaine pour un échange de compétences.",
        "Herzlichen Glückwunsch an unsere Auszubildenden zum erfolgreichen Abschluss! Wir sind stolz auf euch.",
        "Unsere Partnerschaft mit einer Berufsschule in Köln geht in das dritte Jahr. Vielen Dank für die Zusammenarbeit!",
        "¡Enhorabuena a todos los estudiantes que se graduaron este año! Gracias a nuestros profesores.",
        "Este verano recibimos a doce estudiantes de Valencia en nuestro programa de intercambio de soldadura.",
    ],
}


def build(seed: int = SEED, target: int = TARGET) -> list[dict[str, str]]:
    """Fill every template at least once, then sample more fills until ``target`` distinct posts."""
    rng = random.Random(seed)
    seen: set[str] = set()
    rows: list[dict[str, str]] = []

    def add(kind: str, template: str) -> None:
        text = _fill(template, rng)
        if text not in seen:
            seen.add(text)
            rows.append({"kind": kind, "text": text})

    for kind, templates in TEMPLATES.items():
        for template in templates:
            add(kind, template)
    pool = [(k, t) for k, ts in TEMPLATES.items() if k != "multilingual" for t in ts if "{" in t]
    attempts = 0
    while len(rows) < target and attempts < target * 50:
        attempts += 1
        add(*rng.choice(pool))
    rng.shuffle(rows)
    return [{"id": f"corp-{i:04d}", "text": r["text"], "kind": r["kind"]} for i, r in enumerate(rows, 1)]


def main() -> None:
    out = Path(__file__).resolve().parent / "clean.jsonl"
    rows = build()
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} posts to {out}")


if __name__ == "__main__":
    main()
