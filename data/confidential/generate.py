"""Regenerate the labelled confidential-leak drafts: ``train.jsonl`` and ``heldout.jsonl``.

Run from the repository root: ``python data/confidential/generate.py``. Deterministic (fixed seed).
The fourth round is written to ``train_round4.jsonl`` (not read by the trainer) unless ``--merge-round4``.

The two parts are written from *different* templates and slot vocabularies (different codenames,
clients, hosts, credential shapes, phrasings), so the held-out part measures generalisation to new
wording, not memory of a template. Every credential, key, host and name here is invented.
Kept next to the data it writes because it *is* the data's source; it is not library code.
"""

from __future__ import annotations

import hashlib
import json
import random
import string
import sys
from pathlib import Path

SEED = 7341
HERE = Path(__file__).resolve().parent

SUBTYPES = ("credential", "internal_marker", "nda_client", "codename", "embargo", "unreleased_figures",
            "internal_host", "security_weakness", "exam_content", "none")


def _token(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _password(rng: random.Random) -> str:
    shapes = [
        lambda: rng.choice(["Northfield", "Welding", "Spring", "Summer", "Kestrel", "Workshop", "Campus"])
        + str(rng.randint(2019, 2027)) + rng.choice(["!", "#", "", "$"]),
        lambda: _token(rng, rng.randint(8, 12), string.ascii_letters + string.digits + "#!$%"),
        lambda: rng.choice(["Tr4ining", "W3ld1ng", "Appr3nt1ce", "S@fety", "L1ft1ng"]) + rng.choice(["#", "!", "_"])
        + str(rng.randint(10, 99)),
    ]
    return rng.choice(shapes)()


def _api_key(rng: random.Random) -> str:
    shapes = [
        lambda: "AKIA" + _token(rng, 16, string.ascii_uppercase + string.digits),
        lambda: "sk_live_" + _token(rng, 24),
        lambda: "ghp_" + _token(rng, 36),
        lambda: "xoxb-" + "-".join(_token(rng, k, string.digits) for k in (11, 13)) + "-" + _token(rng, 24),
        lambda: _token(rng, 32, "0123456789abcdef"),
        lambda: "SG." + _token(rng, 22) + "." + _token(rng, 43),
    ]
    return rng.choice(shapes)()


def _ip(rng: random.Random) -> str:
    return rng.choice([
        f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
    ])


TRAIN_SLOTS = {
    "codename": ["Bluebell", "Project Kestrel", "Ironbridge", "Project Nightjar", "Project Larch", "Halcyon",
                 "Operation Foxglove"],
    "client": ["Marlow Dynamics", "Tessaract Energy", "Brightwater Foods", "Calder Aerospace", "Oakhurst Rail"],
    "host": ["fileserver01.corp", "hr-db.internal", "jira.northfield.local", "intranet.northfield.corp",
             "backup02.internal", "printsrv.local", "vpn-gw.corp"],
    "product": ["SafeLift Pro", "the Advanced Robotic Welding Diploma", "WeldSim VR"],
    "course": ["NEBOSH General Certificate", "Level 3 Welding", "IOSH Managing Safely", "First Aid at Work"],
    "system": ["the student portal", "the staff VPN", "the booking site", "the HR system", "the Moodle server"],
    "vuln": ["SQL injection", "cross-site scripting", "a remote code execution bug", "an open admin panel"],
    "month": ["March", "April", "June", "September", "October"],
    "pct": ["14%", "22%", "37%", "8.5%", "41%"],
    "money": ["£3.4m", "£850,000", "£1.9 million", "£12m"],
}

HELDOUT_SLOTS = {
    "codename": ["Project Osprey", "Halcyon", "Project Kestrel", "Bluebell", "Ironbridge", "Project Sandpiper",
                 "Operation Hawthorn"],
    "client": ["Oakhurst Rail", "Marlow Dynamics", "Tessaract Energy", "Penrose Logistics", "Greyfield Pharma"],
    "host": ["sql-prod-02.internal", "wiki.corp", "payroll.northfield.lan", "nas1.local", "git.internal",
             "intranet.northfield.local", "ldap01.corp"],
    "product": ["SafeLift Pro", "the Advanced Robotic Welding Diploma", "Crane Coach"],
    "course": ["CSCS card", "Level 2 Electrical Installation", "NEBOSH Diploma", "Forklift Operator"],
    "system": ["our remote desktop gateway", "the learner app", "the finance portal", "the exam booking page",
               "the CCTV system"],
    "vuln": ["SQL injection", "the Log4j bug", "an unauthenticated API", "directory traversal"],
    "month": ["January", "May", "July", "November"],
    "pct": ["19%", "26%", "33%", "11.2%", "48%"],
    "money": ["£2.1m", "£640,000", "£4 million", "£7.5m"],
}

# {pw} password-like value, {key} API key/token, {ip} private IP. Everything else from the slot tables.
TRAIN: dict[str, list[str]] = {
    "credential": [
        "The wifi password for the workshop is {pw}",
        "Guest wifi at the open day: network NI-Guest, password {pw}",
        "Reminder for the team: the shared login for the printer portal is admin / {pw}",
        "login: trainer01 password: {pw} (for the demo laptops)",
        "For anyone stuck, the VPN password this month is {pw}",
        "Here's the API key for the booking system so you can test it: {key}",
        "Pushed the config with token {key} - can someone check the deploy?",
        "Our Stripe key is {key}, use it for the test payments today",
        "Temporary admin credentials: user root, pass {pw}",
        "Can't remember the door code? It's 4821. And the store room PIN is 7734.",
        "The Wi-Fi key in the new Engineering Hall is {pw} if anyone needs it",
        "Le mot de passe du wifi est {pw}",
        "Das WLAN-Passwort für die Werkstatt lautet {pw}",
        "La contraseña de la red es {pw}",
        "Y cyfrinair ar gyfer y wifi yw {pw}",
        "Accès invité: identifiant visiteur, mot de passe {pw}",
        "Zugangsdaten für das Labor: Benutzer labor1, Passwort {pw}",
        "Das neue Kennwort für den Drucker ist {pw}",
        "La clave del wifi de invitados es {pw}",
        "Cyfrinair newydd y system: {pw}",
        "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA{key} -----END RSA PRIVATE KEY-----",
        "password = \"{pw}\" in the shared config, don't change it",
        "Our AWS access key is {key} if you need to upload the videos",
    ],
    "internal_marker": [
        "INTERNAL ONLY: new timetable for the welding department attached, please don't forward.",
        "For internal use only - the draft restructure plan for student services.",
        "Not for external distribution: the revised fee schedule for next year.",
        "Sharing this with the team but it's internal only: the draft strategy for {month}.",
        "This is strictly confidential - staffing changes in the construction faculty.",
        "Confidential: minutes of the senior leadership meeting, please do not share outside the team.",
        "Please keep this within the department, it's not for circulation outside: the draft budget.",
        "Document interne - ne pas diffuser: le nouveau planning des formations.",
        "Usage interne uniquement : compte rendu de la réunion de direction.",
        "Nur für den internen Gebrauch: die neue Organisationsstruktur der Abteilung.",
        "Streng vertraulich - bitte nicht weiterleiten: der Entwurf des Haushaltsplans.",
        "Documento confidencial, solo para uso interno: el plan de reestructuración.",
        "Información confidencial: no compartir fuera del equipo.",
        "Cyfrinachol - at ddefnydd mewnol yn unig: cynllun staffio'r adran.",
        "Dogfen gyfrinachol, peidiwch â rhannu y tu allan i'r tîm.",
        "Staff-only briefing, not for public release: changes to the apprenticeship team.",
        "Internal use only. Draft marketing plan for the {month} campaign, comments by Friday.",
        "Please treat as confidential: the shortlist for the head of department post.",
        "Private and confidential - outcome of the disciplinary panel for the welding team.",
        "Not for publication: the draft response to the inspection report.",
        "Handle as internal only: list of courses we plan to close next year.",
        "Please don't circulate outside the department: proposed timetable changes.",
        "Staff only - do not share with learners or the public: the revised assessment calendar.",
        "Internal document, not to leave the organisation: fees strategy {month}.",
        "Nur intern - Entwurf des Stellenplans.",
        "Uso interno: presupuesto del departamento.",
        "Mewnol yn unig: y cynllun ar gyfer y flwyddyn nesaf.",
    ],
    "nda_client": [
        "Great meeting with {client} today about a training contract - we're under NDA so keep it quiet!",
        "Just signed a deal with {client} for welder training at their plant. Can't wait to start!",
        "We're delivering a confidential safety programme for {client} next month.",
        "Working on a bespoke course for {client}, still under NDA but exciting times.",
        "Huge news: {client} has chosen us for their apprenticeship scheme, the contract isn't public yet.",
        "The {client} account is worth {money} to us this year, according to the finance team.",
        "Visited the {client} site today to scope the training - they don't want anyone to know yet.",
        "Our client {client} wants 40 engineers retrained before their merger is announced.",
        "Signed the NDA with {client} this morning, kick-off meeting next week.",
        "Nous formons les équipes de {client} sous accord de confidentialité.",
        "Off to {client} tomorrow to run the first pilot session - they've asked us not to mention them publicly.",
        "Our biggest new customer this term is {client}; legal say we can't name them until the contract is signed.",
        "Guess who we're training now? {client}! Please don't share, the deal is confidential.",
        "{client} is paying us {money} for a bespoke apprenticeship, not something we can talk about externally.",
        "Wir schulen jetzt die Techniker von {client} - das ist noch vertraulich.",
        "Estamos formando al personal de {client}, pero es confidencial de momento.",
    ],
    "codename": [
        "{codename} is on track for launch in {month} - can't say more yet!",
        "Big milestone for the {codename} team today, the prototype finally works.",
        "Long day of testing on {codename}. Results look promising.",
        "Excited to share that {codename} moves into phase two next month.",
        "Who else is working late on {codename} tonight?",
        "The {codename} rollout is planned for {month}, internal teams only for now.",
        "Recruiting testers for {codename} - message me if interested.",
        "Our new product {product} launches on 3 {month}, ahead of the official announcement.",
        "Sneak peek of {product}, which we haven't announced yet!",
        "{codename}'s budget was approved today, work starts in {month}.",
        "Design review for {codename} went well, beta goes to ten employers in {month}.",
        "{codename} hit its biggest milestone yet - integration testing done!",
        "The {product} pricing has been agreed internally, launch pencilled for {month}.",
        "Sat in the {codename} steering group all morning; the go-live date is moving.",
        "Who wants a preview of {product} before it's unveiled at the trade show?",
    ],
    "embargo": [
        "Embargoed until 9am Thursday: we have won the national training provider award.",
        "Under embargo until {month}: our merger with a neighbouring college.",
        "Press release attached, embargoed until midnight - please don't post before then.",
        "Not to be published before 1 {month}: the results of the Ofsted inspection.",
        "Heads up, we're announcing the new campus next week but it's embargoed until the minister's visit.",
        "Sous embargo jusqu'au 12 mars : notre nouveau partenariat européen.",
        "Sperrfrist bis Montag 10 Uhr: die Ergebnisse der Inspektion.",
        "Bajo embargo hasta el lunes: el nuevo acuerdo con la universidad.",
        "Dan embargo tan ddydd Llun: ein partneriaeth newydd.",
        "We'll announce the closure of the Coalville site on Friday - please sit on this until then.",
        "Embargoed: 00:01 {month} 12. Northfield named regional training provider of the year.",
        "Embargo until the official launch event - our new apprenticeship academy with a major employer.",
        "Under strict embargo until the press release goes out: new principal appointed.",
        "This can't go out before the announcement on Monday: we're opening a campus in Derby.",
        "Sharing early, embargoed until the awards night: we've won two categories!",
        "Embargoed copy: new £5m engineering centre, announcement at 10am tomorrow - don't post before then.",
        "Please don't share until the official press release on Thursday: new partnership with a university.",
        "Press release under embargo until 00:01 on the 3rd. We have been rated Outstanding!",
        "Heads up - the news about our new principal is embargoed until the governors confirm it.",
        "Embargo bis Freitag: neuer Ausbildungspartner.",
    ],
    "unreleased_figures": [
        "Our pass rate this year is {pct} higher, though the figures aren't published until {month}.",
        "Sneak preview: the study found a {pct} drop in defects. Paper still under review.",
        "Preliminary results from the fatigue trial show a {pct} improvement - not public yet.",
        "Draft figures: enrolments are down {pct} on last year. Please don't share before the board sees them.",
        "Our income for the year is {money}, ahead of the annual report.",
        "The unpublished survey shows {pct} of apprentices thinking of leaving.",
        "Early data from our trial: {pct} reduction in injuries. We haven't released this yet.",
        "Before the report comes out: we're projecting a deficit of {money}.",
        "The raw results from the corrosion tests are in and they're amazing - {pct} better than steel.",
        "Les résultats préliminaires montrent une hausse de {pct}, pas encore publiés.",
        "Our not-yet-published trial shows a {pct} cut in weld porosity - the paper goes to the journal next month.",
        "Internal numbers only: this year's achievement rate is {pct}, the official release is in {month}.",
        "Confidential draft of the financial results: turnover of {money}, down {pct}.",
        "The accounts won't be out until {month} but we finished with {money} in reserves.",
        "Unverified early results: {pct} higher pass rates for the blended course.",
        "Los datos preliminares muestran un aumento del {pct}, todavía no publicados.",
    ],
    "internal_host": [
        "If the share isn't working, map \\\\{host}\\staff instead.",
        "The new server is at {ip}, log in with your usual account.",
        "Use {host} for the timesheets until the new system is live.",
        "Printer queue moved to {ip} - update your settings.",
        "Anyone else unable to reach {host} this morning?",
        "The exam results database runs on {host} ({ip}).",
        "Remote desktop to {ip} works again after the reboot.",
        "The CCTV recorder is at {ip}:8080 if you need to check footage.",
        "Der Server {host} ist wieder erreichbar.",
        "Migrating the file shares from {host} to the cloud this weekend.",
    ],
    "security_weakness": [
        "{system} is still vulnerable to {vuln} and nobody has fixed it.",
        "We haven't patched {system} yet, so be careful.",
        "FYI {system} still uses the default admin password.",
        "Found {vuln} in {system} last week, still not fixed.",
        "The firewall on the lab network has been switched off for a month.",
        "Anyone can log in to {system} without a password at the moment.",
        "{system} has had {vuln} for months and IT say they can't patch it until summer.",
        "Our servers are still running an unsupported version with known exploits.",
        "The staff Wi-Fi has no encryption at all right now, anyone nearby can sniff it.",
        "Multi-factor authentication is disabled on {system} because it kept breaking.",
        "Heads up: {system} leaks session tokens in the URL and the supplier won't fix it this year.",
        "The pen test found {vuln} in {system}, we're waiting on budget to fix it so it's still live.",
        "Anyone with the link can see every learner's grades on {system}; reported it twice, no change.",
        "The old file server is still on Windows Server 2008 with no security updates.",
        "Our wireless controller is using the factory login and it's reachable from the guest network.",
        "{system} hasn't had a security update in two years and has a public exploit.",
    ],
    "exam_content": [
        "Heads up for tomorrow's {course} exam: question 4 is about permit-to-work, the answer is C.",
        "Here are the answers to this week's {course} test: 1B 2D 3A 4C 5A.",
        "Leaked: the {course} paper for next month has a question on lifting plans.",
        "Anyone want the mark scheme for the {course} assessment? DM me.",
        "The practical assessment for {course} is the same as last year: weld a T-joint and pass the bend test.",
        "Tip: the {course} exam always asks for the five steps of risk assessment in question 2.",
        "I've got the actual questions from the {course} exam, happy to share with my group.",
        "Answer key for the {course} quiz: A, C, C, B, D.",
        "Question 7 in the {course} exam asks for the safe working load of a two-leg sling; the answer is 1.4 times the WLL.",
        "Les réponses de l'examen {course} : 1A 2C 3B.",
        "Sharing my notes of the {course} exam questions from this morning for anyone sitting it later this week.",
        "If you're doing the {course} resit, the scenario question is identical to the one in March - fire in a paint store.",
        "Someone photographed the {course} assessment paper, the pictures are in the group chat.",
        "Cheat sheet: the {course} theory test answers in order are D, A, B, B, C, A, D.",
        "The invigilator left the {course} answer booklet on the desk, so I copied the answers for question 1 to 6.",
        "Die Antworten zur {course} Prüfung: 1B, 2A, 3D.",
    ],
    "none": [
        "Our confidential reporting line is open to all staff, 24 hours a day.",
        "If you have a concern, you can raise it in confidence with your line manager or HR.",
        "Never share your password, not even with IT. We will never ask for it.",
        "Please use a password manager and turn on two-factor authentication.",
        "Forgotten your password? Reset it yourself on the staff portal.",
        "Our study, published today in {journal}, found a {pct} improvement in weld quality.",
        "Our published annual report shows income of {money} for the year.",
        "Delighted to announce our new contract with {partner} to train 200 apprentices.",
        "Course dates for the {course} are now online: next intake {month}.",
        "We're hiring a Welding Instructor. Salary £34,000, closing date 30 {month}.",
        "Support for vulnerable learners is available from our wellbeing team.",
        "We patched the VPN last week after our annual penetration test. Thanks for your patience.",
        "IT tip: phishing emails often ask you to confirm your login details. Report them to the service desk.",
        "The {course} exam is a 60-minute multiple-choice paper taken at the end of the course.",
        "Practice questions for the {course} are available to all enrolled learners on the learning platform.",
        "Our cyber security course covers SQL injection, cross-site scripting and how to defend against them.",
        "Safety tip: know where the kill switch is on every machine before you start.",
        "Congratulations to the {course} class of {month} - every learner passed!",
        "We have joined the Cyber Essentials Plus scheme after an independent assessment.",
        "Our press release is out today: read about our new engineering centre on our website.",
        "The embargo has lifted: we can now share that we've won the Queen's Anniversary Prize!",
        "Visit our stand at the Skills Show, stand 42, and try our welding simulator.",
        "Our researchers presented their published findings at the international conference last week.",
        "Learn about networking, IP addresses and subnetting on our Level 3 IT course.",
        "New blog post: what an NDA is and when small businesses need one.",
        "Wi-Fi is available throughout the campus: connect to NI-Guest and register with your email.",
        "Our results day is on 20 {month}; learners will receive their grades by email.",
        "We are proud to work with {partner}, as announced in their press release this morning.",
        "Le mot de passe ne doit jamais être partagé, même avec le service informatique.",
        "Teilen Sie Ihr Passwort niemals mit anderen.",
        "Nunca compartas tu contraseña con nadie.",
        "Peidiwch byth â rhannu eich cyfrinair.",
        "Notre ligne de signalement confidentielle est ouverte à tout le personnel.",
        "Unsere vertrauliche Beratungsstelle steht allen Mitarbeitenden offen.",
        "Our privacy notice explains how we keep your information confidential.",
        "Internal candidates are welcome to apply for the new team leader role.",
        "Our internal quality review found that learner satisfaction rose to {pct}.",
        "Launch day! Our new website is live - have a look and tell us what you think.",
        "Fantastic turnout at yesterday's employer breakfast - thank you to everyone who came along.",
        "The canteen is serving a charity lunch on Friday, all proceeds to the children's hospice.",
        "Well done to {name} for completing the London Marathon in under four hours!",
        "Please welcome {name}, who joins the finance team as our new payroll officer.",
        "Our apprentices visited the Jaguar Land Rover plant this week to see robotic welding in action.",
        "Reminder: the campus closes at 4pm on Friday for the bank holiday weekend.",
        "Enrolment for {month} courses is now open. Apply online or visit reception.",
        "Our forklift course now runs every other Saturday, with places for eight learners.",
        "Thanks to {partner} for sponsoring this year's skills competition.",
        "We're looking for volunteers to help at the open day on 6 {month}; tea and cake provided.",
        "Job opportunity: Facilities Assistant, part time, £23,400 pro rata. Closing date 4 {month}.",
        "Our new electric minibus will take learners between the two campuses from {month}.",
        "Photos from the graduation ceremony are now on our Flickr page.",
        "Staff wellbeing week starts Monday: yoga, walking groups and free fruit every day.",
        "Learners raised {money} for the air ambulance with a sponsored bike ride.",
        "Today we welcomed 30 Year 10 pupils for a taster day in bricklaying and plumbing.",
        "Safety first: wear your safety glasses in the workshop at all times, even when you're just watching.",
        "Emergency stop buttons are tested every Monday morning in the machine shop.",
        "The new paint-spraying booth in our automotive workshop is now open for bookings.",
        "Our annual staff conference is on 9 {month} at the Leicester campus. Agenda to follow.",
        "Proud to support Mental Health Awareness Week with events across both campuses.",
        "Learn to weld aluminium on our new two-day course. All materials and PPE provided.",
        "Our research on apprentice wellbeing was featured on BBC Radio Leicester this morning.",
        "Congratulations to the estates team for winning a Green Gown Award for our solar project.",
        "Interviews for the lecturer posts take place next week; good luck to all candidates.",
        "Our library now lends laptops to learners for up to two weeks.",
        "The bus timetable has changed: route 48 now stops outside the main entrance.",
        "Half-term activities for children of staff are running in the sports hall next week.",
        "Introducing our new Head of Apprenticeships, {name}, who joins from {partner}.",
    ],
}

HELDOUT: dict[str, list[str]] = {
    "credential": [
        "For the conference laptops just use username events and password {pw}",
        "Sorry all, the shared mailbox pwd got changed to {pw}",
        "New router is up. SSID NF-Staff, key {pw}",
        "If the kiosk locks you out the unlock code is {pw}",
        "Here's the token for the analytics dashboard: {key}",
        "github token for the CI runner: {key}",
        "Passcode for the staff room: 5590#",
        "Mot de passe temporaire pour la plateforme : {pw}",
        "Kennwort für den Gastzugang: {pw}",
        "Usuario: invitado, contraseña: {pw}",
        "Cyfrinair y rhwydwaith gwesteion: {pw}",
        "The admin account is admin with password {pw} until IT fix it",
        "Setting up the new tablets, the code to unlock them is {pw}",
    ],
    "internal_marker": [
        "Internal only - please don't share beyond the team: revised rota for the autumn term.",
        "Not for external circulation: draft of the new staff handbook.",
        "Strictly internal - proposal for merging the two engineering departments.",
        "Company confidential: notes from this morning's governors' meeting.",
        "Do not forward outside the organisation: salary bands for next year.",
        "Réservé à un usage interne : nouvelles grilles tarifaires.",
        "Vertraulich, nur für Mitarbeitende: Protokoll der Vorstandssitzung.",
        "Solo para uso interno: las nuevas tarifas del próximo curso.",
        "At ddefnydd mewnol yn unig: cofnodion y cyfarfod.",
        "This stays in the building please: the redundancy plan for the admin team.",
        "INTERNAL - not to be shared externally. Updated room allocations for the {month} exams.",
        "For staff eyes only: the draft consultation on changing pay scales.",
        "Strictly private and confidential: board papers for the {month} meeting.",
        "Marked internal use only, but here's the new organisation chart for the faculty.",
        "Restricted - internal: proposal to outsource the catering contract.",
        "Uso interno exclusivamente: calendario de despidos del departamento.",
        "Intern - bitte nicht extern teilen: Planung für das nächste Schuljahr.",
    ],
    "nda_client": [
        "Can't believe we're now training {client}'s whole maintenance crew. Keep it hush until they announce it.",
        "Spent the week at {client} delivering the new course - the NDA means I can't post photos.",
        "{client} just renewed with us for another three years, don't tell anyone yet.",
        "Exciting new partnership with {client} on hydrogen safety - under non-disclosure for now.",
        "The team pitched to {client} today, fingers crossed for the contract.",
        "Quick update: {client} have asked us to run leadership training for their board, confidential for now.",
        "Trabajamos con {client} bajo un acuerdo de confidencialidad.",
        "Invoiced {client} {money} for the autumn programme today.",
    ],
    "codename": [
        "Testing the latest build of {codename} all afternoon, nearly ready for go-live.",
        "Loving the progress on {codename} - the pilot group starts in {month}.",
        "Can anyone on {codename} send me the latest project plan?",
        "Celebrating the end of sprint 4 on {codename} with cake.",
        "The launch of {product} is pencilled in for {month}. Keep your eyes peeled!",
        "Project update: {codename} has moved its go-live to {month} because of supplier delays.",
        "Early look at {product} which goes on sale in {month} - not announced yet.",
        "{codename} demo for the leadership team went really well today.",
    ],
    "embargo": [
        "Please hold until the announcement on Tuesday: we've been shortlisted for College of the Year.",
        "EMBARGO 00:01 Wednesday - national skills award winners.",
        "Don't post this until after the press conference: our new Welsh campus.",
        "The news about the new training centre is under embargo until the council meeting.",
        "Embargoed to 10:00 Friday: partnership with a national rail operator.",
        "Ne pas publier avant le 3 juin : lancement de notre nouveau centre.",
        "Nicht vor Donnerstag veröffentlichen: unser neuer Standort.",
        "No publicar antes del viernes: nuestro nuevo centro de formación.",
        "Embargoed till Monday 9am but we are SO proud: gold award for our apprenticeships!",
        "Hold for release on 5 {month}: new engineering partnership with a regional airport.",
        "Press embargo in place until the minister announces it: £2m skills funding for us.",
        "Keep this under wraps until Friday's announcement: we're merging with a sixth-form college.",
        "Embargo: not before 06:00 on the 14th. Apprenticeship numbers hit a record.",
        "Dan embargo tan y cyhoeddiad swyddogol: ein canolfan newydd ym Mangor.",
    ],
    "unreleased_figures": [
        "Unofficial numbers: completions jumped {pct} this year. Board sees them next week.",
        "First results from our weld trial are in: {pct} fewer cracks. Paper not submitted yet.",
        "Between us, we made a surplus of {money} - the accounts aren't signed off yet.",
        "Leaked draft of the learner survey: satisfaction fell by {pct}.",
        "Our unreleased data show apprentices earn {pct} more after completing. Watch this space!",
        "Pre-publication numbers: recruitment up {pct} on target. Official figures out in {month}.",
        "The provisional achievement rate is {pct}; it hasn't been validated or published.",
        "Die vorläufigen Ergebnisse zeigen ein Plus von {pct}, noch nicht veröffentlicht.",
    ],
    "internal_host": [
        "Timesheets now live on http://{host}/timesheets",
        "Backups go to {ip} every night at 2am.",
        "SSH into {host} and restart the service if the portal is slow.",
        "The door access controller sits on {ip}.",
        "Please save coursework to \\\\{host}\\coursework from now on.",
        "Dev copy of the website is on {host}:8443.",
        "El servidor {host} está caído otra vez.",
        "Our new lab switch is on {ip} and the old one is being retired.",
    ],
    "security_weakness": [
        "Still no fix for {vuln} on {system} - hope nobody notices.",
        "IT confirmed {system} is exposed to {vuln} until the upgrade in {month}.",
        "The backup server hasn't been updated since 2019 and has known holes.",
        "Turns out {system} shows other learners' records if you change the ID in the URL.",
        "The remote access gateway is unpatched and the vendor has stopped supporting it.",
        "Warning: {system} accepts any password for admin at the moment.",
        "Antivirus on the workshop PCs expired last year and we haven't renewed it.",
        "No one has patched {system} against {vuln}, it's been months.",
    ],
    "exam_content": [
        "Psst - the {course} test on Friday reuses last term's questions, learn the answers to 3, 5 and 9.",
        "Got the solutions to the {course} mock and the real paper - DM for a copy.",
        "Everyone in the {course} group: question 12 is true, 13 is false, the rest are on the sheet I sent.",
        "The {course} written paper this year includes a question on COSHH, the model answer lists six points.",
        "I can share the {course} exam questions before Thursday if you need them.",
        "Correct answers for the {course} online test: B, B, A, D, C, A.",
        "Las respuestas del examen de {course}: 1C 2A 3D.",
    ],
    "none": [
        "Worried about something at work? Our confidential reporting line is there for you.",
        "Speak to our safeguarding team in confidence if you are worried about a learner.",
        "Reminder: IT will never ask for your password by email or phone.",
        "Set up multi-factor authentication today - it takes two minutes.",
        "Our paper in {journal} reports a {pct} reduction in distortion. It's open access.",
        "Our audited accounts, published today, show a surplus of {money}.",
        "We've been selected by {partner} to deliver their apprenticeship programme, as announced today.",
        "Next {course} course starts on 14 {month}. Book now!",
        "Vacancy: Apprenticeship Coordinator, £29,000, closing date 2 {month}.",
        "Our team supports vulnerable adults returning to education.",
        "We fixed the login issue on the student portal this morning. Thanks for bearing with us.",
        "The {course} assessment has two parts: a written paper and a practical.",
        "Sample questions for the {course} are on our website for anyone thinking of enrolling.",
        "Our penetration testing course teaches how SQL injection works and how to prevent it.",
        "Embargo lifted! We're thrilled to share that we're College of the Year.",
        "How do IP addresses work? Find out on our free networking taster session.",
        "The project codename tradition at tech firms is fun - what would you call yours?",
        "Launching today: our new evening course in electrical installation.",
        "Guest Wi-Fi is free for visitors; ask at reception for access.",
        "Unsere Kurse für den Gabelstaplerschein beginnen im Oktober.",
        "Nos formations en soudage reprennent en septembre.",
        "Nuestros cursos de seguridad comienzan en mayo.",
        "Mae ein cyrsiau weldio yn dechrau ym mis Medi.",
        "Our internal mentoring programme has helped 40 staff gain promotion.",
        "Confidentiality is at the heart of our counselling service.",
        "Results from our 2024 study, published in {journal}, showed a {pct} gain in productivity.",
    ],
}

NONE_EXTRA = {
    "name": ["Amira Shah", "Ben Carter", "Ffion Roberts", "Kwame Mensah", "Lucy Hart", "Owain Griffiths"],
    "journal": ["Welding in the World", "Safety Science", "the Journal of Vocational Education"],
    "partner": ["Leicestershire County Council", "the Welding Institute", "East Midlands Chamber"],
}


# -- second round (issue 3 follow-up) -----------------------------------------------------------
# More varied *training* rows per sub-type: paraphrases and idioms, casual staff register, longer
# posts, and more German, Spanish, French and Welsh. Written from a list of kinds of leak, not from
# the held-out misses. Built with their own seed and id prefix so the first-round rows stay as they were.
TRAIN_EXTRA: dict[str, list[str]] = {
    "credential": [
        "[es] Acceso al portal de formadores: usuario formador2, clave {pw}",
        "[fr] Le code du wifi pour les visiteurs : {pw}",
        "[cy] Cod y wifi i staff yw {pw}",
        "[de] Die PIN für den Materialraum ist 4417, das Passwort für den Laptop {pw}",
        "Lost the sticky note again? Laptop trolley login is trolley / {pw}",
        "For the webinar later, the host key is {key} - don't lose it!",
    ],
    "internal_marker": [
        "Staff-only info, please don't screenshot: the new pay offer.",
        "Keep this inside the team - the draft reorganisation of the estates department.",
        "Not one for the public feed: the leadership team's notes on the budget cuts.",
        "For colleagues only, not learners or parents: the plan for next term's course closures.",
        "Please don't repost anywhere public - internal memo on the new sickness policy.",
        "Just for us lot, not for outside eyes: draft job descriptions for the new structure.",
        "Restricted circulation: notes from today's senior management team.",
        "Internal briefing pack attached, not for sharing with partners or press.",
        "Sensitive - staff only: proposed changes to the {month} timetable.",
        "Morning team. Attached is the draft restructure for the engineering faculty that SLT discussed yesterday. "
        "It's an internal document, so please don't post or forward it outside the organisation while consultation "
        "is going on.",
        "[de] Nur für Kolleginnen und Kollegen, nicht öffentlich: der Entwurf des neuen Stundenplans.",
        "[de] Interne Mitteilung, bitte nicht nach außen geben: Änderungen bei der Gehaltsstruktur.",
        "[es] Solo para el personal, no lo compartáis fuera: el borrador del nuevo horario.",
        "[es] Nota interna, no difundir fuera de la organización: cambios en la plantilla.",
        "[fr] Réservé au personnel, à ne pas partager à l'extérieur : le projet de réorganisation.",
        "[fr] Note interne, merci de ne pas la transmettre : les nouvelles grilles salariales.",
        "[cy] I staff yn unig, peidiwch â'i rannu'n gyhoeddus: y cynllun newydd.",
        "[cy] Nodyn mewnol: newidiadau i'r amserlen, dim i'w rannu tu allan.",
    ],
    "nda_client": [
        "Mum's the word, but {client} just signed up for our crane training.",
        "Can't name names publicly yet, but our new big customer is {client}.",
        "Between you and me, we're about to land {client} as a client.",
        "Our work with {client} is covered by a confidentiality agreement, so no photos please.",
        "Legal reminded us: the {client} contract has a non-disclosure clause, don't mention them on socials.",
        "Please don't tag {client} in anything, they haven't agreed to be named as our client.",
        "Spent the day on site with {client}. Can't share details, they made us sign a confidentiality agreement.",
        "Just closed the {client} deal!! Keep it to yourselves until they go public with it.",
        "So the mystery client for the new welding academy is {client} - that's between us for now.",
        "{client} are quietly moving their whole training budget to us. Please keep that off LinkedIn.",
        "Our tender for {client} won - {money} over two years. Not public, so no posts.",
        "Long week! Three days at {client} running the pilot of our inspection course. The team were brilliant "
        "and the feedback was great. Remember though, they're a confidential client and we can't say we work "
        "with them.",
        "[de] Unser neuer Kunde {client} möchte nicht namentlich genannt werden - bitte nichts posten.",
        "[de] Wir haben den Auftrag von {client} bekommen, aber das bleibt vorerst unter uns.",
        "[es] Acabamos de firmar con {client}, pero no podemos decirlo públicamente todavía.",
        "[es] {client} nos ha contratado para formar a sus técnicos; de momento, que quede entre nosotros.",
        "[fr] Nous venons de signer avec {client}, mais le client ne veut pas être cité pour l'instant.",
        "[fr] Le contrat avec {client} est couvert par une clause de confidentialité, merci de ne rien publier.",
        "[cy] Rydyn ni'n hyfforddi staff {client}, ond peidiwch â sôn amdano eto.",
        "[cy] Mae {client} wedi arwyddo gyda ni, ond mae'n gyfrinach am y tro.",
    ],
    "codename": [
        "{codename} team - the demo rig arrives Tuesday, nothing on socials until launch.",
        "Loving what the {codename} crew have built, can't show it off yet though!",
        "Who's going to the {codename} kick-off in {month}? Bring ideas.",
        "Reminder: {codename} stand-up has moved to 10am.",
        "{codename} is the code name for the new VR welding course, launching in {month} - not public yet.",
        "Our next big thing, {product}, is nearly ready - the official reveal isn't until {month}.",
        "Early prototype of {product} in the workshop today, under a dust sheet until the launch.",
        "We're quietly building a new online course under the working title {codename}.",
        "The {codename} pilot with three employers starts in {month}; it's still secret outside the team.",
        "[de] {codename} startet im {month}, bitte noch nicht öffentlich erwähnen.",
        "[de] Heute Testlauf für {codename} - das Projekt ist noch geheim.",
        "[es] El proyecto {codename} se lanza en {month}, pero todavía es secreto.",
        "[fr] Le projet {codename} sera lancé en {month}, c'est encore secret.",
        "[cy] Bydd prosiect {codename} yn lansio ym mis {month}, ond mae'n gyfrinach o hyd.",
    ],
    "embargo": [
        "Not a word until 10am tomorrow: we've been named apprenticeship provider of the year.",
        "Please wait until the official announcement goes live before sharing: new partnership with the university.",
        "News embargo: nothing about the new campus on social media before Wednesday lunchtime.",
        "Under wraps till the ministerial visit on Friday - our new green skills centre.",
        "Can everyone hold off posting about the award until the ceremony on Thursday night?",
        "Strictly no posting before the 9am press release: we've merged with a training provider.",
        "Save this for Monday morning, it's not public until the press release: new principal announced.",
        "Drafting the post now but it can't go live before the embargo lifts at midnight.",
        "Release time is 00:01 Tuesday, please don't share sooner: record apprenticeship numbers.",
        "Scheduled for release on the 14th, so keep it off social until then: our inspection grade.",
        "Really exciting news coming this week that I've just been told about - we've been chosen as a national "
        "centre of excellence! It's not to go out until the Department announces it on Wednesday, so please "
        "wait with your posts until then.",
        "[de] Bitte erst nach der Pressekonferenz am Mittwoch posten: unser neues Ausbildungszentrum.",
        "[de] Sperrfrist beachten - die Meldung über den Preis darf erst am Freitag raus.",
        "[de] Noch nicht teilen, die offizielle Bekanntgabe ist erst am Montag: neue Partnerschaft.",
        "[es] No lo publiquéis hasta el anuncio oficial del jueves: nuevo campus en Sevilla.",
        "[es] Embargado hasta las 9:00 del martes: premio nacional a nuestros aprendices.",
        "[es] Esperad al comunicado de prensa del lunes antes de compartir: nuevo acuerdo con la universidad.",
        "[fr] Embargo jusqu'à mardi 9h : nous avons remporté le prix régional.",
        "[fr] Merci d'attendre l'annonce officielle de vendredi avant de publier : notre nouveau campus.",
        "[cy] Peidiwch â chyhoeddi hyn cyn dydd Gwener: ein gwobr genedlaethol.",
        "[cy] Arhoswch am y datganiad i'r wasg cyn rhannu: partneriaeth newydd gyda'r brifysgol.",
    ],
    "unreleased_figures": [
        "Dropout rate fell to {pct}! The official stats don't come out until {month} though.",
        "Quietly pleased: our draft accounts show a {money} surplus. Auditors haven't signed them off.",
        "Don't quote me, but the internal survey puts staff satisfaction at {pct}. Results go to governors first.",
        "Off the record: our apprenticeship starts are down {pct} this year. The official figure comes later.",
        "Trial update for the team: the new helmet design cut neck strain by {pct}. Still waiting on peer review.",
        "Our forecast for next year is a {money} shortfall - it hasn't gone to the board yet.",
        "Got a peek at the inspection data: {pct} of learners rated teaching as good. The report isn't out.",
        "Confidential numbers: {pct} of staff plan to leave in the next year according to the exit survey.",
        "Mixed feelings after today's finance meeting. Turnover is {money}, which is good, but costs rose by {pct}. "
        "These are management accounts only and won't be published until the annual report in {month}, so "
        "please keep them to yourselves.",
        "[de] Interne Zahlen: die Abbrecherquote liegt bei {pct}, die offizielle Statistik kommt erst im {month}.",
        "[de] Unser Umsatz liegt bei {money}, aber der Jahresabschluss ist noch nicht geprüft.",
        "[es] Cifras internas: la tasa de aprobados subió un {pct}, se publican oficialmente en otoño.",
        "[es] Según el borrador de cuentas tenemos un superávit de {money}; aún no está auditado.",
        "[fr] Chiffres internes : le taux de réussite atteint {pct}, publication officielle en juin.",
        "[fr] Les comptes provisoires montrent un excédent de {money}, pas encore validés.",
        "[cy] Ffigurau mewnol: mae'r gyfradd lwyddo wedi codi {pct}, heb eu cyhoeddi eto.",
    ],
    "internal_host": [
        "[de] Die Dateiablage liegt jetzt auf \\\\{host}\\ablage.",
        "[es] La impresora nueva está en {ip}.",
        "[fr] Le serveur de sauvegarde est sur {ip}.",
        "[cy] Mae'r gweinydd newydd ar {ip}.",
    ],
    "security_weakness": [
        "Not great: anyone who guesses a learner number can pull up their whole file on {system}.",
        "The admin page of {system} is open to the internet and nobody has locked it down.",
        "The password reset on {system} doesn't check who you are, so anyone could take over an account.",
        "Our website's upload form accepts any file type - still waiting for the developer to sort it.",
        "Staff passwords for {system} are kept in plain text in a spreadsheet on the shared drive.",
        "The CCTV cameras still have their factory logins and anyone on the wifi can watch them.",
        "Be aware: logout is broken on {system}, so accounts stay signed in on the shared PCs.",
        "The pen testers got domain admin in twenty minutes last month and most of their findings are still open.",
        "The server room door lock has been broken for weeks and anyone can walk in.",
        "Bit embarrassing, but {system} still runs on software that reached end of life in 2020.",
        "[de] Das Lernportal ist seit Wochen ungepatcht und die Sicherheitslücke ist öffentlich bekannt.",
        "[de] Auf {system} kann man sich gerade ohne Passwort als Admin anmelden.",
        "[es] El portal del alumnado sigue sin parche contra {vuln}, cualquiera podría entrar.",
        "[es] Los ordenadores del taller no tienen antivirus desde hace meses.",
        "[fr] Le portail des apprenants n'est toujours pas corrigé contre {vuln}.",
        "[fr] N'importe qui peut se connecter au serveur de fichiers sans mot de passe en ce moment.",
        "[cy] Dydy'r porth dysgwyr ddim wedi cael ei ddiweddaru ers misoedd ac mae twll diogelwch ynddo.",
    ],
    "exam_content": [
        "For the {course} check tomorrow: the first three answers are all 'permit to work', then it's B and D.",
        "Tip from someone who sat it yesterday: {course} section 2 is word for word the mock we did.",
        "True/false round of the {course} quiz: T, F, F, T, T. You're welcome.",
        "The {course} practical is welding a butt joint this time - they told the morning group.",
        "Scanned copy of the {course} answer booklet in my inbox if anyone wants it before the test.",
        "Got next week's {course} paper from the earlier cohort - all the multiple-choice answers are highlighted.",
        "Revision hack: the {course} exam uses the same 40 questions every time, here's the list with answers.",
        "Answers to Monday's {course} test: 1) 50mm 2) yellow 3) permit 4) isolate. Don't tell the tutor.",
        "Whoever asked: the fire question on the {course} exam is about extinguisher classes and it's class B.",
        "Hey all, just finished the {course} assessment. Section A is the COSHH question again, section B asks "
        "about working at height, and the last question is the same scenario as the mock. Good luck!",
        "[de] Hier die Lösungen für den {course} Test morgen: A, C, B, D.",
        "[de] Die Prüfungsfragen für {course} sind dieselben wie letztes Jahr, ich schicke euch die Liste.",
        "[es] Tengo las preguntas del examen de {course} de mañana, os las paso por privado.",
        "[es] Soluciones del test de {course}: 1B, 2C, 3A, 4D.",
        "[fr] J'ai les questions de l'examen {course} de demain, je vous les envoie en privé.",
        "[fr] Corrigé du test {course} : 1B, 2D, 3C.",
        "[cy] Atebion prawf {course} yfory: 1A, 2C, 3B.",
    ],
    "none": [
        "Sssh! Our quiet study room is open again on the second floor.",
        "Wait for it... we'll reveal our new logo on Friday! Follow us to find out.",
        "The embargo on our press release has now lifted - read the full story on our website.",
        "Our official statistics for {month} are published today: {pct} achievement.",
        "Answers to your most common questions about enrolment are on our FAQ page.",
        "Mock exam week starts Monday - good luck everyone, revise well!",
        "Our cyber team patched the vulnerability within hours and no data was affected.",
        "Today our apprentices learned how attackers guess weak passwords, and how to stop them.",
        "We're proud to announce {partner} as our new partner - signed and public as of today.",
        "Our project management course starts in {month}.",
        "Results of the learner survey are now published: {pct} would recommend us.",
        "Internal promotions this term: congratulations to {name}!",
        "Big thanks to our IT team for keeping everyone's accounts secure this year.",
        "[de] Heute veröffentlicht: unsere Jahreszahlen mit {pct} mehr Abschlüssen.",
        "[de] Viel Erfolg allen bei den Prüfungen nächste Woche!",
        "[es] Hoy publicamos nuestro informe anual: {pct} más de aprendices.",
        "[es] Mucha suerte a todos en los exámenes de la próxima semana.",
        "[fr] Bonne chance à tous nos apprenants pour les examens de la semaine prochaine !",
        "[fr] Nous sommes fiers d'annoncer notre partenariat avec {partner}.",
        "[cy] Pob lwc i'n dysgwyr yn eu harholiadau wythnos nesaf!",
        "[cy] Rydym yn falch o gyhoeddi ein partneriaeth newydd gyda {partner}.",
        # Long, multi-sentence clean posts: the long rows above are all leaks, and without these the
        # head learns that length itself means a leak.
        "What a week! Our {course} learners spent three days on site with {partner}, and the feedback from "
        "the employer was fantastic. Thanks to the tutors who organised it and to everyone who came along. "
        "Places on the next course are open now.",
        "Open evening is on Thursday from 5pm to 8pm. Come and meet our tutors, try the welding simulator "
        "and find out about apprenticeships, part-time courses and funding. Free parking on site, and "
        "refreshments in the main hall.",
        "We've had a brilliant term. Over 300 learners completed a course, our apprentices won two regional "
        "awards and the new workshop opened in {month}. Thank you to our staff, employers and partners for "
        "all your support this year.",
        "Huge congratulations to {name}, who has finished a Level 3 apprenticeship with a distinction. "
        "{name} started with us at 16 and now works as a maintenance technician. Stories like this are why "
        "we do what we do!",
        "Reminder to all staff: the car park will be resurfaced over the weekend of 12 {month}. Please use "
        "the overflow car park behind the sports hall, and allow a little extra time on Monday morning. "
        "Thanks for your patience.",
        "Our annual report is out today. It covers the year's achievements, our published accounts and our "
        "plans for the new engineering centre. You can read the full report on our website, and a summary "
        "is available in Welsh.",
        "Behind the scenes: our estates team have been busy getting the construction workshop ready for the "
        "new intake. New benches, fresh paint and a lot of sawdust. We can't wait to welcome learners back "
        "in {month}!",
        "Thinking about a career change? Our evening courses in electrical installation and plumbing fit "
        "around work, and advisers are happy to talk through funding options. Drop in to reception or give "
        "us a call.",
    ],
}

# Fresh non-English held-out rows (and a few clean ones), written apart from the training rows above
# so that the per-language recall rests on more than a handful of drafts.
HELDOUT_EXTRA: dict[str, list[str]] = {
    "credential": [
        "[de] Zugang zum Gäste-WLAN: Netzwerk NF-Gast, Schlüssel {pw}",
        "[es] La contraseña nueva del correo compartido es {pw}",
        "[fr] Identifiants du poste d'accueil : accueil / {pw}",
        "[cy] Y cod mynediad i'r system newydd yw {pw}",
    ],
    "internal_marker": [
        "[de] Nur zur internen Verwendung: Entwurf der neuen Urlaubsregelung.",
        "[es] Confidencial, uso exclusivo del personal: nuevo organigrama.",
        "[fr] Confidentiel - diffusion interne uniquement : budget prévisionnel.",
        "[cy] Cyfrinachol: papurau'r bwrdd ar gyfer mis {month}.",
    ],
    "nda_client": [
        "[de] Wir arbeiten jetzt für {client}, aber laut Vertrag dürfen wir das nicht öffentlich sagen.",
        "[es] {client} es nuestro nuevo cliente, pero nos pidieron no mencionarlo en redes.",
        "[fr] Nous formons désormais les techniciens de {client}, mais c'est confidentiel pour le moment.",
        "[cy] Mae {client} yn gleient newydd i ni, ond does dim hawl gennym i ddweud hynny'n gyhoeddus.",
    ],
    "codename": [
        "[de] Das Projekt {codename} geht im {month} live, bitte noch nichts verraten.",
        "[es] Probando la nueva versión de {codename}; el lanzamiento es en {month}.",
        "[fr] Réunion d'équipe sur {codename} ce matin, lancement prévu en {month}.",
        "[cy] Diweddariad ar {codename}: bydd y peilot yn dechrau ym mis {month}.",
    ],
    "embargo": [
        "[de] Erst ab Dienstag 9 Uhr teilen: wir haben den Landespreis gewonnen.",
        "[es] Hasta el martes a las 10 no se puede publicar: nuevo centro en Bilbao.",
        "[fr] À ne diffuser qu'après la conférence de presse de lundi : notre fusion.",
        "[cy] Dim cyhoeddi tan ddydd Mawrth: gwobr newydd i'n prentisiaid.",
    ],
    "unreleased_figures": [
        "[de] Interne Auswertung, noch nicht freigegeben: Zufriedenheit bei {pct}.",
        "[es] Datos internos sin publicar: las matrículas bajaron un {pct}.",
        "[fr] Résultats non publiés : {pct} d'abandons en moins cette année.",
        "[cy] Ffigurau dros dro: cynnydd o {pct} mewn prentisiaid, heb eu cyhoeddi.",
    ],
    "internal_host": [
        "[de] Die Druckerwarteschlange läuft jetzt über {ip}.",
        "[fr] Le wiki interne est sur http://{host}/accueil",
        "[cy] Cadwch eich gwaith ar \\\\{host}\\gwaith o hyn ymlaen.",
    ],
    "security_weakness": [
        "[de] {system} hat immer noch die Lücke {vuln}, niemand hat sie geschlossen.",
        "[es] Cualquiera puede entrar en {system} sin contraseña ahora mismo.",
        "[fr] Le pare-feu du labo est désactivé depuis des semaines.",
        "[cy] Does neb wedi trwsio'r twll diogelwch yn {system} ers misoedd.",
    ],
    "exam_content": [
        "[de] Die Antworten für die {course} Prüfung am Freitag: 1C, 2B, 3A.",
        "[es] Os paso las preguntas del examen de {course} antes del jueves.",
        "[fr] Voici les réponses du test {course} : A, D, B, C.",
        "[cy] Fe ges i'r papur arholiad {course} yn gynnar - neges breifat os ydych chi eisiau copi.",
    ],
    "none": [
        "[de] Unsere Jahresergebnisse sind heute erschienen: {pct} mehr Auszubildende.",
        "[es] Nuestra línea de denuncia confidencial está abierta a todo el personal.",
        "[fr] Le rapport annuel est publié aujourd'hui sur notre site.",
        "[cy] Mae ein hadroddiad blynyddol wedi'i gyhoeddi heddiw.",
        "[de] Bitte niemals das Passwort weitergeben, auch nicht an die IT.",
        "[fr] Les inscriptions aux examens de juin sont ouvertes.",
    ],
}


# -- fourth round (issue 3, after the blind held-out set) ------------------------------------------
# The blind set's kinds of miss and false positive were passed on *in words* (no row was read): clients under
# NDA named in prose, codenames outside English, exam tasks and answer keys without "answer key" wording,
# weaknesses in plain words; and lifted embargoes, fixed weaknesses, published figures, private ranges in
# teaching, harmless "internal"/"confidential", example passwords, launched projects. Fresh wording, five
# languages. Built with its own seed and id prefix so earlier rows stay byte-identical.
TRAIN_EXTRA4: dict[str, list[str]] = {
    "nda_client": [
        "Two days training the maintenance crew at {client}. They're an NDA client, so nothing with their logo please.",
        "{client} made us sign an NDA before we even saw the workshop - so no photos from today.",
        "We're running the new inspection course for an undisclosed client in the north-east; I'll say more once I can.",
        "{client} hasn't announced the partnership yet, so please don't mention them in the course launch post.",
        "Brilliant feedback from our NDA customer on the crane refresher. Can't tell you who - you know how it is.",
        "Unnamed client, big order: 40 apprentices from {client} start in {month}. Keep the name out of anything public.",
        "Reminder: our work for {client} is under their NDA until they go public with the new plant.",
        "[fr] Belle journée chez notre client sous NDA, mais on ne peut pas dire qui c'est.",
        "[fr] {client} nous a fait signer un accord de confidentialité : pas de photos ni de nom dans les posts.",
        "[fr] Nous formons les équipes d'un client confidentiel à partir de {month}; {client} n'a pas encore annoncé le partenariat.",
        "[es] Hoy hemos trabajado con un cliente bajo NDA; no podemos decir su nombre.",
        "[es] {client} nos hizo firmar un acuerdo de confidencialidad, así que nada de fotos.",
        "[es] {client} no ha anunciado todavía la colaboración con nosotros, no lo publiquéis.",
        "[de] Wir schulen ab {month} einen NDA-Kunden; {client} hat die Partnerschaft noch nicht bekannt gegeben.",
        "[de] {client} hat uns ein NDA unterschreiben lassen - bitte den Namen nirgends posten.",
        "[cy] Diwrnod da gyda chleient dan NDA heddiw, ond allwn ni ddim dweud pwy.",
        "[cy] Mae {client} wedi gofyn i ni lofnodi NDA, felly dim enw ar y cyfryngau cymdeithasol.",
        "[cy] Dyw {client} heb gyhoeddi'r bartneriaeth eto, felly peidiwch â'u henwi.",
    ],
    "codename": [
        "The new VR welding rig is code-named {codename} internally; nobody outside knows it exists yet.",
        "Our secret product '{codename}' goes to the pilot group in {month}.",
        "Internal name for the apprenticeship app is {codename} - please don't use it in public posts.",
        "[fr] Le nom de code du futur simulateur est {codename}; il sort en {month}, gardez-le pour vous.",
        "[fr] Notre produit secret « {codename} » sera testé par deux centres en {month}.",
        "[es] El nombre en clave del nuevo curso es {codename}, sale en {month} pero aún no es público.",
        "[es] Nuestro producto secreto «{codename}» llegará a los centros piloto en {month}.",
        "[de] Der Deckname für die neue Lernplattform ist {codename}; Start im {month}, noch nicht öffentlich.",
        "[de] Unser internes Projekt {codename} geht im {month} in die Pilotphase.",
        "[cy] Enw mewnol yr ap newydd yw {codename}; bydd yn lansio ym mis {month}.",
        "[cy] Enw cod y prosiect yw {codename} - peidiwch â'i rannu eto.",
    ],
    "exam_content": [
        "For anyone sitting {course} tomorrow: the essay question is about permit-to-work systems.",
        "The practical task on Friday's assessment is rigging a two-leg sling for an off-centre load.",
        "Next week's case study for the {course} exam is a warehouse fire with a blocked exit - plan your answer.",
        "Here's the scenario for the end-point assessment, with the model answer the assessors look for.",
        "The marking scheme for Thursday's {course} paper is in the shared folder if anyone wants a look.",
        "[fr] Pour l'examen de demain, le sujet de dissertation porte sur la gestion des risques.",
        "[fr] Voici le corrigé de l'épreuve pratique de vendredi.",
        "[es] El caso práctico del examen de mañana trata de un incendio en un almacén.",
        "[es] Os paso la plantilla de respuestas de la prueba del jueves.",
        "[de] Die praktische Aufgabe in der Prüfung morgen ist das Anschlagen einer Last mit Zweistrang-Gehänge.",
        "[de] Hier ist der Lösungsschlüssel für die Klausur nächste Woche.",
        "[cy] Dyma atebion yr arholiad ymarferol fory.",
        "[cy] Yr astudiaeth achos yn yr arholiad wythnos nesaf yw tân mewn warws.",
    ],
    "security_weakness": [
        "FYI the password reset link on {system} never expires, so any old email can still be used.",
        "{system} is still on the version with the auth-bypass bug; nobody has scheduled the upgrade.",
        "There's no authentication on the /export page of {system}; anyone with the address gets the full list.",
        "The backups bucket is still world-readable - has anyone told IT?",
        "Passwords on {system} are stored in plain text, found out today.",
        "Anyone can log in to {system} with the default admin credentials at the moment.",
        "[fr] Le lien de réinitialisation de {system} n'expire jamais, et personne n'a corrigé ça.",
        "[fr] La page d'export est accessible sans authentification depuis des semaines.",
        "[es] El enlace para restablecer la contraseña nunca caduca en {system}.",
        "[es] El servidor sigue con la versión que tiene el fallo de autenticación; nadie lo ha actualizado.",
        "[de] Der Export auf {system} funktioniert ohne Anmeldung, jeder kann die Liste herunterladen.",
        "[de] Der Speicher mit den Sicherungen ist immer noch öffentlich lesbar.",
        "[cy] Mae'r ddolen ailosod cyfrinair byth yn dod i ben ar {system}.",
        "[cy] Gall unrhyw un lawrlwytho'r rhestr heb fewngofnodi o hyd.",
    ],
    "none": [
        "The embargo on our award story ended at 9am - please share it far and wide!",
        "Our research news is no longer restricted; the journal published it this morning.",
        "The SQL injection bug on the booking site was fixed last month and disclosed responsibly.",
        "Update: the exposed test server has been locked down and the issue is resolved.",
        "Our 2025 pass rates were published in the annual report: 91% first-time passes.",
        "Our case study with {partner} is now on the website - have a read!",
        "Networking basics this week: private ranges like 10.0.0.0/8 and 192.168.0.0/16 are never routed on the internet.",
        "Home Wi-Fi tip: log in to your router at 192.168.1.1 and change the default password.",
        "The internal training calendar for {month} is on the staff hub - book your CPD early.",
        "New module for all staff: how we handle confidential information about learners.",
        "Password tip: never use passwords like \"Summer2025!\" or \"Welcome1\" - use three random words.",
        "Project Harbour launched publicly in March and is now open to all learners.",
        "[fr] L'embargo est terminé : vous pouvez partager la nouvelle du prix.",
        "[fr] La faille du portail a été corrigée et signalée à l'éditeur.",
        "[fr] Nos résultats 2025 sont publiés : 89 % de réussite.",
        "[es] El embargo ha terminado, ya podéis compartir la noticia.",
        "[es] La vulnerabilidad del campus virtual ya está corregida.",
        "[es] Los resultados de este año ya están publicados: 92 % de aprobados.",
        "[de] Die Sperrfrist ist abgelaufen - die Meldung darf jetzt geteilt werden.",
        "[de] Die Sicherheitslücke im Portal wurde behoben und gemeldet.",
        "[de] Unsere Prüfungsergebnisse sind veröffentlicht: 90 % bestanden.",
        "[cy] Mae'r embargo wedi dod i ben, rhannwch y newyddion!",
        "[cy] Mae'r twll diogelwch ar y porth wedi'i drwsio.",
        "[cy] Cyhoeddwyd ein canlyniadau heddiw: 88% wedi pasio.",
    ],
}


TRAIN_WRAP = (["", "", "", "FYI: ", "Quick one - ", "Morning all! ", "Team, "],
              ["", "", "", " Thanks!", " Cheers.", " :)"])
HELDOUT_WRAP = (["", "", "", "Hi folks, ", "Update: ", "PSA - ", "Just so you know, "],
                ["", "", "", " Ta.", " Any questions, shout.", " Have a good weekend!"])


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random,
          wrap: tuple[list[str], list[str]] = ([""], [""])) -> str:
    values = {k: rng.choice(v) for k, v in slots.items()}
    values.update({k: rng.choice(v) for k, v in NONE_EXTRA.items()})
    values.update(pw=_password(rng), key=_api_key(rng), ip=_ip(rng))
    language, template = _tagged(template)
    text = template.format(**values)
    text = text[0].upper() + text[1:]
    english = (language or _language(text)) == "en"
    head = rng.choice(wrap[0]) if english else ""
    tail = rng.choice(wrap[1]) if english else ""
    return head + (text[0].lower() + text[1:] if head and text[:2] != text[:2].upper() else text) + tail


def _tagged(template: str) -> tuple[str | None, str]:
    """A second-round template may start with its language, ``"[de] ..."``: the heuristic below
    misreads short German, Spanish, French and Welsh rows as English."""
    if len(template) > 5 and template[0] == "[" and template[3:5] == "] ":
        return template[1:3], template[5:]
    return None, template


def _language(text: str) -> str:
    lowered = text.lower()
    cues = {
        "fr": (" le ", " la ", " les ", " du ", " est ", "nous ", "mot de passe", " pas ", "réservé", "usage"),
        "de": (" der ", " die ", " das ", " ist ", " für ", " nicht ", "unser", "passwort", "kennwort"),
        "es": (" el ", " la ", " es ", " con ", " del ", "contraseña", "nuestro", "usuario", "solo para"),
        "cy": (" yw ", " y ", " ar ", " yn ", " ym ", " mis ", " ein ", "cyfrinair", "yn unig", "peidiwch", "dan embargo"),
    }
    padded = f" {lowered} "
    scores = {lang: sum(c in padded for c in cs) for lang, cs in cues.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else "en"


def build(templates: dict[str, list[str]], slots: dict[str, list[str]], fills: int, seed: int,
          prefix: str, wrap: tuple[list[str], list[str]]) -> list[dict[str, str]]:
    """Fill each template ``fills`` times (distinct texts), label each row with its sub-type."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for label, group in templates.items():
        per = fills * 2 if label == "none" else fills
        for template in group:
            for _ in range(per * 4):
                if sum(1 for r in rows if r["template"] == template) >= per:
                    break
                text = _fill(template, slots, rng, wrap)
                if text in seen:
                    continue
                seen.add(text)
                rows.append({"template": template, "label": label, "text": text,
                             "language": _tagged(template)[0] or _language(text)})
    rng.shuffle(rows)
    # ``template`` names the template a row was filled from, so cross-validation can keep all fills
    # of one template in the same fold (as the held-out split does), instead of rewarding memory of it.
    return [
        {"id": f"{prefix}-{i:04d}", "text": r["text"], "label": r["label"], "language": r["language"],
         "template": hashlib.sha1(r["template"].encode("utf-8")).hexdigest()[:10]}
        for i, r in enumerate(rows, 1)
    ]


def main() -> None:
    parts = {
        "train.jsonl": build(TRAIN, TRAIN_SLOTS, fills=4, seed=SEED, prefix="conf-tr", wrap=TRAIN_WRAP),
        "heldout.jsonl": build(HELDOUT, HELDOUT_SLOTS, fills=3, seed=SEED + 1, prefix="conf-ho", wrap=HELDOUT_WRAP),
    }
    # Second round, appended with their own seeds so the first-round rows are unchanged.
    parts["train.jsonl"] += build(TRAIN_EXTRA, TRAIN_SLOTS, fills=4, seed=SEED + 2, prefix="conf-tr2", wrap=TRAIN_WRAP)
    parts["heldout.jsonl"] += build(HELDOUT_EXTRA, HELDOUT_SLOTS, fills=3, seed=SEED + 3, prefix="conf-ho2",
                                    wrap=HELDOUT_WRAP)
    # Fourth round (training only), with its own seed and ids. Heads retrained on it lost recall on the
    # blind held-out set (see README.md), so its rows go to a file of their own that the trainer does not
    # read: ``train.jsonl`` stays the data the shipped heads were trained on. Append them to train.jsonl
    # (``--merge-round4``) only with a retrain that keeps blind recall.
    round4 = build(TRAIN_EXTRA4, TRAIN_SLOTS, fills=4, seed=SEED + 4, prefix="conf-tr4", wrap=TRAIN_WRAP)
    if "--merge-round4" in sys.argv[1:]:
        parts["train.jsonl"] += round4
    else:
        parts["train_round4.jsonl"] = round4
    for name, rows in parts.items():
        with (HERE / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} rows to {name}")


if __name__ == "__main__":
    main()
