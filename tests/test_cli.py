"""`python -m analysis`: documented options, messages instead of tracebacks, exit codes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import __main__ as cli
from conftest import GOOD

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)


def test_help_documents_every_option():
    text = run("tables", "--help").stdout
    for option in ("--corpus", "--manifest", "--out", "--strict", "--workers", "--engine", "--format", "--quiet",
                   "--recursive"):
        assert option in text
    top = run("--help").stdout
    assert "tables" in top and "Exit codes" in top


def test_tables_on_the_seeds_write_the_corpus_tables(tmp_path):
    done = run("tables", "--out", tmp_path, "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "5 of 5 articles analysed" in done.stdout
    for name in ("articles", "lines", "paragraphs", "sentences", "problems"):
        assert (tmp_path / f"{name}.csv").exists()
    articles = pd.read_csv(tmp_path / "articles.csv", dtype=str)
    assert articles["outlet"].iloc[0] == "USA Trending News"


def test_a_folder_of_made_up_articles(tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "one.txt").write_bytes(GOOD)
    (corpus / "two.txt").write_text("A headline\n\nSome body text. \u201cA quote,\u201d she said.\n")
    done = run("tables", "--corpus", corpus, "--out", tmp_path / "out", "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    assert sorted(pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str)["article_id"]) == ["one", "two"]


@pytest.mark.parametrize("args", [["tables", "--workers", "0"], ["tables", "--workers", "x"], ["nope"],
                                  ["tables", "--engine", "spark"], []])
def test_usage_errors_exit_2(args):
    done = run(*args)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "usage:" in done.stderr


def test_empty_folder_exits_1_with_one_error_line(tmp_path):
    (tmp_path / "empty").mkdir()
    done = run("tables", "--corpus", tmp_path / "empty", "--out", tmp_path / "out", "--quiet")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "no article could be analysed" in errors[0]


def test_unexpected_exception_becomes_a_message(monkeypatch, capsys, tmp_path):
    from analysis import pipeline

    def boom(*args, **kwargs):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(pipeline, "run", boom)
    assert cli.main(["tables", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: RuntimeError: stage exploded (run with PYTHONDEVMODE=1 for details)"


def test_recursive_reads_a_corpus_kept_in_folders(tmp_path):
    corpus = tmp_path / "mine"
    (corpus / "outlet_a").mkdir(parents=True)
    (corpus / "outlet_a" / "one.txt").write_bytes(GOOD)
    (corpus / "two.txt").write_text("A headline\n\nSome body text. \u201cA quote,\u201d she said.\n")
    done = run("tables", "--corpus", corpus, "--out", tmp_path / "out", "--workers", "1", "--quiet", "--recursive")
    assert done.returncode == 0, done.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str)
    assert articles[["article_id", "outlet"]].values.tolist() == [["outlet_a/one", "outlet_a"], ["two", "two"]]
