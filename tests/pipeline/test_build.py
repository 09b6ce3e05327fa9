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


def test_an_up_to_date_build_imports_no_reader_nor_graph(tmp_path):
    """"up to date" is most of all Python's start-up and imports: the readers (bs4, yaml), the lexicon and the graph
    stay unimported when nothing changed."""
    import subprocess
    import sys

    build(BuildOptions(paths=(str(CORPUS),), out=tmp_path / "out", jobs=1))
    probe = ("import sys; from pathlib import Path; from diplograph.pipeline.build import BuildOptions, build; "
             f"b = build(BuildOptions(paths=({str(CORPUS)!r},), out=Path({str(tmp_path / 'out')!r}), jobs=1)); "
             "print(b.up_to_date, sorted(m for m in ('bs4', 'yaml', 'rdflib', 'networkx', 'jieba', "
             "'diplograph.ingest.reader', 'diplograph.ingest.lexicon', 'diplograph.graph.assembly.assemble') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True []"
