"""Issue 11: messy folders never crash a run, lose an article or change a number silently."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus as C
from analysis import pipeline
from conftest import (GOOD, MESSY, OTHER, assert_articles_complete, assert_conservation,
                      assert_offsets_valid, build, count_lines)

ROOT = Path(__file__).resolve().parent.parent


def run_case(tmp_path, name):
    spec = MESSY[name]
    folder = build(tmp_path / "corpus", spec)
    return spec, folder, pipeline.run(folder, workers=1)


@pytest.mark.parametrize("name", sorted(MESSY))
def test_messy_corpus_gives_statuses_problems_and_valid_tables(tmp_path, name):
    spec, folder, results = run_case(tmp_path, name)
    articles = results["articles"].set_index("file")
    for file, status in spec["statuses"].items():
        assert articles.at[file, "status"] == status, (file, articles.at[file, "problem"])
    for file, encoding in spec["encodings"].items():
        assert articles.at[file, "encoding"] == encoding
    for file, text in spec["texts"].items():
        assert results.texts[articles.at[file, "article_id"]] == text, "decoded text differs from what was written"
    problems = results["problems"]
    assert list(problems.columns[:4]) == ["file", "article_id", "problem", "action"]
    for fragment in spec["problems"]:
        assert problems["problem"].str.contains(fragment, regex=False).any(), (fragment, problems["problem"].tolist())
    if not spec["problems"] and not spec["folders"]:   # a clean input gives no loader problem
        assert C.load_corpus(folder, parse=False).problems.empty
    assert (problems["file"].str.len() > 0).all(), "a problem without a file"
    # every file whose status is not ok says why, in articles and in problems
    bad = results["articles"][results["articles"]["status"] != "ok"]
    assert (bad["problem"].str.len() > 0).all()
    assert set(bad["article_id"]) <= set(problems["article_id"])
    assert (problems["action"].str.len() > 0).all()
    assert_articles_complete(results, folder)
    if results.texts:
        assert_offsets_valid(results)
        assert_conservation(results)
        ok = results["articles"][results["articles"]["status"] == "ok"]
        for row in ok.itertuples():
            assert row.n_chars == len(results.texts[row.article_id])
            assert row.n_lines == count_lines(results.texts[row.article_id])
    assert (pipeline.check(results, stream=open(os.devnull, "w")) == 0) == (spec["exit_code"] == 0)


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=1200)


@pytest.mark.parametrize("name", sorted(set(MESSY) - {"single_line_5mb"}))
def test_cli_on_messy_corpus_warns_once_per_problem_and_never_tracebacks(tmp_path, name):
    spec = MESSY[name]
    folder = build(tmp_path / "corpus", spec)
    out = tmp_path / "tables"
    done = run_cli("tables", "--corpus", folder, "--out", out, "--workers", "1", "--quiet")
    assert "Traceback" not in done.stderr
    assert done.returncode == spec["exit_code"], done.stderr
    lines = done.stderr.splitlines()
    assert all(line.startswith(("warning: ", "error: ")) for line in lines), lines
    warnings = [line for line in lines if line.startswith("warning: ")]
    if done.returncode == 0:
        problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
        assert len(warnings) == len(problems)
        articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
        assert {"status", "problem", "encoding", "sha256"} <= set(articles.columns)
        assert not [line for line in lines if line.startswith("error: ")]
    else:
        errors = [line for line in lines if line.startswith("error: ")]
        assert len(errors) == 1 and not out.exists()


@pytest.mark.parametrize("name", ["duplicate_files", "cp1252_smart_quotes", "file_without_manifest_row"])
def test_strict_turns_any_problem_into_a_failure(tmp_path, name):
    folder = build(tmp_path / "corpus", MESSY[name])
    done = run_cli("tables", "--corpus", folder, "--out", tmp_path / "t", "--workers", "1", "--quiet", "--strict")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith("error: ") and "--strict" in done.stderr
    assert not (tmp_path / "t").exists()  # tables were written as the run went, then removed


def test_strict_passes_a_clean_corpus(tmp_path):
    folder = build(tmp_path / "corpus", MESSY["utf8_bom"])
    done = run_cli("tables", "--corpus", folder, "--out", tmp_path / "t", "--workers", "1", "--quiet", "--strict")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize("args,message", [
    (["--corpus", "/nonexistent/folder"], "does not exist"),
    (["--corpus", __file__], "not a folder"),
    (["--manifest", "/nonexistent/manifest.csv"], "does not exist"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    done = run_cli("tables", *args, "--out", tmp_path / "t", "--quiet")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and message in done.stderr


def test_unreadable_file_is_reported_and_skipped(tmp_path, monkeypatch):
    folder = build(tmp_path / "corpus", MESSY["empty_file"])
    (folder / "locked.txt").write_bytes(OTHER.encode())
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    results = pipeline.run(folder, workers=1)
    row = results["articles"].set_index("file").loc["locked.txt"]
    assert row["status"] == "unreadable" and "Permission denied" in row["problem"]
    assert "locked.txt" in set(results["problems"]["file"])
    assert_articles_complete(results, folder)
    assert_offsets_valid(results)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root reading the file "
                           "(test_unreadable_file_is_reported_and_skipped covers it in-process)")
def test_cli_unreadable_file_chmod(tmp_path):
    folder = build(tmp_path / "corpus", MESSY["empty_file"])
    locked = folder / "locked.txt"
    locked.write_bytes(OTHER.encode())
    locked.chmod(0)
    try:
        done = run_cli("tables", "--corpus", folder, "--out", tmp_path / "t", "--workers", "1", "--quiet")
    finally:
        locked.chmod(0o644)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "locked.txt" in done.stderr


def test_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    try:
        (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))).write_bytes(OTHER.encode())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    results = pipeline.run(folder, workers=1)
    names = set(results["articles"]["file"])
    assert "caf\ufffd.txt" in names
    assert results["articles"]["status"].eq("ok").all()
    out = pipeline.write_tables(results, tmp_path / "t")
    assert out and "not valid UTF-8" in " ".join(results["problems"]["problem"])
    done = run_cli("tables", "--corpus", folder, "--out", tmp_path / "t2", "--workers", "1", "--quiet")
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_duplicates_keep_the_first_copy_and_name_it(tmp_path):
    _, _, results = run_case(tmp_path, "duplicate_files")
    articles = results["articles"].set_index("file")
    assert articles.at["z copy.txt", "duplicate_of"] == articles.at["a.txt", "article_id"]
    assert articles.at["z copy.txt", "sha256"] == articles.at["a.txt", "sha256"] == hashlib.sha256(GOOD).hexdigest()
    assert sorted(results.texts) == ["a", "b"]


def test_manifest_outlets_and_extra_columns_are_carried(tmp_path):
    _, _, results = run_case(tmp_path, "manifest_misspelled_column")
    articles = results["articles"].set_index("file")
    assert articles.at["a.txt", "outlet"] == "Alpha" and articles.at["b.txt", "outlet"] == "Beta"
    _, _, results = run_case(tmp_path / "2", "manifest_missing_column")
    articles = results["articles"].set_index("file")
    assert articles.at["a.txt", "section"] == "World" and articles.at["a.txt", "outlet"] == "a"


def test_missing_manifest_row_keeps_a_row_with_status_missing(tmp_path):
    _, _, results = run_case(tmp_path, "manifest_row_without_file")
    row = results["articles"].set_index("file").loc["gone.txt"]
    assert row["status"] == "missing" and row["outlet"] == "Gamma" and row["n_chars"] == 0


@pytest.mark.parametrize("data,status,encoding", [
    (b"", None, ""),
    (b"plain ascii", "ok", "utf-8"),
    ("caf\u00e9 \u201cq\u201d".encode(), "ok", "utf-8"),
    (b"\xef\xbb\xbfbom", "ok", "utf-8-sig"),
    ("\u201cq\u201d".encode("utf-16"), "ok", "utf-16"),
    ("text".encode("utf-32"), "ok", "utf-32"),
    ("\u201cq\u201d it\u2019s".encode("cp1252"), "ok", "cp1252"),
    (b"caf\xe9 " * 30 + b"\x81", "ok", "latin-1"),
    (b"\xff\xfe\x00\xd8", None, "utf-16"),          # BOM, then a lone surrogate
    (b"abc\x00def", None, "binary"),
    (bytes(range(1, 32)) * 3, None, "utf-8"),
])
def test_decode_chain(data, status, encoding):
    text, used, problem = C.decode(data) if data else (None, "", "")
    if status == "ok":
        assert text is not None and used == encoding
        assert (problem != "") == (encoding in ("cp1252", "latin-1"))
        assert text.encode(encoding) == data
    else:
        assert text is None and (not data or problem)
        if data:
            assert used == encoding


def test_two_runs_write_byte_identical_tables(tmp_path):
    folder = build(tmp_path / "corpus", MESSY["duplicate_files"])
    for name in ("cp1252_smart_quotes", "quotes_nested", "mixed_line_endings"):
        for file, data in MESSY[name]["files"].items():
            (folder / f"{name}-{file}").write_bytes(data)
    first = pipeline.write_tables(pipeline.run(folder, workers=1), tmp_path / "one")
    second = pipeline.write_tables(pipeline.run(folder, workers=1), tmp_path / "two")
    parallel = pipeline.write_tables(pipeline.run(folder, workers=2, chunk_size=1), tmp_path / "par")
    assert [p.name for p in first] == [p.name for p in second] == [p.name for p in parallel]
    for a, b, c in zip(first, second, parallel):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert a.read_bytes() == c.read_bytes(), f"{a.name} differs between 1 and 2 workers"


def test_seeds_keep_offsets_and_conservation():
    results = pipeline.run(ROOT / "seeds", workers=1)
    checked = assert_offsets_valid(results)
    assert {"lines.start", "paragraphs.start", "sentences.start", "content.start"} <= set(checked)
    assert_conservation(results)
    assert (results["articles"]["status"] == "ok").all()
