"""Offset-preserving text helpers: line splitting, a same-length normalized view, sentence spans.

Every function here keeps character offsets into the decoded raw text intact, so that
`raw[start:end]` is always the evidence for whatever a later stage finds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# One line of text with its terminator excluded: CRLF, CR and LF all end a line.
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# 1:1 character map for matching: curly quotes and apostrophes, dashes, exotic spaces.
# Same length in and out, so offsets found in the normalized view are valid in the raw text.
_NORMALIZE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\t": " ",
})

# Abbreviations that end with a period but rarely end a sentence in news copy
# ("U.S. officials", "Co. Ltd.", "Oct. 8", "Ms. Joly"). Lower case, without the final period.
ABBREVIATIONS = frozenset("""
u.s u.k u.n e.u u.s.a d.c n.y l.a p.m a.m e.g i.e etc vs v no nos st ave blvd rd mt ft
co corp inc ltd llc plc bros dept assn univ govt intl
mr mrs ms messrs dr prof sen rep reps gov gen lt col maj capt sgt cmdr adm supt insp det
pres vice atty hon rev fr sr jr
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
fig vol approx est min max
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
a b c d e f g h j k l m n o p q r s t u w x y z
""".split())


def split_lines(raw: str) -> list[tuple[int, int, int]]:
    """(line number from 1, start, end) for every raw line; the terminator is outside [start, end)."""
    spans = []
    for number, match in enumerate(LINE_RE.finditer(raw), start=1):
        start, end = match.span()
        body = match.group()
        end -= len(body) - len(body.rstrip("\r\n"))
        spans.append((number, start, end))
    return spans


def normalize(text: str) -> str:
    """Same-length matching view: straight quotes, ASCII dashes and plain spaces."""
    return text.translate(_NORMALIZE)


def fold(text: str) -> str:
    """Lower case, diacritics removed, quotes normalized: for comparing names, not for offsets."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt with a built-in abbreviation list: no trained model, nothing downloaded."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of `text`, shifted by `offset`, surrounding space trimmed."""
    if not text.strip():
        return []
    # Punkt reads the period context on a normalized view (curly closing quotes count as quotes).
    spans = []
    for start, end in sentence_tokenizer().span_tokenize(normalize(text)):
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            spans.append((offset + start + lead, offset + end - trail))
    return spans
