"""util.forked.beside: a function run in a forked process gives what it gives here, errors included."""
from __future__ import annotations

import gc
import os

import pytest

from diplograph.util.forked import beside, can_fork


def _where(big: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(big)


def _fails(path: str) -> None:
    raise OSError(28, "No space left on device", path)


def _dies() -> None:
    os._exit(3)


def test_the_result_comes_back_from_another_process():
    if not can_fork():
        pytest.skip("other threads run in this process: nothing would be forked")
    numbers = list(range(200_000))  # a result and arguments of real size through the pipe and the fork
    pid, total = beside(_where, numbers)()
    assert pid != os.getpid() and total == sum(numbers)
    assert gc.get_freeze_count() == 0  # this process collects its objects again after the fork


def _frozen_in_child() -> int:
    return gc.get_freeze_count()


def test_the_child_leaves_the_parents_objects_to_the_parent():
    if not can_fork():
        pytest.skip("other threads run in this process: nothing would be forked")
    assert beside(_frozen_in_child)() > 1000  # its collector never visits (and copies) what it inherited


def test_an_error_in_the_child_is_raised_as_it_was():
    wait = beside(_fails, "/tmp/out/graph.ttl")
    with pytest.raises(OSError) as caught:
        wait()
    assert caught.value.errno == 28 and caught.value.filename == "/tmp/out/graph.ttl"


def test_a_child_that_dies_is_an_error_not_a_hang():
    if not can_fork():
        pytest.skip("other threads run in this process: nothing would be forked")
    with pytest.raises(RuntimeError, match="_dies died"):
        beside(_dies)()


def test_where_nothing_can_be_forked_the_error_still_comes_at_the_wait(monkeypatch):
    from diplograph.util import forked

    monkeypatch.setattr(forked, "can_fork", lambda: False)
    wait = beside(_fails, "/tmp/out/graph.ttl")  # runs here, now, and keeps the error for the wait
    with pytest.raises(OSError, match="No space left"):
        wait()
    assert beside(_where, [1, 2])() == (os.getpid(), 3)
