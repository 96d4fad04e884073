"""Synthetic news corpora of any size for the benchmarks: seeded, deterministic, built on demand.

Sentences come from templates filled with random names, places, numbers and verbs, so most are
unique. Articles are grouped into stories; each story has a pool of wire paragraphs that a
controlled share of its articles reuse, verbatim or lightly edited. Outlets differ in paragraph
style (blank-line separated, one line per paragraph, hard-wrapped), quote marks (curly, straight),
line endings and cruft (mastheads, bylines, share buttons, related links, newsletter prompts,
cookie notices, reading time, photo credits, wire credit lines).

    python -m benchmarks.generate 1000 benchmarks/corpora/n1000-s0

writes `corpus/*.txt`, `corpus/articles.csv` (file, outlet) and `truth.csv` (what each article holds).
Article i is the same text whatever the corpus size: a 1k corpus is the first 1k of a 10k one.
"""
from __future__ import annotations

import argparse
import os
import random
import textwrap
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.text import count_words

STORY_SIZE = 20          # articles per story, on average
WIRE_PARAGRAPHS = 6      # wire paragraphs per story
VERBATIM_SHARE = 0.30    # articles that carry wire paragraphs word for word
EDITED_SHARE = 0.20      # articles that carry lightly edited wire paragraphs
WORDS = (300, 600)       # words per article, cruft included

TRUTH_COLUMNS = ["article_id", "file", "outlet", "story", "paragraph_style", "quote_marks", "line_ending",
                 "n_words", "n_paragraphs", "n_quotes", "quote_forms", "n_wire_verbatim", "n_wire_edited",
                 "n_cruft_lines", "cruft"]

# ---------------------------------------------------------------- vocabulary

FIRST = """Melanie Daniel Priya Omar Grace Hiroshi Amara Lucas Fatima Wei Sofia Mateo Aisha Jonas Elena Kwame Ingrid
Rafael Mei Tomasz Leila Samuel Noor Pierre Chloe Dmitri Ana Kenji Zara Patrick Yasmin Oliver Rosa Arjun Helen Marcus
Olga Diego Nadia Liam Farah Ethan Isabel Tariq Maya Hugo Lena Andre Chiara Felix Sana Victor Naomi Karim Julia Emeka
Astrid Pablo Hana Connor""".split()
LAST = """Joly Tremblay Okafor Nguyen Schmidt Rossi Haddad Kowalski Fernandes Chen Ivanova Mbeki Larsen Moreau Tanaka
Gupta Oliveira Novak Ahmed Dubois Petrov Santos Lindqvist Kim Ramirez Osei Brennan Yilmaz Castillo Weber Sato Farouk
Andersen Mendes Park Herrera Kovac Nakamura Abbott Singh Delgado Fischer Wong Moretti Ibrahim Hughes Jansen Costa
Reyes Holm Bianchi Adeyemi Varga Murphy Sokolov Lambert Achebe Quinn Horvat Bergstrom Mahmoud""".split()
CITIES = """Ottawa Toronto Montreal Vancouver Calgary Halifax Winnipeg Regina Edmonton Quebec Boston Chicago Denver Seattle
Atlanta Houston Phoenix Detroit Portland Austin London Manchester Dublin Paris Lyon Berlin Hamburg Munich Madrid Lisbon Rome
Milan Vienna Prague Warsaw Oslo Stockholm Helsinki Geneva Brussels Amsterdam Athens Istanbul Cairo Nairobi Lagos Accra
Johannesburg Mumbai Delhi Singapore Jakarta Manila Seoul Tokyo Osaka Sydney Melbourne Auckland Lima Bogota Santiago""".split()
COUNTRIES = """Canada France Germany Japan Brazil India Kenya Mexico Norway Poland Spain Italy Chile Egypt Ghana Sweden
Australia Ireland Portugal Turkey Indonesia Nigeria Austria Finland Greece Peru Colombia Singapore Denmark Belgium""".split()
ORG_A = """North Silver Harbor Summit Pacific Granite Blue Evergreen Meridian Atlas Crescent Pioneer Beacon Cedar
Horizon Keystone Lakeshore Redwood Sterling Union Vantage Westbrook Zenith Orion Falcon Iron Maple Riverside Coastal
Highland""".split()
ORG_B = """Systems Energy Holdings Logistics Pharma Telecom Mining Foods Airlines Motors Capital Robotics Networks
Biotech Steel Power Media Semiconductors Shipping Retail""".split()
TITLES = ["Industry Minister", "Finance Minister", "Health Minister", "Transport Minister", "Foreign Minister",
          "Environment Minister", "Mayor", "Premier", "Governor", "Senator", "Labour Minister", "Trade Minister",
          "Attorney General", "Public Safety Minister"]
CRITIC_ROLES = ["a lawyer for {org}", "an analyst at {bank}", "a professor at the University of {city}",
                "a spokesperson for {org}", "the head of the {city} Chamber of Commerce", "a union leader in {city}",
                "a researcher at the {city} Institute", "an opposition critic", "a former official in {city}",
                "the chief executive of {org}"]
BANKS = ["Harbor Securities", "Meridian Capital Markets", "Northgate Research", "Cedar Bank", "Atlas Partners",
         "Summit Advisory", "Pioneer Investment Group", "Beacon Analytics"]
TOPICS = [
    # (issue, measure, action verb phrase, affected group)
    ("national security", "the order", "cease operations", "employees"),
    ("the housing shortage", "the bill", "build new homes", "renters"),
    ("flooding", "the emergency plan", "evacuate low-lying areas", "residents"),
    ("the port strike", "the agreement", "return to work", "dock workers"),
    ("the tariff dispute", "the tariffs", "raise prices", "exporters"),
    ("drug prices", "the regulation", "cap the price of insulin", "patients"),
    ("the election", "the recount", "certify the results", "voters"),
    ("the data breach", "the investigation", "notify customers", "customers"),
    ("the merger", "the takeover", "combine the two firms", "shareholders"),
    ("the vehicle recall", "the recall", "replace faulty airbags", "drivers"),
    ("the wildfire season", "the funding", "hire more firefighters", "rural communities"),
    ("the transit expansion", "the contract", "extend the subway line", "commuters"),
    ("the school closures", "the ruling", "reopen classrooms", "parents"),
    ("the mining permit", "the permit", "suspend drilling", "local farmers"),
    ("the airline delays", "the new rules", "compensate travellers", "passengers"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ADJ_NEG = ["deeply flawed", "unfair", "reckless", "a serious mistake", "harmful", "shortsighted", "unacceptable",
           "deeply troubling", "a betrayal", "disastrous"]
ADJ_POS = ["necessary", "a welcome step", "long overdue", "the right decision", "encouraging", "a clear win",
           "reasonable", "an important milestone", "strong", "good news"]
VERB_SAID = ["said", "said", "said", "told reporters", "added", "noted", "argued", "warned", "stated", "insisted"]
EDIT_SWAPS = [("said", "stated"), ("company", "firm"), ("government", "administration"), ("decision", "move"),
              ("about", "roughly"), ("officials", "authorities"), ("would", "will"), ("also", "additionally")]

# ---------------------------------------------------------------- sentence templates ({slot} filled per sentence)

# Narrative sentences are built from four parts drawn independently (opener, subject, verb
# phrase, tail), so two sentences of the same story rarely share more than a phrase: reuse
# detection should find the wire passages, not the templates.
OPENERS = ["", "", "", "On {weekday}, ", "Earlier this month, ", "In a statement, ", "Late on {weekday}, ",
           "Meanwhile, ", "For now, ", "In {city2}, ", "Last year, ", "By {month}, ", "At a news conference, ",
           "Since {year}, ", "In recent weeks, ", "Behind closed doors, ", "Privately, ", "Publicly, "]
SUBJECTS = ["{org}", "{org2}", "{official_last}", "Officials in {city2}", "The ministry", "{group_cap} in {city2}",
            "Analysts at {bank}", "The opposition", "A coalition of {num} groups", "Regulators in {country2}",
            "The government", "Lawyers for {org}", "Local leaders in {city2}", "A spokesperson for {org2}",
            "The {city2} council", "Economists", "Industry groups", "Two senior officials", "{critic_last}",
            "Shareholders of {org}", "Unions representing {group}", "Police in {city2}"]
VERB_PHRASES = [
    "said it would {action} within {num} days", "raised fresh concerns about {issue}",
    "is expected to announce new measures on {issue}", "warned that {measure} could cost ${money} million",
    "called for an independent review of {measure}", "rejected claims that {org} had broken the rules",
    "filed a complaint with the {city2} tribunal", "met with {group} for {num} hours",
    "estimated that {pct} percent of {group} would be affected", "declined to comment on {measure}",
    "voted {num}-{num3} in favour of {measure}", "asked the courts to suspend {measure}",
    "pledged ${money} million to help {group}", "published a {num}-page report on {issue}",
    "reported {big} complaints linked to {issue}", "said talks with {org2} had stalled",
    "cut its forecast for {year} by {pct2} percent", "hired {num} additional inspectors",
    "promised to publish the evidence behind {measure}", "urged {group} to stay calm",
    "questioned whether {measure} would survive a legal challenge", "opened an office in {city2}",
    "received {num} letters from {group}", "postponed a vote on {measure}",
    "doubled its budget for {issue}", "denied any wrongdoing", "signed a deal with {org2} worth ${money} million",
    "sent {num} officials to {city2}", "compared {measure} to a similar rule in {country2}",
    "lost about ${money} million in value", "described the situation as {adj}",
    "set up a hotline for {group}", "blamed {org2} for the delays", "struggled to explain how {measure} would work",
    "launched an inquiry into {issue}", "said about {big} jobs were at risk", "welcomed the decision",
    "ordered {org} to hand over documents", "called {measure} {adj}", "has not said when {measure} takes effect",
]
TAILS = ["", "", "", " after weeks of talks", " despite objections from {group}", " according to {bank}",
         ", a figure that has grown since {year}", " ahead of the vote in {month}", " for the first time since {year}",
         " amid growing pressure from {group}", " as protests spread to {city2}", ", officials said",
         ", according to documents seen by reporters", " before the deadline on {month} {day}",
         " in a move that surprised {group}", ", the {ordinal} such step this year", " citing {issue}",
         " without giving details", " in {country2} and {country}", " on Oct. {day}", " by a wide margin"]
COMMON_SUBJECTS = {"The", "Two", "A", "Officials", "Analysts", "Lawyers", "Local", "Economists", "Industry",
                   "Shareholders", "Unions", "Police", "Regulators", "{group_cap}"}
ORDINALS = ["second", "third", "fourth", "fifth"]
# What people say; {a}/{b} are the outlet's single quote marks for a quote within a quote.
SAID = [
    "We will {action} as soon as the law allows",
    "This is {adj} for {group} and for the whole country",
    "Nobody consulted us before {measure} was announced",
    "We have been warning about {issue} for {num} years",
    "The evidence simply does not support {measure}",
    "{group_cap} deserve answers, not more delays",
    "Our priority is the safety of {group} in {city2}",
    "This decision lacks a factual basis, procedural fairness and transparency",
    "We are reviewing every option, including an appeal",
    "It is {adj}, and we will keep saying so",
    "The numbers speak for themselves: {pct} percent of {group} are affected",
    "We cannot {action} overnight without hurting {group}",
    "I have met with {group} in {city2} and they are worried",
    "There is no evidence that {org} has broken any rule",
    "We expect {measure} to be in place by {month}",
    "What happened in {city2} must never happen again",
]
PARTIAL = [
    "{speaker} called {measure} {q}{adj}{qe} and said {group} had been left out.",
    "{speaker} described the situation in {city2} as {q}{adj}{qe}.",
    "{measure_cap} was {q}{adj}{qe} but {q}probably unavoidable{qe}, according to {speaker_end}.",
    "{speaker} said the government would act {q}without delay{qe} on {issue}.",
    "{speaker} told reporters the plan was {q}{adj}{qe}, adding that more details would follow in {month}.",
]


@dataclass(frozen=True)
class Outlet:
    name: str
    paragraph_style: str      # "blank-line", "one-line" or "hard-wrapped"
    quote_marks: str          # "curly" or "straight"
    line_ending: str          # "lf" or "crlf"
    cruft: dict               # cruft kind -> probability of appearing in an article


@lru_cache(maxsize=256)
def outlet(seed: int, k: int) -> Outlet:
    rng = random.Random(f"{seed}:outlet:{k}")
    name = rng.choice([f"The {rng.choice(CITIES)} {rng.choice(['Herald', 'Post', 'Times', 'Courier', 'Observer', 'Gazette'])}",
                       f"{rng.choice(ORG_A)} News {rng.choice(['Daily', 'Network', 'Wire', 'Today', 'Online'])}",
                       f"{rng.choice(COUNTRIES)} {rng.choice(['Trending News', 'Report', 'Insider', 'Digest', 'Ledger'])}"])
    name = f"{name} {k:02d}"  # unique even when the random parts collide
    style = rng.choices(["blank-line", "one-line", "hard-wrapped"], weights=[65, 28, 7])[0]
    cruft = {kind: rng.choice([0.0, 0.0, 0.6, 0.95]) for kind in CRUFT_KINDS}
    return Outlet(name=name, paragraph_style=style, quote_marks=rng.choices(["curly", "straight"], weights=[6, 4])[0],
                  line_ending="crlf" if rng.random() < 0.05 else "lf", cruft=cruft)


CRUFT_KINDS = ["masthead", "section", "byline", "dateline", "reading_time", "photo_credit", "share", "related",
               "newsletter", "cookie", "comments", "tags", "advertisement", "wire_credit"]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


@lru_cache(maxsize=64)
def story(seed: int, s: int) -> dict:
    """The cast, place and issue of one news story, and its pool of wire paragraphs."""
    rng = random.Random(f"{seed}:story:{s}")
    issue, measure, action, group = rng.choice(TOPICS)
    official, official_last = _person(rng)
    critic, critic_last = _person(rng)
    org = f"{rng.choice(ORG_A)} {rng.choice(ORG_B)}"
    info = {
        "story": s, "issue": issue, "measure": measure, "action": action, "group": group,
        "official": f"{rng.choice(TITLES)} {official}", "official_last": official_last,
        "critic": critic, "critic_last": critic_last,
        "critic_role": rng.choice(CRITIC_ROLES).format(org=org, bank=rng.choice(BANKS), city=rng.choice(CITIES)),
        "org": org, "org2": f"{rng.choice(ORG_A)} {rng.choice(ORG_B)}",
        "place": rng.choice(COUNTRIES), "country": rng.choice(COUNTRIES), "city": rng.choice(CITIES).upper(),
        "wire": rng.choice(["Reuters", "AP", "AFP", "The Canadian Press", "Bloomberg"]),
        "credit": f"(Reporting by {_person(rng)[0]}; Editing by {_person(rng)[0]})",
    }
    info["wire_paragraphs"] = [_narrative(rng, info, rng.randint(2, 3)) for _ in range(WIRE_PARAGRAPHS)]
    return info


# Random fillers for template slots, drawn only when a template asks for them.
FILLERS = {
    "measure_cap": lambda rng, st: st["measure"][0].upper() + st["measure"][1:],
    "issue_cap": lambda rng, st: st["issue"][0].upper() + st["issue"][1:],
    "group_cap": lambda rng, st: st["group"][0].upper() + st["group"][1:],
    "weekday": lambda rng, st: rng.choice(WEEKDAYS), "month": lambda rng, st: rng.choice(MONTHS),
    "year": lambda rng, st: rng.randint(2008, 2024), "num": lambda rng, st: rng.randint(2, 60),
    "num2": lambda rng, st: rng.randint(2, 12), "num3": lambda rng, st: rng.randint(0, 9),
    "day": lambda rng, st: rng.randint(1, 28), "big": lambda rng, st: f"{rng.randint(2, 950) * 100:,}",
    "money": lambda rng, st: rng.randint(3, 900), "pct": lambda rng, st: rng.randint(2, 75),
    "pct2": lambda rng, st: rng.randint(1, 9), "city2": lambda rng, st: rng.choice(CITIES),
    "country2": lambda rng, st: rng.choice(COUNTRIES), "bank": lambda rng, st: rng.choice(BANKS),
    "ordinal": lambda rng, st: rng.choice(ORDINALS), "adj": lambda rng, st: rng.choice(ADJ_NEG + ADJ_POS),
}


class _Slots(dict):
    """Template slots: the story's fields, plus a fresh random filler per slot a template uses."""

    def __init__(self, rng: random.Random, st: dict, **extra):
        super().__init__(st, **extra)
        self.rng = rng

    def __missing__(self, key: str):
        self[key] = value = FILLERS[key](self.rng, self)
        return value


def _slots(rng: random.Random, st: dict, **extra) -> _Slots:
    return _Slots(rng, st, **extra)


def _sentence(rng: random.Random, st: dict) -> str:
    opener, subject = rng.choice(OPENERS), rng.choice(SUBJECTS)
    if opener and subject.split()[0] in COMMON_SUBJECTS:
        subject = subject[0].lower() + subject[1:]
    template = f"{opener}{subject} {rng.choice(VERB_PHRASES)}{rng.choice(TAILS)}."
    return template.format_map(_slots(rng, st))


def _narrative(rng: random.Random, st: dict, n: int) -> str:
    return " ".join(_sentence(rng, st) for _ in range(n))


def _said(rng: random.Random, st: dict) -> str:
    return rng.choice(SAID).format_map(_slots(rng, st))


def quote_paragraph(rng: random.Random, st: dict, marks: str, first_mention: bool) -> tuple[list[str], str]:
    """One quote paragraph (or two, for a quote running over a paragraph break) and its form."""
    q, qe, a, ae = ("\u201c", "\u201d", "\u2018", "\u2019") if marks == "curly" else ('"', '"', "'", "'")
    who_full, who_last = rng.choice([(st["official"], st["official_last"]),
                                     (f"{st['critic']}, {st['critic_role']}", st["critic_last"])])
    speaker = who_full if first_mention else who_last
    subject = f"{who_full}," if first_mention and "," in who_full else speaker  # "Ana Kim, a lawyer, said"
    verb = rng.choice(VERB_SAID)
    form = rng.choice(["after", "after", "said_first", "colon", "split", "partial", "partial", "nested",
                       "multi_paragraph", "pronoun"])
    slots = _slots(rng, st, q=q, qe=qe, speaker=subject, speaker_end=speaker)
    if form == "after":
        return [f"{q}{_said(rng, st)},{qe} {speaker} {verb}."], form
    if form == "said_first":
        return [f"{q}{_said(rng, st)},{qe} said {speaker}."], form
    if form == "colon":
        return [f"{subject} {verb} on {slots['weekday']}: {q}{_said(rng, st)}. {_said(rng, st)}.{qe}"], form
    if form == "split":
        return [f"{q}{_said(rng, st)},{qe} {speaker} {verb}. {q}{_said(rng, st)}.{qe}"], form
    if form == "partial":
        return [rng.choice(PARTIAL).format_map(slots)], form
    if form == "nested":
        return [f"{q}They called it {a}{rng.choice(ADJ_NEG)}{ae}, but {_said(rng, st).lower()},{qe} {speaker} {verb}."], form
    if form == "pronoun":
        pronoun = rng.choice(["she", "he", "they"])
        return [f"{q}{_said(rng, st)},{qe} {pronoun} said."], form
    # multi_paragraph: the first paragraph does not close its quote; the second reopens it
    return [f"{subject} {verb}: {q}{_said(rng, st)}. {_said(rng, st)}.",
            f"{q}{_said(rng, st)}.{qe}"], form


def edit_lightly(rng: random.Random, paragraph: str) -> str:
    """A wire paragraph as a rewriting outlet runs it: a few words swapped, maybe a sentence dropped."""
    out = paragraph
    for old, new in rng.sample(EDIT_SWAPS, 3):
        out = out.replace(f" {old} ", f" {new} ", 1)
    sentences = out.split(". ")
    if len(sentences) > 2 and rng.random() < 0.5:
        out = ". ".join(sentences[:-1]).rstrip(".") + "."
    if out == paragraph:  # nothing matched: change the opening instead
        out = "Meanwhile, " + out[0].lower() + out[1:]
    return out


def cruft_lines(rng: random.Random, out: Outlet, st: dict, kind: str, marks: str) -> list[str]:
    apostrophe = "\u2019" if marks == "curly" else "'"
    if kind == "masthead":
        return [out.name]
    if kind == "section":
        return [rng.choice(["Politics", "World", "Business", "Canada", "Local News", "Tech", "Opinion"])]
    if kind == "byline":
        return [f"By {_person(rng)[0]}" + rng.choice(["", ", Staff Reporter", f" | {out.name}"])]
    if kind == "dateline":
        return [f"Published {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2025 at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} "
                f"{rng.choice(['am', 'pm', 'a.m.', 'p.m.'])} ET"]
    if kind == "reading_time":
        return [f"Reading time: {rng.randint(2, 7)} min"]
    if kind == "photo_credit":
        return [rng.choice([f"(AP Photo/{_person(rng)[0]})", f"Photo by {_person(rng)[0]} on Unsplash",
                            f"File photo: a sign outside an office in {rng.choice(CITIES)}. ({st['wire']}/{_person(rng)[0]})"])]
    if kind == "share":
        return [rng.choice(["Share this article", "Share on Facebook Share on X Email", "Share Tweet Pin Email", "Copy link"])]
    if kind == "related":
        return ["Related Articles"] + [_headline(rng, st) for _ in range(rng.randint(1, 3))]
    if kind == "newsletter":
        return [rng.choice(["Sign up for our daily newsletter to get the top stories in your inbox.",
                            f"Subscribe to {out.name}{apostrophe}s morning briefing. It{apostrophe}s free.",
                            "Get the latest news delivered to your inbox every morning. Subscribe now"])]
    if kind == "cookie":
        return [rng.choice(["We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies. Accept",
                            "This website uses cookies. Manage preferences | Accept all"])]
    if kind == "comments":
        return ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Back to top button"]
    if kind == "tags":
        return ["Tags: " + ", ".join(rng.sample([st["org"], st["place"], st["issue"], st["group"], "politics", "economy"], 3))]
    if kind == "advertisement":
        return [rng.choice(["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"])]
    return [rng.choice([st["credit"], f"\u2014 {st['wire']}", f"With files from {st['wire']}"])]  # wire_credit


def _headline(rng: random.Random, st: dict) -> str:
    verb = rng.choice(["orders", "delays", "backs", "rejects", "reviews", "defends", "expands", "scraps", "weighs"])
    actor = rng.choice([st["org"], st["place"], st["official_last"], rng.choice(CITIES)])
    return f"{actor} {verb} {st['measure']} {rng.choice(['over', 'amid', 'after', 'as'])} {st['issue']} " \
           f"{rng.choice(['grows', 'deepens', 'draws criticism', 'sparks protests', 'hits ' + rng.choice(CITIES)])}"


def article(seed: int, i: int, n_outlets: int) -> tuple[str, dict]:
    """The raw text of article i and the truth row describing it."""
    rng = random.Random(f"{seed}:article:{i}")
    out = outlet(seed, rng.randrange(n_outlets))
    st = story(seed, max(0, i // STORY_SIZE + rng.randint(-2, 2)))
    marks = out.quote_marks
    target = rng.randint(*WORDS)
    present = [k for k in CRUFT_KINDS if k != "wire_credit" and rng.random() < out.cruft[k]]
    top = [line for k in ("masthead", "section") if k in present for line in cruft_lines(rng, out, st, k, marks)]
    under = [line for k in ("photo_credit", "byline", "dateline", "reading_time", "share") if k in present
             for line in cruft_lines(rng, out, st, k, marks)]

    reuse = rng.random()
    n_wire = rng.randint(2, 4)
    wire = rng.sample(st["wire_paragraphs"], n_wire)
    verbatim = wire if reuse < VERBATIM_SHARE else []
    edited = [edit_lightly(rng, p) for p in wire] if VERBATIM_SHARE <= reuse < VERBATIM_SHARE + EDITED_SHARE else []
    body, forms = [], []
    if verbatim:
        body.append(f"{st['city']} ({st['wire']}) - {verbatim[0]}")
    n_words = sum(count_words(x) for x in top + under + body) + 40  # + what the bottom cruft will add
    pending = verbatim[1:] + edited
    first_mention = True
    while n_words < target:
        if pending and rng.random() < 0.4:
            added = [pending.pop(0)]
        elif rng.random() < 0.35:
            added, form = quote_paragraph(rng, st, marks, first_mention)
            forms.append(form)
            first_mention = False
        else:
            added = [_narrative(rng, st, rng.randint(1, 3))]
        body.extend(added)
        n_words += sum(len(p.split()) for p in added)
    body.extend(pending)
    if marks == "curly":
        body = [p.replace("'", "\u2019") for p in body]
    bottom = []
    credit = cruft_lines(rng, out, st, "wire_credit", marks) if verbatim and rng.random() < 0.8 else []
    bottom += credit
    for k in ("tags", "related", "newsletter", "cookie", "comments"):
        if k in present:
            bottom += cruft_lines(rng, out, st, k, marks)
    middle = cruft_lines(rng, out, st, "advertisement", marks) if "advertisement" in present else []
    body[min(len(body), 3):min(len(body), 3)] = middle  # mid-article, as web pages insert it

    headline = _headline(rng, st)
    headline = headline[0].upper() + headline[1:]
    if out.paragraph_style == "hard-wrapped":
        body = ["\n".join(textwrap.wrap(p, 68)) for p in body]
    blocks = top + [headline] + under + body + bottom
    sep = "\n" if out.paragraph_style == "one-line" else "\n\n"
    raw = sep.join(blocks) + rng.choice(["", "\n"])
    if out.line_ending == "crlf":
        raw = raw.replace("\n", "\r\n")
    n_cruft = len(top) + len(under) + len(middle) + len(bottom)
    truth = {
        "article_id": f"{i:06d}", "file": f"{i:06d}.txt", "outlet": out.name, "story": st["story"],
        "paragraph_style": out.paragraph_style, "quote_marks": marks, "line_ending": out.line_ending,
        "n_words": count_words(raw), "n_paragraphs": len(body) - len(middle), "n_quotes": len(forms), "quote_forms": ";".join(forms),
        "n_wire_verbatim": len(verbatim), "n_wire_edited": len(edited), "n_cruft_lines": n_cruft,
        "cruft": ";".join(present + (["wire_credit"] if credit else [])),
    }
    return raw, truth


def _write(args: tuple[int, int, int, int, str]) -> list[dict]:
    seed, first, last, n_outlets, corpus = args
    rows = []
    for i in range(first, last):
        raw, truth = article(seed, i, n_outlets)
        (Path(corpus) / truth["file"]).write_bytes(raw.encode("utf-8"))
        rows.append(truth)
    return rows


def generate(n_articles: int, folder: str | Path, seed: int = 0, n_outlets: int = 40,
             workers: int | None = None) -> pd.DataFrame:
    """Write a corpus of n articles to FOLDER/corpus (plus its manifest) and FOLDER/truth.csv; the truth table.

    The output does not depend on `workers`: article i is a function of (seed, i, n_outlets) only.
    """
    folder = Path(folder)
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    step = 2000
    jobs = [(seed, i, min(i + step, n_articles), n_outlets, str(corpus)) for i in range(0, n_articles, step)]
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_write, jobs))
    else:
        parts = [_write(job) for job in jobs]
    truth = pd.DataFrame([row for part in parts for row in part], columns=TRUTH_COLUMNS)
    truth[["file", "outlet"]].to_csv(corpus / "articles.csv", index=False, lineterminator="\n")
    truth.to_csv(folder / "truth.csv", index=False, lineterminator="\n")
    return truth


def cached(n_articles: int, root: str | Path, seed: int = 0, n_outlets: int = 40) -> Path:
    """FOLDER/corpus for this size and seed, generated unless a complete copy is already there."""
    folder = Path(root) / f"n{n_articles}-s{seed}-o{n_outlets}"
    done = folder / "done"
    if not done.exists():
        generate(n_articles, folder, seed, n_outlets)
        done.write_text("complete\n")
    return folder / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_articles", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--outlets", type=int, default=40)
    args = parser.parse_args(argv)
    truth = generate(args.n_articles, args.folder, args.seed, args.outlets)
    print(f"{len(truth)} articles, {truth['n_words'].sum():,} words, {truth['outlet'].nunique()} outlets "
          f"in {Path(args.folder) / 'corpus'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
