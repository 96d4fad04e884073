"""Run every stage over a corpus and write the output tables.

Per-article stages (parse, boilerplate, quotes, sentiment, readability, framing) run on chunks
of articles, in a process pool or on Dask; corpus-level stages (site furniture, entity tone,
distinctive words, reuse) run once on the combined tables.
"""
from __future__ import annotations

import ctypes
import gc
import io
import multiprocessing
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from time import perf_counter

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import boilerplate, corpus as C, framing, quotes, readability, reuse, sentiment
from analysis.paths import DATA, SEEDS

# The order tables are written in, and the key that sorts each one deterministically.
TABLE_KEYS = {
    "articles": ["article_id"],
    "problems": ["file", "article_id", "problem"],
    "lines": ["article_id", "line"],
    "paragraphs": ["article_id", "paragraph"],
    "sentences": ["article_id", "sentence"],
    "content": ["article_id", "sentence"],
    "quotes": ["article_id", "quote_id"],
    "speech": ["article_id", "sentence", "start"],
    "quote_stats": ["article_id"],
    "voices": ["article_id", "speaker_type", "speaker"],
    "sentiment": ["article_id", "scope"],
    "sentiment_sentences": ["article_id", "scope", "sentence", "start"],
    "entity_tone": ["entity", "article_id"],
    "readability": ["article_id", "text", "metric"],
    "frames": ["article_id", "frame"],
    "frame_hits": ["article_id", "sentence", "frame", "term", "start"],
    "frame_positions": ["article_id", "frame", "part"],
    "distinctive_words": ["outlet", "rank"],
    "reuse": ["article_a", "start_a", "article_b", "start_b"],
    "originality": ["article_id"],
    "quote_fidelity": ["speaker", "article_a", "article_b", "quote_a"],
}
PER_ARTICLE = ["lines", "paragraphs", "sentences", "content", "quotes", "speech", "quote_stats", "voices",
               "sentiment", "sentiment_sentences", "readability", "frames", "frame_hits", "frame_positions",
               "noise", "problems"]
# Per-article tables the corpus-level stages read (speaker linking, entity tone, distinctive words,
# reuse, the articles table): kept in memory; a TableWriter takes the others chunk by chunk.
CORPUS_LEVEL_INPUTS = {"content", "quotes", "speech", "voices", "quote_stats", "noise", "problems"}
# Of those, the ones only speaker linking reads (before the corpus-level stages start).
SPEAKER_TABLES = ["speech", "quote_stats", "voices"]
# Columns that hold identifiers or free text: never let CSV reading turn "001" into 1.
ID_COLUMNS = ["article_id", "article_a", "article_b", "file", "outlet", "text", "speaker", "term", "duplicate_of"]
STAGES = ["load", "boilerplate", "quotes", "sentiment", "readability", "framing", "reuse", "tables"]


def default_manifest(corpus_dir: str | Path) -> Path | None:
    """The seeds are immutable, so their manifest lives in data/; other corpora carry their own."""
    if Path(corpus_dir).resolve() == SEEDS.resolve():
        return DATA / "articles.csv"
    return None


@dataclass
class Results:
    """All output tables of one run, by name, plus the decoded texts the offsets point into."""
    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    timings: dict[str, float] = field(default_factory=dict)  # per stage; per-article stages summed over workers
    wall: dict[str, float] = field(default_factory=dict)     # wall-clock seconds per phase of the run
    streamed: list[str] = field(default_factory=list)        # tables a TableWriter took during the run (not in `tables`)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None


def analyse_chunk(texts: dict[str, str], furniture: frozenset[str] = frozenset(),
                  codebook: pd.DataFrame | None = None) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Every per-article stage over a chunk of articles; tables concatenate across chunks."""
    timings: dict[str, float] = {}
    clock = perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    out = C.parse_texts(texts)
    lap("load")
    out["lines"] = boilerplate.label_lines(out["lines"], furniture)
    out["content"] = boilerplate.content_sentences(out["lines"], out["sentences"])
    content_paragraphs = boilerplate.content_paragraphs(out["lines"], out["paragraphs"])
    out["noise"] = boilerplate.noise(out["lines"])
    lap("boilerplate")
    out.update(quotes.extract(content_paragraphs, out["content"], texts))
    lap("quotes")
    out.update(sentiment.score(out["content"], out["quotes"], out["lines"], texts))
    lap("sentiment")
    out.update(readability.measure(out["content"], out["lines"], texts))
    lap("readability")
    out.update(framing.frame(out["content"], content_paragraphs, out["quotes"], codebook))
    lap("framing")
    return out, timings


def _analyse_chunk_args(args):
    return analyse_chunk(*args)


def chunked(ids: list[str], size: int) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


# Articles per chunk: big enough that per-call overhead is small (each chunk costs about 0.17 CPU-s
# of pandas calls, pickling and table appends whatever its size: at 10,000 articles, chunks of 200,
# 500 and 1,000 ran in 42.3, 39.3 and 38.4 s, interleaved runs), small enough that both cores get
# several chunks each (load balance) and a worker's tables stay small.
MAX_CHUNK = 1000
CHUNKS_PER_WORKER = 4


def default_chunk_size(n_articles: int, workers: int | None = None) -> int:
    workers = workers or os.cpu_count() or 1
    return max(1, min(MAX_CHUNK, -(-n_articles // (workers * CHUNKS_PER_WORKER))))


def run(corpus_dir: str | Path, manifest: str | Path | None = None, *, engine: str = "local",
        workers: int | None = None, chunk_size: int | None = None, scheduler: str | None = None,
        progress: bool = False, writer: TableWriter | None = None, recursive: bool = False) -> Results:
    """Load a corpus and run every stage; see `write_tables` to save the result. `recursive`: read the
    corpus folder's sub-folders too (`corpus.load_corpus`).

    With a `writer`, the per-article tables no corpus-level stage reads (lines, sentences,
    frame_hits, ...) go to it chunk by chunk as the workers finish, and the corpus-level stages
    write theirs (but originality) as they end; neither is kept (see `Results.streamed`). Memory
    then holds the tables the corpus-level stages read, not every table. `write_tables(results,
    writer)` writes the rest.
    """
    timings: dict[str, float] = {}
    wall: dict[str, float] = {}
    start = clock = perf_counter()

    def lap(phase: str) -> float:
        nonlocal clock
        now = perf_counter()
        seconds, clock = now - clock, now
        wall[phase] = wall.get(phase, 0.0) + seconds
        return seconds

    with _early_pool(engine, workers) as pool:
        loaded = C.load_corpus(corpus_dir, manifest or default_manifest(corpus_dir), parse=False, recursive=recursive)
        timings["load"] = lap("load")
        texts = loaded.texts
        if not texts:  # nothing decodable: report the files and problems, run no stage on empty tables
            return Results(tables=_sorted({"articles": loaded.articles, "problems": loaded.problems}),
                           texts=texts, timings=timings, wall=wall)
        furniture = boilerplate.furniture(texts)
        timings["boilerplate"] = lap("furniture")
        codebook = framing.load_codebook()
        ids = sorted(texts)
        chunks = [{i: texts[i] for i in part}
                  for part in chunked(ids, chunk_size or default_chunk_size(len(ids), workers))]
        jobs = [(chunk, furniture, codebook) for chunk in chunks]
        lap("furniture")
        parts = _map(jobs, engine=engine, scheduler=scheduler, progress=progress, pool=pool)
        tables, scores = _combine(parts, writer, timings)
    lap("per_article")
    del parts, chunks, jobs
    if writer is not None:  # no stage left reads the texts: keep where they are, decode one when asked for
        files = dict(zip(loaded.articles["article_id"], loaded.articles["file"]))
        texts = CorpusTexts(corpus_dir, {i: files[i] for i in texts})
        loaded.texts = {}
    tables = quotes.link_speaker_types(tables)
    lap("combine")

    articles = loaded.articles.merge(tables.pop("noise"), on="article_id", how="left")
    articles = articles.merge(tables["quote_stats"][["article_id", "quote_share"]], on="article_id", how="left")
    inputs = CorpusInputs(scores, tables["quotes"], tables["content"], texts, articles)
    if writer is not None:   # tables no corpus-level stage reads: written now, not held while they run
        for name in SPEAKER_TABLES:
            if name in tables:
                writer.write(name, _sort_table(name, tables.pop(name)))
    _release_memory()
    corpus_tables, seconds = _corpus_stages(inputs, engine=engine, workers=workers, n_articles=len(ids),
                                            writer=writer)
    tables.update(corpus_tables)
    if writer is not None:   # content and quotes were written beside the corpus-level stages
        for name in writer.names():
            tables.pop(name, None)
    for name, (stage, _) in CORPUS_STAGES.items():
        timings[stage] = timings.get(stage, 0.0) + seconds[name]
        wall[name] = seconds[name]
    lap("corpus_level")
    articles = articles.merge(tables["originality"][["article_id", "originality_share"]], on="article_id", how="left")
    tables["articles"] = articles
    problems = _concat([loaded.problems, tables.get("problems", pd.DataFrame(columns=C.PROBLEM_COLUMNS))])
    if len(problems):  # stages know the article, not the file: name the file so every problem has one
        named = problems["file"].fillna("").astype(str) != ""
        problems["file"] = problems["file"].where(named, problems["article_id"].map(
            dict(zip(articles["article_id"], articles["file"]))).fillna(""))
    tables["problems"] = problems
    tables = _sorted(tables)
    lap("sort")
    wall["total"] = perf_counter() - start
    if writer is not None:
        timings["tables"] = wall["tables"] = writer.seconds
    streamed = writer.names() if writer is not None else []
    return Results(tables=tables, texts=texts, timings=timings, wall=wall, streamed=streamed)


@dataclass
class CorpusInputs:
    """What the corpus-level stages read: the combined per-article tables they need."""
    scores: pd.DataFrame       # sentiment_sentences, at least the body scope's compound
    quotes: pd.DataFrame
    content: pd.DataFrame
    texts: dict[str, str]
    articles: pd.DataFrame


def _passages(i: CorpusInputs) -> dict[str, pd.DataFrame]:
    return reuse.passages(i.content, i.articles, i.texts)


def _quote_fidelity(i: CorpusInputs) -> dict[str, pd.DataFrame]:
    return {"quote_fidelity": reuse.quote_fidelity(i.quotes)}


def _entity_tone(i: CorpusInputs) -> dict[str, pd.DataFrame]:
    return {"entity_tone": sentiment.entity_tone(i.scores, i.quotes, i.content, i.texts)}


def _distinctive_words(i: CorpusInputs) -> dict[str, pd.DataFrame]:
    return {"distinctive_words": framing.distinctive_words(i.content, i.articles)}


def _input_tables(i: CorpusInputs) -> dict[str, pd.DataFrame]:
    """With a writer, the per-article tables the stages read (content, quotes): written beside
    them, not by the main process once they have all ended."""
    return {"content": i.content, "quotes": i.quotes} if _CORPUS_WRITER is not None else {}


# The corpus-level stages, independent of each other: name -> (the stage its time counts toward,
# the function), in the order they start (as many at once as there are workers): the longest
# first, so the short ones fill in at the end. Measured wall seconds at 10,000 / 100,000 articles:
# quote fidelity 2.9 / 65, entity tone 3.0 / 32, passages 3.1 / 43, distinctive words 1.2 / 16;
# writing content and quotes (with a writer) about a tenth of a second per thousand articles.
CORPUS_STAGES = {
    "quote_fidelity": ("reuse", _quote_fidelity),
    "entity_tone": ("sentiment", _entity_tone),
    "passages": ("reuse", _passages),
    "distinctive_words": ("framing", _distinctive_words),
    "input_tables": ("tables", _input_tables),
}
# Stages that never run at once on a large corpus. Passages needs the most memory, most of it near
# its end, and quote fidelity and entity tone grow towards their ends too: beside either, passages
# took the run past 4 GiB at 100,000 articles (2.9 million content sentences), and writing the
# content table holds a copy of its text. Quote fidelity (1.8 GB PSS of its own at 100,000
# articles, reached early and held) beside entity tone (1.4 GB) and the main process took the
# peak to 4.1 GB. In the order above, quote fidelity runs beside distinctive words and the writing
# of content and quotes, then entity tone and passages each alone (at 100,000 articles about 25 s
# later than side by side). On a smaller corpus they need little memory together and run side by
# side (at 10,000 articles, 3 s sooner).
CORPUS_STAGES_APART = ({frozenset({"passages", other}) for other in ("quote_fidelity", "entity_tone", "input_tables")}
                       | {frozenset({"quote_fidelity", "entity_tone"})})
CORPUS_APART_MIN_SENTENCES = 1_000_000
# Below this many articles the corpus-level stages are too quick to be worth forking for.
CORPUS_PROCESSES_MIN_ARTICLES = 2
# The corpus-level tables the main process keeps (the articles table takes a column of it); with a
# TableWriter, the stages write the others themselves.
CORPUS_TABLES_KEPT = {"originality"}
_CORPUS_INPUTS: CorpusInputs | None = None  # set while the corpus-level stages run
_CORPUS_WRITER: TableWriter | None = None


def _corpus_stage(name: str) -> tuple[dict[str, pd.DataFrame], float, dict[str, float]]:
    """One corpus-level stage on the inputs in memory: its tables, its seconds, and (with a
    writer) the tables it wrote itself, sorted (all but the kept ones), with the seconds each took."""
    clock = perf_counter()
    out = CORPUS_STAGES[name][1](_CORPUS_INPUTS)
    seconds, written = perf_counter() - clock, {}
    if _CORPUS_WRITER is not None:
        _release_memory()   # what the stage freed, before writing needs memory of its own
        for table_name in [t for t in out if t not in CORPUS_TABLES_KEPT]:
            clock = perf_counter()
            _CORPUS_WRITER.write(table_name, _sort_table(table_name, out.pop(table_name)))
            written[table_name] = perf_counter() - clock
    return out, seconds, written


def _corpus_stages(inputs: CorpusInputs, *, engine: str, workers: int | None, n_articles: int,
                   writer: TableWriter | None = None) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Every corpus-level stage: on the local engine each in a process of its own forked from this
    one (it sees the combined tables without copying them through a pipe; only results come back),
    else one after the other here. Their tables (but those given to the writer), and the seconds
    of each stage."""
    global _CORPUS_INPUTS, _CORPUS_WRITER
    processes = min(workers if workers is not None else (os.cpu_count() or 1), len(CORPUS_STAGES))
    parallel = (engine == "local" and processes > 1 and n_articles >= CORPUS_PROCESSES_MIN_ARTICLES
                and "fork" in multiprocessing.get_all_start_methods())
    _CORPUS_INPUTS, _CORPUS_WRITER = inputs, writer
    try:
        if parallel:
            if writer is not None:
                writer.folder()   # made before forking: every process writes into the same one
            done = _forked(list(CORPUS_STAGES), processes, corpus_stages_apart(len(inputs.content)))
            for _, _, written in done.values():
                for table_name, write_seconds in written.items():
                    writer.adopt(table_name, write_seconds)
        else:
            done = {name: _corpus_stage(name) for name in CORPUS_STAGES}
    finally:
        _CORPUS_INPUTS = _CORPUS_WRITER = None
    tables = {name: table for out, _, _ in done.values() for name, table in out.items()}
    return tables, {name: seconds for name, (_, seconds, _) in done.items()}


def corpus_stages_apart(n_content_sentences: int) -> set[frozenset[str]]:
    """The pairs of corpus-level stages kept apart on a corpus of this many content sentences."""
    return set(CORPUS_STAGES_APART) if n_content_sentences >= CORPUS_APART_MIN_SENTENCES else set()


def _forked(names: list[str], processes: int, apart: set[frozenset[str]] = frozenset()) -> dict[str, tuple]:
    """`_corpus_stage` of each name, in a process forked for it alone, at most `processes` at a
    time: each in turn starts as soon as a process is free and no stage it must stay `apart` from
    runs (one that must wait does not hold up those after it). A process ends with its stage, so
    the memory the stage used goes back to the system before the next one starts (a pool's
    worker would keep it)."""
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    pending, running, done = list(names), {}, {}
    try:
        while pending or running:
            for name in list(pending):
                busy = [other for other, _ in running.values()]
                if len(busy) >= processes or any(frozenset({name, other}) in apart for other in busy):
                    continue
                pending.remove(name)
                reader, sender = context.Pipe(duplex=False)
                process = context.Process(target=_stage_process, args=(name, sender), daemon=True)
                process.start()
                sender.close()
                running[reader] = (name, process)
            for reader in wait(list(running)):
                name, process = running.pop(reader)
                try:
                    ok, payload = reader.recv()
                except EOFError:   # the process died without a word (killed, out of memory)
                    process.join()
                    raise RuntimeError(f"the corpus-level stage {name} stopped (exit code {process.exitcode})") from None
                finally:
                    reader.close()
                process.join()
                if not ok:
                    error, details = payload
                    raise error from _StageFailed(f"in the process running {name}:\n{details}")
                done[name] = payload
    finally:
        for _, process in running.values():
            process.terminate()
            process.join()
    return {name: done[name] for name in names}


class _StageFailed(Exception):
    """The traceback of an error in a corpus-level stage's process, as text."""


def _stage_process(name: str, sender) -> None:
    """The body of a stage's process: its result, or its error and traceback, sent back."""
    import traceback

    try:
        message = (True, _corpus_stage(name))
    except BaseException as error:   # noqa: BLE001 - every error goes back to the main process
        message = (False, (error, traceback.format_exc()))
    try:
        sender.send(message)
    except Exception as error:       # noqa: BLE001 - the error itself could not be pickled
        sender.send((False, (RuntimeError(f"{name}: {message[1][0]!r}"), repr(error))))
    finally:
        sender.close()


def _combine(parts, writer: TableWriter | None, timings: dict[str, float]
             ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The chunks' tables joined (or, with a writer, the ones no corpus-level stage reads written),
    their stage timings added up; and the body sentence scores entity tone reads."""
    combined: dict[str, list[pd.DataFrame]] = {}
    body_scores: list[pd.DataFrame] = []
    for tables, chunk_timings in parts:
        for name, table in tables.items():
            if writer is not None and name not in CORPUS_LEVEL_INPUTS:
                writer.append(name, _sort_table(name, table))
                if name == "sentiment_sentences":
                    body_scores.append(_body_scores(table))
            else:
                combined.setdefault(name, []).append(table)
        for stage, seconds in chunk_timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    tables = {name: _concat(frames) for name, frames in combined.items()}
    scores = _concat(body_scores) if body_scores else tables.get("sentiment_sentences")
    return tables, scores


def _release_memory() -> None:
    """Hand freed memory back to the system: before the corpus-level processes are forked (the C
    allocator keeps what the per-article phase freed for reuse, at 100,000 articles about 0.9 GB
    left by the unpickled chunk tables, and each forked process would carry it along), and in a
    stage's process before it writes its tables."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)   # glibc; other C libraries have no such call
    except (OSError, AttributeError):
        pass
    pa.default_memory_pool().release_unused()   # pandas keeps its strings in pyarrow memory


@contextmanager
def _early_pool(engine: str, workers: int | None):
    """The worker processes of the local engine, started before the corpus is read: forked while
    this process is small (not holding every text), they build their lexicons and patterns on a
    sample article while the files are read. None for one worker or Dask."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if engine != "local" or workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        for _ in range(workers):
            pool.submit(_warm_up)
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


WARM_UP_TEXT = """Sample headline for warming up
By A. Reporter

The minister said on Monday that the company "must stop operating", citing national security.
"We will appeal," a spokesperson said.
"""


def _warm_up() -> None:
    analyse_chunk({"warm-up": WARM_UP_TEXT}, codebook=framing.load_codebook())


def _map(jobs, *, engine: str, scheduler: str | None, progress: bool, pool: ProcessPoolExecutor | None = None):
    if engine == "dask":
        from analysis import dask_engine
        return dask_engine.map_chunks(_analyse_chunk_args, jobs, scheduler=scheduler)
    return _map_local(jobs, pool, progress)


def _map_local(jobs, pool: ProcessPoolExecutor | None, progress: bool):
    """The results of the jobs in order, each as soon as it and those before it are done."""
    bar = _progress(len(jobs), progress)
    if pool is None or len(jobs) <= 1:
        for job in jobs:
            yield _analyse_chunk_args(job)
            bar.update()
    else:
        with tempfile.TemporaryDirectory(prefix="newscompare-") as folder:
            for path in pool.map(_analyse_chunk_to_file, [(job, folder) for job in jobs]):
                yield _load_result(path)
                bar.update()
    bar.close()


def _analyse_chunk_to_file(args) -> str:
    """`analyse_chunk` in a pool worker, its result left in a file in `folder`: the path.

    A chunk's tables are tens of megabytes. Sent back through the pool's pipe, they cross it 64 KiB
    at a time, each piece waiting for the main process's reader thread to be scheduled: with both
    cores busy, a worker stood idle about 0.3 s per chunk of 1,000 articles. A file is written at
    once, and the worker goes on to its next chunk."""
    job, folder = args
    result = _analyse_chunk_args(job)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".pickle", delete=False) as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    return f.name


def _load_result(path: str):
    """A result `_analyse_chunk_to_file` left, read and its file removed."""
    with open(path, "rb") as f:
        result = pickle.load(f)
    os.unlink(path)
    return result


def _progress(total: int, enabled: bool):
    from tqdm import tqdm  # not tqdm.auto: in a notebook kernel it warns on stderr
    return tqdm(total=total, desc="articles (chunks)", unit="chunk", disable=not enabled, leave=False)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None]
    non_empty = [f for f in frames if not f.empty]
    if not non_empty:
        return frames[0].iloc[0:0] if frames else pd.DataFrame()
    return pd.concat(_same_dtypes(non_empty), ignore_index=True)


def _same_dtypes(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """A chunk where a column is all missing (no quotes, say) often gets it as `object`; give it
    the dtype the other chunks agree on, so the combined table does not depend on chunking."""
    if len(frames) < 2:
        return frames
    columns = {c for f in frames for c in f.columns}
    target = {}
    for column in columns:
        dtypes = {f[column].dtype for f in frames if column in f.columns and f[column].notna().any()}
        if len(dtypes) == 1:
            dtype = dtypes.pop()
            if isinstance(dtype, pd.StringDtype) or dtype.kind == "f":  # types that hold a missing value as is
                target[column] = dtype
    out = []
    for f in frames:
        fix = {c: t for c, t in target.items()
               if c in f.columns and f[c].dtype != t and f[c].dtype == object and not f[c].notna().any()}
        out.append(f.astype(fix) if fix else f)
    return out


def _sorted(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: _sort_table(name, tables[name])
            for name in list(TABLE_KEYS) + sorted(set(tables) - set(TABLE_KEYS)) if name in tables}


def _sort_table(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """The table in the order of its key (TABLE_KEYS). A stable sort: since every per-article key
    starts with article_id and chunks hold consecutive ids, sorted chunks written one after the
    other are the sorted table."""
    keys = [k for k in TABLE_KEYS.get(name, []) if k in table.columns]
    if keys and not table.empty:
        # The order from the key columns alone: a table already in order (content and quotes come
        # in order from the chunks) is not copied, text and all, to be sorted.
        order = table[keys].reset_index(drop=True).sort_values(keys, kind="stable").index.to_numpy()
        if (order[1:] < order[:-1]).any():
            table = table.take(order)
    return table.reset_index(drop=True)


def _body_scores(sentiment_sentences: pd.DataFrame) -> pd.DataFrame:
    """The rows and columns of sentiment_sentences that entity tone reads."""
    body = sentiment_sentences[sentiment_sentences["scope"] == "body"]
    return body[["article_id", "sentence", "scope", "compound"]]


def check(results: Results, strict: bool = False, corpus: str | Path = "", stream=None) -> int:
    """Print a warning line per input problem; the exit code: 1 when nothing (or, strict, anything) failed."""
    stream = stream or sys.stderr
    for row in results.problems.itertuples():
        where = row.file or row.article_id or "corpus"
        print(f"warning: {where}: {row.problem} ({row.action})", file=stream)
    n_ok = int((results.articles["status"] == "ok").sum()) if "status" in results.articles else 0
    if n_ok == 0:
        print(f"error: no article could be analysed in {corpus} "
              f"({len(results.articles)} files, {len(results.problems)} problems)", file=stream)
        return 1
    if strict and len(results.problems):
        print(f"error: {len(results.problems)} problems and --strict is set", file=stream)
        return 1
    return 0


def write_tables(results: Results, out: str | Path | TableWriter, fmt: str = "csv") -> list[Path]:
    """Write each table as CSV (or Parquet) with fixed float formatting: byte-identical across runs.

    `out` is a folder, or the TableWriter the run streamed tables to (its format then applies).
    Returns the paths of every table written, streamed ones included.
    """
    writer = out if isinstance(out, TableWriter) else TableWriter(out, fmt)
    for name, table in results.tables.items():
        writer.write(name, table)
    written = writer.close()
    results.timings["tables"] = results.wall["tables"] = writer.seconds
    _save_timings(results)
    return written


@dataclass
class _Chunked:
    """A table a TableWriter gets in chunks: the empty frame whose columns head it, and the open
    CSV file (from the first chunk with rows) or the pickled chunks (Parquet)."""
    header: pd.DataFrame
    file: object = None
    pickles: list[Path] = field(default_factory=list)


class TableWriter:
    """Writes tables into a folder, whole or in chunks that arrive in order.

    Files are written under a hidden folder inside `out` and moved into place by `close()`, so a
    run that stops (or that `check` fails) leaves no half-written tables; `abort()` removes them.
    CSV chunks are appended as they come: the file is the one `write_csv` writes for the whole
    table. Parquet chunks wait on disk (pickled) until `close()` joins each table.
    """

    def __init__(self, out: str | Path, fmt: str = "csv"):
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown table format {fmt!r} (csv or parquet)")
        self.out, self.fmt = Path(out), fmt
        self._folder: Path | None = None
        self._made_out = False
        self._chunks: dict[str, _Chunked | None] = {}  # name -> its chunks; None for a whole table
        self._order: list[str] = []
        self.seconds = 0.0

    @property
    def _work(self) -> Path:
        """The hidden folder files are written in until `close()`; made on first use."""
        if self._folder is None:
            import tempfile

            self._made_out = not self.out.exists()
            self.out.mkdir(parents=True, exist_ok=True)
            self._folder = Path(tempfile.mkdtemp(prefix=".writing-", dir=self.out))
        return self._folder

    def names(self) -> list[str]:
        """The tables written so far, in the order they were first given."""
        return list(self._order)

    def folder(self) -> Path:
        """The hidden folder tables are written in until `close()`."""
        return self._work

    def adopt(self, name: str, seconds: float = 0.0) -> None:
        """A whole table another process wrote, in `seconds` (`write` on a copy of this writer forked from it)."""
        if name in self._chunks:
            raise ValueError(f"table {name} was already written")
        if not (self._work / f"{name}.{self.fmt}").exists():
            raise ValueError(f"table {name} was not written in {self._work}")
        self._order.append(name)
        self._chunks[name] = None
        self.seconds += seconds

    def append(self, name: str, chunk: pd.DataFrame) -> None:
        """One chunk of a table; chunks must come in the table's sort order."""
        clock = perf_counter()
        if name not in self._chunks:
            self._order.append(name)
            self._chunks[name] = _Chunked(header=chunk.iloc[0:0])
        state = self._chunks[name]
        if self.fmt == "parquet":
            path = self._work / f"{name}.{len(state.pickles):06d}.pkl"
            chunk.to_pickle(path)
            state.pickles.append(path)
        elif not chunk.empty:
            self._append_csv(name, state, chunk)
        self.seconds += perf_counter() - clock

    def _append_csv(self, name: str, state: _Chunked, chunk: pd.DataFrame) -> None:
        if state.file is None:  # the first chunk with rows: its columns are the table's
            state.file = open(self._work / f"{name}.csv", "wb")
            state.file.write(_csv_header(chunk).encode("utf-8"))
            state.header = chunk.iloc[0:0]
        elif list(chunk.columns) != list(state.header.columns):
            raise ValueError(f"table {name}: a chunk has columns {list(chunk.columns)}, "
                             f"the table has {list(state.header.columns)}")
        _write_csv_rows(chunk, state.file)

    def write(self, name: str, table: pd.DataFrame) -> None:
        """A whole table (one not given in chunks)."""
        if name in self._chunks:
            raise ValueError(f"table {name} was already written in chunks")
        clock = perf_counter()
        self._order.append(name)
        self._chunks[name] = None
        self._write_whole(name, table)
        self.seconds += perf_counter() - clock

    def _write_whole(self, name: str, table: pd.DataFrame) -> None:
        if self.fmt == "parquet":
            table.to_parquet(self._work / f"{name}.parquet", index=False)
        else:
            write_csv(table, self._work / f"{name}.csv")

    def close(self) -> list[Path]:
        """Finish the chunked tables and move every table into the output folder."""
        import shutil

        clock = perf_counter()
        for name, state in self._chunks.items():
            if state is None:
                continue
            if self.fmt == "parquet":
                self._write_whole(name, _concat([pd.read_pickle(path) for path in state.pickles]))
                for path in state.pickles:
                    path.unlink()
            elif state.file is not None:
                state.file.close()
            else:  # no chunk had a row: the header of the first
                write_csv(state.header, self._work / f"{name}.csv")
        written = []
        for name in self._order:
            path = self.out / f"{name}.{self.fmt}"
            os.replace(self._work / path.name, path)
            written.append(path)
        shutil.rmtree(self._work, ignore_errors=True)
        self._chunks, self._folder = {}, None
        self.seconds += perf_counter() - clock
        return written

    def abort(self) -> None:
        """Remove what was written; the output folder keeps what it had before."""
        import shutil

        for state in self._chunks.values():
            if state is not None and state.file is not None:
                state.file.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            if self._made_out and not any(self.out.iterdir()):
                self.out.rmdir()
        self._chunks, self._folder = {}, None


FLOAT_FORMAT = "%.6g"



def write_csv(table: pd.DataFrame, path: str | Path) -> None:
    """The bytes of `table.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\\n")`,
    built column by column with Arrow: several times faster on tables of millions of rows.
    Columns of other types (mixed objects, nullable integers) take pandas' own writer."""
    with open(path, "wb") as f:
        f.write(_csv_header(table).encode("utf-8"))
        _write_csv_rows(table, f)


def _csv_header(table: pd.DataFrame) -> str:
    """The header line pandas writes (for a table with no columns, what it writes for that)."""
    return table.iloc[:0].to_csv(index=False, lineterminator="\n")


# Rows formatted at a time: the CSV text of a block is held (a few times over) while it is made,
# never that of a whole table of millions of rows.
CSV_BLOCK_ROWS = 200_000


def _write_csv_rows(table: pd.DataFrame, f) -> None:
    """The rows of `write_csv`, without the header, into a binary file: appending the rows of
    consecutive chunks gives the file of the whole table (each field is formatted on its own),
    so a large table is written a block of rows at a time."""
    if len(table) > CSV_BLOCK_ROWS:
        for first in range(0, len(table), CSV_BLOCK_ROWS):
            _write_csv_rows(table.iloc[first:first + CSV_BLOCK_ROWS], f)
        return
    if not len(table) or not len(table.columns):
        return
    # One column: the csv module quotes an empty field there ('""'), so pandas writes those.
    simple = len(table.columns) > 1 and table.columns.is_unique
    columns = [_csv_field(table[c]) for c in table.columns] if simple else [None]
    if any(c is None for c in columns):
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        table.to_csv(text, index=False, header=False, float_format=FLOAT_FORMAT, lineterminator="\n")
        text.flush()
        text.detach()   # the file stays open for the next chunk
        return
    # Every field is a string by now, none missing: the rows, each ending in a line break, are the
    # string array's data buffer from the first row's offset to the last one's end.
    text = pa.large_string()
    last = pc.binary_join_element_wise(columns[-1], pa.scalar("\n", text), pa.scalar("", text))
    rows = pc.binary_join_element_wise(*columns[:-1], last, pa.scalar(",", text))
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset:rows.offset + len(rows) + 1]
    f.write(memoryview(rows.buffers()[2])[offsets[0]:offsets[-1]])


@lru_cache(maxsize=1)
def _needs_quotes() -> str:
    """The characters that make Python's csv writer quote a field (QUOTE_MINIMAL, lineterminator
    "\\n"): the delimiter, the quote and the line terminator; whether "\\r" counts depends on the
    Python version, so ask it."""
    import csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["a\rb"])
    return r'[,"\n\r]' if out.getvalue().startswith('"') else r'[,"\n]'


def _csv_field(series: pd.Series):
    """The column as an Arrow array of CSV fields (large strings, none missing), or None when
    pandas must write it."""
    text = pa.large_string()
    dtype = series.dtype
    if dtype == bool:
        return pa.array(np.where(series.to_numpy(), "True", "False"), type=text)
    if dtype.kind in "iu":  # numpy or nullable (Int64: missing values written as empty fields)
        return pc.fill_null(pc.cast(pa.array(series), text), pa.scalar("", text))
    if dtype.kind == "f" and not isinstance(dtype, pd.api.extensions.ExtensionDtype):
        codes, uniques = pd.factorize(series.to_numpy())  # scores repeat: format each value once
        formatted = pa.array([FLOAT_FORMAT % x for x in uniques.tolist()] + [""], type=text)
        return formatted.take(pa.array(np.where(codes < 0, len(uniques), codes)))
    if isinstance(dtype, pd.StringDtype) or dtype == object:
        try:
            if isinstance(dtype, pd.StringDtype):   # Arrow-backed already: no Python strings made
                strings = pa.array(series.array)
                if isinstance(strings, pa.ChunkedArray):
                    strings = strings.combine_chunks()
                strings = pc.cast(strings, text)
            else:
                strings = pa.array(series.to_numpy(dtype=object), type=text, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return None
        strings = pc.fill_null(strings, pa.scalar("", text))
        # Ids, labels, roles repeat: each value is quoted once. Free text is not worth hashing;
        # its first rows tell which kind of column this is (the output is the same either way).
        sample = strings.slice(0, 1000)
        if 2 * pc.count_distinct(sample).as_py() <= len(sample):
            encoded = pc.dictionary_encode(strings)
            return _csv_strings(encoded.dictionary).take(encoded.indices)
        return _csv_strings(strings)
    return None


def _csv_strings(strings):
    """Strings as CSV fields: quoted (inner quotes doubled) when the csv module would quote them."""
    quote, empty = pa.scalar('"', strings.type), pa.scalar("", strings.type)
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(strings, '"', '""'), quote, empty)
    return pc.if_else(pc.match_substring_regex(strings, _needs_quotes()), quoted, strings)


# Where the benchmark (benchmarks/run.py) asks a `python -m analysis tables` run to leave its
# stage timings; unset in normal use. Timings are not written next to the tables: those stay
# byte-identical across runs.
TIMINGS_ENV = "NEWSCOMPARE_TIMINGS"


def _save_timings(results: Results) -> None:
    target = os.environ.get(TIMINGS_ENV)
    if target:
        import json
        Path(target).write_text(json.dumps({"timings": results.timings, "wall": results.wall}, indent=1))


def read_tables(folder: str | Path, corpus_dir: str | Path | None = None,
                manifest: str | Path | None = None) -> Results:
    """Tables written by `write_tables` (Parquet preferred to CSV when both exist), with the texts
    of the corpus for evidence: decoded on first access, so a notebook on 100k articles that
    quotes a few of them reads a few files, not the whole corpus."""
    folder = Path(folder)
    paths = {path.stem: path for path in sorted(folder.glob("*.csv"))}
    paths.update({path.stem: path for path in sorted(folder.glob("*.parquet"))})
    tables = {}
    for name in sorted(paths):
        path = paths[name]
        if path.suffix == ".parquet":
            tables[name] = pd.read_parquet(path)
        else:
            tables[name] = pd.read_csv(path, keep_default_na=False, na_values=[""], low_memory=False,
                                       dtype={c: str for c in ID_COLUMNS})
    texts = {}
    if corpus_dir is not None:
        articles = tables.get("articles")
        if articles is not None and {"article_id", "file", "status"} <= set(articles.columns):
            ok = articles[articles["status"] == "ok"]
            texts = CorpusTexts(corpus_dir, dict(zip(ok["article_id"], ok["file"])))
        else:
            texts = C.load_corpus(corpus_dir, manifest or default_manifest(corpus_dir), parse=False).texts
    return Results(tables=tables, texts=texts)


class CorpusTexts(Mapping):
    """article_id -> decoded raw text, read from the corpus folder when first asked for.

    Decoding is `corpus.decode`, the loader's own, so offsets in the tables point into the same text.
    """

    def __init__(self, folder: str | Path, files: dict[str, str]):
        self._folder = Path(folder)
        self._files = files
        self._cache: dict[str, str] = {}

    def __getitem__(self, article_id: str) -> str:
        if article_id not in self._cache:
            text, _, _ = C.decode((self._folder / self._files[article_id]).read_bytes())
            self._cache[article_id] = text
        return self._cache[article_id]

    def __iter__(self):
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, article_id) -> bool:
        return article_id in self._files


def load(corpus: str | Path, manifest: str | Path | None = None, tables: str | Path | None = None) -> Results:
    """What notebooks call: read precomputed tables when given (reports), else run on the corpus."""
    manifest = manifest or None
    if tables:
        return read_tables(tables, corpus, manifest)
    return run(corpus, manifest, workers=1)
