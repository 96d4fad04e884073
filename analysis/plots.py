"""Figures for the notebooks: one style, one colour per outlet kept the same in every chart."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

# Tableau 10 followed by its lighter companions: readable for up to 20 outlets.
PALETTE = list(mpl.colormaps["tab10"].colors) + list(mpl.colormaps["tab20"].colors[1::2])


def use_style() -> None:
    """The project's one figure style."""
    plt.rcParams.update({
        "figure.figsize": (8, 4.5), "figure.dpi": 100, "savefig.dpi": 120, "savefig.bbox": "tight",
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3,
        "axes.titlesize": 12, "axes.titleweight": "bold", "axes.labelsize": 10, "legend.frameon": False,
        "font.size": 10,
    })


def outlet_colors(outlets) -> dict[str, tuple]:
    """A fixed colour per outlet: sorted names take the palette in order, so every chart agrees."""
    names = sorted({str(o) for o in outlets})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def caption(fig, text: str) -> None:
    """A source line under the figure."""
    fig.text(0.01, -0.02, text, ha="left", va="top", fontsize=8, color="0.4")


# ---------------------------------------------------------------- figures saved by the report (issue 9)
FIGURES_ENV = "NEWSCOMPARE_FIGURES"


def save(fig, name: str, data=None) -> None:
    """Save a figure as PNG with the table behind it as CSV, when the report asks for figures.

    `python -m analysis report` sets NEWSCOMPARE_FIGURES to OUT/figures for the notebook kernels;
    unset (interactive work, committed notebooks), this does nothing. Call it before `plt.show()`
    with a name that starts with the notebook's number: `plots.save(fig, "07-outlets", table)`.
    """
    import os
    import re
    from pathlib import Path

    import pandas as pd
    folder = os.environ.get(FIGURES_ENV)
    if not folder:
        return
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(name)).strip("-.") or "figure"
    Path(folder).mkdir(parents=True, exist_ok=True)
    fig.savefig(Path(folder) / f"{stem}.png")
    if data is not None:
        data.to_csv(Path(folder) / f"{stem}.csv", index=not isinstance(data.index, pd.RangeIndex),
                    lineterminator="\n", float_format="%.6g")


def dot_panels(table, panels, colors: dict, label: str = "outlet", ncols: int = 3):
    """Small multiples: one dot plot per measure, one row per `label`, optional interval columns.

    `panels` is a list of (column, title, x-axis label, low column or None, high column or None).
    A panel whose column has no values says so instead of drawing an empty axis.
    """
    import numpy as np
    import pandas as pd
    n = len(panels)
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    labels = list(table[label].astype(str))
    height = max(2.2, 0.32 * len(labels) + 1.2)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.0 * ncols, height * nrows), sharey=True, squeeze=False)
    y = np.arange(len(labels))
    for ax, (column, title, xlabel, low, high) in zip(axes.flat, panels):
        values = pd.to_numeric(table[column], errors="coerce") if column in table else pd.Series(np.nan, index=table.index)
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_xlabel(xlabel)
        ax.set_yticks(y, labels)
        if not ax.yaxis_inverted():  # shared y axes: invert once, first row on top
            ax.invert_yaxis()
        if values.notna().sum() == 0:
            ax.text(0.5, 0.5, "not available", transform=ax.transAxes, ha="center", va="center", color="0.5")
            continue
        for i, name in enumerate(labels):
            value = values.iloc[i]
            if pd.isna(value):
                continue
            color = colors.get(name, "0.3")
            if low and high and low in table and high in table:
                lo, hi = pd.to_numeric(pd.Series([table[low].iloc[i], table[high].iloc[i]]), errors="coerce")
                if pd.notna(lo) and pd.notna(hi):
                    ax.plot([lo, hi], [i, i], color=color, lw=2, alpha=0.6, solid_capstyle="round")
            ax.plot([value], [i], "o", color=color, ms=7)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig, axes


def count_heatmap(matrix, title: str, xlabel: str, ylabel: str, source: str, labels=None):
    """A square count matrix (e.g. passages shared by two articles) with the counts written in the cells."""
    wide = pd.DataFrame(np.asarray(matrix, dtype=float))
    if labels is not None or hasattr(matrix, "columns"):
        names = list(labels) if labels is not None else [str(c) for c in matrix.columns]
        wide.index = wide.columns = names
    return value_heatmap(wide, title, xlabel, ylabel, source, fmt="{:.0f}")


def noise_roles_bar(table, title: str, source: str):
    """Stacked bars: share of each outlet's non-blank lines by non-content role (from boilerplate.noise_by_role)."""
    wide = table.pivot_table(index="outlet", columns="role", values="share_lines", aggfunc="sum", fill_value=0) * 100
    wide = wide[wide.sum().sort_values(ascending=False).index]
    colors = list(mpl.colormaps["tab20"].colors)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(wide) + 2))
    left = None
    for k, role in enumerate(wide.columns):
        ax.barh(wide.index, wide[role], left=left, label=role, color=colors[k % len(colors)])
        left = wide[role] if left is None else left + wide[role]
    ax.invert_yaxis()
    ax.set_xlabel("share of non-blank lines (%)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8, ncol=2)
    caption(fig, source)
    return fig, ax


def stacked_shares(table, columns, labels, title, xlabel, source, colors=None):
    """Horizontal stacked bars, one per row of `table` (index = bar label), one segment per column.

    Used by 04-extract-quotes for narrator/quote/reported shares and voice balance by outlet.
    """
    import numpy as np
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(table) + 1.6))
    left = np.zeros(len(table))
    colors = colors or [PALETTE[i % len(PALETTE)] for i in range(len(columns))]
    for column, label, color in zip(columns, labels, colors):
        values = table[column].to_numpy(dtype=float)
        ax.barh(table.index.astype(str), values, left=left, label=label, color=color)
        left += values
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(ncol=min(len(columns), 4), loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.02 * len(table)))
    caption(fig, source)
    return fig, ax


# ---------------------------------------------------------------- framing (05-compare-framing)

def value_heatmap(wide, title: str, xlabel: str, ylabel: str, source: str, fmt: str = "{:.2f}", cmap: str = "Blues"):
    """A rows x columns table of values (e.g. outlets x frames) with the values written in the cells."""
    import numpy as np
    values = wide.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(max(6.0, 0.75 * wide.shape[1] + 3), max(2.8, 0.5 * wide.shape[0] + 1.8)))
    image = ax.imshow(values, cmap=cmap, vmin=0, aspect="auto")
    ax.grid(False)
    ax.set_xticks(range(wide.shape[1]), [str(c) for c in wide.columns], rotation=40, ha="right")
    ax.set_yticks(range(wide.shape[0]), [str(i) for i in wide.index])
    top = np.nanmax(values) if values.size else 0
    if values.size <= 600:
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if not np.isnan(values[i, j]):
                    ax.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize=8,
                            color="white" if top and values[i, j] > top / 2 else "0.2")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.colorbar(image, ax=ax, shrink=0.8)
    caption(fig, source)
    return fig, ax


def frames_beside_words(profile, words, colors: dict, n_frames: int = 4, n_words: int = 8, source: str = ""):
    """One row per outlet: its strongest frames (mean weight) on the left, its most distinctive words
    (log-odds z) on the right, so the codebook's reading can be checked against the vocabulary."""
    outlets = sorted(profile["outlet"].astype(str).unique())
    fig, axes = plt.subplots(len(outlets), 2, figsize=(10, 1.9 * len(outlets) + 0.8), squeeze=False)
    for row, outlet in zip(axes, outlets):
        color = colors.get(outlet, "0.3")
        top = profile[profile["outlet"] == outlet].sort_values(["weight", "frame"], ascending=[False, True]).head(n_frames)
        row[0].barh(top["frame"], top["weight"], color=color)
        row[0].invert_yaxis()
        row[0].set_title(outlet, fontsize=9, loc="left")
        row[0].set_xlabel("mean frame weight (share of body sentences)", fontsize=8)
        w = words[words["outlet"].astype(str) == outlet].sort_values("rank").head(n_words)
        row[1].barh(w["word"], w["log_odds_z"], color=color, alpha=0.7)
        row[1].invert_yaxis()
        row[1].set_xlabel("log-odds z vs rest of corpus", fontsize=8)
        if w.empty:
            row[1].text(0.5, 0.5, "no distinctive words", transform=row[1].transAxes, ha="center", color="0.5")
    fig.tight_layout()
    if source:
        caption(fig, source)
    return fig, axes
