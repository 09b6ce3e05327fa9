"""Run one function in a forked process beside this one, and collect its result later.

An output stage uses it to split its own work over a second core (graph.ttl
sorts half of its triples there) without pickling the graph: the child sees
it as the parent had it when it forked.
Where forking is not safe (no fork, or other threads running) the function
runs here, at once, and the result is the same.
"""
from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """True where a forked child can safely run Python: fork exists and this process runs one thread."""
    return hasattr(os, "fork") and threading.active_count() == 1


def _freeze() -> bool:
    """Freeze this process's objects; True when the caller is the one to unfreeze them (none were frozen)."""
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    return thaw


@contextmanager
def frozen():
    """Fork inside this block (multiprocessing does) to keep the parent's objects from the children's collector.

    A collection in a forked child writes to every object it visits, and so copies the parent's memory
    page by page; `gc.freeze` before forking, as the gc documentation recommends, prevents it. A process
    that was itself forked from frozen objects keeps them frozen.
    """
    thaw = _freeze()
    try:
        yield
    finally:
        if thaw:
            gc.unfreeze()


def fork() -> int:
    """`os.fork()` as inside `frozen()` (written out: the child must not leave the block and unfreeze)."""
    thaw = _freeze()
    try:
        pid = os.fork()
    except BaseException:
        if thaw:
            gc.unfreeze()
        raise
    if pid and thaw:
        gc.unfreeze()
    return pid


def beside(function: Callable[..., T], *args) -> Callable[[], T]:
    """Start `function(*args)` in a forked process; the returned function waits for its result (or raises its error)."""
    if not can_fork():
        return _here(function, *args)
    read_end, write_end = os.pipe()
    pid = fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's clean-up
        os.close(read_end)
        status = 1
        try:
            try:
                message, status = ("ok", function(*args)), 0
            except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
                message = ("error", _picklable(err))
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(status)
    os.close(write_end)

    def wait() -> T:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError(f"the process running {function.__name__} died")
        kind, value = pickle.loads(data)
        if kind == "error":
            raise value
        return value

    return wait


def _here(function: Callable[..., T], *args) -> Callable[[], T]:
    """`function(*args)` run now, its result or error handed over by the returned function, as `beside` does."""
    try:
        result = function(*args)
    except Exception as err:  # noqa: BLE001 - raised when the result is asked for, as from a child
        failure = err  # `err` itself is unbound when the except block ends

        def fail() -> T:
            raise failure
        return fail
    return lambda: result


def _picklable(err: BaseException) -> BaseException:
    """`err` itself when it survives pickling (an OSError keeps its errno and file name), else its text."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001 - any exception type may fail to pickle
        return RuntimeError(f"{type(err).__name__}: {err}")
