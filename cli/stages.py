"""Run independent output stages (RDF, viz, export) side by side in forked processes.

Each stage only reads the finished `KnowledgeGraph` and writes its own files
(atomically), so with more than one core they can run at once. The stages
are forked, not spawned: a child sees the graph without pickling it. Where
forking is not safe (no fork, or other threads running) they run one after
the other, as they do with --jobs 1; the files are the same either way.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

Stage = tuple[str, Callable[[], dict[str, Path]]]  # (stage name, function returning output name -> path)


class StageFailed(RuntimeError):
    """An output stage failed in its process; the message carries its traceback."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _child(stage: Stage, conn) -> None:
    name, run = stage
    start = time.perf_counter()
    try:
        outputs = run()
        paths = {k: str(v) for k, v in outputs.items()}
        conn.send(("ok", name, time.perf_counter() - start, (paths, _peak_mb())))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("error", name, time.perf_counter() - start, traceback.format_exc()))
    finally:
        conn.close()


def _peak_mb() -> float:
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_stages(stages: list[Stage], jobs: int, report, progress=lambda items: items) -> None:
    """Run `stages`, in parallel when `jobs` > 1 and forking is safe; record times and outputs in `report`.

    `progress` wraps the stages (one step per finished stage), as the CLI's progress bars do.
    """
    if jobs <= 1 or len(stages) <= 1 or not can_fork():
        for name, run in progress(stages):
            with report.stage(name):
                report.outputs.update(run())
        return
    context = multiprocessing.get_context("fork")
    running = []
    for stage in stages:
        parent, child = context.Pipe(duplex=False)
        proc = context.Process(target=_child, args=(stage, child), daemon=True)
        proc.start()
        child.close()
        running.append((stage[0], proc, parent))
    failures = []
    for name, proc, conn in progress(running):
        try:
            status, _, seconds, payload = conn.recv()
        except EOFError:
            status, seconds, payload = "error", 0.0, f"the {name} process died (exit code {proc.exitcode})"
        proc.join()
        report.stages[name] = report.stages.get(name, 0.0) + seconds
        if status == "ok":
            paths, peak = payload
            report.outputs.update({k: Path(v) for k, v in paths.items()})
            report.peaks[f"{name} process"] = peak
        else:
            failures.append(payload)
    if failures:
        raise StageFailed(failures[0])
