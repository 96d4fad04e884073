"""The report: nested evidence marks, the outlet summary and its sentences, the build and its failures."""
import html
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis import plots, report, summary
from analysis.pipeline import Results
from analysis.report import Span

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_MANY = FIXTURES / "corpus_many"
TAG_RE = re.compile(r"<[^>]+>")


def strip_tags(markup: str) -> str:
    return html.unescape(TAG_RE.sub("", markup))


def link_free(markup: str) -> str:
    """The markup without the reuse link markers (they add text that is not in the article)."""
    return re.sub(r'<a class="reuse-link"[^>]*>.*?</a>', "", markup)


# ---------------------------------------------------------------- render_spans

@pytest.mark.parametrize("raw, spans, expected", [
    ("a < b & c", [], "a &lt; b &amp; c"),
    ('say "hi"', [Span(4, 8, "quote", "q")], 'say <span class="q">&quot;hi&quot;</span>'),
    # nested: the longer span is the outer one
    ("abcdef", [Span(2, 4, "frame", "fr"), Span(0, 6, "line", "noise")],
     '<span class="noise">ab<span class="fr">cd</span>ef</span>'),
    # crossing spans: the inner one is closed and reopened, never mis-nested
    ("abcdef", [Span(0, 4, "quote", "q"), Span(2, 6, "reuse", "reuse")],
     '<span class="q">ab<span class="reuse">cd</span></span><span class="reuse">ef</span>'),
    # the same range: lines outside quotes outside frames
    ("xy", [Span(0, 2, "frame", "fr"), Span(0, 2, "line", "noise")],
     '<span class="noise"><span class="fr">xy</span></span>'),
    # empty, reversed and out-of-range spans are ignored
    ("abc", [Span(1, 1, "quote", "q"), Span(2, 1, "quote", "q"), Span(0, 9, "quote", "q")], "abc"),
    # title and style are escaped; a linked span is followed by its marker
    ("ab", [Span(0, 2, "reuse", "reuse", 'with "x" <b>', "", "x.html", "↗ X")],
     '<span class="reuse" title="with &quot;x&quot; &lt;b&gt;">ab</span>'
     '<a class="reuse-link" href="x.html" title="with &quot;x&quot; &lt;b&gt;">↗ X</a>'),
    ("a\nb", [Span(0, 3, "line", "noise", "", "color:red")], '<span class="noise" style="color:red">a\nb</span>'),
])
def test_render_spans(raw, spans, expected):
    assert report.render_spans(raw, spans) == expected


span_lists = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(list(report.KIND_ORDER))),
                      max_size=8)


@settings(max_examples=200, deadline=None)
@given(raw=st.text(alphabet='ab <>&"\n“”', max_size=30), spans=span_lists)
def test_render_spans_keeps_the_text_and_nests_properly(raw, spans):
    markup = report.render_spans(raw, [Span(s, e, k, f"c-{k}") for s, e, k in spans])
    assert strip_tags(markup) == raw
    depth = 0
    for tag in re.findall(r"</?span", markup):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0


# ---------------------------------------------------------------- evidence from the tables

RAW_A = 'Daily News\nMinister Ana Silva said: "The ban is lawful."\nThe company will appeal in court.\n'
RAW_B = "Other paper\nThe company will appeal in court.\n"


def make_results(with_stages: bool = True) -> Results:
    """Two hand-made articles with one mark of every kind, offsets counted on RAW_A and RAW_B."""
    texts = {"a1": RAW_A, "b1": RAW_B}
    q_start = RAW_A.index("The ban")
    appeal_a, appeal_b = RAW_A.index("The company"), RAW_B.index("The company")
    articles = pd.DataFrame({"article_id": ["a1", "b1", "c1"], "file": ["a1.txt", "b1.txt", "c1.txt"],
                             "outlet": ["Daily", "Other", "Gone"], "status": ["ok", "ok", "empty"],
                             "noise_share_lines": [1 / 3, 0.5, np.nan], "quote_share": [0.2, 0.0, np.nan],
                             "originality_share": [0.5, 0.0, np.nan]})
    tables = {"articles": articles, "problems": pd.DataFrame(columns=["file", "article_id", "problem", "action"])}
    lines = [("a1", 1, 0, 10, "metadata", "masthead", "first line, repeated in 3 articles"),
             ("a1", 2, 11, RAW_A.index("\nThe company"), "content", "headline", ""),
             ("b1", 1, 0, 11, "boilerplate", "navigation", "")]
    tables["lines"] = pd.DataFrame(lines, columns=["article_id", "line", "start", "end", "label", "role", "reason"])
    if with_stages:
        tables["quotes"] = pd.DataFrame([{
            "article_id": "a1", "quote_id": 1, "line": 2, "start": q_start, "end": q_start + len("The ban is lawful."),
            "text": "The ban is lawful.", "kind": "direct", "cue": "said", "speaker": "Ana Silva",
            "speaker_start": RAW_A.index("Ana"), "speaker_end": RAW_A.index(" said"), "speaker_type": "government",
            "n_words": 4}])
        tables["voices"] = pd.DataFrame({"article_id": ["a1"], "speaker_type": ["government"], "speaker": ["Ana Silva"],
                                         "n_words": [4], "n_quotes": [1]})
        tables["quote_stats"] = pd.DataFrame({"article_id": ["a1", "b1"], "quote_share": [0.2, 0.0]})
        court = RAW_A.index("court")
        tables["frame_hits"] = pd.DataFrame([{"article_id": "a1", "sentence": 3, "start": court, "end": court + 5,
                                              "frame": "legal_process", "term": "court", "voice": "narrator"}])
        tables["frames"] = pd.DataFrame({"article_id": ["a1", "b1"], "frame": ["legal_process", "economic"],
                                         "weight": [0.5, 0.2], "n_hits": [1, 1], "headline": [False, False],
                                         "lede": [True, False]})
        tables["frame_positions"] = pd.DataFrame({"article_id": ["b1"], "frame": ["economic"], "part": ["first"],
                                                  "n_hits": [1]})
        n = len("The company will appeal in court.")
        tables["reuse"] = pd.DataFrame([{"article_a": "a1", "line_a": 3, "article_b": "b1", "line_b": 2,
                                         "start_a": appeal_a, "end_a": appeal_a + n, "start_b": appeal_b,
                                         "end_b": appeal_b + n, "relation": "verbatim", "similarity": 1.0,
                                         "shared": "company; appeal; court"}])
        tables["sentiment_sentences"] = pd.DataFrame({
            "article_id": ["a1", "a1", "b1"], "sentence": [2, 3, 2], "start": [0, 0, 0], "end": [1, 1, 1],
            "scope": ["narrator", "narrator", "narrator"], "compound": [-0.5, -0.3, 0.4]})
        tables["readability"] = pd.DataFrame({
            "article_id": ["a1", "a1", "b1"], "text": ["content", "raw", "content"],
            "metric": ["flesch_kincaid_grade"] * 3, "value": [9.0, 4.0, 6.0], "ci_low": [8.0, 3.0, 5.0],
            "ci_high": [10.0, 5.0, 7.0]})
    return Results(tables=tables, texts=texts)


def test_every_span_points_at_its_evidence():
    results = make_results()
    spans = {s.kind + ":" + s.classes: s for s in report.article_spans("a1", results, lambda other: f"{other}.html")}
    raw = results.texts["a1"]
    assert raw[spans["line:noise metadata role-masthead"].start:spans["line:noise metadata role-masthead"].end] == "Daily News"
    assert "masthead" in spans["line:noise metadata role-masthead"].title
    quote = spans["quote:q q-government"]
    assert raw[quote.start:quote.end] == "The ban is lawful."
    assert "Ana Silva" in quote.title and report.SPEAKER_COLORS["government"] in quote.style
    speaker = spans["speaker:spk"]
    assert raw[speaker.start:speaker.end] == "Ana Silva"
    frame = spans["frame:fr"]
    assert raw[frame.start:frame.end] == "court"
    assert report.frame_colors(["economic", "legal_process"])["legal_process"] in frame.style
    reuse = spans["reuse:reuse verbatim"]
    assert raw[reuse.start:reuse.end] == "The company will appeal in court."
    assert reuse.link == "b1.html" and "Other" in reuse.link_text


def test_reuse_links_both_ways():
    results = make_results()
    (span,) = [s for s in report.article_spans("b1", results, lambda other: f"{other}.html") if s.kind == "reuse"]
    assert span.link == "a1.html"
    assert results.texts["b1"][span.start:span.end] == "The company will appeal in court."


@pytest.mark.parametrize("with_stages", [True, False])
def test_article_page_is_the_raw_text_with_a_legend(with_stages):
    results = make_results(with_stages)
    page = report.article_page("a1", results)
    body = page.split('<div class="nc-article">', 1)[1].rsplit("</div>", 1)[0]
    assert strip_tags(link_free(body)) == RAW_A
    assert 'class="legend"' in page and "http" not in page.replace('http-equiv', '')
    assert ('href="b1.html"' in page) is with_stages


def test_an_article_read_from_a_sub_folder_has_its_page_in_the_one_folder_of_pages(monkeypatch):
    # an id from a corpus read with --recursive holds folders: its page, and every link to it, joins them
    assert report.page_stem("cnn/2025/a") == "cnn__2025__a" and report.page_stem("a1") == "a1"
    monkeypatch.setenv(report.ARTICLES_URL_ENV, "../articles/")
    assert 'href="../articles/cnn__2025__a.html"' in report.article_link("cnn/2025/a")


def test_annotate_in_a_notebook_cell():
    results = make_results()
    shown = report.annotate("a1", results)
    assert "legend" in shown.data and "Ana Silva" in shown.data and "<body" not in shown.data
    assert "No analysed article" in report.annotate("nope", results).data


def test_headline_prefers_the_headline_line():
    results = make_results()
    assert report.headline("a1", results) == 'Minister Ana Silva said: "The ban is lawful."'
    assert report.headline("b1", results) == "Other paper"


# ---------------------------------------------------------------- the outlet summary

def test_outlet_summary_from_hand_made_tables():
    table = summary.outlet_summary(make_results()).set_index("outlet")
    assert list(table.index) == ["Daily", "Other"]  # the article that failed to load is not an outlet
    assert table.loc["Daily", "noise_share"] == pytest.approx(1 / 3)
    assert table.loc["Daily", "n_direct_quotes"] == 1 and table.loc["Other", "n_direct_quotes"] == 0
    assert table.loc["Daily", "top_voice"] == "government" and table.loc["Daily", "government_share"] == 1.0
    assert table.loc["Other", "top_voice"] == ""
    assert table.loc["Daily", "tone"] == pytest.approx(-0.4) and table.loc["Daily", "tone_n"] == 2
    assert table.loc["Daily", "tone_low"] <= -0.4 <= table.loc["Daily", "tone_high"]
    assert (table.loc["Daily", "grade"], table.loc["Daily", "grade_low"]) == (9.0, 8.0)  # content, not raw
    assert table.loc["Daily", "lead_frame"] == "legal_process"  # from the lede flag
    assert table.loc["Other", "lead_frame"] == "economic"  # from the first third
    assert table.loc["Other", "originality_share"] == 0.0


def test_outlet_summary_without_stage_tables():
    table = summary.outlet_summary(make_results(with_stages=False))
    assert len(table) == 2 and table["tone"].isna().all() and (table["top_frames"] == "").all()


def test_bootstrap_is_deterministic_and_brackets_the_mean():
    values = [0.1, -0.4, 0.3, 0.9, -0.2]
    assert summary.bootstrap_mean(values) == summary.bootstrap_mean(values)
    mean, low, high = summary.bootstrap_mean(values)
    assert low < mean < high and mean == pytest.approx(np.mean(values))
    assert np.isnan(summary.bootstrap_mean([0.5])[1]) and np.isnan(summary.bootstrap_mean([])[0])


@pytest.mark.parametrize("finding, expected", [
    (summary.finding_cruft, "Other carries the most cruft: 50% of non-blank lines"),
    (summary.finding_direct_quotes, "Other quotes no one directly"),
    (summary.finding_voices, "Daily gives most quoted words to government sources."),
    (summary.finding_lead_frame, "Other leads with the economic frame; Daily leads with the legal process frame."),
    (summary.finding_tone, "Daily writes in the most negative narrator tone (VADER compound -0.40)"),
    (summary.finding_grade, "Daily is the hardest to read (grade 9.0), Other the easiest (grade 6.0)."),
])
def test_findings_are_computed_from_the_tables(finding, expected):
    assert expected in finding(summary.outlet_summary(make_results()))


def test_least_original_names_who_it_shares_with():
    results = make_results()
    text = summary.finding_originality(summary.outlet_summary(results), results)
    assert text.startswith("Other is the least original: 0% of its content") and "sharing passages with Daily" in text


def test_findings_say_when_they_cannot_be_computed():
    findings = summary.key_findings(make_results(with_stages=False))
    assert sum(f.startswith("Cannot say") for f in findings) == 5  # quotes, voices, frames, tone, readability
    assert summary.key_findings(Results(tables={"articles": pd.DataFrame(columns=["article_id"])}, texts={})) == [
        "No article could be analysed, so there is nothing to compare."]


def test_summary_table_links_articles_only_in_the_report(monkeypatch):
    table = summary.outlet_summary(make_results())
    monkeypatch.delenv(report.ARTICLES_URL_ENV, raising=False)
    assert "<a " not in report.summary_table_html(table)
    monkeypatch.setenv(report.ARTICLES_URL_ENV, "../articles/")
    assert '<a href="../articles/a1.html">a1</a>' in report.summary_table_html(table)


def test_outlet_colours_stay_distinct_for_twelve_outlets():
    names = [f"Outlet {i:02d}" for i in range(12)]
    colors = plots.outlet_colors(names)
    assert len(set(colors.values())) == 12 and plots.outlet_colors(reversed(names)) == colors


def test_plots_save_only_under_the_report(tmp_path, monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    monkeypatch.delenv(plots.FIGURES_ENV, raising=False)
    plots.save(fig, "07-x", pd.DataFrame({"a": [1]}))
    assert not list(tmp_path.iterdir())
    monkeypatch.setenv(plots.FIGURES_ENV, str(tmp_path / "figures"))
    plots.save(fig, "07 x/y", pd.DataFrame({"a": [1]}))
    plt.close(fig)
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["07-x-y.csv", "07-x-y.png"]


# ---------------------------------------------------------------- the build

def write_notebook(path: Path, *code: str, title: str = "# Test notebook\n\nWhat this answers.") -> Path:
    cells = [new_markdown_cell(title),
             new_code_cell('corpus = "../seeds"\nmanifest = ""\ntables = ""', metadata={"tags": ["parameters"]})]
    cells += [new_code_cell(c) for c in code]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nbformat.write(nb, path)
    return path


PLOT_CELL = """\
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from analysis import pipeline, plots
results = pipeline.load(corpus, manifest, tables)
fig, ax = plt.subplots()
ax.bar(results.articles["article_id"], results.articles["n_words"])
plots.save(fig, "01-words", results.articles[["article_id", "n_words"]])
plt.show()"""


def test_build_writes_the_whole_layout(tmp_path, capsys):
    books = tmp_path / "notebooks"
    books.mkdir()
    committed = write_notebook(books / "01-count-words.ipynb", PLOT_CELL, title="# Count words\n\nHow long is each article?")
    before = committed.read_bytes()
    out = tmp_path / "out"
    assert report.build(CORPUS_MANY, None, out, progress=False, workers=1, notebook_dir=books) == 0
    assert committed.read_bytes() == before
    n_articles = len(list(CORPUS_MANY.glob("*.txt")))
    assert len(list((out / "html" / "articles").glob("*.html"))) == n_articles
    assert (out / "tables" / "articles.csv").exists() and (out / "notebooks" / "01-count-words.ipynb").exists()
    assert sorted(p.name for p in (out / "figures").iterdir()) == ["01-words.csv", "01-words.png"]
    full = (out / "html" / "full" / "01-count-words.html").read_text()
    reader = (out / "html" / "reader" / "01-count-words.html").read_text()
    code_input = re.compile(r'<div class="[^"]*\bjp-InputArea-editor\b')  # code cells, not Markdown
    assert code_input.search(full) and not code_input.search(reader)
    assert "data:image/png;base64," in reader and "cdnjs" not in reader and "<script src=" not in reader
    index = (out / "html" / "index.html").read_text()
    assert "How long is each article?" in index and 'href="reader/01-count-words.html"' in index
    assert index.count('href="articles/') == n_articles
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("report: ") and str(out / "html" / "index.html") in last


def test_a_failing_notebook_stops_the_report_with_its_name_and_cell(tmp_path, capsys):
    books = tmp_path / "notebooks"
    books.mkdir()
    write_notebook(books / "01-fine.ipynb", "x = 1")
    write_notebook(books / "02-broken.ipynb", "y = 2", "raise ValueError('no such column: tone')")
    out = tmp_path / "out"
    assert report.build(CORPUS_MANY, None, out, progress=False, workers=1, notebook_dir=books) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ("error: notebook 02-broken.ipynb failed in cell 4 (raise ValueError('no such column: tone')): "
                       "ValueError: no such column: tone")
    assert (out / "html" / "full" / "01-fine.html").exists() and (out / "tables" / "articles.csv").exists()
    assert (out / "notebooks" / "02-broken.ipynb").exists() and not (out / "html" / "index.html").exists()


def test_refresh_executes_committed_notebooks_in_place(tmp_path):
    path = write_notebook(tmp_path / "01-add.ipynb", "1 + 1", "print('two')")
    assert report.refresh_committed(tmp_path) == 0
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == [1, 2, 3]
    assert code[1].outputs[0]["data"]["text/plain"] == "2"
    assert not any("execution" in c.metadata or "papermill" in c.metadata for c in nb.cells)
    assert "papermill" not in nb.metadata


def test_describe_takes_the_first_markdown_cell(tmp_path):
    path = write_notebook(tmp_path / "03-x.ipynb", title="# Measure readability\n\nHow hard is each outlet to read?")
    assert report.describe(path) == ("Measure readability", "How hard is each outlet to read?")
