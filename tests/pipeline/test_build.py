"""The build called as a function, without the CLI: the files `diplograph build` writes, then "up to date"."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from diplograph.pipeline.build import BuildOptions, build
from diplograph.pipeline.outputs import BuildError
from scale.helpers import build as cli_build


def test_the_pipeline_builds_without_the_cli(tmp_path):
    options = BuildOptions(paths=(str(CORPUS),), out=tmp_path / "out", jobs=1)
    built = build(options)
    assert built.report.articles == 5 and not built.up_to_date and built.created
    assert sorted(p.name for p in built.report.outputs.values()) == [
        "actors.gexf", "graph.gexf", "graph.html", "graph.ttl", "skipped.tsv"]
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == cli_build(CORPUS, tmp_path / "cli", "--jobs", "1")
    again = build(options)
    assert again.up_to_date and again.graph == built.graph and again.report.outputs == built.report.outputs


def test_a_folder_that_cannot_be_made_is_one_build_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(BuildError, match="cannot create output folder"):
        build(BuildOptions(paths=(str(CORPUS),), out=tmp_path / "file" / "out", jobs=1))
