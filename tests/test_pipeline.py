"""The pipeline: chunking does not change results, tables are sorted and traceable, and they
round-trip through CSV and Parquet; `load` reads precomputed tables with lazily decoded texts."""
import json
import os
import tempfile
import time

import pandas as pd
import pytest

from analysis import pipeline
from analysis.paths import SEEDS


@pytest.fixture(scope="module")
def results():
    return pipeline.run(SEEDS, workers=1, chunk_size=5)


@pytest.mark.parametrize("n_articles,workers,expected", [
    (0, 2, 1), (1, 2, 1), (8, 2, 1), (9, 2, 2), (1000, 2, 125), (1000, 1, 250), (10_000, 2, 1000),
    (100_000, 2, 1000), (5, 4, 1),
])
def test_default_chunk_size(n_articles, workers, expected):
    assert pipeline.default_chunk_size(n_articles, workers) == expected


@pytest.mark.parametrize("ids,size,expected", [
    ([], 3, []), (["a"], 3, [["a"]]), (["a", "b", "c", "d"], 3, [["a", "b", "c"], ["d"]]),
    (["a", "b"], 1, [["a"], ["b"]]),
])
def test_chunked(ids, size, expected):
    assert pipeline.chunked(ids, size) == expected


def test_chunks_and_processes_do_not_change_any_table(results):
    # The stage contract: per-article tables concatenate across chunks, with no corpus-wide state.
    other = pipeline.run(SEEDS, workers=2, chunk_size=1)
    assert list(other.tables) == list(results.tables)
    for name in results.tables:
        pd.testing.assert_frame_equal(other[name], results[name], obj=name)


def test_pool_workers_leave_no_result_files_behind(tmp_path, monkeypatch):
    # Pool workers hand each chunk's tables back in a temporary file, read and removed by the run.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen = []
    load = pipeline._load_result
    monkeypatch.setattr(pipeline, "_load_result", lambda path: (seen.append(path), load(path))[1])
    pipeline.run(SEEDS, workers=2, chunk_size=2)
    assert len(seen) == 3 and all(path.startswith(str(tmp_path)) for path in seen)
    assert list(tmp_path.iterdir()) == []


def test_tables_are_sorted_by_their_keys(results):
    for name, table in results.tables.items():
        keys = [k for k in pipeline.TABLE_KEYS.get(name, []) if k in table.columns]
        assert table.index.equals(pd.RangeIndex(len(table))), name
        if keys and len(table):
            pd.testing.assert_frame_equal(table, table.sort_values(keys, kind="stable").reset_index(drop=True), obj=name)


def test_every_row_with_text_and_offsets_is_its_evidence(results):
    checked = 0
    for name, table in results.tables.items():
        if not {"article_id", "start", "end", "text"} <= set(table.columns):
            continue
        for row in table[["article_id", "start", "end", "text"]].itertuples(index=False):
            raw = results.texts[row.article_id]
            assert raw[int(row.start):int(row.end)] == row.text, (name, row)
            checked += 1
    assert checked > 100


def test_timings_cover_every_stage_and_the_wall_clock(results, tmp_path, monkeypatch):
    target = tmp_path / "timings.json"
    monkeypatch.setenv(pipeline.TIMINGS_ENV, str(target))
    pipeline.write_tables(results, tmp_path / "tables")
    assert set(pipeline.STAGES) <= set(results.timings)
    assert {"load", "per_article", "corpus_level", *pipeline.CORPUS_STAGES, "total", "tables"} <= set(results.wall)
    assert all(seconds >= 0 for seconds in results.timings.values())
    saved = json.loads(target.read_text())
    assert saved["timings"] == pytest.approx(results.timings) and saved["wall"] == pytest.approx(results.wall)


def test_no_timings_file_unless_asked(results, tmp_path, monkeypatch):
    monkeypatch.delenv(pipeline.TIMINGS_ENV, raising=False)
    written = pipeline.write_tables(results, tmp_path / "tables")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(p.name for p in written)


def test_csv_is_byte_identical_across_writes(results, tmp_path):
    first = pipeline.write_tables(results, tmp_path / "a")
    second = pipeline.write_tables(results, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_parquet_round_trips_exactly(results, tmp_path):
    written = pipeline.write_tables(results, tmp_path / "tables", fmt="parquet")
    assert {p.suffix for p in written} == {".parquet"} and len(written) == len(results.tables)
    back = pipeline.read_tables(tmp_path / "tables")
    assert sorted(back.tables) == sorted(results.tables)
    for name, table in results.tables.items():
        # Parquet stores text as strings, so an `object` column of text comes back as `str`; nothing else changes.
        pd.testing.assert_frame_equal(back[name], table, obj=name, check_dtype=False)
        for column in table.columns:
            if table[column].dtype != object:
                assert back[name][column].dtype == table[column].dtype, (name, column)


NASTY = pd.DataFrame({
    "text": pd.Series(["x,y", 'say "hi"', "line\nbreak", "cr\rx", "", None, " sp ", "\u00fcn\u00ef \u201cq\u201d", "\t"], dtype="str"),
    "loose": pd.Series(["1", None, 'q"', "", "x", "a,b", "z", "w", "v"], dtype=object),
    "score": [1.0, float("nan"), -0.0, 1e-7, 123456789.0, float("inf"), -float("inf"), 0.1234567, 2.5],
    "n": range(9),
    "maybe": pd.array([1, None, 3, 4, 5, 6, 7, 8, None], dtype="Int64"),
    "flag": [True, False] * 4 + [True],
})


@pytest.mark.parametrize("columns", [
    ["text", "score"], ["loose", "n"], ["score", "maybe", "flag"], list(NASTY.columns), ["text"], ["score"],
])
@pytest.mark.parametrize("rows", [slice(None), slice(0, 0), slice(5, 6)])
def test_write_csv_writes_what_pandas_writes(tmp_path, columns, rows):
    table = NASTY[columns].iloc[rows]
    pipeline.write_csv(table, tmp_path / "fast.csv")
    expected = table.to_csv(index=False, float_format=pipeline.FLOAT_FORMAT, lineterminator="\n")
    assert (tmp_path / "fast.csv").read_bytes() == expected.encode("utf-8")


def test_write_csv_hands_mixed_columns_to_pandas(tmp_path):
    table = pd.DataFrame({"mixed": [1, "a", None], "n": [1, 2, 3]})
    pipeline.write_csv(table, tmp_path / "mixed.csv")
    assert (tmp_path / "mixed.csv").read_text() == "mixed,n\n1,1\na,2\n,3\n"


def test_csv_round_trips_with_ids_as_text(results, tmp_path):
    pipeline.write_tables(results, tmp_path / "tables")
    back = pipeline.read_tables(tmp_path / "tables")
    assert sorted(back.tables) == sorted(results.tables)
    for name, table in results.tables.items():
        assert back[name].shape == table.shape, name
        assert list(back[name].columns) == list(table.columns), name
        for column in set(pipeline.ID_COLUMNS) & set(table.columns):
            assert back[name][column].fillna("").astype(str).tolist() == table[column].fillna("").astype(str).tolist()
    pd.testing.assert_frame_equal(back["articles"][["article_id", "n_words"]], results["articles"][["article_id", "n_words"]],
                                  check_dtype=False)


def test_load_reads_tables_and_decodes_texts_on_demand(results, tmp_path):
    pipeline.write_tables(results, tmp_path / "tables", fmt="parquet")
    loaded = pipeline.load(SEEDS, "", tmp_path / "tables")
    assert len(loaded.texts) == len(results.texts)
    assert sorted(loaded.texts) == sorted(results.texts)
    first = sorted(results.texts)[0]
    assert first in loaded.texts and "no such id" not in loaded.texts
    assert loaded.texts._cache == {}  # nothing decoded before it is asked for
    assert loaded.texts[first] == results.texts[first]
    assert dict(loaded.texts) == results.texts
    with pytest.raises(KeyError):
        loaded.texts["no such id"]


def test_load_falls_back_to_the_loader_without_an_articles_table(results, tmp_path):
    pipeline.write_tables(results, tmp_path / "tables")
    (tmp_path / "tables" / "articles.csv").unlink()
    loaded = pipeline.load(SEEDS, "", tmp_path / "tables")
    assert dict(loaded.texts) == results.texts


# ---------------------------------------------------------------- streaming to a TableWriter

@pytest.mark.parametrize("fmt,workers", [("csv", 2), ("parquet", 2), ("csv", 1)])
def test_a_streamed_run_writes_the_tables_of_an_in_memory_run(results, tmp_path, fmt, workers):
    # One article a chunk and two processes: the writer gets many chunks, out of step with the
    # workers, and the corpus-level stages write theirs from their own processes (with one
    # worker, from this one).
    writer = pipeline.TableWriter(tmp_path / "streamed", fmt)
    streamed = pipeline.run(SEEDS, workers=workers, chunk_size=1, writer=writer)
    written = pipeline.write_tables(streamed, writer)
    expected = pipeline.write_tables(results, tmp_path / "whole", fmt=fmt)
    assert [p.name for p in sorted(written)] == [p.name for p in sorted(expected)]
    assert "lines" in streamed.streamed and "lines" not in streamed.tables
    # what only speaker linking read is written before the corpus-level stages start; what they
    # read (content, quotes) is written beside them; the articles table's inputs stay in memory
    assert set(pipeline.SPEAKER_TABLES) <= set(streamed.streamed)
    assert {"content", "quotes"} <= set(streamed.streamed)
    assert {"noise", "problems"}.isdisjoint(streamed.streamed)
    assert {"reuse", "quote_fidelity", "entity_tone", "distinctive_words"} <= set(streamed.streamed)
    assert "originality" in streamed.tables and "originality" not in streamed.streamed
    assert not set(streamed.streamed) & set(streamed.tables)
    # the texts are not held after the per-article stages, but decode to the same on request
    assert isinstance(streamed.texts, pipeline.CorpusTexts) and dict(streamed.texts) == results.texts
    if fmt == "csv":
        for path in expected:
            assert (tmp_path / "streamed" / path.name).read_bytes() == path.read_bytes(), path.name
    else:
        back, whole = pipeline.read_tables(tmp_path / "streamed"), pipeline.read_tables(tmp_path / "whole")
        for name in whole.tables:
            pd.testing.assert_frame_equal(back[name], whole[name], obj=name)
    assert sorted(p.name for p in (tmp_path / "streamed").iterdir()) == sorted(p.name for p in written)


def test_csv_chunks_append_to_the_file_of_the_whole_table(tmp_path):
    writer = pipeline.TableWriter(tmp_path, "csv")
    for rows in (slice(0, 0), slice(0, 4), slice(4, 4), slice(4, 9)):
        writer.append("nasty", NASTY.iloc[rows])
    writer.append("empty", NASTY.iloc[0:0])
    writer.close()
    pipeline.write_csv(NASTY, tmp_path / "whole.csv")
    assert (tmp_path / "nasty.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert (tmp_path / "empty.csv").read_text() == ",".join(NASTY.columns) + "\n"


def test_a_chunk_with_other_columns_is_refused(tmp_path):
    writer = pipeline.TableWriter(tmp_path, "csv")
    writer.append("t", NASTY[["text", "n"]])
    with pytest.raises(ValueError, match="columns"):
        writer.append("t", NASTY[["n", "text"]])
    writer.abort()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_abort_leaves_the_output_folder_as_it_was(tmp_path, fmt):
    (tmp_path / "old.csv").write_text("kept\n")
    writer = pipeline.TableWriter(tmp_path, fmt)
    writer.append("t", NASTY[["text", "n"]])
    writer.write("u", NASTY[["n"]])
    writer.abort()
    assert [p.name for p in tmp_path.iterdir()] == ["old.csv"]
    made = pipeline.TableWriter(tmp_path / "new", fmt)
    made.append("t", NASTY[["text", "n"]])
    made.abort()
    assert not (tmp_path / "new").exists()


def test_nothing_is_created_before_a_table_is_written(tmp_path):
    writer = pipeline.TableWriter(tmp_path / "out", "csv")
    writer.abort()
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="format"):
        pipeline.TableWriter(tmp_path / "out", "xlsx")


# ---------------------------------------------------------------- corpus-level stages in processes

def _stage_raising(inputs):
    raise KeyError("no such column")


def _stage_dying(inputs):
    os._exit(3)


def _stage_unpicklable_error(inputs):
    error = ValueError("bad")
    error.payload = lambda: None   # a lambda cannot be pickled
    raise error


def test_an_error_in_a_stage_process_reaches_the_caller_with_its_traceback(monkeypatch):
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "fine", ("reuse", lambda inputs: {}))
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "broken", ("reuse", _stage_raising))
    with pytest.raises(KeyError, match="no such column") as raised:
        pipeline._forked(["fine", "broken"], processes=2)
    assert "broken" in str(raised.value.__cause__) and "_stage_raising" in str(raised.value.__cause__)


def test_a_stage_process_that_dies_is_named(monkeypatch):
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "dying", ("reuse", _stage_dying))
    with pytest.raises(RuntimeError, match="dying stopped .exit code 3"):
        pipeline._forked(["dying"], processes=2)


def test_an_error_that_cannot_be_pickled_still_comes_back(monkeypatch):
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "odd", ("reuse", _stage_unpicklable_error))
    with pytest.raises(RuntimeError, match="odd: ValueError"):
        pipeline._forked(["odd"], processes=1)


def test_each_stage_runs_in_a_process_of_its_own(monkeypatch):
    # A pool would run the third stage in a process that ran one before: memory it kept would stay.
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "a", ("reuse", lambda inputs: {"pid": os.getpid()}))
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "b", ("reuse", lambda inputs: {"pid": os.getpid()}))
    monkeypatch.setitem(pipeline.CORPUS_STAGES, "c", ("reuse", lambda inputs: {"pid": os.getpid()}))
    done = pipeline._forked(["a", "b", "c"], processes=2)
    pids = [done[name][0]["pid"] for name in "abc"]
    assert len(set(pids)) == 3 and os.getpid() not in pids


def _stage_timed(inputs):
    start = time.monotonic()
    time.sleep(0.3)
    return {"span": (start, time.monotonic())}


def test_stages_kept_apart_never_overlap_and_do_not_hold_up_others(monkeypatch):
    for name in "abc":
        monkeypatch.setitem(pipeline.CORPUS_STAGES, name, ("reuse", _stage_timed))
    done = pipeline._forked(["a", "b", "c"], processes=2, apart={frozenset({"a", "b"})})
    span = {name: done[name][0]["span"] for name in "abc"}
    assert span["b"][0] >= span["a"][1]      # b waited for a
    assert span["c"][0] < span["a"][1]       # c, next in line, ran beside a


def test_the_large_corpus_level_stages_never_run_side_by_side():
    apart = pipeline.CORPUS_STAGES_APART
    assert {frozenset({"passages", "quote_fidelity"}), frozenset({"passages", "entity_tone"})} <= apart
    assert all(pair <= set(pipeline.CORPUS_STAGES) for pair in apart)
    assert pipeline.corpus_stages_apart(pipeline.CORPUS_APART_MIN_SENTENCES) == apart
    assert pipeline.corpus_stages_apart(pipeline.CORPUS_APART_MIN_SENTENCES - 1) == set()
    # the two other large ones never run side by side either
    assert frozenset({"quote_fidelity", "entity_tone"}) in apart
    # kept apart, passages starts after both (quote fidelity, the longest, first)
    order = list(pipeline.CORPUS_STAGES)
    assert order.index("passages") > max(order.index("quote_fidelity"), order.index("entity_tone"))


def test_large_tables_are_written_a_block_of_rows_at_a_time_with_the_same_bytes(tmp_path, monkeypatch):
    table = pd.concat([NASTY] * 3, ignore_index=True)
    pipeline.write_csv(table, tmp_path / "whole.csv")
    monkeypatch.setattr(pipeline, "CSV_BLOCK_ROWS", 4)
    pipeline.write_csv(table, tmp_path / "blocks.csv")
    expected = table.to_csv(index=False, float_format=pipeline.FLOAT_FORMAT, lineterminator="\n").encode("utf-8")
    assert (tmp_path / "blocks.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes() == expected


def test_sorting_a_table_keeps_the_order_of_a_stable_sort():
    table = pd.DataFrame({"article_id": ["b", "a", "b", "a", "a"], "sentence": [1, 2, 0, 2, 1], "text": list("vwxyz")},
                         index=[10, 11, 12, 13, 14])
    expected = table.sort_values(["article_id", "sentence"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(pipeline._sort_table("content", table), expected)
    in_order = expected.copy()
    pd.testing.assert_frame_equal(pipeline._sort_table("content", in_order), expected)
