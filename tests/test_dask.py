"""`--engine dask` writes the same tables as the local process pool."""
import operator

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from analysis import dask_engine, pipeline
from analysis.paths import SEEDS


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def local():
    return pipeline.run(SEEDS, workers=1, chunk_size=2)


def assert_same_tables(result, expected):
    assert list(result.tables) == list(expected.tables)
    for name in expected.tables:
        pd.testing.assert_frame_equal(result[name], expected[name], obj=name)


def test_dask_on_the_active_client_matches_the_local_engine(cluster, local):
    with Client(cluster):
        result = pipeline.run(SEEDS, engine="dask", chunk_size=2)
    assert_same_tables(result, local)


def test_dask_on_a_scheduler_address_matches_the_local_engine(cluster, local):
    result = pipeline.run(SEEDS, engine="dask", chunk_size=2, scheduler=cluster.scheduler_address)
    assert_same_tables(result, local)


def test_dask_tables_are_written_identically(cluster, local, tmp_path):
    result = pipeline.run(SEEDS, engine="dask", chunk_size=3, scheduler=cluster.scheduler_address)
    local_paths = pipeline.write_tables(local, tmp_path / "local")
    dask_paths = pipeline.write_tables(result, tmp_path / "dask")
    assert [p.name for p in dask_paths] == [p.name for p in local_paths]
    assert [p.read_bytes() for p in dask_paths] == [p.read_bytes() for p in local_paths]


@pytest.mark.parametrize("jobs,expected", [
    ([], []),
    ([(1, 2)], [3]),
    ([(1, 2), (3, 4), (5, 6), (7, 8)], [3, 7, 11, 15]),
])
def test_map_chunks_keeps_the_order_of_jobs(cluster, jobs, expected):
    assert list(dask_engine.map_chunks(_add, jobs, scheduler=cluster.scheduler_address)) == expected


def test_map_chunks_without_a_cluster_uses_local_processes(monkeypatch):
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_CORE", 1)  # several rounds
    jobs = [(k, 1) for k in range(7)]
    assert list(dask_engine.map_chunks(_add, jobs)) == [k + 1 for k in range(7)]


def _add(pair):
    return operator.add(*pair)


def test_map_chunks_on_a_local_cluster_of_its_own():
    assert list(dask_engine.map_chunks(abs, [-1, 2, -3], scheduler="local")) == [1, 2, 3]


def test_a_streamed_dask_run_writes_the_tables_of_the_local_engine(cluster, local, tmp_path):
    writer = pipeline.TableWriter(tmp_path / "dask", "csv")
    streamed = pipeline.run(SEEDS, engine="dask", chunk_size=1, scheduler=cluster.scheduler_address, writer=writer)
    dask_paths = pipeline.write_tables(streamed, writer)
    local_paths = pipeline.write_tables(local, tmp_path / "local")
    assert sorted(p.name for p in dask_paths) == sorted(p.name for p in local_paths)
    for path in local_paths:
        assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name
