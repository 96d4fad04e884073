"""Issue 3, corpus model: traceable lines, paragraphs and sentences for any folder of articles."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus as C
from analysis.paths import DATA, SEEDS
from conftest import ARTICLE, MESSY, assert_offsets_valid, build, count_lines


@pytest.fixture(scope="module")
def seeds():
    return C.load_corpus(SEEDS, DATA / "articles.csv")


def raw_lines(raw: str) -> list[str]:
    """The file's lines as an editor shows them, blank ones included."""
    parts = re.split(r"\r\n|\r|\n", raw)
    return parts[:-1] if parts and parts[-1] == "" else parts


def test_seeds_sha256_match_the_list_in_data(seeds):
    expected = pd.read_csv(DATA / "seeds.sha256.csv")
    got = seeds.articles.set_index("file")["sha256"]
    assert len(got) == len(expected) == len(list(SEEDS.glob("*.txt")))
    for row in expected.itertuples():
        assert got[row.file] == row.sha256 == hashlib.sha256((SEEDS / row.file).read_bytes()).hexdigest()


def test_seed_manifest_gives_outlets_and_evidence(seeds):
    manifest = pd.read_csv(DATA / "articles.csv", dtype=str)
    articles = seeds.articles.set_index("file")
    for row in manifest.itertuples():
        assert articles.at[row.file, "outlet"] == row.outlet
        assert articles.at[row.file, "evidence"] == row.evidence
    assert articles.at["000_26663122da7ddd55.txt", "outlet"] == "USA Trending News"
    assert seeds.problems.empty


def test_articles_columns_and_counts(seeds):
    articles = seeds.articles
    assert list(articles.columns[:len(C.ARTICLE_COLUMNS)]) == C.ARTICLE_COLUMNS
    assert list(articles["article_id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for row in articles.itertuples():
        raw = seeds.texts[row.article_id]
        assert raw == (SEEDS / row.file).read_text(encoding="utf-8")
        assert (row.status, row.encoding, row.n_chars, row.n_lines) == ("ok", "utf-8", len(raw), count_lines(raw))


def corpora(tmp_path_factory):
    yield "seeds", C.load_corpus(SEEDS, DATA / "articles.csv")
    for name in ("crlf", "cr", "mixed_line_endings", "no_blank_lines", "utf16_bom", "cp1252_smart_quotes",
                 "quotes_nested", "odd_file_names"):
        yield name, C.load_corpus(build(tmp_path_factory.mktemp(name), MESSY[name]))


@pytest.fixture(scope="module")
def all_corpora(tmp_path_factory):
    return dict(corpora(tmp_path_factory))


@pytest.mark.parametrize("table", ["lines", "paragraphs", "sentences"])
def test_raw_start_end_is_the_text_for_every_row(all_corpora, table):
    for name, corpus in all_corpora.items():
        rows = getattr(corpus, table)
        assert len(rows), (name, table)
        assert set(rows["article_id"]) == set(corpus.texts), name
        assert f"{table}.start" in assert_offsets_valid({table: rows}, corpus.texts), name


def test_line_numbers_match_the_raw_file_with_blank_lines_kept(all_corpora):
    for name, corpus in all_corpora.items():
        for article_id, raw in corpus.texts.items():
            rows = corpus.lines[corpus.lines["article_id"] == article_id]
            assert list(rows["text"]) == raw_lines(raw), (name, article_id)
            assert list(rows["line"]) == list(range(1, len(rows) + 1))
            assert list(rows["blank"]) == [not t.strip() for t in rows["text"]]


def test_sentences_lie_inside_their_paragraph_and_paragraphs_cover_nonblank_lines(all_corpora):
    for name, corpus in all_corpora.items():
        paragraphs = corpus.paragraphs.set_index(["article_id", "paragraph"])
        for row in corpus.sentences.itertuples():
            para = paragraphs.loc[(row.article_id, row.paragraph)]
            assert para["start"] <= row.start < row.end <= para["end"], (name, row)
        for article_id, rows in corpus.lines.groupby("article_id"):
            nonblank = set(rows.loc[~rows["blank"], "line"])
            paras = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
            covered = {n for first, last in zip(paras["line_first"], paras["line_last"]) for n in range(first, last + 1)}
            assert nonblank <= covered and covered <= set(rows["line"]), (name, article_id)


def test_paragraphs_in_blank_line_separated_copy(seeds):
    paras = seeds.paragraphs[seeds.paragraphs["article_id"] == "000_26663122da7ddd55"]
    lines = seeds.lines[(seeds.lines["article_id"] == "000_26663122da7ddd55") & ~seeds.lines["blank"]]
    assert list(paras["text"]) == list(lines["text"])
    assert (paras["line_first"] == paras["line_last"]).all()


def test_paragraphs_in_one_line_per_paragraph_copy(seeds):
    """Seed 004 separates paragraphs with single newlines: each line is its own paragraph."""
    article_id = "004_c49806ebd62edebe"
    raw = seeds.texts[article_id]
    assert "\n\n" not in raw.strip().split("\n", 2)[-1]     # no blank lines after the headline
    paras = seeds.paragraphs[seeds.paragraphs["article_id"] == article_id]
    nonblank = [line for line in raw_lines(raw) if line.strip()]
    assert list(paras["text"]) == nonblank and len(paras) > 5


WRAPPED = (
    "Canada orders a surveillance camera maker to close\n"
    "\n"
    "The federal government ordered the Chinese surveillance camera maker\n"
    "to cease operations in Canada on Friday, after a national security\n"
    "review of the company's business found risks it would not describe.\n"
    "\n"
    "The company said it would challenge the order in federal court and\n"
    "that it had followed Canadian law since it opened its first office\n"
    "in the country more than a decade ago, according to its statement.\n"
)


def test_hard_wrapped_text_joins_lines_into_paragraphs():
    parsed = C.parse_article("w", WRAPPED)
    paragraphs = [(first, last) for _, _, first, last, _, _, _ in parsed["paragraphs"]]
    assert paragraphs == [(1, 1), (3, 5), (7, 9)]
    sentences = [text for *_, text in parsed["sentences"]]
    assert sentences[1].startswith("The federal government") and sentences[1].endswith("would not describe.")
    assert "\n" in sentences[1]


@pytest.mark.parametrize("text,expected", [
    ("The U.S. and Canada acted. Ottawa said so.", ["The U.S. and Canada acted.", "Ottawa said so."]),
    ("Hangzhou Hikvision Digital Technology Co., Ltd., has been sanctioned. It objects.",
     ["Hangzhou Hikvision Digital Technology Co., Ltd., has been sanctioned.", "It objects."]),
    ("The firm, Acme Co. Ltd. of China, objected. Nothing changed.",
     ["The firm, Acme Co. Ltd. of China, objected.", "Nothing changed."]),
    ("A flag hangs in Beijing on Oct. 8, 2019. (AP Photo)", ["A flag hangs in Beijing on Oct. 8, 2019.", "(AP Photo)"]),
    ("Industry Minister Ms Joly spoke. Mr. Champagne did not.", ["Industry Minister Ms Joly spoke.", "Mr. Champagne did not."]),
    ("Author J. K. Rowling agreed. So did others.", ["Author J. K. Rowling agreed.", "So did others."]),
])
def test_sentences_split_on_news_abbreviations(text, expected):
    parsed = C.parse_article("x", text)
    assert [row[-1] for row in parsed["sentences"]] == expected


def test_fixture_article_sentences():
    parsed = C.parse_article("x", ARTICLE)
    texts = [row[-1] for row in parsed["sentences"]]
    assert "OTTAWA (Reuters) - The U.S. and Canada said on Monday that Acme Co. would close its offices." in texts
    assert "By J. K. Rowling | Oct. 8, 2025" in texts


def test_manifest_in_the_folder_is_used_and_not_read_as_an_article(tmp_path):
    folder = build(tmp_path / "c", MESSY["file_without_manifest_row"])
    corpus = C.load_corpus(folder)
    assert "articles.csv" not in set(corpus.articles["file"])
    assert corpus.articles.set_index("file").at["a.txt", "outlet"] == "Alpha"


def test_ids_from_file_names_without_a_manifest(tmp_path):
    folder = build(tmp_path / "c", MESSY["odd_file_names"])
    corpus = C.load_corpus(folder)
    assert sorted(corpus.articles["article_id"]) == sorted(["my article \u00e9t\u00e9 \u2014 2025", "\u65b0\u95fb", "UPPER"])
    assert (corpus.articles["outlet"] == corpus.articles["article_id"]).all()


def test_same_stem_gets_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text("First text.")
    (tmp_path / "a.TXT").write_text("Second text.")
    corpus = C.load_corpus(tmp_path)
    assert sorted(corpus.articles["article_id"]) == ["a", "a-2"]


def test_empty_tables_keep_their_types():
    empty = C.parse_texts({})
    assert empty["lines"]["blank"].dtype == bool and empty["lines"]["start"].dtype == "int64"
    assert empty["lines"][~empty["lines"]["blank"]].empty      # boolean masks work on zero rows


def test_a_file_over_the_size_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(C, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 11)
    (tmp_path / "small.txt").write_text("ok")
    corpus = C.load_corpus(tmp_path)
    assert corpus.articles.set_index("file").at["big.txt", "status"] == "skipped"
    assert list(corpus.texts) == ["small"]


def test_missing_folder_and_missing_manifest_are_errors(tmp_path):
    with pytest.raises(C.CorpusError, match="does not exist"):
        C.load_corpus(tmp_path / "nope")
    with pytest.raises(C.CorpusError, match="does not exist"):
        C.load_corpus(SEEDS, tmp_path / "nope.csv")


HTML_PAGE = """<html><head><title>Canada orders Hikvision out</title></head>
<body>
<h1>Canada orders Hikvision to cease operations</h1>
<p>OTTAWA &mdash; The federal government has ordered Hikvision to shut down.</p>
<p>&ldquo;We strongly disagree,&rdquo; the company said.</p>
</body></html>
"""


@pytest.mark.parametrize("text, html", [
    (HTML_PAGE, True),
    ("<!DOCTYPE html>\nA page with nothing else marked up.", True),
    ("<p>One</p>\n<p>Two</p>\n<div>Three</div>\n<p>Four</p>\n<br/>Five", True),       # a fragment, no <html>
    ("A story about HTML: the <p> tag opens a paragraph and </p> closes it.", False),   # prose naming tags
    ("Shares rose <5% as profits fell >3%; a<b and c>d.", False),
    ("", False),
])
def test_looks_like_html(text, html):
    assert C.looks_like_html(text) is html


def test_an_html_page_saved_as_txt_is_analysed_and_reported(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "page.txt").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "plain.txt").write_text("Headline\n\nThe company said it would appeal.\n", encoding="utf-8")
    loaded = C.load_corpus(folder)
    rows = loaded.articles.set_index("article_id")
    assert rows.loc["page", "status"] == "ok" and "HTML" in rows.loc["page", "problem"]
    assert rows.loc["plain", "problem"] == ""
    assert set(loaded.texts) == {"page", "plain"}
    assert loaded.problems["file"].tolist().count("page.txt") == 1


# ---------------------------------------------------------------- a corpus kept in folders

@pytest.fixture
def nested(tmp_path):
    root = tmp_path / "corpus"
    for relative in ("cnn/2025/a.txt", "bbc/a.txt", "top.txt", ".cache/skip.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(f"Headline of {relative}\n\nBody of {relative}, said Ann Lee.\n", encoding="utf-8")
    (root / "link").symlink_to(root / "bbc", target_is_directory=True)
    return root


def test_sub_folders_are_reported_and_not_read_by_default(nested):
    loaded = C.load_corpus(nested)
    assert loaded.articles["file"].tolist() == ["top.txt"]
    folders = loaded.problems[loaded.problems["problem"] == "a sub-folder"]["file"].tolist()
    assert folders == [".cache/", "bbc/", "cnn/", "link/"]
    assert all("--recursive" in action for action in loaded.problems["action"] if "sub-folders" in action)


def test_recursive_reads_sub_folders_names_files_by_path_and_takes_the_first_folder_as_outlet(nested):
    loaded = C.load_corpus(nested, recursive=True)
    articles = loaded.articles.set_index("file")
    assert articles.index.tolist() == ["bbc/a.txt", "cnn/2025/a.txt", "top.txt"]
    assert articles["article_id"].tolist() == ["bbc/a", "cnn/2025/a", "top"]
    assert articles["outlet"].tolist() == ["bbc", "cnn", "top"]
    assert loaded.texts["cnn/2025/a"].startswith("Headline of cnn/2025/a.txt")
    # a hidden folder and a link to a folder are not read, and say so
    assert set(zip(loaded.problems["file"], loaded.problems["problem"])) == {
        (".cache/", "a hidden folder"), ("link/", "a link to a folder")}


def test_recursive_manifest_matches_paths_and_unique_bare_names(nested):
    (nested / "articles.csv").write_text("file,outlet\ncnn/2025/a.txt,CNN\ntop.txt,Top\nbbc\\a.txt,BBC\n",
                                         encoding="utf-8")
    articles = C.load_corpus(nested, recursive=True).articles.set_index("file")
    assert articles.loc[["bbc/a.txt", "cnn/2025/a.txt", "top.txt"], "outlet"].tolist() == ["BBC", "CNN", "Top"]
    # a bare name matches when one file has it; "a.txt" is two files' name, so it matches neither
    (nested / "articles.csv").write_text("file,outlet\ntop.txt,Top\na.txt,Which\n", encoding="utf-8")
    loaded = C.load_corpus(nested, recursive=True)
    articles = loaded.articles.set_index("file")
    assert articles.loc["top.txt", "outlet"] == "Top"
    assert articles.loc["a.txt", "status"] == "missing"
    assert articles.loc[["bbc/a.txt", "cnn/2025/a.txt"], "outlet"].tolist() == ["bbc", "cnn"]
    assert "analysed with its folder as outlet" in set(loaded.problems["action"])
