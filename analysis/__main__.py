"""Command line: `python -m analysis tables|report|notebooks`. Messages, never tracebacks."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.paths import REPORTS, SEEDS  # imports no numpy: the setting below still takes effect

# One worker process per core: maths-library threads on top only compete with the other worker.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

EPILOG = """\
A corpus is a folder of .txt files (one article each) with an optional articles.csv manifest
(columns: file, outlet, any others are carried through). Problems with single files (empty,
binary, undecodable, duplicates, missing manifest rows) are reported on stderr and in
problems.csv; the run goes on. Exit codes: 0 when at least one article was analysed,
1 when none could be (or with --strict, when any problem was found), 2 for usage errors.
"""


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0],
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def corpus_options(sub: argparse.ArgumentParser, out_default: Path, out_help: str) -> None:
        sub.add_argument("--corpus", default=str(SEEDS), help="folder of .txt articles (default: the seeds)")
        sub.add_argument("--manifest", default=None,
                         help="CSV with file, outlet, ... (default: CORPUS/articles.csv if present; data/articles.csv for the seeds)")
        sub.add_argument("--out", default=str(out_default), help=out_help)
        sub.add_argument("--strict", action="store_true", help="treat any problem with the input as a failure")
        sub.add_argument("--workers", type=positive_int, default=None,
                         help="processes for per-article stages (default: all cores)")
        sub.add_argument("--engine", choices=["local", "dask"], default="local",
                         help="local process pool (default) or Dask for the per-article stages")
        sub.add_argument("--scheduler", default=None,
                         help="with --engine dask: an existing scheduler address (tcp://HOST:8786), or 'local' for a LocalCluster "
                              "for this run (default: the active Dask client, else local processes)")
        sub.add_argument("--quiet", action="store_true", help="no progress bar")
        sub.add_argument("--recursive", action="store_true",
                         help="read the corpus folder's sub-folders too; a file's outlet is then by default the "
                              "first folder it sits in (cnn/2025/a.txt: cnn)")

    tables = commands.add_parser("tables", help="write every output table (CSV) for a corpus")
    corpus_options(tables, REPORTS / "tables", "output folder for the tables (default: reports/tables)")
    tables.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format (default: csv)")

    report = commands.add_parser("report", help="tables, executed notebooks and HTML reports for a corpus")
    corpus_options(report, REPORTS, "output folder: tables/, figures/, notebooks/, html/ (default: reports)")

    commands.add_parser("notebooks", help="re-execute the committed notebooks in place on the seeds (nbval baselines)")
    return parser


def main(argv: list[str] | None = None) -> int:
    # File names and problems may hold any character: never fail on a terminal that cannot show them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "tables":
            return _tables(args)
        if args.command == "report":
            from analysis import report
            return report.build(args.corpus, args.manifest, args.out, strict=args.strict, workers=args.workers,
                                engine=args.engine, scheduler=args.scheduler, progress=not args.quiet,
                                recursive=args.recursive)
        if args.command == "notebooks":
            from analysis import report
            return report.refresh_committed()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: a message, never a traceback
        from analysis.corpus import CorpusError
        if isinstance(exc, CorpusError):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"error: {type(exc).__name__}: {exc} (run with PYTHONDEVMODE=1 for details)", file=sys.stderr)
        if sys.flags.dev_mode:
            raise
        return 1
    return 2


def _tables(args) -> int:
    """Run the pipeline, streaming the per-article tables into the output folder as chunks finish
    (memory stays bounded on large corpora); nothing is left there when the run fails its checks."""
    from analysis import pipeline
    writer = pipeline.TableWriter(args.out, args.format)
    try:
        results = pipeline.run(args.corpus, args.manifest, engine=args.engine, workers=args.workers,
                               scheduler=args.scheduler, progress=not args.quiet, writer=writer,
                               recursive=args.recursive)
        code = pipeline.check(results, strict=args.strict, corpus=args.corpus)
        if code:
            writer.abort()
            return code
        written = pipeline.write_tables(results, writer)
    except BaseException:
        writer.abort()
        raise
    print(f"{int((results.articles['status'] == 'ok').sum())} of {len(results.articles)} articles analysed; "
          f"{len(written)} tables in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
