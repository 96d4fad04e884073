"""Seeded bootstrap intervals, shared by the stages: deterministic, vectorized with numpy.

The resampling plan for n items depends only on (seed, n, n_boot), never on the clock, the
chunk an article falls in or the order of articles: the same data give the same interval in
every run. A single value (n = 1) gives no estimate of spread: its interval is NaN.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

SEED = 20250628          # a constant, so every run resamples the same way
N_BOOT = 1000            # resamples per interval
LEVEL = 0.95             # two-sided percentile interval
# Below this many items the resampling plan is a cached count matrix (n_boot x n) and
# bootstrap totals are one matrix product; above it, indexes are drawn in blocks (bounded memory).
_MATRIX_MAX_N = 200
_BLOCK_CELLS = 4_000_000  # at most this many drawn indexes held at once on the block path
# OpenBLAS multiplies on several threads once m*n*k exceeds 65536 * 4. The pipeline already runs one
# process per core, so those threads only compete with the other worker (and spin when idle, ~40% more
# CPU in sentiment on 2 cores): every product here is tiled to stay under that size.
_BLAS_ONE_THREAD_MNK = 262_144


@lru_cache(maxsize=_MATRIX_MAX_N)
def _count_matrix(n: int, n_boot: int, seed: int) -> np.ndarray:
    """How often each of n items is drawn in each resample: (n_boot, n), rows sum to n."""
    rng = np.random.default_rng([seed, n])
    idx = rng.integers(0, n, size=(n_boot, n))
    flat = (idx + (np.arange(n_boot) * n)[:, None]).ravel()
    counts = np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(float)
    counts.flags.writeable = False
    return counts


def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b for 2-D arrays, in column tiles small enough that BLAS uses a single thread."""
    rows, inner = a.shape
    step = max(1, _BLAS_ONE_THREAD_MNK // max(1, rows * inner))
    if step >= b.shape[1]:
        return a @ b
    return np.concatenate([a @ b[:, j:j + step] for j in range(0, b.shape[1], step)], axis=1)


def _index_blocks(n: int, n_boot: int, seed: int):
    """Yield (n_rows, n) index arrays covering n_boot resamples of n items, in a fixed order."""
    rng = np.random.default_rng([seed, n])
    rows = max(1, _BLOCK_CELLS // max(n, 1))
    done = 0
    while done < n_boot:
        take = min(rows, n_boot - done)
        yield rng.integers(0, n, size=(take, n))
        done += take


def bootstrap_totals(values, n_boot: int = N_BOOT, seed: int = SEED) -> np.ndarray:
    """Column totals of `values` (n items x k columns, or n) in each resample: (n_boot, k) or (n_boot,).

    The building block for ratio statistics (words per sentence = total words / total sentences):
    resample items, add up their columns, apply the formula to the totals.
    """
    x = np.asarray(values, dtype=float)
    flat = x.ndim == 1
    x2 = x[:, None] if flat else x
    n = x2.shape[0]
    if n == 0:
        out = np.zeros((n_boot, x2.shape[1]))
    elif n <= _MATRIX_MAX_N:
        out = _product(_count_matrix(n, n_boot, seed), x2)
    else:
        out = np.concatenate([x2[idx].sum(axis=1) for idx in _index_blocks(n, n_boot, seed)])
    return out[:, 0] if flat else out


def percentile_interval(boot: np.ndarray, level: float = LEVEL, axis: int = 0,
                        overwrite_input: bool = False, scratch: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) percentile interval of resampled statistics along `axis` (the resamples).

    Exactly np.quantile(boot, [alpha, 1 - alpha], axis) (its default "linear" rule), computed by
    sorting each row of resamples along a contiguous last axis and interpolating between two order
    statistics: numpy's own quantile partitions along a moved, strided axis, ~3x slower on the
    (metrics x articles x resamples) cubes of the readability and sentiment stages. (np.partition with
    the two order statistics as kth gives the same values but is ~2x slower than numpy's SIMD sort on
    rows of 1,000.) With overwrite_input, a float array whose resamples lie along its contiguous last
    axis is sorted in place (as np.quantile's overwrite_input allows), sparing a copy.

    With scratch, the caller promises never to read `boot` again: rather than sorted, such an array
    is only partitioned in place, twice with one kth each (see `_partitioned_interval`), which finds
    the same four order statistics in about half the time of the sort (unless it holds -0.0).
    """
    alpha = (1 - level) / 2
    boot = np.asarray(boot, dtype=float)
    n = boot.shape[axis]
    if np.isnan(boot).any():   # nanquantile loops in Python over columns: only when needed
        low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=axis)
    elif not 0 <= (n - 1) * alpha < (n - 1) * (1 - alpha) < n - 1:   # a bound at an end: numpy's edge rules
        low, high = np.quantile(boot, [alpha, 1 - alpha], axis=axis)
    else:
        ordered = np.moveaxis(boot, axis, -1)
        in_place = (overwrite_input or scratch) and ordered.flags.c_contiguous and ordered.flags.writeable
        below_low, below_high = math.floor((n - 1) * alpha), math.floor((n - 1) * (1 - alpha))
        if scratch and in_place and below_low + 1 < below_high and not _has_negative_zero(ordered):
            low, high = _partitioned_interval(ordered, alpha)
        else:
            if in_place:
                ordered.sort(axis=-1)
            else:
                ordered = np.sort(ordered, axis=-1)
            low, high = _interpolate(ordered, alpha), _interpolate(ordered, 1 - alpha)
    return low, high


def _interpolate(ordered: np.ndarray, q: float) -> np.ndarray:
    """The q-quantile of rows sorted along the last axis, with the arithmetic of numpy's "linear" method
    (0 <= (n - 1) * q < n - 1): interpolate from the order statistic below, or back from the one above
    when q's position is nearer to it, so the result is bit for bit what np.quantile returns."""
    position = (ordered.shape[-1] - 1) * q
    below = math.floor(position)
    return _between(ordered[..., below], ordered[..., below + 1], position - below)


def _between(a: np.ndarray, b: np.ndarray, gamma: float) -> np.ndarray:
    """numpy's "linear" interpolation between two neighbouring order statistics a <= b."""
    step = b - a
    return b - step * (1 - gamma) if gamma >= 0.5 else a + step * gamma


def _has_negative_zero(values: np.ndarray) -> bool:
    """Whether -0.0 is among the values: a sort and a partition may leave different zeros (-0.0 or 0.0,
    equal to the comparison) at an order statistic; every other value is one bit pattern."""
    zero = values == 0
    return bool(zero.any() and np.signbit(values[zero]).any())


def _partitioned_interval(rows: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """`_interpolate(np.sort(rows), alpha)` and at 1 - alpha, from two in-place partitions of `rows`.

    Each quantile needs only two neighbouring order statistics, k and k + 1. A partition at the high
    k puts its statistic in place and everything larger after it, whose minimum is statistic k + 1;
    a partition of the part before it at the low k + 1 does the same for the low pair, whose k is the
    maximum of what precedes. numpy's SIMD partition with a single kth costs about a third of its
    sort on rows of 1,000 (with several kth it is slower than the sort). The values are the very
    order statistics the sort would give, so the interpolation is the same bit for bit. Needs
    floor((n - 1) * alpha) + 1 < floor((n - 1) * (1 - alpha)).
    """
    n = rows.shape[-1]
    position_low, position_high = (n - 1) * alpha, (n - 1) * (1 - alpha)
    below_low, below_high = math.floor(position_low), math.floor(position_high)
    rows.partition(below_high, axis=-1)
    high = _between(rows[..., below_high], rows[..., below_high + 1:].min(axis=-1), position_high - below_high)
    head = rows[..., :below_high]
    head.partition(below_low + 1, axis=-1)
    low = _between(head[..., :below_low + 1].max(axis=-1), head[..., below_low + 1], position_low - below_low)
    return low, high


def bootstrap_ci(values, stat=np.mean, n_boot: int = N_BOOT, seed: int = SEED,
                 level: float = LEVEL) -> tuple[float, float]:
    """Percentile bootstrap interval of `stat` over `values` (NaNs dropped); (nan, nan) for n < 2.

    `stat` is called as stat(matrix, axis=1) on a (resamples x n) matrix; np.mean and np.sum
    take a faster path through resampled totals.
    """
    x = np.asarray(values, dtype=float).ravel()
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 2:
        return (float("nan"), float("nan"))
    if stat is np.mean or stat is np.sum:
        boot = bootstrap_totals(x, n_boot, seed)
        if stat is np.mean:
            boot = boot / n
    else:
        boot = np.concatenate([np.asarray(stat(x[idx], axis=1), dtype=float)
                               for idx in _index_blocks(n, n_boot, seed)])
    low, high = percentile_interval(boot, level)
    return (float(low), float(high))


def mean_ci(values, n_boot: int = N_BOOT, seed: int = SEED, level: float = LEVEL) -> tuple[int, float, float, float]:
    """(n, mean, ci_low, ci_high) of the non-NaN values: the row every aggregate table shows."""
    x = np.asarray(values, dtype=float).ravel()
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return 0, float("nan"), float("nan"), float("nan")
    low, high = bootstrap_ci(x, np.mean, n_boot, seed, level)
    return len(x), float(x.mean()), low, high


def batch_totals(groups: list, n_boot: int = N_BOOT, seed: int = SEED):
    """`bootstrap_totals` for many groups at once, yielding (group indexes, totals (m, n_boot, k) or (m, n_boot)).

    Groups of the same size share one resampling plan and one matrix product, so thousands of
    articles cost a few hundred products; every group gets exactly what `bootstrap_totals` gives it.
    A batch of whole numbers (the word and syllable counts of readability) is multiplied in float32,
    about twice as fast, when no total can reach 2**24: every product and partial sum is then a whole
    number that float32 holds exactly, as float64 does, so the totals are the same in any order.
    """
    by_size: dict[int, list[int]] = {}
    arrays = [np.asarray(g, dtype=float) for g in groups]
    for i, g in enumerate(arrays):
        by_size.setdefault(len(g), []).append(i)
    for n in sorted(by_size):
        idx = by_size[n]
        if n == 0 or n > _MATRIX_MAX_N:
            for i in idx:
                yield [i], bootstrap_totals(arrays[i], n_boot, seed)[None]
            continue
        plan = _count_matrix(n, n_boot, seed)                    # (n_boot, n)
        single = None                                            # the plan in float32, made when first used
        for part in _batches(idx, n_boot, n, arrays[idx[0]][0].size if arrays[idx[0]].ndim > 1 else 1):
            stacked = np.stack([arrays[i] for i in part])        # (m, n) or (m, n, k)
            if _whole_below_float32_limit(stacked, n):
                single = plan.astype(np.float32) if single is None else single
                product = lambda a, b: _product(single, b.astype(np.float32)).astype(float)
            else:
                product = _product
            if stacked.ndim == 2:
                yield part, product(plan, stacked.T).T           # (m, n_boot)
            else:                                                # one product for all m groups
                m, _, k = stacked.shape
                flat = product(plan, stacked.transpose(1, 0, 2).reshape(n, m * k))    # (n_boot, m * k)
                yield part, flat.reshape(n_boot, m, k).transpose(1, 0, 2)            # (m, n_boot, k)


def _whole_below_float32_limit(values: np.ndarray, n: int) -> bool:
    """Whether `values` are whole numbers whose resampled totals over n items stay below 2**24 in
    magnitude: a total, and every partial sum of it, is at most n x the largest |value|."""
    if values.size == 0:
        return False
    largest = np.abs(values).max()          # NaN or inf: not below the limit
    return bool(largest * n < 2 ** 24) and np.array_equal(values, np.trunc(values))


def _batches(idx: list[int], n_boot: int, n: int, k: int) -> list[list[int]]:
    """Groups of one size split so that each batch's totals hold about _BLOCK_CELLS numbers (memory
    stays bounded on corpora with very many groups). Each batch is a whole number of `_product`'s
    column tiles, so every product, and every total, is the one a single batch would compute."""
    tile = max(1, _BLAS_ONE_THREAD_MNK // max(1, n_boot * n))
    size = tile * max(1, _BLOCK_CELLS // max(1, n_boot * k * tile))
    return [idx[i:i + size] for i in range(0, len(idx), size)]


def batch_mean_ci(groups: list, n_boot: int = N_BOOT, seed: int = SEED,
                  level: float = LEVEL) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`mean_ci` of many groups of values (NaNs dropped): arrays n, mean, ci_low, ci_high."""
    clean = [np.asarray(g, dtype=float).ravel() for g in groups]
    if clean and np.isnan(np.concatenate(clean)).any():   # one test for all groups: NaNs are rare
        clean = [g[~np.isnan(g)] for g in clean]
    k = len(clean)
    n = np.array([len(g) for g in clean], dtype=int)
    # g.sum() / len(g) is what g.mean() computes (the same sum, divided once), without its overhead
    mean = np.array([g.sum() / len(g) if len(g) else np.nan for g in clean], dtype=float)
    low, high = np.full(k, np.nan), np.full(k, np.nan)
    held: list[int] = []             # groups whose resampled means wait in `means`
    means: list[np.ndarray] = []

    def flush() -> None:             # one percentile pass over many sizes of group
        if held:             # resamples along contiguous rows (the totals come transposed), reordered in place
            rows = np.concatenate(means, out=np.empty((len(held), n_boot)))
            low[held], high[held] = percentile_interval(rows, level, axis=-1, scratch=True)
            held.clear()
            means.clear()

    resampled = [i for i, g in enumerate(clean) if len(g) >= 2]   # a single value has no interval
    for idx, totals in batch_totals([clean[i] for i in resampled], n_boot, seed):
        idx = [resampled[i] for i in idx]
        size = len(clean[idx[0]])
        held.extend(idx)
        means.append(totals / size)                                 # (m, n_boot)
        if len(held) * n_boot >= _BLOCK_CELLS:
            flush()
    flush()
    return n, mean, low, high


def unique_ints(values, return_index: bool = False, return_inverse: bool = False):
    """np.unique(values, return_index, return_inverse) for a 1-D array of integers, by sorting:
    numpy 2's np.unique goes through a hash table first, ~50x slower on a few hundred thousand
    integers (0.3 s against 6 ms). The index of a value is that of its first occurrence."""
    values = np.asarray(values)
    if not (return_index or return_inverse):
        ordered = np.sort(values)
        keep = np.ones(len(ordered), dtype=bool)
        keep[1:] = ordered[1:] != ordered[:-1]
        return ordered[keep]
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    out = [ordered[new]]
    del ordered
    if return_index:
        out.append(order[new])
    if return_inverse:
        inverse = np.empty(len(values), dtype=np.intp)
        ranks = np.cumsum(new)
        ranks -= 1                        # in place: these arrays are the size of the input
        inverse[order] = ranks
        out.append(inverse)
    return tuple(out)
