"""Outputs are written whole or not at all."""
import pytest

from diplograph.cli.files import atomic_write


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old complete graph")
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(target) as handle:
            handle.write("half of a new gra")
            raise KeyboardInterrupt
    assert target.read_text() == "old complete graph"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "graph.ttl"
    with atomic_write(target) as handle:
        handle.write("new")
    assert target.read_text() == "new"


def test_outputs_get_the_usual_permissions_not_a_temporary_files(tmp_path):
    import os
    import stat

    target = tmp_path / "graph.html"
    with atomic_write(target) as handle:
        handle.write("page")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
