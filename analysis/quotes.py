"""Quotations: find quoted and reported speech, attribute it to a speaker, and measure who speaks.

Rule-based (no parser model is available offline). Cue verbs live in `data/cue_verbs.csv`, speaker
types in `data/speaker_types.csv`, country names and demonyms in `data/countries.csv`.
"""
from __future__ import annotations

import csv
import difflib
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import repeat, takewhile
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis import patterns as P
from analysis import text as T
from analysis.paths import DATA, ROOT

QUOTE_COLUMNS = ["article_id", "quote_id", "line", "start", "end", "text", "kind", "cue", "speaker",
                 "speaker_start", "speaker_end", "speaker_type", "n_words"]
SPEECH_COLUMNS = ["article_id", "sentence", "start", "end", "speaker", "speaker_type", "mode"]
STATS_COLUMNS = ["article_id", "quote_share", "indirect_share", "narrator_share", "n_quotes", "n_speakers",
                 "first_speaker", "first_speaker_type", "problem"]
VOICE_COLUMNS = ["article_id", "speaker_type", "speaker", "n_words", "n_quotes", "n_indirect"]
PROBLEM_COLUMNS = ["file", "article_id", "problem", "action"]
KINDS = ("direct", "partial", "floating", "multi_paragraph", "term")
SPEAKER_TYPES = ("government", "foreign_government", "company", "advocacy_group", "expert", "media", "unknown")
EVAL_PATH = ROOT / "tests" / "fixtures" / "quotes" / "eval.json"

# ---------------------------------------------------------------- fixed patterns

# Double quote marks of any style; single marks are read in headlines, in single-quote copy, and as curly ‘...’
# pairs in body copy that mixes them with double marks (`_with_curly_singles`).
DOUBLE_MARK_RE = re.compile(r'[“”„«»"]')
SINGLE_MARK_RE = re.compile(r"[‘’']")
DOUBLE_OPENERS, DOUBLE_CLOSERS = "“„«", "”»"
DOUBLE_MARKS = frozenset('“”„«»"')
# A mark at a word start can open a quote: what may stand before it ("(“", "—“", ": “").
OPEN_CONTEXT = set(" \t\n([{—–-/•:;*>")
# Words with offsets: "U.S." and "Canada’s" are one token, "Co." is "Co" + "."
# TOKEN_RE reads TOKEN_PLAIN, with the first character consumed by one set (a token starts at anything
# but whitespace and "_") and a look-behind at it choosing the branch, as `word_start_trie` does: the
# regex engine then skips spaces fast instead of trying three branches there. Same matches, the
# tokenizer's regex about a fifth faster.
_PLURAL_POSSESSIVE = r"(?:(?<=s)[’'](?=\s+[A-ZÀ-ÖØ-Þ]))?"   # "Producers’" before a name's next word
TOKEN_PLAIN = (r"(?:[^\W\d_]\.){2,}|\d+(?:,\d{3})+(?!\d)|[^\W_]+(?:[’'\-&][^\W_]+)*" + _PLURAL_POSSESSIVE
               + r"|[^\w\s]")
# (a number with thousands separators is one token: "who keeps 6,000 pigs, said" has no clause break in it; a plural
# possessive inside a name keeps its mark: "the Danish Pig Producers’ Association")
TOKEN_RE = re.compile(r"[^\s_](?:(?<=[^\W\d_])(?:\.(?:[^\W\d_]\.)+|[^\W_]*(?:[’'\-&][^\W_]+)*" + _PLURAL_POSSESSIVE + r")"
                      r"|(?<=\d)(?:\d*(?:,\d{3})+(?!\d)|[^\W_]*(?:[’'\-&][^\W_]+)*" + _PLURAL_POSSESSIVE + r")"
                      r"|(?<=[^\w\s]))")
# A run of capitalized words, joined by small connectors: "Uyghur Human Rights Project",
# "Ministry of Foreign Affairs", "Canada’s Industry Minister Mélanie Joly".
# CAP reads "(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-Þ](?:[\w’'\-&]|\.(?=\w))*)", with the capital both branches open with
# taken first: the same matches, and the regex engine skips ahead to a capital (CAP_RUN_RE scans 3x faster).
CAP = r"(?:[A-ZÀ-ÖØ-Þ](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z])\.(?=\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])|(?:[\w’'\-&]|\.(?=\w))*))"
# (a middle initial is part of a name: "Leland P. Ashcombe")
# "on" joins only after the bodies named for what they study: "Joint Committee on Security and Intelligence",
# "Council on Foreign Relations" (not "Ottawa on Monday").
ON_HEADS = ("Committee", "Subcommittee", "Council", "Commission", "Conference", "Panel", "Task Force", "Centre",
            "Center", "Institute", "Board", "Office")
_ON = r"(?=\s+on\s)(?:" + "|".join(f"(?<={h})" for h in ON_HEADS) + r")\s+on"   # the look-ahead fails fast
# (particles glued to a name's word: see CONJUNCTION_PARTICLES)
GLUED_PARTICLE = r"(?:[dl][’']|[ae]l-)"
GLUED_PARTICLE_RE = re.compile(rf"(?<![\w’'-]){GLUED_PARTICLE}[A-ZÀ-ÖØ-Þ]")
CAP_RUN_RE = re.compile(rf"{CAP}(?:\s+(?:(?:of(?:\s+the)?|for(?:\s+the)?|and|de(?:\s+(?:la|las|los|le))?|du|del|dela|da|das|do|dos|"
                        rf"di|ter|ten|af|van(?:\s+(?:der|den|de))?|von(?:\s+der)?|zu|zur|vom|der|al|bin|binti|binte|bint|ibn|i|y)\s+)?"
                        rf"{GLUED_PARTICLE}?{CAP}"
                        rf"|{_ON}(?:\s+the)?\s+{CAP})*")
# "Name, a/the/one of/also known as ...": an appositive that may say what the name is.
APPOSITIVE_START_RE = re.compile(r",(?<=[\w.],)\s+(?:also\s+known|known|formerly|a|an|the|one\s+of|which|who|"
                                 r"[A-Z][\w’'-]*(?:’s|'s)|"
                                 # a bare role and its employer: ", plant manager at Hanbit", ", president of X"
                                 r"(?=[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:at|of|for|with)\s+(?:the\s+)?[A-Z]))\b")
NAME_BEFORE_RE = re.compile(rf"{CAP_RUN_RE.pattern}$")
# What NAME_BEFORE_RE needs at the end: its last capitalized word (no space inside a CAP) runs to the end.
# Much cheaper to search, and most appositive commas follow a lower-case word ("the company, which").
NAME_BEFORE_GATE_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'\-&.]*$")
DOCUMENT_OWNER_RE: dict = {}
# "X, also known as Y": Y names the same entity.
ALIAS_RE = re.compile(rf",\s+(?:also\s+|formerly\s+|officially\s+)*(?:known as|called)\s+({CAP_RUN_RE.pattern})")
# Words a quote must not be preceded by to be speech: "the so-called “reform”" is a term.
TERM_MARKER_RE = re.compile(r"(?:so-called|so called|dubbed|termed|labelled|labeled|branded|known as|"
                            r"the words?|the term|the phrase|titled|entitled|named)\s*$", re.I)
# What stands between two quotes in one list: “unfounded” and “politically motivated”; “a”, “b” or “c”.
COORDINATED_RE = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", re.I)
# What may stand around a quote that fills its paragraph: "• “...”", "“...”." (whitespace as str.strip).
LEAD_ONLY_RE = re.compile(r"\s*[•*\-]?\s*")
TAIL_ONLY_RE = re.compile(r"[ .,;:!?—–\-]*")
# How far back a document's owner is looked for inside the quote's own paragraph (bounds the work per quote).
OWNER_WINDOW = 2000
# Words around a name ("the Chinese-owned manufacturer", "Canada’s"), and where an appositive after it ends.
CONTEXT_WORD_RE = re.compile(r"[\w’'-]+")
# A preposition of place right before a name: "in New York", "at Queen's Park", "on Rose Valley Road", "the city
# of Toronto", "spread to Hamburg" (but "according to Jane Doe").
PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|of|(?<!according )to|near|across|outside|inside|throughout|around"
                             r"|into|on|along|off)\s+(?:the\s+)?$", re.IGNORECASE)
# "The UK’s chief veterinary officer, ", "the museum’s director, ": the owner a possessive names before a title
POSSESSIVE_OWNER_RE = re.compile(r"(?P<owner>(?:[Tt]he\s+)?(?:[A-ZÀ-ÖØ-Þ][\w.&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.&-]*){0,3}|[a-z]+))"
                                 r"(?:’s|'s)\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s*$")
READ_BY = r"\b(?:seen|obtained|reviewed|viewed|examined|read)\s+by\b"
NICK_BEFORE_RE = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\s$")   # a given name, then a nickname in marks
# ... then the surname, perhaps after a particle ("Ronaldo “Ronnie” dela Cruz")
NICK_PARTICLE = r"(?:(?:de|dela|del|della|da|dos|van|von|af|ter|di|le|la)\s+)?"
NICK_AFTER_RE = re.compile(rf"\s{NICK_PARTICLE}[A-ZÀ-ÖØ-Þ][\w’'-]*[a-zß-öø-ÿ]")
# A nickname of one to three words in marks, then the surname (Ricardo “Dodong” Villareal), the given name before
# it checked with NICK_BEFORE_RE: the test `_nickname` makes of a quote piece, over a whole article, for the names
# read before its quotes are
NICKNAME_RE = re.compile(rf"[“\"‘'][^\W\d_][^“”\"‘’'\n]{{0,27}}[”\"’'](?={NICK_AFTER_RE.pattern})")
# "California-based": a place and "-based", opening the rest of an appositive after the town ("the Santa Clara, ")
BASED_AFTER_PLACE_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w.’'-]*-based")
# Words opening a relative clause after a name or an appositive ("..., which intervened in the case, said")
RELATIVE_WORDS = frozenset("which who whose where".split())
# A relative clause that says what a body is: "which is a ...", "which claims to be the ...", "which describes
# itself as one of ..."
WHICH_IS_RE = re.compile(r"\s*which\s+(?:[\w’'-]+\s+){0,3}?(?:is|was|are|were|be|as)\s+(?:a|an|the|one|its)\b", re.I)
# Words between a person's role and the body it is at ("director of", "a lawyer at", "an analyst with")
ROLE_LINKS = frozenset("of at for with in".split())
ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Z&.]+")   # "MTA", "NHS", "U.S.": a word of capitals
ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")   # "(ADAK)", "(COCOBOD)": a name's acronym in brackets
# A state's posts abroad: they speak for a foreign government unless the article's home country is theirs
FOREIGN_POSTS = frozenset({"embassy", "high commission", "consulate", "consulate general", "ambassador", "envoy",
                           "high commissioner", "consul", "consul general"})
MISSION_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:[Ee]mbassy|[Hh]igh [Cc]ommission|[Cc]onsulate)\b")
MISSION_BEFORE_RE = re.compile(r"(?:[Ee]mbassy|[Hh]igh [Cc]ommission|[Cc]onsulate(?: [Gg]eneral)?) of (?:the )?$")
FOREIGN_MISSIONS = frozenset({"embassy", "high commission", "consulate", "consulate general"})
# The last words of a sports club's name: its manager is no business's (the sets type coaches and players unknown)
CLUB_WORDS = frozenset("""FC AFC CF SC United Athletic Athletico Rovers Wanderers Albion Rangers Town City County
Hotspur Villa Celtic Olympic Olympique Sporting Real Dynamo Academicals Thistle""".split())
# An organisation's name, then one to three lower-case role words, at the end of the text before a name
ORG_BEFORE_ROLE_RE = re.compile(rf"({CAP_RUN_RE.pattern})\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*\s*$")
WHOSE_OWNER_RE = re.compile(rf"(?P<owner>{CAP_RUN_RE.pattern}),\s+whose\s+[\w’'-]+,?\s*$")
APPOSITIVE_END_RE = re.compile(r"[,.;:()—–]|\s-\s")
PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
THAT_RE = re.compile(r"\W*(?:\S+\s+){0,6}?(?:that|whether|how|why)\b", re.I)

DETERMINERS = frozenset("the a an this that these those its his her their our one another some".split())
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "org", "we": "any", "i": "person"}
POSSESSIVE_PRONOUNS = frozenset("his her their its".split())
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
PRONOUN_WORDS = frozenset(PRONOUNS) | POSSESSIVE_PRONOUNS | frozenset("him them us me our my".split())
SKIP_BEFORE_CUE = frozenset("also later previously then further once recently earlier again first publicly "
                            "has had have would will had already separately similarly repeatedly "
                            "strongly firmly herself himself itself themselves".split())
STOP = frozenset("""and or but nor so yet that which who whom whose when while where as if because since after
before than then to in on at with by about into over under through during against among without within
is was are were be been being has had have will would could should can may might must shall did does do not
no also however although though despite meanwhile last next this past ago there here what why how
even only still now perhaps indeed
""".split())
CONNECTORS = frozenset("of for from at".split())
# Words that close a company's legal name and may be left out: "Brightwater Energy Inc." is Brightwater Energy.
CORPORATE_SUFFIXES = frozenset("inc incorporated ltd limited corp corporation co llc plc gmbh ag sa nv bv pty".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
tonight january february march april may june july august september october november december
week month year weekend morning afternoon evening night earlier later""".split())
# Function and time words that are also names, read as names when capitalized right after a
# capitalized name word and not before a number: "Elizabeth May" (but "on May 5"), "Will" as a surname.
NAME_LIKE_WORDS = frozenset("may will june april august".split())
INTRO_WORDS = frozenset("""in on at after before since while although though as under despite during for
with without when if because following amid according last earlier later previously meanwhile however
but and also separately similarly""".split())
# More words that open an introductory phrase ("Behind closed doors,", "Late on Sunday,", "By July,"),
# taken as one only when a comma follows within INTRO_OPENER_REACH tokens.
INTRO_OPENERS = frozenset("""behind by across around throughout within beyond inside outside near over through
until upon via against among between late early once back elsewhere overall instead today yesterday tonight
two three four five several""".split())
# Past participles that open a sentence as a question put to its subject ("Asked whether he would plant olives
# again, he laughed"): read past, up to their comma, like an introductory phrase
ASKED_OPENERS = frozenset("asked pressed questioned quizzed challenged contacted reached approached".split())
INTRO_OPENER_REACH = 8
NAME_PARTICLES = frozenset("der den de la las los le".split())   # the second word of "van der", "de la"
SURNAME_PARTICLES = NAME_PARTICLES | frozenset(
    "van von zu zur vom du del dela da di do dos das ter ten af bin binti binte bint ibn al".split())
# Lower-case words inside a name: the conjunction between two surnames ("Puigdomènech i Soler", "Ortega y Gasset",
# as written, the pronoun "I" is no particle), and particles glued to the next word ("d’Aubigny", "el-Moneim",
# GLUED_PARTICLE above)
CONJUNCTION_PARTICLES = frozenset({"i", "y"})
PERSON_TITLES = frozenset("mr mrs ms miss dr prof sir dame lord madam comrade sheikh sheikha atty shri smt shrimati sri seri engr eng excellency datuk dato datin tun ratu hon honourable honorable".split())
# Role words that are surnames too: after a name, at the phrase's end, the surname ("Julie Bishop", "Paul Farmer").
SURNAME_TITLES = frozenset("bishop farmer judge cardinal sheriff mayor chancellor constable marshal dean".split())
# Nationalities used as nouns for a person already named ("the Pole said", "the 24-year-old Spaniard").
DEMONYM_NOUNS = frozenset("""Spaniard Briton Pole Swede Dane Scot Brit Kiwi Aussie Frenchman Frenchwoman Dutchman
Dutchwoman Englishman Englishwoman Welshman Welshwoman Irishman Irishwoman Scotsman Scotswoman Argentine Argentinian
Brazilian German American Canadian Australian Italian Japanese Chinese Kenyan Nigerian Ethiopian Mexican Colombian
Norwegian Belgian Swiss Austrian Czech Serb Croat Slovak Slovenian Russian Ukrainian Indian Pakistani Korean
Portuguese Greek Turk Egyptian Moroccan Algerian Tunisian Ghanaian Ugandan Chilean Peruvian Venezuelan Uruguayan
Ecuadorian Filipino Indonesian Thai Vietnamese Malaysian Singaporean Israeli Iranian Iraqi Saudi Emirati Qatari
Jamaican Cuban Hungarian Romanian Bulgarian Finn Icelander Estonian Latvian Lithuanian Belarusian Georgian
Armenian Kazakh Uzbek Mongolian Taiwanese Zimbabwean Zambian Cameroonian Senegalese Ivorian""".split())
# A Korean given name written after the family name ("Kang Ji-hoon", "Kim Sang-hoon"): lower case after the
# hyphen, unlike a double-barrelled surname ("Okafor-Reyes").
# A word of a person's name: "Kenta", "McAllister-Boyd", "O’Brien"; not "FlexGate", "VPN", "of"
PERSON_WORD_RE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|d['’]|l['’]|[ae]l-)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*")
GIVEN_NAME_AFTER_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Letters after a person's name (as written, capitals), with the role head they give ("" for honours).
POST_NOMINALS = {"KC": "lawyer", "QC": "lawyer", "SC": "lawyer", "BL": "lawyer", "SAN": "lawyer", "MP": "mp", "MPP": "mpp", "MLA": "mla", "MNA": "mna",
                 "MHA": "mha", "MSP": "msp", "MEP": "mep", "TD": "td", "OBE": "", "MBE": "", "CBE": "", "KBE": "",
                 "DBE": "", "PhD": "", "J": "judge", "LJ": "judge"}
# Letters after a judge's surname alone, in English and Commonwealth court reports: "Hallworth J said"
JUDGE_LETTERS = frozenset({"J", "LJ"})
BULLET_OR_END = set(".!?:;•*-—–>”\"»(")


# ---------------------------------------------------------------- lexicons (read once, on first use)

@dataclass(frozen=True)
class Cue:
    lemma: str
    form: str
    kind: str          # verb | frame
    inverted: bool     # may come before its speaker ("said the minister")
    indirect: str      # always | that | no: whether the cue alone marks reported speech
    participle: bool   # "citing", "stating": the speaker is the clause subject


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Compared and hashed by identity (one per data folder), so per-lexicon results can be cached."""
    cues: dict          # lower-case form -> Cue (frames keyed by their first word too)
    frames: dict        # first word -> list of (tuple of words, Cue)
    cue_re: re.Pattern  # any cue form as a whole word
    heads: dict         # singular head noun (one or two words) -> (speaker_type, kind)
    name_words: dict    # word inside a proper name -> speaker_type
    name_order: dict    # word -> priority (table order)
    countries: dict     # alias -> country
    country_re: re.Pattern
    head_name_re: re.Pattern  # a role noun followed by a name: "manufacturer Hikvision"
    head_name_gate: re.Pattern  # head_name_re's necessary part, read backwards (see `head_name_gate`)


trie_pattern = T.trie_pattern   # (shared with the boilerplate stage's keyword scan)


@lru_cache(maxsize=None)
def _caseless_variants(letters: str) -> str:
    """Every character that matches one of `letters` under re.IGNORECASE ("k" -> "kK" and the Kelvin sign)."""
    bmp = "".join(map(chr, range(0x10000)))
    return "".join(sorted(set(re.findall("[" + re.escape(letters) + "]", bmp, re.I))))


def word_start_trie(words: list[str], *, caseless: bool, space: str = r"\s+", not_before: str = r"\w") -> str:
    """`(?<!not_before)` + trie_pattern(words), rewritten so the regex engine can skip ahead fast.

    Python's `re` only scans quickly for a pattern that opens with a character set; a look-behind or
    `\\b` first makes it try a full match at every position. So the first character is consumed by
    a set, the look-behind checks the character before it, and a look-behind per branch dispatches
    on it (case-insensitively when `caseless`): the same matches, several times faster.
    """
    firsts = sorted({w[0] for w in words})
    if not all(ch.isascii() and ch.isalpha() for ch in firsts) or not words:
        body = trie_pattern(words, space)
        return f"(?<!{not_before})" + (f"(?i:{body})" if caseless else body)
    if not caseless:
        # Case-sensitive: one branch per first letter, opening with that letter, is faster still (the
        # engine skips a branch on its first letter without a look-behind, and still scans fast for
        # the set of first letters): "(?:S(?<!\w[\s\S])outh\s+Korea|K(?<!\w[\s\S])orea)".
        return "(?:" + "|".join(f"{re.escape(ch)}(?<!{not_before}[\\s\\S])" + trie_pattern([w[1:] for w in words if w[0] == ch], space)
                                for ch in firsts) + ")"
    chars = _caseless_variants("".join(firsts))
    body = trie_pattern(words, space, dispatch=True)
    return f"[{re.escape(chars)}](?<!{not_before}[\\s\\S])" + (f"(?i:{body})" if caseless else body)


def _read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=4)
def lexicon(data_dir: str = str(DATA)) -> Lexicon:
    """The cue, speaker-type and country tables compiled into lookups and regexes."""
    folder = Path(data_dir)
    cues, frames, forms = {}, {}, []
    for row in _read_csv(folder / "cue_verbs.csv"):
        for form in row["forms"].split("|"):
            form = form.strip().lower()
            cue = Cue(row["cue"], form, row["kind"], row["inverted"] == "1", row["indirect"],
                      row["kind"] == "verb" and form.endswith("ing"))
            forms.append(form)
            if cue.kind == "frame":
                words = tuple(form.split())
                frames.setdefault(words[0], []).append((words, cue))
            else:
                cues[form] = cue
    forms.sort(key=len, reverse=True)
    # \b(?:form|...)\b, case-insensitive; every form starts with a letter, so \b there is "no word character before"
    cue_re = re.compile(word_start_trie(forms, caseless=True) + r"\b")
    heads, name_words, order = {}, {}, {}
    for i, row in enumerate(_read_csv(folder / "speaker_types.csv")):
        pattern = row["pattern"].strip().lower()
        if row["where"] == "head":
            heads.setdefault(pattern, (row["speaker_type"], row["kind"]))
        else:
            name_words.setdefault(pattern, row["speaker_type"])
            order.setdefault(pattern, i)
    countries = {}
    for row in _read_csv(folder / "countries.csv"):
        for alias in row["aliases"].split("|"):
            countries[alias.strip()] = row["country"]
    aliases = sorted(countries, key=len, reverse=True)
    # the longest alias not inside a word or an abbreviation, e.g. "South Korea’s" (a literal space, as written)
    country_re = re.compile(word_start_trie(aliases, caseless=False, space=" ", not_before=r"[\w.]") + r"(?![\w])(?:’s|'s)?")
    head_words = sorted({h for h in heads}, key=len, reverse=True)
    head_name_re = re.compile(word_start_trie(head_words, caseless=True) + r"(?i:(?:s|es)?),?\s+(?P<name>" + CAP_RUN_RE.pattern + ")")
    return Lexicon(cues, frames, cue_re, heads, name_words, order, countries, country_re, head_name_re,
                   head_name_gate(head_words))


def head_name_gate(head_words: list[str]) -> re.Pattern:
    """What every match of `head_name_re` holds, as a regex for the REVERSED text.

    head_name_re opens with a case-insensitive head noun, so the regex engine tries it at almost every
    word start: the most expensive scan of the stage, for a match in about one paragraph in twenty.
    Any match holds a capital after whitespace, preceded by an optional comma, "s"/"es" and a head that
    starts a word; read backwards that opens with the capital, which the engine skips to fast. A
    paragraph whose reversed text has no match of this gate has no match of head_name_re (per-character
    case folding and whitespace runs read the same both ways), so only the others are scanned.
    """
    reversed_heads = trie_pattern([h[::-1] for h in head_words])
    return re.compile(r"[A-ZÀ-ÖØ-Þ]\s+,?(?i:(?:s|se)?)(?i:" + reversed_heads + r")(?!\w)")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """T.fold, remembered, with a shortcut for ASCII text (most names): NFKD leaves ASCII as it is and
    it holds no combining marks, so folding is normalizing (tabs) and lower-casing, about 10x faster."""
    if text.isascii():
        return T.normalize(text).lower()
    return T.fold(text)


@lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """Crude singular for head nouns: companies -> company, groups -> group, analysts -> analyst."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "ws")):
        return word[:-1]
    return word


# ---------------------------------------------------------------- tokens

class Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str
    cap: bool
    word: bool


def tokenize(raw: str, start: int, end: int) -> list[Tok]:
    """The tokens of raw[start:end], built column by column."""
    return tokenize_with_starts(raw, start, end)[0]


def tokenize_with_starts(raw: str, start: int, end: int) -> tuple[list[Tok], list[int]]:
    """The tokens of raw[start:end] and their start offsets (the column callers bisect on).

    The stage's hottest loop: mapping C functions over the matches (and `tuple.__new__` over the
    rows, which skips a Python-level constructor call per token) is about a quarter faster than a
    loop that builds each token in turn; the starts are a column built anyway.
    """
    matches = list(TOKEN_RE.finditer(raw, start, end))
    texts = list(map(re.Match.group, matches))
    starts = list(map(re.Match.start, matches))
    firsts = [t[0] for t in texts]
    rows = zip(texts, starts, map(re.Match.end, matches),
               map(str.lower, texts), map(str.isupper, firsts), map(str.isalnum, firsts))
    toks = list(map(tuple.__new__, repeat(Tok), rows))
    if GLUED_PARTICLE_RE.search(raw, start, end):   # "Hélène d’Aubigny-Rastoul": the name's word is capitalized
        toks = [t._replace(cap=True) if not t.cap and GLUED_PARTICLE_RE.match(t.text) else t for t in toks]
    return toks, starts


@lru_cache(maxsize=1 << 16)
def _base(low: str) -> str:
    """The token without a possessive ending."""
    return low[:-2] if low.endswith(("’s", "'s")) else low


@lru_cache(maxsize=1 << 16)
def _head_key(low: str) -> str:
    """singular(_base(low)): how a lower-case token is looked up among head nouns and titles."""
    return singular(_base(low))


# ---------------------------------------------------------------- quote marks

@dataclass
class Piece:
    """One run of quoted text inside one paragraph (a multi-paragraph quote has a piece per paragraph)."""
    paragraph: int
    line: int
    open: int            # offset of the opening mark
    close: int | None    # offset of the closing mark (None: open at the paragraph end)
    start: int
    end: int
    cont_prev: bool = False
    cont_next: bool = False
    kind: str = ""
    cue: str = ""
    speaker: str = ""
    speaker_type: str = "unknown"
    speaker_start: int = -1
    speaker_end: int = -1
    n_words: int = 0


def scan_double(raw: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], list[str]]:
    """(open, close) mark offsets of double-quoted runs in raw[start:end], and the problems met.

    Curly marks are trusted unless their context says the opposite; straight marks toggle.
    An opening mark inside an open quote closes the earlier one there; a stray closing mark is ignored.
    """
    spans, problems, open_at = [], [], None
    for m in DOUBLE_MARK_RE.finditer(raw, start, end):
        i, c = m.start(), m.group()
        prev = raw[i - 1] if i > start else " "
        nxt = raw[i + 1] if i + 1 < end else " "
        opener_like = (prev in OPEN_CONTEXT or prev.isspace()) and not nxt.isspace()
        closer_like = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
        if c == '"':
            if open_at is None:
                if prev.isdigit() and not opener_like:
                    continue  # 12" screen: an inch mark
                if closer_like and not opener_like:
                    problems.append(f"stray closing quote mark at offset {i}")
                    continue
                open_at = i
            else:
                spans.append((open_at, i))
                open_at = None
            continue
        if c in DOUBLE_OPENERS:
            if open_at is None:
                open_at = i
            elif closer_like and not opener_like:
                spans.append((open_at, i))  # “...“ used as a closing mark
                open_at = None
            else:
                problems.append(f"opening quote mark inside an open quote at offset {i}")
                spans.append((open_at, i))
                open_at = i
        else:
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
            elif opener_like and not closer_like:
                open_at = i  # ”...” used as an opening mark
            else:
                problems.append(f"stray closing quote mark at offset {i}")
    if open_at is not None:
        spans.append((open_at, None))
    return spans, problems


def scan_single(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Closed ‘single-quoted’ runs; apostrophes (Canada’s, companies’) never open a quote."""
    spans, open_at = [], None
    for m in SINGLE_MARK_RE.finditer(raw, start, end):
        i = m.start()
        prev = raw[i - 1] if i > start else " "
        nxt = raw[i + 1] if i + 1 < end else " "
        if open_at is None:
            if m.group() != "’" and (prev in OPEN_CONTEXT or prev.isspace()) and nxt.isalnum():
                open_at = i
        elif m.group() != "‘" and prev not in " (" and not nxt.isalnum():
            spans.append((open_at, i))
            open_at = None
    return spans


def _with_curly_singles(raw: str, doubles: list[tuple[int, int | None]], singles: list[tuple[int, int]],
                        end: int) -> list[tuple[int, int | None]]:
    """Double-quoted runs plus the curly ‘single-quoted’ runs of a body paragraph in copy that also uses
    double marks: British copy mixes them, and a tabloid quotes with single marks and nests double ones.

    A single run inside a double one is a nested quote (part of the outer one); a double run inside a
    single one is nested in it and gives way; runs that cross keep the double one. Straight ' marks
    stay apostrophes here ('90s, rock 'n' roll): only ‘ ... ’ pairs are read.
    """
    curly = [(o, c) for o, c in singles if raw[o] == "\u2018" and raw[c] == "\u2019"]
    if not curly:
        return doubles
    bounds = [(o, end if c is None else c) for o, c in doubles]
    kept = [(o, c) for o, c in curly if all(c < do or o > dc or (o < do and dc < c) for do, dc in bounds)]
    if not kept:
        return doubles
    inner = lambda do, dc: any(o < do and dc < c for o, c in kept)  # noqa: E731
    return sorted([span for span, (do, dc) in zip(doubles, bounds) if not inner(do, dc)] + kept)


def _trim(raw: str, a: int, b: int) -> tuple[int, int]:
    while a < b and raw[a].isspace():
        a += 1
    while b > a and raw[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------- per-article state

@dataclass
class Entity:
    name: str
    key: str
    kind: str = ""                                  # person | org | country | group
    heads: set = field(default_factory=set)
    types: list = field(default_factory=list)       # (priority, speaker_type) evidence
    country: str = ""
    positions: list = field(default_factory=list)
    _sorted: list = field(default_factory=list, repr=False, compare=False)

    def latest_before(self, position: int) -> int:
        """The last mention before `position` (-1 if none), by bisection on a sorted copy of the positions.

        Positions are only appended, extended or sorted in place, so a changed length means a stale copy.
        """
        if len(self._sorted) != len(self.positions):
            self._sorted = sorted(self.positions)
        i = bisect_right(self._sorted, position - 1)
        return self._sorted[i - 1] if i else -1


@dataclass
class Speaker:
    name: str
    speaker_type: str
    entity: Entity | None
    start: int
    end: int
    cue: str


class Article:
    """Everything known about one article while its quotes are attributed, in text order."""

    def __init__(self, article_id: str, raw: str, paragraphs: list[tuple], lex: Lexicon):
        self.article_id, self.raw, self.lex = article_id, raw, lex
        self.paragraphs = paragraphs          # (paragraph, line, start, end, role)
        self._para_ends = [p[3] for p in paragraphs]
        self._owners: dict[str, dict] = {}
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, str] = {}
        self.given: dict[str, str] = {}   # a person's other name words: "Hoshino" (Kenta), "Quispe" (Cruz)
        self.history: list[tuple[int, Entity | None, str, str]] = []  # (position, entity, name, type)
        self.sentence_bounds: list[tuple[int, int]] = []   # (start, end) of the content sentences, in order
        self._longer_tried: set[str] = set()
        self._scanned = False   # whether every capitalized name has been read (`scan_names`)
        self._evidence()

    @cached_property
    def home(self) -> str:
        """The country the article mentions most (ties: the first by name); "" when none.

        Read only to tell a foreign government from the home one, so it is counted on first use:
        most articles never need it, and scanning every paragraph for countries is not cheap.
        """
        counts = Counter()
        raw, lex = self.raw, self.lex
        for _, _, s, e, role in self.paragraphs:
            for m in lex.country_re.finditer(raw, s, e):
                if MISSION_AFTER_RE.match(raw, m.end()) or MISSION_BEFORE_RE.search(raw, max(s, m.start() - 24), m.start()):
                    continue   # "the Chinese Embassy", "the Embassy of Nepal": whose post, not where the story is
                counts[lex.countries[_strip_possessive(m.group())]] += 1
        # a wire dateline says where the story is told from: "KYIV (Reuters) -" outweighs a few mentions
        # of the other side ("a Russian missile", "Moscow")
        body = next(((s, e) for _, _, s, e, role in self.paragraphs if role != "headline"), None)
        dateline = P.WIRE_DATELINE_RE.match(raw, body[0], body[1]) if body else None
        if dateline is not None:
            place = re.split(r"[,(/]|\s[-—–]", dateline.group(), maxsplit=1)[0].strip()
            country = lex.countries.get(place.title()) or lex.countries.get(place)
            if country:
                counts[country] += DATELINE_WEIGHT
        return max(sorted(counts), key=counts.__getitem__) if counts else ""

    # -- evidence about names, read once over the article's content
    def _evidence(self) -> None:
        """Names with a role next to them: "manufacturer Hikvision", "Minister Melanie Joly", "X, a rights group,"."""
        raw, lex = self.name_raw, self.lex
        # the gate reads raw backwards: raw[s:e] is backwards[n - e:n - s] (a lookahead stops at endpos as at a slice end)
        backwards, n = raw[::-1], len(raw)
        gate = lex.head_name_gate.search
        for _, _, s, e, _ in self.paragraphs:
            if gate(backwards, n - e, n - s) is None:
                spans = set()
            else:
                spans = {m.span("name") for m in lex.head_name_re.finditer(raw, s, e)}
            for m in APPOSITIVE_START_RE.finditer(raw, s, e):
                lo = max(s, m.start() - 80)
                if NAME_BEFORE_GATE_RE.search(raw, lo, m.start()) is None:
                    continue
                name = NAME_BEFORE_RE.search(raw, lo, m.start())
                if name:
                    spans.add(name.span())
            for a, b in sorted(spans):
                self._run(a, b, s)
            if "(" in raw[s:e]:
                for m in ACRONYM_RE.finditer(raw, s, e):
                    self._acronym(m.group(1), m.start(), s)

    def _acronym(self, acronym: str, paren: int, para_start: int) -> None:
        """Let an acronym stand for the name it follows in brackets ("The Anti-Doping Agency of Kenya
        (ADAK)" ... "ADAK chief executive Jane Roe"), when its letters are initials or syllables of
        the name in order ("Ghana Cocoa Board (COCOBOD)"); a dateline's "(AP)" spells no name before it."""
        end = paren - 1 if self.raw[paren - 1:paren] == " " else paren
        name = NAME_BEFORE_RE.search(self.raw, max(para_start, end - 120), end)
        if name is None:
            return
        parsed = _run_name(name.group(), self.lex)
        known = self.entities.get(fold(acronym))
        if parsed is None or fold(acronym) in PRONOUN_WORDS or (   # "(IT)", "(HER)"
                known is not None and (known.types or known.kind or any(
                    self.lex.heads.get(h, ("", ""))[1] != "document" for h in known.heads))):
            return   # an acronym known otherwise; a bare mention read before (all names read early) is merged
            # (a document beside it, "In a statement, GREC said", tells nothing of what it is)
        words = parsed[2]
        letters = iter("".join(words).upper())
        if not (len(words) >= 2 and acronym[0] in {w[0] for w in words} and all(c in letters for c in acronym.replace("&", ""))):
            return
        entity = self.find(parsed[4])
        if entity is None:
            self._run(name.start(), name.end(), para_start)
            entity = self.find(parsed[4])
        if entity is not None and entity is not known:
            if known is not None:
                entity.positions.extend(known.positions)
                entity.positions.sort()
            self.entities[fold(acronym)] = entity

    @cached_property
    def name_raw(self) -> str:
        """`raw` with each nickname blanked, marks and all (same length, so offsets hold): the names read from
        it keep Ricardo “Dodong” Villareal whole, as the quotes' own reading does."""
        raw = self.raw
        spans = [m.span() for m in NICKNAME_RE.finditer(raw)
                 if NICK_BEFORE_RE.search(raw, max(0, m.start() - 40), m.start()) is not None]
        if not spans:
            return raw   # (the marks are read first: a regex opening on them skips ahead to each, fast)
        chars = list(raw)
        for a, b in spans:
            chars[a:b] = " " * (b - a)
        return "".join(chars)

    def _run(self, a: int, b: int, para_start: int) -> None:
        """Record the name in the capitalized run raw[a:b], with the role and country its neighbours give it."""
        raw, lex = self.name_raw, self.lex
        parsed = _run_name(raw[a:b], lex)
        if parsed is None:
            return
        skip, country, words, title_heads, name = parsed
        a += skip
        heads = set(title_heads)
        plain = name.rstrip(".")
        if plain in lex.countries and len(words) == 1:
            entity = self._entity(plain, "country", aliases=False)
            entity.country = lex.countries[plain]
            entity.types.append((0, "government"))
            entity.positions.append(a)
            return
        # head noun just before: "manufacturer Hikvision", "the minister, Melanie Joly"
        before = raw[max(para_start, a - 60):a]
        prev_words = CONTEXT_WORD_RE.findall(before)[-3:]
        if prev_words and not before.rstrip().endswith((".", ";", ":")):
            last = singular(prev_words[-1].lower())
            two = singular(prev_words[-2].lower()) + " " + last if len(prev_words) > 1 else last
            three = singular(prev_words[-3].lower()) + " " + two if len(prev_words) > 2 else two
            listener = len(prev_words) > 1 and (prev_words[-2].lower() in TELL_FORMS or (
                len(prev_words) > 2 and prev_words[-3].lower() in TELL_FORMS and prev_words[-2].lower() in DETERMINERS))
            comma = before.rstrip().endswith(",")
            for cand in (three, two, last) if not listener else ():   # "told the court Whitcombe ...": a listener
                if cand in lex.heads:
                    if comma and lex.heads[cand][1] == "org" and not _opening_appositive(before):
                        break   # "Addressing the court, Delaney apologized": an organisation is no person's role
                    if not (cand == last and cand in OWNED_TITLES and _owned_by_name(prev_words[:-1], lex)):
                        heads.add(cand)
                    else:   # "Acme Robotics president Jane Roe": the organisation's type, not a government's
                        heads.update("~" + w.lower() for w in prev_words[:-1] if w.lower() in lex.name_words)
                    break
            if ("’s" in before or "'s" in before) and heads and not any(
                    lex.heads[h][0] != "inherit" for h in heads if h in lex.heads):
                owned = POSSESSIVE_OWNER_RE.search(before)   # "Tessaract’s lead trial lawyer, Harlan Moss"
                if owned is not None:
                    employer = self._possessive_owner(owned.group("owner"), a)
                    if employer:
                        heads.add("@" + employer)
            if len(prev_words) == 3 and prev_words[1].lower() == "whose" and any(
                    h in lex.heads and lex.heads[h][0] == "inherit" for h in heads):
                # "the Indus Relief Trust, whose director, Sadia Qureshi-Malik,": the owner's type
                owner = WHOSE_OWNER_RE.search(before)
                if owner is not None:
                    employer = self._employer_type(owner.group("owner"), "")
                    if employer:
                        heads.add("@" + employer)
            if (len(prev_words) > 1 and _strip_possessive(prev_words[-2]) in lex.countries
                    and heads & {"spokesman", "spokeswoman", "spokesperson"} and not any(h[0] == "@" for h in heads)):
                heads.add("@government")   # "Kremlin spokesman Dmitry Peskov": a state's (not "Irish director X")
            if heads & CORPORATE_ROLES and not any(h[0] == "@" for h in heads) and not comma:
                # "Caledonia Insight research director Fraser McAllister-Boyd": a business's role after the
                # organisation's name, of no known type (a brand) or of the type it is known by
                org = ORG_BEFORE_ROLE_RE.search(before)
                if org is not None and org.group(1).split()[-1] not in CLUB_WORDS and (
                        " " in org.group(1) or org.start(1) > 0 and not re.search(
                        r"(?:^|[.!?:]\s+|\n\s*)$", before[:org.start(1)])):
                    employer = self._employer_type(org.group(1), "", corporate=True)
                    if employer:
                        heads.add("@" + employer)
            for w in prev_words:
                if _strip_possessive(w) in lex.countries and not country:
                    country = lex.countries[_strip_possessive(w)]
        # an appositive after: "Hikvision, one of the world’s largest ... companies," / ", also known as X Co"
        if raw.startswith(",", b):
            after = raw[b:min(b + 160, len(raw))]
            segment = APPOSITIVE_END_RE.split(after[1:], maxsplit=1)[0] if len(after) > 1 else ""
            seg_words = CONTEXT_WORD_RE.findall(segment)
            seg_words = seg_words[_now_at([w.lower() for w in seg_words]):]
            if seg_words and (seg_words[0].lower() in DETERMINERS or seg_words[0].lower() in ("also", "who", "which", "known")
                              or seg_words[0] in lex.countries or _strip_possessive(seg_words[0]) in lex.countries
                              or _bare_role(seg_words, lex)) and not (
                    seg_words[0].lower() in DETERMINERS and any(w.lower() in lex.cues for w in seg_words[1:])):
                # "a follow-up post on Instagram, the 29-year-old singer added:": the clause's subject, no appositive
                if seg_words[0].lower() == "which" and not WHICH_IS_RE.match(segment):
                    # "PT Borneo Graha Lestari, which is building a district near the government core,": what a
                    # body does, no role of its own ("which is a ...", "which claims to be the world’s largest
                    # maker" tell one; "who directs X" tells a person's role)
                    seg_words = []
                for i, w in enumerate(seg_words):
                    if w.lower() in ("at", "for", "from", "with") or (
                            w.lower() in ("of", "in") and i + 1 < len(seg_words) and (seg_words[i + 1][0].isupper() or (
                                seg_words[i + 1] == "the" and i + 2 < len(seg_words) and seg_words[i + 2][0].isupper()))
                            and not (w.lower() == "in" and _strip_possessive(seg_words[i + 1]) in lex.countries)):
                        # ("an assistant director in the FBI’s cyber division": the body one works in; not
                        # "a researcher in Germany", a place)
                        # "an economist at Pacific Bank": the rest describes the employer, whose type the
                        # person takes when no role word of the appositive gives one ("a specialist at X")
                        # (a name of two words or more with no organisation's role: a person's)
                        if len(words) >= 2 and not any((lex.heads[h][0] != "inherit" and h not in OWNED_TITLES)
                                                       or lex.heads[h][1] == "org" for h in heads if h in lex.heads):
                            employer = self._employer_type(segment, w, corporate=bool(heads & CORPORATE_ROLES))
                            if employer:
                                heads.add("@" + employer)
                        break
                    low = singular(w.lower())
                    pair = singular(f"{seg_words[i - 1].lower()} {w.lower()}") if i else ""
                    if pair in lex.heads:   # "executive director": the title of two words, not its parts
                        heads.difference_update({singular(seg_words[i - 1].lower())})
                        heads.add(pair)
                    elif low in lex.heads:
                        heads.add(low)
                    if w.lower() in lex.name_words and w[0].isupper():
                        heads.add("~" + w.lower())
                    base = _strip_possessive(w)
                    if base in lex.countries and not country:
                        country = lex.countries[base]
        entity = self._entity(name, "")
        if not (len(words) == 1 and self.given.get(fold(name).rstrip(".")) == entity.key) and not (
                entity.key != fold(name).rstrip(".") and PLACE_BEFORE_RE.search(self.raw, max(0, a - 16), a)):
            # (a bare given name names a person, but is no mention pronouns follow; nor is a place, "the province
            # of Drenthe", a mention of the longer name it ends, "Wolvenhek Drenthe")
            entity.positions.append(a)
        alias = ALIAS_RE.match(raw, b)
        if alias:
            self.entities.setdefault(fold(alias.group(1)), entity)
        if heads:  # most runs have no role nearby: skip the loops over nothing
            if any(lex.heads.get(h, ("inherit", ""))[0] not in ("inherit", "") and lex.heads[h][1] != "org"
                   and h not in OWNED_TITLES for h in heads):
                # "Another analyst, Jonah Fairbairn of Castlegate Securities": a role of its own type beats the
                # employer the run names (as an appositive's employer types only a role that inherits)
                heads = {h for h in heads if h[0] != "@"}
            entity.heads.update(h for h in heads if h[0] not in "~@")
            named = _first_name_word([h[1:] for h in heads if h[0] == "~"], lex)
            if named:   # the employer's name words, as the table orders them ("Federation of ... Retailers": company)
                entity.types.append((1, named[1]))
            for h in sorted(heads):
                if h.startswith("@") and not entity.types:   # a name's own words say more than its employer
                    entity.types.append((2, h[1:]))
                    entity.kind = entity.kind or "person"
        if country and not entity.country:
            entity.country = country
        if (heads and any(lex.heads.get(h, ("", ""))[1] == "person" for h in heads)) or (
                words and words[0].lower().rstrip(".") in PERSON_TITLES):
            entity.kind = "person"

    def _possessive_owner(self, owner: str, position: int, scan: bool = False) -> str:
        """The type of the owner of a title named by a possessive: a country ("The UK"), a name met
        before ("Tessaract", "Volta Mobility") or a common noun a name met before opens or ends ("the
        museum"); "" when unknown or a person's ("Joly’s chief of staff"). With `scan` (a speaker phrase,
        once the article's names may all be read) a name is looked up among every name, else among those
        read so far and the longer name it opens."""
        lex = self.lex
        words = [w for w in owner.split() if w.lower() not in DETERMINERS]
        if not words:
            return ""
        name = " ".join(words)
        if name in lex.countries:
            return "government" if not self.home or lex.countries[name] == self.home else "foreign_government"
        if all(w[:1].isupper() for w in words):
            if scan:
                self.scan_names()
            found = self.find(name)
            if found is None and scan:
                return ""
            if found is None:   # "Volta Mobility’s director" after "Volta Mobility Ltd": the longer name's type
                longer = self.longer_name(words[0])
                found = longer if longer is not None and longer.key.startswith(fold(name)) else self._entity(name, "")
            if found.kind == "person":
                return ""
        elif len(words) == 1 and singular(name.lower()) not in lex.heads:
            found = _named_by_head(self, singular(name.lower()), position)
        else:
            return ""
        kind = self.type_of(found, set(), "") if found is not None else "unknown"
        return "" if kind == "unknown" else kind

    def _employer_type(self, segment: str, word: str, corporate: bool = False) -> str:
        """The type of the organisation named after `word` ("at", "of", ...) in an appositive segment
        ("a respirologist at St. Michael's Hospital"), or "" when none is named or its type is unknown; with
        `corporate` (the role is a business's: "general manager of Rio Verde WSC") an organisation of no known
        type is a company, as `resolve` takes it, unless it is named by initials alone ("chair of the MTA")."""
        m = re.search(rf"\b{word}\s+(?:the\s+)?", segment) if word else re.match(r"(?:the\s+)?", segment)
        run = CAP_RUN_RE.match(segment, m.end()) if m else None
        if run is None:
            return ""
        org = _strip_possessive(run.group().rstrip("."))
        entity = self.find(org)
        if entity is None and " " not in org:   # "president of Brightwater": the "Brightwater Energy Inc." named before
            entity = self.longer_name(org)
        if entity is None and " " in org:
            entity = self._entity(org, "")      # (a word alone is never made an entity here: it may be a longer name's)
        found = self.type_of(entity, set(), "") if entity is not None else "unknown"
        if found == "unknown" and corporate and entity is not None and not ACRONYM_WORD_RE.fullmatch(org):
            return "company"
        return "" if found == "unknown" else found

    def _entity(self, name: str, kind: str, aliases: bool = True) -> Entity:
        key = fold(name).rstrip(".")
        if key in self.entities and (aliases or self.entities[key].key == key):
            return self._by_initials(name, self.entities[key]) if aliases else self.entities[key]
        known = self._by_initials(name, None) if aliases else None
        if known is not None:   # (initials met before the body they abbreviate: names are read in one pass)
            return known
        if aliases and " " not in key and key in self.surnames:
            return self.entities[self.surnames[key]]
        if aliases and " " not in key and key in self.given:
            return self.entities[self.given[key]]
        if aliases and " " in key:
            tail_of = self.find(name)   # "Ní Bhriain" after "Aoife Ní Bhriain"
            if tail_of is not None:
                return tail_of
            if kind != "org" and all(PERSON_WORD_RE.fullmatch(w) for w in name.split()):
                # "Einar Logi" after "Einar Logi Pétursson": a person called by the given names, when one fuller
                # name starts with them
                fuller = {e.key for e in self.entities.values() if e.key.startswith(key + " ") and e.kind != "org"
                          and all(PERSON_WORD_RE.fullmatch(w) or w.lower() in SURNAME_PARTICLES or w in CONJUNCTION_PARTICLES
                                  for w in e.name.split())}
                if len(fuller) == 1:
                    return self.entities[fuller.pop()]
        entity = Entity(name=name, key=key, kind=kind)
        # name words decide the type when present ("... Rights Project", "... Commission", "... Co")
        words = key.replace(".", " ").split()
        # a two-word name word beats its parts: "Riverside Food Bank" is a charity, not a bank
        firsts = _two_word_firsts(self.lex)
        best = (_first_name_word([f"{a} {b}" for a, b in zip(words, words[1:]) if a in firsts], self.lex)
                or _first_name_word(words, self.lex) or _portfolio_of_country(name, self.lex))
        if best:
            entity.types.append((0, best[1]))
            entity.kind = entity.kind or "org"
            first = words[0] if words else ""
            if (len(words) >= 2 and len(first) >= 3 and name[:1].isupper() and first not in self.lex.countries
                    and singular(first) not in self.lex.heads and first not in STOP and first not in DETERMINERS
                    and first not in self.lex.name_words):
                # "Tianrui Networks" ... "Tianrui said": an organisation by the first word of its name
                self.surnames.setdefault(first, key)
            surface = name.split()
            owner = next((surface[i + 1] for i in range(len(surface) - 1)
                          if surface[i].lower() == "of" and surface[i + 1] in self.lex.countries), "")
            if owner:   # "Embassy of Vietnam (in Australia)", "Government of Canada": the country it is of
                entity.country = self.lex.countries[owner]
                if words[0] in ("bank", "banco", "banque") and words[1] in ("of", "de", "du"):
                    entity.types.insert(0, (-1, "government"))   # "Bank of Mexico": the country's central bank
            if len(words) >= 3 and words[-1] in CORPORATE_SUFFIXES:
                # "Brightwater Energy Inc." ... "president of Brightwater Energy": the name without its suffix
                self.entities.setdefault(" ".join(words[:-1]), entity)
        self.entities[key] = entity
        parts = key.split()
        last = name.split()[-1] if parts else ""
        if (len(parts) == 2 and not best and GIVEN_NAME_AFTER_RE.fullmatch(last)
                and kind != "country" and parts[0] not in self.lex.countries):
            self.surnames.setdefault(parts[0], key)   # "Kang Ji-hoon" ... "Kang told reporters": family name first
        if (len(parts) >= 2 and not best and last not in self.lex.countries
                and singular(parts[-1]) not in self.lex.heads and kind != "country"):
            # surname alias for people: "Joly" -> "melanie joly"; the first full form wins
            self.surnames.setdefault(parts[-1], key)
            if parts[-1] not in NAME_LIKE_WORDS and all(   # (not "Joly May" of "said Joly May 5")
                    PERSON_WORD_RE.fullmatch(w) or w.lower() in SURNAME_PARTICLES or w in CONJUNCTION_PARTICLES for w in name.split()):
                for word in parts[:-1]:   # "Hoshino" for Hoshino Kenta, "Quispe" for Ercilia Quispe Cruz: asked last
                    if len(word) > 2 and word not in SURNAME_PARTICLES and word not in self.lex.countries:
                        self.given.setdefault(word, key)
                for word in parts[:-1]:
                    if self.given.get(word) == key and self.entities.get(word, entity).kind in ("", "person"):
                        # "Treviño, who has spent 19 years ..." or "Nuwan, the 28-year-old fast bowler," read
                        # before "José Guadalupe Treviño Garza", "Nuwan Jayawickrama": the same person
                        self._merge_bare(word, entity)
            self._merge_bare(parts[-1], entity)
        return entity

    def _merge_bare(self, word: str, entity: Entity) -> None:
        """An earlier bare "Joly" merges into the full name; its mentions after a preposition of place
        ("the province of Drenthe", before "Wolvenhek Drenthe") are a place's, not the name's."""
        if word not in self.entities or self.entities[word] is entity:
            return
        old = self.entities.pop(word)
        entity.positions.extend(p for p in old.positions if PLACE_BEFORE_RE.search(self.raw, max(0, p - 16), p) is None)
        entity.heads.update(old.heads)
        entity.types.extend(old.types)
        entity.kind = entity.kind or old.kind
        if not entity.country:
            entity.country = old.country
        self.entities[word] = entity

    # "The letter, seen by The Times of Israel,": who read it, not who wrote it
    def document_owner(self, head: str, position: int) -> Entity | None:
        """The author of an earlier "report by/from X" ("The report, published by the Clean Air Coalition")."""
        pattern = DOCUMENT_OWNER_RE.get(head)
        if pattern is None:
            pattern = DOCUMENT_OWNER_RE[head] = re.compile(
                rf"\b(?i:{re.escape(head)}s?)\b(?:(?!{READ_BY})[^.;]){{0,60}}?\b(?i:by|from|of)\s+(?:(?i:the)\s+)?(?P<name>{CAP_RUN_RE.pattern})")
        issued = DOCUMENT_OWNER_RE.get("~" + head)
        if issued is None:
            issued = DOCUMENT_OWNER_RE["~" + head] = re.compile(
                rf"(?P<name>{CAP_RUN_RE.pattern})\s+(?:[a-z]+\s+){{0,2}}(?:a|an|its|the)\s+(?:[\w-]+\s+)?{re.escape(head)}\b")
        # Paragraphs wholly before `position` are scanned once per head and remembered; the paragraph
        # holding `position` is read only OWNER_WINDOW characters back (whole, for ordinary paragraphs).
        cache = self._owners.setdefault(head, {})
        k = bisect_right(self._para_ends, position)   # paragraphs [0, k) end at or before position
        last, last_pos = None, -1
        done_upto = cache.setdefault("done", 0)
        prefix = cache.setdefault("last", [])
        for i in range(done_upto, k):
            _, _, s, e, _ = self.paragraphs[i]
            found = self._owner_matches(pattern, issued, s, e)
            prefix.append(found[-1][:2] if found else (prefix[-1] if prefix else None))
            cache["done"] = i + 1
        if k and prefix[k - 1] is not None:
            last_pos, last = prefix[k - 1]
        if k < len(self.paragraphs) and self.paragraphs[k][2] < position:
            _, _, s, e, _ = self.paragraphs[k]
            lo = max(s, position - OWNER_WINDOW)
            found = self._owner_matches(pattern, issued, lo, position)
            if not found and lo > s:  # a giant paragraph: earlier whole-paragraph matches well before the window
                if k not in cache:
                    cache[k] = self._owner_matches(pattern, issued, s, e)
                found = [f for f in cache[k] if f[2] <= lo]
            if found:
                last_pos, last = found[-1][:2]
        if last is None:
            return None
        return self.find(last) or self._entity(last, "")

    def _owner_matches(self, pattern, issued, s: int, e: int) -> list[tuple[int, str, int]]:
        """(start, name, end) of owner mentions in raw[s:e], by start; at one start the first regex wins."""
        found = {}
        for regex in (pattern, issued):
            for m in regex.finditer(self.raw, s, e):
                name = m.group("name")
                if name[0].isupper() and name.split()[0].lower() not in STOP and name.split()[0].lower() not in DETERMINERS:
                    words = name.split()
                    while len(words) > 2 and (_person_head(words[0].lower(), self.lex)
                                              or words[0].lower().rstrip(".") in PERSON_TITLES):
                        words = words[1:]   # "Spokeswoman Gao Wenjing said in a statement": the person
                    found.setdefault(m.start(), (m.start(), " ".join(words), m.end()))
        return [found[k] for k in sorted(found)]

    def scan_names(self) -> None:
        """Every capitalized name of the article as an entity (done once, only when a nominal needs it)."""
        if self._scanned:
            return
        self._scanned = True
        for _, _, s, e, _ in self.paragraphs:
            for m in CAP_RUN_RE.finditer(self.name_raw, s, e):
                words = m.group().split()
                if len(words) == 1 and (words[0].lower() in STOP or words[0].lower() in DETERMINERS):
                    continue
                known = self.entities.get(fold(m.group()))
                if known is not None:  # a name seen before: only its position is new
                    known.positions.append(m.start())
                    continue
                self._run(m.start(), m.end(), s)

    def longer_name(self, word: str) -> Entity | None:
        """The entity of a longer name that starts with `word` ("Tianrui Networks" for "Tianrui"), read
        from the first such capitalized run in the article; None if there is none (asked once a word)."""
        if word in self._longer_tried:
            return None
        self._longer_tried.add(word)
        if word + " " not in self.raw:
            return None
        # (the word is searched for as plain text first, then whether a word runs into it from before)
        m = next((m for m in re.finditer(rf"{re.escape(word)}(?:\s+[A-Z][\w&.'’-]*)+", self.raw)
                  if m.start() == 0 or not NAME_JOIN_RE.match(self.raw, m.start() - 1)), None)
        if m is None:
            return None
        end = m.end()
        while end > m.start() and self.raw[end - 1] == ".":   # "Orion Corp." ends a sentence
            end -= 1
        p = min(bisect_right(self._para_ends, m.start()), len(self.paragraphs) - 1)
        self._run(m.start(), end, self.paragraphs[p][2] if self.paragraphs else 0)
        longer = self.find(self.raw[m.start():end])
        if (longer is not None and fold(longer.name).startswith(fold(word) + " ")
                and any(w in self.lex.name_words for w in longer.key.split()[1:])):
            return longer   # "Daeseong said": the "Daeseong Motor" named before (not a product, "Corvane FlexGate")
        return self.find(word)

    def find(self, name: str) -> Entity | None:
        key = fold(name).rstrip(".")
        if key in self.entities:
            return self._by_initials(name, self.entities[key])
        if key in self.surnames:
            return self.entities.get(self.surnames[key])
        if key in self.given:
            return self.entities.get(self.given[key])
        if " " in key:   # a surname of several words: "Ní Bhriain" for Aoife Ní Bhriain, "Te Awa" for Hemi Te Awa
            full = self.surnames.get(key.rsplit(" ", 1)[1])
            if full is not None and full.endswith(" " + key):
                return self.entities.get(full)
            return None
        return self._by_initials(name, None)

    def _by_initials(self, name: str, found: Entity | None) -> Entity | None:
        """For initials alone ("the OBR"): the body they spell, read before or after them; else `found` (the
        initials' own bare entity, or whatever other entity the name already stands for)."""
        if not (2 < len(name) <= 6 and name.isalpha() and name.isupper()) or (
                found is not None and (found.key != fold(name) or found.types or found.kind)):
            return found
        return self._initials_of(name) or found

    def _initials_of(self, name: str) -> Entity | None:
        """The body named before whose capitalized words' initials spell `name` ("the OBR said" after "the Office
        for Budget Responsibility"), remembered under the initials; None when none or a person's."""
        if not _initials_re(name).search(self.raw):
            return None   # (no run of words with those initials: no need to read every name)
        self.scan_names()   # (a no-op while names are being read, or once they are)
        for entity in list(self.entities.values()):
            if entity.key == fold(name):
                continue
            words = [w for w in entity.name.split() if w[:1].isupper()]
            if (len(words) == len(name) and entity.kind != "person" and (entity.types or entity.kind == "org")
                    and "".join(w[0] for w in words) == name):
                self.entities[fold(name)] = entity
                return entity
        return None

    # -- typing
    def type_of(self, entity: Entity | None, heads: set, country: str) -> str:
        lex = self.lex
        kind_type = ""
        if entity is not None:
            if entity.types:
                kind_type = min(entity.types)[1]
            elif entity.heads:
                found = sorted(lex.heads[h][0] for h in entity.heads if lex.heads[h][0] != "inherit")
                personal = sorted(lex.heads[h][0] for h in entity.heads if lex.heads[h][0] != "inherit"
                                  and lex.heads[h][1] == "person")
                kind_type = _priority_type(personal or found)
            country = country or entity.country
        if not kind_type:
            if not heads:
                return "unknown"
            found = [lex.heads[h][0] for h in heads if h in lex.heads and lex.heads[h][0] != "inherit"]
            personal = [lex.heads[h][0] for h in heads if h in lex.heads and lex.heads[h][0] != "inherit"
                        and lex.heads[h][1] == "person"]
            kind_type = _priority_type(personal or found)
        if not kind_type:
            return "unknown"
        if kind_type == "government" and country and self.home and country != self.home:
            return "foreign_government"
        if kind_type == "government":
            # An embassy, a high commission or a consulate is one state's post inside another's: a foreign
            # government's voice in the story's country, whichever country the article names most (a story of
            # sanctions on Russia, told in London, names Russia most). "Brazil's ambassador said" where the
            # article's home country is not told: a post abroad too (a bare "the ambassador" stays the state's)
            words = set(heads) | (entity.heads | set(entity.key.split()) if entity is not None else set())
            key = entity.key if entity is not None else ""
            if FOREIGN_MISSIONS & words or any(m in key for m in FOREIGN_MISSIONS):
                return "foreign_government"
            if country and FOREIGN_POSTS & words and not self.home:   # (the home read last: most never need it)
                return "foreign_government"
        return kind_type

    def could_be_person(self, entity: Entity) -> bool:
        """Whether "he", "she" or "I" can stand for a name that never spoke: a person, or a name of no
        known kind that a person's role noun stands beside ("the lawyer Jane Doe", "Jane Doe, a lawyer,")
        or that reads like a person's name:
        - no organisation's name word ("... Commission"), not ending in a country or a role
          ("Hikvision Canada", "Toronto Police", "Officials"), not in capitals (a dateline, an acronym);
        - two words or more: one word alone is a place, a body or a word opening a sentence far more
          often than a person named by surname only ("Toronto", "Hikvision", "Privately");
        - mentioned at least once other than right after a preposition of place ("in Toronto",
          "the city of Toronto", "protests spread to Hamburg")."""
        if entity.kind != "":
            return entity.kind == "person"
        heads = self.lex.heads
        if any(heads[h][1] == "person" for h in entity.heads if h in heads):
            return True
        words = entity.name.split()
        if entity.types or len(words) < 2 or entity.name.isupper():
            return False
        last = _strip_possessive(words[-1])
        if last in self.lex.countries or singular(last.lower()) in heads:
            return False
        return any(PLACE_BEFORE_RE.search(self.raw, max(0, p - 16), p) is None for p in entity.positions)

    def recent(self, position: int, accept) -> Entity | None:
        """The entity with the latest mention before `position` that `accept` allows."""
        best, best_pos = None, -1
        for entity in self.entities.values():
            if not accept(entity):
                continue
            pos = entity.latest_before(position)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best

    def last_speaker(self, position: int, accept=lambda e, n, t: True):
        for pos, entity, name, stype in reversed(self.history):
            if pos < position and name and accept(entity, name, stype):
                return entity, name, stype
        return None


@lru_cache(maxsize=1024)
def _initials_re(letters: str) -> re.Pattern:
    """Capitalized words whose initials spell `letters`, small words allowed between ("Office for Budget
    Responsibility" for OBR)."""
    gap = r"[\w’'-]*\s+(?:(?:of|for|the|and|on|de|du|des|la|le)\s+)*"
    return re.compile(r"\b" + gap.join(re.escape(ch) for ch in letters) + r"[\w’'-]*")


PRONOUN_CONTRACTION_RE = re.compile(r"(?:i|you|we|they|he|she|it)[’'](?:ve|m|ll|d|re|s)")


@lru_cache(maxsize=1 << 16)
def _run_name(text: str, lex: Lexicon) -> tuple[int, str, tuple, frozenset, str] | None:
    """The name in a capitalized run, read from the run's own words (so the same words read the same everywhere).

    (offset of the first kept word, country of a leading possessive, name words, heads of the titles
    dropped, name), or None when no name is left: "Canada’s Industry Minister Melanie Joly" ->
    country Canada, words Melanie Joly, head minister; "On Friday" -> None.
    """
    words = text.split()
    # leading function words and possessive countries: "The", "In", "Canada’s"
    country, skip = "", 0
    while words:
        low = words[0].lower()
        base = _strip_possessive(words[0])
        if (low in STOP or low in DETERMINERS or low in INTRO_WORDS or low in TIME_WORDS or low in PRONOUNS
                or PRONOUN_CONTRACTION_RE.fullmatch(low)):
            pass   # ("I’ve", "We’ll": a pronoun, not a name)
        elif len(words) > 1 and (OWNED_PREFIX_RE.fullmatch(words[0]) or AGED_RE.fullmatch(low)
                                 or FAMILY_RE.fullmatch(low)):
            pass   # "Chinese-owned Caldor Semiconductor", "Shenzhen-based Tianrui Networks": who owns or hosts it
        elif base in lex.countries and (base != words[0] or len(words) > 1):
            country = lex.countries[base]
            if base == words[0] and any(w.lower().rstrip("’'") in lex.name_words for w in words[1:]):
                break   # "London School of Economics", "Russian Defence Ministry": the place is the name's
        else:
            break
        rest = text[skip + len(words[0]):]
        skip += len(words[0]) + len(rest) - len(rest.lstrip())
        words.pop(0)
    if not words:
        return None
    if any(w.endswith(("’s", "'s")) for w in words[:-1]):
        return None  # "Hikvision’s Canadian" etc.: a possessive inside, not a clean name
    heads = frozenset()
    # titles inside the run: "Industry Minister Melanie Joly" -> Melanie Joly, head minister
    lows = [singular(w.lower().rstrip(".")) for w in words]
    cut = -1
    for i, low in enumerate(lows[:-1]):
        if "the" in words[:i] or (i and low != words[i].lower().rstrip(".")):
            break   # "Office of the Privacy Commissioner", "Union of Small Farmers": a title inside a name
        if (low in lex.heads and lex.heads[low][1] in ("person", "spokesperson") or low in PERSON_TITLES
                or _hyphen_title(low, lex)) and not (
                low in lex.name_words and lows[i + 1] in ("of", "for")) and not (   # "Office of/for ...": a name's first word
                lows[i + 1] in lex.name_words and words[i + 1][:1].isupper()):   # "Climate Justice Alliance": a name
            cut = i
        if i + 2 < len(lows) and (_title_bigram(f"{low} {lows[i + 1]}", lex) or (
                lows[i + 1] == "general" and low in lex.heads and lex.heads[low][1] in ("person", "spokesperson"))):
            cut = i + 1   # "Authority Director General Pradeep Raj Bhattarai": a title of two words
    if cut >= 0:
        heads = frozenset(x for x in lows[:cut + 1] if x in lex.heads)
        words = words[cut + 1:]
        of_what = False
        while len(words) > 1 and words[0] in ("of", "for", "and", "the", "&"):
            of_what = of_what or words[0] in ("of", "for")
            words = words[1:]   # "Managing Director and CEO of Vardhan ...": the "of" belonged to the title
        while of_what and len(words) > 2 and (singular(words[0].lower()) in PORTFOLIO_WORDS
                                              or words[0].lower() in lex.name_words or words[0] in ("and", "&")
                                              or words[0] in ("of", "for") and singular(words[1].lower()) in PORTFOLIO_WORDS):
            words = words[1:]   # "Superintendent of Police Harjeet Singh", "Secretary for Culture Marieke": a portfolio
        if of_what and all(singular(w.lower()) in PORTFOLIO_WORDS or w in ("and", "&") for w in words):
            return None   # "Minister of State", "Secretary of Defense": all title, no name
        words = words[_after_seat(words):]   # "TD for Dublin Bay South Cathal Ó Murchú": the seat, then the name
    while (len(words) > 2 and words[-1].rstrip(".") in POST_NOMINALS
           or len(words) == 2 and words[-1] in JUDGE_LETTERS and PERSON_WORD_RE.fullmatch(words[0])):
        # "Simon Adeyemi KC", "Ann Lee MP": letters after a name are no part of it; a seat says the role
        role = POST_NOMINALS[words.pop().rstrip(".")]
        if role in lex.heads:
            heads = heads | {role}
    of_at = next((i for i, w in enumerate(words) if w in ("of", "for")), 0)
    if of_at >= 2 and all(PERSON_WORD_RE.fullmatch(w) or w.lower() in SURNAME_PARTICLES or w in CONJUNCTION_PARTICLES
                          for w in words[:of_at]) and not any(
            w.lower() in lex.name_words or singular(w.lower()) in lex.heads for w in words[:of_at]):
        # "Ignasi Puigdomènech i Soler of the University of Barcelona": a person, then the body they are of
        employer = next((lex.name_words[w.lower()] for w in words[of_at + 1:] if w.lower() in lex.name_words), "")
        if employer:
            words, heads = words[:of_at], heads | {"@" + employer}
    name = _strip_possessive(" ".join(words))
    if len(name) < 2 or name.lower() in STOP or name.lower() in TIME_WORDS:
        return None
    if len(words) == 1 and (name.lower() in INTRO_WORDS or _sentence_adverb(name.lower())):
        return None   # "Privately, the minister said": a sentence adverb, not a name
    return skip, country, tuple(words), heads, name


def _bare_role(seg_words: list[str], lex: Lexicon) -> bool:
    """Whether an appositive opens with a person's role and no article, then its employer: "plant manager at
    Hanbit", "president of commercial airplanes at Meridian Aircraft"."""
    if not seg_words[0][:1].islower():
        return False
    for i, w in enumerate(seg_words[:6]):
        if w in ("at", "of", "for", "with"):
            return i > 0 and any(singular(x.lower()) in lex.heads and lex.heads[singular(x.lower())][1] in (
                "person", "spokesperson") for x in seg_words[:i])
    return False


@lru_cache(maxsize=1 << 16)
def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("’s", "'s")) else text


TYPE_PRIORITY = ["government", "company", "advocacy_group", "expert", "media"]


def _priority_type(found: list[str]) -> str:
    if not found:
        return ""
    if len(found) == 1:
        return found[0]
    counts = Counter(found)
    return max(counts, key=lambda t: (counts[t], -TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else -99))


# ---------------------------------------------------------------- noun phrases around cues

# "SunHarbor, based in Lehi, Utah, said": where a speaker is based, between the name and the verb
BASED_WORDS = frozenset({"based", "headquartered", "located"})
# "..., who studies vulnerability disclosure at X": a researcher
STUDY_VERBS = frozenset({"studies", "researches", "teaches", "lectures", "studied", "researched", "taught"})
# marks that end a clause or an appositive read back from a cue
CLAUSE_MARKS = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")"})
FOR_NAME_MAX_TOKENS = 16    # "For the researcher Tatiana Lins, coordinator of ...,": the longest opening read
CUE_AFTER_WINDOW = 14        # tokens after a quote read for its cue ("...," the company said)
CUE_AFTER_OPEN_WINDOW = 24   # ... after a quote its comma leaves open, which a long appositive may follow

def np_before(toks: list[Tok], k: int, lo: int) -> tuple[int, int, tuple | None] | None:
    """(first, last+1, appositive) token span of the speaker phrase ending just before toks[k]."""
    lex = lexicon()
    j = k - 1
    while j >= lo and toks[j].low in SKIP_BEFORE_CUE:
        j -= 1
    if j < lo:
        return None
    if toks[j].low in PRONOUNS:
        return j, j + 1, None
    if toks[j].low == "who" and j - 1 > lo and toks[j - 1].text == ",":
        return np_before(toks, j - 1, lo)   # "a person familiar with the matter, who said": the person
    appositive = None
    if toks[j].text == ",":
        c = j - 1
        while c >= lo and (toks[c].text not in CLAUSE_MARKS
                           or (toks[c].text == "." and c > lo and toks[c - 1].low in T.ABBREVIATIONS)):
            c -= 1   # ("Its director, Dr. Samuel Okafor-Reyes, said": an abbreviation's period is inside)
        if c < lo or toks[c].text != "," or c + 1 >= j:
            return None
        if _list_tail(toks, c, j) or (BASED_AFTER_PLACE_RE.fullmatch(toks[c + 1].text) and c + 2 < j
                                      and not toks[c + 2].cap):
            # "..., the council's director of services for community, culture and placemaking, told": a list's
            # comma is inside the appositive; so is the comma between a town and its state ("Halvorsen
            # Microdevices, the Santa Clara, California-based company whose ..., said")
            c -= 1
            while c >= lo and toks[c].text not in CLAUSE_MARKS:
                c -= 1
            if c < lo or toks[c].text != ",":
                return None
        if toks[c + 1].low not in RELATIVE_WORDS:
            # "Gord Lafontaine, 67, who left his home with two dogs, a box of photographs and ..., said": a
            # relative clause with commas of its own runs to the verb's comma (not "X, whose director, Jo Fry,")
            r = c - 1
            while r >= lo and (toks[r].text == "," or toks[r].text not in CLAUSE_MARKS):
                if toks[r].text == "," and toks[r + 1].low in ("who", "which"):
                    c = r
                    break
                r -= 1
        appositive = (c + 1, j)
        if toks[c + 1].low in RELATIVE_WORDS:
            # "Hermione Castellanos, the director of the Foundation for X, which intervened in the case, said":
            # the clause tells of the body; the speaker is the name before the role
            outer = np_before(toks, c + 1, lo)
            if outer is not None and outer[2] is not None and toks[outer[0]].cap and _role_description(toks, *outer[2]):
                return outer
        j = c - 1
    if j > lo and toks[j].text == "." and PARTY_STATE_RE.fullmatch(toks[j - 1].text):
        j -= 1               # "Sen. Patricia Álvarez-Nunn, D-Calif., whose state ..., said"
    end = j + 1
    while j >= lo and end - j <= 14:
        t = toks[j]
        if not t.word:
            if t.text == "." and j > lo and toks[j - 1].low in T.ABBREVIATIONS:
                j -= 1
                continue
            if t.text == "," and _portfolio_list_comma(toks, j, lo, end):
                j -= 1       # "The Ministry of Trade, Industry and Energy said": one body's portfolios
                continue
            break
        low = t.low
        if low in DETERMINERS:
            if (low == "the" and j - 2 >= lo and toks[j - 1].low in ("of", "for") and toks[j - 2].cap
                    and j + 1 < end and (toks[j + 1].cap or (toks[j + 1].low.endswith(("’s", "'s"))
                                                             and j + 2 < end and toks[j + 2].cap)
                                         or _lower_then_name(toks, j + 1, end))):
                j -= 2       # "Jane Roe of the Brookings Institution", "the Office of the Privacy Commissioner",
                continue     # "Rep. Han Do-yoon of the main opposition Democratic Party"
            if (low == "the" and appositive and j - 2 >= lo and toks[j - 1].low in ("at", "with")
                    and _person_head(toks[j - 2].low, lex) and _personal_name_between(toks, *appositive)):
                j -= 2       # "An economist at the University of Ghana, Prof. Ama Boateng, said": the role, then
                continue     # the person in the appositive
            j -= 1
            break
        if low in CONNECTORS and end - j > 1 and j > lo:
            j -= 1
            continue
        if (low in ("in", "to") and end - j > 1 and j > lo and toks[j - 1].word
                and (_head_key(toks[j - 1].low) in lex.heads
                     or (toks[j - 1].cap and any(x.cap and (_head_key(x.low) in lex.heads or x.low in lex.name_words)
                                                 for x in toks[max(lo, j - 4):j])))
                and all(t.cap for t in toks[j + 1:end])):
            j -= 1           # "the embassy in Ottawa said", "Canada's ambassador to China, Jennifer May, said",
            continue         # "the Embassy of Vietnam in Australia said": the place belongs to the phrase
        if low == "on" and end - j > 1 and j > lo and toks[j - 1].text in ON_HEADS and toks[j + 1].cap:
            j -= 1           # "the Joint Committee on Security and Intelligence said"
            continue
        if low == "and" and end - j > 1 and j - 2 > lo and toks[j + 1].cap and _of_name_before(toks, j, lo):
            j -= 1           # "the Department of Health and Human Resources said": one body, not two
            continue
        if (low == "and" and end - j > 1 and j - 2 > lo and toks[j + 1].cap == toks[j - 1].cap
                and singular(toks[j + 1].low) in PORTFOLIO_WORDS and singular(toks[j - 1].low) in PORTFOLIO_WORDS
                and (not toks[j + 1].cap or any(   # "Minister of Economy, Trade and Industry Ozaki
                    singular(x.low) not in PORTFOLIO_WORDS for x in toks[j + 2:end]))):   # Takeshi said"
            j -= 1           # "the minister of mines and energy, Hon. Tjiuai Kaputu-Nangolo, said": one portfolio
            continue
        if (low == "and" and end - j > 1 and j - 2 > lo and toks[j - 1].cap and toks[j + 1].cap
                and toks[j - 2].text == "," and _portfolio_list_comma(toks, j - 2, lo, end)):
            j -= 1           # "The Ministry of Trade, Industry and Energy said": the list's last portfolio
            continue
        if (low == "and" and end - j > 1 and j - 1 > lo and toks[j - 1].cap and all(x.cap for x in toks[j + 1:end])
                and toks[end - 1].low in lex.name_words and end - j <= 4
                and (toks[j - 1].low not in lex.name_words or toks[j + 1].low in lex.name_words)
                and toks[j - 1].low.endswith("s") and not toks[j - 1].low.endswith(("’s", "'s"))):
            j -= 1           # "the Apparel Manufacturers and Exporters Forum said": one body's plural nouns
            continue
        if (low == "and" and 1 < end - j <= 4 and all(x.cap for x in toks[j + 1:end])
                and toks[end - 1].low in lex.name_words and _the_then_words(toks, j, lo)):
            j -= 1           # "the Securities and Exchange Commission said", "the National Film and Video
            continue         # Censors Board": one body after one "the" (two bodies take one each)
        if low in ("do", "da", "das", "dos") and end - j > 1 and j > lo and toks[j - 1].cap and toks[j + 1].cap:
            j -= 1           # "the Mato Grosso do Sul Rural Producers’ Association": a name's particle
            continue
        if (low == "with" and appositive and end - j > 1 and j > lo and _person_head(toks[j - 1].low, lex)
                and _personal_name_between(toks, *appositive)):
            j -= 1           # "A financial analyst with Sterling Heights Research, Mr Kelechi Nwankwo, said"
            continue
        if (low in STOP or low in TIME_WORDS or (not t.cap and low in lex.cues and low not in lex.heads)
                or (low[:1].isdigit() and CLOCK_RE.fullmatch(low))):
            break
        if not t.cap and low.endswith("ed") and singular(low) not in lex.heads:
            break            # "the opposition rejected claims that": a verb, not part of the speaker
        j -= 1
    start = j + 1
    while start < end and (toks[start].low in CONNECTORS or not toks[start].word):
        start += 1
    if start >= end:
        return None
    if start - 2 > lo and (toks[start - 2].low, toks[start - 1].low) in SOURCE_LINKS:
        # "Two people familiar with the matter said": the people, with what they know of
        source = np_before(toks, start - 2, lo)
        if source is not None:
            return source[0], end, appositive
    if start - 1 >= lo and toks[start - 1].low in TELL_FORMS and not toks[end - 1].low in PRONOUNS:
        # "Lyle told the court Whitcombe had shouted": the listener, then the speaker's name
        x = next((x for x in range(end - 1, start, -1) if toks[x].cap and not toks[x - 1].cap), None)
        if x is not None:
            start = x
    if (start - 2 > lo and toks[start - 1].low == "from" and toks[start - 2].text == "," and appositive
            and all(t.cap for t in toks[start:end])):
        # "Abdirahman Warsame Ali, 27, from Somalia, who had been living in a tent, said": where the speaker is
        # from, between the name and what they did
        named = np_before(toks, start - 2, lo)
        if named is not None:
            return named[0], named[1], appositive
    if appositive and all(t.cap for t in toks[appositive[0]:appositive[1]] if t.word):
        # "Dr Simone Ferguson-Bailey, a geographer at the University of the West Indies, Mona, said": a role
        # and then a place set off by commas; the speaker is the name before them, the role its appositive
        c = start - 1
        while c > lo and toks[c].text not in CLAUSE_MARKS:
            c -= 1
        if c > lo and toks[c].text == "," and c + 1 < start and toks[c + 1].low in ("a", "an"):
            named = np_before(toks, c, lo)
            if named is not None and toks[named[0]].cap and named[2] is None:
                return named[0], named[1], (c + 1, end)
    if (start - 3 > lo and toks[start - 1].low == "in" and toks[start - 2].low in BASED_WORDS
            and toks[start - 3].text == "," and all(t.cap for t in toks[start:end])):
        # "SunHarbor, based in Lehi, Utah, said": where the speaker is based, between the name and the verb
        named = np_before(toks, start - 3, lo)
        if named is not None:
            return named[0], named[1], named[2]
    if end - start == 1 and PARTY_STATE_RE.fullmatch(toks[start].text) and start - 1 > lo and toks[start - 1].text == ",":
        # "Sen. Mark Kessler, R-Ohio, who has pushed for tougher controls, called": a lawmaker's party and state
        named = np_before(toks, start - 1, lo)
        if named is not None:
            return named[0], named[1], appositive or named[2]
    if end - start == 1 and toks[start].text.isdigit() and start - 1 > lo and toks[start - 1].text == ",":
        # "Margaret Doyle, 71, who has lived there for years, said": the age is no speaker, the name is
        named = np_before(toks, start - 1, lo)
        if named is not None:
            return named[0], named[1], appositive or named[2]
    return start, end, appositive


def _lower_then_name(toks: list[Tok], i: int, end: int) -> bool:
    """Whether toks[i:end] is one or two lower-case words, then a name to the end ("main opposition Democratic
    Party")."""
    k = i
    while k < end and k - i < 2 and toks[k].word and not toks[k].cap and toks[k].low not in STOP:
        k += 1
    return i < k < end and all(t.cap for t in toks[k:end])


def _now_at(lows: list[str]) -> int:
    """Where the role a person holds now begins in an appositive ("a former Commerce Department lawyer who is now
    a senior fellow at X": "a senior fellow at X"), 0 when it tells of no other."""
    for i in range(2, len(lows) - 1):
        if lows[i] == "now" and lows[i - 1] in ("is", "are") and lows[i - 2] == "who":
            return i + 1
    return 0


def _list_tail(toks: list[Tok], c: int, j: int) -> bool:
    """Whether toks[c + 1:j], after the comma toks[c], ends a list of lower-case words that a lower-case word
    before the comma opens ("community, culture and placemaking")."""
    tail = toks[c + 1:j]
    return (c > 0 and toks[c - 1].word and not toks[c - 1].cap and 2 < len(tail) <= 5
            and all(t.word and not t.cap for t in tail) and tail[-2].low in ("and", "or"))


def _role_description(toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] describes a person by a role ("the director of X", "a lawyer", "director of X"), not a
    name ("Malcolm Treadgold", "the National Guild of Dental Nurses", "school teacher Aminu Danjuma"): lower-case
    words up to the body the role is at, if any."""
    if toks[a].low in DETERMINERS:
        a += 1
    role = list(takewhile(lambda t: t.low not in ROLE_LINKS, toks[a:b]))
    return bool(role) and all(t.word and (not t.cap or (ACRONYM_WORD_RE.fullmatch(t.text)   # "an opposition MP"
                                                        and _person_head(t.low, lexicon()))) for t in role)


def _bare_role_after(toks: list[Tok], i: int, c: int, lex: Lexicon) -> bool:
    """Whether toks[i:c] opens with lower-case modifiers and a person's role, then "of"/"at"/"for"/"with":
    "general manager of Rio Verde WSC", "commercial director at Stocznia Bałtyk"."""
    for k in range(i, min(i + 3, c)):
        t = toks[k]
        if not t.word or t.cap or t.low in STOP or t.low in CONNECTORS:
            return False
        if _person_head(t.low, lex):
            return k + 1 < c and toks[k + 1].low in ("of", "at", "for", "with")
    return False


def _personal_name_between(toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] is a person's name of two words or more, titles aside ("Prof. Ama Serwaa Boateng")."""
    words = [t for t in toks[a:b] if t.word and t.low.rstrip(".") not in PERSON_TITLES]
    return len(words) >= 2 and all(PERSON_WORD_RE.fullmatch(t.text) or t.low in SURNAME_PARTICLES for t in words)


def _person_head(low: str, lex: Lexicon) -> bool:
    """Whether a lower-case word is a person's role ("economist", "analyst", "spokesperson")."""
    return lex.heads.get(_head_key(low), ("", ""))[1] in ("person", "spokesperson")


def _the_then_words(toks: list[Tok], j: int, lo: int) -> bool:
    """Whether one to three capitalized words stand between a "the" and the "and" at toks[j]:
    "the Food and", "The Federal Competition and" (not "Lee and", "the Treasury's and")."""
    x = j - 1
    while x >= lo and j - x <= 3 and toks[x].cap and toks[x].low != "the" and not toks[x].low.endswith(("’s", "'s")):
        x -= 1
    return lo <= x < j - 1 and toks[x].low == "the"


PORTFOLIO_BODIES = frozenset("ministry department office secretariat minister secretary".split())


def _portfolio_list_comma(toks: list[Tok], j: int, lo: int, end: int) -> bool:
    """Whether the comma at toks[j] lists a body's portfolios: capitalized words on both sides, back to an
    "of"/"for" after a ministry's or department's word ("Ministry of Trade, Industry and Energy", "Department
    of Children, Equality, Disability, Integration and Youth"), and the list closing with "and" before the
    phrase ends."""
    if not (lo < j - 2 and j + 1 < end and toks[j - 1].cap and toks[j + 1].cap):
        return False
    of = j - 1
    while of > lo and (toks[of].cap or toks[of].text == ","):
        of -= 1
    return (toks[of].low in ("of", "for") and of > lo and toks[of - 1].cap
            and singular(toks[of - 1].low) in PORTFOLIO_BODIES
            and any(toks[x].low in ("and", "&") for x in range(j + 1, end)))


def _of_name_before(toks: list[Tok], j: int, lo: int) -> bool:
    """Whether the "and" at toks[j] joins two parts of one name built on "of" or "for": capitalized words
    back to an "of"/"for" (or "of the") that follows a capitalized word ("Department of Health and",
    "Union of Small Farmers and", "Ministry of Foreign Affairs and"), not two speakers ("Lee and Fry")."""
    x = j - 1
    while x > lo and toks[x].cap:
        x -= 1
    if x < j - 1 and toks[x].low == "the" and x > lo:
        x -= 1
    return x < j - 1 and x > lo and toks[x - 1].cap and (
        toks[x].low in ("of", "for") or (toks[x].low == "on" and toks[x - 1].text in ON_HEADS))


def _body_of_before(toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    """Whether toks[i:j] ends in a body's name built on "of"/"for" ("Association of Trinidad", "Department
    of Health"): an "and" after it joins the name's parts, not two speakers ("Jo Fry of Acme and Li Wei")."""
    x = j - 1
    while x > i and (toks[x].cap or toks[x].low == "the"):
        x -= 1
    return x < j - 1 and x > i and toks[x].low in ("of", "for") and singular(toks[x - 1].low) in lex.name_words


def np_after(toks: list[Tok], i: int, hi: int) -> tuple[int, int, tuple | None] | None:
    """Token span of the speaker phrase starting at toks[i] ("a spokesperson from X to Reuters" -> up to X)."""
    lex = lexicon()
    j = i
    if j < hi and toks[j].low in PRONOUNS:
        if j + 1 < hi and toks[j + 1].low in AUXILIARIES:
            return None      # "who said it was ...": the reported clause's subject, no speaker
        return j, j + 1, None
    while j < hi and j - i < 12:
        t = toks[j]
        if not t.word:
            # "Hikvision Corp. executive Jane Roe", "Acme Inc. spokesperson Li Wei": the phrase goes on
            # after an abbreviation's period into a name, or a role before one
            if t.text == "." and j > i and toks[j - 1].low in T.ABBREVIATIONS and j + 1 < hi and (
                    toks[j + 1].cap or (toks[j + 1].word and (singular(toks[j + 1].low) in lex.heads
                                                              or _role_word(toks, j + 1)))):
                j += 1
                continue
            break
        low = t.low
        if low in DETERMINERS:
            if j > i and toks[j - 1].low not in CONNECTORS:
                break
            j += 1
            continue
        if low in CONNECTORS:
            if j > i and j + 1 < hi and toks[j + 1].word and (toks[j + 1].cap or toks[j + 1].low in DETERMINERS):
                j += 1
                continue
            break
        if (t.cap and low in NAME_LIKE_WORDS and j > i and toks[j - 1].cap and toks[j - 1].word
                and toks[j - 1].low not in STOP and not (j + 1 < hi and toks[j + 1].low[:1].isdigit())):
            j += 1           # "Elizabeth May", "Theresa May": a surname, not the modal or the month
            continue
        if ((low in SURNAME_PARTICLES or t.text in CONJUNCTION_PARTICLES) and j > i
                and (toks[j - 1].cap or toks[j - 1].low in SURNAME_PARTICLES)
                and j + 1 < hi and (toks[j + 1].cap or toks[j + 1].low in NAME_PARTICLES)):
            j += 1           # "said Ursula von der Leyen": a particle inside the name
            continue
        if j > i and (toks[j - 1].low, low) in SOURCE_LINKS:
            j += 1           # "said people familiar with the matter": what they know of is part of the phrase
            while (j < hi and toks[j].word and toks[j].low not in STOP and j - i < 12
                   and not (not toks[j].cap and toks[j].low in lex.cues and toks[j].low not in lex.heads)):
                j += 1
            break
        if (low == "and" and j > i and j + 1 < hi and toks[j - 1].cap and toks[j + 1].cap
                and singular(toks[j - 1].low) in PORTFOLIO_WORDS and singular(toks[j + 1].low) in PORTFOLIO_WORDS):
            j += 1           # "said Minister of Tourism and Antiquities Sherif Tawfik Mansour": one portfolio
            continue
        if (low == "and" and j > i and j + 1 < hi and toks[j - 1].cap and toks[j + 1].cap
                and _person_head(toks[j - 1].low, lex) and _person_head(toks[j + 1].low, lex)):
            j += 1           # "Co-founder and CEO Yonatan Ben-Ami": two titles of one person
            continue
        if low == "in" and j > i and j + 1 < hi and toks[j - 1].cap and toks[j + 1].cap and _names_mission(toks[i:j]):
            j += 1           # "a statement from the Chinese Embassy in Ottawa": a mission is named with its place
            continue
        if (low == "and" and j > i + 2 and j + 1 < hi and toks[j - 1].cap and toks[j + 1].cap
                and _body_of_before(toks, i, j, lex)):
            j += 1           # "The Law Association of Trinidad and Tobago had urged": one body's name
            continue
        if low in STOP or low in TIME_WORDS or (not t.cap and low in lex.cues and low not in lex.heads):
            break
        if not t.cap and j > i and not AGE_RE.fullmatch(low) and _np_closed(toks, i, j, hi):
            break            # (but "The 54-year-old rejected that claim": an age stands for a person)
        j += 1
    if j == i or all(t.low in DETERMINERS for t in toks[i:j]):
        return None          # nothing, or only "that" (a clause follows, not a speaker)
    appositive = None
    if j < hi and toks[j].text == ",":
        c = j + 1
        while c < hi and toks[c].text not in {",", ".", ";", ":", "“", "”", '"'}:
            c += 1
        first = toks[j + 1] if c > j + 1 else None
        heads = lex.heads
        if first is not None and (first.low in DETERMINERS | {"who", "which"}
                                  or (first.cap and _strip_possessive(first.text) in lex.countries)
                                  or singular(first.low) in heads
                                  or " ".join(singular(t.low) for t in toks[j + 1:j + 3]) in heads
                                  # "Rolando Garza, general manager of X": a bare role after modifiers
                                  or (not first.cap and _bare_role_after(toks, j + 1, c, lex))
                                  # "the Minister of Foreign Affairs, Mélanie Joly": a title, then the name
                                  or (first.cap and any(heads.get(_head_key(t.low), ("", ""))[1]
                                                        in ("person", "spokesperson") for t in toks[i:j]))
                                  # "Daniel Osei, Ontario's Minister of Energy": a place's title
                                  or (first.cap and first.text.endswith(("’s", "'s")) and j + 2 < c
                                      and _head_key(toks[j + 2].low) in heads)):
            appositive = (j + 1, c)
    return i, j, appositive


NOT_ROLE_WORDS = STOP | DETERMINERS | CONNECTORS | frozenset(
    "outside inside near beside behind across around along beyond toward towards upon via per amid alongside "
    "said says told added adds".split())


def _role_word(toks: list[Tok], j: int) -> bool:
    """Whether lower-case toks[j] starts a role between a modifier and a full name: "Conservative critic
    Raquel Dancho", "Ottawa resident Jo Fry", "Liberal party member John Smith" (up to three lower-case
    words, then two capitalized ones; prepositions and cues are not roles)."""
    lex = lexicon()
    m = j
    while m < len(toks) and m - j < 3:
        t = toks[m]
        if not (t.word and not t.cap and t.low not in NOT_ROLE_WORDS
                and (m == j or t.low not in lex.cues or t.low in lex.heads)):
            break
        m += 1
    return (m > j and m + 1 < len(toks) and toks[m].cap and toks[m].word and toks[m + 1].cap
            and toks[m + 1].word and toks[m].low not in STOP)


def _np_closed(toks: list[Tok], i: int, j: int, hi: int) -> bool:
    """Whether a lower-case toks[j] starts something after the phrase toks[i:j] ("... Commission barred").

    The phrase goes on through modifiers only when a head noun follows within three words
    ("the Chinese foreign ministry"); after a name or a head noun, other lower-case words end it.
    """
    heads = lexicon().heads
    if singular(toks[j].low) in heads or toks[j].low.isdigit() or (j + 2 < hi and _role_word(toks, j)):
        return False
    seen = [t for t in toks[i:j] if t.word and t.low not in DETERMINERS]
    if not seen:
        return False
    if any(not t.low.endswith("ly") for t in seen) and (
            (j + 1 < hi and toks[j + 1].low == "by")
            or (toks[j].low.endswith("ed")
                and not any(t.word and singular(t.low) in heads for t in toks[j + 1:min(j + 3, hi)]))):
        # "documents seen by reporters", "the opposition struggled to ...": a participle or a verb after
        # the phrase (not "the newly appointed minister")
        return True
    if not any(t.cap or _head_key(t.low) in heads for t in seen):
        return False  # "a 2023 report": still before the head
    for t in toks[j + 1:min(j + 3, hi)]:
        if not t.word or t.low in STOP or t.low in CONNECTORS:
            break
        if singular(t.low) in heads:
            return False
    return True


AGE_WINDOW = 3000   # characters read back for the name an age was given with


def _named_with_age(art: Article, age: str, position: int) -> Entity | None:
    """The person last given this age before `position`: "Whitiora, 54," or "54-year-old Whitiora", for "the
    54-year-old" when another person has been named since. None if no name was given with it."""
    lo = max(0, position - AGE_WINDOW)
    found = None
    for m in re.finditer(rf"(?P<a>{CAP_RUN_RE.pattern}),\s+{age}\b(?!-)|\b{age}-year-old\s+(?:[a-z]+\s+){{0,3}}"
                         rf"(?P<b>{CAP_RUN_RE.pattern})", art.raw[lo:position]):
        found = m.group("a") or m.group("b")
    if found is None:
        return None
    words = _strip_possessive(found).split()
    while len(words) > 1 and (singular(words[0].lower()) in art.lex.heads or words[0].lower().rstrip(".") in PERSON_TITLES
                              or FAMILY_RE.fullmatch(words[0].lower())):
        words = words[1:]   # "Grazier Peter McAllister, 54,", "Mum-of-three Kelly Strand, 34,": no part of the name
    name = " ".join(words)
    return art.find(name) or art._entity(name, "person")


HEARING_VERBS = frozenset({"heard", "learned", "learnt"})


def _heard_clause(toks: list[Tok], lo: int, k: int) -> int:
    """Where the clause whose subject a participle at toks[k] takes begins: after what a court or a jury
    "heard" ("The court heard that Garside targeted homeowners, telling one couple ...": Garside, who told
    them, not the court, which listened); lo when the sentence has no such verb before the participle."""
    for x in range(lo + 1, k - 1):
        heard = toks[x].low in HEARING_VERBS or (toks[x].low == "told" and toks[x - 1].low in ("was", "were"))
        if heard:
            after = x + 2 if toks[x + 1].low == "that" else x + 1
            return after if after < k and (toks[after].cap or toks[after].low in DETERMINERS) else lo
    return lo


def clause_subject(toks: list[Tok], lo: int, hi: int):
    """The subject of the sentence toks[lo:hi]: skip a wire dateline and an introductory phrase ending in a comma."""
    i = _after_dateline(toks, lo, hi)
    while i < hi and not toks[i].word:
        i += 1
    if i < hi and (toks[i].low in INTRO_OPENERS or toks[i].low in ASKED_OPENERS
                   or (len(toks[i].low) > 5 and toks[i].low.endswith("ing") and toks[i].low not in lexicon().heads)):
        # ... or a participle ("Addressing the court, Delaney apologized", "Speaking to reporters, she said")
        # "Late on Sunday, local leaders ...", "Behind closed doors, lawyers ...": skipped up to a comma
        # close by; without one the words are read as they stand ("Late fees rose")
        reach = 2 * INTRO_OPENER_REACH if toks[i].low in ASKED_OPENERS else INTRO_OPENER_REACH
        c = next((x for x in range(i + 1, min(hi, i + reach)) if toks[x].text == ","), None)
        if c is not None:
            i = c + 1
    elif i < hi and (toks[i].low in INTRO_WORDS or (i + 1 < hi and toks[i + 1].text == ","
                                                   and _sentence_adverb(toks[i].low))):
        c = i
        while c < hi and toks[c].text != ",":
            c += 1
        if c >= hi:
            return None
        i = c + 1
    return np_after(toks, i, hi)


DATELINE_MAX_TOKENS = 14   # "SAN FRANCISCO, Calif., June 28 (Reuters) -": the longest dateline read


def _after_dateline(toks: list[Tok], lo: int, hi: int) -> int:
    """The first token after a wire dateline opening toks[lo:hi] ("PRAGUE (Reuters) —", "OTTAWA, June 28 -"),
    or lo when there is none: the place in capitals is not the sentence's subject."""
    if lo >= hi or not toks[lo].text[:3].isupper():
        return lo
    last = min(hi, lo + DATELINE_MAX_TOKENS)
    head, ends = "", []
    for x in range(lo, last):   # the tokens with the spacing they had (no space inside "(Reuters)")
        head += (" " if x > lo and toks[x].start > toks[x - 1].end else "") + toks[x].text
        ends.append(len(head))
    m = P.WIRE_DATELINE_RE.match(head + " ")
    if m is None:
        return lo
    return next((lo + n for n, end in enumerate(ends) if end >= m.end()), lo)


# Endings of the adverbs that open a sentence before a comma ("Privately,", "Separately,", "Notably,",
# "Reportedly,"), long enough to leave out names that end in -ly ("Joly", "Sally", "Kelly", "Kimberly").
SENTENCE_ADVERB_ENDINGS = ("ately", "ously", "ally", "edly", "ently", "antly", "ably", "ibly", "icly", "ively",
                           "fully", "arly", "ingly")


def _sentence_adverb(low: str) -> bool:
    return len(low) >= 7 and low.endswith(SENTENCE_ADVERB_ENDINGS)


# ---------------------------------------------------------------- resolving a mention to a speaker

class PhraseFacts(NamedTuple):
    """What `resolve` reads from a speaker phrase's own words, before it looks at the article."""
    lows: tuple             # the words in lower case, possessives dropped
    heads: tuple            # head nouns of one word, then of two ("foreign ministry"), then three
    head_kinds: frozenset   # their kinds (person, org, spokesperson, document ...)
    owner_at: int           # the word after "from/for/of/by/at" where a named owner starts, or -1
    caps: tuple             # positions of the capitalized words before the owner (determiners left out)
    title_at: int           # position of the first title of OWNED_TITLES ("president"), or -1
    titled_person: bool     # a person's title (Mr, Dr) among the words


@lru_cache(maxsize=1 << 16)
def phrase_facts(texts: tuple, lex: Lexicon) -> PhraseFacts:
    """`PhraseFacts` of the phrase whose tokens' texts are `texts` (a token's other fields follow from
    its text), remembered: the same phrases recur across an article and a corpus."""
    lows = tuple(_base(t.lower()) for t in texts)
    named_of = next((i for i, h in enumerate(map(singular, lows)) if texts[i][:1].isupper() and h in lex.name_words
                     and lows[i + 1:i + 2] in (("of",), ("for",))), len(lows))
    heads = [h for i, h in enumerate(map(singular, lows)) if h in lex.heads and not (
        i == named_of or (i > named_of and texts[i][:1].isupper() and lex.heads[h][1] in ("spokesperson", "document"))
        # "the Health Service Executive said": a capitalized role word ending a body's name is the name's
        or (i == len(lows) - 1 and i and texts[i][:1].isupper() and texts[i - 1][:1].isupper()
            and singular(lows[i - 1]) in lex.name_words and lex.heads[h][0] != "government"))]
    # (not "The Industry Minister": a government's title after its portfolio)
    # ("Office of the Privacy Commissioner": a name, not an office speaking for someone; "Office of the United
    # States Trade Representative": nor a representative of the United States Trade; "Centre for Strategic Space
    # Studies": nor a study)
    heads += [h for h in (singular(x + " " + y) for x, y in zip(lows, lows[1:])) if h in lex.heads]
    heads += [h for h in (singular(" ".join(w)) for w in zip(lows, lows[1:], lows[2:])) if h in lex.heads]
    head_kinds = frozenset(lex.heads[h][1] for h in heads)
    owner_at = -1
    for i, t in enumerate(texts):
        low = t.lower()
        if low in ("from", "for", "of", "by", "at") and i + 1 < len(texts) and (
                head_kinds & {"document", "spokesperson"} or low in ("from", "by")):
            owner_at = i + 1
            break
    caps = tuple(j for j, t in enumerate(texts[:owner_at - 1] if owner_at >= 0 else texts)
                 if t[0].isupper() and lows[j] not in DETERMINERS)
    title_at = next((i for i, t in enumerate(texts) if _head_key(t.lower()) in OWNED_TITLES), -1)
    titled_person = any(t.lower().rstrip(".") in PERSON_TITLES for t in texts)
    return PhraseFacts(lows, tuple(heads), head_kinds, owner_at, caps, title_at, titled_person)


def resolve(art: Article, toks: list[Tok], span, position: int, cue: str) -> Speaker | None:
    if span is None:
        return None
    a, b, appositive = span
    words = toks[a:b]
    if not words or (len(words) == 1 and PRONOUN_CONTRACTION_RE.fullmatch(words[0].low)):
        return None   # (nor "I’ve told the referee that": a pronoun with its verb, no name)
    if len(words) >= 3 and words[0].low in PART_WORDS and words[1].low == "of":
        return resolve(art, toks, (a + 2, b, appositive), position, cue)   # "one of the people": the people
    if len(words) >= 2 and (words[0].low in NUMBER_WORDS or words[0].text.isdigit()):
        a, words = a + 1, words[1:]   # "Two people familiar with the matter": people familiar with the matter
    lex = art.lex
    s0, s1 = words[0].start, words[-1].end
    texts = tuple(map(_TEXT, words))
    facts = phrase_facts(texts, lex)
    lows = facts.lows
    app_words = toks[appositive[0]:appositive[1]] if appositive else []
    app_words = app_words[_now_at([w.low for w in app_words]):]
    if app_words:
        app_heads = ({_head_key(w.low) for w in app_words}
                     | {singular(f"{x.low} {y.low}") for x, y in zip(app_words, app_words[1:])}
                     | {singular(f"{x.low} {y.low} {z.low}")   # "Chief Operating Officer of X"
                        for x, y, z in zip(app_words, app_words[1:], app_words[2:])}) & lex.heads.keys()
        if any(w.low in STUDY_VERBS for w in app_words[:3]):
            # "..., who studies vulnerability disclosure at X": a researcher (not "a study", a document)
            app_heads = (app_heads - {"study"}) | ({"researcher"} & lex.heads.keys())
        app_country = next((lex.countries[_strip_possessive(w.text)] for w in app_words
                            if _strip_possessive(w.text) in lex.countries), "")
    else:
        app_heads, app_country = set(), ""
    app_org_type = ""
    for i, w in enumerate(app_words):
        if (w.low in CONNECTORS or w.low == "with" or w.low in ORG_VERBS or (
                w.low == "in" and i + 1 < len(app_words) and (app_words[i + 1].cap or app_words[i + 1].low == "the")
                and not any(_strip_possessive(x.text) in lex.countries for x in app_words[i + 1:i + 3]))
                ) and i + 1 < len(app_words):
            # "a lawyer with the X Project", "who chairs the Uist Ferry Users’ Forum", "an assistant director in the
            # FBI’s cyber division" (not "a researcher in Germany"); a descriptor before the name is read past
            # ("manager of rival platform Zipa")
            rest = app_words[i + 1:]
            skip = next((j for j, x in enumerate(rest[:4]) if x.cap), 0)
            if any(x.low in STOP or x.low in CONNECTORS for x in rest[:skip]):
                skip = 0
            org = _name_words(rest[skip:], lex)
            if not org and skip < len(rest) and rest[skip].cap and rest[skip].text != _strip_possessive(rest[skip].text):
                org = [rest[skip]]   # "in the FBI’s cyber division": the body that owns the unit
            if org:
                art.scan_names()   # "Brightwater Energy Inc." earlier names the company the title is of
                org_name = _strip_possessive(" ".join(x.text for x in org))
                org_entity = art.find(org_name) or art._entity(org_name, "")
                app_org_type = art.type_of(org_entity, set(), app_country)
            break
    # A title that is not a government's when an organisation owns it: "Tom Liu, president of Hikvision",
    # "Unifor president Lana Payne" take the organisation's type (unknown if it has none), not government's.
    # (_title_owner_type finds none without an appositive or a title: most phrases, not called for them)
    owner_type = _title_owner_type(art, words, app_words, app_org_type, facts.title_at) if (
        app_words or facts.title_at >= 0) else None
    # "the union’s president, Carla Dunmore", "Its chief executive, Tom Blackwood": the owner's type, whatever
    # the title's own would be
    possessed_type = _possessive_owner_type(art, words, position) if (
        len(words) >= 2 and (words[0].low in ("its", "their") or words[1].low.endswith(("’s", "'s")))) else None
    if possessed_type is None and len(words) >= 3 and "’s" in "".join(facts.lows[:5]).replace("'s", "’s"):
        possessed_type = _named_owner_type(art, words, position)   # "Tessaract’s lead trial lawyer, Harlan Moss"
    if possessed_type is None and len(app_words) >= 3 and (
            app_words[0].low in ("its", "their") or (app_words[0].low == "the" and app_words[1].low.endswith(("’s", "'s")))):
        possessed_type = _possessive_owner_type(art, app_words, position)   # "Marcus Teo, the subsidiary’s president,"

    # An organisation named as the employer whose type is unknown ("commercial director of Stocznia Bałtyk",
    # "Zipa’s country manager"): a corporate role makes it a company, as most organisations named without a
    # word of their type are brands; the roles are read first (most phrases have none), and neither an acronym's
    # ("MTA Chair") nor a name built on "of" or "for" ("the Platform for Digital Equality": a cause's) counts
    corporate_role = bool(
        ({_head_key(w.low) for w in (*words, *app_words)}
         | {singular(f"{x.low} {y.low}") for seq in (words, app_words) for x, y in zip(seq, seq[1:])})
        & CORPORATE_ROLES or any(w.low in CORPORATE_VERBS for w in app_words[:3])) and (
        app_org_type == "unknown" or owner_type == "unknown" or (
            possessed_type is None and _untyped_owner(art, words))) and not any(
        ACRONYM_WORD_RE.fullmatch(_strip_possessive(w.text)) and not (   # (not "Rio Verde WSC": initials end a name)
            k and seq[k - 1].cap and not ACRONYM_WORD_RE.fullmatch(seq[k - 1].text))
        for seq in (words, app_words) for k, w in enumerate(seq)) and not any(
        x.cap and y.low in ("of", "for") and z.cap for x, y, z in zip(app_words, app_words[1:], app_words[2:]))
    lead_heads = None   # the heads before a name its affiliation follows ("economist Fiona Ng, of the X Trust")

    def done(entity, name, stype=None, heads=()):
        if possessed_type is not None:   # the owner named by the possessive beats the title's own type
            stype = possessed_type
            if entity is not None and entity.kind == "person":
                entity.types.append((0, possessed_type))
        if owner_type is not None and stype is None:
            heads = [h for h in heads if h not in OWNED_TITLES]
            if entity is not None:
                entity.heads.update(h for h in heads if h in lex.heads)
                if owner_type != "unknown":
                    entity.types.append((0, owner_type))
            stype = art.type_of(entity, set(heads) | (app_heads - OWNED_TITLES), app_country)
            stype = owner_type if stype == "unknown" or not (set(heads) | app_heads) - OWNED_TITLES else stype
        if entity is not None:
            entity.heads.update(h for h in heads if h in lex.heads)
        if stype is None:
            # "China’s embassy in London", "France’s agriculture ministry": the possessive says whose
            country = app_country or next((lex.countries[_strip_possessive(w.text)] for w in words[:2]
                                           if w.text != _strip_possessive(w.text)
                                           and _strip_possessive(w.text) in lex.countries), "")
            stype = art.type_of(entity, set(heads) | app_heads, country)
            if app_org_type and app_org_type != "unknown" and not any(   # "Infrastructure economist Dr Fiona Ng,
                    lex.heads[h][0] not in ("inherit", "")                   # of the ... Trust": an expert
                    for h in app_heads | {h for h in (heads if lead_heads is None else lead_heads) if h in lex.heads}):
                stype = app_org_type
            if stype == "unknown" and entity is not None and entity.kind not in ("person",) and (
                    "in a statement" in art.raw[s1:s1 + 40] or "spokes" in art.raw[max(0, s0 - 30):s1 + 30]):
                stype = "company"  # "X said in a statement", "a spokesperson for X": an organisation
        if stype == "unknown" and corporate_role:
            stype = "company"
            if entity is not None and entity.kind == "person":
                entity.types.append((0, stype))
        if stype == "unknown" and words and _party_named(art.raw, words, name):
            stype = "government"   # "Conservative public safety critic X", "The Liberal Democrats’ spokesperson, X"
        if stype == "unknown" and entity is None and words and any(
                lex.heads.get(h, ("", ""))[0] == "inherit" for h in heads):
            named = _first_name_word([w.low for w in words if w.cap], lex)
            if named:   # "A Whitehall source": an unnamed person of the body a name word names
                stype = named[1]
        if (stype in ("unknown", "company") or (stype == "advocacy_group" and "advocate" in heads)) and (
                UNINVOLVED_RE.search(" ".join(w.low for w in app_words))):
            stype = "expert"   # "X, a lawyer at Y who is not involved in the case,": an outside expert (so is
            # "Senior advocate X, who was not involved": an advocate is a lawyer in India's and Africa's courts)
        art.history.append((position, entity, name, stype))
        return Speaker(name, stype, entity, s0, s1, cue)

    # pronouns: the most recent compatible speaker, else the most recent compatible name ("according to him":
    # the object form after a frame)
    if len(words) == 1 and (words[0].low in PRONOUNS or (words[0].low in OBJECT_PRONOUNS and any(
            c.form == cue for _, c in lex.frames.get(cue.split(" ", 1)[0], ())))):
        want = PRONOUNS[OBJECT_PRONOUNS.get(words[0].low, words[0].low)]
        if words[0].low == "it":
            # “...,” it read: "it" is a document mentioned just before ("Joly's statement", "the report by X");
            # so is "it said" right after one ("Joly's statement was short. It said ...")
            owner = (_document_before(art, position) if cue in ("read", "reads")
                     else _document_before(art, words[0].start, DOCUMENT_NEAR))
            if owner is not None:
                return done(owner, owner.name)

        if want == "person":
            # "Fisk disagreed. “...,” he said": the person the paragraph has just named, not the last speaker;
            # "Ellingsworth said the devices had default passwords, which he called “...”": the person the
            # sentence itself opens with
            named = (_subject_just_named(art, words[0].start, across=True)
                     or _subject_of_own_sentence(art, words[0].start))
            if named is not None:
                return done(named, named.name)

        def ok(entity, name, stype):
            if entity is None:
                return want != "person"
            if want == "person":   # an earlier speaker of no known kind ("Joly said"): a person or a body
                return entity.kind in ("person", "")
            if want == "org":
                return entity.kind != "person"
            return True
        hit = art.last_speaker(position, ok)
        if hit and cue in REPLY_FORMS and hit[0] is not None:
            # “...,” she replied: a reply answers the last speaker, so it is the one who spoke before them
            other = art.last_speaker(position, lambda e, n, t: ok(e, n, t) and e is not hit[0])
            hit = other or hit
        if hit:
            return done(*hit[:2], hit[2])
        art.scan_names()
        # A name that never spoke: for "he" or "she", only one that could be a person's ("in Toronto" is not)
        fits = art.could_be_person if want == "person" else (lambda e: ok(e, e.name, ""))
        entity = art.recent(position, lambda e: fits(e) and e.kind != "country")
        if entity:
            return done(entity, entity.name)
        return done(None, words[0].text, "unknown")

    heads, head_kinds = facts.heads, facts.head_kinds
    # owner after "from/for/of/by": "a spokesperson from X", "a report from X"
    owner_span = (a + facts.owner_at, b, None) if facts.owner_at >= 0 else None

    app_names = _name_words(app_words, lex) if app_words and "spokesperson" in head_kinds else []
    if app_names and _opens_with_name(app_words, app_names[0]) and "document" not in head_kinds:
        # "Hikvision's lawyer, Ann Lee, said": the person named, speaking with the type of whom they speak for
        owner = _named_owner(art, toks, owner_span, [words[j] for j in facts.caps], position, cue)
        owner_type = None if owner is None else owner[2] or art.type_of(owner[0], set(), "")
        if owner_type in (None, "unknown"):    # "the company's spokesperson, Jo Fry": the type of the head
            by_heads = art.type_of(None, {h for h in heads if lex.heads[h][1] != "spokesperson"}, "")
            owner_type = by_heads if by_heads != "unknown" else owner_type
        name = _strip_possessive(" ".join(w.text for w in app_names)).rstrip(",")
        entity = art.find(name) or art._entity(name, "")
        entity.kind = entity.kind or "person"
        if position not in entity.positions:
            entity.positions.append(position)
            entity.positions.sort()
        s0, s1 = app_names[0].start, app_names[-1].end
        return done(entity, entity.name, owner_type)
    if head_kinds & {"document", "spokesperson"} and not _personal_name(words, lex):
        # the organisation behind a document or an unnamed spokesperson
        owner = _named_owner(art, toks, owner_span, [words[j] for j in facts.caps], position, cue)
        if owner is not None:
            return done(*owner)
        if "document" in head_kinds:
            doc_head = next(h for h in heads if lex.heads[h][1] == "document")
            owner = art.document_owner(doc_head, position)
            if owner is not None:
                return done(owner, owner.name)
            hit = art.last_speaker(position)
            if hit:
                return done(*hit)
        else:
            # "an embassy spokesperson" after "China's embassy in Ottawa said": the speaker named by that head
            org_heads = {h for h in heads if lex.heads[h][1] == "org"}
            hit = org_heads and art.last_speaker(
                position, lambda e, n, t: not org_heads.isdisjoint(map(singular, T.fold(n).split())))
            if hit:
                return done(*hit)
            owner = _head_owner(art, org_heads, position)
            if owner is not None:   # "a company spokesperson" after "Hikvision ... The company, which ...": Hikvision
                return done(owner, owner.name)
            entity = art.recent(position, lambda e: bool(e.heads & {"spokesperson", "spokesman", "spokeswoman"}))
            hit = art.last_speaker(position, lambda e, n, t: e is not None and e.kind != "person")
            if hit:
                return done(*hit)
            if entity:
                return done(entity, entity.name)
            if len(words) == 2 and lows[0] == "the":
                entity = _named_by_head(art, singular(lows[1]), position)
                if entity is not None:
                    return done(entity, entity.name)
        return done(None, _phrase(words, lex), None, heads)

    # "the Pole said", "the 24-year-old Spaniard said": a person called by nationality, as "she said" would be
    if len(words) in (2, 3) and lows[0] == "the" and words[-1].text in DEMONYM_NOUNS and (
            len(words) == 2 or AGE_RE.fullmatch(lows[1])):
        named = (_named_with_age(art, lows[1].split("-", 1)[0], words[0].start) if len(words) == 3 else None) or (
            _subject_just_named(art, words[0].start))
        if named is not None:   # else the nationality stays the speaker: no guess among the people named
            return done(named, named.name)
    # a proper name in the phrase: strip titles and possessive countries
    name_words = _name_words(words, lex, texts)
    if not name_words and app_words and (heads or (len(words) == 2 and lows[0] == "the" and not words[1].cap)):
        # "The Industry Minister, Melanie Joly, said": the name stands in the appositive; so it does after a
        # noun of no known role ("The exchange, Seoul-based CoinHarbor, said")
        app_names = _name_words(app_words, lex)
        while len(app_names) > 1 and OWNED_PREFIX_RE.fullmatch(app_names[0].text):
            app_names = app_names[1:]
        if app_names and _opens_with_name([w for w in app_words if not OWNED_PREFIX_RE.fullmatch(w.text)],
                                          app_names[0]):
            name_words = app_names
            s0, s1 = app_names[0].start, app_names[-1].end
    elif name_words and app_words:
        # "Belgium’s deputy prime minister in charge of the North Sea, Annelies De Smet-Vervoort, called": the
        # name after "of the" belongs to the title; the person is the one named in the appositive
        at = next((i for i, w in enumerate(words) if w is name_words[0]), 0)
        before_the = words[at - 2].low if at >= 2 else (toks[a - 1].low if at == 1 and a > 0 else "")
        # ... and "the head of Profepa, Alejandro Ruiz de la Peña Montes,", "An economist at the University of
        # Ghana, Prof. Ama Boateng,": a role, at the body named, then the person
        first_cap = next((i for i, w in enumerate(words) if w.cap and w.low not in DETERMINERS
                          and not OWNED_PREFIX_RE.fullmatch(w.text)), len(words))   # (not "Lagos-based")
        of_body = any(words[i].low in ("of", "for", "at") and any(_person_head(w.low, lex) for w in words[:i])
                      for i in range(1, at)) or (   # ("The Minister of Emergency Management, Harjit Singh,")
            any(not w.cap and _person_head(w.low, lex) for w in words[:first_cap])
            and any(w.low in ("of", "for", "at", "with") for w in words[:at + 1]))
        if at >= 1 and (words[at - 1].low == "the" and before_the in ("of", "for", "on") or of_body):
            app_names = _name_words(app_words, lex)
            if (app_names and _opens_with_name(app_words, app_names[0]) and len(app_names) >= 2
                    and all(PERSON_WORD_RE.fullmatch(w.text) or w.low in SURNAME_PARTICLES for w in app_names)):
                name_words = app_names
                s0, s1 = app_names[0].start, app_names[-1].end
    lead_country = ""
    while len(name_words) > 1 and OWNED_PREFIX_RE.fullmatch(name_words[0].text):
        name_words = name_words[1:]   # "Chinese-owned Caldor Semiconductor" -> Caldor Semiconductor
    while len(name_words) > 1 and _strip_possessive(name_words[0].text) in lex.countries:
        lead_country = lead_country or lex.countries[_strip_possessive(name_words[0].text)]
        place = _mission_place(name_words)
        if not name_words[0].text.endswith(("’s", "'s")) and (all(
                singular(w.low) in lex.heads or w.low in lex.name_words
                or (w.low in ("of", "for") and 1 < k < len(name_words) - 1)   # "the Chinese Ministry of Commerce"
                or (w.cap and name_words[k - 1].low in ("of", "for") and k > 2)
                for k, w in enumerate(name_words[1:place], 1))
                or (place >= 3 and name_words[place - 1].low in lex.name_words)
                or singular(" ".join(w.low for w in name_words[1:place])) in lex.name_words):   # "Libyan Coast Guard"
            break   # "the Chinese Embassy", "the Chinese Foreign Ministry", "Israel Innovation Authority": the
                    # country is part of the name
        name_words = name_words[1:]
    if name_words:
        name = _strip_possessive(" ".join(w.text for w in name_words).replace(" , ", ", ")).rstrip(",")
        plain = name.rstrip(".")
        if not app_org_type:   # "Jane Roe of the University of Toronto": she speaks with its type
            app_org_type = _owner_after_name(art, words, name_words)
            if app_org_type:   # a role word after the name is the organisation's ("... Climate Justice Alliance")
                lead = [singular(w.low) for w in words if w.end <= name_words[0].start]
                lead_heads = {h for h in lead + [f"{x} {y}" for x, y in zip(lead, lead[1:])] if h in lex.heads}
        if plain in lex.countries:
            entity = art._entity(plain, "country", aliases=False)
            entity.country = lex.countries[plain]
            if not entity.types:
                entity.types.append((0, "government"))
            return done(entity, entity.name, None, heads)
        entity = art.find(name)
        bare = entity is not None and entity.key == fold(name).rstrip(".") and not art._scanned
        if " " not in name and (entity is None or bare):
            # (a bare name read first, as "Treviño, who has spent ...", may stand for a fuller one not yet read:
            # "José Guadalupe Treviño Garza", "Stratus Compute")
            if _fuller_name_in_text(art.raw, name):
                art.scan_names()   # "Mr Okonkwo told the court": the "Jamal Okonkwo" named before, once names are read
                entity = art.find(name)
            entity = entity or art.longer_name(name)   # "Tianrui said": the "Tianrui Networks" named before
        elif entity is None and len(name.split()) == 2:
            longer = art.longer_name(name)   # "Gobi Ridge said": the "Gobi Ridge Coal LLC" named before
            entity = longer if longer is not None and longer.key.startswith(fold(name) + " ") else None
        entity = entity or art._entity(name, "")
        country = lead_country or next((lex.countries[_strip_possessive(w.text)] for w in words
                                        if _strip_possessive(w.text) in lex.countries and w not in name_words), "")
        if country and not entity.country:
            entity.country = country
        if "person" in head_kinds or facts.titled_person:
            entity.kind = entity.kind or "person"
        entity.heads.update(h for h in heads if h in lex.heads)
        entity.heads.update(h for h in app_heads)
        if app_country and not entity.country:
            entity.country = app_country
        if position not in entity.positions:
            entity.positions.append(position)
            entity.positions.sort()
        return done(entity, entity.name, None, heads)

    # "the 19-year-old said", "the 29-year-old singer added": the person the story has just named, as
    # "she said" would be
    aged = len(words) in (2, 3) and lows[0] == "the" and (
        AGE_RE.fullmatch(lows[1]) or FAMILY_RE.fullmatch(lows[1])) is not None and (
        len(words) == 2 or words[2].text.islower() or words[2].text in DEMONYM_NOUNS)
    if aged:
        named = _named_with_age(art, lows[1].split("-", 1)[0], words[0].start) if lows[1][:1].isdigit() else None
        named = named or _subject_just_named(art, words[0].start)
        if named is None:
            art.scan_names()
            named = art.recent(position, lambda e: art.could_be_person(e) and e.kind != "country")
        if named is not None:
            return done(named, named.name)
    # a nominal: "the company", "the minister", "the newspaper" -> an earlier mention with that role
    head = heads[-1] if heads else (singular(lows[-1]) if lows else "")
    if (3 <= len(words) <= 4 and lows[0] == "the" and " ".join(lows[1:]) == head
            and lex.heads[head][1] == "person" and all(w.cap for w in words[1:])):
        # "Michael Castellari rose. “I thank ...,” the Prime Minister began": a title of two words or more,
        # capitalised, names the person the sentence before was about, as "he" would (when none holds it)
        named = None if art.recent(position, lambda e: head in e.heads) else _subject_just_named(art, words[0].start)
        if named is not None:
            named.heads.add(head)
            return done(named, named.name)
    short = len(words) == 2 and lows[0] in ("the", "this", "that")
    if short and head in lex.heads:
        htype, hkind = lex.heads[head]
        fits = (lambda e: e.kind in ("person", "")) if hkind == "person" else (lambda e: e.kind not in ("person", "country"))
        entity = art.recent(position, lambda e: head in e.heads and fits(e))
        if entity is None and hkind != "person":
            entity = _named_by_head(art, head, position)
        if entity is None and htype not in ("inherit", ""):
            art.scan_names()
            entity = art.recent(position, lambda e: fits(e) and art.type_of(e, set(), "") in
                                (htype, "foreign_government" if htype == "government" else htype))
        if entity is not None:
            return done(entity, entity.name)
    if short and head not in lex.heads and head in lex.name_words:   # "the bureau" after "the Competition Bureau"
        entity = _named_by_head(art, head, position)
        if entity is not None:
            return done(entity, entity.name)
    if short:
        # "A senior administration official ... said" and then "the official said"; "people familiar with the
        # matter" and then "one of the people": the same unnamed voice
        for _, e, name, stype in art.history[:-UNNAMED_LOOKBACK - 1:-1]:
            if e is None and name and head in map(singular, name.lower().split()):
                return done(None, name, stype)
    if len(words) == 1 and not heads and (words[0].low in NOT_SPEAKER_WORDS or (
            not words[0].cap and singular(words[0].low) not in lex.heads
            and ((a > 0 and toks[a - 1].low in AUXILIARIES) or not words[0].low.endswith("s")))):
        # "the deal had come “...”", "According to the report": a verb or a preposition, no one (a plural noun
        # may be: "according to documents")
        return None
    country = next((lex.countries[_strip_possessive(w.text)] for w in words if _strip_possessive(w.text) in lex.countries), "")
    stype = art.type_of(None, set(heads) | app_heads, country or app_country)
    return done(None, _phrase(words, lex), stype, heads)


TELL_FORMS = frozenset("told tell tells telling".split())
OWNED_PREFIX_RE = re.compile(r"[A-Z][\w.’'-]*-(?:owned|based|backed|run|controlled|listed|headquartered|registered)")
DATELINE_WEIGHT = 3   # country mentions a wire dateline's place counts for, in choosing the home country
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several many".split())
PART_WORDS = NUMBER_WORDS | {"one", "some", "none", "most", "all", "each", "both"}
# What ties anonymous sources to what they know: "people familiar with the matter", "a source close to the talks".
SOURCE_LINKS = frozenset({("familiar", "with"), ("close", "to"), ("briefed", "on"), ("knowledge", "of")})
UNNAMED_LOOKBACK = 12   # speakers looked back over for the unnamed voice "the official" repeats
AGE_RE = re.compile(r"\d{1,3}-year-old")   # "the 19-year-old": a person named before
AGED_RE = re.compile(r"[a-z\d]+(?:-[a-z]+)?-(?:year|month|week)s?-old")   # "eight-year-old", "31-year-old"
# "mum-of-three Kelly Strand", "the grandad-of-five said": a person described by family, the tabloids' way
FAMILY_RE = re.compile(r"(?:mum|mom|mother|dad|father|parent|grandmother|grandfather|grandparent|gran|grandma|nan|"
                       r"nana|grandad|granddad|grandpa|great-grandmother|great-grandfather)-of-(?:one|two|three|four|"
                       r"five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})")
PARTY_STATE_RE = re.compile(r"[RDI]-[A-Z][a-z]+")   # "R-Ohio", "D-Calif": a U.S. lawmaker's party and state
CLOCK_RE = re.compile(r"\d{1,2}(?:[.:]\d{2})?(?:am|pm)")   # "10am", "15pm" (of "1.15pm"): a time, no speaker

# Cues of a turn in an exchange: "she replied" answers whoever spoke last.
REPLY_FORMS = frozenset("replied replies reply responded responds retorted retorts countered counters "
                        .split())


def _first_name_word(words: list[str], lex: Lexicon) -> tuple[int, str] | None:
    """(table order, speaker type) of the name word among `words` listed first in the table, or None."""
    found = [(lex.name_order[w], lex.name_words[w]) for w in (x.rstrip("’'") for x in words) if w in lex.name_words]
    return min(found) if found else None   # ("Producers’ Association": a plural's apostrophe is no part of it)


@lru_cache(maxsize=4)
def _two_word_firsts(lex: Lexicon) -> frozenset:
    """First words of the two-word name words ("food" of "food bank")."""
    return frozenset(w.split()[0] for w in lex.name_words if " " in w)


def _subject_just_named(art: Article, position: int, across: bool = False) -> Entity | None:
    """The person named as the subject of the sentence before `position` in its paragraph, if no one has
    spoken since ("Striker Kofi Mensah, who scored, was more upbeat. “...,” he said": Mensah). `across`: for
    a pronoun, a quote opening its paragraph looks at the paragraph before (not for "the German", whom the
    paragraph before need not be about)."""
    p = bisect_right(art._para_ends, position)
    if p >= len(art.paragraphs) or art.paragraphs[p][2] > position:
        return None
    para_start = art.paragraphs[p][2]
    # the sentence before the quote the pronoun closes ("... on the risk. “The order book is at a record.
    # Why?” she asked": not the quote's own first sentence); a quote opening its paragraph ("Back in
    # Yirgacheffe, farmer Birhanu Gebre watched ... [new paragraph] “My father planted ...,” he said") looks
    # at the paragraph before
    limit = _quote_open_before(art.raw, para_start, position)
    if across and p > 0 and not art.raw[para_start:limit].strip():
        para_start = art.paragraphs[p - 1][2]
    bounds = art.sentence_bounds or T.sentence_spans(art.raw[para_start:position], para_start)
    # the last sentence of the paragraph that ends before `position` (on a sentence's end mark)
    k = bisect_right(bounds, (limit, limit)) - 1
    while k >= 0 and bounds[k][1] > limit:
        k -= 1
    if k < 0 or bounds[k][0] < para_start or art.raw[bounds[k][0]:bounds[k][1]].rstrip()[-1:] not in ".!?":
        return None
    ss, se = bounds[k]
    last = art.last_speaker(position)
    if last is not None and any(pos >= ss for pos, *_ in art.history[-1:]):
        return None   # someone spoke after that sentence began
    entity = _person_subject(art, ss, se, last)
    if entity is False and k > 0 and bounds[k - 1][0] >= para_start and not (
            last is not None and any(pos >= para_start for pos, *_ in art.history[-1:])):
        # "Kaylee Hostetler, 27, is due in November. Her first was born ... “...,” she said": the person the
        # paragraph opened with, when the sentence between speaks of her and nobody has spoken in the paragraph
        entity = _person_subject(art, *bounds[k - 1], last)
    return entity or None


def _quote_open_before(raw: str, para_start: int, position: int) -> int:
    """Where the quote that closes just before `position` opens (its opening mark), or `position` when the
    text before `position` in the paragraph does not end with a quote."""
    before = raw[para_start:position].rstrip(" ,")
    if not before or before[-1] not in "”\"":
        return position
    if before[-1] == "”":
        at = before.rfind("“")
    else:
        marks = [m.start() for m in re.finditer('"', before)]
        at = marks[-2] if len(marks) >= 2 and len(marks) % 2 == 0 else -1
    return para_start + at if at >= 0 else position


def _opens_with_name(words: list[Tok], first: Tok) -> bool:
    """Whether `first` opens the phrase, titles aside: "Dr. Samuel Okafor-Reyes", "Ms Hart"."""
    for w in words:
        if w is first:
            return True
        if not (w.low.rstrip(".") in PERSON_TITLES or w.text == "."):
            return False
    return False


def _subject_of_own_sentence(art: Article, position: int) -> Entity | None:
    """The person named as the subject of the sentence a pronoun stands in, when the pronoun comes later in it
    (in a clause of its own) and that person has not just spoken."""
    bounds = art.sentence_bounds
    k = bisect_right(bounds, (position, position)) - 1
    if k < 0 or not bounds[k][0] < position < bounds[k][1]:
        return None
    ss = bounds[k][0]
    before = art.raw[ss:position]
    if not any(c in ",;—–" for c in before) or DOUBLE_MARK_RE.search(before) or SINGLE_MARK_RE.search(
            before.replace("’s", "").replace("'s", "")):
        return None   # "Ann Lee and he said": no clause of its own; "“Now I’m ...,” she said": a quote opens it
    entity = _person_subject(art, ss, position, art.last_speaker(position))
    return entity or None


def _person_subject(art: Article, ss: int, se: int, last) -> Entity | None | bool:
    """The person named as the subject of the sentence raw[ss:se]; False when its subject is a pronoun
    or a possessive one ("She ...", "Her first ..."), None when it is anything else."""
    toks = tokenize(art.raw, ss, se)
    span = clause_subject(toks, 0, len(toks))
    if span is not None and span[2] is not None and (
            toks[span[0]].low in POSSESSIVE_PRONOUNS or any(_person_head(t.low, art.lex) for t in toks[span[0]:span[1]])):
        a, b = span[2]
        n = next((x for x in range(a, b) if not (PERSON_WORD_RE.fullmatch(toks[x].text)
                                                  or toks[x].low in SURNAME_PARTICLES)), b)
        if _personal_name_between(toks, a, n):
            span = (a, n, None)   # "Its captain, Sergei Morozov, spoke ...", "Another analyst, Hélène Marchetti
            # of Banque Lemaire, pressed ...": the person the appositive names
    if span is not None and (toks[span[0]].low in PRONOUNS or toks[span[0]].low in POSSESSIVE_PRONOUNS
                             or PRONOUN_CONTRACTION_RE.fullmatch(toks[span[0]].low)):
        return False   # (and "I’ve told the referee": a pronoun with its verb)
    if span is None or not any(t.cap for t in toks[span[0]:span[1]]):
        return None   # (but "61-year-old farmer Birhanu Gebre": a name after lower-case words)
    art.scan_names()   # "Fisk" names the "Owen Fisk" met earlier only once every name is read
    n_history = len(art.history)
    speaker = resolve(art, toks, span, ss, "")
    del art.history[n_history:]   # reading a subject is not hearing a speaker
    entity = speaker.entity if speaker is not None else None
    if entity is None or not art.could_be_person(entity) or (last is not None and last[0] is entity):
        return None
    return entity


def _head_owner(art: Article, org_heads: set, position: int) -> Entity | None:
    """The organisation an unnamed role's head points to ("a company spokesperson": the company), read as
    the nominal "the company" is: the latest organisation with that head, else with the head's type."""
    for head in sorted(org_heads):
        htype = art.lex.heads[head][0]
        entity = art.recent(position, lambda e: head in e.heads and e.kind not in ("person", "country"))
        if entity is None and htype not in ("inherit", ""):
            art.scan_names()
            entity = art.recent(position, lambda e: e.kind not in ("person", "country")
                                and art.type_of(e, set(), "") == htype)
        if entity is not None:
            return entity
    return None


def _owner_after_name(art: Article, words: list[Tok], name_words: list[Tok]) -> str:
    """The type of the organisation named after the name in the phrase ("Jane Roe of the University of
    Toronto", "John Smith at Human Rights Watch"), or "" when there is none or its type is unknown."""
    at = [i for i, w in enumerate(words) if any(w is n for n in name_words)]
    if not at:          # the name stands in an appositive ("The minister, Melanie Joly,")
        return ""
    for i in range(at[-1] + 1, len(words) - 1):
        if words[i].low in ("of", "at", "from", "with"):
            org = _name_words(words[i + 1:], art.lex)
            if not org:
                return ""
            text = " ".join(x.text for x in org)
            found = art.type_of(art.find(text) or art._entity(text, ""), set(), "")
            return "" if found == "unknown" else found
    return ""


# Words of a minister's or secretary's portfolio ("Minister of Public Safety", "Secretary of State"): after a
# title they are part of it, not of the name that follows.
PORTFOLIO_WORDS = frozenset("""
public safety industry finance foreign affair state defence defense health justice innovation science trade
international environment climate change immigration refugee citizenship transport transportation labour labor
energy natural resource agriculture agri-food employment workforce development economic economy treasury home
interior commerce education housing infrastructure community veteran heritage fishery ocean coast guard
indigenous service crown-indigenous relation northern intergovernmental emergency preparedness national revenue
digital government small business tourism women gender equality youth senior sport official language family
children social work procurement border security technology culture art medium communication diversity
inclusion mental addiction rural tax customs war homeland civil aviation power mine water sanitation irrigation
land planning local urban regional public work road highway railway shipping port information broadcasting
petroleum oil gas investment enterprise cooperative forestry forest wildlife
antiquity equipment maritime telecommunication pension welfare solidarity skill training higher research space
electricity primary insular policy manpower sustainability law parliamentary
""".split())
# Words that end a constituency or a legislature named between a member's title and their name ("TD for Dublin Bay
# South Cathal Ó Murchú", "MP for Winnipeg Centre Darlene Yellowquill-Hart", "in the Uttarakhand Assembly Kishore
# Bisht"): the name is what follows the last of them
CONSTITUENCY_ENDS = frozenset("""north south east west central centre center bay valley assembly constituency riding
district county ward council i ii iii iv""".split())
IRISH_NAME_PARTICLES = frozenset({"Ó", "Ní", "Mac", "Nic"})


def _after_seat(texts: list[str]) -> int:
    """Where the name starts in a run of capitalized words after a member's title: past the last word that ends
    a seat ("Dublin Bay South Cathal Ó Murchú" -> 3), when person's name words follow it; else 0."""
    seat = max((k for k, w in enumerate(texts[:-2]) if w.lower() in CONSTITUENCY_ENDS), default=-1)
    if seat >= 0 and all(PERSON_WORD_RE.fullmatch(w) or w.lower() in SURNAME_PARTICLES or w in CONJUNCTION_PARTICLES or w in IRISH_NAME_PARTICLES
                         for w in texts[seat + 1:]):
        return seat + 1
    return 0


def _portfolio_of_country(name: str, lex: Lexicon) -> tuple[int, str] | None:
    """A state's agency named by its field and its country ("Transport Canada", "Health New Zealand", "Fisheries
    and Oceans Canada", "Enterprise Ireland"): government, as a name word would say."""
    words = name.split()
    for n in (3, 2, 1):   # the country's name may be of several words
        country = " ".join(words[-n:])
        if (len(words) > n and lex.countries.get(country) == country   # the country's own name, not a demonym
                and all(singular(w.lower()) in PORTFOLIO_WORDS or w.lower() in ("and", "&") for w in words[:-n])):
            return (len(lex.name_order), "government")
    return None


def _after_portfolio(run: list[Tok], lex: Lexicon) -> int:
    """Where a person's name starts after a portfolio of two words or more that a title set off by a comma
    left behind ("Civil Aviation Badri Narayan Pokharel" of "Minister for Culture, Tourism and Civil Aviation ..."
    -> 2), when person's name words follow; else 0 (a body named for one field keeps its name: "Energy Transfer
    Partners", "Natural Resources Defense Council")."""
    k = 0
    while k < len(run) and (singular(run[k].low) in PORTFOLIO_WORDS or run[k].low in ("and", "&")):
        k += 1
    if k >= 2 and len(run) - k >= 2 and all(PERSON_WORD_RE.fullmatch(w.text) and w.low not in lex.name_words
                                            for w in run[k:]):
        return k
    return 0


# Words that are never a speaker on their own, capitalized or not
NOT_SPEAKER_WORDS = frozenset({"according"})
# Roles that make an employer of unknown type a company (see `resolve`)
# (not for an acronym's: "MTA Chair", "NHS England’s medical director" are public bodies' more often than not)
CORPORATE_ROLES = frozenset({"director", "manager", "owner", "chair", "chairperson", "chairman", "chairwoman",
                             "vice president", "vice-president", "general counsel", "head", "founder", "co-founder"})
# Verbs in an appositive that name the speaker's organisation ("who chairs the X Forum")
ORG_VERBS = frozenset("chairs heads leads runs owns founded co-founded directs manages".split())
# ... of which these say the organisation is a business, when nothing else types it ("who founded Little Wattle")
CORPORATE_VERBS = frozenset("owns founded co-founded manages".split())
# Titles of a government when they stand alone ("President Macron") and of their organisation otherwise.
OWNED_TITLES = frozenset({"president", "vice president", "vice-president", "chair", "chairperson", "chairman",
                          "chairwoman"})


def _owned_by_name(before: list[str], lex: Lexicon) -> bool:
    """Whether the words before a title name the organisation that owns it: "Hikvision president",
    "Hikvision Canada president" (a name that ends in a country), but not "Canada's president" or
    "French president" alone."""
    if not before or not before[-1][:1].isupper():
        return False
    if _strip_possessive(before[-1]) not in lex.countries:
        return True
    return len(before) > 1 and before[-2][:1].isupper() and _strip_possessive(before[-2]) not in lex.countries


def _named_by_head(art: Article, head: str, position: int) -> Entity | None:
    """The organisation last named before `position` whose name opens or ends with `head`: "the office" after
    "the Office of the Privacy Commissioner of Canada", "the ministry" after "the Ministry of Health"."""
    if head[:1].upper() + head[1:] not in art.raw:
        return None    # no name holds the word capitalized: no need to read every name (most "the company")
    art.scan_names()
    return art.recent(position, lambda e: e.kind != "person" and " " in e.key and (
        singular(e.key.split()[0]) == head or singular(e.key.split()[-1]) == head
        or singular(e.key.split(" of ")[0].split()[-1]) == head))   # "the bank": the Central Bank of Nigeria


def _title_owner_type(art: Article, words: list[Tok], app_words: list[Tok], app_org_type: str,
                      title_at: int) -> str | None:
    """The type of the organisation that owns a title in the speaker phrase, or None when no title of
    OWNED_TITLES is owned by a named organisation that is not a country (title_at: the first title's
    position in `words`, -1 for none)."""
    lex = art.lex
    app_titled = any(_head_key(w.low) in OWNED_TITLES for w in app_words)
    if app_titled and app_org_type:
        return app_org_type                      # "Tom Liu, president of Hikvision"
    if title_at < 0:
        return None
    i = title_at
    lead = []
    for w in reversed(words[:i]):                # "Hikvision Canada president": the capitalized words just before
        if not w.cap or w.low in DETERMINERS:
            break
        lead.insert(0, w)
    after = words[i + 1:]                        # "the president of Unifor, Lana Payne"
    if not lead and len(after) > 1 and after[0].low in ("of", "at"):
        lead = _name_words(after[1:], lex)
    names = [w for w in lead if _strip_possessive(w.text) not in lex.countries
             and _head_key(w.low) not in lex.heads and w.low.rstrip(".") not in PERSON_TITLES]
    if not names:
        return None                              # "French President", "U.S. Vice President": a government's
    name = _strip_possessive(" ".join(w.text for w in names))
    art.scan_names()
    org = art.find(name) or art._entity(name, "")
    return art.type_of(org, set(), "")


OPENING_APPOSITIVE_RE = re.compile(r"(?:^|[.!?]\s+)(?:The|A|An)\s+[\w’'-]+(?:\s+[\w’'-]+)?,\s*$")


def _opening_appositive(before: str) -> bool:
    """Whether the text before a name is a sentence's opening "The developer, " (the name is what the head
    says it is), not a phrase that ends at the comma ("Addressing the court, ")."""
    return OPENING_APPOSITIVE_RE.search(before) is not None


def _possessive_owner_type(art: Article, words: list[Tok], position: int) -> str | None:
    """The type of the organisation that owns the person's title in "the union’s president", "the charity’s
    chief executive" (the owner's role word) or "Its general secretary" (the organisation named last), when
    the phrase goes on with a person's title; None otherwise, or when the owner has no known type."""
    lex = art.lex
    k = 0 if words[0].low in ("its", "their") else 1
    title = [w for w in words[k + 1:k + 3] if not w.cap or _head_key(w.low) in lex.heads]
    keys = [_head_key(t.low) for t in title] + [" ".join(_head_key(t.low) for t in title[:2])] if title else []
    if not any(key in lex.heads and lex.heads[key][1] in ("person", "spokesperson") for key in keys):
        return None
    if k == 0:   # (not "Elke Vandermeulen" of "Its spokeswoman, Elke Vandermeulen,": a role names no organisation)
        accept = lambda e: e.kind not in ("person", "country") and e.name[:1].isupper() and bool(
            e.types or any(lex.heads.get(h, ("", ""))[1] not in ("person", "spokesperson") for h in e.heads))
        owner = art.recent(position, accept)
        found = art.type_of(owner, set(), "") if owner is not None else "unknown"
    else:
        head = singular(_strip_possessive(words[1].low))
        if head not in lex.heads or lex.heads[head][1] != "org":
            return None                  # "Joly's spokesperson", "the company's" of a named firm: left to the rules
        found = lex.heads[head][0]
        if found in ("inherit", ""):
            owner = _head_owner(art, {head}, position)
            found = art.type_of(owner, set(), "") if owner is not None else "unknown"
    return None if found == "unknown" else found


def _possessor(words: list[Tok]) -> tuple[int, list[Tok]] | None:
    """(index of the possessive, the owner's words without determiners) of a speaker phrase opening with one
    before more words ("The UK’s chief veterinary officer" -> 1, [UK’s]), or None."""
    i = next((j for j, w in enumerate(words[:4]) if w.low.endswith(("’s", "'s"))), None)
    if i is None or i + 1 >= len(words):
        return None
    owner_words = [w for w in words[:i + 1] if w.low not in DETERMINERS]
    return (i, owner_words) if owner_words else None


def _untyped_owner(art: Article, words: list[Tok]) -> bool:
    """Whether the speaker phrase opens with a possessive naming an organisation of unknown type before a
    title ("Stocznia Bałtyk’s commercial director"): not a country, not a person met before."""
    found = _possessor(words)
    if found is None or not all(w.cap for w in found[1]):
        return False
    owner = _strip_possessive(" ".join(w.text for w in found[1]))
    if owner in art.lex.countries:
        return False
    found = art.find(owner)
    return found is None or found.kind != "person" and not found.types


def _named_owner_type(art: Article, words: list[Tok], position: int) -> str | None:
    """The type of the owner a possessive names before a person's title in a speaker phrase ("Tessaract’s lead
    trial lawyer", "The UK’s chief veterinary officer", "the museum’s director"; see `Article._possessive_owner`);
    None when there is no such owner or its type is unknown."""
    lex = art.lex
    found = _possessor(words)
    if found is None:
        return None
    i, owner_words = found
    after = words[i + 1:i + 5]
    if not any(_head_key(w.low) in lex.heads and lex.heads[_head_key(w.low)][1] in (
            "person", "spokesperson") for w in after if not w.cap or _head_key(w.low) in lex.heads):
        return None                      # no person's title after the possessive: "Canada’s order"
    owner = _strip_possessive(" ".join(w.text for w in owner_words))
    return art._possessive_owner(owner, position, scan=True) or None


def _document_before(art: Article, position: int, window: int | None = None) -> Entity | None:
    """The owner of the document named last in the `window` (DOCUMENT_WINDOW) characters before `position`:
    "Joly’s statement" -> Joly; "the report" -> its author as `Article.document_owner` finds it."""
    lo = max(0, position - (DOCUMENT_WINDOW if window is None else window))
    found = None
    for m in _document_re(art.lex).finditer(art.raw, lo, position):
        found = m
    if found is None:
        return None
    if found.group("owner"):
        run = _run_name(_strip_possessive(found.group("owner")), art.lex)   # "Minister Joly" -> Joly
        if run is not None:
            return art.find(run[4]) or art._entity(run[4], "")
    return art.document_owner(singular(found.group("head").lower()), position)


DOCUMENT_WINDOW = 400
DOCUMENT_NEAR = 80   # "it said" reads a document named this close before "it" (the sentence before)


@lru_cache(maxsize=4)
def _document_re(lex: Lexicon) -> re.Pattern:
    heads = sorted((h for h, (_, kind) in lex.heads.items() if kind == "document"), key=len, reverse=True)
    return re.compile(rf"(?:(?P<owner>{CAP_RUN_RE.pattern})['’]s?\s+(?:[\w-]+\s+)?)?"
                      rf"\b(?P<head>(?i:{'|'.join(map(re.escape, heads))}))s?\b")


def _fuller_name_in_text(raw: str, name: str) -> bool:
    """Whether a capitalized word other than a title stands right before `name` somewhere in the text
    ("Jamal Okonkwo" for "Okonkwo"), or one right after it: a family name first ("Hoshino Kenta"), a given
    name ("Ercilia Quispe Cruz"). Only then is scanning the article's names worth it. (The name is searched
    for first, as plain text, and its neighbours read around each place it stands.)"""
    after = False
    for m in re.finditer(re.escape(name), raw):
        p, e = m.start(), m.end()
        if e < len(raw) and WORD_TAIL_RE.match(raw, e):
            continue   # a longer word ("Okonkwos")
        before = CAP_WORD_BEFORE_RE.search(raw, max(0, p - 40), p)
        if before is not None and before.group(1).lower().rstrip(".") not in PERSON_TITLES:
            return True
        after = after or ((p == 0 or not WORD_TAIL_RE.match(raw, p - 1)) and CAP_WORD_AFTER_RE.match(raw, e) is not None)
    return after


WORD_TAIL_RE = re.compile(r"[\w’'-]")
NAME_JOIN_RE = re.compile(r"[\w-]")
CAP_WORD_BEFORE_RE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w.'’-]*)\s+$")
CAP_WORD_AFTER_RE = re.compile(r"\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]")


def _named_owner(art: Article, toks: list[Tok], owner_span, caps: list[Tok], position: int, cue: str):
    """Whom a spokesperson or document speaks for, when the phrase names it: "a spokesperson for X"
    (entity, name, type as resolved) or "A Hikvision spokesperson", "Joly’s public statement"
    (entity, name, None); None when it names nobody."""
    if owner_span is not None:
        owner = resolve(art, toks, owner_span, position, cue)
        if owner is not None:
            art.history.pop()
            return owner.entity, owner.name, owner.speaker_type
    # role words are no owner, but a capitalized one that names bodies is ("A Home Office spokesperson")
    owner_caps = [w for w in caps if _head_key(w.low) not in art.lex.heads or w.low in art.lex.name_words]
    if owner_caps:
        name = _strip_possessive(" ".join(w.text for w in owner_caps))
        entity = art.find(name) or art._entity(name, "")
        return entity, entity.name, None
    return None


def _personal_name(words: list[Tok], lex: Lexicon) -> bool:
    """True when a capitalized name follows the spokesperson or document head: "spokesman John Smith"."""
    seen_head = False
    for w in words:
        low = _head_key(w.low)
        if low in lex.heads and lex.heads[low][1] in ("spokesperson", "document"):
            seen_head = True
        elif seen_head and w.cap:
            return True
        elif seen_head and w.low in CONNECTORS:
            return False
    return False


# _name_words' answers, as positions in the phrase, by the phrase's words (bounded: cleared when full).
_NAME_WORDS_CACHE: dict = {}
_TEXT = itemgetter(0)  # Tok.text


def _name_words(words: list[Tok], lex: Lexicon, texts: tuple | None = None) -> list[Tok]:
    """`_read_name_words`, remembered by the phrase's words: a token's other fields follow from its text,
    and the same phrases come back again and again ("officials", "industry groups", a name).
    texts: the words' texts when the caller has them already."""
    key = (tuple(map(_TEXT, words)) if texts is None else texts, lex)
    found = _NAME_WORDS_CACHE.get(key)
    if found is None:
        where = {id(w): i for i, w in enumerate(words)}
        found = tuple(where[id(w)] for w in _read_name_words(words, lex))
        if len(_NAME_WORDS_CACHE) >= 1 << 16:
            _NAME_WORDS_CACHE.clear()
        _NAME_WORDS_CACHE[key] = found
    return [words[i] for i in found]


def _names_mission(words: list[Tok]) -> bool:
    """Whether capitalized words name a diplomatic mission: an Embassy, a Consulate or a High Commission."""
    return any(w.cap and (w.low in ("embassy", "consulate") or w.low == "commission" and k and words[k - 1].low == "high")
               for k, w in enumerate(words))


def _mission_place(words: list[Tok]) -> int:
    """Where "in <place>" after a mission's name begins ("the Chinese Embassy in Manila"); len(words) if none."""
    return next((k for k in range(1, len(words) - 1)
                 if words[k].low == "in" and words[k - 1].cap and _names_mission(words[:k])), len(words))


def _read_name_words(words: list[Tok], lex: Lexicon) -> list[Tok]:
    """The speaker's name inside a phrase, titles and possessive countries dropped.

    "Canada’s Industry Minister Melanie Joly" -> Melanie Joly; "analyst Sarah Kim of Brightline Research"
    -> Sarah Kim; "Professor Alan Brooks of the University of Leeds" -> Alan Brooks;
    "the Ministry of Foreign Affairs" -> Ministry of Foreign Affairs; "China's embassy in Ottawa" -> none
    (a name after "in" following a common noun is where the speaker is, not who).
    """
    runs, run, titled = [], [], False
    for i, w in enumerate(words):
        low = singular(w.low.rstrip("."))
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (w.cap and not run and i >= 2 and words[i - 1].low in ("in", "to") and not words[i - 2].cap
                and _head_key(words[i - 2].low) in lex.heads):
            break  # "the embassy in Ottawa", "officials in Beijing", "ambassador to China": a place
        if ((len(run) >= 2 and w.text.rstrip(".") in POST_NOMINALS or run and nxt is None and w.text in JUDGE_LETTERS)
                and not (nxt is not None and nxt.cap)):
            continue  # "Ann Lee MP": letters after a name, not a title before the next one ("Winnipeg Centre MP
            # Darlene Yellowquill-Hart")
        if w.cap and (AGED_RE.fullmatch(w.low) or FAMILY_RE.fullmatch(w.low)):
            run, titled = [], True   # "Eight-year-old Priya Nandakumar": an age, then the name
            continue
        if w.cap and (low in lex.heads and lex.heads[low][1] in ("person", "spokesperson") or low in PERSON_TITLES
                      or _hyphen_title(low, lex)
                      or (i and words[i - 1].cap and (_title_bigram(f"{words[i - 1].low} {low}", lex) or (
                          low == "general" and titled and not run)))) and not (
                run and (low != w.low.rstrip(".") or any(x.text == "the" for x in run)
                         or (nxt is None and (low in SURNAME_TITLES or low in lex.name_words
                                              or (singular(run[-1].low) in lex.name_words
                                                  and lex.heads.get(low, ("",))[0] != "government"))))) and not (
                    nxt is not None and (nxt.cap and nxt.low in lex.name_words   # "Climate Justice Alliance"
                                         or nxt.low == "of" and low in lex.name_words)):  # "Office of Foreign ..."
            # "Union of Small Farmers", "Office of the Privacy Commissioner": a plural, or a title after "of the",
            # is part of the name; so is a title that is also a surname or a body's name word ending the phrase
            # ("Julie Bishop", "the Met Office")
            run, titled = [], True  # a title: what came before it was more title ("Attorney General")
            continue
        if not w.cap and (low in lex.heads and lex.heads[low][1] in ("person", "spokesperson")
                          or f"{words[i - 1].low} {low}" in lex.heads and i):
            titled = True
            if run:
                runs.append(run)
            runs, run = [], []  # "Keller chief executive Ruth Adler": the name after the title
            continue
        if w.cap and w.low.endswith(("’s", "'s")) and w is not words[-1]:
            run = []
            continue
        if w.cap:
            run.append(w)
        elif run and (w.low in ("of", "for", "and") or w.low in SURNAME_PARTICLES or w.text in CONJUNCTION_PARTICLES
                      ) and nxt is not None and (nxt.cap or (
                (w.low in ("of", "for") and nxt.low == "the"
                 or w.low in ("van", "von", "de") and nxt.low in NAME_PARTICLES)
                and i + 2 < len(words) and words[i + 2].cap)):
            if w.low in ("of", "for") and not any(x.low in lex.name_words for x in run) and (
                    titled or _affiliation_after(run, words[i + 1:], lex)):
                runs.append(run)  # "Sarah Kim of Brightline Research": the rest is an affiliation
                run = []
                continue
            run.append(w)
        elif (run and titled and w.low in ("of", "for") and nxt is not None and nxt.low == "the"
              and not any(x.low in lex.name_words for x in run) and _lower_then_name(words, i + 2, len(words))):
            runs.append(run)  # "Rep. Han Do-yoon of the main opposition Democratic Party": the rest is an
            break             # affiliation, whose role words ("opposition") name no one else
        elif (run and w.low == "in" and run[-1] is words[i - 1] and nxt is not None and nxt.cap
              and _names_mission(run)):
            run.append(w)     # "the Chinese Embassy in Manila", "the Embassy of Vietnam in Australia": a mission
            # is named with where it is
        elif run and (w.low == "the" or w.low in NAME_PARTICLES or (w.low == "on" and run[-1].text in ON_HEADS)) and (
                run[-1] is words[i - 1] and nxt is not None and nxt.cap):
            run.append(w)     # "Office of the Privacy Commissioner", "Marieke van der Heijden-Bos": inside a name
        elif run and w.text == "." and run[-1].low in T.ABBREVIATIONS:
            continue
        elif (run and w.text == "," and nxt is not None and nxt.cap and run[-1].cap
              and any(x.low in ("of", "for") and k and singular(run[k - 1].low) in PORTFOLIO_BODIES
                      for k, x in enumerate(run))
              and any(x.low in ("and", "&") for x in words[i + 1:])):
            run.append(w)     # "Ministry of Trade, Industry and Energy": a list of the body's portfolios
        elif (run or runs) and _role_word(words, i):
            runs, run = [], []  # "Conservative critic Raquel Dancho", "Ottawa resident Jo Fry": the name after
            continue
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    for run in runs:
        while run and (run[0].low in DETERMINERS or run[0].low in ("of", "for", "and")):
            run = run[1:]
        if run and all(OWNED_PREFIX_RE.fullmatch(w.text) for w in run) and run is not runs[-1]:
            continue   # "a spokeswoman for Stuttgart-based heat pump maker Thermora": who owns or hosts it
        while titled and run and (singular(run[0].low) in PORTFOLIO_WORDS or run[0].low in ("and", "&")
                                  or _strip_possessive(run[0].text) in lex.countries
                                  or (len(run) > 2 and ACRONYM_WORD_RE.fullmatch(run[0].text) and "." not in run[0].text)
                                  or (len(run) > 2 and run[0].low in lex.name_words)):   # "... of Police Harjeet Singh"
            run = run[1:]               # "Minister of Public Safety Dominic LeBlanc": the portfolio, then the name
        if titled:
            run = run[_after_seat([w.text for w in run]):]   # "TD for Dublin Bay South Cathal Ó Murchú"
        else:
            run = run[_after_portfolio(run, lex):]   # "(Minister for Culture,) Tourism and Civil Aviation Badri Pokharel"
        if not run:
            continue
        if all(_strip_possessive(w.text) in lex.countries for w in run) and len(words) > len(run):
            continue  # "the Canadian government": a demonym, not the name
        if all(singular(w.low) in lex.heads or w.low in STOP or w.low in DETERMINERS for w in run):
            continue  # "The Government", "The Company" at a sentence start
        return run
    return []


def _hyphen_title(low: str, lex: Lexicon) -> bool:
    """Whether a hyphenated word is a person's title made of titles: "director-general", "secretary-general",
    "editor-in-chief" (its parts person titles, "general", "chief" or "in")."""
    if "-" not in low:
        return False
    parts = low.split("-")
    return any(p in lex.heads and lex.heads[p][1] in ("person", "spokesperson") for p in parts) and all(
        p in ("general", "chief", "in") or p in lex.heads and lex.heads[p][1] in ("person", "spokesperson")
        for p in parts)


def _title_bigram(words: str, lex: Lexicon) -> bool:
    """Whether two words are a person's title in the lexicon ("attorney general", "chief executive")."""
    return words in lex.heads and lex.heads[words][1] in ("person", "spokesperson")


def _affiliation_after(run: list[Tok], rest: list[Tok], lex: Lexicon) -> bool:
    """Whether "of"/"for" + `rest` names the organisation of a person named by `run`, with no title to say
    so: two or more name words, none a role, and an organisation's name word in the capitalized words that
    follow ("John Smith of Human Rights Watch"; not "Bank of Canada" or "National Bureau of Statistics")."""
    if len(run) < 2 or any(singular(x.low) in lex.heads for x in run):
        return False
    for x in rest:
        if not (x.cap or x.low in ("of", "for", "and", "the")):
            return False
        if x.low in lex.name_words:
            return True
    # "Rachel Dominguez-Hart of Toledo, Ohio,", "Tomasz Wiśniewski of Northgate Employment Law": a home town or
    # a firm named to the phrase's end; no part of a person's name of plain words ("Royal Bank of Canada" has a
    # body's word, "United States of America" is a country)
    return (bool(rest) and all(x.cap for x in rest) and (len(rest) == 1 or rest[-1].low in FIRM_WORDS)
            and not any(x.low in lex.name_words for x in run)
            and " ".join(x.text for x in run if x.low not in DETERMINERS) not in lex.countries)


# The last word of a firm's name that says what it does: "Northgate Employment Law", "Baines & Partners"
FIRM_WORDS = frozenset("law partners associates llp chambers consulting consultants advisory capital research analytics "
                       "economics strategies strategy".split())


UNNAMED_WORDS = frozenset("unnamed anonymous unidentified".split())
# Parties whose members are named by them: politicians, typed as government (in power or not)
PARTY_WORDS = frozenset("""Conservative Conservatives Tory Tories Labour Liberal Liberals Democrat Democrats
Democratic Republican Republicans NDP SNP Greens Plaid""".split())
PARTY_BEFORE_RE = re.compile(r"(?:^|[\s(])(?:The\s+|the\s+)?(?:" + "|".join(sorted(PARTY_WORDS)) + r")[’']?(?:\s+[A-Z][\w-]*)?[’']?\s*$")


def _party_named(raw: str, words: list[Tok], name: str) -> bool:
    """Whether a party names the speaker's side, in the phrase or just before it (outside the name itself):
    "Conservative public safety critic X", "The Liberal Democrats’ home affairs spokesperson, X"."""
    if any(_strip_possessive(w.text).rstrip("’'") in PARTY_WORDS and w.text not in name.split() for w in words):
        return True
    return PARTY_BEFORE_RE.search(raw, max(0, words[0].start - 40), words[0].start) is not None


UNINVOLVED_RE = re.compile(r"\b(?:not|n’t|n't|never)\s+(?:been\s+|directly\s+)*involved\s+(?:in|with)\b")


def _phrase(words: list[Tok], lex: Lexicon) -> str:
    """A descriptive phrase as a speaker name: determiner dropped ("The Chinese foreign ministry" -> Chinese foreign ministry)."""
    parts = [w.text for w in words]
    while len(parts) > 1 and (parts[0].lower() in DETERMINERS or parts[0].lower() in UNNAMED_WORDS or (
            parts[0] != _strip_possessive(parts[0]) and _strip_possessive(parts[0]) in lex.countries)):
        parts.pop(0)   # "an unnamed cabinet minister" -> cabinet minister; "China’s commerce ministry" -> commerce
        # ministry, as hand-labelled copy names it (the country types it: foreign or not)
    return " ".join(parts).strip() or " ".join(w.text for w in words)


# ---------------------------------------------------------------- cue search

@lru_cache(maxsize=4)
def _cue_words(lex: Lexicon) -> frozenset:
    """The lower-case words a cue can start with: verb forms and the first words of frames."""
    return frozenset(lex.cues) | frozenset(lex.frames)


def find_cue(toks: list[Tok], lo: int, hi: int, lex: Lexicon, last: bool = False, after_quote: bool = False,
             after_comma: bool = False):
    """(token index, Cue, n_tokens) of the first (or last) cue in toks[lo:hi], skipping passives; `after_quote`:
    toks[lo] follows a quote's close, so that the cues read only there ("“...,” the Prime Minister began") count;
    `after_comma`: the quote ended in a comma, as one a reaction verb attributes does ("“...,” he laughed")."""
    found = None
    cues, frames = lex.cues, lex.frames
    may_start = _cue_words(lex)
    for k in range(lo, hi):
        t = toks[k]
        if t.low not in may_start or not t.word:   # most words start no cue: one set lookup
            continue
        cue = cues.get(t.low)
        n = 1
        if cue is None:
            if t.low not in frames:
                continue
            for words, frame in frames[t.low]:
                if tuple(x.low for x in toks[k:k + len(words)]) == words:
                    cue, n = frame, len(words)
                    break
            if cue is None:
                continue
        if cue.kind == "verb" and t.cap and k > lo:
            continue  # "the United States", "Said Business School": names, not verbs
        if t.low in AFTER_QUOTE_CUES and not (after_quote and k - lo <= AFTER_QUOTE_REACH
                                              and (after_comma or t.low not in REACTION_CUES)):
            continue  # "the hearing began", "talks continued": no speech unless right after a quote
        if (cue.kind == "verb" and k > lo and toks[k - 1].low in ("was", "were", "is", "are", "be", "been", "being")
                and not (toks[k - 1].cap and k - 1 > lo and toks[k - 2].cap)):
            continue   # a passive (not "Dr Naomi Achieng Were said": a name that is an auxiliary's word)
        if cue.kind == "verb" and k > lo and toks[k - 1].low in ("the", "a", "an", "this", "its", "his", "her", "their",
                                                                  "our", "your", "my", "these", "those"):
            continue  # "the report", "a statement", "their claims": nouns
        if (cue.kind == "verb" and k > lo and t.low in NOUN_LIKE_CUES and toks[k - 1].word
                and toks[k - 1].low.endswith(("’s", "'s", "s’", "s'"))):
            continue  # "the union’s claims were “simply untrue”": a noun after a possessive
        if (cue.kind == "verb" and k >= 2 and t.low in NOUN_LIKE_CUES and toks[k - 1].low in NOUN_ADJECTIVES
                and toks[k - 2].low in ("the", "a", "an", "this", "its", "his", "her", "their")):
            continue  # "struck a similar note", "in a separate statement", "the latest report": nouns
        if (cue.kind == "verb" and k >= lo + 3 and t.low in NOUN_LIKE_CUES and toks[k - 1].word and not toks[k - 1].cap
                and toks[k - 2].low in ("a", "an", "the", "its", "his", "her", "their")
                and toks[k - 3].low in NOUN_PREPOSITIONS):
            continue  # "told investors on an earnings call", "in a phone call": a noun after a preposition's object
        if (cue.kind == "verb" and k >= lo + 2 and t.low in NOUN_LIKE_CUES and toks[k - 1].cap
                and toks[k - 2].low in ("a", "an")):
            continue  # "in a Facebook post", "an Instagram post": a name's noun
        if t.low in NOUN_FIRST_CUES and not (k > 0 and toks[k - 1].text in CUE_AFTER_QUOTE) and (not (
                k + 1 < len(toks) and toks[k + 1].low in CUE_BEFORE_SPEECH) or (
                k >= lo + 2 and toks[k - 1].word and not toks[k - 1].cap and toks[k - 2].low in ("a", "an", "the")
                and toks[k + 1].low not in ("that", ":"))):
            continue  # "the Chinese state", "state media": a noun unless it opens what was said or follows a quote
            # (and "give a foreign state “influence”": a noun after an article and its adjective)
        found = (k, cue, n)
        if not last:
            return found
    return found


# Cue forms that are nouns far more often than verbs ("state media", "the Chinese state"): read as a cue
# only right after a quote ("“...,” states the report") or before what was said ("the rules state that").
NOUN_FIRST_CUES = frozenset({"state", "states"})
NOUN_PREPOSITIONS = frozenset("on in during at via through with after before from over".split())
# Cue words that are nouns too, and adjectives that make them nouns after an article ("a similar note",
# "the latest report"; "the official said" stays a verb: "said" is no noun).
NOUN_LIKE_CUES = frozenset("""note notes report reports comment comments claim claims warning warnings call calls
answer answers reply replies state states post posts""".split())
NOUN_ADJECTIVES = frozenset("""similar final separate brief short written official new latest full detailed
internal joint special sombre somber cautionary positive different personal handwritten recent annual quarterly
previous earlier sharp strong stark rare public private formal lengthy emotional defiant""".split())
CUE_AFTER_QUOTE = frozenset({",", "”", '"', "»", "—", "–"})
# Cue forms that tell of speech only right after a quote ("“I thank the Leader ...,” the Prime Minister began",
# "“Ask my wife,” he laughed"), within this many words of it
# ... and, for a reaction, only after a quote its comma leaves open ("“Ask my wife,” he laughed"; not "One
# reporter asked, “Is this your answer?” Mehmood smiled.")
REACTION_CUES = frozenset("laughs laughed sighs sighed chuckles chuckled smiles smiled shrugs shrugged cries cried".split())
AFTER_QUOTE_CUES = frozenset("began begins continued continues reflects reflected".split()) | REACTION_CUES
AFTER_QUOTE_REACH = 4
CUE_BEFORE_SPEECH = frozenset({"that", ":", "“", '"', "«"})


def attribute_cue(art: Article, toks, k: int, cue: Cue, n: int, lo: int, hi: int, position: int,
                  sentence_lo: int | None = None) -> Speaker | None:
    """The speaker of cue toks[k] inside the clause toks[lo:hi]. A participle or a cue after "and" takes
    the subject of the sentence, which starts at toks[sentence_lo] (lo unless given): the clause may
    start after an earlier quote ("X accused Y of “...” and said it would ...": X)."""
    subject_lo = lo if sentence_lo is None else sentence_lo
    if cue.kind == "frame":
        return resolve(art, toks, np_after(toks, k + n, hi), position, cue.form)
    if cue.participle and k - 2 >= lo and toks[k - 1].low == "as":
        # "The newspaper quoted a senior official as saying ...": the one quoted, not the one quoting
        q = next((x for x in range(k - 2, lo - 1, -1) if toks[x].low in QUOTING_VERBS), None)
        if q is not None and q + 1 < k - 1:
            span = np_after(toks, q + 1, k - 1)
            if span is not None:
                return resolve(art, toks, span, position, cue.form)
    if cue.participle:
        subject_lo = _heard_clause(toks, subject_lo, k)
        return resolve(art, toks, _name_then_verb(toks, clause_subject(toks, subject_lo, k), art.lex), position, cue.form)
    span = np_before(toks, k, lo)
    j = k - 1
    while j >= lo and toks[j].low in SKIP_BEFORE_CUE:
        j -= 1
    if span is None and j > lo and toks[j].text in PARENTHETICAL_CLOSE:
        # "Hikvision — which denies the allegations — said": the subject stands before the aside
        opener = PARENTHETICAL_CLOSE[toks[j].text]
        c = next((x for x in range(j - 1, lo - 1, -1) if toks[x].text == opener), None)
        if c is not None and c > lo:
            span = np_before(toks, c, lo)
    if span is None and j >= lo and toks[j].low in ("and", "but", "or"):
        # "X denied it and warned that ...": X, not what follows the cue
        span = _name_then_verb(toks, clause_subject(toks, subject_lo, j), art.lex)
    if span is None and cue.inverted:
        span = np_after(toks, k + 1, hi)
        if (span is not None and span[1] < hi and toks[span[1]].low in AUXILIARIES
                and not (span[1] - span[0] == 1 and toks[span[0]].low in PRONOUNS)):
            span = None      # "said the ruling was ...": the subject of what was said, not a speaker
                             # ("says it will": "it" is the speaker itself, resolved as a pronoun)
    if span is None:
        span = clause_subject(toks, lo, k)
    return resolve(art, toks, span, position, cue.form)


QUOTING_VERBS = frozenset("quoted quotes quoting cited cites citing".split())
ASIDE_DASHES = ("—", "–")
AUXILIARIES = frozenset("is was are were be been has had have will would could should can may might must did "
                        "does do".split())
# The closing mark of an aside between a subject and its cue, and the mark that opens it.
PARENTHETICAL_CLOSE = {"—": "—", "–": "–", ")": "("}


def _name_then_verb(toks: list[Tok], span, lex: Lexicon):
    """A sentence subject cut where a name meets a lower-case word: "Joly met officials" -> Joly (the
    subject of a clause read far from its verb). "The company", "Hikvision's communications director"
    and "the Chinese foreign ministry" stay whole."""
    if span is None:
        return None
    a, b, appositive = span
    for x in range(a + 1, b):
        before = toks[x - 1]
        if (toks[x].word and not toks[x].cap and before.cap and before.low not in DETERMINERS
                and toks[x].low not in STOP and toks[x].low not in CONNECTORS
                and not before.low.endswith(("'s", "’s")) and _strip_possessive(before.text) not in lex.countries
                and _head_key(toks[x].low) not in lex.heads and _head_key(before.low) not in lex.heads):
            return a, x, None
    return span


# ---------------------------------------------------------------- one article

def _sentence_index(bound_starts: list[int], pos: int) -> int:
    i = bisect_right(bound_starts, pos) - 1
    return max(i, 0)


def extract_article(article_id: str, raw: str, paragraphs: list[tuple], sentences: list[tuple],
                    lex: Lexicon | None = None) -> tuple[list[Piece], list[tuple], list[str], Article]:
    """Quotes, speech rows and problems of one article.

    paragraphs: (paragraph, line, start, end, role) in text order; sentences: (sentence, paragraph, start, end, role).
    """
    lex = lex or lexicon()
    art = Article(article_id, raw, paragraphs, lex)
    art.sentence_bounds = sorted((s, e) for _, _, s, e, _ in sentences)
    problems: list[str] = []
    # single quotes count as quotes in the body: every kind in copy that never uses double marks, else curly pairs
    body_text_has_double = any(DOUBLE_MARK_RE.search(raw, s, e) for _, _, s, e, role in paragraphs if role != "headline")
    single_body = not body_text_has_double
    by_para: dict[int, list[tuple]] = {}
    for row in sentences:
        by_para.setdefault(row[1], []).append(row)

    # 1. quoted runs per paragraph
    pieces_by_para: list[list[Piece]] = []
    for p_index, (pid, line, s, e, role) in enumerate(paragraphs):
        spans, found = scan_double(raw, s, e)
        for message in found:
            problems.append(f"paragraph {pid} (line {line}): {message}")
        if role in ("headline", "subhead") or (single_body and not spans):
            spans += scan_single(raw, s, e)
            spans.sort()
        elif raw.find("\u2018", s, e) >= 0:  # only curly ‘...’ pairs are read here: no ‘, no pair
            spans = _with_curly_singles(raw, spans, scan_single(raw, s, e), e)
        pieces = []
        for o, c in spans:
            a, b = _trim(raw, o + 1, c if c is not None else e)
            if b <= a:
                continue
            pieces.append(Piece(pid, line, o, c, a, b))
        pieces_by_para.append(pieces)
    # 2. multi-paragraph chains; unclosed quotes end at the paragraph boundary
    for p_index, pieces in enumerate(pieces_by_para):
        if not pieces or pieces[-1].close is not None:
            continue
        pid, line, s, e, _ = paragraphs[p_index]
        nxt = pieces_by_para[p_index + 1] if p_index + 1 < len(pieces_by_para) else []
        if nxt and raw[paragraphs[p_index + 1][2]:nxt[0].open].strip() == "":
            pieces[-1].cont_next = True
            nxt[0].cont_prev = True
        else:
            problems.append(f"paragraph {pid} (line {line}): unclosed quote mark")

    # 3. attribution, in text order
    speech: list[tuple] = []
    quoted_sentences: dict[int, Speaker | None] = {}
    prev_para_speaker = None
    for p_index, (pid, line, s, e, role) in enumerate(paragraphs):
        pieces = pieces_by_para[p_index]
        para_speech_from = len(speech)
        sents = by_para.get(pid) or [(None, pid, s, e, role)]
        para_speaker = None
        if not pieces:
            for sid, _, ss, se, srole in sents:
                if sid is None or not _may_report(raw, ss, se, lex):
                    continue
                toks, starts = tokenize_with_starts(raw, ss, se)
                hit = _indirect(art, toks, starts, [False] * len(toks), ss, se, lex)
                if hit is not None:
                    speech.append((article_id, sid, ss, se, hit.name, hit.speaker_type, "indirect"))
                    para_speaker = para_speaker if para_speaker is not None else hit
        else:
            outside = _tokens_outside_quotes(raw, s, e, pieces)
            toks, starts = outside or tokenize_with_starts(_without_nickname_marks(raw, s, pieces), s, e)
            inside = _inside_mask(toks, pieces, starts)
            bounds = [(x[2], x[3]) for x in sents]
            bound_starts = [x[2] for x in sents]
            # In text order: a sentence of reported speech before a quote names who "he" or "she" is
            # ("X said ... . “...,” he said"), so it is read before the quotes after it.
            reported: dict = {}
            qi = 0
            for sid, _, ss, se, _ in sents:
                while qi < len(pieces) and pieces[qi].open < ss:
                    _attribute_piece(art, pieces[qi], qi, pieces, toks, starts, inside, bounds, bound_starts,
                                     raw, s, e, lex)
                    qi += 1
                if qi == len(pieces):
                    break
                if sid is not None and not any(q.open < se and q.end > ss for q in pieces):
                    reported[sid] = _indirect(art, toks, starts, inside, ss, se, lex)
            for qi in range(qi, len(pieces)):
                _attribute_piece(art, pieces[qi], qi, pieces, toks, starts, inside, bounds, bound_starts, raw, s, e, lex)
            # continuation of split quotes: a quote without its own cue takes its neighbour's speaker
            for qi, piece in enumerate(pieces):
                if piece.speaker or piece.kind == "term":
                    continue
                for other in pieces[qi - 1::-1] if qi else []:
                    if other.speaker and other.kind != "term":
                        _copy(piece, other)
                        break
                else:
                    for other in pieces[qi + 1:]:
                        if other.speaker and other.kind != "term":
                            _copy(piece, other)
                            break
            for piece in pieces:
                if not piece.speaker and piece.kind == "direct" and not piece.cont_prev:
                    _after_named_sentence(art, piece, sents, reported, raw)
            spoken = [q for q in pieces if q.speaker and q.kind != "term"]
            if spoken:
                para_speaker = spoken[-1]
            # sentences: direct (holding a non-term quote) or indirect (a reported-speech cue)
            spoken_pieces = [q for q in pieces if q.kind != "term"]
            reach = _running_max([q.end for q in spoken_pieces])
            for sent in sents:
                sid, _, ss, se, srole = sent
                if sid is None:
                    continue
                holding = []
                for q in spoken_pieces[bisect_right(reach, ss):]:
                    if q.start >= se:
                        break
                    if q.end > ss:
                        holding.append(q)
                if holding:
                    q = next((x for x in holding if x.speaker), holding[0])
                    speech.append((article_id, sid, ss, se, q.speaker, q.speaker_type if q.speaker else "unknown", "direct"))
                    continue
                if sid in reported:
                    hit = reported[sid]
                elif outside and any(q.open < se and q.close > ss for q in pieces):
                    # a sentence around a term ("the so-called “reform” ...") is read with the words inside it
                    full = tokenize_with_starts(raw, s, e)
                    hit = _indirect(art, *full, _inside_mask(full[0], pieces, full[1]), ss, se, lex)
                else:
                    hit = _indirect(art, toks, starts, inside, ss, se, lex)
                if hit is not None:
                    speech.append((article_id, sid, ss, se, hit.name, hit.speaker_type, "indirect"))
                    para_speaker = para_speaker if para_speaker is not None else hit
        # floating quotes: a paragraph that is all quote, with no cue, speaks for the previous speaker
        if prev_para_speaker is None and p_index and any(q.kind == "floating" and not q.speaker for q in pieces):
            prev_para_speaker = _paragraph_subject(art, paragraphs[p_index - 1], by_para, lex)
        for piece in pieces:
            if piece.kind == "floating" and not piece.speaker and prev_para_speaker is not None:
                _copy(piece, prev_para_speaker, keep_kind=True)
                # only this paragraph's sentences can hold the piece
                ids = _sentence_ids(sents, piece)
                for i in range(para_speech_from, len(speech)):
                    row = speech[i]
                    if row[0] == article_id and row[1] in ids and row[4] == "":
                        speech[i] = row[:4] + (piece.speaker, piece.speaker_type, "direct")
        if para_speaker is None and any(q.speaker for q in pieces):
            para_speaker = next(q for q in reversed(pieces) if q.speaker)
        if para_speaker is not None:
            prev_para_speaker = para_speaker
        elif pieces or role not in ("headline", "subhead"):
            prev_para_speaker = None if not pieces else prev_para_speaker

    all_pieces = [q for pieces in pieces_by_para for q in pieces]
    # 4. multi-paragraph chains share one speaker
    chain: list[Piece] = []
    for q in all_pieces:
        if q.cont_prev and chain:
            chain.append(q)
        else:
            _close_chain(chain)
            chain = [q]
        if not q.cont_next:
            _close_chain(chain)
            chain = []
    _close_chain(chain)
    # 4b. a role alone, named nowhere before ("minister insists there is ‘no back door’" in a headline, "CEO
    # says" in a standfirst): the first person the article names later with that role
    for q in all_pieces:
        if q.speaker and q.kind != "term" and q.speaker.islower() and " " not in q.speaker:
            head = singular(q.speaker)
            named = _named_later(art, head, q.end)
            if named is not None:
                q.speaker = named.name
                if q.speaker_type == "unknown":
                    q.speaker_type = art.type_of(named, {head}, "")
    # 5. quotes with no cue at all (headlines, subheads): the speaker of a longer quote with the same words
    attributed = [q for q in all_pieces if q.speaker and q.kind != "term"]
    echo_index: dict[str, list[int]] | None = None
    attributed_words: list[set] = []
    for q in all_pieces:
        if q.speaker or q.kind == "term":
            continue
        words = set(fold(w) for w in T.words(raw[q.start:q.end]))
        if len(words) < 2:
            continue
        if echo_index is None:  # built once, on the first quote that needs it
            echo_index = {}
            for i, other in enumerate(attributed):
                attributed_words.append(set(fold(w) for w in T.words(raw[other.start:other.end])))
                for w in attributed_words[-1]:
                    echo_index.setdefault(w, []).append(i)
        # the first attributed quote (in text order) holding every word: look only where the rarest word is
        candidates = min((echo_index.get(w, ()) for w in words), key=len)
        for i in candidates:
            if words <= attributed_words[i]:
                other = attributed[i]
                q.speaker, q.speaker_type = other.speaker, other.speaker_type
                q.cue = q.cue or "echo"
                break
    for q in all_pieces:
        if not q.speaker:
            q.speaker_type = "unknown"
    # fill direct speech rows whose speaker came late (chains, echoes)
    pos_speaker = {}
    for q in all_pieces:
        if q.speaker and q.kind != "term":
            pos_speaker.setdefault(q.start, q)
    if pos_speaker:
        ordered = [pos_speaker[qs] for qs in sorted(pos_speaker)]
        reach = _running_max([q.end for q in ordered])
        for i, row in enumerate(speech):
            if row[6] == "direct" and not row[4]:
                for q in ordered[bisect_right(reach, row[2]):]:
                    if q.start >= row[3]:
                        break
                    if q.end > row[2]:
                        speech[i] = row[:4] + (q.speaker, q.speaker_type, "direct")
                        break
    return all_pieces, speech, problems, art


def _after_named_sentence(art: Article, piece: Piece, sents: list[tuple], reported: dict, raw: str) -> None:
    """A quote with no cue that opens a sentence speaks for the one the sentence before it in the paragraph
    reports ("X asked if firms would be named. “Will the ministry publish ...?”") or is about, when that is a
    person ("Mahlangu-Venter did not hedge. “I'm telling you ...”", "... she did not hesitate. “Hang up.”")."""
    before = [x for x in sents if x[3] <= piece.open]
    if not before or before[-1][0] is None or raw[before[-1][3]:piece.open].strip(" \t\n“\"‘'«"):
        return
    sid, _, ss, se, _ = before[-1]
    hit = reported.get(sid)
    if hit is None:
        toks = tokenize(raw, ss, se)
        span = clause_subject(toks, 0, len(toks))
        personal = span is not None and span[1] - span[0] == 1 and toks[span[0]].low in ("he", "she")
        if span is None or span[1] - span[0] > SUBJECT_NAME_MAX or not (toks[span[0]].cap or personal):
            return   # (a personal pronoun stands for the person: "Asked if he would plant again, he laughed. “...”")
        n_history = len(art.history)
        hit = resolve(art, toks, span, ss, "")
        surname = span[1] - span[0] == 1 and hit is not None and hit.entity is not None and " " in hit.entity.name
        if hit is None or hit.entity is None or not (
                hit.entity.kind == "person" or ((surname or personal) and hit.entity.kind == ""
                                                and art.could_be_person(hit.entity))):
            # (a name of no known kind called by its last word, as people are: "Mahlangu-Venter did not hedge.")
            del art.history[n_history:]
            return
    _copy(piece, hit)


SUBJECT_NAME_MAX = 10   # words of a sentence's subject read as the name of the one a quote after it speaks for


def _named_later(art: Article, head: str, position: int) -> Entity | None:
    """The first person named after `position` with the role `head` ("Security Minister Rachel Okoro-Hale"), when
    none is named before it."""
    if art.lex.heads.get(head, ("", ""))[1] not in ("person", "spokesperson"):
        return None
    art.scan_names()
    best, best_pos = None, None
    for entity in {id(e): e for e in art.entities.values()}.values():
        if head in entity.heads and entity.kind in ("person", "") and entity.positions:
            first = entity.positions[0]
            if first < position:
                return None
            if best_pos is None or first < best_pos:
                best, best_pos = entity, first
    return best


def _paragraph_subject(art: Article, paragraph: tuple, by_para: dict, lex: Lexicon) -> Speaker | None:
    """The named subject of a paragraph's first sentence ("Senator Dana White attacked the plan.")."""
    pid, _, s, e, _ = paragraph
    sents = by_para.get(pid) or [(None, pid, s, e, "")]
    ss, se = sents[0][2], sents[0][3]
    toks = tokenize(art.raw, ss, se)
    span = clause_subject(toks, 0, len(toks))
    if span is None:
        return None
    speaker = resolve(art, toks, span, ss, "")
    if speaker is None or speaker.entity is None or speaker.entity.kind == "country":
        if speaker is not None:
            art.history.pop()
        return None
    return speaker


def _sentence_ids(sents, piece):
    return {x[0] for x in sents if x[2] < piece.end and x[3] > piece.start}


def _copy(piece: Piece, other, keep_kind: bool = False) -> None:
    if isinstance(other, Speaker):
        piece.speaker, piece.speaker_type, piece.cue = other.name, other.speaker_type, other.cue
        piece.speaker_start, piece.speaker_end = other.start, other.end
        return
    piece.speaker, piece.speaker_type, piece.cue = other.speaker, other.speaker_type, other.cue
    piece.speaker_start, piece.speaker_end = other.speaker_start, other.speaker_end


def _close_chain(chain: list[Piece]) -> None:
    if len(chain) < 2:
        return
    source = next((q for q in chain if q.speaker and q.cue), None) or next((q for q in chain if q.speaker), None)
    for q in chain:
        q.kind = "multi_paragraph"
        if source is not None and (not q.speaker or not q.cue):
            _copy(q, source)


def _running_max(values: list[int]) -> list[int]:
    """values[:i+1] maximum for each i: bisect it for the first item whose value exceeds x."""
    out, top = [], None
    for v in values:
        top = v if top is None or v > top else top
        out.append(top)
    return out


def _tokens_outside_quotes(raw: str, s: int, e: int, pieces: list[Piece]) -> tuple[list[Tok], list[int]] | None:
    """tokenize_with_starts(raw, s, e) without the tokens between each piece's marks (the marks stay, but
    not a nickname's: Yonatan “Yoni” Ben-Ami reads as one name), or None (tokenize it all) unless every
    piece is closed, double-marked and after the one before.

    Attribution reads only the words around a quote, never inside it (most of a quote paragraph's
    words): a double mark is always a token of its own, so the paragraph is tokenized piecewise,
    from each closing mark to the next opening mark inclusive, with the same tokens.
    A sentence that must be read across a quote (around a term) tokenizes the paragraph whole.
    """
    prev = s
    for q in pieces:
        if q.close is None or q.open < prev or raw[q.open] not in DOUBLE_MARKS or raw[q.close] not in DOUBLE_MARKS:
            return None
        prev = q.close + 1
    toks, starts, at = [], [], s
    for q in pieces:
        nickname = _nickname(raw, s, q)
        t, st = tokenize_with_starts(raw, at, q.open if nickname else q.open + 1)
        toks += t
        starts += st
        at = q.close + 1 if nickname else q.close   # a nickname's marks go too: Yonatan “Yoni” Ben-Ami is one name
    t, st = tokenize_with_starts(raw, at, e)
    return toks + t, starts + st


def _without_nickname_marks(raw: str, s: int, pieces: list[Piece]) -> str:
    """`raw` with each nickname blanked, marks and all (same length, so offsets hold): Ricardo ‘Rico’ Marín
    reads as one name when the paragraph is tokenized whole, as the piecewise reading does for double marks."""
    nicknames = [q for q in pieces if _nickname(raw, s, q)]
    if not nicknames:
        return raw
    chars = list(raw[s:max(q.close for q in nicknames) + 1])
    for q in nicknames:
        chars[q.open - s:q.close - s + 1] = " " * (q.close - q.open + 1)
    return raw[:s] + "".join(chars) + raw[s + len(chars):]


def _nickname(raw: str, s: int, piece: Piece) -> bool:
    """Whether the closed piece is a nickname of up to three words between a given name and a surname."""
    return (piece.close is not None and piece.close - piece.open <= 30
            and 1 <= len(raw[piece.open + 1:piece.close].split()) <= 3 and raw[piece.open + 1].isalpha()
            and NICK_BEFORE_RE.search(raw, max(s, piece.open - 40), piece.open) is not None
            and NICK_AFTER_RE.match(raw, piece.close + 1) is not None)


def _inside_mask(toks: list[Tok], pieces: list[Piece], starts: list[int]) -> list[bool]:
    """Per token: whether it lies inside a quote (marks included); `starts`: the tokens' starts."""
    mask = [False] * len(toks)
    for q in pieces:
        close = q.close if q.close is not None else q.end
        for i in range(bisect_right(starts, q.open - 1), bisect_right(starts, close)):
            mask[i] = True
    return mask


def _tok_index(starts: list[int], pos: int) -> int:
    """Index of the first token starting at or after `pos`."""
    return bisect_right(starts, pos - 1)


def _common_noun_speaker(speaker: Speaker) -> bool:
    """Whether a speaker is a thing or a place rather than a voice: no entity, or one of no kind and no type
    ("decree", "extortion", "Madrid"), and not a group of people named by a role ("officials")."""
    if not speaker.name[:1].islower() or " " in speaker.name or speaker.speaker_type != "unknown":
        return False   # a name ("Whitcombe had shouted ...") may be the one who spoke
    entity = speaker.entity
    return entity is None or (entity.kind == "" and not entity.types and not entity.heads)


def _attribute_piece(art, piece, qi, pieces, toks, starts, inside, bounds, bound_starts, raw, s, e, lex) -> None:
    open_i = _tok_index(starts, piece.open)
    close_pos = piece.close if piece.close is not None else piece.end
    after_i = _tok_index(starts, close_pos + 1)
    sent_lo, _ = bounds[_sentence_index(bound_starts, piece.open)]
    _, sent_hi = bounds[_sentence_index(bound_starts, close_pos)]
    # (a nickname in marks, Gustavo “Tato” Pereyra, is part of a name, not a quote that bounds this one's clause)
    before = qi - 1
    while before >= 0 and _nickname(raw, s, pieces[before]):
        before -= 1
    after = qi + 1
    while after < len(pieces) and _nickname(raw, s, pieces[after]):
        after += 1
    prev_close = pieces[before].close + 1 if before >= 0 and pieces[before].close is not None else s
    next_open = pieces[after].open if after < len(pieces) else e
    lo = _tok_index(starts, max(sent_lo, prev_close))
    hi = _tok_index(starts, min(sent_hi, next_open))
    # the sentence around an inner quote may end inside the quote: extend to the sentence after
    if hi <= after_i and (raw[piece.end - 1:piece.end] in tuple(",?!—–-") or raw[close_pos + 1:close_pos + 2] == ","):
        nxt = min(bisect_right(bound_starts, close_pos), len(bounds) - 1)
        hi = _tok_index(starts, min(bounds[nxt][1], next_open))
    text = raw[piece.start:piece.end]
    piece.n_words = n_words = _count(raw, piece.start, piece.end)
    before_text = raw[max(sent_lo, prev_close):piece.open]
    last_char = before_text.rstrip()[-1:] if before_text.strip() else ""
    at_start = last_char == "" or last_char in BULLET_OR_END
    # read only up to the first other character, never the whole paragraph (linear in long paragraphs)
    whole = LEAD_ONLY_RE.fullmatch(raw, s, piece.open) is not None and (
        piece.close is None or TAIL_ONLY_RE.fullmatch(raw, piece.close + 1, e) is not None)
    ends_open = text[-1:] in ",?!—–-" or raw[piece.close + 1:piece.close + 2] == "," if piece.close is not None else False

    speaker = None
    # a) cue right after the quote: “...,” the company said / “...,” said X / “...” reads the statement
    if after_i < hi:
        # a quote left open by its comma is attributed next, past a long appositive ("Dr. Noa Rosenthal-Golan,
        # an urban economist at the Hebrew University of Jerusalem, told ...")
        window_hi = min(hi, after_i + (CUE_AFTER_OPEN_WINDOW if ends_open else CUE_AFTER_WINDOW))
        j = after_i
        if j < window_hi and toks[j].text in (",", "—", "–", "-"):
            j += 1
        hit = find_cue(toks, j, window_hi, lex, after_quote=True, after_comma=text.rstrip()[-1:] == ",")
        closing = None
        if hit is not None and not at_start and not ends_open and j < hi and toks[j].word:
            # The company “strongly disagrees” with the decision, a spokesperson said: a quote inside
            # a clause whose speaker closes the sentence, set off by a comma
            closing = _closing_attribution(toks, j, hit, hi)
        if closing is not None:
            subject = clause_subject(toks, lo, open_i) if _unnamed(toks, closing) else None
            # "The company ..., a spokesperson said": the company the role speaks for
            speaker = _named(resolve(art, toks, subject, piece.open, hit[1].form)) if subject else None
            speaker = speaker or resolve(art, toks, closing, piece.open, hit[1].form)
        elif hit is not None and (ends_open or hit[0] <= j + 5):
            k, cue, n = hit
            # (an apostrophe closing a plural possessive, "the residents’ council", is the word's)
            between = [t for x, t in enumerate(toks[j:k], j) if not t.word and t.text not in (",", ".") and not (
                t.text in ("’", "'") and x > j and toks[x - 1].word and toks[x - 1].end == t.start)]
            if len(between) == 2 and all(t.text in ASIDE_DASHES for t in between):
                between = []  # “...,” Joly — the industry minister — said: an aside, like commas
            bracket = None
            if [t.text for t in between] == ["(", ")"] and toks[k - 1].text == ")":
                # “...,” spokesperson Jessica Wu Pei-chun (吳佩君) told CNA: a bracket after the name, read past
                bracket = next(x for x in range(k - 1, j - 1, -1) if toks[x].text == "(")
                between = []
            if k > j and (toks[j].low in STOP or toks[j].low in CONNECTORS) and not (
                    toks[j].cap and j + 1 < k and toks[j + 1].cap):
                between = [toks[j]]  # “...” and urged: a new clause, not a speaker (but “...,” Under Secretary
                # Dana Ross told: a capitalized word, then another, mid-sentence is a title or a name)
            if not between:
                if cue.kind == "frame":
                    speaker = resolve(art, toks, np_after(toks, k + n, hi), piece.open, cue.form)
                elif k == j and cue.inverted and not cue.participle:
                    # (“...”, adding that more details would follow: a participle is never inverted)
                    span = np_after(toks, k + 1, hi)
                    if span is not None:
                        speaker = resolve(art, toks, span, piece.open, cue.form)
                elif k == j and not at_start:
                    # she “strongly” advised: the subject stands before the quote
                    speaker = resolve(art, toks, np_before(toks, open_i, lo), piece.open, cue.form)
                elif k > j and (ends_open or at_start or not toks[j].word):
                    # (“...” plan stalled, officials said: words of the clause after the quote are no speaker)
                    span = _np_between(toks, j, k if bracket is None else bracket)
                    if span is not None:
                        speaker = resolve(art, toks, span, piece.open, cue.form)
                elif cue.kind == "frame":
                    speaker = resolve(art, toks, np_after(toks, k + n, hi), piece.open, cue.form)
    # b) cue before the quote in the same sentence: X told Reuters: “...” / X said it “strongly disagrees”
    if speaker is None and open_i > lo:
        hit = find_cue(toks, lo, open_i, lex, last=True)
        if hit is not None and not inside[hit[0]]:
            k, cue, n = hit
            n_history = len(art.history)
            speaker = attribute_cue(art, toks, k, cue, n, lo, open_i, piece.open, _tok_index(starts, sent_lo))
            first = find_cue(toks, lo, k, lex) if (speaker is None or _common_noun_speaker(speaker)
                                                   or _country_subject(art, speaker)) else None
            if first is not None and not inside[first[0]] and first[1].kind == "verb" and first[1].indirect != "no":
                # "X said the decree showed that “...”", "X said extortion added “...”": the quote is X's, said
                # inside X's clause; its inner subject (a thing, a place, a country: "X wrote that Pakistan had
                # reported nine cases, “...”") is what X speaks of
                outer = attribute_cue(art, toks, first[0], first[1], first[2], lo, k, piece.open,
                                      _tok_index(starts, sent_lo))
                if outer is not None and outer.entity is not None and not _common_noun_speaker(outer):
                    del art.history[n_history:-1]
                    speaker = outer
    # c) a sentence whose subject is named, then a colon: "Coach Marco Bellini was blunt: “...”"
    if speaker is None and open_i > lo and before_text.rstrip().endswith(":"):
        subject = clause_subject(toks, _tok_index(starts, sent_lo), open_i)
        if subject is not None and not (subject[1] - subject[0] == 1 and toks[subject[0]].low in PRONOUNS):
            n_history = len(art.history)
            found = resolve(art, toks, subject, piece.open, "")
            named = found.entity if found is not None else None
            if named is not None and named.kind != "country" and (
                    named.kind == "org" or named.types or art.could_be_person(named)):   # not "Highlights"
                speaker = found
            else:
                del art.history[n_history:]
    # c') "For the researcher Tatiana Lins, the conflict was “predictable.”": the one the sentence opens "for"
    if speaker is None and open_i > lo:
        first = _tok_index(starts, sent_lo)
        if first < open_i and toks[first].low == "for":
            comma = next((x for x in range(first + 1, min(open_i, first + FOR_NAME_MAX_TOKENS)) if toks[x].text == ","),
                         None)
            if comma is not None and any(t.cap and t.low not in TIME_WORDS for t in toks[first + 1:comma]):
                n_history = len(art.history)
                found = resolve(art, toks, (first + 1, comma, None), piece.open, "")
                named = found.entity if found is not None else None
                if named is not None and named.kind != "country" and (
                        named.kind in ("person", "org") or named.types or art.could_be_person(named)):
                    speaker = found
                else:
                    del art.history[n_history:]
    # d) a quote coordinated with the one before: called it “unfounded” and “politically motivated”; or a
    # partial quote later in the sentence of an attributed partial one, with no cue of its own between
    # them (b found none): X said it would “explore all options” and that it was “deeply disappointed”
    prev = pieces[qi - 1] if qi else None
    coordinated = (speaker is None and prev is not None and prev.speaker and prev.kind != "term"
                   and prev.close is not None
                   and (COORDINATED_RE.fullmatch(raw, prev.close + 1, piece.open) is not None
                        or (prev.kind == "partial" and not at_start
                            and _sentence_index(bound_starts, prev.open) == _sentence_index(bound_starts, piece.open))))
    if coordinated:
        speaker = Speaker(prev.speaker, prev.speaker_type, None, prev.speaker_start, prev.speaker_end, prev.cue)
    if speaker is not None:
        piece.speaker, piece.speaker_type, piece.cue = speaker.name, speaker.speaker_type, speaker.cue
        piece.speaker_start, piece.speaker_end = speaker.start, speaker.end
    # kind
    marker = TERM_MARKER_RE.search(raw[max(s, piece.open - 30):piece.open])
    exclaimed = text.rstrip(" ,.\"'”’»")[-1:] in ("!", "?")   # “Get out!”, “Why?”: said, not a term
    nickname = n_words <= 3 and _nickname(raw, s, piece)   # Yonatan “Yoni” Ben-Ami, Roberto "Betão" Cardoso
    if marker or nickname or (n_words <= 2 and speaker is None and not exclaimed) or (
            not at_start and _title_of_work(text)):
        piece.kind = "term"
        piece.speaker, piece.speaker_type, piece.cue = "", "unknown", ""
        piece.speaker_start = piece.speaker_end = -1
    elif whole and speaker is None and not (qi and pieces[qi - 1].speaker) and not piece.cont_prev:
        piece.kind = "floating"
    elif coordinated:
        piece.kind = prev.kind
    elif at_start or before_text.rstrip().endswith(","):
        piece.kind = "direct"
    else:
        piece.kind = "partial"


# What may follow a closing attribution's cue: the sentence's end, or a new clause set off by a comma.
CLOSING_END = frozenset(".,;!?")
CLOSING_OBJECT_MAX = 4   # "told the Guardian", "said in a statement": words between the cue and that end
# The words that may open what stands there ("in a statement", "on Tuesday", "late on Friday"; "told" takes
# its listener), and words that never stand in it (a clause of what was said: "said that", "said it was").
CLOSING_OPENERS = frozenset("in on at during after before late earlier last this via through".split())
CLOSING_STOPS = frozenset("that whether if is was are were will would could should can may might has had have "
                          "it he she they we i".split())


def _country_subject(art: Article, speaker: Speaker) -> bool:
    """Whether a speaker is a country by its name or initials ("Pakistan had reported", "the UK has", not "a
    German officer described": a demonym, the rest of the phrase lost)."""
    name = speaker.name
    return art.lex.countries.get(name) == name or (name.isupper() and name in art.lex.countries)


def _unnamed(toks, span) -> bool:
    """Whether a speaker phrase names no one: "a spokesperson", "the company's lawyer"."""
    return not any(t.cap for t in toks[span[0]:span[1]])


def _named(speaker: Speaker | None) -> Speaker | None:
    """The speaker if it resolved to someone named (an entity), else None."""
    return speaker if speaker is not None and speaker.entity is not None else None


def _closing_attribution(toks, j: int, hit, hi: int):
    """The speaker span of ", <speaker> <cue>" (or ", <cue> <speaker>") closing the clause that holds
    a quote, read from toks[j:hi] after it; None unless the attribution stands alone after the clause's
    last comma and ends the sentence or a clause: "... with the decision, a spokesperson told Reuters."
    A cue with what was said after it reports something else: "..., officials said the money ran out"."""
    k, cue, n = hit
    if cue.kind != "verb" or cue.participle:
        return None
    comma = next((x for x in range(k - 1, j - 1, -1) if toks[x].text == ","), None)
    if comma is None or any(not t.word and t.text != "." for t in toks[comma + 1:k]):
        return None
    if k == comma + 1:   # ..., said Dan Moss, a lawyer.
        span = np_after(toks, k + n, hi) if cue.inverted else None
        if span is None or (span[1] < hi and toks[span[1]].text not in CLOSING_END):
            return None
        return span
    end = k + n
    while end < hi and toks[end].text not in CLOSING_END:
        end += 1
    after = toks[k + n:end]
    if len(after) > CLOSING_OBJECT_MAX or (after and after[0].low not in CLOSING_OPENERS
                                           and after[0].low not in TIME_WORDS and cue.lemma != "tell"):
        return None   # "..., officials said the money ran out": what they said, not where or when
    if any(t.low in CLOSING_STOPS for t in after):
        return None
    span = np_before(toks, k, comma + 1)
    if span is not None and span[0] != comma + 1:
        return None   # "..., which the minister said": the phrase must fill the space to the cue
    return span


def _np_between(toks, j, k):
    """The speaker phrase between a quote and its cue: “...,” John Smith, a spokesman for X, said."""
    k2 = k
    while k2 > j and toks[k2 - 1].low in SKIP_BEFORE_CUE:
        k2 -= 1
    if k2 <= j:
        return None
    commas = [x for x in range(j, k2) if toks[x].text == "," or toks[x].text in ASIDE_DASHES]
    if commas:
        first = commas[0]
        if first == j:
            return None
        appositive = (first + 1, commas[-1] if commas[-1] > first else k2)
        return j, first, appositive
    return j, k2, None


# Short words a title leaves in lower case: "Salt and Stone", "Public Finances in Scotland".
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())
TITLE_MAX_WORDS = 12


def _title_of_work(text: str) -> bool:
    """Whether quoted words inside a sentence are the title of a work, not speech: two words or more, every
    word capitalized but the small ones, no sentence ended inside ("the film “The Long Quiet”", the report
    “Public Finances in Scotland: Progress and Risks”, the “Caleb Matthews Act”)."""
    words = text.rstrip(" ,;").split()
    if not 2 <= len(words) <= TITLE_MAX_WORDS or re.search(r"[.!?]\s", text.rstrip(" ,.;!?")):
        return False
    first = words[0].lstrip("‘'“\"(")
    return first[:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower().strip(":,") in TITLE_SMALL_WORDS
        for w in (x.lstrip("‘'“\"(") for x in words[1:]) if w)


def _may_report(raw: str, ss: int, se: int, lex: Lexicon) -> bool:
    """A cheap test before tokenizing: does the sentence hold a cue that can mark reported speech?"""
    for m in lex.cue_re.finditer(raw, ss, se):
        word = m.group()
        if word[0].isupper() and m.start() > ss and word.lower() != "according to":
            continue
        cue = lex.cues.get(word.lower())
        if cue is None:
            if " " in word:
                return True
            continue
        if cue.indirect == "always" or (cue.indirect == "that" and THAT_RE.match(raw, m.end(), se)):
            if PASSIVE_RE.search(raw, max(ss, m.start() - 20), m.start()) is None:
                return True
    return False


def _indirect(art, toks, starts, inside, ss, se, lex) -> Speaker | None:
    lo, hi = _tok_index(starts, ss), _tok_index(starts, se)
    k = lo
    while k < hi:
        hit = find_cue(toks, k, hi, lex)
        if hit is None:
            return None
        k, cue, n = hit
        if inside[k]:
            k += 1
            continue
        rest = art.raw[toks[k].end:se]
        if cue.indirect == "always" or (cue.indirect == "that" and THAT_RE.match(rest)):
            return attribute_cue(art, toks, k, cue, n, lo, hi, toks[k].start)
        k += 1
    return None


# ---------------------------------------------------------------- the stage

def extract(content_paragraphs: pd.DataFrame, content: pd.DataFrame, texts: dict) -> dict:
    """Quotes, speech sentences, per-article stats, voices and problems for a chunk of articles."""
    lex = lexicon()
    para_rows = _rows_by_article(content_paragraphs, ["paragraph", "line_first", "start", "end", "role"])
    sent_rows = _rows_by_article(content, ["sentence", "paragraph", "start", "end", "role"])
    quotes, speech, stats, voices, problems = [], [], [], [], []
    for article_id in sorted(set(texts) | set(para_rows)):
        raw = texts.get(article_id)
        if raw is None:
            problems.append(("", article_id, "content rows for an article without text", "skipped"))
            continue
        paragraphs = sorted(para_rows.get(article_id, []), key=_START)
        sentences = sorted(sent_rows.get(article_id, []), key=_START)
        try:
            pieces, rows, found, art = extract_article(article_id, raw, paragraphs, sentences, lex)
        except Exception as exc:  # odd text must never stop the run: report it and move on
            pieces, rows, found = [], [], []
            problems.append(("", article_id, f"quote extraction failed ({type(exc).__name__}: {exc})",
                             "no quotes recorded for this article"))
        for message in found:
            action = ("quote ended at the paragraph boundary" if "unclosed" in message else
                      "closed the earlier quote at the new mark" if "inside an open" in message else "ignored the mark")
            problems.append(("", article_id, message, action))
        for n, q in enumerate(pieces, start=1):
            quotes.append((article_id, n, q.line, q.start, q.end, raw[q.start:q.end], q.kind, q.cue, q.speaker,
                           q.speaker_start, q.speaker_end, q.speaker_type, q.n_words))
        speech.extend(rows)
        stats.append(_stats(article_id, raw, pieces, rows, sentences, found))
        voices.extend(_voices(article_id, pieces, rows))
    return {
        "quotes": _int_offsets(pd.DataFrame(quotes, columns=QUOTE_COLUMNS)),
        "speech": pd.DataFrame(speech, columns=SPEECH_COLUMNS),
        "quote_stats": pd.DataFrame(stats, columns=STATS_COLUMNS),
        "voices": pd.DataFrame(voices, columns=VOICE_COLUMNS),
        "problems": pd.DataFrame(problems, columns=PROBLEM_COLUMNS),
    }


_START = itemgetter(2)  # a paragraph's or sentence's start in the rows of _rows_by_article


def _int_offsets(quotes: pd.DataFrame) -> pd.DataFrame:
    """Speaker offsets as int64 even with no rows; astype copies every column, so only when they are not."""
    if (quotes["speaker_start"].dtype == "int64") and (quotes["speaker_end"].dtype == "int64"):
        return quotes
    return quotes.astype({"speaker_start": "int64", "speaker_end": "int64"})


def _rows_by_article(table: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    if table is None or table.empty:
        return {}
    cols = [c if c in table.columns else None for c in columns]
    if "line_first" in columns and "line_first" not in table.columns and "line" in table.columns:
        cols[columns.index("line_first")] = "line"
    data = [table["article_id"].astype(str).tolist()]
    for name, c in zip(columns, cols):
        if c is None:
            data.append(["body" if name == "role" else 0] * len(table))
        elif name == "role":
            data.append(table[c].fillna("body").astype(str).tolist())
        else:
            data.append(table[c].fillna(0).astype("int64").tolist())
    out: dict[str, list[tuple]] = {}
    for article_id, row in zip(data[0], zip(*data[1:])):
        rows = out.get(article_id)
        if rows is None:
            out[article_id] = [row]
        else:
            rows.append(row)
    return out


def _count(raw: str, s: int, e: int) -> int:
    return T.count_words(raw[s:e])


def _count_spans(raw: str, spans: list[tuple[int, int]]) -> int:
    """Words in all of raw[s:e] for (s, e) in spans, counted at once (a newline keeps spans' words apart)."""
    return T.count_words("\n".join(raw[s:e] for s, e in spans))


def _stats(article_id, raw, pieces, rows, sentences, problems) -> tuple:
    body = [(s, e) for _, _, s, e, role in sentences if role != "headline"]
    body_words = _count_spans(raw, body)
    starts = [s for s, _ in body]

    def in_body(pos):
        i = bisect_right(starts, pos) - 1
        return i >= 0 and body[i][0] <= pos < body[i][1]
    quoted = [q for q in pieces if q.kind != "term" and in_body(q.start)]
    quote_words = sum(q.n_words for q in quoted)
    indirect_words = _count_spans(raw, [(r[2], r[3]) for r in rows if r[6] == "indirect" and in_body(r[2])])
    share = lambda n: round(min(n / body_words, 1.0), 4) if body_words else 0.0
    speakers = {fold(q.speaker) for q in quoted if q.speaker}
    first = next((r for r in sorted(rows, key=lambda r: r[2]) if r[4] and in_body(r[2])), None)
    narrator = max(body_words - quote_words - indirect_words, 0)
    return (article_id, share(quote_words), share(indirect_words), share(narrator), len(quoted), len(speakers),
            first[4] if first else "", first[5] if first else "", "; ".join(problems))


def _voices(article_id, pieces, rows) -> list[tuple]:
    agg: dict[tuple, list] = {}
    names: dict[str, str] = {}
    for q in pieces:
        if q.kind == "term":
            continue
        key = (q.speaker_type if q.speaker else "unknown", q.speaker)
        rec = agg.setdefault(key, [0, 0, 0])
        rec[0] += q.n_words
        rec[1] += 1
    for r in rows:
        if r[6] == "indirect":
            rec = agg.setdefault((r[5] if r[4] else "unknown", r[4]), [0, 0, 0])
            rec[2] += 1
    return [(article_id, t, s, n, k, i) for (t, s), (n, k, i) in sorted(agg.items())]


# ---------------------------------------------------------------- comparing quotes across outlets

def quote_variants(quotes: pd.DataFrame, articles: pd.DataFrame, min_similarity: float = 0.4) -> pd.DataFrame:
    """Pairs of quotes by the same speaker in different outlets: one statement, rendered by each.

    Similarity is difflib's ratio on folded words (punctuation ignored); 1.0 means word-for-word the
    same, around 0.4-0.6 typically a different translation or paraphrase of one statement.
    """
    columns = ["speaker", "outlet_a", "article_a", "quote_a", "outlet_b", "article_b", "quote_b", "similarity"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    outlet = dict(zip(articles["article_id"].astype(str), articles["outlet"].astype(str)))
    q = quotes[(quotes["kind"] != "term") & (quotes["speaker"].fillna("") != "")]
    items = [(T.fold(r.speaker), r.speaker, str(r.article_id), outlet.get(str(r.article_id), str(r.article_id)),
              r.text, [fold(w) for w in T.words(r.text)]) for r in q.itertuples()]
    rows = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a[2] == b[2] or a[3] == b[3] or not _same_speaker(a[0], b[0]):
                continue
            matcher = difflib.SequenceMatcher(None, a[5], b[5], autojunk=False)
            if matcher.real_quick_ratio() < min_similarity:
                continue
            ratio = matcher.ratio()
            # a partial quote inside a longer one is the same statement too
            short, long_ = (a[5], b[5]) if len(a[5]) <= len(b[5]) else (b[5], a[5])
            contained = len(short) >= 3 and set(short) <= set(long_)
            if ratio >= min_similarity or contained:
                first, second = (a, b) if (a[3], a[2]) <= (b[3], b[2]) else (b, a)
                rows.append((first[1], first[3], first[2], first[4], second[3], second[2], second[4], round(ratio, 3)))
    return pd.DataFrame(rows, columns=columns).sort_values(["speaker", "similarity", "article_a", "article_b"],
                                                          ascending=[True, False, True, True]).reset_index(drop=True)


def _same_speaker(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    return bool(wa and wb) and (wa[-1] == wb[-1] and (len(wa) == 1 or len(wb) == 1))


# ---------------------------------------------------------------- evaluation on hand-annotated copy

def load_eval(path: str | Path = EVAL_PATH) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def run_items(items: list[dict]) -> dict:
    """Run `extract` on evaluation items: each is a small article (paragraphs split by blank lines)."""
    from analysis import corpus as C
    texts = {item["id"]: item["text"] for item in items}
    parsed = C.parse_texts(texts)
    paragraphs = parsed["paragraphs"].assign(role="body")
    heads = {item["id"] for item in items if item.get("headline")}
    first = parsed["paragraphs"].groupby("article_id")["paragraph"].transform("min")
    paragraphs.loc[paragraphs["article_id"].isin(heads) & (paragraphs["paragraph"] == first), "role"] = "headline"
    role = dict(zip(zip(paragraphs["article_id"], paragraphs["paragraph"]), paragraphs["role"]))
    sentences = parsed["sentences"].assign(
        line=0, role=[role[(a, p)] for a, p in zip(parsed["sentences"]["article_id"], parsed["sentences"]["paragraph"])])
    return extract(paragraphs, sentences, texts)


def _norm_quote(text: str) -> str:
    return " ".join(T.fold(w) for w in T.words(text))


def evaluate(items: list[dict] | None = None) -> dict:
    """Precision and recall of quote extraction and attribution against hand-made gold quotes.

    Each item: {"id", "text", "quotes": [{"text", "speaker", "speaker_type", "kind"}], "speech": [...]}.
    A predicted quote matches a gold quote when their folded words are equal. Attribution counts a
    match whose speaker equals the gold speaker (folded; a surname alone matches the full name).
    Returns {"summary": one row per measure, "detail": one row per gold or predicted quote}.
    """
    items = items if items is not None else load_eval()
    out = run_items(items)
    predicted = out["quotes"]
    detail = []
    for item in items:
        pred = predicted[predicted["article_id"] == item["id"]]
        pred_rows = [r for r in pred.itertuples()]
        used = set()
        for g in item.get("quotes", []):
            key = _norm_quote(g["text"])
            match = next((r for r in pred_rows if r.quote_id not in used and _norm_quote(r.text) == key), None)
            if match is not None:
                used.add(match.quote_id)
            detail.append({
                "item": item["id"], "gold_text": g["text"], "gold_kind": g.get("kind", "direct"),
                "gold_speaker": g.get("speaker", ""), "gold_type": g.get("speaker_type", "unknown"),
                "text": match.text if match is not None else "", "kind": match.kind if match is not None else "",
                "speaker": match.speaker if match is not None else "",
                "speaker_type": match.speaker_type if match is not None else "",
            })
        for r in pred_rows:
            if r.quote_id not in used:
                detail.append({"item": item["id"], "gold_text": "", "gold_kind": "", "gold_speaker": "", "gold_type": "",
                               "text": r.text, "kind": r.kind, "speaker": r.speaker, "speaker_type": r.speaker_type})
    detail = pd.DataFrame(detail)
    d = detail
    gold_q = d[(d["gold_text"] != "") & (d["gold_kind"] != "term")]
    pred_q = d[(d["text"] != "") & (d["kind"] != "term")]
    matched = d[(d["gold_text"] != "") & (d["text"] != "") & (d["gold_kind"] != "term") & (d["kind"] != "term")]
    right = matched[[_speaker_match(a, b) for a, b in zip(matched["gold_speaker"], matched["speaker"])]]
    pred_attr = pred_q[pred_q["speaker"] != ""]
    gold_terms = d[d["gold_kind"] == "term"]
    summary = pd.DataFrame([
        ("extraction", "precision", _ratio(len(matched), len(pred_q)), len(matched), len(pred_q)),
        ("extraction", "recall", _ratio(len(matched), len(gold_q)), len(matched), len(gold_q)),
        ("attribution", "precision", _ratio(len(right), len(pred_attr)), len(right), len(pred_attr)),
        ("attribution", "recall", _ratio(len(right), len(gold_q)), len(right), len(gold_q)),
        ("speaker_type", "accuracy", _ratio(int((right["gold_type"] == right["speaker_type"]).sum()), len(right)),
         int((right["gold_type"] == right["speaker_type"]).sum()), len(right)),
        ("kind", "accuracy", _ratio(int((matched["gold_kind"] == matched["kind"]).sum()), len(matched)),
         int((matched["gold_kind"] == matched["kind"]).sum()), len(matched)),
        ("term", "recall", _ratio(int((gold_terms["kind"] == "term").sum()), len(gold_terms)),
         int((gold_terms["kind"] == "term").sum()), len(gold_terms)),
    ], columns=["task", "measure", "value", "n_correct", "n_total"])
    return {"summary": summary, "detail": detail}


def _ratio(a: int, b: int) -> float:
    """a / b to three places; NaN when there is nothing to count (a set with no gold terms has no term recall)."""
    return round(a / b, 3) if b else float("nan")


def _speaker_match(gold: str, predicted: str) -> bool:
    g, p = [fold(w) for w in T.words(gold)], [fold(w) for w in T.words(predicted)]
    if not g or not p:
        return not g and not p
    return g == p or (g[-1] == p[-1] and (len(g) == 1 or len(p) == 1))


# ---------------------------------------------------------------- corpus level

def link_speaker_types(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Give a speaker the article could not type the type other articles of the corpus give them.

    An article may name a speaker with no title ("Joly said on X") while other outlets call her
    "Industry Minister Melanie Joly". A speaker typed `unknown` takes the majority type of the
    typed speakers of the corpus with the same folded name, or, for a one-word name, of the one
    typed multi-word name whose last word it is (two candidates: left unknown). Only
    `speaker_type` changes (quotes, speech, voices, quote_stats.first_speaker_type); names stay
    as each article gives them.
    """
    known: dict[str, Counter] = {}
    for table in (tables.get("quotes"), tables.get("speech")):
        if table is None or table.empty:
            continue
        typed = table[(table["speaker_type"] != "unknown") & (table["speaker"].astype(str) != "")]
        # Each (speaker, type) pair is folded and counted once: a speaker recurs in many rows.
        pairs = typed.groupby(["speaker", "speaker_type"], sort=False, observed=True, dropna=False).size()
        for (speaker, kind), n in pairs.items():
            known.setdefault(T.fold(str(speaker)), Counter())[kind] += int(n)
    by_surname: dict[str, set[str]] = {}
    for name in known:
        words = name.split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1], set()).add(name)

    def linked(speaker: str) -> str | None:
        name = T.fold(str(speaker))
        if name not in known and len(name.split()) == 1 and len(by_surname.get(name, ())) == 1:
            name = next(iter(by_surname[name]))
        votes = known.get(name)
        return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else None

    mapping = {}
    for key, column in (("quotes", "speaker"), ("speech", "speaker"), ("voices", "speaker"),
                        ("quote_stats", "first_speaker")):
        table = tables.get(key)
        if table is None or table.empty:
            continue
        type_column = "first_speaker_type" if key == "quote_stats" else "speaker_type"
        unknown = table[type_column] == "unknown"
        for speaker in table.loc[unknown, column].dropna().unique():
            if speaker not in mapping:
                mapping[speaker] = linked(speaker)
        new_types = table.loc[unknown, column].map(mapping)
        table = table.copy()
        table.loc[unknown, type_column] = new_types.fillna("unknown").to_numpy()
        tables[key] = table
    if "voices" in tables and not tables["voices"].empty:  # one row per article, type and speaker
        tables["voices"] = (tables["voices"].groupby(["article_id", "speaker_type", "speaker"], as_index=False, sort=False)
                            [["n_words", "n_quotes", "n_indirect"]].sum())[VOICE_COLUMNS]
    return tables
