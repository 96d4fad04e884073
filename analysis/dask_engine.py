"""Run the per-article stages on Dask: a dask.bag over the chunks of articles.

Where the work runs, by `scheduler`:
- None: the `distributed` Client already active in this process if there is one (a notebook or a
  test that started a LocalCluster), else Dask's local multiprocessing scheduler;
- "local": a `distributed` LocalCluster started for this run (one single-threaded worker per core);
- any other string: the address of an existing scheduler ("tcp://10.0.0.5:8786"), through
  `distributed.Client(address)`.
Each chunk carries its texts, so workers need the `analysis` package installed but no access to
the corpus folder. Results come back one by one in chunk order, as with the process pool, so the
pipeline combines (or streams to disk) them the same way and both engines write the same tables;
no more than a window of results waits in this process at a time.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence

# Chunks computed per round on the local multiprocessing scheduler: enough to keep every core
# busy, few enough that their results stay small.
CHUNKS_PER_CORE = 4


def map_chunks(func: Callable, jobs: Sequence, scheduler: str | None = None) -> Iterator:
    """func(job) for each job, computed on Dask and yielded in the order of `jobs`."""
    jobs = list(jobs)
    if not jobs:
        return
    if scheduler is None:
        client = _active_client()
        if client is not None:
            yield from _in_order(client, func, jobs)
        else:
            yield from _in_rounds(func, jobs)
        return
    from distributed import Client, LocalCluster

    if scheduler == "local":
        # silence_logs: shutdown chatter ("worker process still alive ... killing") is not a problem with the input
        with LocalCluster(n_workers=min(len(jobs), os.cpu_count() or 1), threads_per_worker=1, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster, set_as_default=False) as client:
            yield from _in_order(client, func, jobs)
        return
    with Client(scheduler, set_as_default=False) as client:
        yield from _in_order(client, func, jobs)


def _in_order(client, func: Callable, jobs: list) -> Iterator:
    """A dask.bag of one partition per chunk, its partitions' futures collected in order: the
    cluster works on all of them while results are taken, and released, one at a time."""
    import dask.bag as db

    bag = db.from_sequence(jobs, npartitions=len(jobs)).map(func)
    futures = client.compute(bag.to_delayed())
    for i, future in enumerate(futures):
        yield from future.result()
        future.release()
        futures[i] = None


def _in_rounds(func: Callable, jobs: list) -> Iterator:
    """No cluster: Dask's local multiprocessing scheduler, a round of chunks at a time, every
    round on the same worker processes (started once: each pays the imports)."""
    from concurrent.futures import ProcessPoolExecutor

    import dask.bag as db
    from dask.multiprocessing import get_context

    workers = min(len(jobs), os.cpu_count() or 1)
    step = workers * CHUNKS_PER_CORE
    with ProcessPoolExecutor(workers, mp_context=get_context()) as pool:
        for first in range(0, len(jobs), step):
            part = jobs[first:first + step]
            yield from db.from_sequence(part, npartitions=len(part)).map(func).compute(
                scheduler="processes", pool=pool)


def _active_client():
    try:
        from distributed import get_client
        return get_client()
    except (ImportError, ValueError):
        return None
