"""Run the per-article stages on Dask: a dask.bag over the chunks of articles.

Where the work runs, by `scheduler`:
- None: the `distributed` Client already active in this process if there is one (a notebook or a
  test that started a LocalCluster), else Dask's local multiprocessing scheduler;
- "local": a `distributed` LocalCluster started for this run (one single-threaded worker per core);
- any other string: the address of an existing scheduler ("tcp://10.0.0.5:8786"), through
  `distributed.Client(address)`.
Each chunk carries its texts, so workers need the `analysis` package installed but no access to
the corpus folder. Results come back in chunk order; the pipeline combines them as with the
process pool, so both engines write the same tables.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence


def map_chunks(func: Callable, jobs: Sequence, scheduler: str | None = None) -> list:
    """[func(job) for job in jobs], computed on Dask; results in the order of `jobs`."""
    if not jobs:
        return []
    import dask.bag as db

    bag = db.from_sequence(list(jobs), npartitions=len(jobs)).map(func)
    if scheduler is None:
        client = _active_client()
        if client is not None:
            return bag.compute(scheduler=client)
        return bag.compute(scheduler="processes", num_workers=min(len(jobs), os.cpu_count() or 1))
    from distributed import Client, LocalCluster

    if scheduler == "local":
        # silence_logs: shutdown chatter ("worker process still alive ... killing") is not a problem with the input
        with LocalCluster(n_workers=min(len(jobs), os.cpu_count() or 1), threads_per_worker=1, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster, set_as_default=False) as client:
            return bag.compute(scheduler=client)
    with Client(scheduler, set_as_default=False) as client:
        return bag.compute(scheduler=client)


def _active_client():
    try:
        from distributed import get_client
        return get_client()
    except (ImportError, ValueError):
        return None
