"""Module boundaries: pyvis behind one module; no stage imports a later stage, the pipeline or the CLI."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_backend_imports_pyvis():
    users = {p.name for p in (ROOT / "viz").glob("*.py") if any(n.split(".")[0] == "pyvis" for n in _imports(p))}
    assert users == {"pyvis_backend.py"}


def test_viz_does_not_import_the_cli():
    for p in (ROOT / "viz").rglob("*.py"):
        assert not any(n.startswith(("diplograph.pipeline", "diplograph.cli")) for n in _imports(p)), p


def test_graph_does_not_import_viz():
    for p in (ROOT / "graph").rglob("*.py"):
        assert not any(n.startswith("diplograph.viz") for n in _imports(p)), p


def test_ingest_does_not_import_later_stages():
    later = ("diplograph.graph", "diplograph.viz", "diplograph.pipeline", "diplograph.cli")
    for p in (ROOT / "ingest").rglob("*.py"):
        assert not any(n.startswith(later) for n in _imports(p)), p


def test_graph_does_not_import_the_cli():
    for p in (ROOT / "graph").rglob("*.py"):
        assert not any(n.startswith(("diplograph.pipeline", "diplograph.cli")) for n in _imports(p)), p


def test_the_pipeline_does_not_import_the_cli():
    for p in (ROOT / "pipeline").rglob("*.py"):
        assert not any(n.startswith("diplograph.cli") for n in _imports(p)), p


def test_tests_and_bench_build_through_the_pipeline():
    """Outside tests/cli/, tests and bench/ take only the command (`main`) and its bundled queries from the CLI."""
    for p in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").glob("*.py")]:
        modules = {n for n in _imports(p) if n.startswith("diplograph.cli.")}
        assert modules <= {"diplograph.cli.main", "diplograph.cli.query"} or p.parent.name == "cli", (p, modules)


def test_the_graph_subpackages_import_only_the_ones_before_them():
    """assembly imports no other graph subpackage; rdf and export only assembly; sparql only rdf and assembly."""
    allowed = {"assembly": set(), "rdf": {"assembly"}, "export": {"assembly"}, "sparql": {"assembly", "rdf"}}
    for name, before in allowed.items():
        for p in (ROOT / "graph" / name).rglob("*.py"):
            used = {n.split(".")[2] for n in _imports(p) if n.startswith("diplograph.graph.")}
            assert used <= before | {name}, (p, used)


def test_util_imports_no_stage():
    """The shared utilities sit below every stage: files, progress and forking import nothing of diplograph."""
    for p in (ROOT / "util").rglob("*.py"):
        assert not any(n.startswith("diplograph") for n in _imports(p)), p
