"""Framing: cue terms from an editable codebook (data/frames.csv) located in the content sentences,
frame weights per article with evidence, and distinctive words per outlet (weighted log-odds).

Nothing here knows any frame: every frame, cue term and phrase is a row of the codebook.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import text as T
from analysis.paths import DATA

CODEBOOK = DATA / "frames.csv"
STOPWORDS = DATA / "stopwords_en.txt"
CODEBOOK_COLUMNS = ["frame", "label", "definition", "terms", "example", "source"]
FRAME_COLUMNS = ["article_id", "frame", "weight", "n_hits", "n_sentences", "evidence", "headline", "lede",
                 "narrator_hits", "quoted_hits", "negated_hits"]
HIT_COLUMNS = ["article_id", "sentence", "start", "end", "frame", "term", "cue", "voice", "negated"]
POSITION_COLUMNS = ["article_id", "frame", "part", "n_hits"]
DISTINCTIVE_COLUMNS = ["outlet", "rank", "word", "log_odds_z", "n_outlet", "n_rest"]
PARTS = ("first", "middle", "last")

# Words that negate a cue when they occur among the few words before it:
# "did not threaten national security", "without transparency", "denied human rights abuses".
NEGATING_VERBS = frozenset("""
deny denies denied denying reject rejects rejected rejecting dismiss dismissed dismisses
lack lacks lacked lacking without
""".split()) | {"rule out", "rules out", "ruled out", "ruling out"}
NEGATION_CUES = frozenset("not no never nor neither none nothing nobody cannot".split()) | NEGATING_VERBS
# A negation cue followed by one of these words does not negate what comes after:
# "not only a threat", "not just unfair", "no doubt a security risk", "no fewer than ten lawsuits".
NOT_NEGATING_NEXT = ("only", "just", "merely", "least", "less", "fewer", "doubt", "matter")
NEGATION_WINDOW_WORDS = 3
NEGATION_WINDOW_CHARS = 60   # enough for three words before the cue
# Two negations within the window cancel when the second is a negating verb: "did not rule out
# retaliatory duties", "never denied the threat", "not without risk" affirm what follows.
EVIDENCE_TERMS = 5           # cue terms listed in frames.evidence
TOP_WORDS = 15               # distinctive words per outlet
PRIOR_SIZE = 1000.0          # alpha_0: pseudo-words in the informative Dirichlet prior

# Between the words of a codebook phrase: spaces, line breaks or hyphens ("shut down", "shut-down").
PHRASE_SEPARATOR = r"[\s\-]+"
# '~' inside a phrase: up to three intervening words ("challenge ~ order" matches
# "challenging Canada's shutdown order" and "challenge the order").
GAP = r"(?:[\s\-]+[^\W_]+(?:'[^\W_]+)*){0,3}"
GAP_TOKEN = "~"
# '#' inside a phrase: a number, in digits or words ("just # ~ staff" matches "just 14 staff" and "just two
# building inspectors", not "just the staff").
NUMBER_TOKEN = "#"
NUMBER_WORDS = [w for w, value in T.NUMBER_WORDS.items() if 1 <= value <= 100]   # one to ninety, a dozen, a hundred
NUMBER = r"(?:\d(?:[\d,.]*\d)?|" + "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w))) + \
         r"|a (?:handful of|dozen|few))"
# A term that starts with '!' is a stop phrase: the text it matches is taken by no frame. As a longer
# phrase it wins over the cue inside it ("!trade-off" keeps "trade-off" from counting as "trade").
STOP_MARK = "!"
# A term starts and ends on a word boundary; letters, digits and '_' continue a word. The regex
# consumes the non-word character before the term (group 1 is the term): a pattern that starts with
# a character class lets the regex engine skip the letters inside words quickly (3x faster than a
# look-behind); every sentence is preceded by SENTENCE_JOINER, so none starts without one.
TERM_BOUNDARY_BEFORE = r"[^\w]("
TERM_BOUNDARY_AFTER = r")(?!\w)"
# Sentences are joined with this character for one regex pass per chunk: neither a word character
# nor a phrase separator, so no match crosses two sentences.
SENTENCE_JOINER = "\x00"
_TERM_SPLIT = re.compile(r"[\s\-]+")
_VOWELS = frozenset("aeiou")
_NUMBER_FIRSTS = sorted(set("0123456789a") | {w[0] for w in NUMBER_WORDS})
_KEY = np.int64(1) << 40   # article code * _KEY + offset: one sortable key per (article, offset)
# "didn't", "can't": negation cues glued to their verb.
_NEGATION_NT_RE = re.compile(r"n't(?![\w'])")


# ---------------------------------------------------------------- codebook

def load_codebook(path: str | Path | None = None) -> pd.DataFrame:
    """The frame codebook: one row per frame with its ';'-separated cue terms (default data/frames.csv)."""
    path = Path(path) if path else CODEBOOK
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in ("frame", "terms") if c not in table.columns]
    if missing:
        raise ValueError(f"codebook {path.name} lacks the column(s) {', '.join(missing)}")
    for column in CODEBOOK_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table = table.assign(frame=table["frame"].str.strip(), terms=table["terms"].str.strip())
    table = table[table["frame"] != ""]
    return table[CODEBOOK_COLUMNS + [c for c in table.columns if c not in CODEBOOK_COLUMNS]].reset_index(drop=True)


def parse_terms(terms: str) -> list[str]:
    """Codebook cue terms: ';'-separated, lower-cased, spaces collapsed, duplicates dropped."""
    out = []
    for term in str(terms or "").split(";"):
        term = " ".join(term.strip().lower().split())
        if term.strip(STOP_MARK + "*~ -") and term not in out:
            out.append(term)
    return out


def cue_terms(terms: str) -> list[str]:
    """The cue terms of a codebook cell, without its stop phrases ('!trade-off')."""
    return [t for t in parse_terms(terms) if not t.startswith(STOP_MARK)]


@lru_cache(maxsize=1)
def stopwords(path: str | Path | None = None) -> frozenset[str]:
    """English function words (data/stopwords_en.txt), one per line, '#' comments."""
    lines = Path(path or STOPWORDS).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def inflections(word: str) -> list[str]:
    """Regular English forms of a plain codebook word: ban -> bans, banned, banning; policy -> policies.

    Over-generation is harmless ("securitys" never occurs); function words and short words stay as they are.
    """
    if len(word) < 3 or not word.isalpha() or word in stopwords():
        return [word]
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda f: (-len(f), f))


def _word_pattern(token: str, cut: int = 0) -> str:
    """Regex for one word of a term, its first `cut` letters left out (matched by the trie above it)."""
    if token == NUMBER_TOKEN:
        return NUMBER
    if token.endswith("*"):
        return re.escape(token[:-1][cut:]) + r"\w*"
    forms = [re.escape(f[cut:]) for f in inflections(token)]
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def _tokens(term: str) -> list[str]:
    """The words of a term ('*' only as a final stem wildcard), '#' numbers and '~' gaps between them."""
    out = []
    for token in _TERM_SPLIT.split(term):
        if token != GAP_TOKEN:
            token = token.replace("*", "") + ("*" if token.endswith("*") else "")
            if not token.strip("*"):
                continue
        if token == GAP_TOKEN and (not out or out[-1] == GAP_TOKEN):
            continue
        out.append(token)
    while out and out[-1] == GAP_TOKEN:
        out.pop()
    return out


def literal_prefix(term: str) -> str:
    """The letters every match of `term` starts with: its wildcard stem, or its first word minus the
    last letter (policy -> polic-ies, challenge -> challeng-ing); none for a number."""
    tokens = _tokens(term)
    if not tokens or tokens[0] == NUMBER_TOKEN:
        return ""
    first = tokens[0]
    if first.endswith("*"):
        return first[:-1]
    return first if len(inflections(first)) == 1 else first[:-1]


def term_pattern(term: str, cut: int = 0) -> str:
    """Regex for one codebook term: words joined by PHRASE_SEPARATOR, '~' as GAP, '*' as stem wildcard,
    '#' as NUMBER.

    `cut` leaves out the first letters of the first word (at most its literal prefix)."""
    parts, gap = [], False
    for token in _tokens(term):
        if token == GAP_TOKEN:
            gap = True
            continue
        if parts:
            parts.append((GAP if gap else "") + PHRASE_SEPARATOR)
        parts.append(_word_pattern(token, 0 if parts else cut))
        gap = False
    return "".join(parts)


def _trie_pattern(items: list[tuple[str, str, tuple]]) -> str:
    """One regex for (literal prefix, remainder pattern, priority) items: a character trie over the
    prefixes, so a word start is rejected after a letter or two; at each node the branches holding
    the highest-priority item come first."""
    root: dict = {}
    for prefix, remainder, priority in items:
        node = root
        for ch in prefix:
            node = node.setdefault(ch, {})
        node.setdefault(None, []).append((priority, remainder))

    def emit(node: dict) -> tuple[str, tuple]:
        alternatives = []
        for ch, child in node.items():
            if ch is None:
                alternatives.extend(child)
            else:
                pattern, priority = emit(child)
                alternatives.append((priority, re.escape(ch) + pattern))
        alternatives.sort(key=lambda a: a[0])
        patterns = [p for _, p in alternatives]
        # Remainders never hold a top-level '|', so a lone alternative concatenates safely.
        return (patterns[0] if len(patterns) == 1 else "(?:" + "|".join(patterns) + ")"), alternatives[0][0]

    return emit(root)[0] if root else ""


@dataclass
class Matcher:
    """A compiled codebook: one alternation regex over every cue term, and the way back from a match
    to its cue term (the first term, in the regex's order, that matches the text exactly)."""
    regex: re.Pattern
    cues: tuple[str, ...]
    frames: tuple[tuple[str, ...], ...]          # frames that list cue term i; () for a stop phrase
    candidates: dict[str, tuple[int, ...]]       # first character -> cue indexes in regex order
    patterns: tuple[re.Pattern, ...]             # cue i on its own, for resolving a match
    resolved: dict[str, int] = field(default_factory=dict)

    def cue_of(self, matched: str) -> int:
        """Index of the cue term behind a matched (lower-cased, normalized) text."""
        cue = self.resolved.get(matched)
        if cue is None:
            cue = next((i for i in self.candidates.get(matched[0], ()) if self.patterns[i].fullmatch(matched)), -1)
            if len(self.resolved) > 200_000:
                self.resolved.clear()
            self.resolved[matched] = cue
        return cue


def compile_codebook(codebook: pd.DataFrame) -> Matcher:
    """One regex for the whole codebook, longest phrases tried first, dispatched on the first letter."""
    key = tuple(zip(codebook["frame"].astype(str), codebook["terms"].astype(str))) if len(codebook) else ()
    return _compile(key)


@lru_cache(maxsize=8)
def _compile(rows: tuple[tuple[str, str], ...]) -> Matcher:
    frames_of: dict[str, list[str]] = {}
    stops = set()
    for frame_name, terms in rows:
        for term in parse_terms(terms):
            stop = term.startswith(STOP_MARK)
            term = term.lstrip(STOP_MARK).strip()
            if not term_pattern(term):
                continue
            frames_of.setdefault(term, [])
            if stop:
                stops.add(term)
            elif frame_name not in frames_of[term]:
                frames_of[term].append(frame_name)
    frames_of = {term: [] if term in stops else frames for term, frames in frames_of.items()}
    cues = tuple(frames_of)

    # Phrases before single words, then longer before shorter: the regex takes the first branch that fits.
    def priority(i: int) -> tuple:
        return (-len([t for t in _tokens(cues[i]) if t != GAP_TOKEN]), -len(cues[i]), cues[i])

    items, candidates = [], {}
    for i in sorted(range(len(cues)), key=priority):
        prefix = literal_prefix(cues[i])
        items.append((prefix, term_pattern(cues[i], cut=len(prefix)), priority(i)))
        for first_letter in prefix[:1] or _NUMBER_FIRSTS:   # a term that opens with a number: any of them
            candidates.setdefault(first_letter, []).append(i)
    # No capturing groups: with hundreds of them the regex engine copies every group mark at each branch.
    trie = _trie_pattern(items)
    pattern = TERM_BOUNDARY_BEFORE + trie + TERM_BOUNDARY_AFTER if trie else r"(?!x)x"
    candidates = {k: tuple(v) for k, v in candidates.items()}
    return Matcher(re.compile(pattern), cues, tuple(tuple(frames_of[c]) for c in cues), candidates,
                   tuple(re.compile(term_pattern(c)) for c in cues))


# ---------------------------------------------------------------- per-article framing

def _empty() -> dict[str, pd.DataFrame]:
    return {"frames": pd.DataFrame(columns=FRAME_COLUMNS), "frame_hits": pd.DataFrame(columns=HIT_COLUMNS),
            "frame_positions": pd.DataFrame(columns=POSITION_COLUMNS)}


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)   # 'İ' lowers to two characters


def _prepare_content(content: pd.DataFrame, content_paragraphs: pd.DataFrame | None) -> pd.DataFrame:
    """Content sentences in order, with body flag, lede flag and positional third (part: index in PARTS)
    of each body sentence."""
    c = content.copy()
    c["article_id"] = c["article_id"].astype(str)
    c["text"] = c["text"].fillna("").astype(str) if "text" in c.columns else ""
    c["role"] = c["role"].fillna("body").astype(str) if "role" in c.columns else "body"
    if "paragraph" not in c.columns:
        c["paragraph"] = -1
    c["paragraph"] = pd.to_numeric(c["paragraph"], errors="coerce").fillna(-1).astype(int)
    c["start"] = pd.to_numeric(c["start"], errors="coerce").fillna(0).astype(int)
    if not _sorted_by_article_and_sentence(c):   # content_sentences gives them sorted already
        c = c.sort_values(["article_id", "sentence"], kind="stable")
    c = c.reset_index(drop=True)
    code, article_names = pd.factorize(c["article_id"], sort=True)
    body = (c["role"] != "headline").to_numpy(dtype=bool)
    c["body"] = body
    # Third of the article's body each body sentence falls in, by its rank among them.
    n_body = np.bincount(code, weights=body, minlength=len(article_names)).astype(np.int64)
    seen = np.cumsum(body)
    rank = seen - 1 - np.concatenate([[0], seen])[np.searchsorted(code, code)]
    third = np.minimum(rank * 3 // np.maximum(n_body[code], 1), 2)
    c["part"] = np.where(body, third, -1)       # index in PARTS; -1 for a headline
    lede = _ledes(c, code, article_names, body, content_paragraphs)
    c["lede"] = body & (c["paragraph"].to_numpy() == lede[code])
    return c


def _ledes(c: pd.DataFrame, code: np.ndarray, article_names, body: np.ndarray,
           content_paragraphs: pd.DataFrame | None) -> np.ndarray:
    """The lede paragraph of each article (by code): the first body paragraph (role 'body') of
    content_paragraphs, else of the content sentences, else their first non-headline one; -2 without any.

    Minimums per article by np.fmin.at, which skips NaN as groupby's min does; paragraphs that are not
    numbers (a hand-made table) go through `_ledes_by_groupby`, the same rule in pandas."""
    given = content_paragraphs is not None and not content_paragraphs.empty and "paragraph" in content_paragraphs
    if given and not pd.api.types.is_numeric_dtype(content_paragraphs["paragraph"]):
        return _ledes_by_groupby(c, article_names, body, content_paragraphs)
    paragraph = c["paragraph"].to_numpy(dtype=float)

    def first(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
        out = np.full(len(article_names), np.nan)
        np.fmin.at(out, codes, values)
        return out

    lede = first(code[body], paragraph[body])                               # first non-headline paragraph
    role_body = (c["role"] == "body").to_numpy(dtype=bool)
    chosen = first(code[role_body], paragraph[role_body])                   # first with role 'body'
    lede = np.where(np.isnan(chosen), lede, chosen)
    if given:
        p = content_paragraphs
        keep = (p["role"].astype(str) == "body").to_numpy() if "role" in p.columns else np.ones(len(p), dtype=bool)
        where = pd.Index(article_names).get_indexer(p["article_id"].astype(str).to_numpy()[keep])
        values = p["paragraph"].to_numpy(dtype=float, na_value=np.nan)[keep]
        chosen = first(where[where >= 0], values[where >= 0])
        lede = np.where(np.isnan(chosen), lede, chosen)
    return np.where(np.isnan(lede), -2, lede).astype(int)


def _ledes_by_groupby(c: pd.DataFrame, article_names, body: np.ndarray,
                      content_paragraphs: pd.DataFrame | None) -> np.ndarray:
    """`_ledes` by groupby, for any paragraph numbers (also the reference its tests compare with)."""
    lede = pd.Series(dtype=int)
    if content_paragraphs is not None and not content_paragraphs.empty and "paragraph" in content_paragraphs:
        p = pd.DataFrame({"article_id": content_paragraphs["article_id"].astype(str),
                          "paragraph": content_paragraphs["paragraph"]})
        if "role" in content_paragraphs.columns:
            p = p[content_paragraphs["role"].astype(str) == "body"]
        lede = p.groupby("article_id")["paragraph"].min()
    paragraphs = c[["article_id", "paragraph"]]
    fallback = paragraphs[c["role"] == "body"].groupby("article_id")["paragraph"].min()
    fallback = fallback.combine_first(paragraphs[body].groupby("article_id")["paragraph"].min())
    return lede.combine_first(fallback).reindex(article_names).fillna(-2).astype(int).to_numpy()


def _sorted_by_article_and_sentence(c: pd.DataFrame) -> bool:
    """Whether the rows are already in (article_id, sentence) order, sentence numbers being numbers."""
    if not pd.api.types.is_numeric_dtype(c["sentence"]):
        return False
    code = pd.factorize(c["article_id"], sort=True)[0]
    sentence = c["sentence"].to_numpy()
    return bool(np.all((code[1:] > code[:-1]) | ((code[1:] == code[:-1]) & (sentence[1:] >= sentence[:-1]))))


@lru_cache(maxsize=1)
def _negation_re() -> re.Pattern:
    words = _trie_pattern([(w, "", (-len(w), w)) for w in NEGATION_CUES])
    not_negating = r"(?!\s+(?:" + "|".join(NOT_NEGATING_NEXT) + r")(?![\w']))"
    return re.compile(r"[^\w'](" + words + r")(?![\w'])" + not_negating)


def _negation_ends(view: str) -> np.ndarray:
    """End offsets of every negation cue in the view, sorted ("not", "never", "didn't", ...), without
    the pairs that cancel (a negating verb just after another negation: "did not deny")."""
    spans = [m.span(1) for m in _negation_re().finditer(view)] + [m.span() for m in _NEGATION_NT_RE.finditer(view)]
    if not spans:
        return np.zeros(0, dtype=np.int64)
    span_array = np.array(sorted(spans), dtype=np.int64).reshape(-1, 2)
    starts, ends = span_array[:, 0], span_array[:, 1]
    keep = np.ones(len(ends), dtype=bool)
    close = np.flatnonzero(starts[1:] - ends[:-1] <= NEGATION_WINDOW_CHARS) + 1
    for k in close.tolist():   # few: negation cues are rare next to one another
        gap = view[ends[k - 1]:starts[k]]
        if (view[starts[k]:ends[k]] in NEGATING_VERBS and SENTENCE_JOINER not in gap
                and len(gap.split()) < NEGATION_WINDOW_WORDS):
            keep[[k - 1, k]] = False
    return ends[keep]


def _negated(view: str, hit_starts: np.ndarray, sentence_starts: np.ndarray) -> np.ndarray:
    """True where a negation cue ends in the same sentence within NEGATION_WINDOW_WORDS words before the hit."""
    ends = _negation_ends(view)
    out = np.zeros(len(hit_starts), dtype=bool)
    if not len(ends):
        return out
    k = np.searchsorted(ends, hit_starts, side="right") - 1
    near = (k >= 0)
    last = np.where(near, ends[np.clip(k, 0, None)], -1)
    near &= (last >= sentence_starts) & (hit_starts - last <= NEGATION_WINDOW_CHARS)
    for j in np.flatnonzero(near):   # few: only hits with a negation cue just before them
        out[j] = len(view[last[j]:hit_starts[j]].split()) < NEGATION_WINDOW_WORDS
    return out


def _voices(article_ids: np.ndarray, starts: np.ndarray, quotes: pd.DataFrame | None) -> np.ndarray:
    """'quoted' where the hit starts inside a quote (other than a quoted term), else 'narrator'."""
    out = np.full(len(starts), "narrator", dtype=object)
    if quotes is None or quotes.empty or not {"article_id", "start", "end"} <= set(quotes.columns):
        return out
    # Quotes other than terms with an article and both offsets, as arrays (no intermediate table).
    q_article = quotes["article_id"].astype(str).to_numpy(dtype=object)
    number = lambda name: pd.to_numeric(quotes[name], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    q_start, q_end = number("start"), number("end")
    keep = ~(pd.isna(q_article) | np.isnan(q_start) | np.isnan(q_end))
    if "kind" in quotes.columns:
        keep &= (quotes["kind"].astype(str) != "term").to_numpy(dtype=bool)
    if not keep.any():
        return out
    q_article, q_start, q_end = q_article[keep], q_start[keep].astype(np.int64), q_end[keep].astype(np.int64)
    # Hits and quotes share article codes; a quote of an article without hits matches no hit.
    codes = pd.factorize(np.concatenate([article_ids, q_article]))[0].astype(np.int64)
    h_code, q_code = codes[:len(article_ids)], codes[len(article_ids):]
    order = np.lexsort((q_start, q_code))
    q_code, q_key = q_code[order], q_code[order] * _KEY + q_start[order]
    # Furthest end of a quote so far in its article: a running maximum that never reaches back into
    # the article before, whose numbers all lie _KEY lower.
    q_reach = np.maximum.accumulate(q_code * _KEY + q_end[order]) - q_code * _KEY
    k = np.searchsorted(q_key, h_code * _KEY + starts, side="right") - 1
    safe = np.clip(k, 0, None)
    inside = (k >= 0) & (q_code[safe] == h_code) & (q_reach[safe] > starts)
    out[inside] = "quoted"
    return out


def frame(content: pd.DataFrame, content_paragraphs: pd.DataFrame | None, quotes: pd.DataFrame | None,
          codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Frame hits in the content sentences of a chunk of articles, with per-article weights and positions."""
    if codebook is None:
        codebook = load_codebook()
    if content is None or content.empty or not {"article_id", "sentence", "start"} <= set(content.columns):
        return _empty()
    matcher = compile_codebook(codebook)
    c = _prepare_content(content, content_paragraphs)
    texts = c["text"].tolist()
    # One regex pass over the chunk: sentences joined, each preceded by SENTENCE_JOINER.
    view = _lower_same_length(T.normalize(SENTENCE_JOINER + SENTENCE_JOINER.join(texts)))
    offsets = 1 + np.concatenate([[0], np.cumsum(np.array([len(t) for t in texts], dtype=np.int64) + 1)])
    spans = [m.span(1) for m in matcher.regex.finditer(view)]
    if not spans:
        return _empty()
    span_array = np.array(spans, dtype=np.int64)
    s_view, e_view = span_array[:, 0], span_array[:, 1]
    resolved, cue_of = matcher.resolved, matcher.cue_of
    cue = np.array([resolved[t] if t in resolved else cue_of(t) for t in [view[a:b] for a, b in spans]], dtype=np.int64)
    row = np.searchsorted(offsets, s_view, side="right") - 1
    # A cue term counts once per sentence: keep its first occurrence. Stop phrases (no frames) drop out.
    n_frames = np.fromiter((len(f) for f in matcher.frames), dtype=np.int64, count=len(matcher.frames))
    first = np.zeros(len(cue), dtype=bool)
    first[np.unique(row * (len(matcher.cues) + 1) + cue + 1, return_index=True)[1]] = True
    keep = (cue >= 0) & first
    keep &= n_frames[np.clip(cue, 0, None)] > 0
    s_view, e_view, cue, row = s_view[keep], e_view[keep], cue[keep], row[keep]
    if not len(cue):
        return _empty()
    negated = _negated(view, s_view, offsets[row])
    local = s_view - offsets[row]
    start = c["start"].to_numpy(dtype=np.int64)[row] + local
    end = start + (e_view - s_view)
    article_ids = c["article_id"].to_numpy(dtype=object)[row]
    voice = _voices(article_ids, start, quotes)
    term = [texts[r][a:b] for r, a, b in zip(row.tolist(), local.tolist(), (local + e_view - s_view).tolist())]
    # A cue term listed under several frames is a hit for each of them.
    frame_names = sorted({f for fs in matcher.frames for f in fs})
    frame_code = {f: k for k, f in enumerate(frame_names)}
    take = np.repeat(np.arange(len(cue)), n_frames[cue])
    frames_hit = np.array([frame_code[f] for k in cue.tolist() for f in matcher.frames[k]], dtype=np.int64)
    rows = row[take]
    hits = pd.DataFrame({
        "article_id": article_ids[take], "sentence": c["sentence"].to_numpy()[rows],
        "start": start[take], "end": end[take], "frame": np.asarray(frame_names, dtype=object)[frames_hit],
        "term": np.asarray(term, dtype=object)[take], "cue": np.asarray(matcher.cues, dtype=object)[cue][take],
        "voice": voice[take], "negated": negated[take]})
    frames, positions = _aggregate(c, rows, frames_hit, frame_names, cue[take], matcher.cues,
                                   voice[take] == "quoted", negated[take])
    return {"frames": frames, "frame_hits": hits, "frame_positions": positions}


def _aggregate(c: pd.DataFrame, rows: np.ndarray, frames_hit: np.ndarray, frame_names: list[str], cue: np.ndarray,
               cue_names: tuple[str, ...], quoted: np.ndarray, negated: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The frames and frame_positions tables from the hits, by integer group codes (article x frame)."""
    article_code, article_names = pd.factorize(c["article_id"], sort=True)
    n_groups = len(article_names) * len(frame_names)
    group = article_code[rows] * len(frame_names) + frames_hit
    body = c["body"].to_numpy(dtype=bool)[rows]
    count = lambda mask, weights=None: np.bincount(group[mask], weights=None if weights is None else weights[mask],
                                                   minlength=n_groups).astype(np.int64)
    n_hits = count(body)
    body_groups, body_rows = group[body], rows[body]
    n_sentences = np.bincount(np.unique(body_groups * len(c) + body_rows) // len(c), minlength=n_groups)
    lede = count(body, c["lede"].to_numpy(dtype=float)[rows]) > 0
    quoted_hits = count(body, quoted.astype(float))
    negated_hits = count(body, negated.astype(float))
    headline = count(~body) > 0
    n_body = np.bincount(article_code, weights=c["body"].to_numpy(dtype=float), minlength=len(article_names))
    present = np.flatnonzero((n_hits > 0) | headline)
    denominator = n_body[present // len(frame_names)]
    with np.errstate(divide="ignore", invalid="ignore"):
        weight = np.where(denominator > 0, n_sentences[present] / np.where(denominator > 0, denominator, 1), np.nan)
    frames = pd.DataFrame({
        "article_id": np.asarray(article_names, dtype=object)[present // len(frame_names)],
        "frame": np.asarray(frame_names, dtype=object)[present % len(frame_names)],
        "weight": np.round(weight, 6), "n_hits": n_hits[present], "n_sentences": n_sentences[present],
        "evidence": _evidence(group[body], cue[body], cue_names, present),
        "headline": headline[present], "lede": lede[present],
        "narrator_hits": n_hits[present] - quoted_hits[present], "quoted_hits": quoted_hits[present],
        "negated_hits": negated_hits[present]})
    # Positions: every (article, frame) with body hits gets all three parts, zeros included.
    part_code = c["part"].to_numpy(dtype=np.int64)[rows][body]
    per_part = np.bincount(body_groups * 3 + part_code, minlength=n_groups * 3)
    with_body = np.flatnonzero(n_hits > 0)
    cells = (with_body[:, None] * 3 + np.arange(3)[None, :]).ravel()
    positions = pd.DataFrame({
        "article_id": np.asarray(article_names, dtype=object)[cells // 3 // len(frame_names)],
        "frame": np.asarray(frame_names, dtype=object)[cells // 3 % len(frame_names)],
        "part": np.asarray(PARTS, dtype=object)[cells % 3], "n_hits": per_part[cells].astype(np.int64)})
    return frames, positions


def _evidence(group: np.ndarray, cue: np.ndarray, cue_names: tuple[str, ...], groups: np.ndarray) -> list[str]:
    """Top cue terms of each group: most hits first, then alphabetical, '; '-joined ('' without body hits)."""
    n_cues = len(cue_names)
    pairs, counts = np.unique(group * n_cues + cue, return_counts=True)
    alphabetical = np.argsort(np.argsort(np.asarray(cue_names, dtype=object)))
    pair_group, pair_cue = pairs // n_cues, pairs % n_cues
    order = np.lexsort((alphabetical[pair_cue], -counts, pair_group))
    top: dict[int, list[str]] = {}
    for g, k in zip(pair_group[order].tolist(), pair_cue[order].tolist()):
        terms = top.setdefault(g, [])
        if len(terms) < EVIDENCE_TERMS:
            terms.append(cue_names[k])
    return ["; ".join(top.get(g, ())) for g in groups.tolist()]


# ---------------------------------------------------------------- views for the notebook

def frame_profile(frames: pd.DataFrame, articles: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Outlet x frame: mean weight over the outlet's analysed articles (absent frame = 0) and share of
    articles carrying the frame in the body, in the headline and in the lede."""
    codebook = load_codebook() if codebook is None else codebook
    a = articles
    if "status" in a.columns:
        a = a[a["status"] == "ok"]
    a = a[["article_id", "outlet"]].astype(str)
    grid = a.merge(pd.DataFrame({"frame": codebook["frame"].unique()}), how="cross")
    f = frames.assign(article_id=frames["article_id"].astype(str))[["article_id", "frame", "weight", "n_hits", "headline", "lede"]]
    grid = grid.merge(f, on=["article_id", "frame"], how="left")
    grid = grid.assign(weight=grid["weight"].astype(float).fillna(0.0), n_hits=grid["n_hits"].fillna(0).astype(int),
                       headline=grid["headline"].fillna(False).astype(bool), lede=grid["lede"].fillna(False).astype(bool))
    grid["present"] = grid["n_hits"] > 0
    out = grid.groupby(["outlet", "frame"]).agg(
        n_articles=("article_id", "nunique"), weight=("weight", "mean"), share_articles=("present", "mean"),
        share_headline=("headline", "mean"), share_lede=("lede", "mean"), n_hits=("n_hits", "sum")).reset_index()
    return out


def evidence_sentences(frame_hits: pd.DataFrame, content: pd.DataFrame, texts: dict[str, str],
                       article_id: str, frame_name: str) -> pd.DataFrame:
    """The sentences behind one article's frame, with the cue terms found and the text cut from the raw."""
    h = frame_hits[(frame_hits["article_id"].astype(str) == str(article_id)) & (frame_hits["frame"] == frame_name)]
    if h.empty:
        return pd.DataFrame(columns=["article_id", "sentence", "start", "end", "voice", "cues", "text"])
    sentences = content[content["article_id"].astype(str) == str(article_id)][["sentence", "start", "end"]]
    grouped = h.groupby("sentence").agg(cues=("term", lambda t: "; ".join(t)),
                                        voice=("voice", lambda v: "/".join(sorted(set(v))))).reset_index()
    out = grouped.merge(sentences, on="sentence", how="left")
    raw = texts.get(str(article_id), "")
    out["text"] = [raw[int(s):int(e)] if pd.notna(s) else "" for s, e in zip(out["start"], out["end"])]
    out.insert(0, "article_id", str(article_id))
    return out[["article_id", "sentence", "start", "end", "voice", "cues", "text"]].sort_values("sentence").reset_index(drop=True)


# ---------------------------------------------------------------- evaluation on hand-coded sentences

EVAL_COLUMNS = ["frame", "n_gold", "n_predicted", "n_correct", "precision", "recall", "f1"]


def read_eval(path: str | Path) -> pd.DataFrame:
    """Hand-coded sentences: a CSV with id, text and frames (frame names separated by ';', empty for none)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"id", "text", "frames"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    return table


def evaluate(sentences: pd.DataFrame, codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """How well the codebook's cue terms find the frames a coder gave each sentence.

    A sentence carries a frame when any of the frame's cue terms is found in it (negated or not: "not a
    security risk" still raises security). Returns {"summary": one row per frame plus "micro" (every
    sentence-frame decision pooled) and "macro" (the mean over frames), "detail": one row per sentence
    with the gold and predicted frames}. Precision is NaN for a frame never predicted, recall for one
    never coded.
    """
    codebook = load_codebook() if codebook is None else codebook
    names = list(codebook["frame"])
    ids = sentences["id"].astype(str).tolist()
    content = pd.DataFrame({"article_id": ids, "sentence": 0, "start": 0, "text": sentences["text"].tolist(),
                            "role": "body"})
    content["end"] = content["text"].str.len()
    hits = frame(content, None, None, codebook)["frame_hits"]
    predicted = hits.groupby("article_id")["frame"].agg(lambda f: set(f)).to_dict() if len(hits) else {}
    gold = {i: {f.strip() for f in str(g).split(";") if f.strip()} for i, g in zip(ids, sentences["frames"])}
    unknown = sorted({f for fs in gold.values() for f in fs} - set(names))
    if unknown:
        raise ValueError(f"frames not in the codebook: {', '.join(unknown)}")
    rows = []
    for name in names:
        g = {i for i in ids if name in gold[i]}
        p = {i for i in ids if name in predicted.get(i, set())}
        rows.append(_scores(name, len(g), len(p), len(g & p)))
    per_frame = pd.DataFrame(rows, columns=EVAL_COLUMNS)
    pooled = per_frame[["n_gold", "n_predicted", "n_correct"]].sum()
    micro = _scores("micro", int(pooled["n_gold"]), int(pooled["n_predicted"]), int(pooled["n_correct"]))
    macro = ("macro", int(pooled["n_gold"]), int(pooled["n_predicted"]), int(pooled["n_correct"]),
             per_frame["precision"].mean(), per_frame["recall"].mean(), per_frame["f1"].mean())
    summary = pd.concat([per_frame, pd.DataFrame([micro, macro], columns=EVAL_COLUMNS)], ignore_index=True)
    detail = pd.DataFrame({
        "id": ids, "text": sentences["text"].tolist(),
        "gold": [";".join(sorted(gold[i])) for i in ids],
        "predicted": [";".join(sorted(predicted.get(i, set()))) for i in ids]})
    return {"summary": summary, "detail": detail}


def _scores(name: str, n_gold: int, n_predicted: int, n_correct: int) -> tuple:
    precision = n_correct / n_predicted if n_predicted else float("nan")
    recall = n_correct / n_gold if n_gold else float("nan")
    f1 = (2 * precision * recall / (precision + recall)
          if n_predicted and n_gold and precision + recall > 0 else (0.0 if n_predicted and n_gold else float("nan")))
    return (name, n_gold, n_predicted, n_correct, precision, recall, f1)


# ---------------------------------------------------------------- distinctive words

def word_counts(texts, stop: frozenset[str] | None = None) -> Counter:
    """Lower-cased word counts, possessive 's folded into the word, stopwords and numbers dropped."""
    stop = stopwords() if stop is None else stop
    raw: Counter = Counter()
    batch: list[str] = []
    for text in texts:
        batch.append(text if isinstance(text, str) else "")
        if len(batch) >= 5000:
            _count_words(raw, T.normalize("\n".join(batch)).lower())
            batch = []
    if batch:
        _count_words(raw, T.normalize("\n".join(batch)).lower())
    out: Counter = Counter()
    for word, n in raw.items():
        if word.endswith("'s"):
            word = word[:-2]
        if word and word not in stop and any(ch.isalpha() for ch in word):
            out[word] += n
    return out


def _count_words(counts: Counter, text: str) -> None:
    """counts.update(T.WORD_RE.findall(text)), ~2x faster: every character no word holds becomes a
    space, so the text splits on spaces into words, counted as UTF-8 bytes (by Arrow) and decoded
    once per distinct token; a token with a joiner (' ’ -) is split by WORD_RE itself ("'s", "a--b")."""
    utf8 = text.encode("utf-8", "surrogatepass")
    for char in set(utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):   # the non-ASCII characters
        if char not in _WORD_JOINERS and not _WORD_CHAR_RE.match(char):
            text = text.replace(char, " ")
            utf8 = b""
    codes, distinct = T.split_factorized((utf8 or text.encode("utf-8", "surrogatepass")).translate(_SEPARATE_BYTES))
    for token, n in zip(distinct, np.bincount(codes, minlength=len(distinct)).tolist()):
        word = token.decode("utf-8", "surrogatepass")
        if b"'" in token or b"-" in token or "\u2019" in word:
            for part in T.WORD_RE.findall(word):
                counts[part] += n
        else:
            counts[word] += n


_WORD_CHAR_RE = re.compile(r"[^\W_]")
_WORD_JOINERS = "'\u2019-"
_ASCII_BYTES = bytes(range(128))
# ASCII letters, digits and joiners stay, every other ASCII byte is a space; non-ASCII bytes stay.
_SEPARATE_BYTES = bytes(b if b >= 128 or chr(b) in _WORD_JOINERS or _WORD_CHAR_RE.match(chr(b)) else ord(" ")
                        for b in range(256))


def log_odds_z_scores(y_i, y_j, alpha_w, n_i: float, n_j: float, alpha_0: float) -> np.ndarray:
    """Monroe, Colaresi & Quinn (2008), eqs. 16 and 18 (informative Dirichlet prior):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w);   z_w = delta_w / sqrt(var_w)
    """
    y_i, y_j, a = (np.asarray(x, dtype=float) for x in (y_i, y_j, alpha_w))
    delta = np.log((y_i + a) / (n_i + alpha_0 - y_i - a)) - np.log((y_j + a) / (n_j + alpha_0 - y_j - a))
    return delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))


def distinctive_words(content: pd.DataFrame, articles: pd.DataFrame, top: int = TOP_WORDS,
                      alpha_0: float = PRIOR_SIZE) -> pd.DataFrame:
    """Each outlet's most distinctive words against the rest of the corpus (weighted log-odds ratio,
    informative Dirichlet prior from the whole corpus scaled to alpha_0 pseudo-words)."""
    empty = pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    if content is None or content.empty or articles is None or "outlet" not in articles.columns:
        return empty
    outlet_of = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["outlet"]
    c = content.assign(outlet=content["article_id"].astype(str).map(outlet_of))
    c = c[c["outlet"].notna() & (c["outlet"].astype(str).str.strip() != "")]
    per_outlet = {str(o): word_counts(g["text"].tolist()) for o, g in c.groupby("outlet", sort=True)}
    if len(per_outlet) < 2:
        return empty
    total: Counter = Counter()
    for counts in per_outlet.values():
        total.update(counts)
    n_total = sum(total.values())
    if n_total == 0:
        return empty
    rows = []
    for outlet, counts in per_outlet.items():
        if not counts:
            continue
        words = np.array(list(counts), dtype=object)
        y_i = np.fromiter(counts.values(), dtype=float, count=len(counts))
        y_all = np.fromiter((total[w] for w in words), dtype=float, count=len(words))
        n_i = float(y_i.sum())
        z = log_odds_z_scores(y_i, y_all - y_i, alpha_0 * y_all / n_total, n_i, n_total - n_i, alpha_0)
        order = np.lexsort((words, -z))[:top]
        for rank, k in enumerate(order, start=1):
            rows.append((outlet, rank, words[k], round(float(z[k]), 6), int(y_i[k]), int(y_all[k] - y_i[k])))
    return pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS) if rows else empty
