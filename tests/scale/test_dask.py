"""--scheduler: extraction on a Dask cluster gives the graph of the local build."""
from __future__ import annotations

import pytest

from conftest import CORPUS

from scale.helpers import build, run

distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (the test extra)")


def test_build_on_a_dask_cluster_is_the_local_build(tmp_path):
    local = build(CORPUS, tmp_path / "local", "--jobs", "1", "--no-cache")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        on_dask = build(CORPUS, tmp_path / "dask", "--scheduler", cluster.scheduler_address, "--no-cache")
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    assert on_dask == local


def test_dask_and_the_cache_work_together(tmp_path):
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        first = build(CORPUS, out, "--scheduler", cluster.scheduler_address, "--cache-dir", str(tmp_path / "cache"))
        again = tmp_path / "again"
        result = run("build", str(CORPUS), "--out", str(again), "--scheduler", cluster.scheduler_address,
                     "--cache-dir", str(tmp_path / "cache"))
    assert "0 file(s) extracted, 5 from the cache" in result.output
    assert (again / "graph.ttl").read_bytes() == first


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    result = run("build", str(CORPUS), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", "--no-cache")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1


def test_a_bad_scheduler_value_is_a_usage_error(tmp_path):
    result = run("build", str(CORPUS), "--out", str(tmp_path / "out"), "--scheduler", "somewhere")
    assert result.exit_code == 2
    assert "Invalid value for '--scheduler': must be 'local' or an address like tcp://host:8786" in result.output
    assert not (tmp_path / "out").exists()
