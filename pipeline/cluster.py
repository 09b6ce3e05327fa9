"""Dask for extraction: connect to (or start) a cluster, and run tasks with a bounded number in flight."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached or Dask is not installed (the message says which)."""


@contextmanager
def client_for(scheduler: str, jobs: int):
    """A `distributed.Client`: on a new LocalCluster of `jobs` single-threaded workers for "local", else at `scheduler`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SchedulerError("--scheduler needs Dask: pip install 'diplograph[distributed]'") from None
    if scheduler == "local":
        with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="5s")
    except (OSError, TimeoutError) as err:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    with client:
        yield client


def ordered_results(items: Iterable, submit: Callable, window: int) -> Iterator:
    """`submit(item)` for each item (a future, or a ready value), at most `window` futures pending; results in item order."""
    from distributed import Future

    pending: list = []
    for item in items:
        pending.append(submit(item))
        while len([p for p in pending if isinstance(p, Future)]) >= window:
            yield _result(pending.pop(0))
    while pending:
        yield _result(pending.pop(0))


def _result(value):
    from distributed import Future

    return value.result() if isinstance(value, Future) else value
