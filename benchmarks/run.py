"""Time the pipeline on synthetic corpora: each stage, the whole CLI run and its peak memory,
against the floor of VADER alone over the same content sentences.

    python -m benchmarks.run --sizes 1000,10000     (`make bench`; `make bench SIZE=100000`)
    python -m benchmarks.run --profile 1000         (cProfile of every stage, one process)

Corpora are generated once into benchmarks/corpora/ (git-ignored) and reused. Results go to
reports/bench.json; runs at sizes not measured this time are kept from the previous file when
it was measured on the same machine, so `make bench` then `make bench SIZE=100000` gives the
slope from 1k to 100k.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from time import perf_counter

import pandas as pd

from analysis.paths import REPORTS, ROOT
from benchmarks import generate

CORPORA = ROOT / "benchmarks" / "corpora"
STAGES = ["load", "boilerplate", "quotes", "sentiment", "readability", "framing", "reuse", "tables"]
TARGETS = {"ratio": 2.0, "ratio_at": 10000, "slope": 1.1, "peak_rss_mb": 4096, "peak_at": 100000}


def machine() -> str:
    """CPU, cores, memory and Python: what the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil
        memory = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:
        memory = "? GiB"
    return (f"{cpu}, {os.cpu_count()} cores, {memory} RAM, Python {platform.python_version()}, "
            f"pandas {pd.__version__}, {platform.system()} {platform.release()}")


class PeakMemory:
    """Peak memory of a process and all its children, sampled every 50 ms, two ways.

    `peak` sums resident set sizes (RSS); `peak_pss` sums proportional set sizes (PSS: a page
    shared by k processes counts 1/k in each), which is the memory the run occupies. The sums
    differ when processes share pages: a process forked from one holding the corpus maps all
    of it, and RSS counts it again for the child.
    """

    def __init__(self, pid: int):
        self.pid, self.peak, self.peak_pss, self._stop = pid, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        tick = 0
        while not self._stop.is_set():
            # PSS walks the page tables (~10 ms for a process of a few GB): read it every 10th tick,
            # or the sampler takes a third of a core from the run it measures.
            with_pss, tick = tick % PSS_EVERY == 0, tick + 1
            rss = pss = 0
            try:
                for proc in [root] + root.children(recursive=True):
                    try:
                        rss += proc.memory_info().rss
                        pss += _pss(proc) if with_pss else 0
                    except psutil.NoSuchProcess:
                        pass
            except psutil.NoSuchProcess:
                return
            self.peak = max(self.peak, rss)
            if with_pss:
                self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(0.05)


PSS_EVERY = 10  # RSS every 50 ms, PSS every 0.5 s


def _pss(proc) -> int:
    """Proportional set size from /proc/PID/smaps_rollup (Linux); RSS where that is not available."""
    try:
        for line in Path(f"/proc/{proc.pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return proc.memory_info().rss


def run_cli(corpus: Path, out: Path, workers: int | None = None, fmt: str = "csv") -> dict:
    """`python -m analysis tables` as a subprocess: wall seconds, peak RSS and PSS (with children), stage timings."""
    timings_file = out.parent / f"{out.name}-timings.json"
    command = [sys.executable, "-m", "analysis", "tables", "--corpus", str(corpus), "--out", str(out),
               "--quiet", "--format", fmt] + (["--workers", str(workers)] if workers else [])
    env = {**os.environ, "NEWSCOMPARE_TIMINGS": str(timings_file), "PYTHONWARNINGS": "ignore"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = perf_counter()
    with open(out.parent / f"{out.name}-stderr.txt", "w") as stderr:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        with PeakMemory(proc.pid) as memory:
            code = proc.wait()
    seconds = perf_counter() - start
    if code != 0:
        tail = (out.parent / f"{out.name}-stderr.txt").read_text()[-2000:]
        raise RuntimeError(f"{' '.join(command)} failed with exit code {code}:\n{tail}")
    # ru_maxrss (KiB on Linux) is the largest single child; the sampler adds up the process tree.
    largest_child = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) * 1024
    recorded = json.loads(timings_file.read_text())
    return {"seconds": seconds, "peak_rss_mb": max(memory.peak, largest_child) / 2**20,
            "peak_pss_mb": max(memory.peak_pss, largest_child) / 2**20 if memory.peak_pss else None, **recorded}


def vader_floor(content_csv: Path) -> tuple[float, int]:
    """Seconds VADER alone takes over the content sentences, in this one process; and their number."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sentences = pd.read_csv(content_csv, usecols=["text"], keep_default_na=False, dtype={"text": str})["text"].tolist()
    analyzer = SentimentIntensityAnalyzer()
    start = perf_counter()
    for sentence in sentences:
        analyzer.polarity_scores(sentence)
    return perf_counter() - start, len(sentences)


def measure(n_articles: int, seed: int = 0, n_outlets: int = 40, workers: int | None = None,
            fmt: str = "csv", keep: bool = False, log=print) -> dict:
    """One row of bench.json for a corpus of n articles."""
    clock = perf_counter()
    corpus = generate.cached(n_articles, CORPORA, seed, n_outlets)
    log(f"  corpus of {n_articles:,} articles ready in {perf_counter() - clock:.1f} s ({corpus})")
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n_articles}-"))
    try:
        run = run_cli(corpus, work / "tables", workers, fmt)
        log(f"  python -m analysis tables: {run['seconds']:.1f} s, peak {run['peak_rss_mb']:.0f} MB RSS, "
            f"{run['peak_pss_mb'] or 0:.0f} MB PSS")
        content = work / "tables" / "content.csv"
        if fmt == "parquet":
            pd.read_parquet(work / "tables" / "content.parquet", columns=["text"]).to_csv(content, index=False)
        floor, n_sentences = vader_floor(content)
        log(f"  VADER floor: {floor:.1f} s for {n_sentences:,} content sentences ({n_sentences / max(floor, 1e-9):,.0f}/s)")
        articles = (pd.read_parquet(work / "tables" / "articles.parquet") if fmt == "parquet"
                    else pd.read_csv(work / "tables" / "articles.csv", usecols=["n_words"]))
    finally:
        if keep:
            log(f"  tables kept in {work / 'tables'}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    timings = run["timings"]
    return {
        "n_articles": n_articles,
        "n_words": int(articles["n_words"].sum()),
        "seconds": round(run["seconds"], 3),
        "floor_seconds": round(floor, 3),
        "ratio": round(run["seconds"] / floor, 3) if floor > 0 else None,
        "peak_rss_mb": round(run["peak_rss_mb"], 1),
        "peak_pss_mb": round(run["peak_pss_mb"], 1) if run["peak_pss_mb"] else None,
        "stages": {stage: round(timings.get(stage, 0.0), 3) for stage in STAGES},
        # Per-article stages above are CPU seconds summed over the workers; these are wall seconds.
        "wall": {phase: round(seconds, 3) for phase, seconds in run["wall"].items()},
        "n_content_sentences": n_sentences,
    }


def slope(runs: list[dict]) -> float | None:
    """Least-squares slope of log(seconds) against log(n_articles): 1.0 is linear growth."""
    points = [(math.log(r["n_articles"]), math.log(r["seconds"])) for r in runs if r["seconds"] > 0]
    if len({x for x, _ in points}) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points), 3)


def table(report: dict) -> str:
    """bench.json as a text table, with the targets checked."""
    rows = []
    for r in report["runs"]:
        row = {"articles": f"{r['n_articles']:,}", "words": f"{r['n_words']:,}", "seconds": f"{r['seconds']:.1f}",
               "floor s": f"{r['floor_seconds']:.1f}", "ratio": f"{r['ratio']:.2f}" if r["ratio"] else "-",
               "RSS MB": f"{r['peak_rss_mb']:.0f}",
               "PSS MB": f"{r['peak_pss_mb']:.0f}" if r.get("peak_pss_mb") else "-"}
        row.update({s: f"{r['stages'].get(s, 0):.1f}" for s in STAGES})
        row["per-article wall"] = f"{r.get('wall', {}).get('per_article', 0):.1f}"
        rows.append(row)
    frame = pd.DataFrame(rows)
    lines = [f"machine: {report['machine']}", frame.to_string(index=False),
             "(stage columns: seconds; per-article stages are CPU seconds summed over the worker processes)",
             f"slope (log seconds vs log articles): {report['slope'] if report['slope'] is not None else '-'}"]
    by_n = {r["n_articles"]: r for r in report["runs"]}
    checks = []
    if TARGETS["ratio_at"] in by_n and by_n[TARGETS["ratio_at"]]["ratio"] is not None:
        ratio = by_n[TARGETS["ratio_at"]]["ratio"]
        checks.append(f"ratio at {TARGETS['ratio_at']:,}: {ratio:.2f} (target <= {TARGETS['ratio']}) "
                      f"{'ok' if ratio <= TARGETS['ratio'] else 'MISSED'}")
    if report["slope"] is not None:
        checks.append(f"slope: {report['slope']:.2f} (target <= {TARGETS['slope']}) "
                      f"{'ok' if report['slope'] <= TARGETS['slope'] else 'MISSED'}")
    if TARGETS["peak_at"] in by_n:
        run = by_n[TARGETS["peak_at"]]
        peak, kind = (run["peak_pss_mb"], "PSS") if run.get("peak_pss_mb") else (run["peak_rss_mb"], "RSS")
        checks.append(f"peak memory ({kind}) at {TARGETS['peak_at']:,}: {peak:.0f} MB (target < {TARGETS['peak_rss_mb']}; "
                      f"summed RSS {run['peak_rss_mb']:.0f} MB) {'ok' if peak < TARGETS['peak_rss_mb'] else 'MISSED'}")
    return "\n".join(lines + checks)


def bench(sizes: list[int], seed: int = 0, n_outlets: int = 40, workers: int | None = None, fmt: str = "csv",
          out: Path = REPORTS / "bench.json", keep: bool = False, fresh: bool = False) -> dict:
    here = machine()
    runs = []
    for n in sizes:
        print(f"{n:,} articles", flush=True)
        runs.append(measure(n, seed, n_outlets, workers, fmt, keep, log=lambda m: print(m, flush=True)))
    if out.exists() and not fresh:
        try:
            previous = json.loads(out.read_text())
        except ValueError:
            previous = {}
        if previous.get("machine") == here:
            kept = [r for r in previous.get("runs", []) if r["n_articles"] not in sizes]
            if kept:
                sizes_kept = ", ".join(f"{r['n_articles']:,}" for r in kept)
                print(f"kept earlier runs at {sizes_kept} articles from {out}")
            runs += kept
    runs.sort(key=lambda r: r["n_articles"])
    report = {"machine": here, "runs": runs, "slope": slope(runs)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(report))
    print(f"written: {out}")
    return report


# ---------------------------------------------------------------- profiling

# The functions each stage consists of, as the pipeline calls them (module, function).
PROFILED = {
    "load": [("analysis.corpus", "load_corpus"), ("analysis.corpus", "parse_texts")],
    "boilerplate": [("analysis.boilerplate", "furniture"), ("analysis.boilerplate", "label_lines"),
                    ("analysis.boilerplate", "content_sentences"), ("analysis.boilerplate", "content_paragraphs"),
                    ("analysis.boilerplate", "noise")],
    "quotes": [("analysis.quotes", "extract")],
    "sentiment": [("analysis.sentiment", "score"), ("analysis.sentiment", "entity_tone")],
    "readability": [("analysis.readability", "measure")],
    "framing": [("analysis.framing", "load_codebook"), ("analysis.framing", "frame"),
                ("analysis.framing", "distinctive_words")],
    "reuse": [("analysis.reuse", "passages"), ("analysis.reuse", "quote_fidelity")],
}


def profile(n_articles: int, seed: int = 0, n_outlets: int = 40, top: int = 12,
            out: Path = REPORTS / "bench_profile.txt") -> str:
    """cProfile every stage of a single-process run; the top functions of each by own time."""
    import importlib

    from analysis import pipeline

    corpus = generate.cached(n_articles, CORPORA, seed, n_outlets)
    profiles = {stage: cProfile.Profile() for stage in list(PROFILED) + ["tables"]}
    seconds = dict.fromkeys(profiles, 0.0)
    active: list[str] = []
    originals = []

    def wrap(stage, func):
        def timed(*args, **kwargs):
            if active:  # a stage function calling another: the outer profile keeps counting
                return func(*args, **kwargs)
            active.append(stage)
            start = perf_counter()
            profiles[stage].enable()
            try:
                return func(*args, **kwargs)
            finally:
                profiles[stage].disable()
                seconds[stage] += perf_counter() - start
                active.pop()
        return timed

    for stage, functions in PROFILED.items():
        for module_name, name in functions:
            module = importlib.import_module(module_name)
            originals.append((module, name, getattr(module, name)))
            setattr(module, name, wrap(stage, getattr(module, name)))
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    try:
        results = pipeline.run(corpus, workers=1)
        write = wrap("tables", pipeline.write_tables)
        write(results, work / "tables")
    finally:
        for module, name, func in originals:
            setattr(module, name, func)
        shutil.rmtree(work, ignore_errors=True)
    n_content = len(results["content"])
    report = [f"cProfile of every stage on {n_articles:,} synthetic articles, one process "
              f"({n_content:,} content sentences); {machine()}", ""]
    for stage, prof in profiles.items():
        rate = n_content / seconds[stage] if seconds[stage] else float("inf")
        report.append(f"== {stage}: {seconds[stage]:.2f} s ({rate:,.0f} content sentences/s)")
        if not prof.getstats():   # a stage function renamed: say so rather than fail the whole report
            report += ["  (not called: update PROFILED)", ""]
            continue
        stream = io.StringIO()
        stats = pstats.Stats(prof, stream=stream)
        stats.sort_stats("tottime").print_stats(top)
        body = stream.getvalue()
        start = body.find("   ncalls")
        report.append(body[start:].rstrip() if start >= 0 else "  (no calls)")
        report.append("")
    text = "\n".join(report).replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes in articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--outlets", type=int, default=40)
    parser.add_argument("--workers", type=int, default=None, help="passed to python -m analysis tables")
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--out", default=str(REPORTS / "bench.json"))
    parser.add_argument("--keep", action="store_true", help="keep the output tables of each run")
    parser.add_argument("--fresh", action="store_true", help="do not keep earlier runs of other sizes")
    parser.add_argument("--profile", type=int, default=None, metavar="N",
                        help="instead: cProfile each stage on N articles in one process (reports/bench_profile.txt)")
    args = parser.parse_args(argv)
    if args.profile:
        print(profile(args.profile, args.seed, args.outlets))
        return 0
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated whole numbers, not {args.sizes!r}")
    bench(sizes, args.seed, args.outlets, args.workers, args.format, Path(args.out), args.keep, args.fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
