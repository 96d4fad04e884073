"""Label every raw line as content, metadata or boilerplate, and measure how much noise each article carries.

The classifier combines four kinds of evidence, in this order of trust:
1. the pattern table (`analysis.patterns.BOILERPLATE_PATTERNS`): named cruft families;
2. repetition: a line repeated within the article, or site furniture repeated across the corpus;
3. line features: length, sentence-likeness, stopword density, capitalization, position;
4. context, after jusText: the main body is the largest contiguous run of sentence-like lines;
   short lines inside it are subheads, runs of short lines outside it are boilerplate, and the
   first headline-like line above it is the headline.
"""
from __future__ import annotations

import bisect
import html
import math
import re
from collections import Counter
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import corpus as C
from analysis import patterns as P
from analysis import text as T

LABELS = ("content", "metadata", "boilerplate")
ROLES = {
    "content": ("headline", "subhead", "body", "summary"),
    "metadata": ("masthead", "section", "byline", "dateline", "credit", "caption", "photo_credit", "reading_time",
                 "note"),
    "boilerplate": ("related", "comments", "navigation", "share", "newsletter", "rating_widget",
                    "duplicate_headline", "summary_label", "other"),
}
LABEL_OF_ROLE = {role: label for label, roles in ROLES.items() for role in roles}
LABEL_COLUMNS = ["label", "role", "reason"]
CONTENT_COLUMNS = ["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"]
NOISE_COLUMNS = ["article_id", "noise_share_lines", "noise_share_chars", "n_content_words"]

# Line classes, after jusText: good = running prose; neargood = a short sentence; short = anything else.
GOOD_MIN_WORDS = 10          # a paragraph of prose has at least this many words ...
GOOD_MIN_STOPWORDS = 0.25    # ... and this share of function words (menus and headlines have fewer)
LONG_LINE_WORDS = 30         # this long and not Title Case Everywhere: prose whatever the language
NEARGOOD_MIN_WORDS = 3
NEARGOOD_MIN_STOPWORDS = 0.2
HEADLINE_WORDS = (3, 30)     # a headline candidate's length in words
PAGE_TITLE_MIN_WORDS = 4     # a line repeated over the story is its page title from this long ("Detroit Free Press"
                             # twice is a masthead and a byline's outlet)
HEADLINE_BODY_LINES = 5      # body lines a headline candidate is compared with
# A headline-like line right above the best candidate is the headline (and the candidate its deck)
# when it is this long (kickers such as "Hikvision ban" are shorter) and shares this share of its
# words with the opening of the body.
DECK_HEADLINE_MIN_WORDS = 5
DECK_HEADLINE_MIN_OVERLAP = 0.2
MASTHEAD_MAX_WORDS = 4
MENU_ITEM_MAX_WORDS = 3      # a navigation menu item
MENU_MIN_RUN = 3             # this many short lines in a row outside the body form a menu or a list
DENSE_PROSE_WORDS = 15       # a sentence this long, mostly lower case, is prose whatever its stopwords
BODY_GAP = 4                 # this many non-prose lines in a row split the prose into two clusters
RESUME_MIN_LINES = 2         # prose lines after a box that take the story up again ...
RESUME_MAX_GAP = 8           # ... across at most this many lines of it
TEASER_ENDS = ("...", "\u2026")   # a link's text cut short, under a related header
CAROUSEL_CONTROL_WORDS = 2   # "Previous", "Next": the buttons of a related carousel
LIST_DEK_MAX_WORDS = 35      # a related story's standfirst under its headline in the list
LIST_TIME_WORDS = 6          # "2 days ago", "14:05, 12 March 2025": the time of an item in a related list
RESUME_SHARED_WORDS = 3      # words of the story a line past a share bar repeats, to carry it on
END_MATTER_ROLES = frozenset({"comments", "share", "navigation", "rating_widget"})
END_MATTER_REASONS = frozenset(f"pattern {name}" for name in (
    "copyright_footer", "email_footer", "about_issuer", "disclaimer", "author_bio_header", "media_contact",
    "wire_credit", "contributor_note", "print_note", "contact_line"))
# Site furniture: a short line found in at least max(FURNITURE_MIN_ARTICLES, FURNITURE_SHARE of
# the corpus) articles that tell different stories.
FURNITURE_MIN_ARTICLES = 3
FURNITURE_SHARE = 0.002
FURNITURE_MAX_WORDS = 12
PULL_QUOTE_WORDS = (8, 60)   # a pull quote's length in words
AUTHOR_BIO_MAX_WORDS = 60
BIO_MIN_WORDS = 5             # a bio says something of the writer: a name alone is no bio
CAPTION_MAX_WORDS = 60      # a caption set above its credit is at most this long
SOCIAL_POST_MAX_WORDS = 70  # an embedded post's text (a long post is cut with "Show more")
SENTENCE_END_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")   # a line that closes as a sentence does
PICTURE_ROLES = frozenset({"caption", "photo_credit"})
PICTURE_CREDIT_MAX_WORDS = 6   # a capitalized short line right under a caption, no sentence: its credit ("Mònica Torres")
CREDIT_ONLY_MAX_WORDS = 8   # a credit line this short holds no caption of its own
AUTHOR_BIO_MAX_LINES = 3     # opening content lines read for the authors' bios (set under the byline)
AUTHOR_BIO_CLOSING_LINES = 6  # closing content lines read for them (an outlet's blurb may follow)
SUMMARY_MAX_POINTS = 6       # unmarked lines a summary label may hold
TAIL_MIN_PROSE = 2           # prose lines above a widget (comments, a rating) before it can end the article
SUBHEAD_WORDS = (3, 12)      # a subhead's length in words
INTRO_MIN_WORDS = 5          # a sentence ending in a colon that introduces a list has at least this many words,
LIST_INTRO_OPENERS = frozenset("the these those its their our his her".split())   # or one fewer after these
                             # ("The new measures require:"; not a label such as "Author of the article:")
# or ends in a verb that opens a list, after the story began ("Those designated include:", "Affected models include:")
LIST_INTRO_VERBS = frozenset("include includes included including are were follows following".split())
LIST_ITEM_MAX_WORDS = 15     # an unmarked item of such a list, one to a line
LIST_MAX_ITEMS = 12

_COMBINED, _ALONE = P.compile_patterns()
_COMBINED_LIMITS = [limit for limit, _ in _COMBINED]
_PATTERN_INDEX = {p.name: i for i, (p, _) in enumerate(_ALONE)}
_KEY_RE = re.compile(r"[^\W_]+")
_ALPHA_RE = re.compile(r"[^\W\d_]")
# line_key on ASCII: a word character lower-cased, anything else a space.
_KEY_BYTES = bytes(ord(chr(b).lower()) if b < 128 and _KEY_RE.match(chr(b)) else ord(" ") for b in range(256))
_STRIP = "\"'“”‘’()[]{}.,;:!?-–—•*«»"
# A title with a site name after it: "Hikvision challenges order | The Daily Ledger".
_SUFFIX_MARKS = re.compile(r" [|\-–—:] ")
_SITE_SUFFIX_RE = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{1,40}$")


def line_key(text: str) -> str:
    """Comparison key of a line: lower-case words only ("Related Articles:" -> "related articles")."""
    view = T.normalize(text)
    if view.isascii():
        # ASCII (most lines): casefold is lower, and a byte table that keeps word characters,
        # lower-cased, and blanks the rest finds the same words as _KEY_RE, several times faster.
        return b" ".join(view.encode("ascii").translate(_KEY_BYTES).split()).decode("ascii")
    return " ".join(_KEY_RE.findall(view.casefold()))


# ---------------------------------------------------------------- corpus level

def furniture(texts: dict) -> frozenset[str]:
    """Keys of short, non-sentence lines repeated across many different stories of the corpus.

    A line is furniture when it occurs in at least max(3, 0.2% of articles) articles whose
    longest lines differ: syndicated copies of one wire story share their headline, but also
    their longest paragraph, so they count once. Sentence-like lines are never furniture.
    Two passes over the texts, memory linear in the number of distinct short lines.
    """
    texts = {k: v for k, v in (texts or {}).items() if isinstance(v, str)}
    threshold = max(FURNITURE_MIN_ARTICLES, math.ceil(FURNITURE_SHARE * len(texts)))
    counts: Counter = Counter()
    per_article: list[tuple[set[str], int]] = []   # keys, story (hash of the longest line)
    for raw in texts.values():
        keys = set()
        lines = raw.splitlines()
        for line in lines:
            stripped = line.strip()
            if not stripped or len(stripped) > 120 or P.SENTENCE_END_RE.search(stripped[-6:]):
                continue
            key = line_key(stripped)
            if key and key.count(" ") < FURNITURE_MAX_WORDS:
                keys.add(key)
        if keys:  # the story is taken now, while the lines are at hand: no second split
            per_article.append((keys, hash(max(lines, key=len, default="").strip())))
            counts.update(keys)
    candidates = {k for k, n in counts.items() if n >= threshold}
    if not candidates:
        return frozenset()
    stories: dict[str, set[int]] = {k: set() for k in candidates}
    for keys, story in per_article:
        hits = keys & candidates
        if hits:
            for k in hits:
                stories[k].add(story)
    return frozenset(k for k, s in stories.items() if len(s) >= threshold)


# ---------------------------------------------------------------- line features

# Rows the combined regex leaves out: those that read the end of a line, or need a keyword first.
# By word limit (as the combined regexes): the rows allowed on a line that long, and among them
# those that need no keyword (none in the table today), which a line without keywords still tries.
_SPECIAL_ROWS = []
for _low in [0] + _COMBINED_LIMITS[:-1]:
    # a bucket holds lines of _low + 1 up to its limit words: the rows that may decide any of them
    # (`match_pattern` checks each line's own length against the row's)
    _rows = [(i, p, r, re.compile("|".join(map(re.escape, p.needs.split("|")))) if p.needs else None)
             for i, (p, r) in enumerate(_ALONE)
             if (p.tail_chars or p.needs) and (not p.max_words or p.max_words > _low)]
    _SPECIAL_ROWS.append((_rows, [row for row in _rows if row[3] is None]))
# Every keyword some row needs, less those that hold another ("email" holds "mail", found anyway).
_NEEDED = {k for p, _ in _ALONE if p.needs for k in p.needs.split("|")}
_KEYWORDS = sorted(k for k in _NEEDED if not any(other != k and other in k for other in _NEEDED))


# Any keyword: a line holding one is found by one scan of the article's text, not one scan per keyword.
_KEYWORD_RE = re.compile(T.trie_pattern(_KEYWORDS, space=" "))
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in _STRIP if c not in "'’"})
FEATURE_CHARS = 240  # stopword and capital shares are read on the start of a line: enough, and cheap


@lru_cache(maxsize=1 << 15)
def match_pattern(s: str, n_words: int | None = None, keywords: bool = True) -> P.LinePattern | None:
    """The first row of the pattern table that decides this normalized, stripped line.

    One combined regex call for the plain whole-line rows; the rows that read only the end of a
    line (captions) or need a keyword (whole-line scans) are tried on their own, in table order,
    unless the caller found that the lower-cased line holds no keyword at all (`keywords=False`,
    see `keyword_lines`). Same answer as `patterns.match_line`, faster. Answers are remembered:
    the lines that cost most (short ones, which many rows may decide) are the menus, share bars and
    footers that repeat across the articles of an outlet.
    """
    n_words = len(s.split()) if n_words is None else n_words
    bucket = bisect.bisect_left(_COMBINED_LIMITS, n_words)
    combined = _COMBINED[bucket][1]
    m = combined.match(s) if combined is not None else None
    first = _PATTERN_INDEX[m.lastgroup] if m else len(_ALONE)
    rows, rows_without_keywords = _SPECIAL_ROWS[bucket]
    for i, pattern, regex, needs in rows if keywords else rows_without_keywords:
        if i > first:
            break
        if pattern.max_words and n_words > pattern.max_words:
            continue
        target = s[-pattern.tail_chars:] if pattern.tail_chars else s
        if needs is not None and needs.search(target.lower()) is None:
            continue
        if regex.match(target):
            return pattern
    return _ALONE[first][0] if m else None


def keyword_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines whose lower-cased text holds a keyword that some row of the table needs.

    One substring search per keyword over all the lines joined (no keyword holds a line break),
    instead of one per keyword and line: most lines hold none, and skip those rows.
    """
    lows = [line.lower() for line in lines]
    starts = list(accumulate((len(low) + 1 for low in lows[:-1]), initial=0))
    joined = "\n".join(lows)
    hits: set[int] = set()
    search = _KEYWORD_RE.search
    found = search(joined)
    while found is not None:
        i = bisect.bisect_right(starts, found.start()) - 1
        hits.add(i)
        found = search(joined, starts[i + 1]) if i + 1 < len(starts) else None   # the next line on
    return hits


@lru_cache(maxsize=1 << 15)
def _features(s: str) -> tuple[int, float, float, bool]:
    """(words, stopword share, capitalized share, ends like a sentence).

    Remembered, as `match_pattern`: repeated lines are the site's own, found in many articles.
    """
    n = s.count(" ") + 1 if s else 0
    if n == 0:
        return 0, 0.0, 0.0, False
    head = s[:FEATURE_CHARS]
    low = _lower_tokens(head)
    if len(s) > FEATURE_CHARS and len(low) > 1:
        low.pop()  # the last token may be cut in two
    stop = sum(map(P.STOPWORDS.__contains__, low)) / max(len(low), 1)
    return n, stop, _capitalized_share(head), P.SENTENCE_END_RE.search(s[-6:]) is not None


# Features of the lines seen lately, as `_features` remembers its own: a line repeated across the
# articles of an outlet is read once. Emptied when full (a cheap stand-in for least recently used).
_FEATURES_SEEN: dict[str, tuple[int, float, float, bool]] = {}
_FEATURES_SEEN_MAX = 1 << 15


def features_of(lines: list[str]) -> list[tuple[int, float, float, bool]]:
    """`[_features(s) for s in lines]`: lines seen lately looked up, the others computed at once."""
    out = list(map(_FEATURES_SEEN.get, lines))
    new = [i for i, f in enumerate(out) if f is None]
    if new:
        if len(_FEATURES_SEEN) + len(new) > _FEATURES_SEEN_MAX:
            _FEATURES_SEEN.clear()
        for i, feats in zip(new, _compute_features([lines[i] for i in new])):
            out[i] = _FEATURES_SEEN[lines[i]] = feats
    return out


def _compute_features(lines: list[str]) -> list[tuple[int, float, float, bool]]:
    """`[_features(s) for s in lines]`, the shares of all printable ASCII lines computed at once.

    Per line, the shares cost a dozen calls on a short string each; here the heads of the lines
    are joined with line breaks (which a printable line does not hold) and read at once: their
    tokens, a NUL token between two lines, looked up in one pass, and their word initials found
    on the bytes with numpy; per-line sums are bincounts. Counts are small whole numbers, exact
    in float64, so each share is the same correctly rounded quotient as in `_features`. Other
    lines (non-ASCII, tabs, control characters, empty) go to `_features`.
    """
    batch = [i for i, s in enumerate(lines) if s.isascii() and s.isprintable() and s]
    out: list = [None] * len(lines)
    if len(batch) < len(lines):
        for i in set(range(len(lines))).difference(batch):
            out[i] = _features(lines[i])
    if not batch:
        return out
    texts = [lines[i] for i in batch]
    m = len(texts)
    joined = "\n".join([s[:FEATURE_CHARS] for s in texts]).encode("ascii")
    # Stopword shares: tokens as `_lower_tokens` splits them, a NUL token after each line's.
    tokens = joined.lower().translate(_PUNCT_TO_SPACE_BYTES).replace(b"\n", b" \0 ").split()
    kind = np.fromiter(map(_TOKEN_KIND.get, tokens, repeat(0)), dtype=np.int8, count=len(tokens))
    breaks = np.flatnonzero(kind == 2)
    line = np.repeat(np.arange(m), np.diff(breaks, prepend=-1, append=len(tokens)) - 1)
    is_word = kind != 2
    is_stop = (kind == 1)[is_word]
    n_tokens = np.bincount(line, minlength=m)
    n_stop = np.bincount(line, weights=is_stop, minlength=m)
    # A line cut at FEATURE_CHARS drops its last token (it may be cut in two), if it has another.
    cut = np.flatnonzero((np.fromiter(map(len, texts), dtype=np.int64, count=m) > FEATURE_CHARS) & (n_tokens > 1))
    if len(cut):
        last = np.cumsum(n_tokens)[cut] - 1          # index of the line's last token among the words
        n_stop[cut] -= is_stop[last]
        n_tokens[cut] -= 1
    stop = (n_stop / np.maximum(n_tokens, 1)).tolist()
    # Capitalized shares: the first byte of each of the first 16 words of each head.
    raw = np.frombuffer(joined, dtype=np.uint8)
    space = (raw == 32) | (raw == 10)
    starts = np.flatnonzero(~space & np.concatenate(([True], space[:-1])))
    start_line = np.cumsum(raw == 10)[starts]
    first_start = np.cumsum(np.bincount(start_line, minlength=m)) - np.bincount(start_line, minlength=m)
    rank = np.arange(len(starts)) - first_start[start_line]
    initials = raw[starts[rank < 16]]
    initial_line = start_line[rank < 16]
    letters = np.bincount(initial_line, weights=_ASCII_IS_LETTER[initials], minlength=m)
    upper = np.bincount(initial_line, weights=_ASCII_IS_UPPER[initials], minlength=m)
    caps = (upper / np.maximum(letters, 1)).tolist()
    end = P.SENTENCE_END_RE.search
    for k, (i, s) in enumerate(zip(batch, texts)):
        out[i] = (s.count(" ") + 1, stop[k], caps[k], end(s[-6:]) is not None)
    return out


# The same maps for ASCII text, as byte tables: bytes.translate is several times faster than str.translate.
_PUNCT_TO_SPACE_BYTES = bytes(ord(" ") if chr(b) in _STRIP and chr(b) not in "'’" else b for b in range(128)) \
    + bytes(range(128, 256))
_ASCII_LETTERS = bytes(b for b in range(128) if chr(b).isalpha())
_ASCII_UPPER = bytes(b for b in range(128) if chr(b).isupper())
_ASCII_IS_LETTER = np.array([b < 128 and chr(b).isalpha() for b in range(256)])
_ASCII_IS_UPPER = np.array([b < 128 and chr(b).isupper() for b in range(256)])
# What `features_of` looks a token up for: 1 a stopword, 2 the NUL it puts between two lines.
_TOKEN_KIND = dict.fromkeys((w.encode() for w in P.STOPWORDS if w.isascii()), 1) | {b"\0": 2}


def _lower_tokens(head: str) -> list[str]:
    """Lower-cased words of a line, punctuation other than apostrophes counting as space."""
    if head.isascii():
        return head.lower().encode("ascii").translate(_PUNCT_TO_SPACE_BYTES).decode("ascii").split()
    return head.lower().translate(_PUNCT_TO_SPACE).split()


def _capitalized_share(head: str) -> float:
    """Share of capitals among the initials of the first 16 words that begin with a letter."""
    initials = "".join(map(itemgetter(0), head.split(None, 16)[:16]))
    if initials.isascii():
        raw = initials.encode("ascii")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return (len(raw) - len(raw.translate(None, _ASCII_UPPER))) / max(letters, 1)
    initials = "".join(filter(str.isalpha, initials))
    return sum(map(str.isupper, initials)) / max(len(initials), 1)


def _line_class(n: int, stop: float, caps: float, sent_end: bool) -> str:
    if (n >= GOOD_MIN_WORDS and stop >= GOOD_MIN_STOPWORDS and (sent_end or n >= 20)) \
            or (n >= LONG_LINE_WORDS and caps < 0.5):
        return "good"
    if n >= NEARGOOD_MIN_WORDS and sent_end and stop >= NEARGOOD_MIN_STOPWORDS and caps < 0.8:
        return "neargood"
    # Dense news ledes are light on function words ("Norway's data protection authority ordered
    # fitness app StrideLink to stop transferring users' data outside Europe, saying ...").
    if n >= DENSE_PROSE_WORDS and sent_end and caps < 0.5:
        return "neargood"
    return "short"


def _hard_wrapped(texts: list[str], numbers: list[int]) -> bool:
    """Hard-wrapped copy (as in analysis.corpus): most lines end near one width, mid-sentence."""
    if len(texts) < 5:
        return False
    lengths = [len(t) for t in texts]
    width = max(lengths)
    if width > 100:
        return False
    open_ended = sum(1 for t, n in zip(texts, lengths) if n >= 0.75 * width and t.rstrip()[-1:] not in ".!?\"'”’:")
    return open_ended / len(texts) >= 0.5


# ---------------------------------------------------------------- one article

def classify_article(texts: list[str], numbers: list[int], furniture: frozenset = frozenset(),
                     stripped: list[str] | None = None, feats: list[tuple] | None = None
                     ) -> list[tuple[str, str, str]]:
    """(label, role, reason) for each non-blank line of one article, in order.

    `texts` are the non-blank raw lines, `numbers` their 1-based raw line numbers. `stripped` and
    `feats`, if given, are `stripped_lines(texts)` and `features_of` of those, computed by the
    caller for many articles at once.
    """
    n_lines = len(texts)
    if n_lines == 0:
        return []
    out: list[tuple[str, str, str] | None] = [None] * n_lines
    if stripped is None:
        stripped = stripped_lines(texts)
    if feats is None:
        feats = features_of(stripped)
    feats = _without_datelines(stripped, feats)
    words = [f[0] for f in feats]
    cls = [_line_class(n, stop, caps, end) for n, stop, caps, end in feats]
    if _hard_wrapped(stripped, numbers):
        _classify_blocks(stripped, numbers, cls)
    with_keywords = keyword_lines(stripped)
    patterns = [match_pattern(s, n, i in with_keywords) for i, (s, n) in enumerate(zip(stripped, words))]
    for i, p in enumerate(patterns):
        if p is not None:
            out[i] = (p.label, p.role, f"pattern {p.name}")

    # Widgets and lists reach past their own line. A tail opener above the first prose line is
    # a counter in the header ("12 Comments"), not the start of a comment section.
    first_prose = next((i for i in range(n_lines) if cls[i] == "good" and out[i] is None), n_lines)
    # a widget ends the article only after some of the story: a "View comments" counter in the header
    # (below the byline, above the first paragraphs) opens nothing
    prose_seen = list(accumulate((cls[k] == "good" and out[k] is None for k in range(n_lines)), initial=0))
    i = 0
    while i < n_lines:
        p = patterns[i]
        if p is None or p.scope == "line":
            i += 1
            continue
        j = i + 1
        if (p.scope == "tail" and i > first_prose and prose_seen[i] >= TAIL_MIN_PROSE
                and not _NO_COMMENTS_RE.fullmatch(stripped[i])):   # "0 Comments" opens nothing: a counter
            while j < n_lines:
                q = patterns[j]
                if q is not None and q.scope in ("tail", "list"):
                    break  # the next widget or list takes over
                # Words as generic as "Reply" and dates or names belong to the widget that holds them.
                weak = q is not None and (0 < q.max_words <= 2 or q.label == "metadata")
                if out[j] is None or weak:
                    out[j] = (p.label, p.role, f"after line {numbers[i]} ({p.name})")
                j += 1
        elif p.scope == "list" and i > first_prose:  # above the body a "Trending" is a menu item
            # a list set close under its header ends at a blank line: what follows is the page again
            # (a subhead, the next story's headline); a page that spaces every line out is read on
            close = i + 1 < n_lines and numbers[i + 1] == numbers[i] + 1
            block = p.name in P.BLOCK_HEADERS   # "About the Author": the lines set close under it, prose too
            deks = 0
            # a carousel's controls ("Previous", "1", "Next") and its items' times ("2 days ago") belong to it, and
            # a teaser cut short ("Is your smart TV watching YOU? Millions of Britons at risk...") is a link, not prose
            while j < n_lines and (out[j] is None and (cls[j] == "short" or (block and close)
                                                      or texts[j].rstrip().endswith(TEASER_ENDS)
                                                      or (j > i + 1 and _teaser(stripped[j], words[j])))
                                   or (out[j] is not None and out[j][1] == "navigation"
                                       and words[j] <= CAROUSEL_CONTROL_WORDS)
                                   or (out[j] is not None and out[j][1] == "dateline" and words[j] <= LIST_TIME_WORDS)
                                   or (out[j] is not None and out[j][2] in ("pattern contact_address",   # a contact's e-mail
                                                                            "pattern job_title"))   # a writer's job
                                   or (out[j] is None and _list_dek(j, i, out, stripped, words, deks))):
                if close and j > i + 1 and numbers[j] > numbers[j - 1] + 1:
                    break
                deks += out[j] is None and _list_dek(j, i, out, stripped, words, deks)
                out[j] = (p.label, p.role, f"listed under line {numbers[i]} ({p.name})")
                j += 1
        elif p.scope == "bullets":
            if j < n_lines and P.BULLET_RE.match(texts[j]):
                while j < n_lines and out[j] is None and P.BULLET_RE.match(texts[j]):
                    out[j] = ("content", "summary", f"bullet under line {numbers[i]} ({p.name})")
                    j += 1
            else:   # Reuters' "Summary": unmarked points on the lines right below, up to a blank line
                while (j < n_lines and out[j] is None and numbers[j] == numbers[j - 1] + 1
                       and cls[j] != "good" and j - i <= SUMMARY_MAX_POINTS):
                    out[j] = ("content", "summary", f"point under line {numbers[i]} ({p.name})")
                    j += 1
        i = max(j, i + 1)

    # A list a sentence introduces ("Councils will be able to use the money to:" then "• install ..."):
    # its items are that sentence's words, the story's.
    for i in range(n_lines - 1):
        if (out[i] is None and stripped[i].endswith(":")
                and ((feats[i][0] >= INTRO_MIN_WORDS - (stripped[i].split(None, 1)[0].lower() in LIST_INTRO_OPENERS)
                      and feats[i][1] >= NEARGOOD_MIN_STOPWORDS) or _bulleted_inside_story(i, out, texts, cls, prose_seen)
                     or (feats[i][0] >= 2 and stripped[i][:-1].rsplit(None, 1)[-1].lower() in LIST_INTRO_VERBS
                         and prose_seen[i])
                     # or follows a paragraph of the story at once ("Osei recommended that public sector bodies:")
                     or (feats[i][0] >= INTRO_MIN_WORDS - 1 and i > 0 and out[i - 1] is None and cls[i - 1] != "short"
                         and numbers[i] == numbers[i - 1] + 1 and prose_seen[i]))):
            j = i + 1
            while j < n_lines and out[j] is None and P.BULLET_RE.match(texts[j]):
                out[j] = ("content", "body", f"list item under line {numbers[i]}, a sentence ending in a colon")
                j += 1
            if j == i + 1 and j < n_lines and numbers[j] <= numbers[i] + 2:
                # unmarked items, one to a line right below it ("Full names", "Dates of birth", ...)
                k = j
                # an item is short, or a clause the sentence goes on with: "...;" and the last one after it
                while (k < n_lines and out[k] is None and k - j < LIST_MAX_ITEMS
                       and ((cls[k] == "short" and feats[k][0] <= LIST_ITEM_MAX_WORDS)
                            or stripped[k].endswith(";") or (k > j and stripped[k - 1].endswith(";")))
                       and (k == j or numbers[k] == numbers[k - 1] + 1)):
                    k += 1
                if k - j >= 2:
                    for x in range(j, k):
                        out[x] = ("content", "body", f"list item under line {numbers[i]}, a sentence ending in a colon")
                    j = k
            if j > i + 1:
                out[i] = ("content", "body", "sentence introducing the list below it")

    # Repetition: within the article, then across the corpus.
    seen: dict[str, int] = {}
    for i, s in enumerate(stripped):
        if words[i] > FURNITURE_MAX_WORDS:  # long lines: exact repeats only, and a cheap key
            # `s` has single spaces only, and case folding neither makes nor removes whitespace.
            key = short_key = s.casefold()
        else:
            key = line_key(s)
            short_key = line_key(_SITE_SUFFIX_RE.sub("", s)) if _SUFFIX_MARKS.search(s) else key
        if not key:
            continue
        earlier = seen.get(key, seen.get(short_key))
        if (earlier is not None and out[i] is None and out[earlier] is None and i < first_prose
                and PAGE_TITLE_MIN_WORDS <= words[i] <= HEADLINE_WORDS[1]):
            # the headline twice above the story (the page title, then the headline over the story): the copy
            # over the story is the headline, the page title's the repeat
            out[earlier] = ("boilerplate", "duplicate_headline", f"repeated at line {numbers[i]}, over the story")
        elif earlier is not None and out[i] is None and words[i] >= HEADLINE_WORDS[0]:
            role = "duplicate_headline" if words[i] <= HEADLINE_WORDS[1] else "other"
            out[i] = ("boilerplate", role, f"repeats line {numbers[earlier]}")
        elif out[i] is None and key in furniture:
            if i == 0 and words[i] <= MASTHEAD_MAX_WORDS + 2:
                out[i] = ("metadata", "masthead", "site furniture at the top")
            else:
                out[i] = ("boilerplate", "navigation" if words[i] <= MENU_ITEM_MAX_WORDS else "other", FURNITURE_REASON)
        seen.setdefault(key, i)
        seen.setdefault(short_key, i)

    # "Maddie McGarvey for NPR" right under a sentence is the photographer's credit (a headline reading so has
    # no sentence above it but a menu's or the masthead's words).
    for i in range(1, n_lines):
        if (out[i] is None and out[i - 1] is None and numbers[i] - numbers[i - 1] <= 2
                and words[i - 1] >= NEARGOOD_MIN_WORDS and SENTENCE_END_RE.search(stripped[i - 1])
                and P.PHOTOGRAPHER_FOR_RE.fullmatch(stripped[i])):
            out[i] = ("metadata", "photo_credit", "a photographer's name for an outlet, under a sentence")
            out[i - 1] = ("metadata", "caption", "line right above its photo credit")
    # A picture's caption set right above its credit, with no blank line between ("Trucks at a copper mine
    # in the Atacama region of Chile." / "Photographer: Cristóbal Olivares/Bloomberg"); unless a short line
    # follows the credit as closely: the credit comes first there (BBC-style), and that line is the caption.
    # On a page with a blank line after every block, a caption that is no sentence (no closing stop:
    # "Owner Gary Penhallow says the jar has raised £410") may stand one blank line above its credit.
    for i in range(n_lines - 1):
        gap = numbers[i + 1] - numbers[i]
        if (out[i] is None and NEARGOOD_MIN_WORDS <= words[i] <= CAPTION_MAX_WORDS
                and out[i + 1] is not None and (gap == 1 or (gap == 2 and not SENTENCE_END_RE.search(stripped[i])))
                and (out[i + 1][1] == "photo_credit" or (out[i + 1][2] in ("pattern caption_with_credit",
                                                                           "pattern name_with_address")
                                                         and words[i + 1] <= CREDIT_ONLY_MAX_WORDS))
                and not (i + 2 < n_lines and numbers[i + 2] == numbers[i + 1] + gap and out[i + 2] is None
                         and cls[i + 2] != "good")):
            out[i] = ("metadata", "caption", "line right above its photo credit")
    _label_live_post_times(out, stripped, cls)
    _label_social_posts(out, stripped, words)
    body_first, body_last = _main_body(cls, out, n_lines, stripped)
    if body_first is None:
        _label_without_body(out, cls, feats, stripped, numbers)
    else:
        _label_site_name(out, feats, stripped, body_first)
        _label_header(out, cls, feats, stripped, body_first, numbers)
        _label_body(out, cls, feats, stripped, texts, body_first, body_last)
        _label_footer(out, cls, feats, stripped, body_last)
        _label_related_stamps(out, body_last)
    _label_pull_quotes(out, stripped, words, numbers)
    _label_author_bio(out, stripped, words)
    _label_outlet_under_byline(out, stripped)
    _label_names_by_stamps(out, stripped, words, cls)
    return [o if o is not None else ("boilerplate", "other", "unclassified") for o in out]


def _label_related_stamps(out, body_last) -> None:
    """A date or a writer's name among the related stories after the body ("1 hour ago", "by Marcus Ellery",
    "Oct. 12") is that story's, not the article's: part of the list."""
    for i in range(body_last + 1, len(out)):
        if out[i] is None or out[i][1] not in ("dateline", "byline"):
            continue
        before = [out[k] for k in (i - 2, i - 1) if body_last < k and out[k] is not None]
        near = before + [out[k] for k in (i + 1, i + 2) if k < len(out) and out[k] is not None]
        if any(o[1] == "related" for o in before) and all(o[1] in ("related", "dateline", "byline") for o in near):
            # (under a related story's headline: the article's own stamp closing its text comes before the list)
            out[i] = ("boilerplate", "related", "a related story's date or writer, in the list after the body")


STAMP_ROLES = frozenset({"dateline", "reading_time", "byline"})
_NAME_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ'’-]+[a-zß-öø-ÿ]|\.)|[a-zß-öø-ÿ]{1,3}")   # "Aurélie", "R.", "van"
NAME_AS_SUBHEAD = frozenset({"short line inside the main body", "short line between the headline and the body",
                             "short line right above the body",
                             "short line by a picture's caption or credit inside the body"})
NAME_STOP_WORDS = frozenset("for the of and to in on at by with from your our my read".split())


def _label_names_by_stamps(out, stripped, words, cls) -> None:
    """A name alone on its line above the story, next to its date, reading time or byline ("Aurélie Martin" /
    "Mar 12, 2025 14:07"): the writer's, as a byline without "By" (not a subhead of the story)."""
    prose = [i for i in range(len(out)) if cls[i] == "good" and out[i] is not None and out[i][1] == "body"][:2]
    # above the story's second paragraph (a standfirst may read as its first), once the story is labelled
    top = prose[-1] if len(prose) == 2 else len(out)
    for i in range(top):
        if ((out[i] is None or out[i][2] in NAME_AS_SUBHEAD) and words[i] <= 4 and _is_name(stripped[i], words[i]) and all(
                _NAME_WORD_RE.fullmatch(w) and w.lower() not in NAME_STOP_WORDS for w in stripped[i].split()) and any(
                0 <= k < len(out) and out[k] is not None and out[k][1] in STAMP_ROLES and out[k][0] == "metadata"
                for k in (i - 1, i + 1))):
            out[i] = ("metadata", "byline", "a name alone beside the article's stamp or byline")


def _label_outlet_under_byline(out, stripped) -> None:
    """The site's name again right under a byline ("By Marit Solberg" / "The Minnesota Star Tribune") says
    whom the writer works for: part of the byline, not a copy of the masthead."""
    masthead = {stripped[k] for k, o in enumerate(out) if o is not None and o[1] == "masthead"}
    for i in range(1, len(out)):
        if (out[i] is not None and out[i][1] == "duplicate_headline" and stripped[i] in masthead
                and out[i - 1] is not None and out[i - 1][1] == "byline"):
            out[i] = ("metadata", "byline", "the site's name under a byline: whom the writer works for")


def _without_datelines(stripped: list[str], feats: list[tuple]) -> list[tuple]:
    """`feats`, with a line that opens with a wire dateline ("OTTAWA, June 28 (Reuters) - ...") measured
    without it: a lede full of names behind a capitalized place and agency still reads as prose."""
    out = feats
    for i, s in enumerate(stripped):
        if s[:1].isupper() and (m := P.WIRE_DATELINE_RE.match(s)) is not None:
            if out is feats:
                out = list(feats)
            rest = features_of([s[m.end():]])[0]
            out[i] = (feats[i][0],) + rest[1:]   # the words of the whole line, the shares of the rest
    return out


def stripped_lines(texts: list[str]) -> list[str]:
    """Each line in the normalized view, its runs of whitespace one space, stripped."""
    # Tab is the only ASCII character normalize maps, and split() drops it anyway.
    return [" ".join((t if t.isascii() else T.normalize(t)).split()) for t in texts]


def _classify_blocks(stripped, numbers, cls) -> None:
    """In hard-wrapped copy a paragraph spans lines: classify each block of adjacent lines as a whole."""
    start = 0
    for i in range(1, len(stripped) + 1):
        if i == len(stripped) or numbers[i] != numbers[i - 1] + 1:
            if i - start > 1:
                block = _line_class(*_features(" ".join(stripped[start:i]))[:4])
                for j in range(start, i):
                    cls[j] = block
            start = i


# A clock time alone on a line: a video's length ("01:42") or a live post's time ("13:05", "2:16 PM").
BARE_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|"
                          # ... or its age: "2h ago", "45 min ago", "3 hours ago"
                          r"\d{1,2}\s*(?:h|hrs?|hours?|m|mins?|minutes?)\s+ago", re.IGNORECASE)
LIVE_POST_MIN_TIMES = 2
LIVE_POST_TIME = "a live post's time: bare times heading posts down the page"
LIVE_POST_LEAD = 3           # lines after a post's time read for its prose (a byline, a title, then the first paragraph)


def _label_live_post_times(out, stripped, cls) -> None:
    """Bare clock times that each head a post (prose within its first lines, maybe under a title; not a
    video's title, another time or a player's controls) are a live blog's post times when the page has two
    or more of them: datelines, not a player's durations, so the posts between them read as one story."""
    def post_prose(i: int) -> int | None:
        """The post's first line of prose under the time at i, or None when no post follows it."""
        for k in range(i + 1, min(i + 1 + LIVE_POST_LEAD, len(stripped))):
            if out[k] is not None and out[k][1] == "byline":
                continue   # the post's writer, read by the byline pattern
            if out[k] is not None or BARE_TIME_RE.fullmatch(stripped[k]):
                return None
            if cls[k] == "good" or (cls[k] == "neargood" and k > i + 1):
                return k   # (a short post's prose may read only nearly as prose, under its title)
        return None

    posts = [(i, prose) for i, s in enumerate(stripped) if BARE_TIME_RE.fullmatch(s)
             and (out[i] is None or out[i][2] == "pattern video_player") and (prose := post_prose(i)) is not None]
    if len(posts) < LIVE_POST_MIN_TIMES:
        return
    for i, prose in posts:
        out[i] = ("metadata", "dateline", LIVE_POST_TIME)
        for k in range(i + 1, prose):
            if out[k] is None and _is_name(stripped[k], len(stripped[k].split())):
                out[k] = ("metadata", "byline", "a live post's writer, under its time")
        if prose - 1 > i and out[prose - 1] is None:
            out[prose - 1] = ("content", "subhead", "a live post's title, between its time and its text")


def _label_social_posts(out, stripped, words) -> None:
    """An embedded social post's text, next to the line that names its account: under "PSNI (@PoliceServiceNI)
    · 2h" (and the post's own time after it), or above "— Name (@handle) May 16, 2025". Quoted from elsewhere
    in the post's own frame, not the story's prose (the sentence that introduces it stays the story's)."""
    for i, o in enumerate(out):
        if o is None or o[2] != "pattern social_embed" or "(@" not in stripped[i]:
            continue
        k = i - 1 if stripped[i][:1] in "—–-" else i + 1
        if 0 <= k < len(out) and out[k] is None and words[k] <= SOCIAL_POST_MAX_WORDS:
            out[k] = ("boilerplate", "other", f"an embedded social post's text, by line {i + 1}'s account")
            after = k + 1
            if k > i and after < len(out) and out[after] is not None and out[after][1] == "dateline" and words[after] <= 8:
                out[after] = ("boilerplate", "other", "an embedded social post's time")


def _main_body(cls, out, n_lines, stripped):
    """(first, last) index of the largest cluster of prose lines, or (None, None)."""
    strong = [i for i in range(n_lines) if out[i] is None and cls[i] == "good"]
    if not strong:
        strong = [i for i in range(n_lines) if out[i] is None and cls[i] == "neargood"]
    if not strong:
        return None, None
    clusters, current = [], [strong[0]]
    for a, b in zip(strong, strong[1:]):
        # Most prose lines follow one another: no line between them, no gap to count.
        # A list under its header is one box however many links it holds (the header counts too).
        gap = b > a + 1 and sum(1 for k in range(a + 1, b) if not (out[k] is None and cls[k] == "neargood")
                                and not (out[k] and out[k][0] != "boilerplate")
                                and not (out[k] and out[k - 1] and out[k][2] == out[k - 1][2]
                                         and out[k][2].startswith("listed under")))
        if gap >= BODY_GAP:
            clusters.append(current)
            current = []
        current.append(b)
    clusters.append(current)
    at = max(range(len(clusters)), key=lambda c: len(clusters[c]))
    best = clusters[at]
    first, last = best[0], best[-1]
    # The story goes on past a box inside it (an event promo, a list and its subhead, a related or
    # newsletter box) when prose follows: the next cluster joins, unless end matter stands between
    # (comments, a share bar, a menu, a copyright line, contacts, a bio: they close a story). A share
    # bar alone closes it only if the prose after it tells another story: sites set one inside the
    # story too, beside a related box (Daily Mail), and the story then goes on about the same things.
    for nxt in clusters[at + 1:]:
        between = range(last + 1, nxt[0])
        ends = {out[k][1] if out[k][1] in END_MATTER_ROLES else out[k][2] for k in between
                if out[k] is not None and (out[k][1] in END_MATTER_ROLES or out[k][2] in END_MATTER_REASONS)}
        box = sum(1 for k in between if not (out[k] is None and cls[k] == "neargood"))  # a short sentence is prose
        if box <= RESUME_MAX_GAP and any(out[k] is not None and out[k][2] == LIVE_POST_TIME for k in between):
            last = nxt[-1]   # a live blog's next post, under its time: its share bar ends a post, not the story
            continue
        if (len(nxt) < RESUME_MIN_LINES or box > RESUME_MAX_GAP
                or (ends and (ends != {"share"} or not _goes_on(stripped, range(first, last + 1), nxt)))):
            break
        last = nxt[-1]
    # It began before a related box above the largest run of its paragraphs (Al Jazeera's "Recommended
    # Stories" after the first two) when the prose before the box tells the same story.
    for prv in reversed(clusters[:at]):
        between = range(prv[-1] + 1, first)
        box = sum(1 for k in between if not (out[k] is None and cls[k] == "neargood"))
        if (len(prv) < RESUME_MIN_LINES or box > RESUME_MAX_GAP
                or not any(out[k] is not None and out[k][1] == "related" for k in between)
                or any(out[k] is not None and (out[k][1] in END_MATTER_ROLES or out[k][2] in END_MATTER_REASONS)
                       for k in between)
                or not _goes_on(stripped, range(first, last + 1), prv)):
            break
        first = prv[0]
    # A short closing sentence right after the body is body (jusText: neargood next to good), and so is one
    # after a list the body's last sentence introduced ("Warming centres are open at:" ... "Call 311.")
    k = last + 1
    while k < n_lines:
        if out[k] is not None and out[k][0] == "content" and out[k][2].startswith(
                ("list item under", "sentence introducing the list")):
            k += 1
            continue
        if out[k] is None and cls[k] == "neargood":
            last = k
            k += 1
            continue
        break
    return first, last


def _teaser(s: str, n: int) -> bool:
    """A linked headline among others: headline-length, and no sentence's end but a question's or an
    exclamation's ("Malaysia bets on data centres to power its economy. Will it work?")."""
    return HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and not s.endswith((".", ",", ":", ";", '"', "'", "”", "’"))


def _list_dek(j: int, header: int, out, stripped, words, deks: int) -> bool:
    """Whether the sentence at j is the standfirst of the related headline listed right above it ("Nigeria made SIM
    cards depend on national ID" / "For weeks, new phone lines could not be activated."): short, and the list goes
    on under it (another headline, or the item's date), or its items have had one before. A paragraph of the story
    resuming under a lone related link is neither."""
    if not (j > header + 1 and out[j - 1] is not None and out[j - 1][2].startswith("listed under")
            and _teaser(stripped[j - 1], words[j - 1]) and words[j] <= LIST_DEK_MAX_WORDS
            and SENTENCE_END_RE.search(stripped[j])):
        return False
    if deks:
        return True
    k = j + 1
    return k < len(out) and ((out[k] is None and _teaser(stripped[k], words[k]))
                             or (out[k] is not None and out[k][1] == "dateline" and words[k] <= LIST_TIME_WORDS))


def _goes_on(stripped, story: range, lines: list[int]) -> bool:
    """Whether prose lines carry on the story above them: most share RESUME_SHARED_WORDS of its words."""
    words = _content_words(" ".join(stripped[k] for k in story))
    shared = sum(len(_content_words(stripped[k]) & words) >= RESUME_SHARED_WORDS for k in lines)
    return 2 * shared > len(lines)


def _is_name(s: str, n: int) -> bool:
    return ((2 <= n <= 4 and P.NAME_RE.fullmatch(s) is not None) or (
        3 <= n <= 20 and P.NAME_IN_PLACE_RE.fullmatch(s) is not None)) and not P.SITE_LINK_WORD_RE.search(s)


def _is_section(s: str) -> bool:
    toks = line_key(s).split()
    return 0 < len(toks) <= 3 and all(t in P.SECTION_WORDS for t in toks)


def _menu_runs(idx: list[int], out, feats, max_words: int) -> set[int]:
    """Unlabelled lines in runs of >= MENU_MIN_RUN adjacent short lines (menu items the pattern table
    already knows, such as "Home", count towards the run)."""
    members, run = set(), []

    def short(i):
        return 0 < feats[i][0] <= max_words and (out[i] is None or out[i][0] == "boilerplate")

    for i in idx + [None]:
        if i is not None and short(i) and (not run or i == run[-1] + 1):
            run.append(i)
            continue
        if len(run) >= MENU_MIN_RUN:
            members.update(j for j in run if out[j] is None)
        run = [i] if i is not None and short(i) else []
    return members


def _headline_like(s: str, feat, cls: str) -> bool:
    n = feat[0]
    return (HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and cls != "good" and not s.endswith((":", ".", ","))
            and _ALPHA_RE.search(s) is not None)


def _content_words(s: str) -> set[str]:
    """Words that carry the story, a plural's final s dropped: a standfirst's "delays" and
    "contracts" match the body's "delay" and "contract"."""
    return {w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w
            for w in _KEY_RE.findall(s.casefold()) if len(w) > 2 and w not in P.STOPWORDS}


def _body_overlap(stripped, out, i: int, body_first: int) -> float:
    """Share of line i's content words the opening of the body repeats (its lines no pattern labelled)."""
    words = _content_words(stripped[i])
    opening = _content_words(" ".join(stripped[k] for k in range(body_first, min(len(out), body_first + HEADLINE_BODY_LINES))
                                      if out[k] is None))
    return len(words & opening) / len(words) if words else 0.0


def _pick_headline(candidates: list[int], stripped, body_first: int) -> tuple[int | None, int | None]:
    """(headline, deck). The headline is the candidate whose words the opening of the body repeats
    most (a headline summarizes its story; a tagline such as "Your five-minute news roundup" does
    not); the first one on a tie. But when the line right above that candidate is a headline-length
    candidate that also sums up the story, it is the headline and the picked line is its deck
    ("Ottawa pledges $40M to rebuild water plant" above "Town has been under boil-water advisory ..."),
    or right above a copy of it.
    """
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), None
    opening = _content_words(" ".join(stripped[body_first:body_first + HEADLINE_BODY_LINES]))

    def overlap(i: int) -> float:
        words = _content_words(stripped[i])
        return len(words & opening) / len(words) if words else 0.0

    best = max(candidates, key=lambda i: (overlap(i), -i))
    # the headline printed twice (the page title, "... | Site", then the headline over the story): the copy
    # over the story is the headline, whichever copy the body's words favour
    title = line_key(_SITE_SUFFIX_RE.sub("", stripped[best]))
    best = max((c for c in candidates if c >= best and line_key(_SITE_SUFFIX_RE.sub("", stripped[c])) == title),
               default=best)
    above = best - 1
    while above > 0 and not stripped[above]:   # blank lines between a headline and its deck
        above -= 1
    if above >= 0 and above not in candidates:  # the headline printed twice, its copy right above the deck
        key = line_key(stripped[above])
        above = next((c for c in candidates if c < best and line_key(stripped[c]) == key), above)
    if (above in candidates and len(stripped[above].split()) >= DECK_HEADLINE_MIN_WORDS
            and overlap(above) >= DECK_HEADLINE_MIN_OVERLAP):
        return above, best
    return best, None


def _shares_words(stripped, i: int, headline: int | None, body_first: int) -> bool:
    """Whether line i shares a content word with the headline or the opening of the body: a standfirst
    sums up the story; a promotional line ("Exclusive news, data and analytics for professionals") does not."""
    story = " ".join(stripped[body_first:body_first + HEADLINE_BODY_LINES])
    if headline is not None:
        story += " " + stripped[headline]
    return not _content_words(stripped[i]).isdisjoint(_content_words(story))


# BBC-style pictures: the credit on a line of its own ("Getty Images"), the caption on the next.
CAPTION_AFTER_CREDIT = ("metadata", "caption", "short line right after a photo credit")


def _after_photo_credit(out, i: int, n: int) -> bool:
    """Whether line i (n words, not a sentence of prose) is the caption of the photo credit above it."""
    return i > 0 and out[i - 1] is not None and out[i - 1][1] == "photo_credit" and n >= NEARGOOD_MIN_WORDS


# The site's name as its copyright line gives it: "© 2025 The Seattle Times. All rights reserved."
_COPYRIGHT_NAME_RE = re.compile(r"(?:©|\([cC]\)|(?i:copyright))\s*(?:(?:\d{4}\s*[-–]\s*)?\d{4}\s*,?\s*)?"
                                r"(?P<name>[^.|,;:©()\d][^|,;:©()]{1,60}?)\s*(?:[.|,;:©(]|(?i:all rights)|$)")
SITE_NAME_MAX_WORDS = 6
# a link's verb ("Learn more", "Donate"): no kicker
LINK_VERBS = frozenset("learn donate subscribe read watch listen sign log follow share download get try join support "
                       "shop buy click see view explore discover register".split())
KICKER_MAX_WORDS = 3         # a short line set right on the headline is its kicker up to this long
FURNITURE_REASON = "site furniture (repeated across the corpus)"
TAGLINE_MIN_WORDS = 3        # a line right under the site's name this long is its tagline, not a menu item


def _site_key(text: str) -> str:
    """A site's name compared loosely: case, a leading "The", punctuation and a domain's ending aside
    ("The Seattle Times" = "Seattle Times", "NJ.com" = "nj.com" = "NJ")."""
    key = re.sub(r"[^\w\s]", " ", _THE_RE.sub("", text.casefold().strip()))
    words = [w for w in key.split() if w not in _DOMAIN_ENDINGS]
    while len(words) > 1 and words[-1] in _COMPANY_ENDINGS:
        words.pop()   # "The Seattle Times Company", "Guardian News & Media Limited": the site's name
    return " ".join(words)


_THE_RE = re.compile(r"^the\s+")
_DOMAIN_ENDINGS = frozenset({"com", "org", "net", "co", "uk", "www"})
_COMPANY_ENDINGS = frozenset({"company", "co", "group", "media", "ltd", "limited", "inc", "llc", "plc", "corporation",
                              "corp", "newspapers", "publishing", "holdings", "gmbh", "ag", "sa", "news", "network",
                              "networks", "broadcasting"})


def _compact_key(key: str) -> str:
    """A site key without its spaces or a leading "the": "thedailystar.net" = "The Daily Star"."""
    compact = key.replace(" ", "")
    return compact[3:] if compact.startswith("the") and len(compact) > 6 else compact


def _label_site_name(out, feats, stripped, body_first) -> None:
    """A short line above the story that is the site's own name, as the page's copyright line or a page title's
    suffix ("... | The Yorkshire Post") gives it, is the masthead, wherever it stands among the menus."""
    names = set()
    for i, s in enumerate(stripped):
        if "©" in s or "opyright" in s or "(c)" in s or "(C)" in s:
            for m in _COPYRIGHT_NAME_RE.finditer(s):
                names.add(_site_key(m.group("name")))
        elif i < body_first and _SUFFIX_MARKS.search(s) and (m := _SITE_SUFFIX_RE.search(s)) is not None:
            names.add(_site_key(m.group(0).lstrip(" |-–—:")))
    names.discard("")
    if not names:
        return
    compact = {_compact_key(name) for name in names}
    for i in range(body_first):
        if out[i] is None and 0 < feats[i][0] <= SITE_NAME_MAX_WORDS and not _is_section(stripped[i]):
            key = _site_key(stripped[i])
            if key and (key in names or _compact_key(key) in compact):
                out[i] = ("metadata", "masthead", "the site's name, as its copyright line or page title gives it")
                return   # the first: the name again lower down is a link home or the menu's ("Stuff", "KQED")


def _label_header(out, cls, feats, stripped, body_first, numbers) -> None:
    idx = list(range(body_first))
    menu = _menu_runs(idx, out, feats, MENU_ITEM_MAX_WORDS)
    candidates = [i for i in idx if out[i] is None and i not in menu
                  and _headline_like(stripped[i], feats[i], cls[i])]
    # Below a headline-like line, the line right after a photo credit is that picture's caption.
    for c in [c for c in candidates if _after_photo_credit(out, c, feats[c][0]) and candidates[0] < c - 1]:
        out[c] = CAPTION_AFTER_CREDIT
        candidates.remove(c)
    first_free = next((i for i in idx if out[i] is None), None)
    # The site's name comes first: a short line that is not a section name, with a headline below it;
    # a short headline sums up its story, a site's name does not ("Council closes two fire stations").
    if (first_free is not None and feats[first_free][0] <= MASTHEAD_MAX_WORDS + 2 and not feats[first_free][3]
            and (not any(o is not None and o[1] == "masthead" for o in out[:first_free])
                 or (out[first_free - 1] is not None and out[first_free - 1][1] == "masthead"
                     and feats[first_free][0] >= TAGLINE_MIN_WORDS))   # named already: only its tagline below
            and not _is_section(stripped[first_free])
            and any(c > first_free and feats[c][0] > MASTHEAD_MAX_WORDS for c in candidates)
            and _body_overlap(stripped, out, first_free, body_first) < DECK_HEADLINE_MIN_OVERLAP):
        out[first_free] = ("metadata", "masthead", "short first line above the headline")
        candidates = [c for c in candidates if c != first_free]
    headline, deck = _pick_headline(candidates, stripped, body_first)
    if deck is not None:
        out[headline] = ("content", "headline", "headline-like line above its deck, sharing words with the body")
        out[deck] = ("content", "summary", "deck: the line below the headline that shares most words with the body")
    elif headline is not None:
        out[headline] = ("content", "headline", "headline-like line above the body that shares most words with it")
    if headline is not None:
        above = headline - 1
        if above >= 0 and out[above] is None and _is_section(stripped[above]):
            out[above] = ("metadata", "section", "section name right above the headline")
        elif (above >= 0 and numbers[headline] == numbers[above] + 1
              and 0 < feats[above][0] <= KICKER_MAX_WORDS and not feats[above][3]
              and stripped[above].split(None, 1)[0].lower() not in LINK_VERBS
              and (out[above] is None or out[above][2] == FURNITURE_REASON)):
            # a kicker set right on the headline, no blank line between ("Courts", "Texas Politics", the last
            # item of a menu or a word every page of the site prints): the story's section
            out[above] = ("metadata", "section", "short line set right on the headline: its kicker")
    for i in sorted(menu):
        # BBC-style bylines below the headline: a name, then the outlet and place ("BBC News, Toronto")
        if (headline is not None and i > headline and out[i] is None and i + 1 in menu and out[i + 1] is None
                and _is_name(stripped[i], feats[i][0]) and P.OUTLET_PLACE_RE.fullmatch(stripped[i + 1])):
            out[i] = ("metadata", "byline", "a name below the headline, its outlet and place on the next line")
            out[i + 1] = ("metadata", "byline", "the outlet and place of the byline above")
    _label_split_byline(out, stripped, feats, sorted(menu), headline)
    for i in menu:
        if out[i] is None:
            out[i] = ("boilerplate", "navigation", f"menu: {MENU_MIN_RUN}+ short lines in a row above the body")
    for i in idx:
        if out[i] is not None:
            continue
        s, (n, stop, _, _) = stripped[i], feats[i]
        above = headline is None or i < headline
        if above and _is_section(s):
            out[i] = ("metadata", "section", "section name above the headline")
        elif _is_name(s, n):
            out[i] = ("metadata", "byline", "a name alone near the headline")
        elif above and cls[i] != "short":
            out[i] = ("boilerplate", "other", "prose above the headline, apart from the body")
        elif above:
            out[i] = ("boilerplate", "navigation" if n <= MENU_ITEM_MAX_WORDS else "other", "short line above the headline")
        elif cls[i] != "short":
            out[i] = ("content", "body", "sentence between the headline and the body")
        elif _after_photo_credit(out, i, n):
            out[i] = CAPTION_AFTER_CREDIT
        elif n >= 6 and stop >= NEARGOOD_MIN_STOPWORDS and _shares_words(stripped, i, headline, body_first):
            out[i] = ("content", "summary", "standfirst between the headline and the body")
        elif _is_section(s):
            out[i] = ("metadata", "section", "section name near the headline")
        elif (i + 1 == body_first and SUBHEAD_WORDS[0] <= n <= SUBHEAD_WORDS[1] and not feats[i][3]
              and any(out[k] is not None and out[k][:2] == ("content", "body") for k in range(i))):
            # the story's first paragraphs, a box, then this line and the rest: a subhead
            out[i] = ("content", "subhead", "short line right above the body, below the story's first paragraphs")
        else:
            out[i] = ("boilerplate", "other", "short line between the headline and the body")


BYLINE_OPENERS = frozenset({"by", "words by", "written by", "reporting by"})
BYLINE_JOINERS = frozenset({"and", "&", ","})


# A comment counter at zero: no comment section follows it (News24's live blog sets one in its header).
_NO_COMMENTS_RE = re.compile(r"(?i:0\s+comments?|comments?\s*\(\s*0\s*\)|no comments(?: yet)?)\W*")


def _label_split_byline(out, stripped, feats, lines: list[int], headline: int | None) -> None:
    """A byline set one word or name to a line below the headline, which reads as a menu: "By" / "Hanne
    Vermeulen" / "and" / "Matteo Brandi", or "Orange Wang" / "in Beijing" / "and Khushboo Razdan"."""
    if headline is None:
        return
    part = lambda k: (_is_name(stripped[k], feats[k][0]) or stripped[k].lower() in BYLINE_JOINERS
                      or (stripped[k].split(None, 1)[0].lower() in ("and", "&")
                          and _is_name(stripped[k].split(None, 1)[-1], feats[k][0] - 1)))
    run: list[int] = []
    for i in [k for k in lines if k > headline and out[k] is None] + [None]:
        if i is not None and (not run or i == run[-1] + 1) and (
                (not run and stripped[i].lower() in BYLINE_OPENERS) or part(i)
                or (run and stripped[i].split(None, 1)[0] in ("in", "In") and feats[i][0] <= 4)):
            run.append(i)
            continue
        names = [k for k in run if _is_name(stripped[k], feats[k][0]) or stripped[k].split(None, 1)[0].lower() in ("and", "&")]
        opened = bool(run) and stripped[run[0]].lower() in BYLINE_OPENERS
        placed = any(stripped[k].split(None, 1)[0].lower() == "in" for k in run)
        if names and (opened or (placed and len(names) >= 1 and _is_name(stripped[run[0]], feats[run[0]][0]))):
            for k in run:
                out[k] = ("metadata", "byline", "a byline set over several lines below the headline")
        run = [i] if i is not None and stripped[i].lower() in BYLINE_OPENERS else []


def _label_body(out, cls, feats, stripped, texts, first, last) -> None:
    run: list[int] = []
    for i in list(range(first, last + 1)) + [None]:
        if run and i is not None and out[i] is not None and out[i][2] == "pattern separator":
            continue   # "TechCrunch Event / San Francisco / | / October 27-29": one box, not three subheads
        if i is not None and out[i] is None and cls[i] == "short":
            if not _after_photo_credit(out, i, feats[i][0]):
                run.append(i)
                continue
            out[i] = CAPTION_AFTER_CREDIT
        if run:
            _label_body_run(out, feats, stripped, texts, run)
            run = []
        if i is not None and out[i] is None:
            out[i] = ("content", "body", f"{cls[i]} prose in the main body")


def _label_body_run(out, feats, stripped, texts, run) -> None:
    if len(run) < MENU_MIN_RUN and _by_picture(out, run):
        # a picture's furniture: its credit under the caption ("Mònica Torres"), its buttons ("hide caption")
        for k, i in enumerate(run):
            if (k == 0 and out[i - 1][1] == "caption" and feats[i][0] <= PICTURE_CREDIT_MAX_WORDS
                    and not SENTENCE_END_RE.search(stripped[i]) and all(w[:1].isupper() for w in stripped[i].split())):
                out[i] = ("metadata", "photo_credit", "short line right under a caption inside the body")
            else:
                out[i] = ("boilerplate", "other", "short line by a picture's caption or credit inside the body")
        return
    if len(run) < MENU_MIN_RUN:
        for i in run:
            if _ALPHA_RE.search(stripped[i]) and feats[i][0] <= HEADLINE_WORDS[1]:
                out[i] = ("content", "subhead", "short line inside the main body")
            elif _ALPHA_RE.search(stripped[i]):
                out[i] = ("content", "body", "long unpunctuated line inside the main body")
            else:
                out[i] = ("boilerplate", "other", "no words")
        return
    # A list inside the body: items are bullets, or clauses; its intro ends with a colon.
    items = sum(1 for i in run if P.BULLET_RE.match(texts[i]) or stripped[i].endswith(":")
                or (feats[i][0] >= 6 and feats[i][1] >= 0.3))
    if items * 2 >= len(run):
        for i in run:
            out[i] = ("content", "body", "list inside the main body")
        return
    mean_words = sum(feats[i][0] for i in run) / len(run)
    role = "related" if mean_words > MENU_ITEM_MAX_WORDS else "navigation"
    for i in run:
        out[i] = ("boilerplate", role, f"run of {len(run)} short lines inside the body")


def _by_picture(out, run) -> bool:
    """Whether a run of short lines inside the body touches a picture's caption or credit: a subhead heads
    the prose under it and follows prose, it is not set against a picture."""
    before, after = run[0] - 1, run[-1] + 1
    return any(0 <= k < len(out) and out[k] is not None and out[k][1] in PICTURE_ROLES for k in (before, after))


def _label_footer(out, cls, feats, stripped, last) -> None:
    idx = [i for i in range(last + 1, len(out)) if out[i] is None]
    story_words = cache(lambda: _lower_words(out, stripped, last))   # read only when a lone name asks
    runs, run = [], []
    for i in idx:
        if run and i != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(i)
    if run:
        runs.append(run)
    for run in runs:
        short = [i for i in run if cls[i] == "short"]
        mean_words = sum(feats[i][0] for i in short) / max(len(short), 1)
        for i in run:
            s, n = stripped[i], feats[i][0]
            if cls[i] != "short" and n <= AUTHOR_BIO_MAX_WORDS and P.AUTHOR_BIO_RE.match(s):
                out[i] = ("metadata", "credit", "author's bio after the body: says who the writer is")
            elif cls[i] != "short":
                out[i] = ("boilerplate", "other", "prose after the main body, apart from it")
            elif len(run) == 1 and _is_name(s, n) and not _story_writes(s, story_words()):
                out[i] = ("metadata", "byline", "a name alone after the body")
            elif len(short) >= 2 and mean_words > MENU_ITEM_MAX_WORDS:
                out[i] = ("boilerplate", "related", "list of short lines after the body")
            elif n > MENU_ITEM_MAX_WORDS and _headline_like(s, feats[i], cls[i]):
                out[i] = ("boilerplate", "related", "headline-like line after the body")
            elif n <= MENU_ITEM_MAX_WORDS:
                out[i] = ("boilerplate", "navigation", "short line after the body")
            else:
                out[i] = ("boilerplate", "other", "short line after the body")


def _lower_words(out, stripped, last: int) -> set[str]:
    """The words the story (its content lines up to `last`) writes in lower case."""
    return {w for i in range(last + 1) if out[i] is not None and out[i][0] == "content"
            for w in stripped[i].split() if w.islower()}


def _story_writes(s: str, lower_words: set[str]) -> bool:
    """Whether the story writes any word of line s in lower case: a footer link ("Ad Choices", "Stay
    Connected") is made of such words, a reporter's name is not."""
    return any(w.lower() in lower_words for w in s.split())


_QUOTE_OPENERS = ("\"", "'", "“", "‘", "«")
_BYLINE_PREFIX_RE = re.compile(r"^(?i:by|written by|words by|story by|posted by|reported by|authors?)\s*:?\s+")


def _label_pull_quotes(out, stripped, words, numbers) -> None:
    """A quotation set on a line of its own whose words another content line holds is a pull quote:
    the same words twice would count the quote twice. Only its copy goes; the words stay in content."""
    candidates = [i for i, o in enumerate(out) if o is not None and o[0] == "content" and o[1] != "headline"
                  and stripped[i].startswith(_QUOTE_OPENERS) and PULL_QUOTE_WORDS[0] <= words[i] <= PULL_QUOTE_WORDS[1]]
    if not candidates:
        return
    # A line holds the quote when its key holds the quote's key (" an alarming case " in " it is an
    # alarming case he said "); then its case-folded text holds the quote's longest word. Keys are
    # built only for the lines that hold that word: few lines, not every content line.
    folded = [s.casefold() if o is not None and o[0] == "content" else None for s, o in zip(stripped, out)]
    keys: dict[int, str] = {}

    def key(j: int) -> str:
        if j not in keys:
            keys[j] = f" {line_key(stripped[j])} "
        return keys[j]

    for i in candidates:
        quote = key(i)
        if quote.isspace():   # no words: keys hold no double space, so no line holds it
            continue
        longest = max(quote.split(), key=len)
        holder = next((j for j, text in enumerate(folded) if j != i and text is not None and longest in text
                       and len(key(j)) > len(quote) and quote in key(j)), None)
        if holder is not None:
            out[i] = ("boilerplate", "other", f"pull quote: repeats words of line {numbers[holder]}")


def _bulleted_inside_story(i: int, out, texts, cls, prose_seen) -> bool:
    """Whether the short line i ending in a colon ("What happens next:") opens a bulleted list set between
    paragraphs of the story: prose before it, two or more bullets ("- Oct. 31: Cameras switched off"), then
    prose again. A list with no story after it may be the page's (related links), and stays undecided here."""
    if prose_seen[i] == 0:
        return False
    j = i + 1
    while j < len(out) and out[j] is None and P.BULLET_RE.match(texts[j]):
        j += 1
    return j - i - 1 >= 2 and j < len(out) and out[j] is None and cls[j] == "good"


def _label_author_bio(out, stripped, words) -> None:
    """Among the last content lines, those that open with the byline's name ("Helen Marsh covers education
    for the Courier.") or say who a reporter is ("Brooke Sandoval is a reporter for Fox News Digital.")
    are the authors' bios, not the story."""
    names = {m.group(0) for i, o in enumerate(out) if o is not None and o[1] == "byline"
             for m in P.NAME_RE.finditer(_BYLINE_PREFIX_RE.sub("", stripped[i]))}
    opens_with_name = lambda s: any(s.startswith(name) and not s[len(name):len(name) + 1].isalnum() for name in names)
    # "Riley is a senior policy reporter for Ars Technica", "PELTZ" / "Peltz covers the courts": one of the byline's
    # names alone, in any case, saying who they are or what they cover
    parts = {part.casefold() for name in names if " " in name for part in (name.split()[0], name.split()[-1])}
    by_one_name = lambda s: (" " in s and s.split(None, 1)[0].casefold() in parts
                             and P.BYLINE_BIO_RE.match(s.split(None, 1)[1]) is not None)
    # Some sites set the bio under the byline (Vox): an opening line that names the reporter and says who they are.
    content = [i for i in range(len(out)) if out[i] is not None and out[i][0] == "content"]
    for i in content[:AUTHOR_BIO_MAX_LINES]:
        if out[i][1] == "body" and words[i] <= AUTHOR_BIO_MAX_WORDS and opens_with_name(stripped[i]) \
                and P.AUTHOR_BIO_RE.match(stripped[i]):
            out[i] = ("metadata", "credit", "author's bio: an opening line says who the reporter is")
    seen = 0
    for i in reversed(content):
        seen += 1
        if seen > AUTHOR_BIO_CLOSING_LINES or out[i][1] not in ("body", "subhead"):
            break
        if words[i] > AUTHOR_BIO_MAX_WORDS:
            continue   # an outlet's blurb may close the page under the bio
        s = stripped[i]
        if opens_with_name(s):
            out[i] = ("metadata", "credit", "author's bio: a closing content line opens with the byline's name")
        elif P.AUTHOR_BIO_RE.match(s) or by_one_name(s):
            out[i] = ("metadata", "credit", "author's bio: a closing line says who the reporter is")
    # set apart after the body, among the page's links and blurbs (a name alone there may be a link to follow them)
    for i, o in enumerate(out):
        if (o is not None and o[2] in AFTER_BODY_REASONS and BIO_MIN_WORDS <= words[i] <= AUTHOR_BIO_MAX_WORDS
                and (opens_with_name(stripped[i]) or P.AUTHOR_BIO_RE.match(stripped[i]) or by_one_name(stripped[i]))):
            out[i] = ("metadata", "credit", "author's bio after the body: says who the writer is")
    # the writer's name alone over the bio ("Chloe Ng" / "Chloe Ng is a reporter at ..."): the bio's heading
    for i in range(len(out) - 1):
        if (out[i] is not None and (out[i][0] == "content" or out[i][2] in AFTER_BODY_REASONS) and out[i + 1] is not None and out[i + 1][1] == "credit"
                and out[i + 1][2].startswith("author's bio") and 2 <= words[i] <= 4 and stripped[i + 1] != stripped[i]
                and stripped[i + 1].startswith(stripped[i] + " ") and _is_name(stripped[i], words[i])):
            out[i] = ("metadata", "credit", "the writer's name over their bio")


AFTER_BODY_REASONS = frozenset({"short line after the body", "prose after the main body, apart from it"})


def _label_without_body(out, cls, feats, stripped, numbers) -> None:
    """No prose at all: the first headline-like line is the headline, sentences are body."""
    headline_done = False
    for i in range(len(out)):
        if out[i] is not None:
            continue
        if not headline_done and _headline_like(stripped[i], feats[i], cls[i]):
            out[i] = ("content", "headline", "first headline-like line (no prose body found)")
            headline_done = True
        elif cls[i] != "short":
            out[i] = ("content", "body", "sentence (no prose body found)")
        else:
            out[i] = ("boilerplate", "other", "short line (no prose body found)")


# ---------------------------------------------------------------- stage functions

def label_lines(lines: pd.DataFrame, furniture: frozenset = frozenset()) -> pd.DataFrame:
    """`lines` plus label, role and reason; blank lines get ''. One pass per article over plain tuples."""
    out = lines.copy()
    if out.empty:
        for col in LABEL_COLUMNS:
            out[col] = pd.Series(dtype="str")
        return out
    n = len(out)
    # Articles by integer code (the order articles are labelled in does not matter, each is
    # labelled on its own): sorting ints is cheaper than sorting strings.
    article = pd.factorize(out["article_id"].astype(str).to_numpy())[0]
    number = pd.to_numeric(out["line"], errors="coerce").fillna(0).to_numpy()
    order = np.lexsort((number, article))
    sorted_article = article[order]
    bounds = (np.flatnonzero(sorted_article[1:] != sorted_article[:-1]) + 1).tolist()
    texts = out["text"].fillna("").astype(str).tolist()
    blank = [not t.strip() for t in texts]
    number_list = number.tolist()
    labels, roles, reasons = [""] * n, [""] * n, [""] * n
    furniture = frozenset(furniture or ())
    order_list = order.tolist()
    # Line features of the whole chunk at once (see `features_of`), in the order articles are labelled.
    nonblank = [r for r in order_list if not blank[r]]
    chunk_stripped = stripped_lines([texts[r] for r in nonblank])
    chunk_feats = features_of(chunk_stripped)
    at = 0
    for start, stop in zip([0] + bounds, bounds + [n]):
        rows = [r for r in order_list[start:stop] if not blank[r]]
        k = len(rows)
        result = classify_article([texts[r] for r in rows], [int(number_list[r]) for r in rows], furniture,
                                  chunk_stripped[at:at + k], chunk_feats[at:at + k])
        at += k
        for r, (label, role, reason) in zip(rows, result):
            labels[r], roles[r], reasons[r] = label, role, reason
    out["label"], out["role"], out["reason"] = labels, roles, reasons
    return out


def content_sentences(lines: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences whose start lies in a content line, with that line's number and role."""
    if sentences.empty or lines.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in CONTENT_COLUMNS})
    nonblank = lines.loc[lines["label"] != "", ["article_id", "start", "line", "label", "role"]]
    left = sentences.assign(article_id=sentences["article_id"].astype(str), start=sentences["start"].astype("int64"))
    right = nonblank.assign(article_id=nonblank["article_id"].astype(str), start=nonblank["start"].astype("int64"))
    at = _line_at(right["article_id"].to_numpy(), right["start"].to_numpy(), left["article_id"].to_numpy(),
                  left["start"].to_numpy())
    if (at >= 0).all() and pd.api.types.is_integer_dtype(left["sentence"]):
        # Every sentence starts in a labelled line (always, on parsed text): the join is a lookup, and the
        # rows are picked and ordered as below (by start, then by article and sentence) in one take.
        rows = np.flatnonzero((right["label"] == "content").to_numpy()[at])
        rows = rows[np.argsort(left["start"].to_numpy()[rows], kind="stable")]
        article_rank = pd.factorize(left["article_id"], sort=True)[0]
        rows = rows[np.lexsort((left["sentence"].to_numpy()[rows], article_rank[rows]))]
        line = right.iloc[at[rows]]
        return left.iloc[rows].reset_index(drop=True).assign(line=line["line"].array, role=line["role"].array)[
            CONTENT_COLUMNS]
    merged = pd.merge_asof(left.sort_values("start", kind="stable"), right.sort_values("start", kind="stable"),
                           on="start", by="article_id", direction="backward")
    merged = merged[merged["label"] == "content"]
    return merged[CONTENT_COLUMNS].sort_values(["article_id", "sentence"], kind="stable").reset_index(drop=True)


_KEY = 1 << 40   # article code * _KEY + offset: one sortable number per (article, offset)


def _line_at(line_ids: np.ndarray, line_starts: np.ndarray, ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """For each (id, start), the index of the line of that article that starts last at or before it, or -1:
    `pd.merge_asof(..., by="article_id", direction="backward")` on sorted numbers."""
    codes = pd.factorize(np.concatenate([line_ids, ids]))[0].astype(np.int64)
    line_codes, codes = codes[:len(line_ids)], codes[len(line_ids):]
    if not len(line_codes):
        return np.full(len(codes), -1)
    keys = line_codes * _KEY + line_starts
    order = np.argsort(keys, kind="stable")
    at = order[np.clip(np.searchsorted(keys[order], codes * _KEY + starts, side="right") - 1, 0, None)]
    return np.where((line_codes[at] == codes) & (line_starts[at] <= starts), at, -1)


def content_paragraphs(lines: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs whose first line is content, with that line's role."""
    columns = list(paragraphs.columns) + ["role"]
    if paragraphs.empty or lines.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    first = lines.loc[lines["label"] == "content", ["article_id", "line", "role"]].rename(columns={"line": "line_first"})
    first = first.assign(article_id=first["article_id"].astype(str))
    out = paragraphs.assign(article_id=paragraphs["article_id"].astype(str)).merge(first, on=["article_id", "line_first"])
    return out[columns].sort_values(["article_id", "paragraph"], kind="stable").reset_index(drop=True)


def noise(lines: pd.DataFrame) -> pd.DataFrame:
    """Per article: share of non-blank lines and characters that are metadata or boilerplate; content words.

    Characters are counted on the stripped line, so indentation is not noise.
    """
    ids = sorted(lines["article_id"].astype(str).unique()) if not lines.empty else []
    if "label" not in lines or lines.empty:
        return pd.DataFrame({"article_id": ids, "noise_share_lines": 0.0, "noise_share_chars": 0.0,
                             "n_content_words": 0}, columns=NOISE_COLUMNS)
    rows = {}
    for article_id, text, label in zip(lines["article_id"].astype(str).tolist(),
                                       lines["text"].fillna("").astype(str).tolist(), lines["label"].fillna("").tolist()):
        if not label:
            continue
        acc = rows.setdefault(article_id, [0, 0, 0, 0, []])  # lines, noise lines, chars, noise chars, content
        n_chars = len(text.strip())
        acc[0] += 1
        acc[2] += n_chars
        if label == "content":
            acc[4].append(text)
        else:
            acc[1] += 1
            acc[3] += n_chars
    out = []
    for article_id in ids:
        n, n_noise, chars, noise_chars, content = rows.get(article_id, [0, 0, 0, 0, []])
        # Words never span a line break, so counting the joined content lines counts each line's words.
        out.append((article_id, n_noise / n if n else 0.0, noise_chars / chars if chars else 0.0,
                    T.count_words("\n".join(content))))
    return pd.DataFrame(out, columns=NOISE_COLUMNS)


# ---------------------------------------------------------------- baseline, evaluation, distortion

def justext_baseline(lines: pd.DataFrame) -> pd.DataFrame:
    """jusText's verdict on the same lines: each non-blank line becomes one <p> of an HTML page.

    Columns: article_id, line, justext_class (good, neargood, short, bad after smoothing),
    justext_label (content or noise). Slow (an HTML parse per article): for notebooks, not the pipeline.
    """
    import justext

    stoplist = justext.get_stoplist("English")
    rows = []
    nonblank = lines[~lines["text"].fillna("").astype(str).str.strip().eq("")]
    for article_id, group in nonblank.sort_values(["article_id", "line"]).groupby("article_id", sort=True):
        texts, numbers = group["text"].astype(str).tolist(), group["line"].tolist()
        page = "<html><body>" + "".join(f"<p>{html.escape(t.strip())}</p>" for t in texts) + "</body></html>"
        try:
            paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        except Exception:  # jusText raises on pages it cannot parse: every line counts as noise
            paragraphs = []
        verdicts = _align_justext(texts, paragraphs)
        for number, (cf, is_bp) in zip(numbers, verdicts):
            rows.append((str(article_id), int(number), cf, "noise" if is_bp else "content"))
    return pd.DataFrame(rows, columns=["article_id", "line", "justext_class", "justext_label"])


def _align_justext(texts: list[str], paragraphs) -> list[tuple[str, bool]]:
    """jusText keeps one paragraph per <p> in order; match by whitespace-folded text to be safe."""
    fold = lambda s: " ".join(s.split())
    out, j = [], 0
    for t in texts:
        target = fold(html.unescape(html.escape(t.strip())))
        k = j
        while k < len(paragraphs) and fold(paragraphs[k].text) != target:
            k += 1
        if k < len(paragraphs):
            out.append((paragraphs[k].class_type, paragraphs[k].is_boilerplate))
            j = k + 1
        else:
            out.append(("missing", True))
    return out


def evaluate(labelled: pd.DataFrame, gold: pd.DataFrame, column: str = "label",
             gold_column: str | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per class of `column` against `gold`, joined on article_id and line."""
    gold_column = gold_column or column
    pred = labelled[["article_id", "line", column]].rename(columns={column: "predicted"})
    truth = gold[["article_id", "line", gold_column]].rename(columns={gold_column: "gold"})
    joined = truth.merge(pred, on=["article_id", "line"], how="left")
    joined = joined[joined["gold"].fillna("") != ""]
    joined["predicted"] = joined["predicted"].fillna("(missing)")
    rows = []
    for cls in sorted(set(joined["gold"]) | (set(joined["predicted"]) - {"(missing)"})):
        tp = int(((joined["gold"] == cls) & (joined["predicted"] == cls)).sum())
        n_pred = int((joined["predicted"] == cls).sum())
        n_gold = int((joined["gold"] == cls).sum())
        precision = tp / n_pred if n_pred else float("nan")
        recall = tp / n_gold if n_gold else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if n_pred and n_gold and tp else 0.0
        rows.append((cls, precision, recall, f1, n_gold, n_pred))
    return pd.DataFrame(rows, columns=["class", "precision", "recall", "f1", "n_gold", "n_predicted"])


_CONTENT_OR_NOISE = {"content": "content", "metadata": "noise", "boilerplate": "noise", "": ""}


def role_accuracy(labelled: pd.DataFrame, gold: pd.DataFrame) -> float:
    """Share of gold-labelled lines whose exact role we give."""
    joined = gold[gold["label"] != ""].merge(labelled, on=["article_id", "line"], suffixes=("_gold", ""))
    return float((joined["role"] == joined["role_gold"]).mean())


def compare_with_justext(lines: pd.DataFrame, labelled: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Content-vs-noise precision, recall and F1 for us and for jusText on the same lines,
    indexed by (method, class). jusText only tells content from noise, so our labels are folded."""
    gold_b = gold.assign(binary=gold["label"].map(_CONTENT_OR_NOISE))
    ours = evaluate(labelled.assign(binary=labelled["label"].map(_CONTENT_OR_NOISE)), gold_b, "binary")
    theirs = evaluate(justext_baseline(lines), gold_b, "justext_label", "binary")
    return pd.concat([ours.assign(method="ours"), theirs.assign(method="jusText")]).set_index(["method", "class"])


def read_gold(raw_fixture: str, article_id: str) -> tuple[str, pd.DataFrame]:
    """A hand-labelled page dump: each line is `role | text` (blank lines blank).

    Returns the article text and its gold table (article_id, line, label, role).
    """
    lines, gold = [], []
    for number, row in enumerate(raw_fixture.splitlines(), start=1):
        if not row.strip():
            lines.append("")
            gold.append((article_id, number, "", ""))
            continue
        role, _, text = row.partition(" | ")
        role = role.strip()
        if role not in LABEL_OF_ROLE:
            raise ValueError(f"{article_id} line {number}: unknown role {role!r}")
        lines.append(text)
        gold.append((article_id, number, LABEL_OF_ROLE[role], role))
    return "\n".join(lines) + "\n", pd.DataFrame(gold, columns=["article_id", "line", "label", "role"])


def read_gold_folder(folder: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """Every `*.txt` fixture of a folder: texts by id (the file stem) and one gold table."""
    texts, golds = {}, []
    for path in sorted(Path(folder).glob("*.txt")):
        texts[path.stem], gold = read_gold(path.read_text(encoding="utf-8"), path.stem)
        golds.append(gold)
    return texts, pd.concat(golds, ignore_index=True) if golds else pd.DataFrame(columns=["article_id", "line", "label", "role"])


def score_page_set(folder: str | Path) -> dict:
    """The classifier on one folder of hand-labelled page dumps (`read_gold_folder`): pages, lines, the share
    of lines labelled right, and precision and recall of the story text (content) and of boilerplate."""
    texts, gold = read_gold_folder(folder)
    labelled = label_lines(C.parse_texts(texts)["lines"], furniture(texts))
    joined = gold[gold["label"] != ""].merge(labelled, on=["article_id", "line"], suffixes=("_gold", ""))
    scores = evaluate(labelled, gold).set_index("class")
    return {"set": Path(folder).name, "pages": len(texts), "lines": len(joined),
            "lines_right": float((joined["label"] == joined["label_gold"]).mean()),
            "content_precision": float(scores.at["content", "precision"]),
            "content_recall": float(scores.at["content", "recall"]),
            "boilerplate_precision": float(scores.at["boilerplate", "precision"]),
            "boilerplate_recall": float(scores.at["boilerplate", "recall"])}


def distortion(lines: pd.DataFrame, sentences: pd.DataFrame, content: pd.DataFrame) -> pd.DataFrame:
    """How the noise moves two other measures: VADER tone and Flesch reading ease, raw vs content.

    Per article and measure: `raw` over every sentence (or all non-blank text), `content` over the
    content sentences except the headline, and `difference` = raw - content.
    VADER compound is averaged over sentences; Flesch reading ease is computed on the joined text.
    """
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    body = content[content["role"] != "headline"]
    raw_text = lines[lines["text"].fillna("").astype(str).str.strip() != ""].groupby("article_id")["text"].agg("\n".join)
    body_text = body.groupby("article_id")["text"].agg(" ".join)
    raw_sent = sentences.groupby("article_id")["text"].agg(list)
    body_sent = body.groupby("article_id")["text"].agg(list)
    rows = []
    for article_id in sorted(raw_text.index.astype(str)):
        vader_raw = _mean([analyzer.polarity_scores(s)["compound"] for s in raw_sent.get(article_id, [])])
        vader_content = _mean([analyzer.polarity_scores(s)["compound"] for s in body_sent.get(article_id, [])])
        flesch_raw = _flesch(textstat, raw_text.get(article_id, ""))
        flesch_content = _flesch(textstat, body_text.get(article_id, ""))
        rows.append((article_id, "vader_compound_mean", vader_raw, vader_content))
        rows.append((article_id, "flesch_reading_ease", flesch_raw, flesch_content))
    out = pd.DataFrame(rows, columns=["article_id", "measure", "raw", "content"])
    return out.assign(difference=out["raw"] - out["content"])


def _mean(values: list[float]) -> float:
    return float(np.mean(values)) if values else float("nan")


def _flesch(textstat, text: str) -> float:
    return float(textstat.flesch_reading_ease(text)) if text.strip() else float("nan")


# ---------------------------------------------------------------- summaries for the notebook

def noise_by_role(lines: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and non-content role: lines, and their share of the outlet's non-blank lines."""
    nonblank = lines[lines["label"].fillna("") != ""].merge(articles[["article_id", "outlet"]], on="article_id")
    totals = nonblank.groupby("outlet").size().rename("n_nonblank")
    noisy = nonblank[nonblank["label"] != "content"]
    table = noisy.groupby(["outlet", "label", "role"]).size().rename("n_lines").reset_index()
    table = table.merge(totals.reset_index(), on="outlet")
    return table.assign(share_lines=table["n_lines"] / table["n_nonblank"]).sort_values(
        ["outlet", "label", "role"]).reset_index(drop=True)


def justext_agreement(labelled: pd.DataFrame, baseline: pd.DataFrame) -> pd.DataFrame:
    """Our label next to jusText's verdict for every non-blank line; `agree` when both say content or noise."""
    ours = labelled.loc[labelled["label"].fillna("") != "", ["article_id", "line", "text", "label", "role", "reason"]]
    table = ours.merge(baseline, on=["article_id", "line"], how="left")
    ours_binary = table["label"].map({"content": "content"}).fillna("noise")
    return table.assign(agree=ours_binary == table["justext_label"])
