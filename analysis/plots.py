"""Figures for the notebooks: one style, one colour per outlet kept the same in every chart."""
from __future__ import annotations

import matplotlib as mpl
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
