"""Text reuse: which passages articles share (verbatim, edited or paraphrased), how original each
article is, and how the same speaker's quotes are rendered in different articles.

Sentences are compared on two views: the word sequence (for copies with small edits) and a bag of
normalized content terms weighted by rarity (for rewrites: "world's biggest maker" and "world's
largest manufacturer" share the terms world, largest, manufacturer; "two and a half million" and
"2.5 million" share the figure 2500000, "within 120 days" and "four months" the figure 4 and the unit
month, "found" and "finds" the verb find). Candidate pairs come from an inverted index of terms, so
the corpus is never compared all against all. Candidate pairs are
screened with sparse-matrix arithmetic; only plausible ones have their word sequences compared
(longest common subsequence, bit-parallel). A sentence or quote shared by many articles is linked
to its MAX_PARTNERS best partners, not to every copy, so the output grows linearly.
"""
from __future__ import annotations

import html
import math
import re
from decimal import Decimal
from fractions import Fraction
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from analysis import stats
from analysis import text as T
from analysis.paths import DATA

REUSE_COLUMNS = ["article_a", "line_a", "article_b", "line_b", "start_a", "end_a", "start_b", "end_b",
                 "relation", "similarity", "shared"]
ORIGINALITY_COLUMNS = ["article_id", "n_sentences", "n_reused", "originality_share", "reused_from", "n_sources"]
FIDELITY_COLUMNS = ["speaker", "article_a", "article_b", "quote_a", "quote_b", "start_a", "end_a", "start_b",
                    "end_b", "similarity", "fidelity"]
RELATIONS = ["verbatim", "near_verbatim", "paraphrase"]
FIDELITIES = ["identical", "trimmed", "reworded", "different"]
SYNONYMS_PATH = DATA / "reuse_synonyms.csv"

# --- thresholds (one place to change them) -------------------------------------------------------
# Every aligned pair shares at least this many distinct content terms (but see FEW_SHARED_TERMS): short
# stock lines ("Leave a Reply", "Related Articles") and passing mentions never align. A shared figure ("$4m",
# "120,000", "2021"; not "1") counts twice: it is a fact on its own ("The hackers are demanding $4m in
# bitcoin" / "The attackers have demanded a ransom of 4 million dollars in bitcoin").
MIN_SHARED_TERMS = 4
# ... and their rarity weights (IDF over the corpus sentences) must add up to at least this many
# times the largest possible IDF (that of a term found in one sentence): scale-free across corpora.
MIN_SHARED_WEIGHT = 1.5
# Pairs sharing only FEW_SHARED_TERMS terms align too when their cosine (see PARAPHRASE_COSINE) is at
# least FEW_TERMS_COSINE and they share no name: two short sentences sharing three rare terms and little
# else state one fact ("None of the requests was approved by a court or a prosecutor" / "No court had
# authorised the transfers, and no prosecutor had signed off on them": approve, court, prosecutor, cosine
# 0.68). Among the pairs of the four tuning sets sharing three facts and no name, the four from 0.45 up
# are all gold pairs; below it gold and other pairs mix (0.39: "... would write to every household whose
# readings had been shared" / "... a copy of every reading it shared"). A shared name bars the rule:
# "Union lawyer Pablo Ferrer spoke to reporters" / "... represents the drivers" share who, not what.
FEW_SHARED_TERMS = 3
FEW_TERMS_COSINE = 0.45
# Verbatim: the same word sequence (difflib ratio 1: a changed word, "per cent" for "percent", makes a
# near-verbatim copy), or one sentence is contained in the other as one unbroken run of at least
# TRIMMED_RUN words (a trimmed copy: "Four passengers were treated for minor injuries." from "..., and none
# needed hospital care."; 8 until reuse_eval5, whose trimmed copies of seven words, and reuse_eval's, were
# labelled verbatim). VERBATIM_RUN: see near verbatim.
VERBATIM_RATIO = 1.0
VERBATIM_RUN = 8
TRIMMED_RUN = 7
# Near verbatim (small edits): word-sequence ratio at least this, or a shared run of VERBATIM_RUN
# words that covers at least NEAR_COVER of the shorter sentence.
NEAR_RATIO = 0.75
NEAR_COVER = 0.5
# Paraphrase: cosine of the IDF-weighted content terms at least this. Topic words shared by every
# article of a story (the company, the country, "national security") weigh little, so sentences
# that merely share them stay below it. Two kinds of pair are never paraphrases, whatever their
# cosine: sentences that share only a name and its title (a name of several words, "Union lawyer
# Pablo Ferrer", is one shared term, see `_Corpus.name_incidence`), and sentences that both give
# figures but share none ("shares fell 7 percent" / "shares fell 11 percent": another fact). With
# those out, 0.4 came down to 0.33 (see LONG_PARAPHRASE_COSINE for the measures).
PARAPHRASE_COSINE = 0.33
# A figure given as approximate allows a range, not one value: from the figure up to APPROXIMATE_FACTOR
# times it ("more than five years", "over 300", "at least 500", "5,000-plus"), down to the figure divided
# by it ("nearly 2,000", "almost", "under", "up to", "fewer than"), or both ways ("about 400", "some 40",
# "roughly", "an estimated"): see APPROXIMATE_WORDS. Two sentences' figures differ only when no figure or
# range of one meets one of the other: "more than five years" and "five-and-a-half years" are one fact,
# "more than five years" and "three years" are not.
APPROXIMATE_FACTOR = 1.5
# Lengths of time agree, whatever their units, when they are within this factor of each other in days: "within
# six weeks" (42 days) and "in a month and a half" (45) are one fact, as a month is 28 to 31 days, though
# neither reads as the other's figure (see DURATIONS); "six weeks" and "two months" (60) are not.
DURATION_FACTOR = 1.05
# A paraphrase must also share at least MIN_DISTINCTIVE_SHARED distinctive terms: terms whose IDF is
# at least DISTINCTIVE_IDF_SHARE of the largest possible IDF (log of the number of sentences), i.e.
# terms much rarer than the story's topic words, and not GENERIC_WORDS. IDF cannot tell a word every
# story uses from a rare one in a small corpus: among ten sentences "year" in two looks as rare as
# "malware" in two, and "Canada said last year it was reviewing an application to impose sanctions
# against Chinese surveillance companies" / "Canada has reviewed several Chinese firms ... this year"
# passed for a paraphrase at cosine 0.37 on year, Chinese and companies. The generic words changed no
# row of the three tuning sets, where the corpus is large enough for IDF to weigh them.
MIN_DISTINCTIVE_SHARED = 2
DISTINCTIVE_IDF_SHARE = 0.5
# Sums of floats added up in a different order differ in their last bits: vectorized checks let a
# value within this of its threshold pass.
_EPS = 1e-9
# Long sentences rewritten from the same copy share many facts but also carry extra ones: with at
# least LONG_MIN_SHARED shared terms a lower cosine is enough. (8 and 0.35 until a second hand-labelled set
# showed rewrites sharing six or seven terms missed: 6 and 0.33 found 0.52 -> 0.65 of its pairs at precision
# 0.93 -> 0.94, and 0.77 -> 0.82 of the first set's at 0.99 -> 0.96. Then, tuned on reuse_eval3 with numbers
# read as figures, irregular verbs, names counted once and the figures check: 0.4 / 6 / 0.33 -> 0.33 / 5 /
# 0.28; paraphrase recall 0.57 -> 0.74 at precision 0.91 -> 0.94 there, 0.52 -> 0.69 at 0.94 -> 0.97 on
# reuse_eval2, 0.74 -> 0.77 at 0.96 -> 0.99 on reuse_eval.)
LONG_MIN_SHARED = 5
LONG_PARAPHRASE_COSINE = 0.28
# ... and lower still when one of the shared terms is a figure (which counts twice, see MIN_SHARED_TERMS: a figure and
# at least three other terms): a figure anchors the fact, and rewrites keep it while changing every word around it
# ("Nine men trapped deep inside a Chilean copper mine were brought out alive on Thursday" / "Rescuers in northern
# Chile freed nine miners on Thursday who had been trapped underground ...", cosine 0.26). On the seven open
# hand-labelled sets, the pairs sharing a figure and five facts between 0.24 and 0.28 were all gold pairs (9, in three
# sets); 0.22 let in two that were not ("within three months" / "within 72 hours": 3 months and 3 days).
ANCHORED_COSINE = 0.24
# ... but not when one sentence is negated and the other is not (see NEGATIONS): with so little of
# each sentence shared, the shared terms are the story's topic, and a negation on one side states
# the opposite claim about it ("Hikvision products have not endangered the national security of
# Canada" / "Hikvision's continued operations in Canada would be harmful to national security").
#
# A headline is never a paraphrase, only a copy (verbatim or near verbatim): it restates its story's
# main fact in a few words, and every article on the event states that fact, independent ones too
# ("Neighboring hospital stretched as Thornvale ambulances are diverted" / "Ambulances are being
# diverted to hospitals in neighboring counties, ..."), so sharing it is no evidence of reuse. Two
# headlines on the event share its key words whatever they say ("China's Hikvision says it is
# challenging Canada's shut down order" / "Canada orders China's Hikvision to shut down operations in
# Canada"). Originality leaves headlines out for the same reason.
# Two sentences that open with the same OPENING_WORDS words or more (who said it, how and when: "Faith Chelimo,
# who heads the Personal Data Office, said in a statement on Tuesday that the") and then go on to say different
# things are no reuse: the shared opening is the reporting frame, not a fact. They go on differently when after
# the opening each has at least OPENING_TAIL_TERMS content terms and fewer than OPENING_TAIL_SHARE of the fewer
# are shared ("... that the office would not take action against researchers who report breaches in good
# faith" / "... that the fine was the largest the office had imposed on a lender": office alone). Copies with a
# word or two changed after the opening, and paraphrases of its end, share far more: on the five hand-labelled
# sets the aligned pairs with such an opening shared two thirds or more, but four (reuse_eval5's generic-run
# negatives) a fifth or less.
OPENING_WORDS = 5
OPENING_TAIL_TERMS = 3
OPENING_TAIL_SHARE = 1 / 3
# A neighbouring sentence joins an aligned passage (one sentence split in two by another outlet)
# when at least this share of its term weight is found in the other side and not yet matched. (0.5
# until reuse_eval4: a split half keeps a word or two of its own, "They made off with personal information
# belonging to roughly 410,000 travellers" has 0.47 of its weight in the wire sentence it came from; 0.4
# found 1 to 5 more split or merged pairs in each of the four tuning sets, 11 in all, none wrong.)
MERGE_SHARE = 0.4
MERGE_MAX_SENTENCES = 3
# A sentence that merges two sentences of another article that are not neighbours ("Corvane faces the country's
# first national rail strike since 2011 when its drivers stop work for two days from Wednesday" from the wire's
# first sentence and its last, "It is the first national rail strike in the country since 2011") is aligned with
# both, though each sentence is otherwise aligned once per other article: its second source aligns too when the two
# share at least MERGED_MIN_NEW terms the first source lacks, carrying at least MERGED_NEW_SHARE of the weight they
# share (the second source states another part of the merged sentence, not the first source's fact again), and
# the second source is aligned with nothing else of the merged sentence's article. (A neighbour of the first source in
# its paragraph joins its passage instead, see MERGE_SHARE.) The pair must also be at least MERGED_MIN_SIMILARITY
# similar: a sentence already aligned with one source shares a story's stock phrase with many others ("allegations
# of human rights abuses in Xinjiang" in sentences on a denial, on sanctions, on a review). On the six hand-labelled
# sets the second sources found score 0.46 and 0.61 and are all gold pairs (3 and 0.5 hold the rule's one miss
# there, at 2 new terms and 0.44 of the weight, but 2 and 0.4 align a pair that is none); on the seeds 0.43 and
# 0.31 are merges, 0.29 to 0.33 stock phrases only.
MERGED_MIN_NEW = 3
MERGED_NEW_SHARE = 0.5
MERGED_MIN_SIMILARITY = 0.4
# Index: terms found in more than this many distinct sentences are left out of the candidate
# index (they are boilerplate or common words; pairs are still scored on all their terms).
MAX_POSTINGS = 300
# Corpora with at most this many distinct sentences are compared all against all (method="auto").
EXACT_MAX_SENTENCES = 1500
# Each sentence is aligned with at most this many sentences of other articles: the most similar
# first, then the earliest (by article id, sentence). A wire paragraph copied by 500 articles gives
# about MAX_PARTNERS rows per copy instead of 125,000 pairs, so output grows linearly with the
# number of copies; every copy is still aligned to some other article, so originality still counts
# it as reused. Up to MAX_PARTNERS + 1 copies, every pair is listed.
MAX_PARTNERS = 5
# Quote fidelity: quotes at least this similar are "reworded", below it "different".
REWORDED_SIMILARITY = 0.4
# Originality: at most this many source article ids are listed per article.
MAX_LISTED_SOURCES = 20
KEY_TERMS = 6

# Function words and reporting verbs: they carry no facts, so they never count as shared terms.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves may might must shall upon via per whose whether yet
said say says saying told tell tells according mr mrs ms dr
""".split())

# Content words every news story uses, whatever it reports: when it happened ("last year", "on
# Monday") and the nouns a story calls its subject by ("the company", "officials"). Sharing them is
# no evidence of a shared fact, so they are never distinctive (see MIN_DISTINCTIVE_SHARED), however
# rare a small corpus makes them look. They still count as shared terms and weigh in the cosine:
# "valued at 800 million euros last year" / "an 800 million euro price tag ... last year" is one fact,
# its time included (not counting them at all lost 6 true paraphrases of the tuning sets).
GENERIC_WORDS = frozenset("""
year month week day today yesterday tomorrow tonight weekend morning afternoon evening night
monday tuesday wednesday thursday friday saturday sunday last next ago earlier later recently time
company firm business group organization government official people country
""".split())

# Numbers written as words read as their digits ("fifteen days" ~ "15 days"); tens and units join
# ("thirty-one" ~ "31"), and a scale multiplies the number before it ("2.5 million" ~ "two and a half
# million" ~ "2500000"; "$4m" ~ "4 million dollars"). The words and values are `text`'s.
NUMBER_WORDS, SCALES = T.NUMBER_WORDS, T.SCALES
_UNITS = frozenset(w for w, i in NUMBER_WORDS.items() if 1 <= i <= 9)
_TENS = frozenset(w for w, i in NUMBER_WORDS.items() if 20 <= i <= 90)
# A decimal, or a scale written as a suffix of the digits ("2.5", "$4m", "4.6bn"). A time of day written with
# its suffix is its figure ("7pm" ~ "seven in the evening", "9.15am" ~ "9.15 in the morning"): a time is a fact
# as a figure is, and an hour that differs ("7pm" / "9pm") is another fact.
_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)(mn|m|bn|tn|am|pm)?")
_SUFFIXES = {None: 1, "m": 10 ** 6, "mn": 10 ** 6, "bn": 10 ** 9, "tn": 10 ** 12, "am": 1, "pm": 1}
# Words that make the figure right after them approximate, by the way its range goes (see
# APPROXIMATE_FACTOR): "up" from the figure, "down" from it, or "both". A figure followed by "plus"
# ("5,000-plus") goes up too. Words as `tokens` reads them.
APPROXIMATE_WORDS = {tuple(phrase.split()): way for way, phrases in (
    ("up", "more than|over|above|at least|a minimum of|upwards of|in excess of"),
    ("down", "nearly|almost|under|just under|less than|fewer than|up to|close to|as much as|as many as"),
    ("both", "about|around|roughly|approximately|some|an estimated|estimated"),
) for phrase in phrases.split("|")}
_APPROXIMATE_LENGTHS = sorted({len(phrase) for phrase in APPROXIMATE_WORDS}, reverse=True)
# A length of time respelled in another unit is the same figure: "within 120 days" ~ "four months", "28
# days" ~ "four weeks", "two weeks" ~ "a fortnight", "48 hours" ~ "two days", "24 months" ~ "two years".
# A figure followed by a unit of time is read in the coarsest unit, no finer than the one written, in which
# it is a whole or half number of at least 1.5 (see `_duration`): a month counts 30 days and a year 360, so
# that 12 months make a year. "7 days" stays 7 days (as 1 week it would be no figure, see `_is_figure`), and
# "a fortnight" or "a decade" alone is the figure 2 (weeks) or 10 (years). Units by their stem, in days.
DURATIONS = {"decad": Fraction(3600), "year": Fraction(360), "month": Fraction(30), "fortnight": Fraction(14),
             "week": Fraction(7), "day": Fraction(1), "hour": Fraction(1, 24), "minut": Fraction(1, 1440)}
# The unit a fortnight or a decade is counted in, and the figure each is alone.
_DURATION_BASES = {"decad": "year", "fortnight": "week"}
_BARE_DURATIONS = {"decade": "10", "fortnight": "2"}
_DURATION_WORDS = frozenset(chain.from_iterable((u, u + "s") for u in
                                                "minute hour day week fortnight month year decade".split()))
# A unit of time and a half is the figure 1.5 in that unit: "a year and a half" ~ "18 months", "an hour and a
# half" ~ "90 minutes" (see `_half_duration`).
_ARTICLES = frozenset({"a", "an"})
# A figure right after a month is a day of the month, not a length of time ("on March 14, days after").
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words that negate a sentence's claim ("did not specify", "never sends"), as `tokens` reads them; a
# contraction's "t" after a word ending in n ("didn't" -> didn, t) is one too.
NEGATIONS = frozenset({"not", "never", "cannot", "nor", "neither"})
# Words of a change that goes up or down, as `tokens` reads them. A sentence that says a figure rose and one that says
# it fell state two facts, however much else they share ("will increase passenger numbers by 15 per cent" / "passenger
# numbers ... had fallen by 15 percent"): such a pair is never a paraphrase. Only a word at most DIRECTION_REACH words
# before a figure tells which way the figure went ("falls well short of the 9 percent" / "a pay rise of 9 per cent"
# say nothing of the kind), and a sentence with words of both ways says neither. Words that also mean other things
# ("cut", "raise", "lower") are left out.
DIRECTION_REACH = 4
RISE_WORDS = frozenset("rise rises rising rose risen increase increases increasing increased grow grows growing grew "
                       "grown climb climbs climbing climbed jump jumps jumping jumped soar soars soaring soared surge "
                       "surges surging surged".split())
FALL_WORDS = frozenset("fall falls falling fell fallen drop drops dropping dropped decline declines declining declined "
                       "decrease decreases decreasing decreased shrink shrinks shrinking shrank shrunk plunge plunges "
                       "plunging plunged slump slumps slumping slumped".split())

# Past forms of common irregular verbs, read as the verb ("found" ~ "find", "given" ~ "give"), and the
# other forms of "go" ("goes", "going": "go" is too short for the suffix stripper to tell "goes" from
# "toes"): the suffix stripper cannot reach them.
IRREGULAR_VERBS = {past: verb for verb, forms in (line.split(":") for line in """
arise:arose arisen|become:became|begin:began begun|break:broke broken|bring:brought|build:built|buy:bought
catch:caught|choose:chose chosen|come:came|deal:dealt|draw:drew drawn|drive:drove driven|eat:ate eaten
fall:fell fallen|feel:felt|fight:fought|find:found|flee:fled|fly:flew flown|forbid:forbade forbidden
forget:forgot forgotten|freeze:froze frozen|get:got gotten|give:gave given|go:went gone goes going|grow:grew grown
hear:heard|hide:hid hidden|hold:held|keep:kept|know:knew known|lay:laid|lead:led|leave:left|lend:lent|lose:lost
make:made|mean:meant|meet:met|pay:paid|ride:rode ridden|rise:rose risen|run:ran|see:saw seen|seek:sought
sell:sold|send:sent|shake:shook shaken|shoot:shot|sink:sank sunk|sit:sat|sleep:slept|slide:slid
speak:spoke spoken|spend:spent|stand:stood|steal:stole stolen|stick:stuck|strike:struck|swear:swore sworn
take:took taken|teach:taught|tear:tore torn|think:thought|throw:threw thrown|understand:understood
uphold:upheld|undertake:undertook undertaken|wear:wore worn|win:won|withdraw:withdrew withdrawn
write:wrote written""".replace("\n", "|").strip("|").split("|")) for past in forms.split()}

_DIGIT_GROUP_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")       # "1,000" -> "1000"
# A currency code written before its figure ("RM340 million", "Rs500", "KSh2 billion") is a word of its
# own, so the figure reads as any other ("RM340 million" ~ "340 million ringgit": rm is ringgit in the
# synonym table). Only at the start of a word: "FORM3" is one word.
_CURRENCY_CODE = r"(?<![^\W_])(?:RM|Rs|Rp|KSh|Sh|R)(?=\d)"
_CURRENCY_START_RE = re.compile(_CURRENCY_CODE)
# A word, or an acronym written with dots ("U.S.", "U.K."): words split at apostrophes and hyphens.
_TOKEN_RE = re.compile(_CURRENCY_CODE + r"|(?:[A-Za-z]\.){2,}|\d+\.\d+[^\W_]*|[^\W_]+")
_USA = frozenset({"US", "USA"})                             # upper case only: "us" the pronoun is not
_CLITIC = "s"                                               # possessive "'s" after the split
_HTML_WORD_RE = re.compile(r"\S+|\s+")


# --- normalization --------------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Lower-case words of `text`: acronym dots removed, digit groups joined, decimals kept, possessive 's
    dropped, a currency code split from its figure.

    >>> tokens("The U.S. firm's 1,000 cameras and 2.5 million users")
    ['the', 'usa', 'firm', '1000', 'cameras', 'and', '2.5', 'million', 'users']
    >>> tokens("orders worth RM340 million")
    ['orders', 'worth', 'rm', '340', 'million']
    """
    text = T.normalize(str(text))
    if "," in text:
        text = _DIGIT_GROUP_RE.sub("", text)
    found = _TOKEN_RE.findall(text)
    joined = " ".join(found)
    if "." in joined or "US" in joined:
        found = ["usa" if w.replace(".", "") in _USA else w if w[0].isdigit() else w.replace(".", "") for w in found]
        joined = " ".join(found)
    folded = joined.lower() if joined.isascii() else T.fold(joined)
    return [w for w in folded.split() if w != _CLITIC]


_VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    """A tiny suffix stripper: plural -s/-es/-ies, -ing, -ed, final -e, doubled final consonant.

    Short verbs keep their stem ("used", "using" ~ "use"; "died", "dying" ~ "die"), a Greek plural
    in -ses reads as its -sis ("crises" ~ "crisis"), and "agreed" as "agree".

    >>> [stem(w) for w in ["companies", "sanctions", "operating", "operate", "documented", "stopped"]]
    ['company', 'sanction', 'operat', 'operat', 'document', 'stop']
    >>> [stem(w) for w in ["used", "using", "died", "dying", "crises", "crisis", "agreed", "agree"]]
    ['use', 'use', 'die', 'die', 'cris', 'cris', 'agre', 'agre']
    """
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith(("ies", "ied")):
        w = w[:-3] + "y" if len(w) > 4 else w[:-1]          # "denies" -> deny; "dies", "died" -> die
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("sis") and len(w) > 5:
        w = w[:-2]                                           # "crisis" -> cris, as "crises" -> crise -> cris
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) == 5 and w.endswith("ying") and w[0] not in _VOWELS:
        return w[0] + "ie"                                   # "dying", "lying" -> die, lie
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ing") and len(w) == 5 and _VOWELS.intersection(w[:2]):
        return w[:2] + "e"                                   # "using", "owing" -> use, owe ("thing", "bring" stay)
    elif w.endswith("ed") and len(w) > 4 and not (len(w) > 5 and w.endswith("eed")):
        w = w[:-2]
    elif w.endswith("ed") and len(w) == 4 and not w.endswith("eed") and _VOWELS.intersection(w[:2]):
        return w[:3]                                         # "used", "aged" -> use, age ("shed", "need" stay)
    if w.endswith("eed") and len(w) > 5:
        w = w[:-1]                                           # "agreed" -> agree (-> agre), as "proceed", "proceeded"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    # British and American spellings read alike: a doubled l ("cancelled", "travellers" ~ "canceled",
    # "travelers"; "install" reads instal, as all its forms do), -ise ~ -ize ("apologised" ~ "apologized",
    # "analyse" ~ "analyze"), -isation ~ -ization.
    if len(w) > 4 and w.endswith("ll"):
        w = w[:-1]
    elif len(w) > 6 and w.endswith("ller"):
        w = w[:-3] + "er"
    elif len(w) > 4 and w.endswith(("is", "ys")):
        w = w[:-1] + "z"
    elif w.endswith("isation"):
        w = w[:-6] + "zation"
    return w


@lru_cache(maxsize=4)
def load_synonyms(path: str | Path | None = None) -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """(stem -> canonical stem, first word -> [(phrase words, canonical)]) from the synonym table."""
    table = pd.read_csv(path or SYNONYMS_PATH, dtype=str, keep_default_na=False, comment=None)
    single: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for term, canonical in zip(table["term"], table["canonical"]):
        words, target = tokens(term), tokens(canonical)
        if not words or len(target) != 1:
            continue
        if len(words) == 1:
            single[stem(words[0])] = stem(target[0])
        else:
            phrases.setdefault(words[0], []).append((tuple(words), target[0]))
    for first in phrases:
        phrases[first].sort(key=lambda p: -len(p[0]))
    return single, phrases


_TERM_CACHE: dict[str, str | None] = {}


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[tuple[str, str]]:
    """The first two words of every multi-word synonym: a word list holding none of them holds no phrase."""
    return frozenset(p[:2] for phrases in load_synonyms()[1].values() for p, _ in phrases)


def _term(word: str) -> str | None:
    """The normalized content term of a token, or None for a function word."""
    found = _TERM_CACHE.get(word, 0)
    if found != 0:
        return found
    single, _ = load_synonyms()
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        term = None
    elif word in NUMBER_WORDS:
        term = str(NUMBER_WORDS[word])
    elif word in _BARE_DURATIONS:
        term = _BARE_DURATIONS[word]
    elif word[0].isdigit() and _NUMBER_RE.fullmatch(word):
        digits, suffix = _NUMBER_RE.fullmatch(word).groups()
        term = _number_term(Decimal(digits) * _SUFFIXES[suffix])
    else:
        s = stem(IRREGULAR_VERBS.get(word, word))
        term = single.get(s, s)
        if term in STOPWORDS:      # a synonym of a function word ("roughly" ~ "about") is one too
            term = None
    _TERM_CACHE[word] = term
    return term


@lru_cache(maxsize=1)
def _generic_terms() -> frozenset[str]:
    """The terms of GENERIC_WORDS ("firms" and "business" are the term company)."""
    return frozenset(t for t in map(_term, GENERIC_WORDS) if t is not None)


def _number_term(value: Decimal) -> str:
    """A number as its term: plain digits, no trailing zeros ("2500000", "2.5")."""
    return format(value.normalize(), "f")


@lru_cache(maxsize=65536)
def _duration(figure: str, unit: str) -> tuple[str, str] | None:
    """(figure, unit) terms of a length of time read in its coarsest unit (see DURATIONS), or None when
    `unit` is no unit of time or `figure` no figure.

    >>> _duration("120", "day"), _duration("4", "week"), _duration("18", "month"), _duration("7", "day")
    (('4', 'month'), ('4', 'week'), ('1.5', 'year'), ('7', 'day'))
    """
    length = DURATIONS.get(unit)
    if length is None or not _is_figure(figure):
        return None
    base = _DURATION_BASES.get(unit, unit)
    days = Fraction(figure) * length
    for target, size in DURATIONS.items():        # coarsest first
        value = days / size
        if target in _DURATION_BASES or size < DURATIONS[base]:
            continue
        if target == base or (value >= Fraction(3, 2) and (2 * value).denominator == 1):
            return _number_term(Decimal(value.numerator) / Decimal(value.denominator)), target
    return None


def _number_at(words: list[str], i: int) -> tuple[str, int] | None:
    """(term, index after it) of a number written in several words from words[i] on, else None.

    Tens and units join ("thirty-one", "thirty one"), "and a half" adds 0.5, and a scale after the
    number multiplies it ("2.5 million", "two and a half million", "sixty thousand"). Spelled out, the
    tens and units after "hundred" join it ("three hundred and twelve"), a scale multiplies the whole
    ("four hundred and ten thousand"), and a smaller number may follow a scale ("two million five hundred
    thousand", "one thousand and five"). `words` may hold "." for a decimal point between two words, as the
    corpus reads them.

    >>> _number_at(["eighty", "six", "drivers"], 0), _number_at(["2", ".", "5", "million"], 0)
    (('86', 2), ('2500000', 4))
    >>> _number_at("four hundred and ten thousand homes".split(), 0)
    ('410000', 5)
    """
    n, word = len(words), words[i]
    j, scaled = i + 1, False
    if word[0].isdigit():
        found = _NUMBER_RE.fullmatch(word)
        if found is None:
            return None
        digits, suffix = found.groups()
        if suffix is None and j + 1 < n and words[j] == "." and words[j + 1][0].isdigit():
            found = _NUMBER_RE.fullmatch(words[j + 1])
            if found is not None and "." not in found.group(1):
                digits, suffix = f"{digits}.{found.group(1)}", found.group(2)
                j += 2
        value, scaled = Decimal(digits) * _SUFFIXES[suffix], suffix is not None
    elif word in NUMBER_WORDS and word not in SCALES:
        value, j = _spelled_group(words, i)
    elif (word in _CLOCK_FRACTIONS and j + 1 < n and words[j] in ("past", "to")
          and words[j + 2:j + 3] not in (["percent"], ["per"])):        # "a quarter to 10 percent" is no time
        return _clock_time(word, words[j], words[j + 1], j + 2)
    else:
        return None
    if words[j:j + 3] == ["and", "a", "half"]:
        value, j = value + Decimal("0.5"), j + 3
    if not scaled and j < n and words[j] in SCALES:
        scale = SCALES[words[j]]
        value, j = value * scale, j + 1
        # What follows a spelled-out thousand or more, when smaller: "two million five hundred thousand".
        after = j + 1 if j < n and words[j] == "and" else j
        if not word[0].isdigit() and scale >= 1000 and after < n and words[after] in NUMBER_WORDS:
            rest = _number_at(words, after) or _spelled_group(words, after)
            alone = rest is not None and rest[1] == after + 1 and words[after] == "one"    # "... and one of them"
            if rest is not None and Decimal(rest[0]) < scale and not alone:
                value, j = value + Decimal(rest[0]), rest[1]
    return (_number_term(value), j) if j > i + 1 else None


def _clock_time(fraction: str, way: str, hour: str, end: int) -> tuple[str, int] | None:
    """(term, `end`) of a time of day told by the clock ("quarter past nine": 9.15, as "9.15" is read; "half
    past seven": 7.3; "quarter to ten": 9.45), or None when `hour` is no hour.

    >>> _clock_time("quarter", "past", "nine", 3), _clock_time("quarter", "to", "1", 3)
    (('9.15', 3), ('12.45', 3))
    >>> _clock_time("half", "to", "9", 3) is None
    True
    """
    h = NUMBER_WORDS.get(hour, int(hour) if hour.isdigit() else 0)
    minutes = _CLOCK_FRACTIONS[fraction]
    if not 1 <= h <= 12 or (way == "to" and minutes == 30):
        return None
    if way == "to":
        h, minutes = (h - 1) or 12, 60 - minutes
    return _number_term(h + Decimal(minutes) / 100), end


def _spelled_group(words: list[str], i: int) -> tuple[Decimal, int] | None:
    """(value, index after it) of a number below a thousand spelled out from words[i] on: tens and units
    ("thirty-one"), and those after a "hundred" ("three hundred and twelve"); None if words[i] is no number
    word or a scale.

    >>> _spelled_group("four hundred and ten thousand".split(), 0)
    (Decimal('410'), 4)
    >>> _spelled_group("three hundred and four hundred".split(), 0)
    (Decimal('300'), 2)
    """
    n, word = len(words), words[i]
    if word not in NUMBER_WORDS or word in SCALES:
        return None
    value, j = Decimal(NUMBER_WORDS[word]), i + 1
    if word in _TENS and j < n and words[j] in _UNITS:
        value, j = value + NUMBER_WORDS[words[j]], j + 1
    if value < 10 and j < n and words[j] == "hundred":
        value, j = value * 100, j + 1
        after = j + 1 if j < n and words[j] == "and" else j
        rest = _spelled_group(words, after) if after < n else None
        if rest is not None and rest[0] < 100:
            value, j = value + rest[0], rest[1]
    return value, j


def _half_duration(words: list[str], i: int) -> int | None:
    """The index after "a <unit of time> and a half" when it starts at words[i] (the figure 1.5), else None.

    >>> _half_duration(["in", "a", "year", "and", "a", "half"], 1), _half_duration(["a", "year", "and", "a"], 0)
    (6, None)
    """
    if (words[i] in _ARTICLES and i + 4 < len(words) and words[i + 1] in _DURATION_WORDS
            and words[i + 2:i + 5] == ["and", "a", "half"]):
        return i + 5
    return None


# A time of day told by the clock is its figure, as the time written in digits ("a quarter past nine" ~ "9.15",
# "half past seven" ~ "7.30"): minutes past the hour by the word before "past" or "to" (see `_clock_time`).
_CLOCK_FRACTIONS = {"quarter": 15, "half": 30}

# Words that can continue a number written in several words (see `_number_at`).
_NUMBER_FOLLOWERS = frozenset(SCALES) | _UNITS | {"half"}

# A share written as a fraction or a ratio is its percentage, and the word that ends it the term percent:
# "two-fifths" ~ "40 percent", "more than a third" ~ "35 percent" (33.3, approximate: see APPROXIMATE_WORDS),
# "one in five" and "one out of every five" ~ "20 percent", "nearly nine in ten" ~ "87 percent", "half of" ~
# "50 percent" (see `_share_at`). A fraction after "a", "an" or "one" is one only before "of" or last ("a third of
# the staff", "fell by a third"; "a third term" is an ordinal); a ratio's second number is at most 100 and no
# count of years or millions ("three in 2021", "one in ten years" are no shares).
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
_FRACTION_WORDS = {w + s: d for w, d in FRACTIONS.items() for s in ("", "s") if w != "half"}   # "half of" alone
_RATIO_MAX = 100
_SHARE_STARTS = (frozenset(NUMBER_WORDS) - frozenset(SCALES)) | _ARTICLES | {"half"}
_FRACTION_SET = frozenset(_FRACTION_WORDS)
# The words that can end a ratio: the whole numbers up to _RATIO_MAX, in digits or words.
_WHOLES = (frozenset(str(k) for k in range(1, _RATIO_MAX + 1))
           | {w for w, k in NUMBER_WORDS.items() if 1 <= k <= _RATIO_MAX})


def _count_word(word: str) -> int | None:
    """The whole number below _RATIO_MAX (or equal to it) one word writes ("a" is 1), else None."""
    if word.isdigit():
        value = int(word)
    elif word in _ARTICLES:
        value = 1
    else:
        value = NUMBER_WORDS.get(word) if word not in SCALES else None
    return value if value is not None and 1 <= value <= _RATIO_MAX else None


def _percent(count: int, whole: int) -> str:
    """The term of `count` parts in `whole`, as a percentage to one decimal ("40", "33.3")."""
    return _number_term((Decimal(100 * count) / whole).quantize(Decimal("0.1")))


def _share_at(words: list[str], i: int) -> tuple[str, int] | None:
    """(percentage term, index after it) of a share written as a fraction or a ratio from words[i] on (see
    FRACTIONS), else None. The word before the index takes the term percent.

    >>> _share_at(["two", "fifths"], 0), _share_at("a third of staff".split(), 0), _share_at("a third term".split(), 0)
    (('40', 2), ('33.3', 2), None)
    >>> _share_at("one out of every five".split(), 0), _share_at("half of them".split(), 0)
    (('20', 5), ('50', 2))
    """
    n, word = len(words), words[i]
    if word == "half":
        return ("50", i + 2) if i + 1 < n and words[i + 1] == "of" and not (i and words[i - 1] in _ARTICLES) else None
    count = _count_word(word)
    if count is None or i + 1 >= n:
        return None
    after = words[i + 1]
    if after in _FRACTION_WORDS:
        whole = _FRACTION_WORDS[after]
        if after in FRACTIONS:            # singular: one part ("a third of", "by a quarter")
            if count != 1 or (i + 2 < n and words[i + 2] != "of"):
                return None
        elif not 2 <= count < whole or word in _ARTICLES:
            return None
        return _percent(count, whole), i + 2
    if word in _ARTICLES:
        return None
    j = i + 2 if after == "in" else i + 3 if words[i + 1:i + 3] == ["out", "of"] else n
    if j < n and words[j] == "every":
        j += 1
    whole = _count_word(words[j]) if j < n and words[j] not in _ARTICLES else None
    if whole is None or not count < whole or (j + 1 < n and (words[j + 1] in SCALES or words[j + 1] in _DURATION_WORDS
                                                              or words[j + 1] == "percent")):
        return None
    return _percent(count, whole), j + 1


def terms(words: list[str]) -> list[tuple[str, str]]:
    """(term, surface word) for the content words of a token list, multi-word synonyms and numbers joined.

    >>> [t for t, _ in terms(tokens("the world's biggest maker of video surveillance equipment"))]
    ['world', 'largest', 'manufacturer', 'video', 'surveillanc', 'equipment']
    >>> [t for t, _ in terms(tokens("about two and a half million users, $4m"))]
    ['2500000', 'user', '4000000']
    >>> [t for t, _ in terms(tokens("within 120 days, or four months"))]
    ['within', '4', 'month', '4', 'month']
    """
    _, phrases = load_synonyms()
    cache = _TERM_CACHE
    if (_phrase_starts().isdisjoint(zip(words, words[1:])) and _NUMBER_FOLLOWERS.isdisjoint(words)
            and _DURATION_WORDS.isdisjoint(words) and _FRACTION_SET.isdisjoint(words)
            and not (("in" in words or "out" in words) and not _WHOLES.isdisjoint(words))):
        found = [(cache[w] if w in cache else _term(w), w) for w in words]
        return [(t, w) for t, w in found if t is not None]
    out = []
    i, n = 0, len(words)
    check_phrases = True
    while i < n:
        word = words[i]
        end = _half_duration(words, i) if word in _ARTICLES else None
        if end is not None:
            figure, unit = _duration("1.5", stem(words[i + 1]))
            out.extend([(figure, " ".join(words[i:end])), (unit, words[i + 1])])
            i = end
            continue
        if check_phrases and word in phrases:
            match = next(((p, c) for p, c in phrases[word] if tuple(words[i:i + len(p)]) == p), None)
            if match is not None:
                term = _term(match[1])      # None: a phrase for a function word ("more than" ~ "over")
                if term is not None:
                    out.append((term, " ".join(match[0])))
                i += len(match[0])
                continue
        share = _share_at(words, i) if word in _SHARE_STARTS or word[0].isdigit() else None
        if share is not None:
            out.extend([(share[0], " ".join(words[i:share[1]])), ("percent", words[share[1] - 1])])
            i = share[1]
            continue
        number = _number_at(words, i)
        if number is None and (word[0].isdigit() or word in NUMBER_WORDS):
            term = _term(word)
            number = (term, i + 1) if term is not None else None
        if number is not None:
            figure, end = number
            timed = end < n and words[end] in _DURATION_WORDS and not (i and words[i - 1] in _MONTHS)
            duration = _duration(figure, stem(words[end])) if timed else None
            out.append((duration[0] if duration else figure, " ".join(words[i:end])))
            if duration:
                out.append((duration[1], words[end]))
                end += 1
            i = end
            continue
        term = _term(word)
        if term is not None:
            out.append((term, word))
        i += 1
    return out


def _is_figure(term: str) -> bool:
    """Whether a term is a figure: a number other than 1 ("one of them" is no fact)."""
    return term.replace(".", "", 1).isdecimal() and term != "1"


def figure_ranges(words: list[str]) -> dict[str, tuple[float, float]]:
    """The range each approximate figure of a token list allows, by the figure's term (see APPROXIMATE_FACTOR).

    >>> figure_ranges(tokens("for more than five years, nearly 300 people and 12 boats"))
    {'5': (5.0, 7.5), '300': (200.0, 300.0)}
    """
    out: dict[str, tuple[float, float]] = {}
    i, n = 0, len(words)
    while i < n:
        found = _share_at(words, i) if words[i] in _SHARE_STARTS or words[i][0].isdigit() else None
        found = found or _number_at(words, i)
        if found is None:
            word = words[i]
            term = _term(word) if word[0].isdigit() or word in NUMBER_WORDS else None
            found = (term, i + 1) if term is not None else None
        if found is None or not _is_figure(found[0]):
            i += 1
            continue
        term, end = found
        if end < n and words[end] in _DURATION_WORDS:    # (a day of the month has no approximate word before it)
            term = (_duration(term, stem(words[end])) or (term,))[0]
        way = next((APPROXIMATE_WORDS[before] for k in _APPROXIMATE_LENGTHS if k <= i
                    and (before := tuple(words[i - k:i])) in APPROXIMATE_WORDS), None)
        if way is None and end < n and words[end] == "plus":
            way = "up"
        if way is not None:
            value = float(term)
            out[term] = (value if way == "up" else value / APPROXIMATE_FACTOR,
                         value if way == "down" else value * APPROXIMATE_FACTOR)
        i = end
    return out


def lengths_of_time(words: list[str]) -> list[float]:
    """The lengths of time of a token list in days, as `terms` reads them (a figure and its unit, "a year and a
    half").

    >>> lengths_of_time(tokens("within six weeks, or a month and a half, on March 14, not 2 days"))
    [42.0, 45.0, 2.0]
    """
    out = []
    i, n = 0, len(words)
    while i < n:
        if words[i] in _ARTICLES and (end := _half_duration(words, i)) is not None:
            out.append(1.5 * float(DURATIONS[stem(words[i + 1])]))
            i = end
            continue
        found = _number_at(words, i)
        if found is None and (words[i][0].isdigit() or words[i] in NUMBER_WORDS):
            term = _term(words[i])
            found = (term, i + 1) if term is not None else None
        if found is None:
            i += 1
            continue
        term, end = found
        if (end < n and words[end] in _DURATION_WORDS and not (i and words[i - 1] in _MONTHS)
                and term.replace(".", "", 1).isdecimal()):
            out.append(float(term) * float(DURATIONS[stem(words[end])]))
        i = end
    return out


def negated(words: list[str]) -> bool:
    """Whether a token list holds a negation (see NEGATIONS).

    >>> [negated(tokens(text)) for text in ["It did not specify the threats", "It didn't", "It did"]]
    [True, True, False]
    """
    return any(w in NEGATIONS or (w == "t" and i > 0 and words[i - 1].endswith("n")) for i, w in enumerate(words))


def direction(words: list[str]) -> int:
    """1 when a token list tells of a figure that rose (see RISE_WORDS) and none that fell, -1 for a fall and no rise,
    else 0.

    >>> [direction(tokens(text)) for text in ["Sales rose 5 percent", "Sales fell by a third", "Sales fell 2%, then rose 3%"]]
    [1, -1, 0]
    >>> [direction(tokens(text)) for text in ["Sales fell", "It falls well short of the 9 percent asked"]]
    [0, 0]
    """
    rise = fall = False
    for i, word in enumerate(words):
        if word in RISE_WORDS or word in FALL_WORDS:
            after = words[i + 1:i + 1 + DIRECTION_REACH]
            if any(w[0].isdigit() or w in NUMBER_WORDS or w in _FRACTION_WORDS for w in after):
                rise, fall = rise or word in RISE_WORDS, fall or word in FALL_WORDS
    return int(rise) - int(fall)


def _ranges_meet(a, b) -> bool:
    """Whether some range (low, high, kind) of `a` meets some range of `b` of its kind (0: a figure, 1: a length of
    time in days)."""
    return any(kind_a == kind_b and low_a <= high_b and low_b <= high_a
               for low_a, high_a, kind_a in a for low_b, high_b, kind_b in b)


# --- comparing two passages -----------------------------------------------------------------------

class _Passage:
    """One sentence (or a run of neighbouring sentences): its words and weighted content terms, the
    terms that only go on a name (see `_Corpus.name_incidence`), the terms that are figures and those
    that are GENERIC_WORDS."""
    __slots__ = ("words", "terms", "surface", "norm2", "idf", "names", "figures", "generic", "ranges", "negated",
                 "headline", "direction")

    def __init__(self, words, term_ids, surface, idf, names=frozenset(), figures=frozenset(), generic=frozenset(),
                 ranges=(), negated=False, headline=False, direction=0):
        self.words, self.idf = words, idf
        self.terms = term_ids
        self.surface = surface
        self.norm2 = sum(idf[t] ** 2 for t in term_ids)
        self.names, self.figures, self.generic = names, figures, generic
        self.ranges = ranges       # the figures as (low, high, kind): see `_Corpus.figure_ranges`
        self.negated = negated     # a sentence of it holds a negation (see NEGATIONS)
        self.headline = headline   # it is a headline (never a paraphrase)
        self.direction = direction  # it tells of a rise (1) or a fall (-1) only (see RISE_WORDS)


def _compare(a: _Passage, b: _Passage, idf, distinctive: float) -> tuple[str, float, frozenset[int]] | None:
    """(relation, similarity, shared term ids) when a and b are reuse of each other, else None.

    `distinctive` is the IDF a shared term not in GENERIC_WORDS needs to count towards MIN_DISTINCTIVE_SHARED.
    """
    shared = a.terms & b.terms
    figures = a.figures & b.figures
    if len(shared) + len(figures) < FEW_SHARED_TERMS:
        return None
    weight = sum(idf[t] for t in shared)
    if weight < MIN_SHARED_WEIGHT * distinctive / DISTINCTIVE_IDF_SHARE:
        return None
    cosine = sum(idf[t] ** 2 for t in shared) / math.sqrt(a.norm2 * b.norm2) if a.norm2 and b.norm2 else 0.0
    named = a.names & b.names
    if len(shared) + len(figures) < MIN_SHARED_TERMS and (named or cosine < FEW_TERMS_COSINE):
        return None
    matched = common_subsequence(a.words, b.words)
    lengths = np.array([len(a.words)]), np.array([len(b.words)])
    longest = longest_run(a.words, b.words) if _needs_run(np.array([matched]), *lengths)[0] else 0
    facts = len(shared - named) + len(figures)
    n_distinctive = sum(1 for t in shared - a.generic if idf[t] >= distinctive)
    figures_differ = bool(a.figures) and bool(b.figures) and not figures and not _ranges_meet(a.ranges, b.ranges)
    relation, similarity = _relations(np.array([matched]), np.array([longest]), *lengths, np.array([facts]),
                                      np.array([cosine]), np.array([n_distinctive]), np.array([not named]),
                                      np.array([figures_differ or a.headline or b.headline
                                                or a.direction * b.direction < 0]),
                                      np.array([a.negated != b.negated]), np.array([bool(figures)]))
    return None if relation[0] < 0 else (RELATIONS[relation[0]], float(similarity[0]), shared)


def _needs_run(matched: np.ndarray, len_a: np.ndarray, len_b: np.ndarray) -> np.ndarray:
    """Pairs whose longest shared run can change their relation or similarity (see `_relations`).

    The run matters only for a trimmed copy (the shorter side is all in the other, matched ==
    shorter), a long run in an otherwise edited pair, or a verbatim pair's similarity; the run is
    never longer than the common subsequence, so elsewhere it can be left at 0.
    """
    ratio = 2.0 * matched / (len_a + len_b)
    shorter = np.minimum(len_a, len_b)
    return ((ratio >= VERBATIM_RATIO) | ((matched >= TRIMMED_RUN) & (matched >= shorter))
            | ((ratio < NEAR_RATIO) & (matched >= VERBATIM_RUN) & (matched >= NEAR_COVER * shorter)))


def _relations(matched: np.ndarray, longest: np.ndarray, len_a: np.ndarray, len_b: np.ndarray,
               n_facts: np.ndarray, cosine: np.ndarray, n_distinctive: np.ndarray, unnamed: np.ndarray,
               barred: np.ndarray, polarity_differs: np.ndarray, anchored: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index into RELATIONS or -1 for none, similarity) of passage pairs, from their word counts,
    common subsequence, longest shared run and shared-term statistics (arrays, one item per pair):
    `n_facts` counts the shared terms with a name shared by both as one; `unnamed` is true for pairs that
    share no name (the few-terms rule, see FEW_SHARED_TERMS, is for them only); `barred` is true for pairs
    that are never paraphrases: both give figures and none agree ("fell 7 percent" / "fell 11
    percent"), or one is a headline, or one tells of a rise and the other of a fall; `polarity_differs` when one is
    negated and the other not (it matters only to the long-sentence rule, and may be left false for pairs that rule
    does not decide); `anchored` when they share a figure (see ANCHORED_COSINE)."""
    ratio = 2.0 * matched / (len_a + len_b)
    shorter = np.minimum(len_a, len_b)
    verbatim = (ratio >= VERBATIM_RATIO) | ((longest >= TRIMMED_RUN) & (longest >= shorter))
    near = (ratio >= NEAR_RATIO) | ((longest >= VERBATIM_RUN) & (longest >= NEAR_COVER * shorter))
    paraphrase = ((((n_facts >= MIN_SHARED_TERMS) & (cosine >= PARAPHRASE_COSINE))
                   | ((n_facts >= FEW_SHARED_TERMS) & unnamed & (cosine >= FEW_TERMS_COSINE))
                   | ((n_facts >= LONG_MIN_SHARED) & ~polarity_differs
                      & (cosine >= np.where(anchored, ANCHORED_COSINE, LONG_PARAPHRASE_COSINE))))
                  & (n_distinctive >= MIN_DISTINCTIVE_SHARED) & ~barred)
    relation = np.select([verbatim, near, paraphrase], [0, 1, 2], -1)
    run_share = np.divide(longest, shorter, out=np.zeros(len(ratio)), where=verbatim & (shorter > 0))
    similarity = np.minimum(np.maximum(np.maximum(ratio, cosine), run_share), 1.0)
    return relation, similarity


def common_subsequence(a: list, b: list) -> int:
    """Length of the longest common subsequence of two word lists (bit-parallel, Hyyrö 2004).

    >>> common_subsequence("the firm said it would appeal".split(), "the firm would not appeal".split())
    4
    """
    masks: dict = {}
    bit = 1
    for word in a:
        masks[word] = masks.get(word, 0) | bit
        bit <<= 1
    full = state = bit - 1
    for word in b:
        match = masks.get(word)
        if match:
            low = state & match
            state = ((state + low) | (state - low)) & full
    return len(a) - state.bit_count()


def longest_run(a: list, b: list) -> int:
    """Length of the longest run of words found, in the same order and unbroken, in both lists.

    >>> longest_run("a b c d e".split(), "x b c d y e".split())
    3
    """
    positions: dict = {}
    for j, word in enumerate(b):
        positions.setdefault(word, []).append(j)
    best, ending = 0, {}
    for word in a:
        current = {}
        for j in positions.get(word, ()):
            k = current[j] = ending.get(j - 1, 0) + 1
            if k > best:
                best = k
        ending = current
    return best


# --- the same measures for many pairs at once -----------------------------------------------------
# Word sequences are given as one flat array of word ids and the bounds of each sequence in it
# (sequence s is flat[bounds[s]:bounds[s + 1]]). Pairs whose shorter side fits in one 64-bit word
# run the bit-parallel algorithms in numpy, all pairs of a block in lockstep; longer pairs (rare)
# use the functions above.
_WORD_BITS = 64
_ONE = np.uint64(1)


def _match_masks(flat: np.ndarray, bounds: np.ndarray, short: np.ndarray, long_: np.ndarray) -> np.ndarray:
    """Match masks, (words of the longest `long_` sequence) x pairs: bit i of [j, p] is set when word i
    of sequence short[p] equals word j of sequence long_[p] (the bit masks of `common_subsequence`).

    The bits of each word of a short sequence are gathered once per distinct short sequence (a
    sequence is paired with many others), as sorted (sequence, word) keys; each word of a long
    sequence then looks its key up."""
    n_long = bounds[long_ + 1] - bounds[long_]
    width = int(flat.max()) + 1 if len(flat) else 1
    order = np.argsort(short, kind="stable")
    new = np.r_[True, short[order][1:] != short[order][:-1]] if len(short) else np.zeros(0, dtype=bool)
    distinct = short[order][new]
    which = np.empty(len(short), dtype=np.int64)
    which[order] = np.cumsum(new) - 1                 # the pair's short sequence, as an index into `distinct`
    n_short = bounds[distinct + 1] - bounds[distinct]
    seq = np.repeat(np.arange(len(distinct)), n_short)
    position = np.arange(len(seq)) - np.repeat(np.cumsum(n_short) - n_short, n_short)
    keys = seq * width + flat[np.repeat(bounds[distinct], n_short) + position]
    order = np.argsort(keys, kind="stable")
    keys, bits = keys[order], _ONE << position[order].astype(np.uint64)
    firsts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.empty(0, np.int64)
    keys = keys[firsts]
    masks = np.bitwise_or.reduceat(bits, firsts) if len(firsts) else bits
    pair = np.repeat(np.arange(len(long_)), n_long)
    column = np.arange(len(pair)) - np.repeat(np.cumsum(n_long) - n_long, n_long)
    wanted = which[pair] * width + flat[np.repeat(bounds[long_], n_long) + column]
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    hit = keys[at] == wanted if len(keys) else np.zeros(len(wanted), dtype=bool)
    out = np.zeros((int(n_long.max()) if len(n_long) else 0, len(short)), dtype=np.uint64)
    out[column[hit], pair[hit]] = masks[at[hit]]
    return out


def _subsequence_from_masks(masks: np.ndarray, n_short: np.ndarray) -> np.ndarray:
    """`common_subsequence` of every pair (column) of a match-mask array."""
    full = np.where(n_short >= _WORD_BITS, ~np.uint64(0),
                    (_ONE << np.minimum(n_short, _WORD_BITS - 1).astype(np.uint64)) - _ONE)
    state = full.copy()
    for match in masks:       # uint64 sums wrap at 2**64, which the mask `full` drops anyway
        low = state & match
        state = ((state + low) | (state - low)) & full
    return n_short - np.bitwise_count(state).astype(np.int64)


def _run_from_masks(masks: np.ndarray, n_short: np.ndarray) -> np.ndarray:
    """`longest_run` of every pair (column): bit i of row j stays set while a run ending at word i
    and word j is at least as long as the number of rounds so far."""
    best = np.zeros(masks.shape[1], dtype=np.int64)
    alive = np.arange(masks.shape[1])
    while len(masks) and len(alive):
        going = masks.any(axis=0)
        alive, masks = alive[going], masks[:, going]
        best[alive] += 1
        masks = masks[1:] & (masks[:-1] << _ONE)
    return best


def _for_pairs(flat: np.ndarray, bounds: np.ndarray, left: np.ndarray, right: np.ndarray, from_masks, one_pair,
               block: int = 8192) -> np.ndarray:
    """A symmetric measure of many sequence pairs: bit-parallel in numpy, `one_pair` for long ones.

    Pairs are sorted by the length of their longer side, so a block's mask array has little padding.
    """
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    n_left, n_right = bounds[left + 1] - bounds[left], bounds[right + 1] - bounds[right]
    swap = n_left > n_right
    short, long_ = np.where(swap, right, left), np.where(swap, left, right)
    n_short = np.minimum(n_left, n_right)
    out = np.zeros(len(left), dtype=np.int64)
    for p in np.flatnonzero(n_short > _WORD_BITS).tolist():
        out[p] = one_pair(flat[bounds[short[p]]:bounds[short[p] + 1]].tolist(),
                          flat[bounds[long_[p]]:bounds[long_[p] + 1]].tolist())
    todo = np.flatnonzero(n_short <= _WORD_BITS)
    todo = todo[np.argsort(np.maximum(n_left, n_right)[todo], kind="stable")]
    for first in range(0, len(todo), block):
        part = todo[first:first + block]
        out[part] = from_masks(_match_masks(flat, bounds, short[part], long_[part]), n_short[part])
    return out


def common_subsequences(flat: np.ndarray, bounds: np.ndarray, left, right) -> np.ndarray:
    """`common_subsequence` of sequences left[p] and right[p] for every p (see above for the layout)."""
    return _for_pairs(flat, bounds, left, right, _subsequence_from_masks, common_subsequence)


def longest_runs(flat: np.ndarray, bounds: np.ndarray, left, right) -> np.ndarray:
    """`longest_run` of sequences left[p] and right[p] for every p."""
    return _for_pairs(flat, bounds, left, right, _run_from_masks, longest_run)


def common_openings(flat: np.ndarray, bounds: np.ndarray, left, right) -> np.ndarray:
    """How many words sequences left[p] and right[p] share at their start, for every p (the layout above)."""
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    limit = np.minimum(bounds[left + 1] - bounds[left], bounds[right + 1] - bounds[right])
    out = np.zeros(len(left), dtype=np.int64)
    alive = np.flatnonzero(limit > 0)
    while len(alive):
        alive = alive[flat[bounds[left[alive]] + out[alive]] == flat[bounds[right[alive]] + out[alive]]]
        out[alive] += 1
        alive = alive[out[alive] < limit[alive]]
    return out


# --- the corpus of sentences ----------------------------------------------------------------------

class _Lazy:
    """A list whose items are computed on first access."""

    def __init__(self, n: int, make):
        self._items, self._make = [None] * n, make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, k: int):
        item = self._items[k]
        if item is None:
            item = self._items[k] = self._make(k)
        return item

    def __iter__(self):
        return (self[k] for k in range(len(self)))


# Corpus tokens: digit groups ("1,000"), a currency code before its figure, dotted acronyms, words, an
# apostrophe or hyphen joining two words (counted, as analysis.text.count_words does, to join them into
# one word), a decimal point (it separates two words there, and joins two numbers into one term here),
# sentence breaks.
_TOKEN_OR_BREAK_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|" + _CURRENCY_CODE
                                + r"|(?:[A-Za-z]\.){2,}|[^\W_]+|(?<=[^\W_])['’\-](?=[^\W_])|(?<=\d)\.(?=\d)|\n")
_JOINERS = frozenset("'’-")
# For `_factorized_tokens`: the characters a token or its context can hold stay (ASCII letters and
# digits, , . ' - and every non-ASCII byte), the newline becomes \x1e, every other ASCII byte a space.
_TOKEN_CHARS = ",.'-"
_TOKEN_BYTES = bytes(b if b >= 128 or chr(b).isalnum() or chr(b) in _TOKEN_CHARS else 0x1e if b == ord("\n") else ord(" ")
                     for b in range(256))
_WORD_CHAR_RE = re.compile(r"[^\W_]")


def _factorized_tokens(texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """pd.factorize of _TOKEN_OR_BREAK_RE.findall("\\n".join(texts)) (texts without newlines): the code
    of each token and the distinct tokens in order of first appearance, ~2x faster.

    No token, nor what a token's pattern looks at around it, holds a space or a character that is
    neither a word character nor one of , . ' ’ -: those become spaces, the text splits at spaces
    (as UTF-8 bytes, in C), and each distinct piece is tokenized once, by the pattern itself when it
    holds one of , . ' ’ - or starts with a currency code and a digit (a piece of word characters alone
    is otherwise one word)."""
    text = " \n ".join(texts)        # the newlines stand alone, as tokens
    utf8 = text.encode("utf-8", "surrogatepass")
    for char in set(utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):   # non-ASCII characters
        if char != "\u2019" and not _WORD_CHAR_RE.match(char):
            text = text.replace(char, " ")
            utf8 = b""
    codes, distinct = T.split_factorized((utf8 or text.encode("utf-8", "surrogatepass")).translate(_TOKEN_BYTES))
    token_ids: dict[str, int] = {}
    flat, n_tokens = [], []
    for piece in distinct:
        if piece == b"\x1e":
            tokens = ["\n"]
        else:
            word = piece.decode("utf-8", "surrogatepass")
            split = any(c in word for c in ",.'-\u2019") or _CURRENCY_START_RE.match(word)
            tokens = _TOKEN_OR_BREAK_RE.findall(word) if split else [word]
        flat.extend(token_ids.setdefault(t, len(token_ids)) for t in tokens)
        n_tokens.append(len(tokens))
    n_tokens = np.array(n_tokens, dtype=np.int64)
    starts = np.cumsum(n_tokens) - n_tokens
    counts = n_tokens[codes]
    at = np.repeat(starts[codes] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    return np.array(flat, dtype=np.int64)[at], list(token_ids)


_ASCII_BYTES = bytes(range(128))


def _normal_word(token: str) -> str | None:
    """The word form of one raw token (see `tokens`); None for a dropped possessive 's'."""
    if "." in token or "," in token:
        token = token.replace(".", "").replace(",", "")
    if token in _USA:
        return "usa"
    word = token.lower() if token.isascii() else T.fold(token)
    word = " ".join(word.split()) or None
    return None if word == _CLITIC else word


def _integers(values: pd.Series) -> np.ndarray:
    """Values as int64, 0 for missing or not numeric ones."""
    return pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype=np.int64)


def _str_codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each value's rank among the distinct values as strings (sorted), and those strings.

    Strings are made once per distinct value, not once per row.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    ranks, names = pd.factorize(pd.Series([str(u) for u in uniques], dtype=object), sort=True)
    return ranks[codes], names.tolist()


class _Corpus:
    """Content sentences as parallel arrays, grouped into distinct word sequences ("types")."""

    def __init__(self, content: pd.DataFrame):
        n = len(content)
        # Columns are read by position (no copy of the frame); a missing one is the default throughout.
        col = lambda name, default: content[name] if name in content.columns else pd.Series([default] * n)  # noqa: E731
        # Sentences in article order (article id, sentence, start): each type's members, and each
        # article's sentences for joining neighbours into passages.
        self.article_rank, self.article_names = _str_codes(col("article_id", ""))   # ranks number the names in order
        names = self.article_names
        self.sentence = _integers(col("sentence", 0))
        self.line = _integers(col("line", 0))
        self.start = _integers(col("start", 0))
        self.end = _integers(col("end", 0))
        roles, role_names = _str_codes(col("role", "body"))
        self.headline = np.array([r == "headline" for r in role_names], dtype=bool)[roles]
        self.text = col("text", "")          # read again only for the few sentences whose figures differ
        self._tokenize(self.text)
        self._figure_ranges: dict[int, tuple[tuple[float, float], ...]] = {}
        self._negated: dict[int, bool] = {}
        self._direction: dict[int, int] = {}
        n_types = max(self.n_types, 1)
        # Rarity over distinct sentences, so a story copied 500 times does not make its own words common.
        self.idf = np.maximum(np.log((n_types + 1) / (self.df + 0.5)), 0.0).tolist()
        self.distinctive = DISTINCTIVE_IDF_SHARE * math.log((n_types + 1) / 1.5)
        self.type_words = _Lazy(self.n_types, self._type_words)
        self.type_terms = _Lazy(self.n_types, self._type_terms)
        self.type_surface = _Lazy(self.n_types, self._type_surface)
        article_rank, types = self.article_rank, self.type
        order = np.lexsort((self.start, self.sentence, article_rank))
        self._by_type = by_type = order[np.argsort(types[order], kind="stable")]
        self.type_size = np.bincount(types, minlength=self.n_types)
        # Types all of whose sentences are headlines (see the thresholds: never paraphrases).
        self.headline_type = np.bincount(types[self.headline], minlength=self.n_types) == self.type_size
        ends = np.cumsum(self.type_size)
        self._type_bounds = np.r_[0, ends]
        self.first_member = by_type[ends - self.type_size] if n else np.empty(0, np.int64)
        # Per type: how many articles use it, and the article's rank when only one does (else -1).
        rank, of_type = article_rank[by_type], types[by_type]
        new_article = np.r_[True, (of_type[1:] != of_type[:-1]) | (rank[1:] != rank[:-1])] if n else np.zeros(0, bool)
        self.spread = np.bincount(of_type[new_article], minlength=self.n_types)
        self.sole_article = np.where(self.spread == 1, rank[ends - 1] if n else 0, -1)
        ranked = article_rank[order]
        cuts = np.flatnonzero(ranked[1:] != ranked[:-1]) + 1
        self.by_article: dict[str, np.ndarray] = {names[article_rank[ids[0]]]: ids for ids in np.split(order, cuts) if len(ids)}
        # The neighbouring sentence in the same paragraph (-1: none), for joining passages.
        paragraph = _integers(col("paragraph", 0))[order]
        joined = (ranked[1:] == ranked[:-1]) & (paragraph[1:] == paragraph[:-1])
        self.previous, self.next = np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64)
        self.next[order[:-1][joined]] = order[1:][joined]
        self.previous[order[1:][joined]] = order[:-1][joined]

    def members(self, t: int) -> list[int]:
        """The sentences of type t, in article order."""
        return self._by_type[self._type_bounds[t]:self._type_bounds[t + 1]].tolist()

    def _tokenize(self, texts: pd.Series, block: int = 20000) -> None:
        """Words and terms of every sentence in a few passes over the corpus text, a block of sentences at a time.

        A block's sentences are joined with newlines and tokenized at once; each distinct token is
        normalized once. Only int32 arrays are kept: every sentence's word ids and term ids, flat,
        with the bounds of each sentence (phrases never span sentences, so blocks are independent).
        """
        n = len(texts)
        # Tokens of the raw text equal those of its normalized view (quotes, dashes and spaces split
        # words either way), so each block is tokenized as it is.
        token_ids: dict[str, int] = {}
        coded = []
        for first in range(0, n, block):
            codes, uniques = _factorized_tokens([t.replace("\n", " ").replace("\r", " ") if isinstance(t, str) else ""
                                                 for t in texts.iloc[first:first + block].tolist()])
            ids = np.array([token_ids.setdefault(token, len(token_ids)) for token in uniques], dtype=np.int32)
            coded.append(ids[codes])
        vocab: dict[str, int] = {}
        terms_vocab: dict[str, int] = {}
        word_of = np.empty(len(token_ids), dtype=np.int32)
        term_of = np.empty(len(token_ids), dtype=np.int32)
        capital = np.array([token[:1].isupper() for token in token_ids], dtype=bool)
        for k, token in enumerate(token_ids):
            if token == "\n":
                word_of[k], term_of[k] = -2, -1
                continue
            if token in _JOINERS:
                word_of[k], term_of[k] = -3, -1
                continue
            if token == ".":
                word_of[k], term_of[k] = -4, -1
                continue
            word = _normal_word(token)
            if word is None:
                word_of[k], term_of[k] = -1, -1
                continue
            word_of[k] = vocab.setdefault(word, len(vocab))
            term = _term(word)
            term_of[k] = -1 if term is None else terms_vocab.setdefault(term, len(terms_vocab))
        del token_ids
        for phrases in load_synonyms()[1].values():    # known before `_join_phrases` adds them
            for _, canonical in phrases:
                vocab.setdefault(canonical, len(vocab))
        numbers = self._number_words(vocab)
        self._numbers_read: dict[int, tuple[int, int, int]] = {}
        self._term_list: list[str] = []                       # terms_vocab's keys by id, as far as needed
        n_words, words, n_kept, term_ids, term_words, n_term_ids, in_name = [], [], [], [], [], [], []
        for first in range(0, n, block):
            size = min(block, n - first)
            codes = coded[first // block]
            coded[first // block] = None                      # freed block by block
            occ_word, occ_term, occ_capital = word_of[codes], term_of[codes], capital[codes]
            del codes
            sentence_of = np.cumsum(occ_word == -2, dtype=np.int32)
            # Words as analysis.text.count_words counts them: tokens joined by an apostrophe or hyphen are one.
            counted = (occ_word != -2) & (occ_word != -3) & (occ_word != -4)
            n_words.append(np.bincount(sentence_of[counted], minlength=size)
                           - np.bincount(sentence_of[occ_word == -3], minlength=size))
            # The word sequence keeps the words as written: a phrase synonym is a changed word to the copy
            # measures ("10 per cent" / "10 percent" is a near-verbatim copy), one term to the paraphrase ones.
            written = occ_word
            occ_word, occ_term = self._join_phrases(occ_word, occ_term, vocab, terms_vocab)
            occ_term, occ_surface = self._join_numbers(occ_word, occ_term, numbers, vocab, terms_vocab)
            occ_term, occ_surface = self._join_half_durations(occ_word, occ_term, occ_surface, numbers, vocab,
                                                              terms_vocab)
            occ_term = self._join_durations(occ_word, occ_term, numbers, terms_vocab)
            keep = written >= 0
            words.append(written[keep])
            n_kept.append(np.bincount(sentence_of[keep], minlength=size))
            has_term = occ_term >= 0
            term_ids.append(occ_term[has_term])
            term_words.append(occ_surface[has_term])
            # A capitalized word right after a capitalized content word goes on a name ("Pablo *Ferrer*",
            # "the Prairie *Regional Police Service*"): a name shared by two sentences is one fact.
            named = occ_capital & np.r_[False, occ_capital[:-1] & (occ_term[:-1] >= 0)]
            in_name.append(named[has_term])
            n_term_ids.append(np.bincount(sentence_of[has_term], minlength=size))
        del coded, word_of, term_of, self._numbers_read, self._term_list
        join = lambda parts, dtype: np.concatenate(parts) if parts else np.empty(0, dtype)  # noqa: E731
        self.n_words = join(n_words, np.int64)
        self.words_vocab = sorted(vocab, key=vocab.get)
        self.term_names = sorted(terms_vocab, key=terms_vocab.get)
        self._words = join(words, np.int32)
        self._word_bounds = np.r_[0, np.cumsum(join(n_kept, np.int64))]
        self._terms = join(term_ids, np.int32)
        self._term_words = join(term_words, np.int32)
        in_name = join(in_name, bool)
        self._term_bounds = np.r_[0, np.cumsum(join(n_term_ids, np.int64))]
        del words, term_ids, term_words, capital

        # Distinct word sequences ("types"), numbered in order of first appearance; a block of
        # sentences at a time, so only the distinct sequences are held as bytes.
        type_of: dict[bytes, int] = {}
        codes = np.empty(n, dtype=np.int64)
        for first in range(0, n, block):
            bounds = self._word_bounds[first:first + block + 1].tolist()
            codes[first:first + len(bounds) - 1] = [type_of.setdefault(self._words[a:b].tobytes(), len(type_of))
                                                    for a, b in zip(bounds[:-1], bounds[1:])]
        self.type = codes
        self.n_types = len(type_of)
        del type_of
        # The type x term incidence matrix (binary) from each type's first sentence, a block of
        # types at a time; df per term.
        first = stats.unique_ints(codes, return_index=True)[1]
        width = max(len(terms_vocab), 1)
        rows, cols = [np.empty(0, np.int32)], [np.empty(0, np.int32)]
        name_rows, name_cols = [np.empty(0, np.int32)], [np.empty(0, np.int32)]
        for at in range(0, self.n_types, block):
            lo, hi = self._term_bounds[first[at:at + block]], self._term_bounds[first[at:at + block] + 1]
            starts = np.r_[0, np.cumsum(hi - lo)]
            at_term = np.repeat(lo - starts[:-1], hi - lo) + np.arange(starts[-1])
            keys = np.repeat(np.arange(at, at + len(lo), dtype=np.int64), hi - lo) * width + self._terms[at_term]
            # A term is in a name when every use of it in the sentence is (a word used alone is not):
            # sorted with its uses out of a name last, a key whose last use is in a name is one.
            ordered = np.sort(keys * 2 + ~in_name[at_term])
            keys = ordered >> 1
            last = np.r_[keys[1:] != keys[:-1], True] if len(keys) else np.zeros(0, dtype=bool)
            named = keys[last & ((ordered & 1) == 0)]
            keys = keys[last]
            rows.append((keys // width).astype(np.int32))
            cols.append((keys % width).astype(np.int32))
            name_rows.append((named // width).astype(np.int32))
            name_cols.append((named % width).astype(np.int32))
        self.incidence = np.concatenate(rows), np.concatenate(cols)
        # The (type, term) entries of terms that only go on a name in the sentence, after its first
        # word ("Pablo Ferrer": ferrer): two sentences sharing the name share one fact, not two.
        self.name_incidence = np.concatenate(name_rows), np.concatenate(name_cols)
        del rows, cols, name_rows, name_cols, in_name
        self.df = np.bincount(self.incidence[1], minlength=len(terms_vocab))
        self.n_terms = np.bincount(self.incidence[0], minlength=self.n_types)
        # Terms that are figures ("18", "2500000"; not "1", mostly the word "one" as in "one of them").
        self.is_number = np.array([_is_figure(t) for t in self.term_names], dtype=bool)
        self.n_figures = np.bincount(self.incidence[0][self.is_number[self.incidence[1]]], minlength=self.n_types)
        generic = _generic_terms()
        self.is_generic = np.array([t in generic for t in self.term_names], dtype=bool)

    def _join_phrases(self, occ_word, occ_term, vocab, terms_vocab):
        """Multi-word synonyms ("united states" -> usa): the first word takes the phrase's term.

        Words are read as `terms` reads them, without hyphens, apostrophes and dropped words (a possessive
        's): "self-driving" is the phrase "self driving"."""
        _, phrases = load_synonyms()
        starts = {vocab[w]: w for w in phrases if w in vocab}
        if not starts:
            return occ_word, occ_term
        occ_word, occ_term = occ_word.copy(), occ_term.copy()
        n = len(occ_word)
        at = np.flatnonzero(np.isin(occ_word[:-1], list(starts)))
        after = at + 1                               # the next word (past hyphens and dropped words)
        skip = np.flatnonzero((occ_word[after] == -3) | (occ_word[after] == -1))
        while len(skip):
            after[skip] += 1
            skip = skip[after[skip] < n]
            skip = skip[(occ_word[after[skip]] == -3) | (occ_word[after[skip]] == -1)]
        # Only where the next word goes on: "look", "signed" start phrases far more often than they are one.
        width = len(vocab) + 1
        pairs = [vocab[p[0]] * width + vocab[p[1]] for w in starts.values() for p, _ in phrases[w] if p[1] in vocab]
        going = (after < n) & np.isin(occ_word[at].astype(np.int64) * width + occ_word[np.minimum(after, n - 1)], pairs)
        for pos in at[going].tolist():
            if occ_word[pos] < 0:
                continue                  # inside the phrase before
            for phrase, canonical in phrases[starts[int(occ_word[pos])]]:
                ids = [vocab.get(w, -9) for w in phrase]
                places = [pos]
                for k in range(pos + 1, n):
                    if len(places) == len(ids):
                        break
                    if occ_word[k] != -3 and occ_word[k] != -1:
                        places.append(k)
                if occ_word[places].tolist() == ids:
                    term = _term(canonical)     # None: a phrase for a function word ("more than" ~ "over")
                    occ_term[pos] = -1 if term is None else terms_vocab.setdefault(term, len(terms_vocab))
                    occ_word[pos] = vocab.setdefault(canonical, len(vocab))
                    occ_word[places[1:]] = -1
                    occ_term[places[1:]] = -1
                    break
        return occ_word, occ_term

    @staticmethod
    def _number_words(vocab: dict[str, int]) -> tuple[list[str], dict[str, np.ndarray]]:
        """The words (by id) and flags, per word id, for the words a number written in several words
        is made of (see `_number_at`), with four more items last for the codes -4 (a decimal point),
        -3, -2 and -1, which negative codes index; and, per word id, the place of its unit of time in
        DURATIONS ("duration", -1: none)."""
        names = list(vocab)
        size = len(names) + 4

        def flag(words) -> np.ndarray:
            out = np.zeros(size, dtype=bool)
            out[[vocab[w] for w in words if w in vocab]] = True
            return out
        digits = [k for k, w in enumerate(names) if w[0].isdigit()]
        flags = {"digits": flag([]), "plain": flag([]), "point": flag([]),
                 "word": flag(w for w in NUMBER_WORDS if w not in SCALES), "tens": flag(_TENS), "unit": flag(_UNITS),
                 "scale": flag(SCALES), "and": flag(["and"]), "half": flag(["half"]), "month": flag(_MONTHS),
                 "article": flag(_ARTICLES), "a": flag(["a"]), "clock": flag(_CLOCK_FRACTIONS),
                 "past_to": flag(["past", "to"])}
        flags["digits"][digits] = True
        flags["plain"][[k for k in digits if names[k].isdigit()]] = True   # "2021", not "4m" or "1990s"
        flags["point"][-4] = True
        flags["count"] = flags["plain"] | flags["word"]        # may start a share (see `_share_at`)
        flags["ratio_next"] = flags["count"] | flag(["every", "of"])
        flags["of"] = flag(["of"])
        # 1: a word that can go on a number (the number starts just before it), 2: "half" ("two and a half").
        flags["next"] = (flags["point"] | flags["unit"] | flags["scale"]).astype(np.int8)
        flags["next"][flags["half"]] = 2
        # 3: a fraction ("two *fifths*"), 4: "in" or "out" ("one *in* five"), found after a share's first word (see
        # `_share_at`; "half of" is found by "half").
        flags["next"][flag(_FRACTION_WORDS)] = 3
        flags["next"][flag(["in", "out"])] = 4
        flags["which_scale"] = np.zeros(size, dtype=np.int64)      # 1 + the scale's place in SCALES, 0: none
        for k, w in enumerate(SCALES):
            if w in vocab:
                flags["which_scale"][vocab[w]] = k + 1
        flags["duration"] = np.full(size, -1, dtype=np.int64)
        units = list(DURATIONS)
        for w in _DURATION_WORDS & vocab.keys():
            flags["duration"][vocab[w]] = units.index(stem(w))
        return names, flags

    def _join_numbers(self, occ_word, occ_term, numbers, vocab, terms_vocab):
        """Numbers written in several words ("2.5 million", "eighty-six", see `_number_at`): the first
        word takes the number's term and shows it, the others lose theirs (they take -5, "inside a
        number", until `_join_durations` has read them). Returns the term ids and the word each term is
        shown as.

        `numbers` is `_number_words` of the vocabulary, with the phrases' canonical words in it. Words
        are read as `terms` reads them, without hyphens, apostrophes and dropped words (a possessive
        's, the rest of a phrase). The common forms (digits, maybe a decimal point and digits, then
        maybe a scale: "2.5 million") are read once per distinct number; the others (number words,
        "and a half") one by one."""
        names, f = numbers
        at_word = np.flatnonzero((occ_word != -3) & (occ_word != -1))
        word = occ_word[at_word]
        n = len(word)
        # Only a word followed by one that can go on a number may start one ("and a half" is looked
        # for from its rarer end).
        following = f["next"][word]
        maybe = np.flatnonzero(following[1:] == 1)
        halves = np.flatnonzero(following == 2)
        half = halves[halves >= 3] - 3
        half = half[f["and"][word[half + 1]]]
        clock = np.flatnonzero(f["clock"][word[:-2]])                                # "quarter past nine"
        clock = clock[f["past_to"][word[clock + 1]]]
        # Shares ("two-fifths", "a third of", "one in five", "half of", see `_share_at`), from the word after their
        # first ("half of" not after an article: "a year and a half of" is a length of time).
        at = np.flatnonzero(following >= 3)
        at, kind = np.r_[at, halves], np.r_[following[at], np.full(len(halves), 5, dtype=following.dtype)]
        start = np.where(kind == 5, at, at - 1)
        before, here = (np.where(start >= k, word[np.maximum(start - k, 0)], -2) for k in (1, 0))
        nxt, then = (np.where(start + k < n, word[np.minimum(start + k, n - 1)], -2) for k in (1, 2))
        share = start[((kind == 3) & (start >= 0) & (f["count"] | f["article"])[here])
                      | ((kind == 4) & (start >= 0) & f["count"][here] & f["ratio_next"][then])   # "one in (every) five"
                      | ((kind == 5) & f["of"][nxt] & ~f["article"][before])]                     # "half of"
        share = np.unique(share)
        if len(share):
            maybe = np.union1d(maybe, share)
        if len(half) or len(clock):
            maybe = np.union1d(np.union1d(maybe, half), clock)
        at = [np.where(maybe + k < n, word[np.minimum(maybe + k, n - 1)], -2) for k in range(4)]
        is_ = lambda name, k: f[name][at[k]]   # noqa: E731
        decimal = is_("plain", 0) & is_("point", 1) & is_("plain", 2)
        scaled = is_("plain", 0) & (is_("scale", 1) | (decimal & is_("scale", 3)))
        common = (decimal | scaled) & ~(decimal & is_("and", 3))
        other = (((is_("digits", 0) | is_("word", 0)) & is_("and", 1) & is_("half", 3))
                 | (is_("digits", 0) & is_("point", 1))
                 | (is_("word", 0) & is_("scale", 1))
                 | (is_("tens", 0) & is_("unit", 1))
                 | (is_("clock", 0) & is_("past_to", 1) & (is_("word", 2) | is_("plain", 2)))
                 | np.isin(maybe, share)) & ~common
        if not (common.any() or other.any()):
            return occ_term, occ_word
        occ_term, surface = occ_term.copy(), occ_word.copy()
        start, point, fraction = maybe[common], decimal[common], at[2][common]
        scale_word = np.where(decimal, at[3], at[1])[common]
        # Not the digits after a decimal point ("2.5 million" starts at 2, not 5), unless that number
        # was itself inside the one before ("2.5.3 million": 2.5, then 3 million).
        after_point = np.flatnonzero(np.isin(start - 2, start[point])).tolist()
        if after_point:
            dropped: set[int] = set()
            for k in after_point:
                if int(start[k]) - 2 not in dropped:
                    dropped.add(int(start[k]))
            kept = ~np.isin(start, list(dropped))
            start, point, fraction, scale_word = start[kept], point[kept], fraction[kept], scale_word[kept]
        inside = np.zeros(0, dtype=np.int64)
        if len(start):
            fraction = np.where(point, fraction, -1)
            scale = f["which_scale"][scale_word]
            width = len(names) + 1
            keys, which = stats.unique_ints((word[start].astype(np.int64) * width + fraction + 1) * (len(SCALES) + 1)
                                            + scale, return_inverse=True)
            read, known = [], self._numbers_read        # each distinct number is read once per corpus
            for key in keys.tolist():
                if key not in known:
                    rest, times = divmod(key, len(SCALES) + 1)
                    whole, part = divmod(rest, width)
                    window = ([names[whole]] + ([".", names[part - 1]] if part else [])
                              + ([list(SCALES)[times - 1]] if times else []))
                    term, length = _number_at(window, 0)
                    shown = " ".join(window[:length]).replace(" . ", ".")
                    known[key] = (terms_vocab.setdefault(term, len(terms_vocab)), vocab.setdefault(shown, len(vocab)),
                                  length)
                read.append(known[key])
            term_of, shown_of, length_of = (np.array(column, dtype=np.int64)[which] for column in zip(*read))
            occ_term[at_word[start]], surface[at_word[start]] = term_of, shown_of
            spans = length_of - 1
            inside = np.repeat(start, spans) + 1 + np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
            occ_term[at_word[inside]] = -5
        end = 0
        for p in np.setdiff1d(maybe[other], inside).tolist():
            if p < end:
                continue            # inside the number before
            window = []
            for c in word[p:p + 16].tolist():
                if c == -2:
                    break           # a sentence break ends it
                window.append(names[c] if c >= 0 else ".")
            share = _share_at(window, 0)
            found = share or _number_at(window, 0)
            if found is None:
                continue
            term, end = found[0], p + found[1]
            occ_term[at_word[p]] = terms_vocab.setdefault(term, len(terms_vocab))
            occ_term[at_word[p + 1:end]] = -5
            if share is not None:        # the word that ends a share is the term percent
                occ_term[at_word[end - 1]] = terms_vocab.setdefault("percent", len(terms_vocab))
            surface[at_word[p]] = vocab.setdefault(" ".join(window[:found[1]]).replace(" . ", "."), len(vocab))
        return occ_term, surface

    @staticmethod
    def _join_half_durations(occ_word, occ_term, surface, numbers, vocab, terms_vocab):
        """"a year and a half" (see `_half_duration`): the article takes the figure 1.5 and shows the phrase,
        the unit keeps its word for `_join_durations`, "half" is inside the number (term -5)."""
        names, f = numbers
        at_word = np.flatnonzero((occ_word != -3) & (occ_word != -1))
        word = occ_word[at_word]
        if len(word) < 5:
            return occ_term, surface
        starts = np.flatnonzero(f["half"][word[4:]])          # from the rare end
        starts = starts[f["article"][word[starts]] & (f["duration"][word[starts + 1]] >= 0) & f["and"][word[starts + 2]]
                        & f["a"][word[starts + 3]]]
        if not len(starts):
            return occ_term, surface
        occ_term, surface = occ_term.copy(), surface.copy()
        for p in starts.tolist():
            occ_term[at_word[p]] = terms_vocab.setdefault("1.5", len(terms_vocab))
            surface[at_word[p]] = vocab.setdefault(" ".join(names[c] for c in word[p:p + 5].tolist()), len(vocab))
            occ_term[at_word[p + 4]] = -5
        return occ_term, surface

    def _join_durations(self, occ_word, occ_term, numbers, terms_vocab):
        """Lengths of time (a figure, then a unit of time: "120 days", "two and a half years"): the figure
        and the unit take the terms of the length in its coarsest unit (see `_duration`), read once per
        distinct figure and unit. The words inside a number (term -5, see `_join_numbers`) lose their term."""
        _, f = numbers
        at_word = np.flatnonzero((occ_word != -3) & (occ_word != -1))
        word = occ_word[at_word]
        inside = occ_term[at_word] == -5
        unit = np.flatnonzero(f["duration"][word[1:]] >= 0) + 1       # units of time after some word
        if len(unit):
            # The word that starts what comes before each unit (the words inside a number skipped): a figure,
            # and not a day of the month?
            start = np.maximum.accumulate(np.where(inside, -1, np.arange(len(word))))[unit - 1]
            figure = np.where((start > 0) & f["month"][word[start - 1]], -1, occ_term[at_word[start]])
            unit, start, figure = unit[figure >= 0], start[figure >= 0], figure[figure >= 0]
            known = self._term_list
            if len(known) < len(terms_vocab):
                known.extend(reversed(list(islice(reversed(terms_vocab), len(terms_vocab) - len(known)))))
            units = list(DURATIONS)
            keys, which = stats.unique_ints(figure.astype(np.int64) * len(units) + f["duration"][word[unit]],
                                            return_inverse=True)
            read = [(-1, -1)]
            for key in keys.tolist():
                found = _duration(known[key // len(units)], units[key % len(units)])
                read.append((-1, -1) if found is None
                            else tuple(terms_vocab.setdefault(t, len(terms_vocab)) for t in found))
            new_figure, new_unit = (np.array(column, dtype=np.int64)[which + 1] for column in zip(*read))
            read_as = new_figure >= 0
            occ_term[at_word[start[read_as]]] = new_figure[read_as]
            occ_term[at_word[unit[read_as]]] = new_unit[read_as]
        occ_term[at_word[inside]] = -1
        return occ_term

    def type_word_matrix(self):
        """Types x words, binary (sparse): which words each distinct sentence uses."""
        self.type_length = np.diff(self._word_bounds)[self.first_member]
        return self._first_member_matrix(self._words, self._word_bounds, len(self.words_vocab))

    def type_term_matrix(self, incidence=None):
        """Types x terms, binary (sparse, bool): the terms of each distinct sentence (as `type_terms`),
        the incidence as a matrix (or those of another incidence, such as `name_incidence`)."""
        from scipy import sparse

        rows, cols = self.incidence if incidence is None else incidence   # sorted by type, then term: CSR layout
        indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=self.n_types))]
        return sparse.csr_matrix((np.ones(len(cols), dtype=bool), cols, indptr),
                                 shape=(self.n_types, max(len(self.term_names), 1)), copy=False)

    def _first_member_matrix(self, flat: np.ndarray, bounds: np.ndarray, width: int, block: int = 20000):
        """Types x ids, binary (sparse, bool): the ids in flat[bounds[i]:bounds[i + 1]] of each type's first
        sentence i (gathered a block of types at a time)."""
        from scipy import sparse

        lo, hi = bounds[self.first_member], bounds[self.first_member + 1]
        indptr = np.r_[0, np.cumsum(hi - lo)]
        cols = np.empty(indptr[-1], dtype=flat.dtype)
        for at in range(0, len(lo), block):
            part = slice(at, min(at + block, len(lo)))
            begin, end = indptr[part.start], indptr[part.stop]
            cols[begin:end] = flat[np.repeat(lo[part] - indptr[part], hi[part] - lo[part]) + np.arange(begin, end)]
        matrix = sparse.csr_matrix((np.ones(len(cols), dtype=bool), cols, indptr), shape=(len(lo), max(width, 1)))
        matrix.sum_duplicates()   # bool entries add up as "or": a repeated id stays one true entry
        return matrix

    def _type_words(self, t: int) -> list[int]:
        i = int(self.first_member[t])
        return self._words[self._word_bounds[i]:self._word_bounds[i + 1]].tolist()

    def _type_terms(self, t: int) -> frozenset[int]:
        i = int(self.first_member[t])
        return frozenset(self._terms[self._term_bounds[i]:self._term_bounds[i + 1]].tolist())

    def _type_surface(self, t: int) -> dict[int, str]:
        i = int(self.first_member[t])
        lo, hi = self._term_bounds[i], self._term_bounds[i + 1]
        surface: dict[int, str] = {}
        for term, word in zip(self._terms[lo:hi].tolist(), self._term_words[lo:hi].tolist()):
            surface.setdefault(term, self.words_vocab[word])
        return surface

    def _type_names(self, t: int) -> frozenset[int]:
        rows, cols = self.name_incidence
        return frozenset(cols[np.searchsorted(rows, t):np.searchsorted(rows, t, side="right")].tolist())

    def passage(self, ids: list[int]) -> _Passage:
        words, term_ids, surface, named, alone = [], set(), {}, set(), set()
        for i in ids:
            t = self.type[i]
            words.extend(self.type_words[t])
            term_ids |= self.type_terms[t]
            names = self._type_names(t)
            named |= names
            alone |= self.type_terms[t] - names
            for k, v in self.type_surface[t].items():
                surface.setdefault(k, v)
        figures = frozenset(t for t in term_ids if self.is_number[t])
        generic = frozenset(t for t in term_ids if self.is_generic[t])
        ranges = tuple(chain.from_iterable(self.figure_ranges(int(self.type[i])) for i in ids)) if figures else ()
        return _Passage(words, frozenset(term_ids), surface, self.idf, frozenset(named - alone), figures, generic,
                        ranges, any(self.negated(int(self.type[i])) for i in ids),
                        any(self.headline_type[self.type[i]] for i in ids),
                        direction([self.words_vocab[k] for k in words]))

    def negated(self, t: int) -> bool:
        """Whether type t holds a negation (see `negated`), read when first asked for."""
        found = self._negated.get(t)
        if found is None:
            found = self._negated[t] = negated([self.words_vocab[k] for k in self.type_words[t]])
        return found

    def direction(self, t: int) -> int:
        """Whether type t tells of a rise (1), a fall (-1) or neither (see `direction`), read when first asked for."""
        found = self._direction.get(t)
        if found is None:
            found = self._direction[t] = direction([self.words_vocab[k] for k in self.type_words[t]])
        return found

    def figure_ranges(self, t: int) -> tuple[tuple[float, float, int], ...]:
        """The figures of type t as (low, high, 0): an approximate one's range (see `figure_ranges`), the others
        their value; and its lengths of time as (low, high, 1) in days (see DURATION_FACTOR). Read from the
        sentence's text once, when first asked for."""
        found = self._figure_ranges.get(t)
        if found is None:
            figures = [self.term_names[k] for k in self.type_terms[t] if self.is_number[k]]
            words = tokens(self.text.iloc[int(self.first_member[t])]) if figures else []
            approximate = figure_ranges(words) if figures else {}
            found = self._figure_ranges[t] = (
                tuple((*(approximate.get(f) or (float(f), float(f))), 0) for f in figures)
                + tuple((days / DURATION_FACTOR, days * DURATION_FACTOR, 1) for days in lengths_of_time(words)))
        return found


def _candidate_types_exact(corpus: _Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of distinct sentences (and each repeated sentence with itself) sharing enough terms
    (FEW_SHARED_TERMS, a shared figure counting twice, see MIN_SHARED_TERMS)."""
    sets = list(corpus.type_terms)
    figures = [frozenset(t for t in terms if corpus.is_number[t]) for terms in sets]
    out = []
    for i in range(len(sets)):
        si, fi = sets[i], figures[i]
        if len(si) + len(fi) < FEW_SHARED_TERMS:
            continue
        out.append((i, i))
        for j in range(i + 1, len(sets)):
            n = len(si & sets[j])
            if n >= FEW_SHARED_TERMS or (fi and 2 * n >= FEW_SHARED_TERMS
                                         and n + len(fi & figures[j]) >= FEW_SHARED_TERMS):
                out.append((i, j))
    return tuple(np.array(side, dtype=np.int64) for side in zip(*out)) if out else (np.empty(0, np.int64),) * 2


def _candidate_types_index(corpus: _Corpus, max_postings: int = MAX_POSTINGS,
                           block: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of distinct sentences sharing enough indexed terms, from a sparse term index.

    The index holds each term's postings (the sentences containing it); terms in more than
    `max_postings` sentences are left out, so the work grows with the corpus, not its square.
    """
    from scipy import sparse

    n_types, n_terms = corpus.n_types, len(corpus.df)
    rows, cols = corpus.incidence
    eligible = corpus.n_terms + corpus.n_figures >= FEW_SHARED_TERMS
    itself = np.flatnonzero(eligible)         # each sentence with itself, then the pairs found
    left, right = [itself], [itself]
    keep = eligible[rows] & (corpus.df[cols] >= 2) & (corpus.df[cols] <= max_postings)
    if not keep.any():
        return itself, itself.copy()
    # A shared figure counts twice (see MIN_SHARED_TERMS): its entries weigh 2 on one side.
    matrix = sparse.csr_matrix((1 + corpus.is_number[cols[keep]].astype(np.int32), (rows[keep], cols[keep])),
                               shape=(n_types, n_terms))
    transposed = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int32), (rows[keep], cols[keep])),
                                   shape=(n_types, n_terms)).T.tocsr()
    for first in range(0, n_types, block):
        counts = (matrix[first:first + block] @ transposed).tocoo()
        i = counts.row + first
        good = (counts.data >= FEW_SHARED_TERMS) & (counts.col > i)
        left.append(i[good].astype(np.int64))
        right.append(counts.col[good].astype(np.int64))
    return np.concatenate(left), np.concatenate(right)


def _instance_pairs(corpus: _Corpus, ti: int, tj: int, k: int = MAX_PARTNERS) -> set[tuple[int, int]]:
    """Sentence pairs (from different articles) behind one pair of distinct sentences.

    Each sentence of either side is paired with the first `k` sentences of the other side found in
    another article (members are in article order): all pairs for small groups, about k per copy
    for large ones.
    """
    a, b = corpus.members(ti), corpus.members(tj)
    rank = corpus.article_rank
    if len(a) == 1 and len(b) == 1:
        return {(min(a[0], b[0]), max(a[0], b[0]))} if rank[a[0]] != rank[b[0]] else set()
    sides = (a, rank[a].tolist()), (b, rank[b].tolist())
    out: set[tuple[int, int]] = set()
    for (xs, x_ranks), (ys, y_ranks) in (sides, sides[::-1]):
        for x, x_rank in zip(xs, x_ranks):
            found = 0
            for y, y_rank in zip(ys, y_ranks):
                if y_rank != x_rank:
                    out.add((x, y) if x < y else (y, x))
                    found += 1
                    if found == k:
                        break
    return out


def _scaled(binary, w: np.ndarray):
    """A binary matrix with each column's entries set to w[column] (its index arrays shared, not copied)."""
    from scipy import sparse

    return sparse.csr_matrix((w[binary.indices], binary.indices, binary.indptr), shape=binary.shape, copy=False)


def _rowdot(left, right, i: np.ndarray, j: np.ndarray, block: int = 50000) -> np.ndarray:
    """Row-wise dot products left[i[k]] . right[j[k]] of two sparse matrices, in blocks."""
    out = np.zeros(len(i), dtype=np.float64)
    for first in range(0, len(i), block):
        part = slice(first, first + block)
        out[part] = np.asarray(left[i[part]].multiply(right[j[part]]).sum(axis=1)).ravel()
    return out


def _plausible(corpus: _Corpus, ti: np.ndarray, tj: np.ndarray) -> tuple[np.ndarray, ...]:
    """Which pairs of distinct sentences `_compare` may find related (a vectorized pre-filter).

    Conservative: term overlaps, weights and the paraphrase cosine are exact; the word-sequence
    ratio and longest run are bounded above by the (multiset) count of shared words, so no pair
    that `_compare` would accept is dropped. Returns the mask of pairs kept and, for those, the
    number of shared terms (a shared name counted once), the cosine, the number of shared
    distinctive terms (GENERIC_WORDS left out), whether they share no name (see
    FEW_SHARED_TERMS), whether they are never paraphrases (figures that differ, a headline, a rise
    and a fall), whether one is negated and the other not, and whether they share a figure (see
    `_relations`).
    """
    n_types = corpus.n_types
    idf = np.asarray(corpus.idf, dtype=np.float64)
    rows, cols = corpus.incidence
    binary = corpus.type_term_matrix()

    figure = corpus.is_number.astype(np.float64)
    shared = _rowdot(binary, binary, ti, tj)
    shared_figures = _rowdot(binary, _scaled(binary, figure), ti, tj)
    weight = _rowdot(binary, _scaled(binary, idf), ti, tj)
    keep = ((shared + shared_figures >= FEW_SHARED_TERMS)
            & (weight >= MIN_SHARED_WEIGHT * corpus.distinctive / DISTINCTIVE_IDF_SHARE - _EPS))
    ti, tj, shared, shared_figures = ti[keep], tj[keep], shared[keep], shared_figures[keep]
    idf2 = idf ** 2
    norm2 = np.bincount(rows, weights=idf2[cols], minlength=n_types)
    denominator = np.sqrt(norm2[ti] * norm2[tj])
    cosine = np.divide(_rowdot(binary, _scaled(binary, idf2), ti, tj), denominator, out=np.zeros(len(ti)), where=denominator > 0)
    names = corpus.type_term_matrix(corpus.name_incidence)
    named = _rowdot(names, names, ti, tj)
    # Pairs with fewer than MIN_SHARED_TERMS shared terms stay only under the few-terms rule.
    enough = ((shared + shared_figures >= MIN_SHARED_TERMS)
              | ((named == 0) & (cosine >= FEW_TERMS_COSINE - _EPS)))
    kept = np.flatnonzero(keep)[enough]
    keep[:] = False
    keep[kept] = True
    ti, tj, shared, shared_figures, cosine, named = (x[enough] for x in (ti, tj, shared, shared_figures, cosine, named))
    unnamed = named == 0
    specific = (idf >= corpus.distinctive) & ~corpus.is_generic
    distinct = _rowdot(binary, _scaled(binary, specific.astype(np.float64)), ti, tj)
    facts = shared - named + shared_figures
    n_figures = corpus.n_figures
    figures_differ = (shared_figures == 0) & (n_figures[ti] > 0) & (n_figures[tj] > 0)
    headline = corpus.headline_type[ti] | corpus.headline_type[tj]
    short = (((facts >= MIN_SHARED_TERMS) & (cosine >= PARAPHRASE_COSINE - _EPS))
             | ((facts >= FEW_SHARED_TERMS) & unnamed & (cosine >= FEW_TERMS_COSINE - _EPS)))
    anchored = shared_figures > 0
    long_cosine = np.where(anchored, ANCHORED_COSINE, LONG_PARAPHRASE_COSINE)
    paraphrase = ((short | ((facts >= LONG_MIN_SHARED) & (cosine >= long_cosine - _EPS)))
                  & (distinct >= MIN_DISTINCTIVE_SHARED) & ~headline)
    # Figures with no term in common may still agree as ranges ("more than five" / "five and a half"):
    # read from the text only for the few pairs they would keep from being paraphrases.
    for k in np.flatnonzero(figures_differ & paraphrase).tolist():
        figures_differ[k] = not _ranges_meet(corpus.figure_ranges(int(ti[k])), corpus.figure_ranges(int(tj[k])))
    paraphrase &= ~figures_differ
    # A rise on one side and a fall on the other (see RISE_WORDS), read only for the pairs still paraphrases.
    directions_differ = np.zeros(len(ti), dtype=bool)
    for k in np.flatnonzero(paraphrase).tolist():
        directions_differ[k] = corpus.direction(int(ti[k])) * corpus.direction(int(tj[k])) < 0
    paraphrase &= ~directions_differ
    # Negation, read only for the pairs the long-sentence rule alone may make paraphrases (the margin
    # keeps every pair `_relations` may decide by that rule).
    polarity_differs = np.zeros(len(ti), dtype=bool)
    surely_short = (((facts >= MIN_SHARED_TERMS) & (cosine >= PARAPHRASE_COSINE + _EPS))
                    | ((facts >= FEW_SHARED_TERMS) & unnamed & (cosine >= FEW_TERMS_COSINE + _EPS)))
    for k in np.flatnonzero(paraphrase & ~surely_short).tolist():
        polarity_differs[k] = corpus.negated(int(ti[k])) != corpus.negated(int(tj[k]))
    paraphrase &= ~(polarity_differs & ~short)
    barred = figures_differ | headline | directions_differ
    del binary, names
    words = corpus.type_word_matrix()
    length = corpus.type_length.astype(np.float64)
    repeats = corpus.type_length - np.diff(words.indptr)
    matched = _rowdot(words, words, ti, tj) + np.minimum(repeats[ti], repeats[tj])
    total, shorter = length[ti] + length[tj], np.minimum(length[ti], length[tj])
    copy = ((2.0 * matched >= NEAR_RATIO * total - _EPS)
            | ((matched >= VERBATIM_RUN) & (matched >= NEAR_COVER * shorter - _EPS))
            | ((matched >= TRIMMED_RUN) & (matched >= shorter - _EPS)))
    out = np.zeros(len(keep), dtype=bool)
    out[np.flatnonzero(keep)[copy | paraphrase]] = True
    chosen = copy | paraphrase
    return (out, facts[chosen].astype(np.int64), cosine[chosen], distinct[chosen].astype(np.int64), unnamed[chosen],
            barred[chosen], polarity_differs[chosen], anchored[chosen])


def _bounded(neg: np.ndarray, x: np.ndarray, y: np.ndarray, corpus: _Corpus, k: int = MAX_PARTNERS) -> np.ndarray:
    """Which candidate sentence pairs (x, y) with similarity -neg are among the `k` best (most
    similar, then earliest) partners of x or of y."""
    rank_article, rank_sentence = corpus.article_rank, corpus.sentence
    # Every candidate listed once under each of its two sentences, ranked within each sentence.
    me, other = np.r_[x, y], np.r_[y, x]
    which, neg = np.r_[np.arange(len(x)), np.arange(len(x))], np.r_[neg, neg]
    order = np.lexsort((other, rank_sentence[other], rank_article[other], neg, me))
    grouped = me[order]
    first = np.r_[0, np.flatnonzero(grouped[1:] != grouped[:-1]) + 1] if len(order) else np.empty(0, np.int64)
    position = np.arange(len(order)) - np.repeat(first, np.diff(np.r_[first, len(order)]))
    keep = np.zeros(len(x), dtype=bool)
    keep[which[order[position < k]]] = True
    return keep


def _neighbours(corpus: _Corpus, ids: list[int]) -> list[tuple[int, str]]:
    """Sentences just before and after a passage, in the same paragraph."""
    out = []
    before, after = int(corpus.previous[ids[0]]), int(corpus.next[ids[-1]])
    if before >= 0:
        out.append((before, "before"))
    if after >= 0:
        out.append((after, "after"))
    return out


def _grow(corpus: _Corpus, side: list[int], other: list[int], used: set[int]) -> list[int]:
    """Join neighbours of `side` whose terms are found, not yet matched, in `other`."""
    idf, tt, ty = corpus.idf, corpus.type_terms, corpus.type
    while len(side) < MERGE_MAX_SENTENCES:
        free = [(i, where) for i, where in _neighbours(corpus, side) if i not in used]
        if not free:
            break
        mine = frozenset().union(*(tt[ty[i]] for i in side))
        theirs = frozenset().union(*(tt[ty[i]] for i in other))
        for i, where in free:
            extra = tt[ty[i]] - mine
            hits = extra & theirs
            total = sum(idf[t] for t in extra)
            if len(hits) >= 2 and total and sum(idf[t] for t in hits) / total >= MERGE_SHARE:
                side = [i] + side if where == "before" else side + [i]
                break
        else:
            break
    return side


def align(content: pd.DataFrame, method: str = "auto") -> tuple[pd.DataFrame, list, _Corpus]:
    """The reuse table (one row per aligned passage pair), the sentences behind each row, the corpus."""
    corpus = _Corpus(content)
    if method == "auto":
        method = "exact" if corpus.n_types <= EXACT_MAX_SENTENCES else "index"
    if method == "exact":
        type_pairs = _candidate_types_exact(corpus)
    elif method == "index":
        type_pairs = _candidate_types_index(corpus)
    else:
        raise ValueError(f"method must be 'auto', 'exact' or 'index', not {method!r}")

    idf, distinctive = corpus.idf, corpus.distinctive
    ti, tj = type_pairs
    # Pairs with no two sentences in different articles align nothing.
    sole = corpus.sole_article
    useful = np.where(ti == tj, corpus.spread[ti] >= 2, (sole[ti] < 0) | (sole[ti] != sole[tj]))
    ti, tj = ti[useful], tj[useful]
    self_pair = ti == tj
    distinct_pairs = np.flatnonzero(~self_pair)
    mask, n_facts, cosine, n_distinctive, unnamed, barred, polarity_differs, anchored = _plausible(
        corpus, ti[distinct_pairs], tj[distinct_pairs])
    plausible = distinct_pairs[mask]
    # A repeated sentence: its copies are verbatim, when it has enough terms of enough weight (with
    # itself, its cosine is 1: FEW_SHARED_TERMS are enough when none goes on a name).
    rows, cols = corpus.incidence
    weight = np.bincount(rows, weights=np.asarray(idf)[cols], minlength=corpus.n_types)
    n_named = np.bincount(corpus.name_incidence[0], minlength=corpus.n_types)
    repeated = ti[self_pair]
    n_shared = corpus.n_terms[repeated] + corpus.n_figures[repeated]
    repeated = repeated[((n_shared >= MIN_SHARED_TERMS) | ((n_shared >= FEW_SHARED_TERMS) & (n_named[repeated] == 0)))
                        & (weight[repeated] >= MIN_SHARED_WEIGHT * distinctive / DISTINCTIVE_IDF_SHARE - _EPS)]
    # Word sequences of the plausible pairs, compared all at once (the words of a type's first sentence).
    first = corpus.first_member
    flat, bounds = corpus._words, corpus._word_bounds
    left, right = first[ti[plausible]], first[tj[plausible]]
    len_a, len_b = bounds[left + 1] - bounds[left], bounds[right + 1] - bounds[right]
    matched = common_subsequences(flat, bounds, left, right)
    longest = np.zeros_like(matched)
    run = np.flatnonzero(_needs_run(matched, len_a, len_b))
    longest[run] = longest_runs(flat, bounds, left[run], right[run])
    relation, similarity = _relations(matched, longest, len_a, len_b, n_facts, cosine, n_distinctive, unnamed, barred,
                                      polarity_differs, anchored)
    edited = np.flatnonzero(relation > 0)
    opening = common_openings(flat, bounds, left[edited], right[edited])
    for k, n in zip(edited[opening >= OPENING_WORDS].tolist(), opening[opening >= OPENING_WORDS].tolist()):
        if _go_on_differently(corpus, int(left[k]), int(right[k]), n):
            relation[k] = -1
    related = relation >= 0
    # The related pairs of types (x <= y), their relation (index into RELATIONS) and similarity.
    tx = np.r_[repeated, ti[plausible][related]]
    ty = np.r_[repeated, tj[plausible][related]]
    relation = np.r_[np.zeros(len(repeated), dtype=np.int64), relation[related]]
    similarity = np.r_[np.ones(len(repeated)), similarity[related]]
    # The sentence pairs behind each related pair of types (and the index of that type pair),
    # earlier sentence (article, sentence) first.
    sizes, rank = corpus.type_size, corpus.article_rank
    lone = np.flatnonzero((sizes[tx] == 1) & (sizes[ty] == 1))      # the common case: one sentence on each side
    xs, ys = first[tx[lone]], first[ty[lone]]
    apart = rank[xs] != rank[ys]
    pairs = [(xs[apart], ys[apart], lone[apart])]
    for k in np.flatnonzero((sizes[tx] > 1) | (sizes[ty] > 1)).tolist():
        found = list(_instance_pairs(corpus, int(tx[k]), int(ty[k])))
        pairs.append((np.array([f[0] for f in found], dtype=np.int64), np.array([f[1] for f in found], dtype=np.int64),
                      np.full(len(found), k)))
    xs, ys, which = (np.concatenate([p[c] for p in pairs]).astype(np.int64) for c in range(3))
    sentence = corpus.sentence
    later = (rank[xs] > rank[ys]) | ((rank[xs] == rank[ys]) & ((sentence[xs] > sentence[ys])
                                                             | ((sentence[xs] == sentence[ys]) & (xs > ys))))
    xs, ys = np.where(later, ys, xs), np.where(later, xs, ys)
    keep = _bounded(-similarity[which], xs, ys, corpus)
    xs, ys, which = xs[keep], ys[keep], which[keep]
    order = np.lexsort((ys, xs, sentence[ys], sentence[xs], rank[ys], rank[xs], -similarity[which]))
    xs, ys, which = xs[order], ys[order], which[order]
    # Best match first; each sentence aligned at most once per other article, or twice when it merges two
    # sentences of it (see MERGED_NEW_SHARE).
    n_articles = int(rank.max()) + 1 if len(rank) else 1
    key_a, key_b = xs * n_articles + rank[ys], ys * n_articles + rank[xs]
    chosen, taken_a, taken_b = _first_come(key_a, key_b)
    chosen |= _merged_sources(corpus, xs, ys, key_a, key_b, chosen, taken_a, taken_b, similarity[which])
    xs, ys, which = xs[chosen], ys[chosen], which[chosen]
    table, spans = _reuse_table(corpus, xs, ys, relation[which], similarity[which])
    return table, spans, corpus


def _merged_sources(corpus: _Corpus, xs: np.ndarray, ys: np.ndarray, key_a: np.ndarray, key_b: np.ndarray,
                    chosen: np.ndarray, taken_a: np.ndarray, taken_b: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """Which related sentence pairs (x, y), not chosen, align a merged sentence with its second source (see
    MERGED_NEW_SHARE): one side is already aligned with a sentence of the other's article, the other side (not
    that sentence's neighbour in its paragraph) with nothing of this one, and what the pair shares is new to the
    first alignment. Taken in order (best first), at most one second source per sentence and article. `taken_a`
    and `taken_b`: whether each pair's key_a, key_b is that of a chosen pair (see `_first_come`); `similarity`:
    each pair's."""
    out = np.zeros(len(xs), dtype=bool)
    maybe = np.flatnonzero(~chosen & (taken_a != taken_b) & (similarity >= MERGED_MIN_SIMILARITY - _EPS))
    if not len(maybe):
        return out
    # The sentence each key is aligned with, for the keys of these pairs only.
    kept = np.flatnonzero(chosen)
    with_a, with_b = kept[np.isin(key_a[kept], key_a[maybe])], kept[np.isin(key_b[kept], key_b[maybe])]
    partner_of_a = dict(zip(key_a[with_a].tolist(), ys[with_a].tolist()))
    partner_of_b = dict(zip(key_b[with_b].tolist(), xs[with_b].tolist()))
    idf, tt, ty = corpus.idf, corpus.type_terms, corpus.type
    done_a, done_b = set(), set()
    for p in maybe.tolist():
        x, y, ka, kb = int(xs[p]), int(ys[p]), int(key_a[p]), int(key_b[p])
        if ka in done_a or kb in done_b:
            continue
        merged, source, first = (x, y, partner_of_a[ka]) if taken_a[p] else (y, x, partner_of_b[kb])
        if source in (corpus.previous[first], corpus.next[first]):
            continue                  # neighbours join one passage instead (see MERGE_SHARE)
        shared = tt[ty[merged]] & tt[ty[source]]
        new = shared - tt[ty[first]]
        weight = sum(idf[t] for t in shared)
        if (len(new) >= MERGED_MIN_NEW and weight
                and sum(idf[t] for t in new) >= MERGED_NEW_SHARE * weight - _EPS):
            out[p] = True
            done_a.add(ka)
            done_b.add(kb)
    return out


def _go_on_differently(corpus: _Corpus, x: int, y: int, opening: int) -> bool:
    """Whether sentences x and y, after the `opening` words they start with, share too few content terms to
    state one fact (see OPENING_WORDS)."""
    vocab, flat, bounds = corpus.words_vocab, corpus._words, corpus._word_bounds
    after = [{t for w in flat[bounds[i] + opening:bounds[i + 1]].tolist() if (t := _term(vocab[w])) is not None}
             for i in (x, y)]
    fewer = min(map(len, after))
    return fewer >= OPENING_TAIL_TERMS and len(after[0] & after[1]) < OPENING_TAIL_SHARE * fewer


def _first_come(key_a: np.ndarray, key_b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which items, taken in order, find both their keys free: item p is kept when no kept item
    before it has the same key_a or the same key_b (a greedy matching, best item first); and for every
    item, whether its key_a, its key_b is that of a kept item.

    Computed in rounds: an open item that comes first for both its keys among the open items is
    kept, and the open items sharing a key with a kept one are closed. Such an item has no earlier
    open rival, so the one-by-one greedy loop keeps exactly the same items.
    """
    a = stats.unique_ints(key_a, return_inverse=True)[1]
    b = stats.unique_ints(key_b, return_inverse=True)[1]
    kept = np.zeros(len(a), dtype=bool)
    claimed_a, claimed_b = np.zeros(len(a), dtype=bool), np.zeros(len(b), dtype=bool)
    open_ = np.arange(len(a))
    while len(open_):
        leads = np.zeros(len(open_), dtype=bool)
        leads[stats.unique_ints(a[open_], return_index=True)[1]] = True
        first_b = np.zeros(len(open_), dtype=bool)
        first_b[stats.unique_ints(b[open_], return_index=True)[1]] = True
        winners = open_[leads & first_b]
        kept[winners] = True
        claimed_a[a[winners]] = True
        claimed_b[b[winners]] = True
        open_ = open_[~(claimed_a[a[open_]] | claimed_b[b[open_]])]
    return kept, claimed_a[a], claimed_b[b]


def _may_grow(corpus: _Corpus, xs: np.ndarray, ys: np.ndarray, block: int = 50000) -> np.ndarray:
    """Which aligned sentence pairs (x, y) `_grow` may extend: a neighbour of one side (the sentence
    before or after it in the paragraph) has at least 2 terms not in that side but in the other, and
    they carry at least MERGE_SHARE of its new terms' weight.

    An upper bound (sentences already used are not excluded; weights are compared with a margin):
    pairs left out surely stay one sentence on each side. Pairs are taken a block at a time, so the
    sparse rows gathered for them stay small.
    """
    binary = corpus.type_term_matrix()
    weighted = _scaled(binary, np.asarray(corpus.idf, dtype=np.float64))
    types, before, after = corpus.type, corpus.previous, corpus.next
    out = np.zeros(len(xs), dtype=bool)
    for first in range(0, len(xs), block):
        part_x, part_y = xs[first:first + block], ys[first:first + block]
        for side, other in ((part_x, part_y), (part_y, part_x)):
            for neighbour in (before[side], after[side]):
                has = np.flatnonzero(neighbour >= 0)
                # A neighbour sharing fewer than 2 terms with the other side has fewer than 2 new ones
                # there: only the others are scored (row by row, so their values are unchanged).
                n_shared = _rowdot(binary, binary, types[neighbour[has]], types[other[has]])
                has, n_shared = has[n_shared >= 2], n_shared[n_shared >= 2]
                i, s, o = types[neighbour[has]], types[side[has]], types[other[has]]
                in_both = binary[i].multiply(binary[s])
                n_hits = n_shared - np.asarray(in_both.multiply(binary[o]).sum(axis=1)).ravel()
                hit_weight = (_rowdot(binary, weighted, i, o)
                              - np.asarray(in_both.multiply(weighted[o]).sum(axis=1)).ravel())
                new_weight = np.asarray(weighted[i].sum(axis=1)).ravel() - _rowdot(binary, weighted, s, i)
                out[first + has[(n_hits >= 2) & (hit_weight >= MERGE_SHARE * new_weight - _EPS)]] = True
    return out


def _reuse_table(corpus: _Corpus, xs: np.ndarray, ys: np.ndarray, relation: np.ndarray,
                 similarity: np.ndarray) -> tuple[pd.DataFrame, tuple[np.ndarray, np.ndarray]]:
    """The reuse table and the sentences behind each row, from the chosen sentence pairs (best first).

    The sentences of each row's side a and side b are rows of two arrays, in text order, padded with -1.

    Pairs whose neighbours may join the passage (see `_may_grow`) are grown one by one in order, as
    each grown passage uses up sentences; the others stay one sentence on each side.
    """
    idf, rank, n = corpus.idf, corpus.article_rank, len(xs)
    if not n:
        return pd.DataFrame(columns=REUSE_COLUMNS), _spans(0)
    names = [RELATIONS[r] for r in relation.tolist()]
    scores = similarity.tolist()
    spans_a, spans_b = _spans(n)
    spans_a[:, 0], spans_b[:, 0] = xs, ys
    labels: list[str | None] = [None] * n
    grow = np.flatnonzero(_may_grow(corpus, xs, ys)).tolist()
    # Sentences used per pair of articles (a key: their ranks), for the pairs of articles that may grow.
    article_pair = rank[xs] * (int(rank.max()) + 1) + rank[ys]
    in_group = np.flatnonzero(np.isin(article_pair, article_pair[grow]))
    used: dict[int, tuple[set, set]] = {}
    for key, x, y in zip(article_pair[in_group].tolist(), xs[in_group].tolist(), ys[in_group].tolist()):
        used_a, used_b = used.setdefault(key, (set(), set()))
        used_a.add(x)
        used_b.add(y)
    for p, key in zip(grow, article_pair[grow].tolist()):
        x, y = int(spans_a[p, 0]), int(spans_b[p, 0])
        used_a, used_b = used[key]
        side_a = _grow(corpus, [x], [y], used_a)
        side_b = _grow(corpus, [y], side_a, used_b)
        if len(side_a) > 1 or len(side_b) > 1:
            pa, pb = corpus.passage(side_a), corpus.passage(side_b)
            merged = _compare(pa, pb, idf, distinctive=corpus.distinctive)
            if merged is not None and merged[1] >= scores[p]:
                names[p], scores[p] = merged[0], merged[1]
                labels[p] = _shared_label(merged[2], pa.surface, pb.surface, idf)
                spans_a[p, :len(side_a)], spans_b[p, :len(side_b)] = side_a, side_b
                used_a.update(side_a)
                used_b.update(side_b)
    rows = np.arange(n)
    first_a, first_b = spans_a[:, 0], spans_b[:, 0]
    last_a, last_b = (side[rows, (side >= 0).sum(axis=1) - 1] for side in (spans_a, spans_b))
    # The others, once per pair of distinct sentences; nothing is kept per distinct sentence.
    alone = np.flatnonzero(np.array([label is None for label in labels], dtype=bool))
    # Pairs of types as one integer each (factorized as integers, not as a MultiIndex of tuples).
    width = max(corpus.n_types, 1)
    pair_of, pairs = pd.factorize(corpus.type[first_a[alone]] * width + corpus.type[first_b[alone]])
    by_pair = []
    for ta, tb in zip(*(part.tolist() for part in np.divmod(pairs, width))):
        surface_a, surface_b = corpus._type_surface(ta), corpus._type_surface(tb)
        by_pair.append(_shared_label(surface_a.keys() & surface_b.keys(), surface_a, surface_b, idf))
    for p, k in zip(alone.tolist(), pair_of.tolist()):
        labels[p] = by_pair[k]
    line, start, end = corpus.line, corpus.start, corpus.end
    art = np.array(corpus.article_names, dtype=object)
    order = np.lexsort((rows, start[first_b], rank[first_b], start[first_a], rank[first_a]))
    first_a, last_a, first_b, last_b = first_a[order], last_a[order], first_b[order], last_b[order]
    ordered = order.tolist()
    table = pd.DataFrame({"article_a": art[rank[first_a]], "line_a": line[first_a],
                          "article_b": art[rank[first_b]], "line_b": line[first_b],
                          "start_a": start[first_a], "end_a": end[last_a], "start_b": start[first_b], "end_b": end[last_b],
                          "relation": [names[k] for k in ordered], "similarity": [round(scores[k], 3) for k in ordered],
                          "shared": [labels[k] for k in ordered]})
    return table, (spans_a[order], spans_b[order])


def _spans(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The sentences of n passages' sides a and b, one row each, padded with -1."""
    return np.full((n, MERGE_MAX_SENTENCES), -1, dtype=np.int64), np.full((n, MERGE_MAX_SENTENCES), -1, dtype=np.int64)


def _shared_label(shared, surface_a: dict[int, str], surface_b: dict[int, str], idf) -> str:
    """The rarest shared terms as the words each side uses ("biggest/largest" for a synonym)."""
    labels = []
    for t in sorted(shared, key=lambda t: (-idf[t], t))[:KEY_TERMS]:
        wa, wb = surface_a.get(t, ""), surface_b.get(t, "")
        labels.append(wa if wa == wb else f"{wa}/{wb}")
    return "; ".join(labels)


# --- originality ----------------------------------------------------------------------------------

def originality(corpus: _Corpus, spans: tuple[np.ndarray, np.ndarray], article_ids) -> pd.DataFrame:
    """Per article: share of body words (headline excluded) in sentences not aligned to any other article."""
    spans_a, spans_b = spans
    rank, names = corpus.article_rank, corpus.article_names
    n_words = corpus.n_words
    # Each reused body sentence with each article it is aligned to, once.
    sentence = np.r_[spans_a.ravel(), spans_b.ravel()]
    other = np.r_[np.repeat(rank[spans_b[:, 0]], spans_a.shape[1]), np.repeat(rank[spans_a[:, 0]], spans_b.shape[1])]
    keep = sentence >= 0
    sentence, other = sentence[keep], other[keep]
    keep = ~corpus.headline[sentence]
    sentence, other = sentence[keep], other[keep]
    width = int(other.max()) + 1 if len(other) else 1
    key = sentence.astype(np.int64)
    key *= width
    key += other
    pairs = np.stack(np.divmod(stats.unique_ints(key), width), axis=1)
    del key
    reused = np.zeros(len(rank), dtype=bool)
    reused[pairs[:, 0]] = True
    # Words each article takes from each other article: (article, other, words), by article.
    from_other = (pd.DataFrame({"article": rank[pairs[:, 0]], "other": pairs[:, 1], "words": n_words[pairs[:, 0]]})
                  .groupby(["article", "other"], sort=True)["words"].sum().reset_index())
    from_other = from_other.sort_values(["article", "words", "other"], ascending=[True, False, True], kind="stable")
    # Each article's sources in that order: a run of rows of from_other, read as slices of one list.
    source_article = from_other["article"].to_numpy()
    sources = [names[o] for o in from_other["other"].tolist()]
    cuts = np.flatnonzero(np.r_[True, source_article[1:] != source_article[:-1]]).tolist() + [len(sources)] if sources else []
    listed = {int(source_article[a]): (b - a, "; ".join(sources[a:min(b, a + MAX_LISTED_SOURCES)]))
              for a, b in zip(cuts[:-1], cuts[1:])}
    # Per article (by rank): body sentences, their words, and those of the reused ones, counted
    # for all articles at once (weighted counts are whole numbers, exact in float64).
    body, n_ranks = ~corpus.headline, len(names)
    mine = body & reused
    n_body, n_mine = (np.bincount(rank[m], minlength=n_ranks).tolist() for m in (body, mine))
    words_body, words_mine = (np.bincount(rank[m], weights=n_words[m], minlength=n_ranks).astype(np.int64).tolist()
                              for m in (body, mine))
    rank_of = {name: r for r, name in enumerate(names)}
    rows = []
    for article in sorted(set(article_ids) | set(corpus.by_article)):
        r = rank_of.get(article)
        if r is None:    # an article with no sentences
            rows.append((article, 0, 0, float("nan"), "", 0))
            continue
        total = words_body[r]
        n_found, found = listed.get(r, (0, ""))
        share = 1.0 - words_mine[r] / total if total else float("nan")
        rows.append((article, n_body[r], n_mine[r], round(share, 3) if total else share, found, n_found))
    return pd.DataFrame(rows, columns=ORIGINALITY_COLUMNS)


# --- quote fidelity -------------------------------------------------------------------------------

def _speaker_keys(speakers: list[str]) -> dict[str, str]:
    """Folded speaker name -> canonical key; a name with a title before it joins the same name without
    ("Harbourmaster Gareth Pryce" -> gareth pryce), and a lone surname the one full name ending in it."""
    folded = {s: " ".join(T.fold(s).split()) for s in dict.fromkeys(speakers)}   # each spelling folded once
    names = set(folded.values())
    for s, key in folded.items():
        parts = key.split()
        # the longest other name of two words or more that ends this one
        shorter = next((" ".join(parts[i:]) for i in range(1, len(parts) - 1) if " ".join(parts[i:]) in names), None)
        if shorter is not None:
            folded[s] = shorter
    full = {}
    for key in set(folded.values()):
        parts = key.split()
        if len(parts) > 1:
            full.setdefault(parts[-1], set()).add(key)
    out = {}
    for s, key in folded.items():
        if len(key.split()) == 1 and len(full.get(key, ())) == 1:
            key = next(iter(full[key]))
        out[s] = key
    return out


_quote_stem = lru_cache(maxsize=None)(stem)   # quotes share a small vocabulary: each word stemmed once


@lru_cache(maxsize=65536)
def _quote_view(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str, frozenset[str]]:
    """A quote's words, their stems, the stems joined (for containment) and its content terms."""
    words = tokens(text)
    stems = tuple(map(_quote_stem, words))
    return tuple(words), stems, " " + " ".join(stems) + " ", frozenset(t for t, _ in terms(words))


def quote_similarity(a: str, b: str) -> tuple[float, str]:
    """(similarity 0-1, fidelity) of two renderings of a quote.

    Similarity is the larger of the stems' common-subsequence ratio and the Dice overlap of
    content terms; a rendering that is an unbroken run of the other's words is "trimmed".
    """
    wa, sa, joined_a, ta = _quote_view(a)
    wb, sb, joined_b, tb = _quote_view(b)
    if not wa or not wb:
        return 0.0, "different"
    if wa == wb:
        return 1.0, "identical"
    short, joined_short, joined_long, long_ = ((sa, joined_a, joined_b, sb) if len(sa) <= len(sb)
                                              else (sb, joined_b, joined_a, sa))
    if len(short) >= 2 and joined_short in joined_long:
        return round(len(short) / len(long_), 3), "trimmed"
    ratio = 2.0 * common_subsequence(sa, sb) / (len(sa) + len(sb))
    dice = 2 * len(ta & tb) / (len(ta) + len(tb)) if ta and tb else 0.0
    # renderings that differ are never 1.0 ("very" dropped leaves every content term in place)
    similarity = min(round(max(ratio, dice), 3), 0.999)
    return similarity, "reworded" if similarity >= REWORDED_SIMILARITY else "different"


def _matched_quotes(scored: list[tuple]) -> list[tuple]:
    """Best pairs first, each quote used once: (quote a, quote b, similarity, fidelity)."""
    scored.sort(key=lambda s: s[:3])
    seen_a, seen_b, pairs = set(), set(), []
    for neg, _, _, qa, qb, fidelity in scored:
        if qa[4] in seen_a or qb[4] in seen_b:
            continue
        seen_a.add(qa[4])
        seen_b.add(qb[4])
        pairs.append((qa, qb, -neg, fidelity))
    return pairs


def _all_quote_pairs(by_article: dict[str, list]) -> list[tuple]:
    """A speaker quoted in few articles: every article pair, every quote pair compared."""
    articles = sorted(by_article)
    out = []
    for x in range(len(articles)):
        for y in range(x + 1, len(articles)):
            scored = []
            for qa in by_article[articles[x]]:
                for qb in by_article[articles[y]]:
                    similarity, fidelity = quote_similarity(qa[3], qb[3])
                    scored.append((-similarity, qa[4], qb[4], qa, qb, fidelity))
            pairs = _matched_quotes(scored)
            # Quotes of one speaker that match nothing are not paired with each other: only when
            # no pair matches is the best one shown, labelled "different".
            similar = [p for p in pairs if p[3] != "different"]
            out.extend(similar or pairs[:1])
    return out


def _wordings(by_article: dict[str, list]) -> list[list]:
    """A speaker's quote records grouped by wording (their words), in article order."""
    wordings: dict[str, list] = {}
    for article in sorted(by_article):
        for rec in by_article[article]:
            wordings.setdefault(" ".join(_quote_view(rec[3])[0]), []).append(rec)
    return list(wordings.values())


def _link_counts(by_article: dict[str, list], wordings: list[list], k: int = MAX_PARTNERS
                 ) -> list[tuple[int, int]]:
    """Per wording of a speaker: (links, needed). A quote of wording d gets from each wording e it
    matches min(k, |e| - q) partners at least, q being e's quotes in its own article: so at least
    min(k, |e|) ("links") minus the speaker's quotes in that article, summed over all e. It has k
    partners once the links add up to k plus the most quotes of the speaker in one of d's
    articles ("needed")."""
    return [(min(k, len(group)), k + max(len(by_article[rec[2]]) for rec in group)) for group in wordings]


def _matching_wordings(speakers: list[list[str]], counts: list[list[tuple[int, int]]] | None = None,
                       block: int = 1024) -> Iterator[list[tuple[int, int, float, str]]]:
    """For each speaker's distinct wordings (one text each), in turn: the pairs d <= e that match, in (d, e) order,
    as (d, e, similarity, fidelity): each wording with itself, and the wording pairs `quote_similarity`
    does not find "different".

    Candidates are the wordings of one speaker sharing a content term (terms in more than
    MAX_POSTINGS of the speaker's wordings are not indexed); all speakers are scored at once with
    sparse-matrix arithmetic and the bit-parallel measures, as arrays: equal to calling
    `quote_similarity` on every candidate.

    With `counts` (per wording, see `_link_counts`), only the pairs `_similar_quote_pairs` can keep
    are returned (see `_needed`).
    """
    from scipy import sparse

    views = [_quote_view(text) for texts in speakers for text in texts]
    speaker = np.repeat(np.arange(len(speakers)), [len(texts) for texts in speakers])
    start = np.r_[0, np.cumsum([len(texts) for texts in speakers])].astype(np.int64).tolist()
    # A column per (speaker, term), numbered in order of appearance (factorized: hashed in C).
    n_terms = np.array([len(v[3]) for v in views], dtype=np.int64)
    rows = np.repeat(np.arange(len(views)), n_terms)
    term = pd.factorize(np.array(list(chain.from_iterable(v[3] for v in views)), dtype=object))[0]
    cols, columns = pd.factorize(speaker[rows] * (int(term.max()) + 1 if len(term) else 1) + term)
    cols = cols.astype(np.int64)
    shape = (len(views), max(len(columns), 1))
    has_terms = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    indexed = np.bincount(cols, minlength=shape[1])[cols] <= MAX_POSTINGS
    index = sparse.csr_matrix((np.ones(int(indexed.sum())), (rows[indexed], cols[indexed])), shape=shape)
    transposed = index.T.tocsr()

    flat = pd.factorize(np.array(list(chain.from_iterable(v[1] for v in views)), dtype=object))[0].astype(np.int64)
    length = np.array([len(v[1]) for v in views], dtype=np.int64)
    bounds = np.r_[0, np.cumsum(length)]
    n_terms = n_terms.astype(np.float64)
    worded = np.array([bool(v[0]) for v in views])
    has_stems = sparse.csr_matrix((np.ones(len(flat)), (np.repeat(np.arange(len(views)), length), flat)),
                                  shape=(len(views), int(flat.max()) + 1 if len(flat) else 1))
    has_stems.data[:] = 1.0                                 # each distinct stem once
    distinct = np.diff(has_stems.indptr)
    repeats = length - distinct                             # stems that repeat one already in the wording
    del views, columns, rows, cols, indexed, term
    if counts is not None:
        links, needed = np.array([c for per_speaker in counts for c in per_speaker], dtype=np.int64).reshape(-1, 2).T
    parts = []
    # Candidates are scored a block of whole speakers at a time (a wording's candidates are its
    # speaker's), and only pairs that match, and may be kept, stay: a speaker with many wordings
    # has a number of candidate pairs that grows with their square.
    cuts = [0]
    for s in range(1, len(speakers) + 1):
        if start[s] - cuts[-1] >= block or s == len(speakers):
            cuts.append(start[s])
    for first, last in zip(cuts[:-1], cuts[1:]):
        shared = (index[first:last] @ transposed).tocoo()
        upper = shared.col > shared.row + first
        a, b = (shared.row[upper] + first).astype(np.int64), shared.col[upper].astype(np.int64)
        del shared, upper
        shorter, longer = np.minimum(length[a], length[b]), np.maximum(length[a], length[b])
        dice = 2.0 * _rowdot(has_terms, has_terms, a, b) / (n_terms[a] + n_terms[b])
        # The common subsequence is at most the shared distinct stems plus the fewer repeats of one
        # side, and is the shorter side only if that side's stems are all shared. A pair these
        # bounds cannot make trimmed, nor reworded by more than its dice, is not aligned (the
        # costliest step): its subsequence counts as 0, which decides it the same way.
        shared_stems = _rowdot(has_stems, has_stems, a, b)
        most = np.minimum(shorter, shared_stems + np.minimum(repeats[a], repeats[b]))
        most_ratio = 2.0 * most / (length[a] + length[b])
        aligned = (((shorter >= 2) & (most >= shorter) & (shared_stems == distinct[np.where(length[a] <= length[b], a, b)]))
                   | ((most_ratio > dice) & (most_ratio >= REWORDED_SIMILARITY - 0.0006)))
        matched = np.zeros(len(a), dtype=np.int64)
        matched[aligned] = common_subsequences(flat, bounds, a[aligned], b[aligned])
        # Trimmed: the shorter rendering's stems are an unbroken run of the longer's.
        trimmed = (shorter >= 2) & (matched == shorter)
        trimmed[trimmed] = longest_runs(flat, bounds, a[trimmed], b[trimmed]) == shorter[trimmed]
        best = np.maximum(2.0 * matched / (length[a] + length[b]), dice)
        # Reworded when round(best, 3) reaches REWORDED_SIMILARITY: decided exactly in Python
        # for the few values near the rounding boundary.
        reworded = ~trimmed & (best >= REWORDED_SIMILARITY - 0.0006)
        near = np.flatnonzero(reworded & (best < REWORDED_SIMILARITY - 0.0004))
        reworded[near] = [round(v, 3) >= REWORDED_SIMILARITY for v in best[near].tolist()]
        value = np.where(trimmed, shorter / np.maximum(longer, 1), best)
        match = trimmed | reworded
        # Every wording matches itself ("identical", 1.0); fidelity codes index FIDELITIES.
        same = np.flatnonzero(worded[first:last]) + first
        d, e = np.r_[same, a[match]], np.r_[same, b[match]]
        value = np.r_[np.ones(len(same)), value[match]]
        fidelity = np.r_[np.zeros(len(same), dtype=np.int8), np.where(trimmed[match], 1, 2).astype(np.int8)]
        if counts is not None:
            keep = _needed(d, e, value, links, needed)
            d, e, value, fidelity = d[keep], e[keep], value[keep], fidelity[keep]
        parts.append((d, e, value, fidelity))
        del a, b, matched, trimmed, dice, best, reworded, value, match
    d, e, value, fidelity = ((np.concatenate(column) for column in zip(*parts)) if parts else
                             (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int8)))
    del parts
    order = np.lexsort((e, d))
    d, e, value, fidelity = d[order], e[order], value[order], fidelity[order]
    cut = np.searchsorted(d, start).tolist()
    for s in range(len(speakers)):  # one speaker's list at a time, only when asked for
        part = slice(cut[s], cut[s + 1])
        yield [(x - start[s], y - start[s], 1.0 if f == 0 else round(v, 3) if f == 1 else min(round(v, 3), 0.999),
                FIDELITIES[f])
               for x, y, v, f in zip(d[part].tolist(), e[part].tolist(), value[part].tolist(), fidelity[part].tolist())]


# Similarities are rounded to 3 decimals after the pruning in `_needed`, which works on the
# unrounded values: a pair within this of a wording's bound is kept.
_ROUNDING_SLACK = 0.0011


def _needed(d: np.ndarray, e: np.ndarray, value: np.ndarray, links: np.ndarray, needed: np.ndarray) -> np.ndarray:
    """Which matching wording pairs (d, e, unrounded similarity) `_similar_quote_pairs` can keep.

    It keeps a quote pair only if the pair is among the first k (most similar first) of one of its
    two quotes. Taking d's matches most similar first, once their `links` add up to `needed[d]`,
    every quote of d has k partners at least that similar (see `_link_counts`): d's bound. A pair
    less similar than the bounds of both its wordings is no quote's first k, and is dropped; the
    pairs kept give the same output.
    """
    if not len(d):
        return np.zeros(0, dtype=bool)
    other = d != e
    src = np.concatenate([d, e[other]])
    dst = np.concatenate([e, d[other]])
    sim = np.concatenate([value, value[other]])
    order = np.lexsort((-sim, src))
    src, sim, got = src[order], sim[order], links[dst[order]]
    total = np.cumsum(got)
    group_start = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
    before = np.repeat(total[group_start] - got[group_start], np.diff(np.r_[group_start, len(src)]))
    full = np.flatnonzero(total - before >= needed[src])
    first = full[np.r_[True, src[full][1:] != src[full][:-1]]] if len(full) else full
    bound = np.full(len(links), -np.inf)
    bound[src[first]] = sim[first]
    return value >= np.minimum(bound[d], bound[e]) - _ROUNDING_SLACK


def _dense_ranks(ordered: list) -> list[int]:
    """The rank of each item of a sorted list among its distinct items."""
    ranks, rank = [], -1
    for i, item in enumerate(ordered):
        rank += i == 0 or item != ordered[i - 1]
        ranks.append(rank)
    return ranks


def _linked_pairs(wordings: list[list], matches: list[tuple], number: np.ndarray, article: np.ndarray, n: int, k: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(pair codes, match of each) of the quote pairs of matching wordings: each quote of a wording
    is linked to the first k quotes of the other wording that are in another article. `number`:
    each quote's number (quotes listed wording after wording), `article` by number; a pair is
    (lower number * n + higher), and comes from one wording pair only (repeats removed)."""
    size = np.array([len(group) for group in wordings], dtype=np.int64)
    first = np.cumsum(size) - size
    # The most quotes of one article in each wording: x's first k partners are among the first
    # k + that many quotes of the other wording.
    runs = np.zeros(len(wordings), dtype=np.int64)
    if len(number):
        n_articles = int(article.max()) + 1
        in_article, counts = np.unique(np.repeat(np.arange(len(wordings)), size) * n_articles + article[number],
                                       return_counts=True)
        np.maximum.at(runs, in_article // n_articles, counts)
    d, e = np.array([m[0] for m in matches], dtype=np.int64), np.array([m[1] for m in matches], dtype=np.int64)
    both = d != e
    xs, ys = np.concatenate([d, e[both]]), np.concatenate([e, d[both]])
    match = np.concatenate([np.arange(len(matches)), np.flatnonzero(both)])
    # One row per (direction, quote x of xs), then one per candidate partner y of ys.
    row = np.repeat(np.arange(len(xs)), size[xs])
    x = number[first[xs][row] + np.arange(len(row)) - np.repeat(np.cumsum(size[xs]) - size[xs], size[xs])]
    n_candidates = np.minimum(size[ys], k + runs[ys])[row]
    cand = np.repeat(np.arange(len(row)), n_candidates)
    y = number[first[ys][row][cand] + np.arange(len(cand)) - np.repeat(np.cumsum(n_candidates) - n_candidates, n_candidates)]
    x = x[cand]
    other = article[y] != article[x]
    cand, x, y = cand[other], x[other], y[other]
    rank = np.arange(len(cand)) - np.searchsorted(cand, cand)     # place among x's partners, in ys order
    top = rank < k
    codes = np.minimum(x[top], y[top]) * n + np.maximum(x[top], y[top])
    match_of = match[row[cand[top]]]
    codes, at = stats.unique_ints(codes, return_index=True)
    return codes, match_of[at]


def _similar_quote_pairs(wordings: list[list], matches: list[tuple[int, int, float, str]],
                         k: int = MAX_PARTNERS) -> list[tuple]:
    """A speaker quoted in many articles: only renderings that match, each quote with its k best partners.

    Listing every article pair (most of them "different") would grow with the square of the
    articles quoting the speaker. `matches` are the matching pairs of distinct wordings (see
    `_matching_wordings`); each wording pair is scored once.

    Quotes are numbered in (article, start) order, so a pair of quotes is one integer and sorting
    pairs by it sorts them by article and start; the pairs of all matches are sorted at once.
    """
    flat = [rec for group in wordings for rec in group]
    ranked = sorted(range(len(flat)), key=lambda i: (flat[i][2], flat[i][4]))
    number = [0] * len(flat)
    for r, i in enumerate(ranked):
        number[i] = r
    records = [flat[i] for i in ranked]
    n = max(len(records), 1)
    article, quote = _dense_ranks([rec[2] for rec in records]), _dense_ranks([(rec[2], rec[4]) for rec in records])
    codes, match_of = _linked_pairs(wordings, matches, np.array(number, dtype=np.int64),
                                    np.array(article, dtype=np.int64), n, k)
    # Each quote keeps its k best partners (most similar, then earliest); a pair stays if either side
    # keeps it. Taking pairs best first, a quote's first k pairs are all kept (so it counts k
    # partners from its k-th pair on): a pair stays if it is among the first k of either quote.
    order = np.lexsort((codes, -np.array([m[2] for m in matches], dtype=np.float64)[match_of]))
    codes, match_of = codes[order], match_of[order]
    a_of, b_of = np.divmod(codes, n)
    quote, article = np.array(quote, dtype=np.int64), np.array(article, dtype=np.int64)
    kept = np.flatnonzero(_first_of_group(np.stack([quote[a_of], quote[b_of]], axis=1).ravel(), k).reshape(-1, 2).any(axis=1))
    # Then per article pair (in order), best pairs first, each quote used once (`_matched_quotes`);
    # only an article pair where a quote is in two pairs needs the pairs taken one by one.
    a_of, b_of, match_of = a_of[kept], b_of[kept], match_of[kept]
    by_articles = np.lexsort((article[b_of], article[a_of]))    # stable: best first within an article pair
    a_of, b_of, match_of = a_of[by_articles], b_of[by_articles], match_of[by_articles]
    group = article[a_of] * (int(article.max()) + 1) + article[b_of]
    width = len(records)
    keep = _first_of_group((np.stack([quote[a_of], quote[b_of]], axis=1) + (group * width)[:, None]).ravel(), 1).reshape(-1, 2).all(axis=1)
    if not keep.all():
        starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
        ends = np.append(starts[1:], len(group))
        redo = stats.unique_ints(np.searchsorted(starts, np.flatnonzero(~keep), side="right") - 1)
        for first, last in zip(starts[redo].tolist(), ends[redo].tolist()):   # article pairs where a quote is in two pairs
            seen_a, seen_b = set(), set()
            for i, qa, qb in zip(range(first, last), quote[a_of[first:last]].tolist(), quote[b_of[first:last]].tolist()):
                keep[i] = qa not in seen_a and qb not in seen_b
                if keep[i]:
                    seen_a.add(qa)
                    seen_b.add(qb)
    return [(records[a], records[b], matches[m][2], matches[m][3])
            for a, b, m in zip(a_of[keep].tolist(), b_of[keep].tolist(), match_of[keep].tolist())]


def _first_of_group(keys: np.ndarray, k: int) -> np.ndarray:
    """Whether each item is among the first k (in order) of the items with its key."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]])) if len(keys) else np.zeros(0, np.int64)
    rank = np.arange(len(keys)) - np.repeat(starts, np.diff(np.append(starts, len(keys))))
    first = np.empty(len(keys), dtype=bool)
    first[order] = rank < k
    return first


def quote_fidelity(quotes: pd.DataFrame) -> pd.DataFrame:
    """For each speaker quoted in two articles, the most similar quote pairs and how they differ.

    A speaker quoted in at most MAX_PARTNERS + 1 articles: every article pair is listed (as
    "different" when no quote matches). Quoted in more: only matching renderings (identical,
    trimmed, reworded), each quote with its MAX_PARTNERS best partners.
    """
    needed = {"article_id", "text", "speaker", "start", "end"}
    if quotes is None or quotes.empty or not needed <= set(quotes.columns):
        return pd.DataFrame(columns=FIDELITY_COLUMNS)
    q = quotes
    if "kind" in q.columns:
        q = q[q["kind"].astype(str) != "term"]
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "") & q["text"].notna()]
    if q.empty:
        return pd.DataFrame(columns=FIDELITY_COLUMNS)
    speakers = q["speaker"].astype(str).tolist()
    keys = _speaker_keys(speakers)
    # Columns as lists (Python ints and strings): comparing and hashing them is what the pairing does most.
    records = list(zip([keys[s] for s in speakers], speakers, q["article_id"].astype(str).tolist(),
                       q["text"].astype(str).tolist(), q["start"].astype(int).tolist(), q["end"].astype(int).tolist()))
    spellings = pd.Series(speakers).value_counts()
    display: dict[str, str] = {}
    for name in sorted(spellings.index, key=lambda name: (len(name.split()) < 2, -spellings[name], name)):
        display.setdefault(keys[name], name)   # a full name, the most frequent spelling, names the speaker
    by_speaker: dict[str, dict[str, list]] = {}
    for rec in sorted(records, key=lambda r: (r[0], r[2], r[4])):
        by_speaker.setdefault(rec[0], {}).setdefault(rec[2], []).append(rec)
    many = sorted(key for key, by_article in by_speaker.items() if len(by_article) > MAX_PARTNERS + 1)
    wordings = {key: _wordings(by_speaker[key]) for key in many}
    matching = _matching_wordings([[group[0][3] for group in wordings[key]] for key in many],
                                  [_link_counts(by_speaker[key], wordings[key]) for key in many])
    names, pairs = [], []   # per output row: the speaker's name, (quote a, quote b, similarity, fidelity)
    for key, by_article in sorted(by_speaker.items()):   # `matching` yields in this order too
        if len(by_article) <= MAX_PARTNERS + 1:
            found = _all_quote_pairs(by_article)
        else:
            found = _similar_quote_pairs(wordings.pop(key), next(matching))
        names.extend([display[key]] * len(found))
        pairs.extend(found)
    del by_speaker, records, wordings, matching
    # Sorted by speaker, article_a, article_b, start_a (stable) before the table is made: sorting
    # the table would copy it.
    order = np.lexsort((np.array([p[0][4] for p in pairs], dtype=np.int64),
                        pd.factorize(np.array([p[1][2] for p in pairs], dtype=object), sort=True)[0],
                        pd.factorize(np.array([p[0][2] for p in pairs], dtype=object), sort=True)[0],
                        pd.factorize(np.array(names, dtype=object), sort=True)[0])).tolist()
    names, pairs = [names[i] for i in order], [pairs[i] for i in order]
    # Each column becomes its table column as soon as it is listed (a list of a million Python
    # references is not held for every column at once); the pairs go before the table is made.
    # (No pairs: the empty lists themselves, typed as the table always typed them.)
    series = lambda values: pd.Series(values) if values else values  # noqa: E731
    columns = {"speaker": series(names)}
    del names
    for side, q in (("a", 0), ("b", 1)):
        columns[f"article_{side}"] = series([p[q][2] for p in pairs])
        columns[f"quote_{side}"] = series([p[q][3] for p in pairs])
        columns[f"start_{side}"] = np.array([p[q][4] for p in pairs], dtype=np.int64)
        columns[f"end_{side}"] = np.array([p[q][5] for p in pairs], dtype=np.int64)
    columns["similarity"] = np.array([p[2] for p in pairs], dtype=np.float64)
    columns["fidelity"] = series([p[3] for p in pairs])
    del pairs
    return pd.DataFrame({name: columns[name] for name in FIDELITY_COLUMNS})


# --- the stage ------------------------------------------------------------------------------------

def find_reuse(content: pd.DataFrame, quotes: pd.DataFrame, articles: pd.DataFrame, texts: dict,
               method: str = "auto") -> dict[str, pd.DataFrame]:
    """Corpus-level stage: reuse (aligned passages), originality (per article), quote_fidelity."""
    return {**passages(content, articles, texts, method), "quote_fidelity": quote_fidelity(quotes)}


def passages(content: pd.DataFrame, articles: pd.DataFrame, texts: dict, method: str = "auto") -> dict[str, pd.DataFrame]:
    """The part of `find_reuse` that reads sentences: reuse (aligned passages) and originality.
    Quote fidelity reads only the quotes, so the pipeline may run it in another process."""
    article_ids = set(texts or {})
    if articles is not None and "article_id" in getattr(articles, "columns", []):
        status_ok = articles["status"] == "ok" if "status" in articles.columns else pd.Series(True, index=articles.index)
        article_ids |= set(articles.loc[status_ok, "article_id"].astype(str))
    if content is None or content.empty:
        content = pd.DataFrame(columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    reuse, spans, corpus = align(content, method=method)
    return {"reuse": reuse, "originality": originality(corpus, spans, article_ids)}


# --- measured against hand-labelled pairs --------------------------------------------------------

def evaluate(content: pd.DataFrame, texts: dict, gold: pd.DataFrame, method: str = "auto") -> dict[str, pd.DataFrame]:
    """Precision and recall of `align` against gold sentence pairs.

    `gold` has one row per pair of sentences two articles share: `article_a`, `sentence_a`, `article_b`,
    `sentence_b` (the sentences' exact text in `texts`) and `relation` (RELATIONS). A gold pair is found
    when an aligned passage pair overlaps both of its sentences; an aligned pair is right when it
    overlaps some gold pair (a passage may merge several sentences). Returns {"summary": recall per
    relation and overall, precision, and how often a found pair gets the gold relation; "detail": one
    row per gold pair with the relation found, "" when missed}.
    """
    table, _, _ = align(content, method=method)
    spans = []
    for g in gold.itertuples():
        a_start, b_start = texts[g.article_a].find(g.sentence_a), texts[g.article_b].find(g.sentence_b)
        if a_start < 0 or b_start < 0:
            raise ValueError(f"gold sentence not in its article: {g.sentence_a if a_start < 0 else g.sentence_b!r}")
        spans.append((g.article_a, a_start, a_start + len(g.sentence_a), g.article_b, b_start, b_start + len(g.sentence_b)))

    def hits(row, span) -> bool:
        a, sa, ea, b, sb, eb = span
        if (row.article_a, row.article_b) == (b, a):
            a, sa, ea, b, sb, eb = b, sb, eb, a, sa, ea
        return ((row.article_a, row.article_b) == (a, b) and row.start_a < ea and sa < row.end_a
                and row.start_b < eb and sb < row.end_b)

    rows = list(table.itertuples())
    found = [next((r.relation for r in rows if hits(r, span)), "") for span in spans]
    right_rows = sum(any(hits(r, span) for span in spans) for r in rows)
    detail = gold.assign(found=found)
    matched = detail[detail["found"] != ""]
    summary = [("alignment", "precision", right_rows, len(rows))]
    for relation in RELATIONS:
        of = detail[detail["relation"] == relation]
        summary.append((relation, "recall", int((of["found"] != "").sum()), len(of)))
    summary.append(("alignment", "recall", len(matched), len(detail)))
    summary.append(("relation", "accuracy", int((matched["found"] == matched["relation"]).sum()), len(matched)))
    out = pd.DataFrame(summary, columns=["task", "measure", "n_correct", "n_total"])
    out.insert(2, "value", [round(c / t, 3) if t else float("nan") for c, t in zip(out["n_correct"], out["n_total"])])
    return {"summary": out, "detail": detail}


# --- display helpers for the notebook ------------------------------------------------------------

def diff_markup(a: str, b: str) -> tuple[str, str]:
    """HTML of two passages with words not shared marked (<del> in a, <ins> in b); same input, same output."""
    pieces_a, pieces_b = _HTML_WORD_RE.findall(a), _HTML_WORD_RE.findall(b)
    words_a = [i for i, p in enumerate(pieces_a) if not p.isspace()]
    words_b = [i for i, p in enumerate(pieces_b) if not p.isspace()]
    key = lambda p: " ".join(tokens(p)) or p  # noqa: E731  compare words without case or punctuation
    matcher = SequenceMatcher(None, [key(pieces_a[i]) for i in words_a], [key(pieces_b[i]) for i in words_b],
                              autojunk=False)
    changed_a, changed_b = set(), set()
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            changed_a.update(words_a[a0:a1])
            changed_b.update(words_b[b0:b1])

    def render(pieces, changed, tag):
        return "".join(f"<{tag}>{html.escape(p)}</{tag}>" if i in changed else html.escape(p)
                       for i, p in enumerate(pieces))
    return render(pieces_a, changed_a, "del"), render(pieces_b, changed_b, "ins")


def side_by_side_html(reuse: pd.DataFrame, texts: dict, n: int | None = None) -> str:
    """An HTML table of aligned passages, differences highlighted, in the order of `reuse`."""
    style = ("<style>.reuse td{vertical-align:top;text-align:left;width:40%} "
             ".reuse del{background:#fdd;text-decoration:none} .reuse ins{background:#dfd;text-decoration:none}</style>")
    head = "<tr><th>relation (similarity)</th><th>article a</th><th>article b</th></tr>"
    body = []
    for row in (reuse if n is None else reuse.head(n)).itertuples(index=False):
        a = texts.get(row.article_a, "")[row.start_a:row.end_a]
        b = texts.get(row.article_b, "")[row.start_b:row.end_b]
        ma, mb = diff_markup(a, b)
        body.append(f"<tr><td>{html.escape(row.relation)} ({row.similarity:.3f})</td>"
                    f"<td><b>{html.escape(row.article_a)}</b> line {row.line_a}<br>{ma}</td>"
                    f"<td><b>{html.escape(row.article_b)}</b> line {row.line_b}<br>{mb}</td></tr>")
    return f"{style}<table class='reuse'>{head}{''.join(body)}</table>"


def reuse_matrix(reuse: pd.DataFrame, article_ids) -> pd.DataFrame:
    """Article x article count of aligned passages (symmetric), for a heatmap."""
    ids = sorted(set(article_ids))
    matrix = pd.DataFrame(0, index=pd.Index(ids, name="article_a"), columns=pd.Index(ids, name="article_b"))
    counts = reuse.groupby(["article_a", "article_b"]).size()
    for (a, b), k in counts.items():
        if a in matrix.index and b in matrix.columns:
            matrix.loc[a, b] += int(k)
            matrix.loc[b, a] += int(k)
    return matrix
