"""HTML reports people share: executed notebooks (full and reader's), annotated articles, an index.

`build` runs the pipeline once, executes every notebook on the corpus with papermill, renders
each twice with nbconvert and writes one page per article with its evidence marked from the
tables' offsets. `annotate` shows the same article view in a notebook cell.
"""
from __future__ import annotations

import html
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as urlquote

import pandas as pd

from analysis import pipeline, summary as S
from analysis.paths import NOTEBOOKS, SEEDS

FIGURES_ENV = "NEWSCOMPARE_FIGURES"           # read by analysis.plots.save inside the kernels
ARTICLES_URL_ENV = "NEWSCOMPARE_ARTICLES_URL"   # where notebook tables link article ids to
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
PARAMETER_TAGS = ("parameters", "injected-parameters")
# ipykernel warns on stderr about unencrypted local TCP at every start; the command line stays quiet.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]

# Highlight colours of quotes by speaker type (light tints, dark text stays readable).
SPEAKER_COLORS = {
    "government": "#cfe2f7", "foreign_government": "#e3d7f5", "company": "#fddcbc", "advocacy_group": "#d3efd3",
    "expert": "#f8d3e6", "media": "#e2e2e2", "unknown": "#fff1a8",
}
OTHER_SPEAKER_COLOR = "#f3ead6"
# Frame underline colours: strong, distinct hues, assigned to sorted frame names.
FRAME_PALETTE = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                 "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"]
# Nesting order when spans cover the same text: lines outermost, frame terms innermost.
KIND_ORDER = {"line": 0, "reuse": 1, "quote": 2, "speaker": 3, "frame": 4}

VARS = "--ink: #1d1d1f; --muted: #6e6e73; --rule: #e5e5ea; --accent: #0b5cad;"
# Styles of the annotated article and its legend, scoped to .nc-view so a notebook cell can carry them.
ARTICLE_CSS = """
.nc-view { %s }
.nc-view .facts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin: 0.5rem 0 1rem; padding: 0; list-style: none; font-size: 0.9rem; }
.nc-view .facts b { font-variant-numeric: tabular-nums; }
.nc-view .legend { display: flex; flex-wrap: wrap; gap: 0.35rem 0.9rem; font-size: 0.8rem; color: var(--muted);
          border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 1rem; line-height: 1.8; }
.nc-view .legend span.key { white-space: nowrap; }
.nc-view .swatch { display: inline-block; padding: 0 0.3rem; border-radius: 3px; color: var(--ink); line-height: 1.4; }
.nc-article { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif;
              font-size: 1.05rem; line-height: 1.7; color: var(--ink); }
.nc-article .noise { color: #9a9aa0; }
.nc-article .noise.boilerplate { text-decoration: line-through; text-decoration-color: #cfcfd4; }
.nc-article .headline { font-weight: 700; font-size: 1.15em; }
.nc-article .subhead { font-weight: 700; }
.nc-article .q { border-radius: 3px; padding: 0 1px; }
.nc-article .q-term { background: none; border-bottom: 1px dotted #999; }
.nc-article .spk { border-bottom: 2px dotted #555; }
.nc-article .fr { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.nc-article .reuse { outline: 1.5px dashed #5a5a5a; outline-offset: 1px; border-radius: 2px; }
.nc-article .reuse.verbatim { outline-style: solid; }
.nc-article a.reuse-link { font: 600 0.7rem/1 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; vertical-align: super;
               text-decoration: none; margin-left: 2px; white-space: nowrap; color: var(--accent); }
""" % VARS
# The pages' own chrome: the index and the article pages.
PAGE_CSS = """
:root { %s }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f4f4f6;
       font: 16px/1.6 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; background: #fff; min-height: 100vh; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.4rem 0 0.6rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
a { color: var(--accent); }
nav.crumbs { font-size: 0.85rem; color: var(--muted); }
.meta { color: var(--muted); font-size: 0.95rem; margin: 0 0 1rem; }
table.nc { border-collapse: collapse; width: 100%%; font-size: 0.9rem; }
table.nc th, table.nc td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.nc th { font-weight: 600; color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; }
table.nc small { color: var(--muted); }
.findings { padding-left: 1.2rem; }
.findings li { margin: 0.35rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 600px) { main { padding: 1rem 0.8rem 3rem; } h1 { font-size: 1.3rem; } .nc-article { font-size: 1rem; } }
""" % VARS + ARTICLE_CSS

# Page chrome added to nbconvert's lab template: no CDN scripts (the pages must work offline and
# by mail), a link back to the index, a readable column.
NOTEBOOK_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}<style>
body.jp-Notebook { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.nc-nav { font: 0.85rem/1.4 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0.5rem 0 1rem; color: #6e6e73; }
.jp-RenderedHTMLCommon table { font-size: 0.85rem; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
</style>{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
<nav class="nc-nav"><a href="../index.html">&larr; Report index</a></nav>
{%- endblock body_header -%}
"""


# ---------------------------------------------------------------- annotated articles

@dataclass(frozen=True)
class Span:
    """One annotation of raw[start:end]: CSS classes, a hover title, an optional inline style and link."""
    start: int
    end: int
    kind: str
    classes: str
    title: str = ""
    style: str = ""
    link: str = ""        # href of a marker written right after the span (reused passages)
    link_text: str = ""


def frame_colors(frames) -> dict[str, str]:
    """A fixed colour per frame: sorted names take the palette in order, so every page agrees."""
    names = sorted({str(f) for f in frames if str(f)})
    return {name: FRAME_PALETTE[i % len(FRAME_PALETTE)] for i, name in enumerate(names)}


def all_frames(results) -> list[str]:
    names = set()
    for table, column in (("frames", "frame"), ("frame_hits", "frame")):
        frame = results.tables.get(table)
        if frame is not None and column in frame.columns:
            names.update(frame[column].dropna().astype(str))
    return sorted(names)


class EvidenceIndex:
    """Each table's rows by article, grouped once: pages for many articles without rescanning tables.

    Columns are held as plain object arrays, so one article's rows come out as small dicts
    without pandas indexing per page.
    """

    def __init__(self, results):
        self.results = results
        self._groups: dict[tuple[str, str], tuple[dict, dict]] = {}
        self._sizes: tuple[dict, dict[str, int]] | None = None

    def outlet_sizes(self, outlets: dict[str, str]) -> dict[str, int]:
        """Articles per outlet name (counted once per mapping)."""
        if self._sizes is None or self._sizes[0] is not outlets:
            self._sizes = (outlets, pd.Series(list(outlets.values()), dtype=object).value_counts().to_dict())
        return self._sizes[1]

    def rows(self, name: str, column: str, article_id: str) -> list[dict]:
        """The rows of table `name` whose `column` is `article_id`, as dicts."""
        key = (name, column)
        if key not in self._groups:
            table = self.results.tables.get(name)
            if table is None or table.empty or column not in table.columns:
                self._groups[key] = ({}, {})
            else:
                arrays = {c: table[c].to_numpy(dtype=object, na_value=None) for c in table.columns}
                self._groups[key] = (arrays, table.groupby(table[column].astype(str), sort=False).indices)
        arrays, groups = self._groups[key]
        return [{c: values[i] for c, values in arrays.items()} for i in groups.get(article_id, ())]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # None, NaN, '' or text in an offset column
        return None


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def article_spans(article_id: str, results, article_href=None, colors: dict[str, str] | None = None,
                  outlets: dict[str, str] | None = None, index: EvidenceIndex | None = None) -> list[Span]:
    """Every annotation of one article from the tables, as spans over its raw text.

    `article_href(other_id)` gives the link of another article's page (None: no links).
    """
    spans: list[Span] = []
    index = index or EvidenceIndex(results)
    colors = colors if colors is not None else frame_colors(all_frames(results))
    outlets = outlets if outlets is not None else _outlets(results)
    shared_outlets = index.outlet_sizes(outlets)

    for row in index.rows("lines", "article_id", article_id):
        label, role = _text(row.get("label")), _text(row.get("role"))
        start, end = _int(row.get("start")), _int(row.get("end"))
        if start is None or end is None:
            continue
        if label in ("metadata", "boilerplate"):
            reason = _text(row.get("reason"))
            title = f"{label}: {role}" + (f" ({reason})" if reason else "")
            spans.append(Span(start, end, "line", f"noise {label} role-{_css(role)}", title))
        elif label == "content" and role in ("headline", "subhead"):
            spans.append(Span(start, end, "line", role, f"content: {role}"))

    for row in index.rows("quotes", "article_id", article_id):
        start, end = _int(row.get("start")), _int(row.get("end"))
        kind, speaker_type = _text(row.get("kind")), _text(row.get("speaker_type")) or "unknown"
        speaker = _text(row.get("speaker")) or "no speaker found"
        if start is None or end is None:
            continue
        if kind == "term":
            spans.append(Span(start, end, "quote", "q q-term", "quoted term (not counted as a quote)"))
            continue
        color = SPEAKER_COLORS.get(speaker_type, OTHER_SPEAKER_COLOR)
        cue = _text(row.get("cue"))
        title = f"{speaker} ({speaker_type.replace('_', ' ')}) · {kind} quote" + (f" · cue: {cue}" if cue else "")
        spans.append(Span(start, end, "quote", f"q q-{_css(speaker_type)}", title, f"background:{color}"))
        s_start, s_end = _int(row.get("speaker_start")), _int(row.get("speaker_end"))
        if s_start is not None and s_end is not None and s_end > s_start:
            spans.append(Span(s_start, s_end, "speaker", "spk", f"speaker mention → {speaker}"))

    for row in index.rows("frame_hits", "article_id", article_id):
        start, end = _int(row.get("start")), _int(row.get("end"))
        if start is None or end is None:
            continue
        frame = _text(row.get("frame"))
        voice, term = _text(row.get("voice")), _text(row.get("term"))
        title = f"frame: {frame}" + (f" · cue “{term}”" if term else "") + (f" · {voice}" if voice else "")
        spans.append(Span(start, end, "frame", "fr", title, f"text-decoration-color:{colors.get(frame, '#555')}"))

    for mine, other in (("a", "b"), ("b", "a")):
        for row in index.rows("reuse", f"article_{mine}", article_id):
            start, end = _int(row.get(f"start_{mine}")), _int(row.get(f"end_{mine}"))
            other_id = _text(row.get(f"article_{other}"))
            if start is None or end is None:
                continue
            relation = _text(row.get("relation")) or "reuse"
            similarity = pd.to_numeric(row.get("similarity"), errors="coerce")
            shared = _text(row.get("shared"))
            other_name = outlets.get(other_id, other_id)
            if shared_outlets.get(other_name, 0) > 1:  # name the article when its outlet has several
                other_name = f"{other_name} · {other_id}"
            title = (f"{relation.replace('_', ' ')} with {other_name} ({other_id})"
                     + (f" · similarity {similarity:.2f}" if pd.notna(similarity) else "")
                     + (f" · shared: {shared}" if shared else ""))
            href = article_href(other_id) if article_href else ""
            spans.append(Span(start, end, "reuse", f"reuse {_css(relation)}", title, "", href or "",
                              f"↗ {other_name}"))
    return spans


def _css(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in str(name)) or "none"


def render_spans(raw: str, spans: list[Span]) -> str:
    """Raw text as HTML with spans properly nested: a span cut by another is closed and reopened."""
    n = len(raw)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    starts: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        starts.setdefault(span.start, []).append(i)
    bounds = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[int] = []
    for k, pos in enumerate(bounds):
        ending = [depth for depth, i in enumerate(stack) if spans[i].end == pos]
        reopen: list[int] = []
        if ending:
            cut = min(ending)
            for i in reversed(stack[cut:]):
                out.append("</span>")
            reopen = [i for i in stack[cut:] if spans[i].end != pos]
            closed = [i for i in stack[cut:] if spans[i].end == pos]
            del stack[cut:]
            for i in sorted(closed, key=lambda i: spans[i].start):
                if spans[i].link:
                    out.append(f'<a class="reuse-link" href="{html.escape(spans[i].link)}" '
                               f'title="{html.escape(spans[i].title)}">{html.escape(spans[i].link_text)}</a>')
        opening = reopen + starts.get(pos, [])
        for i in sorted(opening, key=lambda i: (-spans[i].end, KIND_ORDER.get(spans[i].kind, 9), i)):
            span = spans[i]
            attrs = f' class="{html.escape(span.classes)}"'
            if span.title:
                attrs += f' title="{html.escape(span.title)}"'
            if span.style:
                attrs += f' style="{html.escape(span.style)}"'
            out.append(f"<span{attrs}>")
            stack.append(i)
        if k + 1 < len(bounds):
            out.append(html.escape(raw[pos:bounds[k + 1]]))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def legend_html(frames: dict[str, str], speaker_types=None) -> str:
    """The key to the marks: noise, quotes by speaker type, frame colours, reused passages."""
    extra = set() if speaker_types is None else {str(t) for t in speaker_types}
    types = list(SPEAKER_COLORS) + sorted(extra - set(SPEAKER_COLORS) - {""})
    keys = ['<span class="key"><span class="swatch" style="color:#9a9aa0">dimmed</span> metadata</span>',
            '<span class="key"><span class="swatch" style="color:#9a9aa0;text-decoration:line-through">struck</span> boilerplate</span>']
    keys += [f'<span class="key"><span class="swatch" style="background:{SPEAKER_COLORS.get(t, OTHER_SPEAKER_COLOR)}">'
             f'quote</span> {html.escape(t.replace("_", " "))}</span>' for t in types]
    keys.append('<span class="key"><span class="swatch" style="border-bottom:2px dotted #555">name</span> speaker</span>')
    keys += [f'<span class="key"><span class="swatch" style="text-decoration:underline {c} 2px;text-underline-offset:3px">'
             f'cue</span> {html.escape(f.replace("_", " "))}</span>' for f, c in frames.items()]
    keys.append('<span class="key"><span class="swatch" style="outline:1.5px dashed #5a5a5a">passage</span> '
                'also in another article (solid: verbatim)</span>')
    return ('<div class="legend" role="note"><b>Key</b> (hover any mark for details) ' + " ".join(keys) + "</div>")


def article_view(article_id: str, results, article_href=None, colors=None, outlets=None,
                 index: EvidenceIndex | None = None) -> str:
    """Legend plus the annotated raw text, as an HTML fragment."""
    raw = results.texts.get(article_id, "")
    index = index or EvidenceIndex(results)
    spans = article_spans(article_id, results, article_href, colors, outlets, index)
    colors = colors if colors is not None else frame_colors(all_frames(results))
    found = {_text(row.get("frame")) for row in index.rows("frame_hits", "article_id", article_id)}
    used_frames = {f: c for f, c in colors.items() if f in found}
    types = {_text(row.get("speaker_type")) for row in index.rows("quotes", "article_id", article_id)}
    return legend_html(used_frames, types) + f'<div class="nc-article">{render_spans(raw, spans)}</div>'


def annotate(article_id: str, results=None):
    """The annotated article in a notebook cell (runs the pipeline on the seeds when no results are given)."""
    from IPython.display import HTML
    if results is None:
        results = pipeline.run(SEEDS, workers=1)
    if article_id not in results.texts:
        return HTML(f"<p>No analysed article with id {html.escape(str(article_id))}.</p>")
    outlets = _outlets(results)
    body = article_view(article_id, results, None, None, outlets)
    return HTML(f"<style>{ARTICLE_CSS}</style><div class='nc-view' style='max-width:48rem'>"
                f"{_facts(article_id, results, outlets)}{body}</div>")


def _outlets(results) -> dict[str, str]:
    articles = S.analysed_articles(results)
    return dict(zip(articles["article_id"], articles["outlet"]))


def headline(article_id: str, results, index: EvidenceIndex | None = None) -> str:
    """The article's headline line, else its first non-blank line (shortened)."""
    index = index or EvidenceIndex(results)
    raw = results.texts.get(article_id, "")
    heads = [row for row in index.rows("lines", "article_id", article_id) if _text(row.get("role")) == "headline"]
    if heads and _int(heads[0].get("start")) is not None and _int(heads[0].get("end")) is not None:
        return _short(raw[_int(heads[0]["start"]):_int(heads[0]["end"])])
    for line in raw.splitlines():
        if line.strip():
            return _short(line)
    return article_id


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _facts(article_id: str, results, outlets: dict[str, str], index: EvidenceIndex | None = None) -> str:
    index = index or EvidenceIndex(results)
    rows = index.rows("articles", "article_id", article_id)
    facts = [("outlet", html.escape(outlets.get(article_id, article_id)))]
    if rows:
        row = rows[0]
        for column, label in (("noise_share_lines", "noise share"), ("quote_share", "quote share"),
                              ("originality_share", "original")):
            value = pd.to_numeric(row.get(column), errors="coerce")
            if pd.notna(value):
                facts.append((label, f"{100 * value:.0f}%"))
        if _text(row.get("file")):
            facts.append(("file", html.escape(_text(row["file"]))))
    n_quotes = len(index.rows("quotes", "article_id", article_id))
    facts.append(("quotes", str(n_quotes)))
    return '<ul class="facts">' + "".join(f"<li>{k}: <b>{v}</b></li>" for k, v in facts) + "</ul>"


def page_stem(article_id: str) -> str:
    """The file name (without ".html") of an article's page: one folder holds every page, so the folders
    of an id read from a nested corpus ("cnn/2025/a") are joined by "__" ("cnn__2025__a")."""
    return article_id.replace("/", "__")


def article_page(article_id: str, results, colors=None, outlets=None, index: EvidenceIndex | None = None) -> str:
    """A self-contained HTML page for one article, linking to the pages of articles it shares text with."""
    outlets = outlets if outlets is not None else _outlets(results)
    index = index or EvidenceIndex(results)
    body = article_view(article_id, results, lambda other: f"{urlquote(page_stem(other))}.html", colors, outlets, index)
    title = headline(article_id, results, index)
    return _page(title, f'<nav class="crumbs"><a href="../index.html">&larr; Report index</a> · article {html.escape(article_id)}</nav>'
                        f"<h1>{html.escape(title)}</h1>{_facts(article_id, results, outlets, index)}{body}"
                        "<footer>Raw text as collected; marks come from the tables in tables/ "
                        "(offsets into this text). Generated by newscompare.</footer>")


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{PAGE_CSS}</style></head>"
            f"<body><main class=\"nc-view\">{body}</main></body></html>\n")


# ---------------------------------------------------------------- links from notebook tables

def article_link(article_id: str, text: str | None = None) -> str:
    """An HTML link to an article's page when running under the report, else the escaped id."""
    label = html.escape(text if text is not None else str(article_id))
    base = os.environ.get(ARTICLES_URL_ENV)
    if not base:
        return label
    return f'<a href="{html.escape(base)}{urlquote(page_stem(str(article_id)))}.html">{label}</a>'


def summary_table_html(table: pd.DataFrame) -> str:
    """The outlet summary as one readable HTML table; article ids link to their pages in the report."""
    def pct(x):
        return "–" if pd.isna(x) else f"{100 * x:.0f}%"

    def interval(value, low, high, digits):
        if pd.isna(value):
            return "–"
        text = f"{value:+.{digits}f}" if digits == 2 else f"{value:.{digits}f}"
        return text + (f" <small>({low:.{digits}f} to {high:.{digits}f})</small>" if pd.notna(low) and pd.notna(high) else "")

    head = ["Outlet", "Articles", "Noise", "Quote share", "Direct quotes", "Most-quoted voice",
            "Narrator tone (95% CI)", "Grade (95% CI)", "Top frames", "Leads with", "Original"]
    rows = []
    for r in table.itertuples(index=False):
        voice = "–" if not r.top_voice else f"{r.top_voice.replace('_', ' ')} ({pct(r.top_voice_share)})"
        links = " ".join(article_link(a) for a in str(r.article_ids).split())
        cells = [f"{html.escape(str(r.outlet))}<br><small>{links}</small>", str(r.n_articles), pct(r.noise_share),
                 pct(r.quote_share), "–" if pd.isna(r.n_direct_quotes) else str(int(r.n_direct_quotes)),
                 html.escape(voice), interval(r.tone, r.tone_low, r.tone_high, 2),
                 interval(r.grade, r.grade_low, r.grade_high, 1),
                 html.escape(r.top_frames.replace("_", " ")) or "–", html.escape(r.lead_frame.replace("_", " ")) or "–",
                 pct(r.originality_share)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ('<table class="nc-summary"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


# ---------------------------------------------------------------- the report

def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    return sorted(Path(folder).glob(NOTEBOOK_GLOB))


def describe(path: Path) -> tuple[str, str]:
    """(title, one-line description) from a notebook's first Markdown cell."""
    import nbformat
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # an unreadable notebook still gets an index entry; its run will say what is wrong
        return path.stem, ""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            lines = [line.strip() for line in cell.source.strip().splitlines() if line.strip()]
            title = lines[0].lstrip("#").strip()
            rest = " ".join(line for line in lines[1:] if not line.startswith("#"))
            return title, rest
    return path.stem, ""


def _exporters():
    import jinja2
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    loader = jinja2.DictLoader({"newscompare.html.j2": NOTEBOOK_TEMPLATE})
    full = HTMLExporter(template_name="lab", extra_loaders=[loader], template_file="newscompare.html.j2")
    reader = HTMLExporter(template_name="lab", extra_loaders=[loader], template_file="newscompare.html.j2",
                          exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    reader.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(PARAMETER_TAGS), enabled=True), enabled=True)
    return full, reader


def render(executed: Path, out: Path) -> tuple[Path, Path]:
    """Full and reader's HTML of one executed notebook."""
    import nbformat
    nb = nbformat.read(executed, as_version=4)
    full, reader = _exporters()
    paths = []
    for kind, exporter in (("full", full), ("reader", reader)):
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": executed.stem}})
        path = out / "html" / kind / f"{executed.stem}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return tuple(paths)


def index_page(results, entries: list[tuple[str, str, str]], corpus_name: str, findings: list[str],
               index: EvidenceIndex | None = None) -> str:
    """The front page: key findings, the notebooks (reader's and full) and every article page."""
    index = index or EvidenceIndex(results)
    outlets = _outlets(results)
    articles = S.analysed_articles(results)
    n_files = len(results.tables.get("articles", []))
    parts = [f"<h1>Comparing the coverage: {html.escape(corpus_name)}</h1>",
             f'<p class="meta">{len(articles)} articles analysed of {n_files} files, '
             f"{articles['outlet'].nunique()} outlets, {len(results.tables.get('problems', []))} input problems.</p>"]
    if findings:
        parts.append("<h2>Key findings</h2><ul class=\"findings\">"
                     + "".join(f"<li>{html.escape(f)}</li>" for f in findings) + "</ul>")
    parts.append("<h2>Notebooks</h2><table class=\"nc\"><thead><tr><th>Notebook</th><th>What it answers</th>"
                 "<th>Read</th></tr></thead><tbody>")
    for name, title, description in entries:
        number = name.split("-", 1)[0]
        title = title if title[:2].isdigit() else f"{number} · {title}"
        parts.append(f"<tr><td>{html.escape(title)}</td><td>{html.escape(description)}</td>"
                     f'<td><a href="reader/{urlquote(name)}.html">report</a> · '
                     f'<a href="full/{urlquote(name)}.html">with code</a></td></tr>')
    parts.append("</tbody></table><h2>Articles, with their evidence marked</h2><table class=\"nc\"><thead><tr>"
                 "<th>Outlet</th><th>Article</th></tr></thead><tbody>")
    for row in articles.sort_values(["outlet", "article_id"]).itertuples(index=False):
        parts.append(f"<tr><td>{html.escape(outlets.get(row.article_id, ''))}</td>"
                     f'<td><a href="articles/{urlquote(page_stem(row.article_id))}.html">{html.escape(headline(row.article_id, results, index))}</a>'
                     f"<br><small>{html.escape(row.article_id)}</small></td></tr>")
    parts.append("</tbody></table><footer>Tables behind every number: ../tables/ · figures with their data: "
                 "../figures/ · executed notebooks: ../notebooks/. Generated by newscompare.</footer>")
    return _page(f"newscompare report: {corpus_name}", "".join(parts))


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def _failing_cell(executed: Path, cell_index: int) -> str:
    """'N (first line of its code)', N counted in the committed notebook (papermill's injected cell left out)."""
    import nbformat
    try:
        cells = nbformat.read(executed, as_version=4).cells
        failed = [i for i, c in enumerate(cells) if c.cell_type == "code"
                  and any(o.get("output_type") == "error" for o in c.get("outputs", []))]
        cell_index = failed[0] if failed else cell_index
        source = cells[cell_index].source
        added = [i for i, c in enumerate(cells)  # papermill's parameters and error-banner cells
                 if {"injected-parameters", "papermill-error-cell-tag"} & set(c.metadata.get("tags", []))]
    except Exception:  # the executed copy could not be read back: the index is all we have
        return str(cell_index + 1)
    number = cell_index + 1 - sum(1 for i in added if i < cell_index)
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    return f"{number} ({_short(first, 60)})" if first else str(number)


def run_notebook(path: Path, out: Path, parameters: dict, env: dict) -> str:
    """Execute one notebook with papermill into OUT/notebooks and render its HTML; '' or the error line."""
    import papermill
    from papermill.exceptions import PapermillExecutionError
    os.environ.update(env)
    executed = out / "notebooks" / path.name
    try:
        papermill.execute_notebook(str(path), str(executed), parameters=parameters, cwd=str(path.parent),
                                   kernel_name="python3", progress_bar=False, log_output=False,
                                   extra_arguments=KERNEL_ARGUMENTS)
    except PapermillExecutionError as exc:
        evalue = " ".join(str(exc.evalue).split())
        return f"notebook {path.name} failed in cell {_failing_cell(executed, exc.cell_index)}: {exc.ename}: {evalue}"
    except Exception as exc:  # kernel died, missing parameters cell, unreadable notebook
        return f"notebook {path.name} could not be run: {type(exc).__name__}: {' '.join(str(exc).split())}"
    render(executed, out)
    return ""


def build(corpus, manifest=None, out="reports", *, strict: bool = False, workers: int | None = None,
          engine: str = "local", scheduler: str | None = None, progress: bool = True,
          notebook_dir: str | Path = NOTEBOOKS, recursive: bool = False) -> int:
    """Tables, executed notebooks, full and reader's HTML, article pages and an index; the exit code."""
    from tqdm.auto import tqdm

    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    manifest_path = Path(manifest).resolve() if manifest else pipeline.default_manifest(corpus)
    results = pipeline.run(corpus, manifest_path, engine=engine, workers=workers, scheduler=scheduler, progress=progress,
                           recursive=recursive)
    code = pipeline.check(results, strict, corpus)
    if code:
        return code
    tables = out / "tables"
    pipeline.write_tables(results, tables)
    for sub in ("notebooks", "figures", "html"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / "notebooks").mkdir(parents=True, exist_ok=True)

    parameters = {"corpus": str(corpus), "manifest": str(manifest_path) if manifest_path else "", "tables": str(tables)}
    env = {FIGURES_ENV: str(out / "figures"), ARTICLES_URL_ENV: "../articles/"}
    paths = notebooks(notebook_dir)
    n_workers = max(1, min(workers or os.cpu_count() or 1, len(paths)))
    entries, failures = {}, {}
    bar = tqdm(total=len(paths), desc="notebooks", unit="nb", disable=not progress, file=sys.stderr)
    with ProcessPoolExecutor(max_workers=n_workers) as pool:
        futures = {pool.submit(run_notebook, path, out, parameters, env): path for path in paths}
        for future in as_completed(futures):
            path = futures[future]
            try:
                error = future.result()
            except Exception as exc:  # the worker itself died
                error = f"notebook {path.name} could not be run: {type(exc).__name__}: {exc}"
            bar.update()
            if error:
                failures[path.name] = error
                for other in futures:
                    other.cancel()
            else:
                entries[path.name] = (path.stem, *describe(path))
    bar.close()
    if failures:
        _error(failures[sorted(failures)[0]])
        return 1
    entries = [entries[name] for name in sorted(entries)]

    pages = out / "html" / "articles"
    pages.mkdir(parents=True, exist_ok=True)
    colors, outlets, index = frame_colors(all_frames(results)), _outlets(results), EvidenceIndex(results)
    for article_id in tqdm(sorted(results.texts), desc="article pages", unit="page", disable=not progress,
                           file=sys.stderr):
        page = article_page(article_id, results, colors, outlets, index)
        (pages / f"{page_stem(article_id)}.html").write_text(page, encoding="utf-8")
    findings = S.key_findings(results)
    page = index_page(results, entries, corpus.name, findings, index)
    (out / "html" / "index.html").write_text(page, encoding="utf-8")
    print(f"report: {out / 'html' / 'index.html'} ({len(entries)} notebooks, {len(results.texts)} article pages; "
          f"tables in {tables}, figures in {out / 'figures'})")
    return 0


def refresh_committed(folder: str | Path = NOTEBOOKS) -> int:
    """Re-execute the committed notebooks in place on the seeds (nbval baselines); the exit code."""
    import nbformat
    from nbclient.exceptions import CellExecutionError
    from nbconvert.preprocessors import ExecutePreprocessor
    from tqdm.auto import tqdm

    saved_env = {k: os.environ.pop(k, None) for k in (FIGURES_ENV, ARTICLES_URL_ENV)}
    try:
        for path in tqdm(notebooks(folder), desc="notebooks", unit="nb", file=sys.stderr):
            nb = nbformat.read(path, as_version=4)
            executor = ExecutePreprocessor(timeout=1800, kernel_name="python3", record_timing=False,
                                           extra_arguments=KERNEL_ARGUMENTS)
            try:
                executor.preprocess(nb, {"metadata": {"path": str(path.parent)}})
            except CellExecutionError as exc:
                evalue = " ".join(str(getattr(exc, "evalue", "") or "").split())
                _error(f"notebook {path.name} failed: {getattr(exc, 'ename', 'error')}: {evalue} (not saved)")
                return 1
            nb.metadata.pop("papermill", None)
            for cell in nb.cells:
                cell.metadata.pop("papermill", None)
                cell.metadata.pop("execution", None)
            nbformat.write(nb, path)
    finally:
        for key, value in saved_env.items():
            if value is not None:
                os.environ[key] = value
    print(f"re-executed {len(notebooks(folder))} notebooks in {folder}")
    return 0
