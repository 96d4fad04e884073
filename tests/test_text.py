"""Offset-preserving text helpers: lines, the same-length normalized view, sentence spans."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import text as T

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("raw,expected", [
    ("", []),
    ("one", ["one"]),
    ("one\n", ["one"]),
    ("one\n\n", ["one", ""]),
    ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
    ("a\r\n\r\nb", ["a", "", "b"]),
    ("\n\na", ["", "", "a"]),
    ("a\r\rb", ["a", "", "b"]),
    ("a\u2028b\x0cc", ["a\u2028b\x0cc"]),       # only CR and LF end a line, as in an editor
])
def test_split_lines(raw, expected):
    spans = T.split_lines(raw)
    assert [raw[s:e] for _, s, e in spans] == expected
    assert [n for n, _, _ in spans] == list(range(1, len(expected) + 1))
    assert T.count_lines(raw) == len(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", " ", "\r", "\n", "\r\n", "\u2028"]), max_size=16).map("".join))
def test_count_lines_is_the_number_of_split_lines(raw):
    assert T.count_lines(raw) == len(T.split_lines(raw))


@pytest.mark.parametrize("raw,expected", [
    ("\u201cQuoted\u201d it\u2019s", '"Quoted" it\'s'),
    ("\u2018a\u2019 \u00aba\u00bb \u201ea\u201c", "'a' \"a\" \"a\""),
    ("10\u201320 \u2014 x\u00a0y\u202fz\tw", "10-20 - x y z w"),
    ("plain ascii\twith tab", "plain ascii with tab"),
    ("caf\u00e9 \U0001F600", "caf\u00e9 \U0001F600"),
])
def test_normalize_keeps_length(raw, expected):
    assert T.normalize(raw) == expected
    assert len(T.normalize(raw)) == len(raw)


def test_fold_and_words():
    assert T.fold("M\u00e9lanie Jol\u00ff\u2019s") == "melanie joly's"
    assert T.words("Canada\u2019s co-operation, U.S. 2025") == ["Canada\u2019s", "co-operation", "U", "S", "2025"]
    assert T.count_words("one two  three") == 3


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["ab", " ", "\r", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85",
                                 "\u2028", "\u2029", "\u00e9"]), max_size=16).map("".join))
def test_split_lines_ends_lines_at_cr_and_lf_only(raw):
    expected = [(n, *m.span(1)) for n, m in enumerate(T.LINE_RE.finditer(raw), start=1)]
    assert T.split_lines(raw) == expected
    starts, texts = T.line_texts(raw)
    assert [(s, s + len(t)) for s, t in zip(starts, texts)] == [(s, e) for _, s, e in expected]
    assert texts == [raw[s:e] for _, s, e in expected]


_WORD_PIECES = ["ab", "Z9", "_", "-", "'", "\u2019", " ", "\n", ".", "\u00e9", "\u00df", "\u0663", "\u2014",
                "\u00b2", "\u01c5", "\u2028", "\ud800"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=40).map("".join),
       st.integers(min_value=0, max_value=200))
def test_count_words_is_the_number_of_words(text, padding):
    # Padding with ASCII words sends mostly-ASCII text down the byte-class path; short
    # text full of non-ASCII characters goes to the regex.
    for variant in (text, "word " * padding + text, text + " x-y" * padding):
        assert T.count_words(variant) == len(T.words(variant))
        classes = "".join(c if c.isascii() else T._word_class(c) for c in variant).encode("ascii")
        assert T._count_word_classes(classes.translate(T._WORD_CLASS_TABLE)) == len(T.words(variant))


def sentences(text):
    return [text[s:e] for s, e in T.sentence_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("The U.S. government acted. Canada followed.", ["The U.S. government acted.", "Canada followed."]),
    ("Hikvision Digital Technology Co. Ltd. said no. It will appeal.",
     ["Hikvision Digital Technology Co. Ltd. said no.", "It will appeal."]),
    ("Acme Co. made cameras. Acme Ltd. did too.", ["Acme Co. made cameras.", "Acme Ltd. did too."]),
    ("It happened on Oct. 8, 2019 in Beijing. Then more.", ["It happened on Oct. 8, 2019 in Beijing.", "Then more."]),
    ("Ms Joly spoke. Mr. Champagne agreed.", ["Ms Joly spoke.", "Mr. Champagne agreed."]),
    ("Ms. Joly spoke. Dr. Smith and Sen. Jones agreed.", ["Ms. Joly spoke.", "Dr. Smith and Sen. Jones agreed."]),
    ("J. K. Rowling wrote it. She was paid.", ["J. K. Rowling wrote it.", "She was paid."]),
    ("\u201cWe will appeal.\u201d The company said so.", ["\u201cWe will appeal.\u201d", "The company said so."]),
    ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
    # a quoted question or exclamation that the sentence goes on after
    ("\"Really?\" he asked. \u201cWhy now?\u201d asked one analyst. \"Stop!\" The crowd fell silent.",
     ["\"Really?\" he asked.", "\u201cWhy now?\u201d asked one analyst.", "\"Stop!\"", "The crowd fell silent."]),
    ("   ", []),
    ("No final period", ["No final period"]),
])
def test_sentence_spans_on_news_abbreviations(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_offsets_are_shifted_and_trimmed():
    text = "  First one.  Second one.  "
    spans = T.sentence_spans(text, offset=100)
    assert spans == [(102, 112), (114, 125)]


def seed_paragraph_text() -> str:
    lines = [line.strip() for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()]
    return " ".join(line for line in lines if line) * 3


@pytest.mark.parametrize("window", [1_000, 4_000, 50_000])
def test_windowed_punkt_gives_the_same_sentences_as_one_pass(monkeypatch, window):
    text = seed_paragraph_text()
    one_pass = T.sentence_spans(text)
    monkeypatch.setattr(T, "PUNKT_WINDOW", window)
    assert len(text) > window or window == 50_000
    assert T.sentence_spans(text) == one_pass


def test_sentence_longer_than_a_window_is_cut_at_whitespace(monkeypatch):
    monkeypatch.setattr(T, "PUNKT_WINDOW", 100)
    text = "word " * 100 + "end."
    spans = T.sentence_spans(text)
    assert len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == len(text)
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and not text[e - 1:e + 1].isalpha()


def test_punkt_timeout_falls_back_to_a_plain_split(monkeypatch):
    class Slow:
        def span_tokenize(self, text):
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

        def text_contains_sentbreak(self, context):   # the fast path consults Punkt on unusual contexts
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

    monkeypatch.setattr(T, "sentence_tokenizer", lambda: Slow())
    text = "One here. Two \u201cthere.\u201d Three"
    assert [text[s:e] for s, e in T.sentence_spans(text)] == ["One here.", "Two \u201cthere.\u201d", "Three"]


def test_huge_paragraph_without_sentence_ends_is_one_pass_per_window():
    text = "word " * 1_000_000   # 5 MB, no period: windows keep it linear
    spans = T.sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
    assert all(e - s <= T.PUNKT_WINDOW for s, e in spans)


@pytest.mark.parametrize("text,expected", [
    ("He said no. It will appeal.", ["He said no.", "It will appeal."]),
    ("It is the No. 1 maker. Nos. 2 and 3 follow.", ["It is the No. 1 maker.", "Nos. 2 and 3 follow."]),
    ("See Fig. 3 and Vol. 2 for data. Done.", ["See Fig. 3 and Vol. 2 for data.", "Done."]),
    ("Read pp. 12-14 and Sec. 4 of the act. Done.", ["Read pp. 12-14 and Sec. 4 of the act.", "Done."]),
    ("Casino. 5 people came.", ["Casino.", "5 people came."]),
])
def test_number_abbreviations_only_hold_before_a_number(text, expected):
    assert sentences(text) == expected


# Contexts the fast path decides itself and contexts it hands to Punkt: both must give Punkt's answer.
PUNKT_CASES = [
    "Mr. Smith met Dr. Jones. Then they left.", "He met Mr. Smith.\" Then he left.", "It is Joly's. Then it ended.",
    "In 2019. the end", "It was 2019. Then over.", "J. K. Rowling. J. k. rowling. J. 8 more.", "Wait... What now? Yes.",
    "Hi!!! I promise.", "(Sent1.) Sent2.", "He said \"no.\" Then left.", "U.S. officials. U.S.\" Next.",
    "The co-op. Co. Ltd. said. It rose 2.5. It fell 1,000. Then.", "end. . . more", "x. ; y. : z. , w.",
    "é. É. ß. Ω. β. 5p. Next", "A.\u2028B. C.\n\nD.", " Lead space. Here.", "q.\"? r.' s.) t.] u.} v.* w.@",
    "Smith.—Then. Here .Now. --dash. -- Then.", "No. 1 and Nos. 2. Vol. 3 ends.", "i. v. Next. i. next.",
]


@pytest.mark.parametrize("text", PUNKT_CASES + [seed_paragraph_text()])
def test_fast_punkt_gives_punkt_spans(text):
    view = T.normalize(text)
    assert T._punkt_spans(view) == list(T.sentence_tokenizer().span_tokenize(view))


def test_punkt_time_limit_is_set_on_long_text_only():
    """Short text cannot take seconds (the patterns have no nested repeats); a whole window keeps the guard."""
    assert T._timeout("He said no. It will appeal.") is None
    assert T._timeout("x" * T.PUNKT_WINDOW) == T._PUNKT_TIMEOUT


def test_sentence_splitting_imports_nltk_without_scipy_stats_and_leaves_it_importable():
    """A worker that splits sentences does not pay for scipy.stats (NLTK's package imports it only for
    collocation statistics); a later `import scipy.stats` still works, and Punkt still decides."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from analysis import text as T\n"
        "spans = T.sentence_spans('Mr. Smith met Dr. Jones in the U.S. on Oct. 8. They talked.')\n"
        "assert 'nltk.tokenize.punkt' in sys.modules\n"
        "assert 'scipy.stats' not in sys.modules, 'scipy.stats was imported'\n"
        "import scipy.stats\n"
        "assert callable(scipy.stats.norm.cdf)\n"
        "print(len(spans))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"


def test_punkt_module_is_nltks_when_nltk_is_already_loaded():
    import nltk.tokenize.punkt as punkt

    assert T.punkt_module() is punkt
    assert isinstance(T.sentence_tokenizer(), punkt.PunktSentenceTokenizer)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60).map(lambda b: bytes(c if c not in b"\t\n\r\x0b\x0c" else 32 for c in b)))
def test_split_factorized_is_factorize_of_split(data):
    codes, pieces = T.split_factorized(data)
    expected_codes, expected = pd.factorize(np.array(data.split(), dtype=object)) if data.split() else ([], [])
    assert pieces == list(expected) and codes.tolist() == list(expected_codes)
