"""A build killed (SIGKILL, no chance to clean up) at random points leaves every output whole: the previous
build's or the new one's, byte for byte; and the next build finishes and gives the new graph.

The corpus grows from the five seeds (the previous build, kept with its cache) to the seeds and 12 dev
articles. One kill lands at a random moment before the first output is written (reading, extraction,
the cache), three at random moments of the writing that follows the first temporary output file
(graph.ttl, the page, the GEXF files, skipped.tsv, in their forked processes); the moments are drawn from
a seeded generator, over the times one whole build took. A last kill falls right after the first output has
been replaced, whatever the machine's speed: timed kills on a busy machine may all land before any has.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import CORPUS
from support.paths import DEV, need_shared

EXE = os.path.join(os.path.dirname(sys.executable), "diplograph")
KILLS = ("early", "writing", "writing", "writing", "replaced")


def build(corpus, out, *extra):
    return subprocess.run([EXE, "build", str(corpus), "--out", str(out), "-q", *extra], capture_output=True,
                          text=True, timeout=600)


def outputs(folder) -> dict[str, bytes]:
    """Every output file of a build folder (not the cache), by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    need_shared(DEV)
    root = tmp_path_factory.mktemp("interrupted")
    old, new = root / "old", root / "new"
    old.mkdir()
    for seed in CORPUS.glob("*.txt"):
        shutil.copy(seed, old / seed.name)
    shutil.copytree(old, new)
    for path in sorted((DEV / "epochtimes").glob("*.md"))[:6] + sorted((DEV / "gnews").glob("*.md"))[:6]:
        shutil.copy(path, new / f"dev-{path.name}")
    return root, old, new


def _stamps(out) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and not p.name.endswith(".tmp")}


def _read(path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def run_watched(new, out, kill_after=None, on_first_replaced=False):
    """Build `new` into `out` in its own process group; (seconds until the first temporary output file
    appeared, seconds until the end). `kill_after(first_tmp_seen)` -> seconds from now to SIGKILL, or None;
    `on_first_replaced`: SIGKILL as soon as one output file has been replaced by other bytes."""
    initial, contents = _stamps(out), outputs(out)
    proc = subprocess.Popen([EXE, "build", str(new), "--out", str(out), "-q"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    started, first_tmp, deadline = time.perf_counter(), None, None
    if kill_after is not None:
        deadline = kill_after(False)
        deadline = None if deadline is None else started + deadline
    while proc.poll() is None:
        now = time.perf_counter()
        if on_first_replaced and any(initial.get(name) != stamp and _read(out / name) != contents.get(name)
                                     for name, stamp in _stamps(out).items()):
            deadline = now  # an output now holds other bytes (skipped.tsv may be rewritten the same)
        if first_tmp is None and any(p.name.endswith(".tmp") for p in out.iterdir()):
            first_tmp = now - started
            if kill_after is not None and deadline is None:
                deadline = now + kill_after(True)
        if deadline is not None and now >= deadline:
            os.killpg(proc.pid, signal.SIGKILL)  # the build, its workers and its output processes at once
            proc.wait()
            break
        time.sleep(0.005)
    return first_tmp, time.perf_counter() - started, proc.returncode


def test_a_killed_build_leaves_each_output_old_or_new_and_the_next_build_is_right(corpora):
    root, old, new = corpora
    reference = root / "reference"
    assert build(new, reference, "--no-cache").returncode == 0
    expected = outputs(reference)
    previous_build = root / "previous"
    assert build(old, previous_build).returncode == 0
    before = outputs(previous_build)
    assert set(before) == set(expected) and before != expected
    timed = root / "timed"  # the build the kills interrupt, once whole: how long before writing, and writing
    shutil.copytree(previous_build, timed)
    first_tmp, total, code = run_watched(new, timed)
    assert code == 0 and outputs(timed) == expected and first_tmp is not None
    writing = total - first_tmp

    rng = random.Random(16)
    seen = []
    for n, when in enumerate(KILLS):
        out = root / f"killed-{n}"
        shutil.copytree(previous_build, out)  # the previous build, with its cache
        if when == "early":
            delay = rng.uniform(0.2, first_tmp)
            run_watched(new, out, lambda writing_seen, delay=delay: None if writing_seen else delay)
        elif when == "replaced":
            run_watched(new, out, on_first_replaced=True)
        else:  # the k-th of the writing kills falls in the k-th part of the writing time
            k = n - KILLS.index("writing")
            parts = KILLS.count("writing")
            delay = writing * rng.uniform(k / parts, (k + 1) / parts)
            run_watched(new, out, lambda writing_seen, delay=delay: delay if writing_seen else None)
        after = {name: data for name, data in outputs(out).items() if not name.endswith(".tmp")}
        assert set(after) == set(expected), n
        states = {name: "old" if data == before[name] else "new" if data == expected[name] else "HALF"
                  for name, data in after.items()}
        assert "HALF" not in states.values(), (n, states)
        seen.append((when, states))
        again = build(new, out)  # and from there the next build is the new graph, leftovers gone
        assert again.returncode == 0, again.stderr
        assert outputs(out) == expected, n
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    print("outputs after each kill:", seen)
    assert "new" in seen[-1][1].values()  # the last kill fell after an output was replaced
