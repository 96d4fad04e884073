"""Seeded bootstrap: deterministic, honest about tiny samples, batched = one at a time."""
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import stats


@pytest.mark.parametrize("values", [[], [0.4], [np.nan, 0.4], [np.nan]])
def test_fewer_than_two_values_give_no_interval(values):
    low, high = stats.bootstrap_ci(values)
    assert np.isnan(low) and np.isnan(high)


@pytest.mark.parametrize("n", [2, 7, 30, 199, 200, 201, 1500])
def test_same_input_same_interval_and_interval_brackets_the_mean(n):
    x = np.random.default_rng(n).normal(size=n)
    first, second = stats.bootstrap_ci(x), stats.bootstrap_ci(x.copy())
    assert first == second
    assert first[0] <= x.mean() <= first[1]
    assert first[0] < first[1]


def test_constant_values_give_a_point_interval():
    assert stats.bootstrap_ci([0.25] * 12) == pytest.approx((0.25, 0.25))


def test_seed_changes_the_draws_but_not_much_the_interval():
    x = np.random.default_rng(3).normal(size=40)
    a, b = stats.bootstrap_ci(x, seed=1), stats.bootstrap_ci(x, seed=2)
    assert a != b
    assert a == pytest.approx(b, abs=0.15)


def test_wider_level_gives_wider_interval():
    x = np.random.default_rng(5).normal(size=50)
    low90, high90 = stats.bootstrap_ci(x, level=0.90)
    low99, high99 = stats.bootstrap_ci(x, level=0.99)
    assert low99 < low90 and high90 < high99


def test_other_statistics_go_through_the_index_path():
    x = np.array([1.0, 2.0, 3.0, 100.0, 4.0, 5.0])
    low, high = stats.bootstrap_ci(x, stat=np.median)
    assert 1.0 <= low <= high <= 100.0
    assert stats.bootstrap_ci(x, stat=np.median) == (low, high)


def test_batch_matches_one_at_a_time_whatever_the_grouping():
    rng = np.random.default_rng(11)
    groups = [rng.normal(size=n) for n in (0, 1, 2, 5, 5, 30, 250, 5)]
    n, mean, low, high = stats.batch_mean_ci(groups)
    for i, g in enumerate(groups):
        one = stats.mean_ci(g)
        assert n[i] == one[0]
        assert mean[i] == pytest.approx(one[1], nan_ok=True)
        assert (low[i], high[i]) == pytest.approx(one[2:], nan_ok=True, abs=1e-12)
    # the order of groups in a batch (chunking) does not change any interval
    n2, mean2, low2, high2 = stats.batch_mean_ci(groups[::-1])
    assert low2[::-1] == pytest.approx(low, nan_ok=True, abs=1e-12)


@pytest.mark.parametrize("with_nan", [False, True])
def test_batch_drops_nans_as_one_at_a_time_does(with_nan):
    """NaNs are looked for once over all groups; a group with NaNs gets the interval of its other values."""
    rng = np.random.default_rng(13)
    groups = [rng.normal(size=n) for n in (0, 1, 2, 3, 7, 40, 3)]
    if with_nan:
        groups[3][1] = groups[5][[0, 9]] = groups[6][:] = np.nan
    n, mean, low, high = stats.batch_mean_ci(groups)
    for i, g in enumerate(groups):
        assert (n[i], mean[i], low[i], high[i]) == pytest.approx(stats.mean_ci(g), nan_ok=True, abs=1e-12)
        kept = g[~np.isnan(g)]
        alone = stats.batch_mean_ci([kept])
        assert [float(x[0]) for x in alone] == pytest.approx([n[i], mean[i], low[i], high[i]], nan_ok=True, abs=0)


def test_totals_of_resamples_add_up_to_n_items():
    x = np.ones((9, 2))
    totals = stats.bootstrap_totals(x)
    assert totals.shape == (stats.N_BOOT, 2)
    assert np.all(totals == 9)


@pytest.mark.parametrize("rows, inner, cols", [(1000, 3, 5), (1000, 30, 9), (1000, 200, 700), (7, 2, 1)])
def test_tiled_product_equals_the_matrix_product(rows, inner, cols):
    rng = np.random.default_rng(rows + inner + cols)
    a, b = rng.integers(0, 4, size=(rows, inner)).astype(float), rng.normal(size=(inner, cols))
    assert np.allclose(stats._product(a, b), a @ b, rtol=0, atol=1e-12)


def test_batched_columns_match_one_group_at_a_time():
    rng = np.random.default_rng(4)
    groups = [rng.integers(0, 30, size=(n, 5)).astype(float) for n in (2, 7, 7, 40, 40, 40, 250)]
    for idx, totals in stats.batch_totals(groups):
        for j, i in enumerate(idx):
            assert np.array_equal(totals[j], stats.bootstrap_totals(groups[i]))   # integer counts: exact


@pytest.mark.parametrize("shape,axis", [((1000,), 0), ((1000, 7), 0), ((3, 1000), 1), ((2, 5, 1000), 2), ((4, 1000, 3), 1),
                                        ((2, 2), 0), ((3,), 0), ((40, 2), 0)])
@pytest.mark.parametrize("level", [0.95, 0.9, 0.5, 0.999])
@pytest.mark.parametrize("kind", ["normal", "ties", "extremes"])
def test_percentile_interval_is_numpys_quantile_bit_for_bit(shape, axis, level, kind):
    rng = np.random.default_rng(sum(shape) + int(level * 1000))
    boot = rng.normal(size=shape)
    if kind == "ties":
        boot = np.round(boot, 1)
    elif kind == "extremes":
        boot = boot * 10.0 ** rng.integers(-300, 300, size=shape)
    alpha = (1 - level) / 2
    expected = np.quantile(boot, [alpha, 1 - alpha], axis=axis)
    low, high = stats.percentile_interval(boot, level, axis)
    assert np.array_equal(low, expected[0]) and np.array_equal(high, expected[1])
    # in place: the same interval, and the resamples sorted where they lie along the contiguous last axis
    mine = boot.copy()
    low, high = stats.percentile_interval(mine, level, axis, overwrite_input=True)
    assert np.array_equal(low, expected[0]) and np.array_equal(high, expected[1])
    in_place = axis == boot.ndim - 1
    assert np.array_equal(mine, np.sort(boot, axis=-1) if in_place else boot)


def test_batch_means_are_numpys_mean_bit_for_bit():
    rng = np.random.default_rng(5)
    groups = [rng.normal(size=n) * 10.0 ** rng.integers(-3, 4) for n in (1, 2, 3, 7, 8, 9, 127, 128, 129, 1000)]
    _, mean, _, _ = stats.batch_mean_ci(groups)
    assert [float(m) for m in mean] == [float(np.mean(g)) for g in groups]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.integers(-2 ** 62, 2 ** 62), st.integers(0, 5)), max_size=50))
def test_unique_ints_is_numpys_unique(values):
    x = np.array(values, dtype=np.int64)
    got, expected = stats.unique_ints(x), np.unique(x)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    for got, expected in zip(stats.unique_ints(x, return_index=True, return_inverse=True),
                             np.unique(x, return_index=True, return_inverse=True)):
        assert np.array_equal(got, expected)
    assert np.array_equal(stats.unique_ints(x, return_inverse=True)[1], np.unique(x, return_inverse=True)[1])


WHOLE = st.one_of(st.integers(0, 60), st.integers(-3, 3), st.integers(-2 ** 24, 2 ** 24))
ANY = st.one_of(WHOLE, st.sampled_from([0.5, -1.25, np.nan, np.inf, 2.0 ** 24 / 7, 1e300]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=5), st.data())
def test_batched_totals_of_whole_numbers_are_the_float64_totals(sizes, data):
    """Whole numbers take float32 products where no total can reach 2**24, float64 otherwise: either
    way every total is, bit for bit, the one the float64 products give (NaN for NaN)."""
    k = data.draw(st.integers(1, 3))
    values = data.draw(st.sampled_from([WHOLE, ANY]))   # whole numbers only, or with fractions, NaN, inf
    groups = [np.array(data.draw(st.lists(values, min_size=n * k, max_size=n * k)), dtype=float).reshape(n, k)
              for n in sizes]
    for flat in (False, True):
        batch = [g[:, 0] if flat else g for g in groups]
        got = dict(_flattened(stats.batch_totals(batch)))
        with mock.patch.object(stats, "_whole_below_float32_limit", lambda values, n: False):
            expected = dict(_flattened(stats.batch_totals(batch)))
        assert got.keys() == expected.keys() == set(range(len(batch)))
        for i, totals in got.items():
            if np.isnan(expected[i]).any():          # a NaN's sign bit depends on the BLAS kernel
                assert np.array_equal(totals, expected[i], equal_nan=True)
            else:
                assert totals.tobytes() == expected[i].tobytes()
            if _is_whole(batch[i]) and np.abs(batch[i]).max() * len(batch[i]) < 2 ** 24:   # exact: as alone
                alone = stats._product(stats._count_matrix(len(batch[i]), stats.N_BOOT, stats.SEED),
                                       batch[i][:, None] if flat else batch[i])
                assert totals.tobytes() == (alone[:, 0] if flat else alone).tobytes()


def _flattened(batches):
    for idx, totals in batches:
        yield from zip(idx, totals)


def _is_whole(values: np.ndarray) -> bool:
    return bool(np.isfinite(values).all() and (values == np.round(values)).all())


@pytest.mark.parametrize("values, n, expected", [
    ([1.0, 2.0], 2, True), ([0.0, -3.0], 200, True), ([1.5, 2.0], 2, False), ([np.nan], 2, False),
    ([np.inf], 2, False), ([1677722.0], 10, False), ([-1677721.0, 3.0], 10, True), ([], 3, False),
])
def test_float32_is_used_only_for_whole_numbers_below_the_limit(values, n, expected):
    assert stats._whole_below_float32_limit(np.array(values), n) == expected


@pytest.mark.parametrize("shape", [(1000,), (3, 1000), (2, 5, 1000), (7, 40), (4, 3), (6, 2)])
@pytest.mark.parametrize("level", [0.95, 0.9, 0.5, 0.999])
@pytest.mark.parametrize("kind", ["normal", "ties", "extremes", "zeros", "signed_zeros"])
def test_scratch_interval_is_the_sorted_interval_bit_for_bit(shape, level, kind):
    # The partition path (scratch) against the sort path on the same rows, and against numpy's quantile.
    rng = np.random.default_rng(sum(shape) + int(level * 1000) + len(kind))
    boot = rng.normal(size=shape)
    if kind == "ties":
        boot = np.round(boot, 1)
    elif kind == "extremes":
        boot = boot * 10.0 ** rng.integers(-300, 300, size=shape)
    elif kind == "zeros":
        boot = np.where(np.abs(boot) < 1.0, 0.0, boot)
    elif kind == "signed_zeros":
        boot = np.where(np.abs(boot) < 1.0, np.copysign(0.0, boot), boot)
    sorted_low, sorted_high = stats.percentile_interval(boot.copy(), level, -1, overwrite_input=True)
    low, high = stats.percentile_interval(boot.copy(), level, -1, scratch=True)
    bits = lambda a: np.asarray(a, dtype=float).tobytes()
    assert bits(low) == bits(sorted_low) and bits(high) == bits(sorted_high)
    expected = np.quantile(boot, [(1 - level) / 2, 1 - (1 - level) / 2], axis=-1)
    assert np.array_equal(low, expected[0]) and np.array_equal(high, expected[1])


def test_scratch_interval_takes_the_partition_path():
    # Rows of 1,000 without -0.0 are partitioned, not sorted (the fast path is exercised, not skipped).
    boot = np.random.default_rng(9).normal(size=(4, 1000))
    mine = boot.copy()
    stats.percentile_interval(mine, 0.95, -1, scratch=True)
    assert not np.array_equal(mine, np.sort(boot, axis=-1))
    assert np.array_equal(np.sort(mine, axis=-1), np.sort(boot, axis=-1))
