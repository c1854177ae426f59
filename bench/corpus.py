"""Synthetic staff posts of real lengths, for the benchmarks and ``data/audit_sample/``.

Deterministic (a seeded ``random.Random``): the same seed gives the same posts on any machine, so
a benchmark's inputs are repeatable. Lengths follow the platforms: short tweets (40-280
characters) through LinkedIn posts (up to ~1,300). About one post in six carries something a
detector should flag: synthetic personal data (example.com/.org addresses, Ofcom drama-range
phone numbers, made-up names), the shipped policy's confidential terms, insults, or unproven
allegations about made-up people. Every name, address and number is invented.

``python -m bench.corpus data/audit_sample`` regenerates the shipped audit sample.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIRST = ["Amira", "Ben", "Chloe", "Dev", "Ellis", "Fatima", "Gareth", "Hana", "Iwan", "Jess", "Kofi", "Lowri",
         "Marek", "Niamh", "Owen", "Priya", "Rhys", "Sian", "Tomasz", "Yusuf"]
LAST = ["Ashworth", "Baptiste", "Carrow", "Delacroix", "Evans", "Fenwick", "Garside", "Holloway", "Iqbal",
        "Jenkins", "Kowalski", "Lindqvist", "Morgan", "Nwosu", "Okafor", "Pryce", "Quayle", "Rees", "Sandhu"]
TOPICS = ["open day", "apprenticeship scheme", "welding workshop", "robotics club", "careers fair",
          "engineering bootcamp", "graduation ceremony", "electrical installation course", "STEM week",
          "employer breakfast", "library refurbishment", "student awards", "summer school", "industry visit"]
PLACES = ["Leicester", "Loughborough", "the Hinckley campus", "the main hall", "Workshop B", "the Innovation Hub"]
CLEAN = [
    "Great turnout at the {topic} today in {place}. Thanks to everyone who came along!",
    "Applications for the {topic} close on Friday. Details on our website.",
    "Proud of our learners who presented at the {topic} this week. Brilliant work all round.",
    "Reminder: the {topic} starts at 10am in {place}. Bring your questions.",
    "We're hiring technicians to support the {topic}. Come and join a friendly team in {place}.",
    "Lovely to welcome local employers to the {topic}. Partnerships like these make a real difference.",
    "Congratulations to {first} on finishing the {topic} with distinction!",
    "Behind the scenes at {place}: getting ready for next month's {topic}.",
]
LONG = [
    " Over the past year we've worked closely with employers across the region to shape what our "
    "learners study, and the feedback has been overwhelmingly positive.",
    " Our staff put in a huge amount of effort to make this happen, from planning the sessions to "
    "looking after every visitor on the day.",
    " If you're thinking about a career in engineering or construction, there has never been a better "
    "time to start, and our advisers are happy to talk through the options.",
    " We'd also like to thank the volunteers, the estates team and the catering staff who kept everything "
    "running smoothly from start to finish.",
    " Look out for more events in the new year, including taster sessions for school leavers and adults "
    "returning to education.",
]
FLAGGED = {
    "pii": [
        "Anyone who wants to join the {topic}, email {first} directly on {email} or ring {phone}.",
        "Happy birthday to {first} {last}! If you want to send a card, the home address is {house} Mill Lane, "
        "Leicester LE2 7QP.",
        "Please contact {first} {last} at {email} about the {topic}; her mobile is {phone}.",
        "Learner {first} {last} (national insurance number QQ 12 34 56 C) has been missing from the {topic}.",
    ],
    "confidential": [
        "Can't say much yet but Project Kestrel is going to change everything for the {topic}!",
        "Big meeting with Marlow Dynamics today about the new contract. Exciting times for {place}.",
        "Sneak peek: the Advanced Robotic Welding Diploma launches next spring, results look amazing.",
        "The Ironbridge pilot figures came in at 40% over target, don't tell anyone before the board sees them.",
        "Staff wifi password for the {topic} is Northfield2026! (please don't share)",
    ],
    "offensive": [
        "Whoever organised the {topic} is a complete idiot. What a useless shambles.",
        "Honestly the people at {place} are pathetic morons, I'm sick of them.",
        "Shut up about the {topic} already, nobody cares you stupid clowns.",
    ],
    "defamatory": [
        "Everyone knows {first} {last} from the {topic} has been stealing from the college for years.",
        "{first} {last} is a fraud who faked his qualifications to get the job at {place}.",
        "Rumour is that {first} {last} took bribes from contractors on the {topic}.",
    ],
    "discriminatory": [
        "Old people shouldn't bother applying for the {topic}, they can't learn anything new.",
        "Women just aren't cut out for the {topic}, let's be honest.",
    ],
}
ACCOUNTS = ["@NorthfieldInst", "northfield-institute", "@NorthfieldSTEM"]


@dataclass(frozen=True, slots=True)
class SyntheticPost:
    """A generated post with the category it was written to trigger (``""`` for a clean post)."""

    id: str
    account: str
    date: datetime
    text: str
    intended: str


def _fill(rng: random.Random, template: str) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return template.format(
        topic=rng.choice(TOPICS), place=rng.choice(PLACES), first=first, last=last,
        email=f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.com",
        phone=f"07700 900{rng.randint(0, 999):03d}", house=rng.randint(2, 180),
    )


def generate(n: int, seed: int = 8, flagged_share: float = 0.17, months: int = 14,
             accounts: tuple[str, ...] = tuple(ACCOUNTS)) -> list[SyntheticPost]:
    """``n`` posts over ``months`` months ending 2026-10, spread over ``accounts``."""
    rng = random.Random(seed)
    end = datetime(2026, 10, 31, 18, 0, tzinfo=UTC)
    span = timedelta(days=30.4 * months)
    posts = []
    for i in range(n):
        account = accounts[i % len(accounts)]
        # LinkedIn posts run long, tweets short: lengths the pre-check really sees.
        long_form = "linkedin" in account or account.startswith("northfield-") or rng.random() < 0.15
        if rng.random() < flagged_share:
            intended = rng.choice(list(FLAGGED))
            text = _fill(rng, rng.choice(FLAGGED[intended]))
        else:
            intended = ""
            text = _fill(rng, rng.choice(CLEAN))
        if long_form:
            extra = rng.sample(LONG, k=rng.randint(1, len(LONG)))
            text = (text + "".join(extra)) if rng.random() < 0.5 else ("".join(extra).strip() + " " + text)
        date = end - span * rng.random()
        posts.append(SyntheticPost(id=f"p{i + 1:06d}", account=account, date=date.replace(microsecond=0),
                                   text=text, intended=intended))
    posts.sort(key=lambda p: p.date)
    return posts


def write_csv(posts: list[SyntheticPost], path: Path, with_intended: bool = False) -> Path:
    fields = ["id", "date", "account", "text"] + (["intended"] if with_intended else [])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for p in posts:
            row = [p.id, p.date.isoformat(), p.account, p.text] + ([p.intended] if with_intended else [])
            writer.writerow(row)
    return path


def write_sample(folder: Path, seed: int = 2026) -> None:
    """The shipped sample: posts.csv plus one small file per platform export format."""
    folder.mkdir(parents=True, exist_ok=True)
    posts = generate(360, seed=seed, flagged_share=0.2, months=15, accounts=tuple(ACCOUNTS))
    write_csv(posts, folder / "posts.csv", with_intended=True)
    tweets = [p for p in posts if p.account == "@NorthfieldInst"][:40]
    (folder / "twitter").mkdir(exist_ok=True)
    items = [{"tweet": {"id_str": str(1_700_000_000_000_000_000 + i), "full_text": p.text,
                        "created_at": p.date.strftime("%a %b %d %H:%M:%S +0000 %Y"), "lang": "en"}}
             for i, p in enumerate(tweets)]
    (folder / "twitter" / "tweets.js").write_text(
        "window.YTD.tweets.part0 = " + json.dumps(items, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "twitter" / "account.js").write_text(
        "window.YTD.account.part0 = " + json.dumps([{"account": {"username": "NorthfieldInst",
                                                                 "accountId": "100000001"}}], indent=2) + "\n",
        encoding="utf-8")
    shares = [p for p in posts if p.account == "northfield-institute"][:30]
    with (folder / "Shares.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"])
        for i, p in enumerate(shares):
            writer.writerow([p.date.strftime("%Y-%m-%d %H:%M:%S"),
                             f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{7000000000000000000 + i}",
                             p.text, "", "", "MEMBER_NETWORK"])
    stem = [p for p in posts if p.account == "@NorthfieldSTEM"]

    def mojibake(text: str) -> str:
        # How Facebook and Instagram exports really encode non-ASCII text.
        return text.encode("utf-8").decode("latin-1")

    facebook = [{"timestamp": int(p.date.timestamp()), "data": [{"post": mojibake(p.text + " \u2013 Northfield")}],
                 "title": "Northfield STEM updated their status."} for p in stem[:20]]
    facebook.append({"timestamp": int(stem[20].date.timestamp()), "attachments": [], "title": "shared a photo."})
    (folder / "facebook_your_posts_1.json").write_text(json.dumps(facebook, indent=2), encoding="utf-8")
    instagram = [{"media": [{"uri": f"media/posts/2026/{i}.jpg", "creation_timestamp": int(p.date.timestamp()),
                             "title": mojibake(p.text)}]} for i, p in enumerate(stem[21:41])]
    (folder / "instagram_posts_1.json").write_text(json.dumps(instagram, indent=2), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate the synthetic audit sample.")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("data/audit_sample"))
    write_sample(parser.parse_args().folder)


if __name__ == "__main__":
    main()
