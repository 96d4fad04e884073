"""Offset-preserving text helpers: line splitting, a same-length normalized view, sentence spans.

Every function here keeps character offsets into the decoded raw text intact, so that
`raw[start:end]` is always the evidence for whatever a later stage finds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

import regex
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# One line of text and its terminator: CRLF, CR and LF all end a line. Group 1 is the line without
# its terminator; a last line without a terminator counts only if it is not empty.
LINE_RE = re.compile(r"(?=[^\r\n]*[\r\n]|[^\r\n])([^\r\n]*)(?:\r\n|\r|\n)?")
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# Numbers written as words, with their values (the reuse and framing stages read figures written either way):
# units, teens and tens ("thirty-one" is read by joining two), "dozen", and the scales that multiply the number
# before them ("2.5 million").
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(),
                                                      start=2)})
NUMBER_WORDS["dozen"] = 12
SCALES = {"hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
NUMBER_WORDS.update(SCALES)

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
_NORMALIZE_CHARS = {chr(code): out for code, out in _NORMALIZE.items()}
_NORMALIZE_RE = re.compile("[" + re.escape("".join(_NORMALIZE_CHARS)) + "]")

# Punkt reads at most this many characters at a time, so one huge paragraph (a 5 MB file with no
# line breaks) costs linear time and never trips NLTK's 5-second regex time limit.
PUNKT_WINDOW = 10_000
# Last resort when Punkt gives up on a window (NLTK raises TimeoutError on pathological input):
# split after ., ! or ? followed by space. Linear, stdlib `re`.
_FALLBACK_BREAK_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+")

# Abbreviations that end with a period but rarely end a sentence in news copy
# ("U.S. officials", "Co. Ltd.", "Oct. 8", "Ms. Joly"). Lower case, without the final period.
ABBREVIATIONS = frozenset("""
u.s u.k u.n e.u u.s.a d.c n.y l.a p.m a.m e.g i.e etc vs v st ave blvd rd mt ft
co corp inc ltd llc plc bros dept assn univ govt intl
mr mrs ms messrs dr prof sen rep reps gov gen lt col maj capt sgt cmdr adm supt insp det coun ald cpl const msgr
pres vice atty hon rev fr sr jr smt shri engr eng
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
approx est min max
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
a b c d e f g h j k l m n o p q r s t u w x y z
""".split())
# Abbreviations only before a number ("No. 1", "Vol. 2", "Fig. 3"); elsewhere "said no." ends a sentence.
NUMBER_ABBREVIATION_RE = re.compile(r"(?<![\w.])(?:[Nn]os?|[Vv]ol|[Ff]igs?|pp?|[Pp]ara|[Ss]ec|[Aa]rt)\.$")
# A question or exclamation inside a quote, then the rest of its sentence: “Really?” he asked.
QUOTED_MARK_END_RE = re.compile(r"[?!][\"'”’»]+$")


def split_lines(raw: str) -> list[tuple[int, int, int]]:
    """(line number from 1, start, end) for every raw line; the terminator is outside [start, end)."""
    starts, texts = line_texts(raw)
    return [(number, start, start + len(text)) for number, (start, text) in enumerate(zip(starts, texts), start=1)]


def line_texts(raw: str) -> tuple[list[int], list[str]]:
    """(starts, texts) of the raw lines of `split_lines`: line k is raw[starts[k]:starts[k] + len(texts[k])].

    str.splitlines splits in C, and where CR and LF are the only line ends in the text it splits
    as LINE_RE does (CRLF, CR or LF; a last line only if not empty). It also ends lines at the
    characters below, so text holding one of those goes to LINE_RE.
    """
    if any(char in raw for char in _OTHER_LINE_ENDS):
        spans = [match.span(1) for match in LINE_RE.finditer(raw)]
        return [start for start, _ in spans], [raw[start:end] for start, end in spans]
    starts = list(accumulate(map(len, raw.splitlines(keepends=True)), initial=0))
    starts.pop()
    return starts, raw.splitlines()


# Line ends to str.splitlines but not to LINE_RE (nor to an editor): VT, FF, FS, GS, RS, NEL, LS, PS.
_OTHER_LINE_ENDS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def count_lines(raw: str) -> int:
    """len(split_lines(raw)), without building the lines: a line ends at \\r\\n, \\r or \\n, and
    text after the last line end is one more line."""
    ends = raw.count("\n")
    if "\r" in raw:
        ends += raw.count("\r") - raw.count("\r\n")
    return ends + (1 if raw and raw[-1] not in "\r\n" else 0)


def normalize(text: str) -> str:
    """Same-length matching view: straight quotes, ASCII dashes and plain spaces."""
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    # A regex that touches only the mapped characters is ~6x faster than str.translate here.
    return _NORMALIZE_RE.sub(_normalize_char, text)


def _normalize_char(match: re.Match) -> str:
    return _NORMALIZE_CHARS[match.group()]


def fold(text: str) -> str:
    """Lower case, diacritics removed, quotes normalized: for comparing names, not for offsets."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def split_factorized(data: bytes) -> tuple[np.ndarray, list[bytes]]:
    """pd.factorize(data.split()) for bytes whose only whitespace is the space: the code of each
    piece and the distinct pieces in order of first appearance. Arrow splits and hashes in C++
    without a Python object per piece, ~3x faster than splitting into bytes and factorizing them."""
    # Imported here: this module stays light to import, and only the corpus-level stages call this.
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    pieces = pc.list_flatten(pc.split_pattern(pa.array([data], pa.large_binary()), b" "))
    pieces = pieces.filter(pc.greater(pc.binary_length(pieces), 0))    # runs of spaces split off empty pieces
    encoded = pc.dictionary_encode(pieces)
    return encoded.indices.to_numpy().astype(np.int64), encoded.dictionary.to_pylist()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    """len(words(text)), without building the words.

    Mostly-ASCII text (news copy with a few curly quotes and accents) is counted on a one-byte
    class per character, with bytes methods: about 3x faster than the regex, same count. Text
    with many non-ASCII characters (another script) is counted by the regex itself.
    """
    if not text.isascii():
        utf8 = text.encode("utf-8", "surrogatepass")
        if 8 * (len(utf8) - len(text)) > len(text):
            return WORD_RE.subn("", text)[1]
        # The few distinct non-ASCII characters, found on the bytes: those of a word become "a",
        # joiners "'"; the rest stay, and encode as "?", a separator like them.
        for char in set(utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):
            cls = _word_class(char)
            if cls != " ":
                text = text.replace(char, cls)
    return _count_word_classes(text.encode("ascii", "replace").translate(_WORD_CLASS_TABLE))


# Character classes for counting words as WORD_RE finds them: "a" for a word character
# ([^\W_]), "-" for a character that joins two words into one (' ’ -), " " for anything else.
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_WORD_JOINERS = "'’-"
_WORD_CLASS_TABLE = bytes(ord("a") if _WORD_CHAR_RE.match(chr(b)) else ord("-") if chr(b) in _WORD_JOINERS
                          else ord(" ") for b in range(128)) + b" " * 128
_ASCII_BYTES = bytes(range(128))
_NON_ASCII_CLASS: dict[str, str] = {}


def _word_class(char: str) -> str:
    """The class of one non-ASCII character, as an ASCII character of that class ("a", "'" or " ")."""
    cls = _NON_ASCII_CLASS.get(char)
    if cls is None:
        cls = _NON_ASCII_CLASS[char] = "a" if _WORD_CHAR_RE.match(char) else "'" if char in _WORD_JOINERS else " "
    return cls


def _count_word_classes(classes: bytes) -> int:
    """Words in a class string: one starts at each "a" that neither an "a" nor an "a-" comes before."""
    # Each counted pattern ends with the "a" that starts a word, so its matches never overlap.
    return (classes.count(b" a") + classes.count(b" -a") + classes.count(b"--a")
            + classes.startswith(b"a") + classes.startswith(b"-a"))


def punkt_module():
    """`nltk.tokenize.punkt`, imported without scipy.stats when NLTK is not loaded yet.

    Importing any NLTK module runs the package's __init__, which imports nltk.collocations and
    through it nltk.metrics.association, whose only use of scipy.stats is Fisher's exact test for
    collocations; when scipy.stats cannot be imported it defines a stub instead. Hiding scipy.stats
    during that import saves about 0.6 CPU-s in every worker process (of about 1.1 s for the whole
    import); sentence splitting never scores collocations. scipy.stats stays importable afterwards.
    """
    import sys

    if "nltk" in sys.modules or "scipy.stats" in sys.modules:
        from nltk.tokenize import punkt
        return punkt
    sys.modules["scipy.stats"] = None     # `import scipy.stats` now raises ImportError
    try:
        from nltk.tokenize import punkt
    finally:
        del sys.modules["scipy.stats"]
    return punkt


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt with a built-in abbreviation list: no trained model, nothing downloaded."""
    punkt = punkt_module()
    params = punkt.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return punkt.PunktSentenceTokenizer(params)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of `text`, shifted by `offset`, surrounding space trimmed.

    Long text is read in windows of about PUNKT_WINDOW characters that end at whitespace; each
    window's last sentence is re-read at the start of the next one, so Punkt's decisions (which
    look one token ahead) are the same as on the whole text. A sentence longer than a window is
    cut at whitespace.
    """
    if not text.strip():
        return []
    # Punkt reads the period context on a normalized view (curly closing quotes count as quotes).
    view = normalize(text)
    n = len(view)
    # A candidate is a mark (. ? !) with a character after it: with no mark before the last
    # character there is none, and three finds cost less than the regex search.
    if n <= PUNKT_WINDOW and ((view.find(".", 0, n - 1) < 0 and view.find("?", 0, n - 1) < 0
                               and view.find("!", 0, n - 1) < 0) or _punkt().period_context.search(view) is None):
        # No candidate sentence end (most headlines, one-sentence paragraphs ending the text): one sentence.
        return [(offset + n - len(text.lstrip()), offset + len(text.rstrip()))]
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        end = n
        if n - pos > PUNKT_WINDOW:
            end = pos + PUNKT_WINDOW
            space = max(view.rfind(c, pos + PUNKT_WINDOW // 2, end) for c in " \n\r")
            if space > pos:
                end = space + 1
        pieces = _punkt_pieces(view[pos:end])
        next_pos = end
        if end < n and len(pieces) > 1:
            next_pos = pos + pieces[-1][0]
            pieces = pieces[:-1]
        elif end < n:
            pieces = [(0, end - pos)]
        for start, stop in pieces:
            chunk = text[pos + start:pos + stop]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if stop - trail > start + lead:
                spans.append((offset + pos + start + lead, offset + pos + stop - trail))
        pos = next_pos
    return _join_number_abbreviations(text, spans, offset)


def _join_number_abbreviations(text: str, spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """Sentences Punkt ends too early joined back: after "No." or "pp." before a number, and after a
    quoted question or exclamation that a lower-case word continues (“Really?” he asked.)."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            first = text[start - offset:start - offset + 1]
            prev_start, prev_end = joined[-1]
            tail = text[max(prev_start, prev_end - 5) - offset:prev_end - offset]
            if ((first.isdigit() and NUMBER_ABBREVIATION_RE.search(tail))
                    or (first.islower() and QUOTED_MARK_END_RE.search(tail))):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def _punkt_pieces(window: str) -> list[tuple[int, int]]:
    try:
        return _punkt_spans(window)
    except TimeoutError:
        cuts = [m.end() for m in _FALLBACK_BREAK_RE.finditer(window)]
        bounds = [0] + [c for c in cuts if c < len(window)] + [len(window)]
        return list(zip(bounds, bounds[1:]))


# ---------------------------------------------------------------- Punkt, the fast way
# `_punkt_spans(text)` returns exactly `sentence_tokenizer().span_tokenize(text)` (same candidate
# contexts, same decisions, same realignment of closing quotes), about 5x faster. NLTK decides each
# candidate by building token objects for a small context; here the common contexts ("word. Next",
# "U.S. officials", "Oct. 8", "J. K. Rowling", "it? Yes") are decided directly from Punkt's rules
# with our parameters (abbreviation list only: no collocations, no sentence starters, no
# orthographic statistics), and any other context is handed to Punkt itself. The patterns are
# NLTK's own, compiled with the same `regex` engine, so \s, \w and \d mean what they mean to Punkt.
@lru_cache(maxsize=1)
def _punkt() -> SimpleNamespace:
    """Punkt's patterns, built on first use: importing NLTK costs about half a CPU-second even
    without scipy.stats (see `punkt_module`), which a process that never splits sentences (the
    CLI's main process) should not pay before its workers can start."""
    punkt = punkt_module()
    PunktToken = punkt.PunktToken
    punkt_vars = punkt.PunktLanguageVars()
    period_context = regex.compile(punkt_vars.period_context_re().pattern, punkt_vars.period_context_re().flags)
    return SimpleNamespace(
        period_context=period_context,
        after_tok=period_context.groupindex["after_tok"], next_tok=period_context.groupindex["next_tok"],
        realign=regex.compile(punkt_vars.re_boundary_realignment.pattern, punkt_vars.re_boundary_realignment.flags),
        numeric=regex.compile(PunktToken._RE_NUMERIC.pattern, PunktToken._RE_NUMERIC.flags),   # type "##number##"
        initial=regex.compile(PunktToken._RE_INITIAL.pattern, PunktToken._RE_INITIAL.flags),   # "J."
    )


# A word Punkt's word tokenizer keeps whole, with its final period: "Oct", "U.S", "co-op", "1,000", "2.5".
_PLAIN_WORD = regex.compile(r"[^\W_]+(?:[.,\-][^\W_]+)*")
_PUNKT_TIMEOUT = 5.0            # seconds per regex call, as NLTK's own guard
# ... set only on text at least this long: these patterns have no nested repeats, so a shorter text is
# read in well under a second whatever it holds, and the time limit's clock costs more than the search
# (4 us a call, more than half of the work on a typical paragraph).
_PUNKT_TIMEOUT_MIN_CHARS = 2_000


def _timeout(text: str) -> float | None:
    return _PUNKT_TIMEOUT if len(text) >= _PUNKT_TIMEOUT_MIN_CHARS else None
# string.whitespace, what Punkt looks back for to find the word before a candidate.
_ASCII_SPACE_TO_SPACE = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c", " "))
_SENTENCE_END_MARKS = frozenset(".?!")
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\u00ab\u00bb"   # what the realignment pattern must start with
_OPENERS = "\"'([{\u201c\u2018\u00ab"   # a next token starting with these: orthography unknown
_PUNCTUATION = frozenset(";:,.!?")      # PunktSentenceTokenizer.PUNCTUATION: "never starts a sentence"


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    breaks: list[tuple[int, int]] = []
    last_break = 0
    after_tok, next_tok = _punkt().after_tok, _punkt().next_tok
    for match, word_start, word_end in _potential_ends(text):
        mark, after, nxt = match.group(0, after_tok, next_tok)
        if _is_break(text[word_start:word_end], mark, after, nxt):
            breaks.append((last_break, match.end()))
            last_break = match.start(next_tok) if nxt else match.end()
    breaks.append((last_break, len(text.rstrip())))
    return _realign(text, breaks)


def _potential_ends(text: str):
    """(match, previous word start, end) per candidate: `PunktSentenceTokenizer._match_potential_end_contexts`."""
    # With every string.whitespace character a space, one rfind finds the last of any of them.
    spaced = text if text.isprintable() else text.translate(_ASCII_SPACE_TO_SPACE)
    prev, prev_start, prev_stop = None, 0, 0
    for match in _punkt().period_context.finditer(text, timeout=_timeout(text)):
        at = match.start()
        space = spaced.rfind(" ", prev_stop, at)
        # A space right at the previous candidate counts as none, as in NLTK.
        start = space + 1 if space > prev_stop else prev_start
        if prev is not None and prev_stop <= start:
            yield prev, prev_start, prev_stop
        prev, prev_start, prev_stop = match, start, at
    if prev is not None:
        yield prev, prev_start, prev_stop


@lru_cache(maxsize=1 << 14)
def _is_break(word: str, mark: str, after: str, nxt: str | None) -> bool:
    """`text_contains_sentbreak` of a candidate's context: previous word, mark, what follows (the
    next token, or None). A pure function of the context, and news copy repeats contexts
    ("said. The"), so decisions are remembered."""
    plain = _PLAIN_WORD.fullmatch(word) is not None
    if mark != ".":                                   # "?" and "!" are tokens of their own: always a break
        if plain or not word:
            return True
        return sentence_tokenizer().text_contains_sentbreak(word + mark + after)
    if not plain:
        return sentence_tokenizer().text_contains_sentbreak(word + mark + after)
    if nxt:
        first = nxt[0]
        if not _SENTENCE_END_MARKS.isdisjoint(nxt[:-1]) or not (first.isalnum() or first in _OPENERS):
            return sentence_tokenizer().text_contains_sentbreak(word + mark + after)
        case = "upper" if first.isupper() else "lower" if first.islower() else "unknown"
    else:                                             # a closing quote or bracket right after the period
        case = "punct" if after in _PUNCTUATION else "unknown"
    lower = word.lower()
    brk = not (lower in ABBREVIATIONS or lower.split("-")[-1] in ABBREVIATIONS)
    token = word + mark
    initial = _punkt().initial.match(token) is not None
    if initial or _punkt().numeric.match(token.lower()) is not None:
        if case in ("punct", "lower") or (initial and case == "upper"):
            brk = False
    return brk


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Closing quotes and brackets after a break join the sentence before: `_realign_boundaries`."""
    out: list[tuple[int, int]] = []
    realign = 0
    last = len(slices) - 1
    for k, (start, stop) in enumerate(slices):
        start += realign
        if k == last:
            if text[start:stop]:
                out.append((start, stop))
            continue
        next_start, next_stop = slices[k + 1]
        # Only a sentence that opens with a closing quote or bracket can give it back.
        opens_closed = next_start < next_stop and text[next_start] in _CLOSERS
        piece = text[next_start:next_stop] if opens_closed else ""
        m = _punkt().realign.match(piece, timeout=_timeout(piece)) if opens_closed else None
        if m:
            out.append((start, next_start + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if text[start:stop]:
                out.append((start, stop))
    return out


def trie_pattern(words: list[str], space: str = r"\s+", dispatch: bool = False) -> str:
    """One regex alternation for many words, factored by shared prefixes (much faster to match).

    trie_pattern(["said", "says", "saying"]) -> "sa(?:id|ys|ying)"-like; spaces match `space`.
    dispatch=True leaves the first character to the caller, who consumes it: each first-level branch
    then starts with a look-behind at it, "(?<=s)a(?:id|ys|ying)" (see `quotes.word_start_trie`).
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(space if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body
    if dispatch:
        return "(?:" + "|".join(f"(?<={re.escape(ch)}){build(child)}" for ch, child in sorted(trie.items())) + ")"
    return build(trie)
