"""Sentiment: scopes (body, headline, narrator, quoted, raw), aggregation, entity tone, on hand-made tables."""
import itertools
import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import sentiment as S
from analysis import text as T
from analysis.paths import SEEDS

RAW = ("Acme closes plant\n"                                                   # headline
       "Officials said “this is a terrible disaster” on Friday.\n"            # mixed: narrator + quote
       "“We are delighted with the wonderful result.”\n"                       # wholly quoted
       "The plant made so-called “smart” cameras.\n"                           # a term, not a quote
       "Leave a Reply\n")                                                      # boilerplate line


def _span(text, needle):
    start = RAW.index(needle)
    return start, start + len(needle)


def fixture():
    rows = []
    for sid, (needle, role) in enumerate([("Acme closes plant", "headline"),
                                          ("Officials said “this is a terrible disaster” on Friday.", "body"),
                                          ("“We are delighted with the wonderful result.”", "body"),
                                          ("The plant made so-called “smart” cameras.", "body")], start=1):
        s, e = _span(RAW, needle)
        rows.append(("a1", sid, sid, sid, s, e, RAW[s:e], role))
    content = pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    quotes = []
    for qid, (needle, kind) in enumerate([("this is a terrible disaster", "direct"),
                                          ("We are delighted with the wonderful result.", "direct"),
                                          ("smart", "term")], start=1):
        s, e = _span(RAW, needle)
        quotes.append(("a1", qid, 0, s, e, RAW[s:e], kind, "said", "", None, None, "", len(needle.split())))
    quotes = pd.DataFrame(quotes, columns=["article_id", "quote_id", "line", "start", "end", "text", "kind", "cue",
                                           "speaker", "speaker_start", "speaker_end", "speaker_type", "n_words"])
    lines = []
    for n, line in enumerate(RAW.split("\n"), start=1):
        s = sum(len(x) + 1 for x in RAW.split("\n")[:n - 1])
        label = "boilerplate" if line == "Leave a Reply" else ("" if not line else "content")
        lines.append(("a1", n, s, s + len(line), line, not line, label, "", ""))
    lines = pd.DataFrame(lines, columns=["article_id", "line", "start", "end", "text", "blank", "label", "role", "reason"])
    return content, quotes, lines, {"a1": RAW}


@pytest.fixture(scope="module")
def scored():
    content, quotes, lines, texts = fixture()
    return S.score(content, quotes, lines, texts)


def rows(scored, scope):
    ss = scored["sentiment_sentences"]
    return ss[ss["scope"] == scope].reset_index(drop=True)


def test_body_and_headline_are_separate(scored):
    assert rows(scored, "headline")["sentence"].tolist() == [1]
    assert rows(scored, "body")["sentence"].tolist() == [2, 3, 4]


def test_narrator_is_the_sentence_without_its_quote(scored):
    narrator = rows(scored, "narrator").set_index("sentence")
    assert 3 not in narrator.index                      # nothing but a quote: no narrator voice
    assert narrator.loc[2, "compound"] == pytest.approx(S.polarity("Officials said on Friday.")[0])
    assert narrator.loc[2, "compound"] == 0.0           # the negative words are the source's, not the outlet's
    assert narrator.loc[4, "compound"] == rows(scored, "body").set_index("sentence").loc[4, "compound"]


def test_quoted_pieces_come_from_non_term_quotes_with_offsets(scored):
    quoted = rows(scored, "quoted")
    assert quoted["quote_id"].tolist() == [1, 2]
    assert [RAW[s:e] for s, e in zip(quoted["start"], quoted["end"])] == [
        "this is a terrible disaster", "We are delighted with the wonderful result."]
    assert quoted.loc[0, "compound"] < 0 < quoted.loc[1, "compound"]
    # a sentence that is one quote reuses its sentence score
    body = rows(scored, "body").set_index("sentence")
    assert quoted.loc[1, "compound"] == body.loc[3, "compound"]


def test_raw_adds_boilerplate_lines_as_units(scored):
    raw = rows(scored, "raw")
    assert len(raw) == 4 + 1
    extra = raw[raw["sentence"].isna()]
    assert [RAW[s:e] for s, e in zip(extra["start"], extra["end"])] == ["Leave a Reply"]
    assert extra["line"].tolist() == [5]


def test_every_row_points_at_its_evidence(scored):
    ss = scored["sentiment_sentences"]
    content = fixture()[0].set_index("sentence")
    for row in ss[ss["scope"].isin(["body", "headline", "narrator"])].itertuples():
        assert RAW[row.start:row.end] == content.loc[row.sentence, "text"]


def test_aggregate_counts_and_means(scored):
    agg = scored["sentiment"].set_index("scope")
    assert sorted(agg.index) == sorted(S.SCOPES)
    ss = scored["sentiment_sentences"]
    for scope in S.SCOPES:
        part = ss[ss["scope"] == scope]
        assert agg.loc[scope, "n_sentences"] == len(part)
        assert agg.loc[scope, "compound_mean"] == pytest.approx(part["compound"].mean())
    assert np.isnan(agg.loc["headline", "ci_low"])      # n = 1: no interval
    assert agg.loc["body", "ci_low"] <= agg.loc["body", "compound_mean"] <= agg.loc["body", "ci_high"]


def test_scores_are_deterministic():
    content, quotes, lines, texts = fixture()
    a, b = S.score(content, quotes, lines, texts), S.score(content, quotes, lines, texts)
    pd.testing.assert_frame_equal(a["sentiment"], b["sentiment"])


@pytest.mark.parametrize("curly, straight", [
    ("Hikvision doesn’t like it.", "Hikvision doesn't like it."),
    ("“This is great,” she said.", '"This is great," she said.'),
])
def test_curly_quotes_score_like_straight_ones(curly, straight):
    assert S.polarity(curly) == S.polarity(straight)


@pytest.mark.parametrize("text, spans, expected", [
    ("He said “bad news” today.", [(9, 17)], "He said today."),
    ("“All of it.”", [(1, 11)], ""),
    ("A “b” c “d” e", [(3, 4), (9, 10)], "A c e"),
    ("No quotes here.", [], "No quotes here."),
])
def test_remove_spans(text, spans, expected):
    assert S._remove_spans(text, spans) == expected


def test_empty_and_odd_input_do_not_crash():
    content, quotes, lines, texts = fixture()
    out = S.score(content.iloc[0:0], quotes.iloc[0:0], lines.iloc[0:0], {})
    assert out["sentiment"].empty and out["sentiment_sentences"].empty
    bad = quotes.assign(start=[None, 5, "x"], end=[10, 3, 4])           # missing, reversed, garbage offsets
    out = S.score(content, bad, lines, texts)
    assert (out["sentiment_sentences"]["scope"] == "quoted").sum() == 0
    assert S.entity_tone(out["sentiment_sentences"], bad, content, texts).columns.tolist() == S.ENTITY_COLUMNS


ENTITY_TEXTS = [
    "Regulators in Ottawa fined Acme Holdings on Monday.",
    "The company said it would appeal, Acme added.",
    "Critics of Acme welcomed the decision.",
    "Shares of Acme fell sharply after the ruling.",
    "Ottawa said the fine was fair.",
    "Analysts said Acme faces a difficult year.",
    "Yesterday the board met.",
    "Meanwhile Ottawa praised the wonderful cooperation.",
]


def entity_fixture():
    raw = " ".join(ENTITY_TEXTS)
    rows, at = [], 0
    for sid, sentence in enumerate(ENTITY_TEXTS, start=1):
        start = raw.index(sentence, at)
        rows.append(("e1", sid, 1, 1, start, start + len(sentence), sentence, "body"))
        at = start + len(sentence)
    content = pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    company = raw.index("The company")
    quotes = pd.DataFrame([("e1", 1, 1, company + 40, company + 45, "x", "direct", "said", "Acme",
                            company, company + len("The company"), "organization", 1)],
                          columns=["article_id", "quote_id", "line", "start", "end", "text", "kind", "cue",
                                   "speaker", "speaker_start", "speaker_end", "speaker_type", "n_words"])
    return content, quotes, {"e1": raw}


def test_entities_fold_aliases_and_use_resolved_speakers():
    content, quotes, texts = entity_fixture()
    scored = S.score(content, quotes.iloc[0:0], None, texts)["sentiment_sentences"]
    mentions, entities = S.entity_sentences(scored, quotes, content, texts)
    assert entities["entity"].tolist()[:2] == ["Acme", "Ottawa"]
    acme = entities.set_index("entity").loc["Acme"]
    assert "Acme Holdings" in acme["aliases"]
    assert sorted(mentions[mentions["entity"] == "Acme"]["sentence"]) == [1, 2, 3, 4, 6]
    # sentence-start capitals that never occur mid-sentence are not names
    assert not {"Yesterday", "Regulators", "Critics", "Shares", "Analysts", "The", "Meanwhile"} & set(entities["entity"])
    tone = S.entity_tone(scored, quotes, content, texts)
    overall = tone[(tone["entity"] == "Ottawa") & (tone["article_id"] == S.ALL_ARTICLES)].iloc[0]
    ottawa = mentions[mentions["entity"] == "Ottawa"]
    assert overall["n_sentences"] == len(ottawa) == 3
    assert overall["compound_mean"] == pytest.approx(ottawa["compound"].mean())
    for row in mentions.itertuples():
        assert texts["e1"][row.start:row.end] == ENTITY_TEXTS[row.sentence - 1]


def test_entities_fold_demonyms_and_capitals_into_their_country_and_drop_portfolios():
    sentences = ["On Friday Canada banned the firm.", "Later, Canadian officials praised the decision.",
                 "The order came from Ottawa after a review.", "Industry Minister Ann Lee signed it.",
                 "In the end the U.S. had acted first.", "Lawmakers in the United States agreed."]
    raw = " ".join(sentences)
    rows = [("e1", i, 1, 1, raw.index(t), raw.index(t) + len(t), t, "body") for i, t in enumerate(sentences, start=1)]
    content = pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    no_quotes = pd.DataFrame(columns=["article_id", "start", "end", "speaker", "speaker_start", "speaker_end", "kind"])
    scored = S.score(content, no_quotes, None, {"e1": raw})["sentiment_sentences"]
    mentions, entities = S.entity_sentences(scored, no_quotes, content, {"e1": raw})
    by_name = entities.set_index("entity")
    assert set(by_name.index) == {"Canada", "United States", "Ann Lee"}       # no "Industry", "Canadian", "U.S"
    assert by_name.loc["Canada", "n_sentences"] == 3 and "Ottawa" in by_name.loc["Canada", "aliases"]
    assert by_name.loc["United States", "n_sentences"] == 2


# ---- the fast entity reading against the per-sentence reading it replaced
# The capitalized-run pattern as first written: a repeated "word character, or joiner before one".
_TAIL_AS_WRITTEN = r"(?:[^\W_]|['\u2019\-.&](?=[^\W_]))*"
CAP_RUN_AS_WRITTEN = re.compile(rf"{S._CAPITAL}(?<![^\W_].){_TAIL_AS_WRITTEN}"
                                rf"(?:[ \u00a0](?:of[ \u00a0])?{S._CAPITAL}{_TAIL_AS_WRITTEN})*")
NAME_WORDS = ["Acme", "Acme’s", "Hikvision", "Canada", "Canadian", "Ottawa", "The", "the", "of", "Melanie", "Joly",
              "Minister", "Industry", "said", "U.S.", "2024", "Québec", "ÉTAT", "a", "—", "“Acme”", "iPhone",
              "O’Brien", "Government", "Critics", "x-Ray", "Ann-Lee", "AT&T", "_Acme", "Ω", "Ωmega", "12th", "Δ3"]
NAME_TEXT = st.lists(st.sampled_from(NAME_WORDS), max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from([" ", " ", "\u00a0", ", ", ". ", "  ", "-"]),
                           min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps)).strip()))


def _title_case_as_written(text):
    words = [w for w in T.words(text) if not w.isdigit()]
    if len(words) < S.TITLE_CASE_MIN_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= S.TITLE_CASE_SHARE


def _names_as_written(texts):
    """Names read one sentence at a time, as entity_sentences first did: ({(position, key)}, surfaces)."""
    mid, pending, mentions, surfaces = set(), [], set(), defaultdict(Counter)
    for i, text in enumerate(texts):
        first = re.search(r"[^\W_]", text)
        parts = [(surface, key, m.start() + offset == (first.start() if first else -1))
                 for m in CAP_RUN_AS_WRITTEN.finditer(text) for offset, surface, key in S._run_names(m.group())]
        if parts and _title_case_as_written(text):
            continue
        for surface, key, at_start in parts:
            surfaces[key][surface] += 1
            if at_start:
                pending.append((i, key))
            else:
                mentions.add((i, key))
                mid.add(key)
    for i, key in pending:
        rest = key.split()[1:]
        while rest and rest[0] in S.NAME_CONNECTORS:
            rest = rest[1:]
        rest = " ".join(rest)
        if key in mid or (rest and key.split()[0] in mid):
            mentions.add((i, key))
        elif rest and rest in mid:
            mentions.add((i, rest))
    return mentions, surfaces


@settings(max_examples=300, deadline=None)
@given(st.one_of(NAME_TEXT, st.text(alphabet="AaÉé Ω_'’-.&of1\u00a0", max_size=40)))
def test_capitalized_runs_and_titles_are_found_as_first_written(text):
    assert S.CAP_RUN_RE.findall(text) == CAP_RUN_AS_WRITTEN.findall(text)
    assert S._is_title_case(text) == _title_case_as_written(text)
    opens = bool(S._OPENS_WITH_CAPITAL_RE.match(text))
    runs = list(CAP_RUN_AS_WRITTEN.finditer(text))
    first = re.search(r"[^\W_]", text)
    assert opens == bool(runs and first and runs[0].start() == first.start())


@settings(max_examples=200, deadline=None)
@given(st.lists(NAME_TEXT, max_size=8), st.integers(1, 3))
def test_names_are_read_as_one_sentence_at_a_time(texts, batch):
    names, mentions, surfaces = S._read_names((first, texts[first:first + batch]) for first in range(0, len(texts), batch))
    keys = list(names)
    read = {(int(r), keys[k]) for rows, ids in mentions for r, k in zip(rows, ids)}
    expected, expected_surfaces = _names_as_written(texts)
    assert read == expected
    assert {k: c for k, c in surfaces.items() if c} == {k: c for k, c in expected_surfaces.items() if c}


def test_by_outlet_pools_sentences_of_an_outlet():
    content, quotes, lines, texts = fixture()
    two = pd.concat([content, content.assign(article_id="a2")], ignore_index=True)
    scored = S.score(two, quotes, None, {"a1": RAW, "a2": RAW})["sentiment_sentences"]
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["X", "X"]})
    out = S.by_outlet(scored, articles, "body").iloc[0]
    assert (out["outlet"], out["n_articles"], out["n_sentences"]) == ("X", 2, 6)


def test_aggregate_pos_neu_neg_are_the_means_of_each_article_and_scope():
    content, quotes, lines, texts = fixture()
    two = pd.concat([content, content.assign(article_id="a2").iloc[:2]], ignore_index=True)
    ss = S.score(two, quotes, lines, {**texts, "a2": RAW})["sentiment_sentences"]
    agg = S.aggregate(ss, ["a1", "a2", "a3"]).set_index(["article_id", "scope"])
    for (article, scope), part in ss.groupby(["article_id", "scope"]):
        for col in ("pos", "neu", "neg"):
            assert agg.loc[(article, scope), col] == pytest.approx(part[col].mean())
    assert agg.loc[("a3", "body"), "n_sentences"] == 0 and np.isnan(agg.loc[("a3", "body"), "pos"])


def test_cached_scores_equal_fresh_scores():
    text = "Officials said the ban was a “grave threat” to jobs, but welcomed the review."
    S._polarity_cached.cache_clear()
    assert S._polarity_cached(text) == S.polarity(text) == S._polarity_cached(text)


# Words VADER scores or treats as modifiers, punctuation, emoticons and emoji, in any order.
# Among them every word one of VADER's rules looks for: "no ... or", "least", "never so", "without
# doubt", "kind of", "but", boosters, the special-case idioms ("the bomb", "kiss of death") and "n't".
VADER_WORDS = ["a", "XYZ", "not", "very", "kind", "of", "but", "BUT", "good", "GREAT", "bad", "never", "no", "No",
               "or", "nor", "least", "at", "so", "this", "without", "doubt", "the", "bomb", "kiss", "death", "sort",
               "just", "enough", "didn't", "cannot", "hate", "EXTREMELY", "barely", "love", "İx", "threat",
               "welcomed", ":)", ":(", "😀", "💔", "é"]
VADER_PUNCTUATION = ["", "", "", ".", "!", "?", ",", "'", "’", "-", '"']
VADER_PIECES = st.one_of(
    st.lists(st.sampled_from(VADER_WORDS + VADER_PUNCTUATION + [" "]), max_size=30).map("".join),
    st.lists(st.tuples(st.sampled_from(VADER_PUNCTUATION), st.sampled_from(VADER_WORDS),
                       st.sampled_from(VADER_PUNCTUATION)).map("".join), max_size=25).map(" ".join))


@settings(max_examples=500, deadline=None)
@given(VADER_PIECES)
def test_analyzer_scores_as_stock_vader(text):
    # repr, not ==: -0.0 and 0.0 are equal but would not print the same in a table
    assert repr(S.analyzer().polarity_scores(text)) == repr(_stock_vader().polarity_scores(text))


def test_analyzer_scores_every_rule_window_as_stock_vader():
    """Every three words before a scored word and one after, from the words VADER's rules look at."""
    before = ["no", "or", "nor", "least", "at", "very", "never", "so", "this", "without", "doubt", "kind", "didn't",
              "mayn't", "the", "but", "XYZ"]            # "mayn't": a negation by its "n't" alone
    scored, after = ["good", "BAD", "bomb"], ["of", "good", "stop"]
    stock = _stock_vader()
    for a, b, c, word, d in itertools.product(before, before, before, scored, after):
        text = f"{a} {b} {c} {word} {d}"
        assert repr(S.analyzer().polarity_scores(text)) == repr(stock.polarity_scores(text)), text


def test_analyzer_scores_the_seeds_lines_as_stock_vader():
    stock = _stock_vader()
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            text = T.normalize(line)
            assert repr(S.analyzer().polarity_scores(text)) == repr(stock.polarity_scores(text)), text


def test_analyzer_scores_news_copy_as_stock_vader():
    stock = _stock_vader()
    for text in ["No good or bad news, at least not yet; never so happy, without doubt the bomb",
                 "It was NOT the worst, but the kiss of death for a good plan that barely worked",
                 "  Officials said the ban was a \"grave threat\" to jobs, but welcomed the review. ",
                 "It is kind of good, not bad at all!!!", "The company was VERY angry :(", "Great 😀 news 👍",
                 "Qu\u00e9bec's minister didn't like it", ""]:
        assert S.analyzer().polarity_scores(text) == stock.polarity_scores(text)


@lru_cache(maxsize=1)
def _stock_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def test_tone_extremes_rank_only_entities_with_enough_sentences():
    overall = pd.DataFrame({"entity": ["A", "B", "C", "D"], "n_sentences": [3, 12, 7, 20],
                            "compound_mean": [-0.9, -0.2, 0.4, 0.1]})
    low, high = S.tone_extremes(overall, min_sentences=5)
    assert (low["entity"], high["entity"]) == ("B", "C")          # A (3 sentences) is left out
    low, high = S.tone_extremes(overall, min_sentences=50)         # none has 50: all are ranked
    assert (low["entity"], high["entity"]) == ("A", "C")


# ---------------------------------------------------------------- score's column building against rows

def _score_by_rows(content, quotes, lines, texts):
    """The straightforward `score`: one tuple per unit, then a DataFrame of the rows (the code the
    column-wise build replaced), for comparison."""
    content = content if content is not None else pd.DataFrame()
    rows, n = [], len(content)
    col = lambda name, default=None: (content[name].tolist() if name in content.columns else [default] * n)
    art, sid, line, start, end, txt, role = (col("article_id"), col("sentence"), col("line"), col("start"),
                                             col("end"), col("text", ""), col("role", "body"))
    scores = [S._polarity_cached(t if isinstance(t, str) else "") for t in txt]
    body_by_article = defaultdict(list)
    for i in range(n):
        if role[i] != "headline":
            body_by_article[art[i]].append(i)
    pieces = _quote_pieces_by_table(quotes, body_by_article, start, end)
    for i in range(n):
        sc = scores[i]
        a, s, ln, st, en = art[i], sid[i], line[i], start[i], end[i]
        rows.append((a, s, None, ln, st, en, "raw", *sc))
        if role[i] == "headline":
            rows.append((a, s, None, ln, st, en, "headline", *sc))
            continue
        rows.append((a, s, None, ln, st, en, "body", *sc))
        overlap = pieces.get(i)
        if not overlap:
            rows.append((a, s, None, ln, st, en, "narrator", *sc))
            continue
        sentence_text = txt[i] if isinstance(txt[i], str) else ""
        narrator = S._remove_spans(sentence_text, [(ps - st, pe - st) for ps, pe, _ in overlap])
        narrator_has_words = bool(S.HAS_WORD_RE.search(narrator))
        if narrator_has_words:
            rows.append((a, s, None, ln, st, en, "narrator", *S._polarity_cached(narrator)))
        raw = texts.get(a, "") if isinstance(texts, dict) else ""
        for ps, pe, qid in overlap:
            piece = raw[ps:pe] if raw else sentence_text[ps - st:pe - st]
            if not S.HAS_WORD_RE.search(piece):
                continue
            piece_score = sc if (not narrator_has_words and len(overlap) == 1) else S._polarity_cached(piece)
            rows.append((a, s, qid, ln, ps, pe, "quoted", *piece_score))
    if lines is not None and len(lines) and "label" in lines.columns:
        keep = ~lines["blank"].astype(bool) & (lines["label"].fillna("").astype(str) != "content")
        extra = lines[keep]
        rows.extend((a, None, None, ln, st, en, "raw", *S._polarity_cached(str(t)))
                    for a, ln, st, en, t in zip(extra["article_id"].tolist(), extra["line"].tolist(),
                                                extra["start"].tolist(), extra["end"].tolist(), extra["text"].tolist()))
    sentences = S._sentence_frame(rows)
    article_ids = set(art)
    if lines is not None and "article_id" in getattr(lines, "columns", []):
        article_ids |= set(lines["article_id"].tolist())
    return {"sentiment": S.aggregate(sentences, sorted(article_ids, key=str)), "sentiment_sentences": sentences}


def _quote_pieces_by_table(quotes, body_by_article, start, end):
    """The straightforward `_quote_pieces`: non-term quotes filtered as a table, each cut at the body
    sentences it overlaps by a scan of all of them."""
    out = defaultdict(list)
    if quotes is None or len(quotes) == 0 or not {"article_id", "start", "end"} <= set(quotes.columns):
        return out
    q = quotes
    if "kind" in q.columns:
        q = q[q["kind"].fillna("").astype(str) != "term"]
    qids = q["quote_id"].tolist() if "quote_id" in q.columns else [None] * len(q)
    for a, qs, qe, qid in zip(q["article_id"].tolist(), q["start"].tolist(), q["end"].tolist(), qids):
        if a not in body_by_article or not S._is_int(qs) or not S._is_int(qe) or int(qe) <= int(qs):
            continue
        for i in sorted(body_by_article[a], key=lambda i: start[i]):
            ps, pe = max(int(qs), start[i]), min(int(qe), end[i])
            if pe > ps:
                out[i].append((ps, pe, qid))
    for pieces in out.values():
        pieces.sort(key=lambda p: p[0])
    return out


SENTENCE_TEXT = st.text(alphabet="ab ,.!?“”\"'’«»—Éé😀\u00a0good bad not terrible", max_size=40)


@st.composite
def scored_articles(draw):
    """Articles as content sentences (headline or body), quotes over them (direct or term, some odd:
    reversed, empty, across sentences, beyond the text) and non-content lines, over 1-3 articles."""
    content, quotes, lines, texts = [], [], [], {}
    for a in draw(st.lists(st.sampled_from(["a1", "a2", "b"]), min_size=1, max_size=3, unique=True)):
        sentences = draw(st.lists(st.tuples(SENTENCE_TEXT, st.sampled_from(["body", "headline", "summary"])),
                                  max_size=5))
        raw, at = "", 0
        for sid, (text, role) in enumerate(sentences, start=1):
            raw += text + "\n"
            content.append((a, sid, sid, sid, at, at + len(text), text, role))
            at += len(text) + 1
        if draw(st.booleans()):
            texts[a] = raw
        for qid in range(draw(st.integers(0, 4))):
            s = draw(st.integers(0, max(0, len(raw))))
            e = draw(st.integers(max(0, s - 3), len(raw) + 3))
            quotes.append((a, qid + 1, s, e, draw(st.sampled_from(["direct", "partial", "term"]))))
        for n, text in enumerate(draw(st.lists(SENTENCE_TEXT, max_size=3)), start=1):
            lines.append((a, 100 + n, at + n, at + n + len(text), text, not text.strip(),
                          draw(st.sampled_from(["boilerplate", "metadata", "content", None]))))
    content = pd.DataFrame(content, columns=["article_id", "sentence", "paragraph", "line", "start", "end",
                                             "text", "role"])
    quotes = pd.DataFrame(quotes, columns=["article_id", "quote_id", "start", "end", "kind"])
    if draw(st.booleans()) and len(quotes):            # odd offsets: missing, text
        quotes = quotes.astype({"start": object})
        quotes.loc[0, "start"] = draw(st.sampled_from([None, "x", "3", 2.0, 2.5]))
    if draw(st.booleans()):
        quotes = quotes.drop(columns=[draw(st.sampled_from(["quote_id", "kind"]))])
    lines = pd.DataFrame(lines, columns=["article_id", "line", "start", "end", "text", "blank", "label"])
    return content, quotes, lines, texts


@settings(max_examples=300, deadline=None)
@given(scored_articles(), st.sampled_from(["all", "no quotes", "no lines", "no content"]))
def test_score_builds_the_tables_the_rows_give(article, leave_out):
    content, quotes, lines, texts = article
    if leave_out == "no quotes":
        quotes = None
    elif leave_out == "no lines":
        lines = None
    elif leave_out == "no content":
        content = content.iloc[:0]
    expected = _score_by_rows(content, quotes, lines, texts)
    got = S.score(content, quotes, lines, texts)
    for name in ("sentiment_sentences", "sentiment"):
        pd.testing.assert_frame_equal(got[name], expected[name], check_exact=True)


def test_score_builds_the_tables_the_rows_give_on_the_fixture():
    content, quotes, lines, texts = fixture()
    for args in [(content, quotes, lines, texts), (content, None, None, {}), (None, None, lines, texts),
                 (content.assign(article_id=[1, 1, 2, 2]), quotes, None, {}),
                 (content.drop(columns=["sentence", "line", "role"]), quotes, lines, texts)]:
        expected, got = _score_by_rows(*args), S.score(*args)
        for name in ("sentiment_sentences", "sentiment"):
            pd.testing.assert_frame_equal(got[name], expected[name], check_exact=True)
