"""Run independent output stages (RDF, viz, export) side by side in forked processes.

Each stage only reads the finished `KnowledgeGraph` and writes its own files
(atomically), so with more than one core they can run at once. The stages
are forked, not spawned: a child sees the graph without pickling it. Where
forking is not safe (no fork, or other threads running) they run one after
the other, as they do with --jobs 1; the files are the same either way.
"""
from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from diplograph.util.files import target_of
from diplograph.util.forked import can_fork, frozen
from diplograph.util.progress import Progress, no_progress

Stage = tuple[str, Callable[[], dict[str, Path]]]  # (stage name, function returning output name -> path)


class StageFailed(RuntimeError):
    """An output stage failed in its process; the message carries its traceback."""


class StageWriteError(OSError):
    """An output stage could not write its file (a full disk, a folder that went away): one line, no traceback."""


class StageBroken(RuntimeError):
    """An output stage could not import what it needs (a broken install): one line, no traceback."""


def groups(stages: list[Stage], jobs: int, weights: dict[str, float] | None = None) -> list[list[Stage]]:
    """At most `jobs` groups of stages, one process each: heaviest first, each to the lightest group.

    Three stages on two cores finish sooner as two processes (the heaviest alone) than as three
    sharing the cores. `weights` are rough relative costs by stage name (default 1).
    """
    weights = weights or {}
    count = max(1, min(jobs, len(stages)))
    loads, members = [0.0] * count, [[] for _ in range(count)]
    for stage in sorted(stages, key=lambda st: -weights.get(st[0], 1.0)):
        lightest = loads.index(min(loads))
        loads[lightest] += weights.get(stage[0], 1.0)
        members[lightest].append(stage)
    return [group for group in members if group]


def _child(group: list[Stage], conn) -> None:
    done = []
    for name, run in group:
        start = time.perf_counter()
        try:
            paths = {k: str(v) for k, v in run().items()}
            done.append(("ok", name, time.perf_counter() - start, paths))
        except OSError as err:
            done.append(("oserror", name, time.perf_counter() - start, cannot_write(err)))
            break
        except ImportError as err:
            done.append(("broken", name, time.perf_counter() - start, broken_install(name, err)))
            break
        except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
            done.append(("error", name, time.perf_counter() - start, traceback.format_exc()))
            break
    try:
        conn.send((done, _peak_mb()))
    finally:
        conn.close()


def cannot_write(err: OSError) -> str:
    """One line for an output file that could not be written, named as the user knows it (not its temp file)."""
    return f"{target_of(str(err.filename or 'output'))}: cannot write ({err.strerror or err})"


def broken_install(stage: str, err: ImportError) -> str:
    """One line for a stage whose modules would not import: the installation is at fault, not the input."""
    return f"the {stage} stage cannot import what it needs ({err}); reinstall diplograph (`make install`)"


def _peak_mb() -> float:
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_stages(stages: list[Stage], jobs: int, report, progress: Progress = no_progress,
               weights: dict[str, float] | None = None) -> None:
    """Run `stages`, in up to `jobs` processes when `jobs` > 1 and forking is safe; record times and outputs.

    `progress` wraps the stages (one step per finished stage), as the CLI's progress bars do.
    """
    if jobs <= 1 or len(stages) <= 1 or not can_fork():
        for name, run in progress(stages):
            with report.stage(name):
                try:
                    report.outputs.update(run())
                except ImportError as err:
                    raise StageBroken(broken_install(name, err)) from None
        return
    context = multiprocessing.get_context("fork")
    running = []
    with frozen():
        for group in groups(stages, jobs, weights):
            parent, child = context.Pipe(duplex=False)
            proc = context.Process(target=_child, args=(group, child), daemon=True)
            proc.start()
            child.close()
            running.append((group, proc, parent))
    results: dict[str, tuple] = {}
    for _ in progress(_collect(running, report, results)):
        pass
    failures = []
    for name, _ in stages:  # in the order given, as with one process
        if name not in results:  # after a failed stage in its process
            continue
        status, seconds, payload = results[name]
        report.stages[name] = report.stages.get(name, 0.0) + seconds
        if status == "ok":
            report.outputs.update({k: Path(v) for k, v in payload.items()})
        else:
            failures.append((status, payload))
    if failures:
        status, payload = failures[0]
        raise {"oserror": StageWriteError, "broken": StageBroken}.get(status, StageFailed)(payload)


def _collect(running, report, results: dict[str, tuple]):
    """Wait for each process; keep each stage's (status, seconds, payload) and the peak memory; yield per stage."""
    for group, proc, conn in running:
        names = "+".join(name for name, _ in group)
        try:
            done, peak = conn.recv()
        except EOFError:
            died = f"the {names} process died (exit code {proc.exitcode})"
            done, peak = [("error", group[0][0], 0.0, died)], 0.0
        proc.join()
        report.peaks[f"{names} process"] = peak
        for status, name, seconds, payload in done:
            results[name] = (status, seconds, payload)
            yield name
