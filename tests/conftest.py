"""Shared checks for every stage: offsets point into the decoded text, every line labelled once.

`assert_offsets_valid` and `assert_conservation` know no table by name: they check every table
that has offset columns, so stages added later are covered as soon as they produce rows.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

# (start column, end column, column naming the article the offsets point into)
OFFSET_PAIRS = [
    ("start", "end", "article_id"),
    ("speaker_start", "speaker_end", "article_id"),
    ("start_a", "end_a", "article_a"),
    ("start_b", "end_b", "article_b"),
]
LINE_BREAKS = ("\n", "\r", "\r\n")
LABELS = {"content", "metadata", "boilerplate"}


def count_lines(raw: str) -> int:
    """Lines as an editor counts them: CRLF, CR and LF each end one; a final unterminated line counts."""
    breaks = len(re.findall(r"\r\n|\r|\n", raw))
    return breaks + (1 if raw and not raw.endswith(("\n", "\r")) else 0)


def _tables_and_texts(results, texts=None) -> tuple[Mapping[str, pd.DataFrame], Mapping[str, str]]:
    if isinstance(results, Mapping):
        return results, texts or {}
    return results.tables, results.texts


def _absent(start, end) -> bool:
    """No offsets on this row (a quote without a speaker): NaN, or -1 for both."""
    if pd.isna(start) or pd.isna(end):
        return pd.isna(start) and pd.isna(end)
    return int(start) == -1 and int(end) == -1


def assert_offsets_valid(results, texts: Mapping[str, str] | None = None) -> list[str]:
    """Every row of every table with offsets: 0 <= start <= end <= len(raw), raw[start:end] == text.

    `results` is a pipeline Results or a dict of tables (then pass `texts`). Also checks that
    `line` columns name a real line of the article. Returns the names of the checked tables.
    """
    tables, texts = _tables_and_texts(results, texts)
    n_lines = {article_id: count_lines(raw) for article_id, raw in texts.items()}
    checked = []
    for name, table in tables.items():
        if table is None or len(table) == 0:
            continue
        for start_col, end_col, id_col in OFFSET_PAIRS:
            if not {start_col, end_col, id_col} <= set(table.columns):
                continue
            checked.append(f"{name}.{start_col}")
            has_text = start_col == "start" and "text" in table.columns
            columns = [id_col, start_col, end_col] + (["text"] if has_text else [])
            for row in table[columns].itertuples(index=False):
                article_id, start, end = str(row[0]), row[1], row[2]
                where = f"{name} row {tuple(row)!r:.200}"
                if start_col != "start" and _absent(start, end):
                    continue
                assert article_id in texts, f"{where}: unknown article {article_id!r}"
                raw = texts[article_id]
                assert not (pd.isna(start) or pd.isna(end)), f"{where}: missing offsets"
                assert float(start) == int(start) and float(end) == int(end), f"{where}: offsets not integers"
                start, end = int(start), int(end)
                assert 0 <= start <= end <= len(raw), f"{where}: outside the text ({len(raw)} chars)"
                if has_text:
                    assert raw[start:end] == ("" if pd.isna(row[3]) else str(row[3])), f"{where}: raw[start:end] != text"
        if "line" in table.columns and "article_id" in table.columns and name != "lines":
            for article_id, line in table[["article_id", "line"]].itertuples(index=False):
                if pd.isna(line) or str(article_id) not in n_lines:
                    continue
                assert 1 <= int(line) <= n_lines[str(article_id)], f"{name}: line {line} outside {article_id}"
    return checked


def assert_conservation(results, texts: Mapping[str, str] | None = None) -> None:
    """Lines partition each decoded text; every non-blank line has exactly one label, blank lines none.

    Content + metadata + boilerplate characters add up to all non-blank characters.
    """
    tables, texts = _tables_and_texts(results, texts)
    lines = tables["lines"]
    assert set(lines["article_id"].astype(str)) == set(texts), "lines and texts cover different articles"
    assert not lines.duplicated(["article_id", "line"]).any(), "a line appears twice"
    labelled = "label" in lines.columns
    for article_id, rows in lines.groupby("article_id", sort=False):
        raw = texts[str(article_id)]
        rows = rows.sort_values("line")
        assert list(rows["line"]) == list(range(1, len(rows) + 1)), f"{article_id}: line numbers have gaps"
        position = 0
        totals = dict.fromkeys(LABELS, 0)
        nonblank_chars = 0
        columns = ["start", "end", "text", "blank"] + (["label"] if labelled else [])
        for i, row in enumerate(rows[columns].itertuples(index=False)):
            start, end = int(row.start), int(row.end)
            gap = raw[position:start]
            assert (gap == "") if i == 0 else (gap in LINE_BREAKS), f"{article_id}: {gap!r} between lines"
            assert raw[start:end] == row.text and not re.search(r"[\r\n]", row.text)
            assert bool(row.blank) == (not row.text.strip()), f"{article_id}: blank flag wrong on {row.text!r}"
            position = end
            if labelled:
                label = "" if pd.isna(row.label) else row.label
                if row.blank:
                    assert label == "", f"{article_id}: blank line labelled {label!r}"
                else:
                    assert label in LABELS, f"{article_id}: line {row.text!r} labelled {label!r}"
                    totals[label] += end - start
            if not row.blank:
                nonblank_chars += end - start
        assert raw[position:] in ("",) + LINE_BREAKS, f"{article_id}: text after the last line"
        if labelled:
            assert sum(totals.values()) == nonblank_chars, f"{article_id}: labels do not add up"


def assert_articles_complete(results, folder, manifest_name: str = "articles.csv") -> None:
    """Every file of the folder (but the manifest) has exactly one row; every text an ok row."""
    articles = results["articles"]
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != manifest_name)
    shown = sorted(articles.loc[articles["status"] != "missing", "file"])
    assert len(shown) == len(names), (shown, names)
    assert articles["article_id"].is_unique
    ok = articles.loc[articles["status"] == "ok", "article_id"]
    assert sorted(ok) == sorted(results.texts)


# ---------------------------------------------------------------- messy corpora, built in tmp_path

ARTICLE = (
    "Daily Example News\n"
    "\n"
    "Canada orders \u201cAcme Co. Ltd.\u201d to shut down\n"
    "\n"
    "By J. K. Rowling | Oct. 8, 2025\n"
    "\n"
    "OTTAWA (Reuters) - The U.S. and Canada said on Monday that Acme Co. would close its offices. "
    "\u201cWe will appeal,\u201d said Ms. Smith, the company\u2019s spokesperson.\n"
    "\n"
    "Mr. Jones said the decision was \u201cfinal\u201d and that \u2018nothing\u2019 would change. "
    "The government did not say when.\n"
    "\n"
    "Share this article\n"
    "Leave a Reply\n"
)
OTHER = ARTICLE.replace("Acme", "Borealis").replace("Monday", "Friday")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def case(files: dict, statuses: dict, problems: tuple = (), manifest: bytes | None = None, exit_code: int = 0,
         encodings: dict | None = None, texts: dict | None = None, folders: tuple = ()) -> dict:
    """One messy corpus: file name -> bytes, the status each file must get, problem substrings."""
    return {"files": files, "statuses": statuses, "problems": problems, "manifest": manifest,
            "exit_code": exit_code, "encodings": encodings or {}, "texts": texts or {}, "folders": folders}


GOOD = ARTICLE.encode("utf-8")
MESSY = {
    "empty_file": case({"a.txt": GOOD, "empty.txt": b""}, {"a.txt": "ok", "empty.txt": "empty"}, ("empty file",)),
    "whitespace_only": case({"a.txt": GOOD, "blank.txt": b" \n\t\r\n\u00a0\n".replace(b"\u00a0", "\u00a0".encode())},
                            {"blank.txt": "empty"}, ("whitespace only",)),
    "binary_nul": case({"a.txt": GOOD, "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
                       {"image.txt": "binary"}, ("binary",)),
    "binary_without_nul": case({"a.txt": GOOD, "noise.txt": bytes(range(1, 32)) * 20 + b"text"},
                               {"noise.txt": "undecodable"}, ("control characters",)),
    "cp1252_smart_quotes": case({"a.txt": GOOD, "windows.txt": ARTICLE.encode("cp1252")},
                                {"windows.txt": "ok"}, ("cp1252",), encodings={"windows.txt": "cp1252"},
                                texts={"windows.txt": ARTICLE}),
    "latin1": case({"a.txt": GOOD, "latin.txt": "Montr\u00e9al, na\u00efve caf\u00e9 \u00bbpr\u00e8s\u00ab.\n".encode("latin-1")},
                   {"latin.txt": "ok"}, ("not valid UTF-8",), texts={"latin.txt": "Montr\u00e9al, na\u00efve caf\u00e9 \u00bbpr\u00e8s\u00ab.\n"}),
    # 0x81 is undefined in cp1252, so only the latin-1 step of the chain decodes this file.
    "latin1_fallback": case({"a.txt": GOOD, "stray.txt": OTHER.encode("latin-1", "replace") + b"\x81\n"},
                            {"stray.txt": "ok"}, ("latin-1",), encodings={"stray.txt": "latin-1"}),
    "utf8_bom": case({"bom.txt": b"\xef\xbb\xbf" + GOOD}, {"bom.txt": "ok"}, encodings={"bom.txt": "utf-8-sig"},
                     texts={"bom.txt": ARTICLE}),
    "utf16_bom": case({"le.txt": ARTICLE.encode("utf-16"), "be.txt": b"\xfe\xff" + OTHER.encode("utf-16-be")},
                      {"le.txt": "ok", "be.txt": "ok"}, encodings={"le.txt": "utf-16", "be.txt": "utf-16"},
                      texts={"le.txt": ARTICLE, "be.txt": OTHER}),
    "utf16_without_bom": case({"a.txt": GOOD, "nobom.txt": OTHER.encode("utf-16-le")}, {"nobom.txt": "ok"},
                              ("no byte-order mark",), encodings={"nobom.txt": "utf-16-le"}, texts={"nobom.txt": OTHER}),
    "crlf": case({"dos.txt": crlf(ARTICLE).encode()}, {"dos.txt": "ok"}, texts={"dos.txt": crlf(ARTICLE)}),
    "cr": case({"mac.txt": ARTICLE.replace("\n", "\r").encode()}, {"mac.txt": "ok"}),
    "mixed_line_endings": case({"mixed.txt": ("Headline\r\n\r\nFirst para.\rSecond para.\n\nThird \u201cpara\u201d.\r\n"
                                              "Last line without newline").encode()}, {"mixed.txt": "ok"}),
    "no_blank_lines": case({"dense.txt": ARTICLE.replace("\n\n", "\n").encode()}, {"dense.txt": "ok"}),
    "no_newline_at_all": case({"one.txt": ARTICLE.replace("\n", " ").encode()}, {"one.txt": "ok"}),
    "quotes_unbalanced": case({"q.txt": ("He said \u201cthis never ends.\n\nShe said \u201cyes\u201d and \u201cno.\n\n"
                                         "\u201d A stray closer. And \u2018single.\n").encode()}, {"q.txt": "ok"}),
    "quotes_nested": case({"q.txt": ("\u201cHe told me \u2018we will \u201cnever\u201d leave\u2019 today,\u201d she said.\n\n"
                                     "\u00abLes \u201cguillemets\u201d\u00bb et \u201e\u00f6sterreich\u201c.\n").encode()}, {"q.txt": "ok"}),
    "quotes_straight_only": case({"q.txt": ('"We will appeal," said Ms. Smith. "It\'s \'wrong\'," she added.\n\n'
                                            'Jones said: "Final.\n\n"Odd count" of "marks.\n').encode()}, {"q.txt": "ok"}),
    "duplicate_files": case({"a.txt": GOOD, "z copy.txt": GOOD, "b.txt": OTHER.encode()},
                            {"a.txt": "ok", "z copy.txt": "duplicate_of", "b.txt": "ok"}, ("same bytes",)),
    "manifest_row_without_file": case({"a.txt": GOOD}, {"a.txt": "ok", "gone.txt": "missing"}, ("no such file",),
                                      manifest=b"file,outlet\na.txt,Alpha\ngone.txt,Gamma\n"),
    "file_without_manifest_row": case({"a.txt": GOOD, "b.txt": OTHER.encode()}, {"a.txt": "ok", "b.txt": "ok"},
                                      ("no manifest row",), manifest=b"file,outlet\na.txt,Alpha\n"),
    "manifest_missing_column": case({"a.txt": GOOD}, {"a.txt": "ok"}, ("no 'outlet' column",),
                                    manifest=b"file,section\na.txt,World\n"),
    "manifest_misspelled_column": case({"a.txt": GOOD, "b.txt": OTHER.encode()}, {"a.txt": "ok", "b.txt": "ok"},
                                       ("used 'Fiel'", "used 'Outlte'"), manifest=b"Fiel,Outlte\na.txt,Alpha\nb.txt,Beta\n"),
    "manifest_not_csv": case({"a.txt": GOOD}, {"a.txt": "ok"}, ("manifest",), manifest=b"\x00\x01\x02\x03"),
    "manifest_empty": case({"a.txt": GOOD}, {"a.txt": "ok"}, ("manifest",), manifest=b""),
    "non_txt_files": case({"a.txt": GOOD, "notes.md": b"# notes", "photo.jpg": b"\xff\xd8\xff", ".DS_Store": b"\x00"},
                          {"a.txt": "ok", "notes.md": "skipped", "photo.jpg": "skipped", ".DS_Store": "skipped"},
                          ("not a .txt file",), folders=("sub",)),
    "odd_file_names": case({"my article \u00e9t\u00e9 \u2014 2025.txt": GOOD, "\u65b0\u95fb.txt": OTHER.encode(),
                            "UPPER.TXT": crlf(OTHER).encode()},
                           {"my article \u00e9t\u00e9 \u2014 2025.txt": "ok", "\u65b0\u95fb.txt": "ok", "UPPER.TXT": "ok"}),
    "empty_folder": case({}, {}, ("no files",), exit_code=1),
    "every_file_bad": case({"empty.txt": b"", "bin.txt": b"\x00\x00"}, {"empty.txt": "empty", "bin.txt": "binary"},
                           ("empty file", "binary"), exit_code=1),
}


def build(folder, spec: dict):
    """Write a MESSY case into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in spec["files"].items():
        (folder / name).write_bytes(data)
    for name in spec["folders"]:
        (folder / name).mkdir()
        (folder / name / "inner.txt").write_bytes(GOOD)
    if spec["manifest"] is not None:
        (folder / "articles.csv").write_bytes(spec["manifest"])
    return folder


def big_single_line(n_bytes: int = 5_000_000) -> bytes:
    """A 5 MB file with no line break: generated sentences of ~80 words (no quote marks)."""
    words = "government company camera security operations Canada order court review minister data".split()
    sentence = " ".join(words[(i * 7) % len(words)] for i in range(80)).capitalize() + ". "
    variants = [sentence.replace("court", f"court {n}") for n in range(50)]
    body = "".join(variants) * (n_bytes // len("".join(variants)) + 1)
    return body[:n_bytes].rsplit(" ", 1)[0].encode()


MESSY["single_line_5mb"] = case({"a.txt": GOOD, "huge.txt": big_single_line()}, {"huge.txt": "ok"})
