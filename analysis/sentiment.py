"""Tone of wording per content sentence (VADER), by scope, with bootstrap intervals and entity tone.

VADER (the `vaderSentiment` lexicon) scores the *wording* of a sentence from -1 to +1 (compound):
words such as "threat", "abuses" or "welcomed" move it. It does not measure stance toward the
subject: a sentence that neutrally reports an accusation scores as negative.

Scopes in `sentiment_sentences` (one row per scored unit):
- body: content sentences with role != headline (subheads and summaries included).
- headline: content sentences with role == headline.
- narrator: body sentences in the outlet's own voice. A body sentence overlapping a quote
  (kind != term) is rescored with the quoted spans and their quote marks removed; start/end are the
  sentence's bounds (the evidence still shows the quote). A sentence that is nothing but a quote has
  no narrator row. Body sentences without quotes reuse their body score.
- quoted: the quoted spans (kind != term), cut at body-sentence bounds: one row per (quote, body
  sentence) piece with `sentence` = the body sentence id, `quote_id` = the quote's id and start/end
  = the piece. When a sentence is a single quote and nothing else, the piece reuses the sentence's score.
- raw: what a reader of the whole page sees: every content sentence (headline included, scores
  reused) plus each non-blank line labelled metadata or boilerplate as one unit (`sentence` empty,
  `line` set, start/end = the line).
Every content sentence is scored once; extra VADER calls are the narrator and quoted pieces of
mixed sentences and the non-content lines. Scores are cached by text (per process), so a sentence,
quote or furniture line that repeats is scored once.
Text is scored on the same-length normalized view (straight quotes and apostrophes), because
VADER misses "doesn’t" (curly apostrophe) as a negation and treats “great,” as an unknown word.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis import quotes as Q
from analysis import stats
from analysis import text as T

SCOPES = ("body", "headline", "narrator", "quoted", "raw")
SENTENCE_COLUMNS = ["article_id", "sentence", "quote_id", "line", "start", "end", "scope",
                    "compound", "pos", "neu", "neg"]
SENTIMENT_COLUMNS = ["article_id", "scope", "n_sentences", "compound_mean", "ci_low", "ci_high", "pos", "neu", "neg"]
OUTLET_COLUMNS = ["outlet", "scope", "n_articles", "n_sentences", "compound_mean", "ci_low", "ci_high"]
ENTITY_COLUMNS = ["entity", "article_id", "n_sentences", "compound_mean", "ci_low", "ci_high", "rank", "aliases"]
ENTITY_SENTENCE_COLUMNS = ["entity", "article_id", "sentence", "start", "end", "compound"]
ALL_ARTICLES = "(all)"   # article_id of an entity's corpus-wide row in entity_tone
TOP_ENTITIES = 10
EXTREMES_MIN_SENTENCES = 5   # an entity's tone is compared with others' only from this many sentences
# Sentences whose text is taken out of the table at a time when reading names.
TEXT_BATCH = 100_000

# Quote marks stripped with a quoted span when the narrator's text is rebuilt: “...”, "...", «...».
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u201a\u201b")
HAS_WORD_RE = re.compile(r"[^\W_]")

# ---------------------------------------------------------------- entity patterns
# A capitalized token: "Hikvision", "U.S", "O’Brien", "Québec"; a run of them, single-spaced,
# optionally joined by "of": "Government of Canada", "Hangzhou Hikvision Digital Technology".
_CAPITAL = r"[A-Z\u00C0-\u00D6\u00D8-\u00DE]"
# (Word characters, then any number of joiners each followed by more: the same as one repeated
# "word character, or joiner before one", ~1.4x faster in `re`.)
_CAP_TAIL = r"[^\W_]*(?:['\u2019\-.&](?=[^\W_])[^\W_]*)*"
_CAP_TOKEN = _CAPITAL + _CAP_TAIL
# A run never starts inside a word ("iPhone" has no name "Phone"). That lookbehind is written after the
# first capital rather than before it, so `re` jumps from capital to capital instead of testing every
# character: the same matches, ~1.5x faster.
CAP_RUN_RE = re.compile(rf"{_CAPITAL}(?<![^\W_].){_CAP_TAIL}(?:[ \u00a0](?:of[ \u00a0])?{_CAP_TOKEN})*")
NAME_CONNECTORS = frozenset({"of"})
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
RUN_TOKEN_RE = re.compile(r"\S+")   # the words of a capitalized run
# Capitalized words that are not names (sentence openers, pronouns, months, days) and titles
# ("Industry Minister Melanie Joly" -> "Industry", "Melanie Joly"). Lower case.
ENTITY_STOPWORDS = frozenset("""
a an the and or but nor so yet if as at by for from in into of on onto to up with without about after
before during since until while when where why how what which who whom whose this that these those
there here then than it its he she they we you i me him her his hers them their theirs our ours your
my is are was were be been has have had do does did will would can could should may might must not no
yes all any each every some many most more other such also however meanwhile according despite under
over between among through
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
mr mrs ms dr sir madam minister prime president secretary chief executive officer director spokesperson
spokesman spokeswoman chairman chair ceo premier senator governor mayor
""".split())
TITLE_CASE_SHARE = 0.75  # a sentence whose words are mostly capitalized is a title: no discovery there
TITLE_CASE_MIN_WORDS = 4
FOLD_RATIO = 1.5         # a name folds into a prefix/suffix that is at least this many times as frequent


# ---------------------------------------------------------------- VADER

@lru_cache(maxsize=1)
def analyzer():
    """One VADER analyzer per process, built on first use (not at import)."""
    import string

    from vaderSentiment import vaderSentiment as V

    punctuation = string.punctuation
    negations = frozenset(V.NEGATE)
    lexicon_skips = frozenset(V.BOOSTER_DICT)
    special_cases, boosters = V.SPECIAL_CASES, V.BOOSTER_DICT
    scalar_inc_dec, n_scalar, c_incr = V.scalar_inc_dec, V.N_SCALAR, V.C_INCR

    def negated(word: str) -> bool:
        return word in negations or "n't" in word

    class Analyzer(V.SentimentIntensityAnalyzer):
        """vaderSentiment 3.3.2's analyzer, with the same rules in fewer steps.

        Stock VADER rebuilds the text character by character to swap emoji for words, then, for
        every lexicon word, lowercases the whole sentence four times over (in its negation and
        idiom checks) and scans the negation list word by word. Here text with none of the
        lexicon's one-character emoji skips the emoji pass, the sentence is lowercased once, and
        words outside the lexicon (most of news copy) are a set lookup. Each word's valence is
        computed by the same arithmetic in the same order, and the scores come from the stock
        `score_valence`, so they are the stock analyzer's, float for float (tested against it).
        Text with emoji goes to the stock method unchanged.
        """

        def __init__(self):
            super().__init__()
            self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

        def polarity_scores(self, text):
            if not (text.isascii() or self._emoji_chars.isdisjoint(text)):
                return super().polarity_scores(text)
            text = text.strip()
            words = [token if len(stripped := token.strip(punctuation)) <= 2 else stripped  # SentiText
                     for token in text.split()]
            n_upper = sum(map(str.isupper, words))
            is_cap_diff = 0 < len(words) - n_upper < len(words)  # allcap_differential
            lower = [w.lower() for w in words]
            lexicon = self.lexicon
            sentiments = [0] * len(words)
            for i in [i for i, item in enumerate(lower) if item in lexicon]:
                if lower[i] in lexicon_skips or (lower[i] == "kind" and i < len(words) - 1 and lower[i + 1] == "of"):
                    continue
                sentiments[i] = self._valence(words, lower, i, is_cap_diff)
            if "but" in lower:
                sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

        def _valence(self, words, lower, i, is_cap_diff):
            """`sentiment_valence` for the lexicon word at i, on the sentence lowercased once."""
            lexicon = self.lexicon
            item = lower[i]
            valence = lexicon[item]
            if item == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
                valence = 0.0
            if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                    or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
                valence = lexicon[item] * n_scalar
            if words[i].isupper() and is_cap_diff:
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            for start_i in range(0, 3):
                if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                    s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation_check(valence, lower, start_i, i)
                    if start_i == 2:
                        valence = _special_idioms_check(valence, lower, i)
            return _least_check(valence, lower, i, lexicon)

    def _negation_check(valence, lower, start_i, i):
        if start_i == 0:
            if negated(lower[i - 1]):
                valence = valence * n_scalar
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                valence = valence
            elif negated(lower[i - 2]):
                valence = valence * n_scalar
        if start_i == 2:
            if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                    (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                valence = valence
            elif negated(lower[i - 3]):
                valence = valence * n_scalar
        return valence

    def _special_idioms_check(valence, lower, i):
        onezero = f"{lower[i - 1]} {lower[i]}"
        twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        twoone = f"{lower[i - 2]} {lower[i - 1]}"
        threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        threetwo = f"{lower[i - 3]} {lower[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special_cases:
                valence = special_cases[seq]
                break
        if len(lower) - 1 > i:
            zeroone = f"{lower[i]} {lower[i + 1]}"
            if zeroone in special_cases:
                valence = special_cases[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in special_cases:
                valence = special_cases[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in boosters:
                valence = valence + boosters[n_gram]
        return valence

    def _least_check(valence, lower, i, lexicon):
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    return Analyzer()


def polarity(text: str) -> tuple[float, float, float, float]:
    """(compound, pos, neu, neg) of a text, scored on its normalized view."""
    s = analyzer().polarity_scores(T.normalize(str(text)))
    return s["compound"], s["pos"], s["neu"], s["neg"]


@lru_cache(maxsize=65536)
def _polarity_cached(text: str) -> tuple[float, float, float, float]:
    """`polarity`, remembered by text: VADER is deterministic, and sentences, quotes and site
    furniture repeat (wire copy, a quote carried by many outlets, a rating widget on every page)."""
    return polarity(text)


# ---------------------------------------------------------------- per-article scoring

def score(content: pd.DataFrame, quotes: pd.DataFrame, lines: pd.DataFrame, texts: dict) -> dict[str, pd.DataFrame]:
    """VADER scores per unit (`sentiment_sentences`) and per article and scope (`sentiment`).

    Rows come in content order: per sentence raw, then headline or body, then for a body sentence its
    narrator row and quoted pieces; the non-content lines' raw rows last. The table is built column
    by column: most rows repeat a content sentence's fields and score, so they are taken from the
    content columns by index, and only the rescored narrator rows and quoted pieces (sentences that
    overlap a quote) are written one by one.
    """
    content = content if content is not None else pd.DataFrame()
    n = len(content)
    col = lambda name, default=None: (content[name].tolist() if name in content.columns else [default] * n)
    art, start, end, txt, role = col("article_id"), col("start"), col("end"), col("text", ""), col("role", "body")
    scores = [_polarity_cached(t if isinstance(t, str) else "") for t in txt]
    headline = np.array([r == "headline" for r in role], dtype=bool)

    body_by_article: dict[str, list[int]] = defaultdict(list)
    for i in np.flatnonzero(~headline).tolist():
        body_by_article[art[i]].append(i)
    pieces = _quote_pieces(quotes, body_by_article, start, end)

    # A sentence overlapping a quote: its rows after raw and body (its narrator, if any words are left,
    # and its quoted pieces), as columns of (sentence index, scope, quote_id, start, end, score).
    mixed = {"row": [], "scope": [], "quote_id": [], "start": [], "end": [], "score": []}
    appends = tuple(column.append for column in mixed.values())

    def add(*row) -> None:
        for append, value in zip(appends, row):
            append(value)

    for i in sorted(pieces):
        overlap, sc, st = pieces[i], scores[i], start[i]
        sentence_text = txt[i] if isinstance(txt[i], str) else ""
        narrator = _remove_spans(sentence_text, [(ps - st, pe - st) for ps, pe, _ in overlap])
        narrator_has_words = bool(HAS_WORD_RE.search(narrator))
        if narrator_has_words:
            add(i, NARRATOR, None, st, end[i], _polarity_cached(narrator))
        raw = texts.get(art[i], "") if isinstance(texts, dict) else ""
        for ps, pe, qid in overlap:
            piece = raw[ps:pe] if raw else sentence_text[ps - st:pe - st]
            if not HAS_WORD_RE.search(piece):
                continue
            piece_score = sc if (not narrator_has_words and len(overlap) == 1) else _polarity_cached(piece)
            add(i, QUOTED, qid, ps, pe, piece_score)

    # Rows per sentence: raw + headline, or raw + body + narrator; a sentence with a quote has its
    # `mixed` rows after raw + body instead of the narrator row.
    per_sentence = np.where(headline, 2, 3)
    mixed_row = np.asarray(mixed["row"], dtype=np.int64)
    mixed_sentences, n_mixed = np.unique(mixed_row, return_counts=True)
    per_sentence[np.asarray(sorted(pieces), dtype=np.int64)] = 2
    per_sentence[mixed_sentences] += n_mixed
    source = np.repeat(np.arange(n), per_sentence)
    first = np.cumsum(per_sentence) - per_sentence
    rank = np.arange(len(source)) - first[source]
    scope = np.where(rank == 0, RAW, np.where(rank == 1, np.where(headline[source], HEADLINE, BODY), NARRATOR))
    values = {name: _column(content, name, n)[source] for name in ("article_id", "sentence", "line", "start", "end")}
    score_table = np.array(scores, dtype=float).reshape(n, 4)[source]
    quote_ids = np.full(len(source), None, dtype=object)
    # mixed rows are in sentence order, each sentence's in turn: the k-th of sentence i goes to first[i] + 2 + k
    at = first[mixed_row] + 2 + (np.arange(len(mixed_row)) - np.searchsorted(mixed_row, mixed_row))
    scope[at] = mixed["scope"]
    quote_ids[at] = mixed["quote_id"]
    values["start"][at] = mixed["start"]
    values["end"][at] = mixed["end"]
    score_table[at] = np.array(mixed["score"], dtype=float).reshape(len(at), 4)

    extra = _boilerplate_columns(lines)
    values = {name: np.concatenate([values[name], extra[name]]) for name in values}
    article_column = values["article_id"]
    scope_column = np.concatenate([scope, np.full(len(extra["start"]), RAW)])
    if len(scope_column) == 0:
        sentences = _sentence_frame([])
    else:
        sentences = _sentence_columns(values, quote_ids.tolist() + [None] * len(extra["start"]), scope_column,
                                      np.concatenate([score_table, extra["scores"]]))
    article_ids = set(art)
    if lines is not None and "article_id" in getattr(lines, "columns", []):
        article_ids |= set(lines["article_id"].tolist())
    article_ids = sorted(article_ids, key=str)
    if len(sentences) and all(isinstance(a, str) for a in article_ids):
        table = _aggregate(sentences, article_ids, _groups(article_column, scope_column))
    else:
        table = aggregate(sentences, article_ids)
    return {"sentiment": table, "sentiment_sentences": sentences}


# Scope codes of `score`'s columns: positions in SCOPES.
BODY, HEADLINE, NARRATOR, QUOTED, RAW = (SCOPES.index(s) for s in ("body", "headline", "narrator", "quoted", "raw"))


def _column(frame: pd.DataFrame, name: str, n: int) -> np.ndarray:
    """A column as a numpy array (its own dtype: int64 offsets stay int64), or n Nones without it."""
    return frame[name].to_numpy() if name in frame.columns else np.full(n, None, dtype=object)


def _quote_pieces(quotes, body_by_article, start, end) -> dict[int, list[tuple[int, int, object]]]:
    """Content row index -> [(piece start, piece end, quote_id)] of non-term quotes inside that body sentence."""
    out: dict[int, list] = defaultdict(list)
    if quotes is None or len(quotes) == 0 or not {"article_id", "start", "end"} <= set(quotes.columns):
        return out
    q = quotes
    # Quotes other than terms, taken from the columns (no filtered copy of the whole table).
    kept = (q["kind"].fillna("").astype(str) != "term").to_numpy(dtype=bool) if "kind" in q.columns else None
    column = lambda name: (q[name].to_numpy(dtype=object)[kept].tolist() if kept is not None else q[name].tolist())
    qids = column("quote_id") if "quote_id" in q.columns else [None] * (len(q) if kept is None else int(kept.sum()))
    starts_by_article: dict[str, tuple[list[int], list[int], list[int]]] = {}
    for a, qs, qe, qid in zip(column("article_id"), column("start"), column("end"), qids):
        if a not in body_by_article or not _is_int(qs) or not _is_int(qe) or int(qe) <= int(qs):
            continue
        qs, qe = int(qs), int(qe)
        if a not in starts_by_article:
            idx = sorted(body_by_article[a], key=lambda i: start[i])
            starts_by_article[a] = (idx, [end[i] for i in idx], [start[i] for i in idx])
        idx, ends, starts = starts_by_article[a]
        k = bisect_right(ends, qs)          # first sentence ending after the quote starts
        while k < len(idx) and starts[k] < qe:
            i = idx[k]
            ps, pe = max(qs, start[i]), min(qe, end[i])
            if pe > ps:
                out[i].append((ps, pe, qid))
            k += 1
    for pieces in out.values():
        pieces.sort(key=lambda p: p[0])
    return out


def _is_int(value) -> bool:
    if type(value) is int or isinstance(value, np.integer):   # offsets almost always are: no isna call
        return True
    try:
        return value is not None and not pd.isna(value) and float(value) == int(float(value))
    except (TypeError, ValueError):
        return False


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the given (relative) spans and the quote marks right around them."""
    kept, cursor = [], 0
    for s, e in sorted(spans):
        s, e = max(s, cursor), min(e, len(text))
        while s > cursor and text[s - 1] in QUOTE_MARKS:
            s -= 1
        while e < len(text) and text[e] in QUOTE_MARKS:
            e += 1
        if s > cursor:
            kept.append(text[cursor:s])
        cursor = max(cursor, e)
    kept.append(text[cursor:])
    return " ".join(part.strip() for part in kept if part.strip())


def _boilerplate_columns(lines) -> dict[str, np.ndarray]:
    """Raw-scope units for non-blank lines outside the content (one unit per line), as columns:
    article_id, sentence (none), line, start, end, and scores (compound, pos, neu, neg)."""
    if lines is None or len(lines) == 0 or "label" not in lines.columns:
        offsets = np.zeros(0, dtype=np.int64)
        return {"article_id": np.zeros(0, dtype=object), "sentence": np.zeros(0), "line": offsets,
                "start": offsets, "end": offsets, "scores": np.zeros((0, 4))}
    keep = (~lines["blank"].astype(bool) & (lines["label"].fillna("").astype(str) != "content")).to_numpy()
    scores = [_polarity_cached(str(t)) for t in lines["text"].to_numpy()[keep].tolist()]
    return {"article_id": lines["article_id"].to_numpy()[keep], "sentence": np.full(len(scores), np.nan),
            "line": lines["line"].to_numpy()[keep], "start": lines["start"].to_numpy()[keep],
            "end": lines["end"].to_numpy()[keep], "scores": np.array(scores, dtype=float).reshape(len(scores), 4)}


def _sentence_columns(values: dict[str, np.ndarray], quote_ids: list, scope: np.ndarray,
                      scores: np.ndarray) -> pd.DataFrame:
    """The sentiment_sentences table from its columns, with the dtypes `_sentence_frame` gives a list
    of rows: offsets and numbers as nullable Int64, ids and scopes as strings, scores as floats, and
    quote_id inferred from its values the way a list of rows infers it (float64 when numbers and
    None mix, object when all are None)."""
    integers = {name: pd.array(pd.to_numeric(values[name], errors="coerce"), dtype="Int64")
                for name in ("sentence", "line", "start", "end")}
    scopes = np.asarray(SCOPES, dtype=object)[scope]
    df = pd.DataFrame({"article_id": pd.Series(values["article_id"], dtype=object).astype("string").array,
                       "sentence": integers["sentence"], "quote_id": pd.Series(quote_ids).array,
                       "line": integers["line"], "start": integers["start"], "end": integers["end"],
                       "scope": pd.Series(scopes, dtype=object).astype("string").array,
                       "compound": scores[:, 0], "pos": scores[:, 1], "neu": scores[:, 2], "neg": scores[:, 3]},
                      columns=SENTENCE_COLUMNS)
    return df


def _sentence_frame(rows: list[tuple]) -> pd.DataFrame:
    """The sentiment_sentences table from a list of rows (SENTENCE_COLUMNS order): the empty table."""
    df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    for name in ("sentence", "line", "start", "end"):
        df[name] = pd.array(pd.to_numeric(df[name], errors="coerce"), dtype="Int64")
    df["article_id"] = df["article_id"].astype("string")
    df["scope"] = df["scope"].astype("string")
    for name in ("compound", "pos", "neu", "neg"):
        df[name] = df[name].astype(float)
    return df


def aggregate(sentiment_sentences: pd.DataFrame, article_ids=None) -> pd.DataFrame:
    """One row per article and scope: n, mean compound with a seeded bootstrap 95% interval, mean pos/neu/neg.

    Every scope gets a row for every article in `article_ids` (n_sentences 0 and NaN means when
    the scope is empty); the interval is NaN when n_sentences < 2.
    """
    df = sentiment_sentences
    groups = df.groupby(["article_id", "scope"], sort=True).indices if len(df) else {}
    return _aggregate(df, article_ids, groups)


def _groups(article_id: np.ndarray, scope: np.ndarray) -> dict[tuple, np.ndarray]:
    """{(article_id, scope name): row positions, ascending}: what groupby(["article_id", "scope"]).indices
    gives for ids that are all strings (no missing id), from the scope codes without hashing the strings twice."""
    code, names = pd.factorize(article_id)
    key = code.astype(np.int64) * len(SCOPES) + scope
    order = np.argsort(key, kind="stable")
    present, first = np.unique(key[order], return_index=True)
    return {(names[k // len(SCOPES)], SCOPES[k % len(SCOPES)]): rows
            for k, rows in zip(present.tolist(), np.split(order, first[1:]))}


def _aggregate(df: pd.DataFrame, article_ids, groups: dict[tuple, np.ndarray]) -> pd.DataFrame:
    """`aggregate` with the rows of each (article_id, scope) given."""
    compound = df["compound"].to_numpy(dtype=float) if len(df) else np.array([])
    parts = df[["pos", "neu", "neg"]].to_numpy(dtype=float) if len(df) else np.zeros((0, 3))
    ids = sorted(set(article_ids if article_ids is not None else []) | {a for a, _ in groups}, key=str)
    keys = [(a, scope) for a in ids for scope in SCOPES]
    empty = np.array([], dtype=int)
    members = [groups.get(key, empty) for key in keys]
    n, mean, low, high = stats.batch_mean_ci([compound[idx] for idx in members])
    sizes = np.array([len(idx) for idx in members], dtype=int)
    order = np.concatenate(members).astype(int) if keys else empty
    group = np.repeat(np.arange(len(keys)), sizes)
    with np.errstate(invalid="ignore", divide="ignore"):    # an empty scope: NaN means
        shares = [np.bincount(group, weights=parts[order, c], minlength=len(keys)) / sizes for c in range(3)]
    out = pd.DataFrame({"article_id": [a for a, _ in keys], "scope": [scope for _, scope in keys],
                        "n_sentences": n, "compound_mean": mean, "ci_low": low, "ci_high": high,
                        "pos": shares[0], "neu": shares[1], "neg": shares[2]}, columns=SENTIMENT_COLUMNS)
    out["article_id"] = out["article_id"].astype("string")
    out["n_sentences"] = out["n_sentences"].astype(int)
    return out


def by_outlet(sentiment_sentences: pd.DataFrame, articles: pd.DataFrame, scope: str | None = "body") -> pd.DataFrame:
    """Mean compound per outlet (and scope) with a bootstrap 95% interval over the outlet's sentences.

    Sentences of one article are resampled as if independent, so the interval is narrower than one
    that also allowed for article-to-article variation; `n_articles` says how many articles stand behind it.
    """
    df = sentiment_sentences
    if scope is not None:
        df = df[df["scope"] == scope]
    df = df.drop(columns=["outlet"], errors="ignore").merge(
        articles[["article_id", "outlet"]].astype({"article_id": "string"}), on="article_id", how="left")
    df["outlet"] = df["outlet"].fillna(df["article_id"]).astype("string")
    groups = sorted(df.groupby(["outlet", "scope"], sort=True).indices.items()) if len(df) else []
    compound = df["compound"].to_numpy(dtype=float)
    n, mean, low, high = stats.batch_mean_ci([compound[idx] for _, idx in groups])
    rows = [(outlet, sc, int(df["article_id"].iloc[idx].nunique()), n[k], mean[k], low[k], high[k])
            for k, ((outlet, sc), idx) in enumerate(groups)]
    return pd.DataFrame(rows, columns=OUTLET_COLUMNS).astype({"n_sentences": int})


# ---------------------------------------------------------------- entities (corpus-level)

@lru_cache(maxsize=65536)
def _run_names(run: str) -> tuple[tuple[int, str, str], ...]:
    """(offset in the run, surface, key) of each name in one capitalized run, stopwords split off.

    Cached by run: the same runs ("Hikvision", "Industry Minister Melanie Joly") recur across the
    corpus, so each is split and folded once.
    """
    names: list[tuple[int, str, str]] = []
    words: list[tuple[int, str]] = []
    for t in RUN_TOKEN_RE.finditer(run):
        token = t.group()
        bare = POSSESSIVE_RE.sub("", token)
        if T.fold(bare) in ENTITY_STOPWORDS and token not in NAME_CONNECTORS:
            names.extend(_finish(run, words))
            words = []
            continue
        words.append((t.start(), bare))
        if bare != token:                            # a possessive ends the name: "Joly’s decision"
            names.extend(_finish(run, words))
            words = []
    names.extend(_finish(run, words))
    return tuple(names)


def _finish(run: str, words: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """The name made of `words` (offset, word) of a run, connectors trimmed at both ends; none if it has no
    letter or digit or is a number."""
    while words and words[0][1] in NAME_CONNECTORS:
        words = words[1:]
    while words and words[-1][1] in NAME_CONNECTORS:
        words = words[:-1]
    if not words:
        return []
    surface = run[words[0][0]:words[-1][0] + len(words[-1][1])]
    key = T.fold(surface)
    if not HAS_WORD_RE.search(key) or key.isdigit() or all(w in Q.PORTFOLIO_WORDS for w in key.split()):
        return []                                    # "Industry" of "Industry Minister": a portfolio, not a name
    return [(words[0][0], surface, key)]


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Folded alias -> folded country, from data/countries.csv (the quotes stage's lexicon)."""
    keys = {}
    for alias, country in Q.lexicon().countries.items():
        keys[T.fold(alias)] = keys[T.fold(alias).rstrip(".")] = T.fold(country)   # "U.S." is read as "U.S"
    return keys


def _is_title_case(text: str) -> bool:
    # Most sentences are plainly not titles, which bounds counted on a class per UTF-8 byte show
    # without splitting them into words: a capitalized word starts with an upper-case character
    # (at most the ASCII capitals plus every non-ASCII character, "A"), and a small ASCII letter
    # after a separator (" a") starts a word that is not a number.
    classes = text.encode("utf-8", "surrogatepass").translate(_TITLE_CLASSES)
    most_capitalized, fewest_words = classes.count(b"A"), classes.count(b" a")
    if fewest_words and most_capitalized / fewest_words < TITLE_CASE_SHARE:
        return False
    words = [w for w in T.words(text) if not w.isdigit()]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= TITLE_CASE_SHARE


def _title_class(byte: int) -> bytes:
    """A: ASCII capital or lead byte of a non-ASCII character; a: ASCII small letter; " ": an ASCII
    character no word holds; "-": the rest (digits, joiners ' and -, continuation bytes)."""
    char = chr(byte)
    if byte >= 0xC0:
        return b"A"
    if byte < 0x80 and char.isalpha():
        return b"A" if char.isupper() else b"a"
    if byte < 0x80 and not char.isdigit() and char not in "'-":
        return b" "
    return b"-"


_TITLE_CLASSES = b"".join(_title_class(b) for b in range(256))


# A sentence whose first word is capitalized: its first capitalized run starts there.
_OPENS_WITH_CAPITAL_RE = re.compile(rf"[\W_]*{_CAPITAL}")


def _content_words(key: str) -> int:
    return sum(1 for w in key.split() if w not in NAME_CONNECTORS)


def _fold_names(freq: Counter, countries: dict[str, str] | None = None) -> dict[str, str]:
    """Each name -> the name it folds into: a prefix (tried first) or suffix sub-sequence FOLD_RATIO times
    as frequent that holds at least half of the name's words (Hikvision Canada -> Hikvision, Melanie
    Joly -> Joly, but not Attorney General of Canada -> Canada); a demonym or capital into its country
    when the country is named (Canadian, Ottawa -> Canada; `countries`: folded alias -> folded country)."""
    target = {}
    for key, country in (countries or {}).items():
        if key != country and key in freq and country in freq:
            target[key] = country
    for key, count in freq.items():
        if key in target:
            continue
        words = key.split()
        if len(words) < 2:
            continue
        for candidates in ([" ".join(words[:k]) for k in range(1, len(words))],
                           [" ".join(words[k:]) for k in range(1, len(words))]):
            good = [c for c in candidates if freq.get(c, 0) >= FOLD_RATIO * count
                    and 2 * _content_words(c) >= _content_words(key)]
            if good:
                target[key] = max(good, key=lambda c: (freq[c], c))
                break
    canonical = {}
    for key in freq:
        seen, k = 0, key
        while k in target and seen < 50:   # frequencies grow along the chain, so it ends
            k, seen = target[k], seen + 1
        canonical[key] = k
    return canonical


def entity_sentences(sentiment_sentences: pd.DataFrame, quotes: pd.DataFrame, content: pd.DataFrame,
                     texts: dict, top_n: int = TOP_ENTITIES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions, entities): body sentences mentioning each of the top_n names, with their compound.

    Names are runs of capitalized words in body sentences (not headlines or title-case lines); a run
    at the start of a sentence counts only if the same name, or its first word alone, also occurs
    mid-sentence somewhere in the corpus; else the run without its first word counts if that occurs. Quote speakers that are names count too, in the
    sentence holding the speaker span, so a resolved "the company" counts for the company it names.
    Names fold into a much more frequent prefix or suffix (Hikvision Canada -> Hikvision), and a demonym
    or capital into its country when the country is named (Canadian, Ottawa -> Canada; data/countries.csv).
    A portfolio ("Industry" of "Industry Minister") is not a name.
    """
    empty_entities = pd.DataFrame(columns=["rank", "entity", "key", "n_sentences", "aliases"])
    if content is None or len(content) == 0:
        return pd.DataFrame(columns=ENTITY_SENTENCE_COLUMNS), empty_entities
    # Body rows by position, not a filtered copy of the table (its text column is most of it);
    # columns as compact arrays (article ids as codes), not lists of Python objects: on millions
    # of sentences those lists, and a set per sentence, cost gigabytes.
    body = (np.flatnonzero((content["role"] != "headline").to_numpy()) if "role" in content.columns
            else np.arange(len(content)))
    art_codes, art_names = pd.factorize(content["article_id"].iloc[body])
    sids, starts, ends = (content[name].to_numpy()[body] for name in ("sentence", "start", "end"))
    batches = ((first, content["text"].iloc[body[first:first + TEXT_BATCH]].tolist())
               for first in range(0, len(body), TEXT_BATCH))
    names, mentions, surfaces = _read_names(batches)
    speaker_rows, speaker_ids = array("q"), array("q")

    def mention(i: int, key: str) -> None:
        speaker_rows.append(i)
        speaker_ids.append(names[key])

    _add_speakers(quotes, art_codes, art_names, starts, ends, mention, surfaces)
    mentions.append((np.frombuffer(speaker_rows, dtype=np.int64), np.frombuffer(speaker_ids, dtype=np.int64)))

    # Each name once per sentence, then each folded name once per sentence: as integer pairs
    # (sentence * number of names + name id), not a set per sentence.
    keys = list(names)
    n_keys = max(len(keys), 1)
    pairs = np.concatenate([rows * n_keys + ids for rows, ids in mentions])
    del mentions
    row_of, id_of = np.divmod(stats.unique_ints(pairs), n_keys)
    del pairs
    # Names read only at a sentence's start, never mentioned, are left out.
    freq = Counter({keys[k]: c for k, c in enumerate(np.bincount(id_of, minlength=len(keys)).tolist()) if c})
    canonical = _fold_names(freq, _country_keys())
    canonical_id = np.array([names[canonical.get(k, k)] for k in keys], dtype=np.int64)
    group_row, group_id = np.divmod(stats.unique_ints(row_of * n_keys + canonical_id[id_of]), n_keys)
    group_freq = {keys[k]: c for k, c in enumerate(np.bincount(group_id, minlength=len(keys)).tolist()) if c}
    top = sorted(group_freq.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
    rank = {key: r for r, (key, _) in enumerate(top, start=1)}
    label = {key: _display(surfaces, key) for key in rank}
    members: dict[str, Counter] = defaultdict(Counter)
    for key, canon in canonical.items():
        if canon in rank:
            members[canon][_display(surfaces, key)] += freq[key]
    entities = pd.DataFrame([(rank[k], label[k], k, n, "; ".join(a for a, _ in sorted(members[k].items(),
                             key=lambda kv: (-kv[1], kv[0]))[:10])) for k, n in top],
                            columns=["rank", "entity", "key", "n_sentences", "aliases"])

    # The mentions of the top names with a sentence number, and the compound of their sentence.
    in_top = np.isin(group_id, [names[key] for key in rank])
    at, name_id = group_row[in_top], group_id[in_top]
    if sids.dtype.kind not in "iu":
        whole = np.array([_is_int(x) for x in sids[at]], dtype=bool)
        at, name_id = at[whole], name_id[whole]
    compound, scored = _body_compound(sentiment_sentences, art_names, art_codes[at], sids[at])
    at, name_id = at[scored], name_id[scored]
    mentions_df = pd.DataFrame({"entity": np.array([label.get(key, "") for key in keys], dtype=object)[name_id],
                                "article_id": np.asarray(art_names, dtype=object)[art_codes[at]],
                                "sentence": sids[at], "start": starts[at], "end": ends[at], "compound": compound[scored]},
                               columns=ENTITY_SENTENCE_COLUMNS)
    if len(mentions_df):
        mentions_df = mentions_df.sort_values(["entity", "article_id", "sentence"], kind="stable").reset_index(drop=True)
    return mentions_df, entities


class _Numbering(dict):
    """Each key -> its number, numbered in the order first looked up."""

    def __missing__(self, key):
        self[key] = number = len(self)
        return number


def _read_names(batches) -> tuple[_Numbering, list[tuple[np.ndarray, np.ndarray]], dict[str, Counter]]:
    """The names read in sentences given in batches of (position of the first, texts): the names,
    numbered; the mentions as (sentence positions, name numbers), a pair of arrays per batch and
    one for the sentence openers, repeats kept; and how often each name's key was read in each
    surface form.

    Each sentence is read as its capitalized runs, numbered: the same runs recur across the corpus,
    so each is split into names (and its names numbered) once, and a batch of sentences' runs
    becomes (sentence position, name number) pairs with numpy. A name that opens a sentence is
    decided once every name read mid-sentence is known (`_opening_name`).
    """
    names, runs = _Numbering(), _Numbering()
    run_table = _RunTable()
    mentions, openers = [], []
    read_mid: set[int] = set()   # the names read mid-sentence, as numbers
    for first_row, texts in batches:
        # The runs read, flat, with the sentences read and how many runs each has (repeated into a
        # sentence per run with numpy, not in the loop); the runs that open a sentence.
        found_runs: list[str] = []
        read_rows, n_runs, opening = array("q"), array("q"), array("q")
        for i, text in enumerate(texts, start=first_row):
            if not isinstance(text, str):
                continue
            found = CAP_RUN_RE.findall(text)
            if not found or _is_title_case(text):    # a title: every word is capitalized, no name is found there
                continue
            if _OPENS_WITH_CAPITAL_RE.match(text):
                opening.append(len(found_runs))
            read_rows.append(i)
            n_runs.append(len(found))
            found_runs += found
        run_ids = np.fromiter(map(runs.__getitem__, found_runs), dtype=np.int64, count=len(found_runs))
        del found_runs
        run_table.add(runs, names)
        run_rows = np.repeat(np.frombuffer(read_rows, dtype=np.int64), np.frombuffer(n_runs, dtype=np.int64))
        mid, opener = run_table.names_read(run_rows, run_ids, np.frombuffer(opening, dtype=np.int64))
        mentions.append(mid)
        openers.append(opener)
        read_mid.update(stats.unique_ints(mid[1]).tolist())
    name_list = list(names)
    mentions.append(_opening_mentions(openers, name_list, names, {name_list[k] for k in read_mid}))
    return names, mentions, run_table.surfaces()


class _RunTable:
    """The names of each numbered capitalized run (as name numbers), read once per run."""

    def __init__(self):
        self.name_ids: list[int] = []       # the runs' names, run after run
        self.first: list[int] = [0]         # run r's names are name_ids[first[r]:first[r + 1]]
        self.opens: list[bool] = []         # run r's first name is its first word
        self.forms: list[tuple[tuple[str, str], ...]] = []   # run r's (surface, key) of each name
        self.count = np.zeros(0, dtype=np.int64)             # sentences run r was read in

    def add(self, runs: _Numbering, names: _Numbering) -> None:
        """Read the runs numbered since the last call."""
        for run in list(runs)[len(self.opens):]:
            parts = _run_names(run)
            self.name_ids.extend(names[key] for _, _, key in parts)
            self.first.append(len(self.name_ids))
            self.opens.append(bool(parts) and parts[0][0] == 0)
            self.forms.append(tuple((surface, key) for _, surface, key in parts))

    def names_read(self, rows: np.ndarray, run_ids: np.ndarray, opening: np.ndarray
                   ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """(mid-sentence, sentence-opening) names of runs read in sentences `rows`, as (sentence
        positions, name numbers) in reading order; `opening`: the positions in `run_ids` of runs
        that open their sentence, whose first name then opens it if it is the run's first word."""
        count = np.bincount(run_ids, minlength=len(self.opens))
        count[:len(self.count)] += self.count
        self.count = count
        first = np.array(self.first, dtype=np.int64)
        n_names = (first[1:] - first[:-1])[run_ids]
        entry = np.cumsum(n_names) - n_names             # where each run's names start in the flat list
        name_ids = np.array(self.name_ids, dtype=np.int64)[np.repeat(first[run_ids] - entry, n_names)
                                                           + np.arange(int(n_names.sum()))]
        name_rows = np.repeat(rows, n_names)
        opens = np.zeros(len(name_ids), dtype=bool)
        opens[entry[opening[np.array(self.opens, dtype=bool)[run_ids[opening]]]]] = True
        return (name_rows[~opens], name_ids[~opens]), (name_rows[opens], name_ids[opens])

    def surfaces(self) -> dict[str, Counter]:
        """Each name's key -> how often each surface form of it was read."""
        surfaces: dict[str, Counter] = defaultdict(Counter)
        for forms, count in zip(self.forms, self.count.tolist()):
            for surface, key in forms:
                surfaces[key][surface] += count
        return surfaces


def _opening_mentions(openers, name_list: list[str], names: _Numbering, mid_names: set[str]
                      ) -> tuple[np.ndarray, np.ndarray]:
    """The names that open a sentence and count, as (sentence positions, name numbers): each as
    `_opening_name` decides, once per distinct name."""
    rows = np.concatenate([r for r, _ in openers] + [np.zeros(0, np.int64)])
    ids = np.concatenate([k for _, k in openers] + [np.zeros(0, np.int64)])
    target = np.full(len(name_list), -1, dtype=np.int64)
    for k in stats.unique_ints(ids).tolist():
        name = _opening_name(name_list[k], mid_names)
        if name is not None:
            target[k] = names[name]
    ids = target[ids]
    return rows[ids >= 0], ids[ids >= 0]


def _opening_name(key: str, mid_names: set[str]) -> str | None:
    """What a name at a sentence's start stands for: itself if it, or its first word, is also read
    mid-sentence ("Hikvision Canada said": Hikvision is a known name); else the name without its
    opener if that is ("Industry Melanie Joly": the opener is not part of the name); else nothing."""
    words = key.split()
    rest = words[1:]
    while rest and rest[0] in NAME_CONNECTORS:     # "Critics of Acme" -> "Acme"
        rest = rest[1:]
    rest = " ".join(rest)
    if key in mid_names or (rest and words[0] in mid_names):
        return key
    if rest and rest in mid_names:
        return rest
    return None


def _display(surfaces: dict[str, Counter], key: str) -> str:
    forms = surfaces.get(key)
    if not forms:
        return key
    return sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _body_compound(sentiment_sentences: pd.DataFrame, article_names, codes: np.ndarray, sentences: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The body-scope compound of each (article article_names[code], sentence) asked for, and
    whether it has one (when a sentence is listed twice, its last row)."""
    s, n = sentiment_sentences, len(codes)
    if s is None or not len(s) or not n:
        return np.zeros(n), np.zeros(n, dtype=bool)
    s = s[(s["scope"] == "body") & s["sentence"].notna()]
    scored_codes = pd.Index([str(a) for a in article_names]).get_indexer(s["article_id"].astype(str))
    s, scored_codes = s[scored_codes >= 0], scored_codes[scored_codes >= 0]
    sentences = np.asarray(sentences).astype(np.int64)
    width = max(0, int(sentences.max()), int(s["sentence"].max()) if len(s) else 0) + 1
    keys = pd.Index(scored_codes.astype(np.int64) * width + s["sentence"].to_numpy(dtype=np.int64))
    last = ~keys.duplicated(keep="last")
    keys, values = keys[last], s["compound"].to_numpy(dtype=np.float64)[last]
    at = keys.get_indexer(np.asarray(codes, dtype=np.int64) * width + sentences)
    found = at >= 0
    return (values[at] if len(values) else np.zeros(n)), found


def _add_speakers(quotes, art_codes, art_names, starts, ends, mention, surfaces) -> None:
    """Speaker names (with a capital) count as mentions in the body sentence holding their span."""
    if quotes is None or len(quotes) == 0 or "speaker" not in quotes.columns:
        return
    # Sentences ordered by (article id as text, start): one sorted key per sentence, searched for
    # every speaker at once.
    names = art_names.tolist()
    as_text = [str(a) for a in names]
    rank_of_name = np.empty(len(names), dtype=np.int64)
    rank_of_name[sorted(range(len(names)), key=as_text.__getitem__)] = np.arange(len(names))
    rank_of = dict(zip(names, rank_of_name.tolist()))
    width = int(max(starts.max(), 0)) + 2 if len(starts) else 2
    sentence_keys = rank_of_name[art_codes] * width + starts.astype(np.int64)
    order = np.argsort(sentence_keys, kind="stable")
    sorted_keys = sentence_keys[order]
    found = []   # (quote's key, surface, speaker position, article rank)
    sp_start = quotes["speaker_start"].tolist() if "speaker_start" in quotes.columns else [None] * len(quotes)
    for a, speaker, ss in zip(quotes["article_id"].tolist(), quotes["speaker"].tolist(), sp_start):
        name = _speaker_name(speaker) if isinstance(speaker, str) else None
        if name is None or a not in rank_of or not _is_int(ss):
            continue
        key, surface = name
        found.append((key, surface, min(int(ss), width - 1), rank_of[a], int(ss)))
    if not found:
        return
    ranks = np.array([f[3] for f in found], dtype=np.int64)
    at = np.searchsorted(sorted_keys, ranks * width + np.array([f[2] for f in found], dtype=np.int64), side="right") - 1
    # A speaker counts in the last sentence of its article starting at or before it, if it ends after it.
    i = order[np.maximum(at, 0)]
    inside = (at >= 0) & (sorted_keys[np.maximum(at, 0)] // width == ranks) & (np.array([f[4] for f in found]) < ends[i])
    for k in np.flatnonzero(inside).tolist():
        key, surface = found[k][:2]
        surfaces[key][surface] += 1
        mention(int(i[k]), key)


@lru_cache(maxsize=65536)
def _speaker_name(speaker: str) -> tuple[str, str] | None:
    """(key, surface) of a quote's speaker that is a name (has a capital), else None. Cached: the
    same speakers recur across the corpus."""
    if not any(w[:1].isupper() for w in speaker.split()):
        return None
    surface = POSSESSIVE_RE.sub("", speaker.strip())
    key = T.fold(surface)
    if not key or key in ENTITY_STOPWORDS:
        return None
    return key, surface


def entity_tone(sentiment_sentences: pd.DataFrame, quotes: pd.DataFrame, content: pd.DataFrame,
                texts: dict, top_n: int = TOP_ENTITIES) -> pd.DataFrame:
    """Mean compound of body sentences mentioning each top entity, per article and overall ("(all)").

    Columns: entity, article_id, n_sentences, compound_mean, ci_low, ci_high (bootstrap 95% over
    sentences, NaN for n < 2), rank (1 = most mentioned in the corpus) and aliases (folded names).
    """
    mentions, entities = entity_sentences(sentiment_sentences, quotes, content, texts, top_n)
    if mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    info = entities.set_index("entity")
    compound = mentions["compound"].to_numpy(dtype=float)
    keys, members = [], []
    for entity, idx in mentions.groupby("entity", sort=True).indices.items():
        keys.append((entity, ALL_ARTICLES))
        members.append(idx)
    for (entity, article), idx in mentions.groupby(["entity", "article_id"], sort=True).indices.items():
        keys.append((entity, article))
        members.append(idx)
    n, mean, low, high = stats.batch_mean_ci([compound[idx] for idx in members])
    out = pd.DataFrame([(e, a, n[k], mean[k], low[k], high[k]) for k, (e, a) in enumerate(keys)],
                       columns=ENTITY_COLUMNS[:6])
    out["n_sentences"] = out["n_sentences"].astype(int)
    out["rank"] = out["entity"].map(info["rank"]).astype(int)
    out["aliases"] = out["entity"].map(info["aliases"])
    out["article_id"] = out["article_id"].astype("string")
    return out.sort_values(["rank", "article_id"], kind="stable").reset_index(drop=True)


def tone_extremes(overall: pd.DataFrame, min_sentences: int = EXTREMES_MIN_SENTENCES) -> tuple[pd.Series, pd.Series]:
    """(most negative, most positive) rows of entity_tone's corpus-wide rows, among the entities in at
    least `min_sentences` sentences (all of them when none is): a mean of two or three sentences is noise."""
    ranked = overall[overall["n_sentences"] >= min_sentences]
    ranked = (ranked if len(ranked) else overall).sort_values(["compound_mean", "entity"], kind="stable")
    return ranked.iloc[0], ranked.iloc[-1]
