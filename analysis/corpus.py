"""Load a folder of plain-text articles into tidy, traceable DataFrames.

Every table carries `article_id` and character offsets into the decoded raw text
(`Corpus.texts[article_id]`), so `raw[start:end] == text` for every row.
"""
from __future__ import annotations

import difflib
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from itertools import repeat
from operator import add
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import text as T

ARTICLE_COLUMNS = ["article_id", "file", "outlet", "status", "problem", "duplicate_of",
                   "sha256", "encoding", "n_chars", "n_lines", "n_words"]
LINE_COLUMNS = ["article_id", "line", "start", "end", "text", "blank"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "line_first", "line_last", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "sentence", "paragraph", "start", "end", "text"]
PROBLEM_COLUMNS = ["file", "article_id", "problem", "action"]
MANIFEST_REQUIRED = ("file", "outlet")

# A wrapped-text article: most lines end near one width without closing a sentence.
_WRAP_MIN_LINES = 5
_WRAP_MAX_WIDTH = 100
_WRAP_SHARE = 0.5


class CorpusError(Exception):
    """A problem that stops the whole run (missing folder, unreadable manifest)."""


@dataclass
class Corpus:
    """The loaded corpus: one row per file in `articles`, decoded text per analysed article."""
    articles: pd.DataFrame
    texts: dict[str, str]
    lines: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))

    @property
    def ok(self) -> pd.DataFrame:
        """Articles that were decoded and analysed."""
        return self.articles[self.articles["status"] == "ok"]


# ---------------------------------------------------------------- decoding

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Decoded text with more than this share of control characters is binary, or the wrong encoding.
MAX_CONTROL_SHARE = 0.01
# A news article is never this large: bigger files are reported and skipped, not read into memory.
MAX_FILE_BYTES = 50_000_000


def decode(data: bytes) -> tuple[str | None, str, str]:
    """(text, encoding, problem) for raw bytes; text is None when the file cannot be analysed.

    Chain: a BOM decides (UTF-8, UTF-16, UTF-32); NUL bytes without a BOM mean UTF-16 without
    a BOM (NUL in every other byte) or binary; then strict UTF-8; then cp1252 (Windows smart
    quotes), reported; then latin-1, reported. Text that decodes but is full of control
    characters is reported as binary rather than analysed as mojibake.
    """
    text, encoding, problem = _decode_chain(data)
    if text is not None and _control_share(text, data if encoding in ("utf-8", "utf-8-sig") else None) \
            > MAX_CONTROL_SHARE:
        what = "binary file" if encoding in ("utf-8", "utf-8-sig") else f"not text in {encoding} either"
        return None, encoding, f"{what} (more than {MAX_CONTROL_SHARE:.0%} control characters)"
    return text, encoding, problem


def _decode_chain(data: bytes) -> tuple[str | None, str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ""
            except UnicodeDecodeError as exc:
                return None, encoding, f"starts with a {encoding} byte-order mark but does not decode ({exc.reason})"
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            try:
                return data.decode(encoding), encoding, f"no byte-order mark; decoded as {encoding.upper()}"
            except UnicodeDecodeError:
                pass
        return None, "binary", "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", "not valid UTF-8; decoded as cp1252 (Windows-1252)"
    except UnicodeDecodeError:
        pass
    return data.decode("latin-1"), "latin-1", "not valid UTF-8 or cp1252; decoded as latin-1"


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when NUL fills nearly every other byte (ASCII-range text), else ''."""
    if len(data) < 4 or len(data) % 2:
        return ""
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) >= 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return ""


# Markup that plain text does not hold: a doctype or <html> tag near the top, or tags of HTML's text
# elements (<p>, <div class="ad">, </a>, <br/>) in quantity. Prose that mentions a tag ("the <p> tag") has a few.
_HTML_START_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|nav|footer|header|article|section|script|style"
                          r"|table|tr|td|img|meta|link|body|head|title|strong|em|figure|iframe)\b[^<>]{0,500}>",
                          re.IGNORECASE)
HTML_MIN_TAGS = 5


def looks_like_html(text: str) -> bool:
    """Whether a decoded file is an HTML page (or a fragment of one) rather than plain text."""
    if _HTML_START_RE.search(text, 0, 2000):
        return True
    found = 0
    for _ in _HTML_TAG_RE.finditer(text):
        found += 1
        if found >= HTML_MIN_TAGS:
            return True
    return False


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_C0_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0e, 0x20)) + b"\x7f"


def _control_share(text: str, utf8: bytes | None = None) -> float:
    """Share of C0/C1 control characters other than tab, newline, vertical tab, form feed, CR.

    `utf8`: the text's UTF-8 bytes, if at hand. In UTF-8 a C0 control is its own single byte and
    a C1 control (U+0080-U+009F) starts with the byte C2, so without a C2 the controls are counted
    on the bytes, by deleting them (several times faster than the regex).
    """
    if text.isascii():
        utf8 = text.encode("ascii")
    if utf8 is not None and b"\xc2" not in utf8:
        n_controls = len(utf8) - len(utf8.translate(None, _C0_CONTROL_BYTES))
    else:
        n_controls = len(_CONTROL_RE.findall(text))
    return n_controls / max(len(text), 1)


# ---------------------------------------------------------------- structure of one article

def parse_article(article_id: str, raw: str) -> dict[str, list[tuple]]:
    """Rows of the lines, paragraphs and sentences tables for one decoded article."""
    tables = _new_tables()
    _parse_into(tables, article_id, raw)
    return {name: list(zip(*columns)) for name, columns in tables.items()}


_TABLE_COLUMNS = {"lines": LINE_COLUMNS, "paragraphs": PARAGRAPH_COLUMNS, "sentences": SENTENCE_COLUMNS}


def _new_tables() -> dict[str, list[list]]:
    """Empty lines, paragraphs and sentences tables, as one list per column."""
    return {name: [[] for _ in columns] for name, columns in _TABLE_COLUMNS.items()}


def _parse_into(tables: dict[str, list[list]], article_id: str, raw: str) -> None:
    """Append the rows of one decoded article to the column lists of `tables` (see `_new_tables`).

    Column lists rather than row tuples: a chunk of articles builds its tables without a tuple
    per row, which the garbage collector would keep scanning, and without transposing them.
    """
    starts, texts = T.line_texts(raw)
    ends = list(map(add, starts, map(len, texts)))
    blank = [not t.strip() for t in texts]
    n_lines = len(texts)
    line_ids, line_numbers, line_starts, line_ends, line_texts, line_blank = tables["lines"]
    line_ids.extend(repeat(article_id, n_lines))
    line_numbers.extend(range(1, n_lines + 1))
    line_starts.extend(starts)
    line_ends.extend(ends)
    line_texts.extend(texts)
    line_blank.extend(blank)
    para_ids, para_numbers, para_firsts, para_lasts, para_starts, para_ends, para_texts = tables["paragraphs"]
    sent_ids, sent_numbers, sent_paragraphs, sent_starts, sent_ends, sent_texts = tables["sentences"]
    n_sentences = 0
    for number, (first, last) in enumerate(_paragraph_blocks(texts, blank), start=1):
        start, end = starts[first], ends[last]
        text = raw[start:end]
        para_ids.append(article_id)
        para_numbers.append(number)
        para_firsts.append(first + 1)
        para_lasts.append(last + 1)
        para_starts.append(start)
        para_ends.append(end)
        para_texts.append(text)
        for s, e in T.sentence_spans(text, offset=start):
            n_sentences += 1
            sent_ids.append(article_id)
            sent_numbers.append(n_sentences)
            sent_paragraphs.append(number)
            sent_starts.append(s)
            sent_ends.append(e)
            sent_texts.append(raw[s:e])


def _paragraph_blocks(texts: list[str], blank: list[bool]) -> list[tuple[int, int]]:
    """(first, last) line indexes of each paragraph, from the line texts and which are blank.

    Each non-blank line is a paragraph (one-line-per-paragraph copy such as 004, and blank-line
    separated copy alike), except in hard-wrapped text, where blank lines separate paragraphs.
    """
    nonblank = [i for i, b in enumerate(blank) if not b]
    if not _is_hard_wrapped(texts, nonblank):
        return [(i, i) for i in nonblank]
    blocks, current = [], []
    for i in nonblank:
        if current and i != current[-1] + 1:
            blocks.append((current[0], current[-1]))
            current = []
        current.append(i)
    if current:
        blocks.append((current[0], current[-1]))
    return blocks


def _is_hard_wrapped(texts: list[str], nonblank: list[int]) -> bool:
    if len(nonblank) < _WRAP_MIN_LINES:
        return False
    lengths = [len(texts[i]) for i in nonblank]
    if max(lengths) > _WRAP_MAX_WIDTH:
        return False
    width = max(lengths)
    open_ended = sum(1 for i, n in zip(nonblank, lengths)
                     if n >= 0.75 * width and texts[i].rstrip()[-1:] not in ".!?\"'”’:")
    return open_ended / len(nonblank) >= _WRAP_SHARE


# ---------------------------------------------------------------- manifest

def read_manifest(path: Path, folders: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """The manifest with its columns mapped to `file` and `outlet`, and the problems found.

    `file` is the bare file name ("corpus/a.txt" means a.txt of the folder), or with `folders` (a
    corpus read with its sub-folders) the path under the corpus folder, with "/" between folders.

    Only a manifest that does not exist stops the run (CorpusError); one that cannot be read or
    parsed comes back empty with a problem, and the run goes on with ids from file names.
    """
    problems: list[str] = []
    fallback = "ids and outlets come from file names"
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise CorpusError(f"manifest {path} does not exist") from exc
    except OSError as exc:
        return pd.DataFrame(), [f"manifest cannot be read ({exc.strerror or exc}); {fallback}"]
    text, encoding, problem = decode(data)
    if text is None:
        return pd.DataFrame(), [f"manifest is not text ({problem}); {fallback}"]
    if problem:
        problems.append(f"manifest {problem}")
    try:
        manifest = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return pd.DataFrame(), problems + [f"manifest is not a readable CSV file ({reason}); {fallback}"]
    manifest.columns = [str(c).strip() for c in manifest.columns]
    renames = {}
    for wanted in MANIFEST_REQUIRED:
        if wanted in manifest.columns:
            continue
        lower = {c.lower(): c for c in manifest.columns if c not in MANIFEST_REQUIRED}
        close = difflib.get_close_matches(wanted, list(lower), n=1, cutoff=0.6)
        if wanted in lower:
            renames[lower[wanted]] = wanted
        elif close:
            renames[lower[close[0]]] = wanted
            problems.append(f"manifest has no '{wanted}' column; used '{lower[close[0]]}' instead")
        else:
            problems.append(f"manifest has no '{wanted}' column; "
                            + (fallback if wanted == "file" else "outlet set to the article id"))
    manifest = manifest.rename(columns=renames)
    reserved = set(ARTICLE_COLUMNS) - set(MANIFEST_REQUIRED)
    clashes = [c for c in manifest.columns if c in reserved]
    if clashes:
        manifest = manifest.rename(columns={c: f"manifest_{c}" for c in clashes})
        problems.append(f"manifest columns {clashes} clash with computed columns; kept as manifest_<name>")
    if "file" in manifest.columns:
        # "corpus/a.txt" or " a.txt " in a manifest still means the file a.txt of the folder.
        names = manifest["file"].astype(str).str.strip()
        manifest["file"] = (names.str.replace("\\", "/", regex=False).str.replace(r"^(?:\./)+", "", regex=True)
                            if folders else names.str.split(r"[\\/]", regex=True).str[-1])
        blank = manifest["file"] == ""
        if blank.any():
            problems.append(f"manifest has {int(blank.sum())} rows with an empty file name; ignored")
            manifest = manifest[~blank].reset_index(drop=True)
    return manifest, problems


# ---------------------------------------------------------------- the loader

def load_corpus(path: str | Path, manifest: str | Path | None = None, parse: bool = True,
                recursive: bool = False) -> Corpus:
    """Read every `*.txt` file of a folder (sorted), with an optional manifest CSV.

    Manifest: `manifest` if given, else `DIR/articles.csv` if present, else ids from file names
    and each article its own outlet. `parse=False` leaves lines, paragraphs and sentences
    empty (the pipeline parses in worker processes). Nothing is dropped: every file in the folder
    and every manifest row gets a row in `articles` with a `status` and a `problem`, and every
    problem a row in `problems` (file, article_id, problem, action).

    `recursive`: the sub-folders are read too (not hidden ones, nor links to folders). A file is then
    named by its path under the corpus folder ("cnn/2025/a.txt"), its id is that path without ".txt"
    ("cnn/2025/a"), a manifest's `file` is matched on that path (or on the bare file name when only
    one file has it), and a file the manifest does not give an outlet takes the first folder it sits
    in as its outlet ("cnn"): a folder per outlet is how large corpora are usually kept.
    """
    folder = Path(path)
    if not folder.exists():
        raise CorpusError(f"corpus folder {folder} does not exist")
    if not folder.is_dir():
        raise CorpusError(f"corpus path {folder} is not a folder")
    manifest_path = Path(manifest) if manifest else folder / "articles.csv"
    if manifest and not manifest_path.is_file():
        raise CorpusError(f"manifest {manifest_path} does not exist")
    try:
        # Entries share the folder, so their names order them. Only an entry named like the
        # manifest, or a link, can be the manifest itself: only those are resolved (a path each).
        # os.scandir's entries know from the listing which are links and folders: no system call
        # per file for those questions (one stat per file is left, for its size).
        manifest_real = manifest_path.resolve()
        with os.scandir(folder) as listing:
            entries = sorted(((e.name, e) for e in listing
                              if not ((e.name == manifest_path.name or e.is_symlink())
                                      and Path(e.path).resolve() == manifest_real)),
                             key=lambda pair: pair[0])
    except OSError as exc:
        raise CorpusError(f"corpus folder {folder} cannot be read ({exc.strerror or exc})") from exc
    problems: list[tuple[str, str, str, str]] = []
    if recursive:
        entries = _walk(entries, problems)
    rows: list[dict] = []
    texts: dict[str, str] = {}
    by_sha: dict[str, str] = {}
    used_ids: set[str] = set()
    for relative, entry in entries:
        name, name_problem = _display_name(relative)
        if _is_folder(entry):
            problems.append((name + "/", "", "a sub-folder",
                             "not read (only the corpus folder itself is read; --recursive reads sub-folders)"))
            continue
        suffix = _suffix(entry.name)
        stem = name[: -len(suffix)] if suffix.lower() == ".txt" and len(name) > len(suffix) else name
        article_id = _unique_id(stem, used_ids)
        row = {"article_id": article_id, "file": name, "status": "ok", "problem": "", "duplicate_of": "",
               "sha256": "", "encoding": "", "n_chars": 0, "n_lines": 0, "n_words": 0}
        rows.append(row)
        if name_problem:
            _flag(row, problems, "ok", name_problem, "file name shown with replacement characters")
        if suffix.lower() != ".txt":
            _flag(row, problems, "skipped", "not a .txt file", "ignored")
            continue
        try:
            size = entry.stat().st_size
            if size > MAX_FILE_BYTES:
                _flag(row, problems, "skipped", f"{size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit", "skipped")
                continue
            data = Path(entry.path).read_bytes()
        except OSError as exc:
            _flag(row, problems, "unreadable", f"cannot be read ({exc.strerror or exc})", "skipped")
            continue
        row["sha256"] = hashlib.sha256(data).hexdigest()
        if not data:
            _flag(row, problems, "empty", "empty file (0 bytes)", "skipped")
            continue
        text, encoding, problem = decode(data)
        row["encoding"] = encoding
        if text is None:
            _flag(row, problems, "binary" if encoding == "binary" else "undecodable", problem, "skipped")
            continue
        if problem:
            _flag(row, problems, "ok", problem, "analysed")
        if looks_like_html(text):
            _flag(row, problems, "ok", "HTML markup, not plain text",
                  "analysed as plain text, its lines of markup labelled boilerplate; extract the page's text first")
        if not text.strip():
            _flag(row, problems, "empty", "whitespace only", "skipped")
            continue
        if row["sha256"] in by_sha:
            row["duplicate_of"] = by_sha[row["sha256"]]
            _flag(row, problems, "duplicate_of", f"same bytes as {row['duplicate_of']}",
                  "skipped; the first copy is analysed")
            continue
        by_sha[row["sha256"]] = article_id
        texts[article_id] = text
        row.update(n_chars=len(text), n_lines=T.count_lines(text), n_words=T.count_words(text))

    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles = _apply_manifest(articles, manifest_path, problems, used_ids, recursive)
    if not rows:
        problems.append((str(folder), "", "the folder holds no files", "nothing to analyse"))
    corpus = Corpus(articles=articles, texts=texts, lines=_typed(pd.DataFrame(columns=LINE_COLUMNS)),
                    paragraphs=_typed(pd.DataFrame(columns=PARAGRAPH_COLUMNS)),
                    sentences=_typed(pd.DataFrame(columns=SENTENCE_COLUMNS)),
                    problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
    if parse:
        corpus.lines, corpus.paragraphs, corpus.sentences = parse_texts(texts).values()
    return corpus


def parse_texts(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The lines, paragraphs and sentences tables for a mapping of article id to decoded text.

    Column types are fixed even for zero rows (int offsets, bool `blank`, str text), so later
    stages can filter and group an empty chunk the same way as a full one.
    """
    tables = _new_tables()
    for article_id, raw in texts.items():
        _parse_into(tables, article_id, raw)
    return {name: _typed_columns(values, _TABLE_COLUMNS[name]) for name, values in tables.items()}


_COLUMN_TYPES = {"article_id": "str", "text": "str", "blank": "bool", "line": "int64", "paragraph": "int64",
                 "sentence": "int64", "line_first": "int64", "line_last": "int64", "start": "int64", "end": "int64"}


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    return table.astype({c: t for c, t in _COLUMN_TYPES.items() if c in table.columns})


def _typed_columns(values: list[list], columns: list[str]) -> pd.DataFrame:
    """`_typed(pd.DataFrame(dict(zip(columns, values))))`, one typed array per column list: no
    object matrix in between."""
    return pd.DataFrame({c: pd.array(v, dtype="str") if _COLUMN_TYPES[c] == "str"
                         else np.array(v, dtype=_COLUMN_TYPES[c]) for c, v in zip(columns, values)})


def _walk(entries: list[tuple[str, os.DirEntry]], problems: list) -> list[tuple[str, os.DirEntry]]:
    """The files under the listed entries, each named by its path under the corpus folder, sorted by it.

    Sub-folders are read depth first; a hidden folder (".git") and a link to a folder are not (a link
    could loop), each with a problem row. A folder that cannot be read is reported and skipped.
    """
    found: list[tuple[str, os.DirEntry]] = []
    stack = list(reversed(entries))
    while stack:
        relative, entry = stack.pop()
        if not _is_folder(entry):
            found.append((relative, entry))
            continue
        shown = _display_name(relative)[0] + "/"
        if entry.is_symlink():
            problems.append((shown, "", "a link to a folder", "not read (a link could lead back into the corpus)"))
            continue
        if entry.name.startswith("."):
            problems.append((shown, "", "a hidden folder", "not read"))
            continue
        try:
            with os.scandir(entry.path) as listing:
                inner = sorted(((f"{relative}/{e.name}", e) for e in listing), key=lambda pair: pair[0])
        except OSError as exc:
            problems.append((shown, "", f"cannot be read ({exc.strerror or exc})", "skipped"))
            continue
        stack.extend(reversed(inner))
    return sorted(found, key=lambda pair: pair[0])


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _suffix(name: str) -> str:
    """`Path(name).suffix`, without building a path: the last dot and what follows, unless the
    dot starts or ends the name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]")


def _display_name(name: str) -> tuple[str, str]:
    """A file name that can be written to CSV and printed on one line, and the problem if it changed.

    Names that are not valid UTF-8 come from the OS with surrogate escapes, which cannot be
    written; control characters (a newline in a name) would break the one-line warnings.
    """
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    problem = "file name is not valid UTF-8" if shown != name else ""
    if _UNPRINTABLE_RE.search(shown.replace("\ufffd", "")):
        shown = _UNPRINTABLE_RE.sub("\ufffd", shown)
        problem = problem or "file name contains control characters"
    return shown, problem


def _unique_id(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate


def _flag(row: dict, problems: list, status: str, problem: str, action: str) -> None:
    row["status"] = status
    row["problem"] = "; ".join(p for p in (row["problem"], problem) if p)
    problems.append((row["file"], row["article_id"], problem, action))


def _apply_manifest(articles: pd.DataFrame, path: Path, problems: list, used_ids: set[str],
                    folders: bool = False) -> pd.DataFrame:
    """Join manifest columns on `file`; report rows without files and files without rows. With
    `folders`, a file's outlet is by default the first folder it sits in ("cnn/2025/a.txt": cnn)."""
    default = articles["article_id"]
    if folders:
        nested = articles["file"].str.contains("/", regex=False)
        default = articles["file"].str.split("/", n=1).str[0].where(nested, articles["article_id"])
    articles = articles.assign(_default=default)
    manifest, manifest_problems = read_manifest(path, folders) if path.is_file() else (pd.DataFrame(), [])
    problems.extend((path.name, "", p, "continued") for p in manifest_problems)
    if "file" not in manifest.columns:
        return articles.assign(outlet=articles["_default"]).drop(columns="_default")
    if "outlet" not in manifest.columns:
        manifest = manifest.assign(outlet="")
    if folders:   # a manifest naming files without their folders: matched on the name when only one file has it
        names = articles["file"].str.rsplit("/", n=1).str[-1]
        unique = names[~names.duplicated(keep=False)]
        bare = dict(zip(unique, articles.loc[unique.index, "file"]))
        known = set(articles["file"])
        manifest = manifest.assign(file=[f if f in known else bare.get(f, f) for f in manifest["file"]])
    duplicated = manifest["file"].duplicated(keep="first")
    for name in manifest.loc[duplicated, "file"]:
        problems.append((path.name, "", f"manifest lists {name} more than once", "kept the first row"))
    manifest = manifest[~duplicated]
    merged = articles.drop(columns="outlet").merge(manifest, on="file", how="outer", indicator=True, sort=False)
    merged["_merge"] = merged["_merge"].astype(str)
    missing = merged["_merge"] == "right_only"
    for index in merged.index[missing]:
        name = merged.at[index, "file"]
        stem = name[:-4] if name.lower().endswith(".txt") and len(name) > 4 else name
        article_id = _unique_id(stem, used_ids)
        merged.loc[index, ["article_id", "status", "problem", "duplicate_of", "sha256", "encoding"]] = [
            article_id, "missing", "listed in the manifest but no such file", "", "", ""]
        problems.append((name, article_id, "listed in the manifest but no such file", "reported; nothing to analyse"))
    unlisted = (merged["_merge"] == "left_only") & merged["file"].str.lower().str.endswith(".txt")
    for index in merged.index[unlisted]:
        merged.at[index, "problem"] = "; ".join(p for p in (merged.at[index, "problem"], "no manifest row") if p)
        own = merged.at[index, "_default"] == merged.at[index, "article_id"]
        problems.append((merged.at[index, "file"], merged.at[index, "article_id"], "no manifest row",
                         ("analysed with the article id as outlet" if own else "analysed with its folder as outlet")
                         if merged.at[index, "status"] == "ok" else "reported"))
    merged["outlet"] = merged["outlet"].where(merged["outlet"].fillna("").astype(str).str.strip().str.len() > 0,
                                              merged["_default"].fillna(merged["article_id"]))
    merged = merged.drop(columns=["_merge", "_default"])
    extra = [c for c in merged.columns if c not in ARTICLE_COLUMNS]
    merged = merged[ARTICLE_COLUMNS + extra].sort_values("file", kind="stable").reset_index(drop=True)
    for col in ("n_chars", "n_lines", "n_words"):
        merged[col] = merged[col].fillna(0).astype(int)
    for col in ["problem", "duplicate_of", "sha256", "encoding"] + extra:
        merged[col] = merged[col].fillna("")
    return merged


def structure(articles: pd.DataFrame, lines: pd.DataFrame, paragraphs: pd.DataFrame,
              sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per analysed article: how its raw text is laid out (lines, paragraphs, sentences).

    `paragraph_style` tells blank-line separated copy from one-line-per-paragraph copy: the
    share of paragraph breaks that are blank lines.
    """
    nonblank = lines[~lines["blank"].astype(bool)]
    per_line = nonblank.assign(n_words=nonblank["text"].map(T.count_words)).groupby("article_id")
    para = paragraphs.assign(n_words=paragraphs["text"].map(T.count_words)).groupby("article_id")
    n_sentences = sentences.groupby("article_id").size()
    blank_breaks = (
        lines.sort_values(["article_id", "line"])
        .assign(prev_blank=lambda d: d.groupby("article_id")["blank"].shift(1, fill_value=True).astype(bool))
        .loc[lambda d: ~d["blank"].astype(bool)]
        .groupby("article_id")["prev_blank"].mean()
    )
    table = pd.DataFrame({
        "n_lines": lines.groupby("article_id").size(),
        "n_nonblank_lines": per_line.size(),
        "n_paragraphs": para.size(),
        "n_sentences": n_sentences,
        "words_per_paragraph": para["n_words"].mean(),
        "words_per_sentence": per_line["n_words"].sum() / n_sentences,
        "blank_line_breaks": blank_breaks,
    }).fillna(0)
    table["paragraph_style"] = table["blank_line_breaks"].map(
        lambda share: "blank-line separated" if share >= 0.5 else "one line per paragraph")
    ok = articles.loc[articles["status"] == "ok", ["article_id", "outlet"]]
    return ok.merge(table.reset_index(names="article_id"), on="article_id", how="left")
