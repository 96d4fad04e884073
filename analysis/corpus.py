"""Load a folder of plain-text articles into tidy, traceable DataFrames.

Every table carries `article_id` and character offsets into the decoded raw text
(`Corpus.texts[article_id]`), so `raw[start:end] == text` for every row.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

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

def decode(data: bytes) -> tuple[str | None, str, str]:
    """(text, encoding, problem) for raw bytes; text is None when the file cannot be analysed.

    Chain: a BOM decides (UTF-8, UTF-16, UTF-32); NUL bytes without a BOM mean binary;
    then strict UTF-8; then cp1252 (Windows smart quotes), reported; then latin-1, reported.
    """
    boms = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
            (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ""
            except UnicodeDecodeError as exc:
                return None, encoding, f"starts with a {encoding} byte-order mark but does not decode ({exc.reason})"
    if b"\x00" in data:
        return None, "binary", "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252", "not valid UTF-8; decoded as cp1252 (Windows-1252)"
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    if _control_share(text) > 0.01:
        return None, "unknown", "not valid UTF-8, cp1252 or latin-1 text (too many control characters)"
    return text, "latin-1", "not valid UTF-8 or cp1252; decoded as latin-1"


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x80 <= ord(c) < 0xA0)
    return controls / max(len(text), 1)


# ---------------------------------------------------------------- structure of one article

def parse_article(article_id: str, raw: str) -> dict[str, list[tuple]]:
    """Rows of the lines, paragraphs and sentences tables for one decoded article."""
    line_spans = T.split_lines(raw)
    lines = [(article_id, n, s, e, raw[s:e], not raw[s:e].strip()) for n, s, e in line_spans]
    paragraphs = []
    for number, (first, last) in enumerate(_paragraph_blocks(raw, line_spans), start=1):
        _, start, _ = line_spans[first]
        _, _, end = line_spans[last]
        paragraphs.append((article_id, number, line_spans[first][0], line_spans[last][0], start, end, raw[start:end]))
    sentences = []
    for _, number, _, _, start, end, text in paragraphs:
        for s, e in T.sentence_spans(text, offset=start):
            sentences.append((article_id, len(sentences) + 1, number, s, e, raw[s:e]))
    return {"lines": lines, "paragraphs": paragraphs, "sentences": sentences}


def _paragraph_blocks(raw: str, line_spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """(first, last) line indexes of each paragraph.

    Each non-blank line is a paragraph (one-line-per-paragraph copy such as 004, and blank-line
    separated copy alike), except in hard-wrapped text, where blank lines separate paragraphs.
    """
    nonblank = [i for i, (_, s, e) in enumerate(line_spans) if raw[s:e].strip()]
    if not _is_hard_wrapped(raw, line_spans, nonblank):
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


def _is_hard_wrapped(raw: str, line_spans, nonblank: list[int]) -> bool:
    if len(nonblank) < _WRAP_MIN_LINES:
        return False
    lengths = [line_spans[i][2] - line_spans[i][1] for i in nonblank]
    if max(lengths) > _WRAP_MAX_WIDTH:
        return False
    width = max(lengths)
    open_ended = sum(1 for i, n in zip(nonblank, lengths)
                     if n >= 0.75 * width and raw[line_spans[i][1]:line_spans[i][2]].rstrip()[-1:] not in ".!?\"'”’:")
    return open_ended / len(nonblank) >= _WRAP_SHARE


# ---------------------------------------------------------------- manifest

def read_manifest(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """The manifest with its columns mapped to `file` and `outlet`, and the problems found."""
    problems = []
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CorpusError(f"manifest {path} does not exist") from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CorpusError(f"manifest {path} is not a readable CSV file ({exc})") from exc
    manifest.columns = [str(c).strip() for c in manifest.columns]
    renames = {}
    for wanted in MANIFEST_REQUIRED:
        if wanted in manifest.columns:
            continue
        lower = {c.lower(): c for c in manifest.columns}
        close = difflib.get_close_matches(wanted, list(lower), n=1, cutoff=0.6)
        if wanted in lower:
            renames[lower[wanted]] = wanted
        elif close:
            renames[lower[close[0]]] = wanted
            problems.append(f"manifest has no '{wanted}' column; used '{lower[close[0]]}' instead")
        else:
            problems.append(f"manifest has no '{wanted}' column; "
                            + ("ids come from file names" if wanted == "file" else "outlet set to the article id"))
    manifest = manifest.rename(columns=renames)
    reserved = set(ARTICLE_COLUMNS) - set(MANIFEST_REQUIRED)
    clashes = [c for c in manifest.columns if c in reserved]
    if clashes:
        manifest = manifest.rename(columns={c: f"manifest_{c}" for c in clashes})
        problems.append(f"manifest columns {clashes} clash with computed columns; kept as manifest_<name>")
    return manifest, problems


# ---------------------------------------------------------------- the loader

def load_corpus(path: str | Path, manifest: str | Path | None = None, parse: bool = True) -> Corpus:
    """Read every `*.txt` file of a folder (sorted), with an optional manifest CSV.

    Manifest: `manifest` if given, else `DIR/articles.csv` if present, else ids from file names
    and each article its own outlet. `parse=False` leaves lines, paragraphs and sentences
    empty (the pipeline parses in worker processes). Nothing is dropped: every file in the folder and every
    manifest row gets a row in `articles` with a `status` and a `problem`.
    """
    folder = Path(path)
    if not folder.exists():
        raise CorpusError(f"corpus folder {folder} does not exist")
    if not folder.is_dir():
        raise CorpusError(f"corpus path {folder} is not a folder")
    manifest_path = Path(manifest) if manifest else folder / "articles.csv"
    problems: list[tuple[str, str, str, str]] = []
    rows: list[dict] = []
    texts: dict[str, str] = {}
    by_sha: dict[str, str] = {}

    entries = sorted(p for p in folder.iterdir() if p.resolve() != manifest_path.resolve())
    used_ids: set[str] = set()
    for entry in entries:
        if entry.is_dir():
            continue
        article_id = _unique_id(entry.stem if entry.suffix.lower() == ".txt" else entry.name, used_ids)
        row = {"article_id": article_id, "file": entry.name, "status": "ok", "problem": "", "duplicate_of": "",
               "sha256": "", "encoding": "", "n_chars": 0, "n_lines": 0, "n_words": 0}
        rows.append(row)
        if entry.suffix.lower() != ".txt":
            _flag(row, problems, "skipped", "not a .txt file", "ignored")
            continue
        try:
            data = entry.read_bytes()
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
            _flag(row, problems, "undecodable" if encoding != "binary" else "binary", problem, "skipped")
            continue
        if problem:
            _flag(row, problems, "ok", problem, "analysed")
        if not text.strip():
            _flag(row, problems, "empty", "whitespace only", "skipped")
            continue
        if row["sha256"] in by_sha:
            row["duplicate_of"] = by_sha[row["sha256"]]
            _flag(row, problems, "duplicate_of", f"same bytes as {row['duplicate_of']}", "skipped; the first copy is analysed")
            continue
        by_sha[row["sha256"]] = article_id
        texts[article_id] = text
        row.update(n_chars=len(text), n_words=T.count_words(text))

    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles = _apply_manifest(articles, manifest_path, manifest is not None, problems)
    if articles.empty:
        problems.append((str(folder), "", "the folder holds no files", "nothing to analyse"))
    articles["n_lines"] = articles["article_id"].map(
        {article_id: len(T.split_lines(raw)) for article_id, raw in texts.items()}).fillna(0).astype(int)
    corpus = Corpus(articles=articles, texts=texts, lines=_empty(LINE_COLUMNS),
                    paragraphs=_empty(PARAGRAPH_COLUMNS), sentences=_empty(SENTENCE_COLUMNS),
                    problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
    if parse:
        corpus.lines, corpus.paragraphs, corpus.sentences = parse_texts(texts).values()
    return corpus


def parse_texts(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The lines, paragraphs and sentences tables for a mapping of article id to decoded text."""
    parsed = {"lines": [], "paragraphs": [], "sentences": []}
    for article_id, raw in texts.items():
        for name, table_rows in parse_article(article_id, raw).items():
            parsed[name].extend(table_rows)
    return {
        "lines": pd.DataFrame(parsed["lines"], columns=LINE_COLUMNS),
        "paragraphs": pd.DataFrame(parsed["paragraphs"], columns=PARAGRAPH_COLUMNS),
        "sentences": pd.DataFrame(parsed["sentences"], columns=SENTENCE_COLUMNS),
    }


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns)


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


def _apply_manifest(articles: pd.DataFrame, path: Path, explicit: bool, problems: list) -> pd.DataFrame:
    """Join manifest columns on `file`; report rows without files and files without rows."""
    if not path.exists():
        if explicit:
            raise CorpusError(f"manifest {path} does not exist")
        return articles.assign(outlet=articles["article_id"])
    manifest, manifest_problems = read_manifest(path)
    problems.extend((path.name, "", p, "continued") for p in manifest_problems)
    if "file" not in manifest.columns:
        return articles.assign(outlet=articles["article_id"])
    if "outlet" not in manifest.columns:
        manifest = manifest.assign(outlet="")
    duplicated = manifest["file"].duplicated(keep="first")
    for name in manifest.loc[duplicated, "file"]:
        problems.append((path.name, "", f"manifest lists {name} more than once", "kept the first row"))
    manifest = manifest[~duplicated]
    merged = articles.drop(columns="outlet").merge(manifest, on="file", how="outer", indicator=True, sort=False)
    missing = merged["_merge"] == "right_only"
    for index in merged.index[missing]:
        name = merged.at[index, "file"]
        merged.loc[index, ["article_id", "status", "problem", "duplicate_of", "sha256", "encoding"]] = [
            Path(name).stem, "missing", "listed in the manifest but no such file", "", "", ""]
        merged.loc[index, ["n_chars", "n_lines", "n_words"]] = 0
        problems.append((name, Path(name).stem, "listed in the manifest but no such file", "reported; nothing to analyse"))
    unlisted = (merged["_merge"] == "left_only") & merged["file"].str.lower().str.endswith(".txt")
    for index in merged.index[unlisted]:
        merged.at[index, "problem"] = "; ".join(p for p in (merged.at[index, "problem"], "no manifest row") if p)
        problems.append((merged.at[index, "file"], merged.at[index, "article_id"], "no manifest row",
                         "analysed with the article id as outlet"))
    merged["outlet"] = merged["outlet"].where(merged["outlet"].fillna("").astype(str).str.len() > 0,
                                              merged["article_id"])
    merged = merged.drop(columns="_merge")
    extra = [c for c in merged.columns if c not in ARTICLE_COLUMNS]
    merged = merged[ARTICLE_COLUMNS + extra].sort_values("file", kind="stable").reset_index(drop=True)
    for col in ("n_chars", "n_lines", "n_words"):
        merged[col] = merged[col].astype(int)
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
