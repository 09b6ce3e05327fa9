"""The distribution: one `diplograph` namespace, with the data files every stage reads."""
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel, built from a copy of the checkout: setuptools leaves a build/ folder where it builds."""
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source") / "diplograph"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "dist", "out", "*.egg-info",
                                                                "__pycache__", "corpus"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    (path,) = out.glob("diplograph-*.whl")
    return zipfile.ZipFile(path).namelist()


def test_everything_installs_under_one_namespace(wheel):
    tops = {name.split("/")[0] for name in wheel if not name.startswith("diplograph-")}
    assert tops == {"diplograph"}


def test_the_data_files_are_in_the_wheel(wheel):
    for needed in ("diplograph/ingest/lexicons/actors.tsv", "diplograph/ontology/diplograph.ttl",
                   "diplograph/ontology/shapes.ttl", "diplograph/queries/who-warned-whom.rq"):
        assert needed in wheel
    assert any(n.startswith("diplograph/viz/assets/") and n.endswith(".js") for n in wheel)


def test_building_the_wheel_leaves_nothing_in_the_checkout(wheel):
    assert not (ROOT / "build").exists()


def test_every_module_is_in_the_wheel(wheel):
    """Each subpackage is listed in pyproject.toml: a module left out would import in a checkout but not installed."""
    for folder in ("cli", "graph", "ingest", "ontology", "pipeline", "util", "viz"):
        for p in (ROOT / folder).rglob("*.py"):
            if "__pycache__" not in p.parts:
                assert f"diplograph/{p.relative_to(ROOT).as_posix()}" in wheel, p
