"""All five comparisons side by side per outlet, and key findings written as sentences from the tables.

Every function reads the documented columns of the pipeline's tables and copes with empty or
missing ones: a measure that cannot be computed is NaN in the table and a finding that says so.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.pipeline import Results

SUMMARY_COLUMNS = ["outlet", "n_articles", "noise_share", "quote_share", "n_direct_quotes", "top_voice",
                   "top_voice_share", "government_share", "company_share", "tone", "tone_low", "tone_high",
                   "tone_n", "grade", "grade_low", "grade_high", "top_frames", "lead_frame", "originality_share",
                   "article_ids"]
# Quote kinds that carry a source's own words at length (partial quotes and scare-quoted terms do not).
DIRECT_KINDS = ("direct", "multi_paragraph", "floating")
# Sentiment scope of the outlet's own voice, in order of preference (the sentiment stage names it).
NARRATOR_SCOPES = ("narrator", "narrator_voice", "body")
# Readability metric shown as the grade level, in order of preference.
GRADE_METRICS = ("flesch_kincaid_grade", "fk_grade", "flesch_kincaid")
# Leading with a frame: the frames table's headline and lede flags decide; hits in the earliest of
# these frame_positions parts only break ties (or decide when the flags are missing).
LEAD_PARTS = ("headline", "lede", "first")
BOOTSTRAP_SAMPLES = 2000
SEED = 20250627


def _table(results: Results, name: str) -> pd.DataFrame:
    table = results.tables.get(name)
    return table if table is not None else pd.DataFrame()


def _has(table: pd.DataFrame, *columns: str) -> bool:
    return not table.empty and all(c in table.columns for c in columns)


def analysed_articles(results: Results) -> pd.DataFrame:
    """The analysed articles (status ok) with their outlet; outlet falls back to the article id."""
    articles = _table(results, "articles")
    if articles.empty:
        return pd.DataFrame(columns=["article_id", "outlet"])
    if "status" in articles.columns:
        articles = articles[articles["status"] == "ok"]
    outlet = articles["outlet"] if "outlet" in articles.columns else articles["article_id"]
    outlet = outlet.astype("string").fillna("").str.strip()
    outlet = outlet.where(outlet != "", articles["article_id"].astype("string"))
    return articles.assign(outlet=outlet.astype(str), article_id=articles["article_id"].astype(str))


def bootstrap_mean(values, samples: int = BOOTSTRAP_SAMPLES, seed: int = SEED) -> tuple[float, float, float]:
    """(mean, 2.5th, 97.5th percentile) of a seeded bootstrap of the mean; NaNs for no values."""
    values = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce").dropna(), dtype=float)
    if values.size == 0:
        return np.nan, np.nan, np.nan
    if values.size == 1:
        return float(values[0]), np.nan, np.nan
    rng = np.random.default_rng(seed)
    means = rng.choice(values, size=(samples, values.size), replace=True).mean(axis=1)
    return float(values.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def _per_outlet(articles: pd.DataFrame, table: pd.DataFrame, column: str) -> pd.Series:
    """Mean of a per-article column by outlet (articles without a row do not count)."""
    if not _has(table, "article_id", column):
        return pd.Series(dtype=float)
    merged = articles[["article_id", "outlet"]].merge(table[["article_id", column]], on="article_id", how="inner")
    return pd.to_numeric(merged[column], errors="coerce").groupby(merged["outlet"]).mean()


def _pick(values, preferred: tuple[str, ...], contains: str) -> str | None:
    values = [str(v) for v in pd.unique(pd.Series(values).dropna())]
    for name in preferred:
        if name in values:
            return name
    fuzzy = sorted(v for v in values if contains in v.lower())
    return fuzzy[0] if fuzzy else None


def _tone(articles: pd.DataFrame, results: Results) -> pd.DataFrame:
    """Narrator tone per outlet: mean VADER compound over its sentences, bootstrap interval over sentences."""
    sentences = _table(results, "sentiment_sentences")
    columns = ["tone", "tone_low", "tone_high", "tone_n"]
    if not _has(sentences, "article_id", "scope", "compound"):
        return pd.DataFrame(columns=columns)
    scope = _pick(sentences["scope"], NARRATOR_SCOPES, "narr")
    if scope is None:
        return pd.DataFrame(columns=columns)
    chosen = sentences[sentences["scope"] == scope].merge(articles[["article_id", "outlet"]], on="article_id")
    rows = {}
    for outlet, group in chosen.groupby("outlet"):
        mean, low, high = bootstrap_mean(group["compound"])
        rows[outlet] = (mean, low, high, int(group["compound"].notna().sum()))
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _grade(articles: pd.DataFrame, results: Results) -> pd.DataFrame:
    """Grade level per outlet: one article keeps its own interval; several are bootstrapped over articles."""
    readability = _table(results, "readability")
    columns = ["grade", "grade_low", "grade_high"]
    if not _has(readability, "article_id", "metric", "value"):
        return pd.DataFrame(columns=columns)
    if "text" in readability.columns:
        readability = readability[readability["text"].astype(str) == "content"]
    metric = _pick(readability["metric"], GRADE_METRICS, "kincaid")
    if metric is None:
        return pd.DataFrame(columns=columns)
    chosen = readability[readability["metric"] == metric].merge(articles[["article_id", "outlet"]], on="article_id")
    rows = {}
    for outlet, group in chosen.groupby("outlet"):
        if len(group) == 1:
            row = group.iloc[0]
            rows[outlet] = tuple(float(pd.to_numeric(row.get(c), errors="coerce")) if c in group.columns else np.nan
                                 for c in ("value", "ci_low", "ci_high"))
        else:
            rows[outlet] = bootstrap_mean(group["value"])
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _voices(articles: pd.DataFrame, results: Results) -> pd.DataFrame:
    """Share of quoted words by speaker type per outlet, and the type that gets the most."""
    voices = _table(results, "voices")
    columns = ["top_voice", "top_voice_share", "government_share", "company_share"]
    if not _has(voices, "article_id", "speaker_type", "n_words"):
        return pd.DataFrame(columns=columns)
    merged = voices.merge(articles[["article_id", "outlet"]], on="article_id")
    merged = merged.assign(n_words=pd.to_numeric(merged["n_words"], errors="coerce").fillna(0))
    words = merged.groupby(["outlet", "speaker_type"])["n_words"].sum().unstack(fill_value=0)
    totals = words.sum(axis=1)
    shares = words.div(totals.where(totals > 0), axis=0)
    out = pd.DataFrame(index=words.index, columns=columns, dtype=object)
    for outlet, row in shares.iterrows():
        row = row.dropna()
        if row.empty or row.max() <= 0:
            continue
        top = sorted(row.index[row == row.max()])[0]
        out.loc[outlet] = [top, float(row[top]), float(row.get("government", 0.0)), float(row.get("company", 0.0))]
    return out.astype({c: float for c in columns[1:]})


def _frames(articles: pd.DataFrame, results: Results) -> pd.DataFrame:
    """The two heaviest frames per outlet (mean weight over its articles) and the frame it leads with."""
    frames = _table(results, "frames")
    out = pd.DataFrame(columns=["top_frames", "lead_frame"])
    if _has(frames, "article_id", "frame", "weight"):
        merged = frames.merge(articles[["article_id", "outlet"]], on="article_id")
        n = articles.groupby("outlet").size()
        weights = merged.assign(weight=pd.to_numeric(merged["weight"], errors="coerce").fillna(0))
        weights = weights.groupby(["outlet", "frame"])["weight"].sum().div(n, level="outlet").rename("weight")
        weights = weights[weights > 0].reset_index().sort_values(["outlet", "weight", "frame"], ascending=[True, False, True])
        for outlet, group in weights.groupby("outlet"):
            out.loc[outlet, "top_frames"] = ", ".join(group["frame"].head(2))
    lead = _lead_scores(frames, articles)
    positions = _table(results, "frame_positions")
    if _has(positions, "article_id", "frame", "part", "n_hits"):
        merged = positions.merge(articles[["article_id", "outlet"]], on="article_id")
        merged = merged.assign(n_hits=pd.to_numeric(merged["n_hits"], errors="coerce").fillna(0))
        for part in LEAD_PARTS:
            hits = merged[merged["part"].astype(str) == part].groupby(["outlet", "frame"])["n_hits"].sum()
            lead = lead.add(hits.rename("score") * 1e-3, fill_value=0) if not lead.empty else hits.rename("score") * 1e-3
            if not hits.empty:
                break
    if not lead.empty:
        lead = lead[lead > 0].reset_index().sort_values(["outlet", "score", "frame"], ascending=[True, False, True])
        for outlet, group in lead.groupby("outlet"):
            out.loc[outlet, "lead_frame"] = group["frame"].iloc[0]
    return out


def _lead_scores(frames: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Per (outlet, frame): articles whose headline carries the frame count 2, whose lede carries it 1."""
    if not _has(frames, "article_id", "frame") or not {"headline", "lede"} & set(frames.columns):
        return pd.Series(dtype=float, name="score")
    merged = frames.merge(articles[["article_id", "outlet"]], on="article_id")
    score = sum(2.0 ** (flag == "headline") * merged[flag].astype(str).str.lower().isin(["true", "1"])
                for flag in ("headline", "lede") if flag in merged.columns)
    return merged.assign(score=score).groupby(["outlet", "frame"])["score"].sum()


def outlet_summary(results: Results) -> pd.DataFrame:
    """One row per outlet with every comparison; NaN (or '') where a measure is not available."""
    articles = analysed_articles(results)
    if articles.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    grouped = articles.groupby("outlet")
    out = pd.DataFrame({"n_articles": grouped.size(),
                        "article_ids": grouped["article_id"].agg(lambda ids: " ".join(sorted(ids)))})
    out["noise_share"] = _per_outlet(articles, articles, "noise_share_lines")
    out["quote_share"] = _per_outlet(articles, _table(results, "quote_stats"), "quote_share")
    out["originality_share"] = _per_outlet(articles, articles, "originality_share")
    quotes = _table(results, "quotes")
    if _has(quotes, "article_id", "kind"):
        direct = quotes[quotes["kind"].astype(str).isin(DIRECT_KINDS)].merge(articles[["article_id", "outlet"]], on="article_id")
        out["n_direct_quotes"] = direct.groupby("outlet").size().reindex(out.index, fill_value=0)
    elif "quotes" in results.tables:
        out["n_direct_quotes"] = 0
    for part in (_voices(articles, results), _tone(articles, results), _grade(articles, results),
                 _frames(articles, results)):
        out = out.join(part, how="left")
    out = out.reindex(columns=[c for c in SUMMARY_COLUMNS if c != "outlet"])
    for column in ("top_voice", "top_frames", "lead_frame"):
        out[column] = out[column].astype(object).where(out[column].notna(), "").astype(str)
    out["n_direct_quotes"] = pd.to_numeric(out["n_direct_quotes"], errors="coerce").astype("Float64")
    out.index.name = "outlet"
    return out.reset_index().sort_values("outlet", kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- findings as sentences

def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _names(outlets) -> str:
    outlets = [str(o) for o in outlets]
    return outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]


def _extreme(summary: pd.DataFrame, column: str, largest: bool) -> tuple[list[str], float] | None:
    values = pd.to_numeric(summary.set_index("outlet")[column], errors="coerce").dropna()
    if values.empty:
        return None
    best = values.max() if largest else values.min()
    return sorted(values.index[np.isclose(values, best)]), float(best)


def _unavailable(what: str, table: str) -> str:
    return f"Cannot say {what}: the {table} table has no usable rows for this corpus."


def finding_cruft(summary: pd.DataFrame) -> str:
    found = _extreme(summary, "noise_share", largest=True)
    if found is None:
        return _unavailable("which outlet carries the most cruft", "articles (noise_share_lines)")
    outlets, share = found
    if share <= 0:
        return "No outlet carries cruft by our classifier: every non-blank line is content."
    low = _extreme(summary, "noise_share", largest=False)
    verb = "carries" if len(outlets) == 1 else "carry"
    return (f"{_names(outlets)} {verb} the most cruft: {_pct(share)} of non-blank lines are metadata or boilerplate "
            f"(least: {_names(low[0])}, {_pct(low[1])}).")


def finding_direct_quotes(summary: pd.DataFrame) -> str:
    counts = pd.to_numeric(summary.set_index("outlet")["n_direct_quotes"], errors="coerce").dropna()
    if counts.empty:
        return _unavailable("who quotes anyone directly", "quotes")
    none = sorted(counts.index[counts == 0])
    if len(none) == len(counts):
        return "No outlet quotes anyone directly (no direct quotes were found at all)."
    if none:
        verb = "quotes" if len(none) == 1 else "quote"
        return f"{_names(none)} {verb} no one directly; the other outlets carry {int(counts.sum())} direct quotes between them."
    fewest = _extreme(summary, "quote_share", largest=False)
    detail = f"; {_names(fewest[0])} quotes least ({_pct(fewest[1])} of body words)" if fewest else ""
    return f"Every outlet quotes at least one source directly{detail}."


def _outlets_by(summary: pd.DataFrame, column: str) -> list[tuple[str, list[str]]]:
    """(value, sorted outlets) for each value of `column`, the most shared value first."""
    table = summary[summary[column].astype(str) != ""]
    groups = table.groupby(column)["outlet"].agg(lambda o: sorted(o))
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def finding_voices(summary: pd.DataFrame) -> str:
    groups = _outlets_by(summary, "top_voice")
    if not groups:
        return _unavailable("whose voices dominate", "voices")
    parts = [f"{_names(outlets)} {'gives' if len(outlets) == 1 else 'give'} most quoted words to {voice.replace('_', ' ')} sources"
             for voice, outlets in groups]
    return "; ".join(parts) + "."


def finding_lead_frame(summary: pd.DataFrame) -> str:
    groups = _outlets_by(summary, "lead_frame")
    if not groups:
        return _unavailable("which frame each outlet leads with", "frame_positions")
    parts = [f"{_names(outlets)} {'leads' if len(outlets) == 1 else 'lead'} with the {frame.replace('_', ' ')} frame"
             for frame, outlets in groups]
    return "In the headline and opening: " + "; ".join(parts) + "."


def finding_tone(summary: pd.DataFrame) -> str:
    found = _extreme(summary, "tone", largest=False)
    if found is None:
        return _unavailable("how the outlets' own wording differs in tone", "sentiment_sentences")
    outlets, tone = found
    high_outlets, high = _extreme(summary, "tone", largest=True)
    if len(summary["tone"].dropna()) < 2:
        return f"Narrator tone (VADER compound) is {tone:+.2f} for {_names(outlets)}; there is nothing to compare it with."
    table = summary.set_index("outlet")
    low_hi = table.loc[outlets[0], "tone_high"]
    high_lo = table.loc[high_outlets[0], "tone_low"]
    overlap = not (pd.notna(low_hi) and pd.notna(high_lo) and low_hi < high_lo)
    caveat = ("their 95% intervals overlap, so the difference may be noise" if overlap
              else "their 95% intervals do not overlap")
    return (f"{_names(outlets)} writes in the most negative narrator tone (VADER compound {tone:+.2f}), "
            f"{_names(high_outlets)} in the most positive ({high:+.2f}); {caveat}.")


def finding_grade(summary: pd.DataFrame) -> str:
    hard = _extreme(summary, "grade", largest=True)
    if hard is None:
        return _unavailable("which outlet is hardest to read", "readability")
    easy = _extreme(summary, "grade", largest=False)
    return (f"{_names(hard[0])} is the hardest to read (grade {hard[1]:.1f}), "
            f"{_names(easy[0])} the easiest (grade {easy[1]:.1f}).")


def finding_originality(summary: pd.DataFrame, results: Results | None = None) -> str:
    found = _extreme(summary, "originality_share", largest=False)
    if found is None:
        return _unavailable("which outlet is least original", "originality")
    outlets, share = found
    if share >= 1:
        return "No content is shared between articles: every outlet's text is its own."
    sources = ""
    reuse = _table(results, "reuse") if results is not None else pd.DataFrame()
    if _has(reuse, "article_a", "article_b"):
        articles = analysed_articles(results).set_index("article_id")["outlet"]
        mine = set(articles.index[articles.isin(outlets)])
        other = pd.concat([reuse.loc[reuse["article_a"].isin(mine), "article_b"],
                           reuse.loc[reuse["article_b"].isin(mine), "article_a"]]).map(articles).dropna()
        other = sorted(set(other) - set(outlets))
        if other:
            sources = f", sharing passages with {_names(other)}"
    return f"{_names(outlets)} is the least original: {_pct(share)} of its content appears nowhere else in the corpus{sources}."


def key_findings(results: Results, summary: pd.DataFrame | None = None) -> list[str]:
    """The key findings as sentences, each computed from the tables (true for whatever corpus was run)."""
    summary = outlet_summary(results) if summary is None else summary
    if summary.empty:
        return ["No article could be analysed, so there is nothing to compare."]
    return [finding_cruft(summary), finding_direct_quotes(summary), finding_voices(summary),
            finding_lead_frame(summary), finding_tone(summary), finding_grade(summary),
            finding_originality(summary, results)]
