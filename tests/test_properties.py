"""Property tests: random text with quote marks, line breaks, Unicode punctuation and control
characters never breaks the loader, the boilerplate classifier or the quote extractor."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import boilerplate, corpus as C, quotes
from conftest import assert_conservation, assert_offsets_valid

PIECES = [
    " ", "  ", "\n", "\n\n", "\r", "\r\n", "\r\n\r\n", "\t", "\u00a0", "\u2028", "\x0c", "\x00", "\x1b", "\x85",
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "`",
    ".", "!", "?", "...", "\u2026", ",", ":", ";", "-", "\u2014", "\u2013", "(", ")", "[", "]", "*", "\u2022",
    "said", "says", "Smith", "Mr.", "Ms", "U.S.", "Co.", "Ltd.", "Oct. 8", "J. K.", "the", "Canada", "he", "she",
    "Reuters", "Share", "Photo", "Advertisement", "\u00e9t\u00e9", "\u65b0\u95fb", "\U0001F600", "e\u0301",
    "\u200b", "\ufeff", "2025", "No. 1",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=80).map("".join)
FAST = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def structure(texts):
    tables = C.parse_texts(texts)
    tables["lines"] = boilerplate.label_lines(tables["lines"], boilerplate.furniture(texts))
    tables["content"] = boilerplate.content_sentences(tables["lines"], tables["sentences"])
    tables["content_paragraphs"] = boilerplate.content_paragraphs(tables["lines"], tables["paragraphs"])
    return tables


@FAST
@given(TEXT)
def test_loader_offsets_are_valid_and_lines_partition_the_text(raw):
    rows = C.parse_article("x", raw)
    tables = {name: C._typed(__import__("pandas").DataFrame(r, columns=cols)) for (name, r), cols in
              zip(rows.items(), (C.LINE_COLUMNS, C.PARAGRAPH_COLUMNS, C.SENTENCE_COLUMNS))}
    texts = {"x": raw}
    if raw:
        assert_offsets_valid(tables, texts)
        assert_conservation(tables, texts)
    else:
        assert all(len(t) == 0 for t in tables.values())
    for _, _, _, start, end, text in rows["sentences"]:
        assert text and text == text.strip()


@FAST
@given(TEXT)
def test_boilerplate_labels_every_nonblank_line_once(raw):
    if not raw.strip():
        return
    texts = {"x": raw}
    tables = structure(texts)
    assert len(tables["lines"]) == len(C.parse_texts(texts)["lines"])
    assert_conservation(tables, texts)
    assert_offsets_valid(tables, texts)
    noise = boilerplate.noise(tables["lines"])
    assert list(noise["article_id"]) == ["x"]


@FAST
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_quote_extractor_gives_valid_offsets(raws):
    texts = {f"a{i}": raw for i, raw in enumerate(raws) if raw.strip()}
    if not texts:
        return
    tables = structure(texts)
    found = quotes.extract(tables["content_paragraphs"], tables["content"], texts)
    assert {"quotes", "speech", "quote_stats", "voices"} <= set(found)
    assert set(found["quote_stats"]["article_id"]) <= set(texts)
    assert_offsets_valid({name: found[name] for name in ("quotes", "speech")}, texts)
    for row in found["quotes"].itertuples():
        assert row.start <= row.end
