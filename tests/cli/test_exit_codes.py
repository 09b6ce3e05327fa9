"""The exit codes are what the README says: one table, in the README and in `diplograph --help`, and every row
of it met by real commands (run as a user runs them, in a new process)."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from conftest import CORPUS, ROOT
from support.paths import DEV, need_shared
from diplograph.cli.exitcodes import EXIT_CODES, help_text, markdown

EXE = os.path.join(os.path.dirname(sys.executable), "diplograph")


def run(*args, cwd):
    return subprocess.run([EXE, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def readme_table() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.search(r"^\| code \| meaning \|\n(?:^\|.*\|\n?)+", text, re.M).group(0).strip()


def test_the_readme_and_the_help_show_the_one_table():
    assert readme_table() == markdown()
    shown = subprocess.run([EXE, "--help"], capture_output=True, text=True, timeout=60).stdout
    lines = [line.strip() for line in shown.splitlines()]
    table = [line.strip() for line in help_text().splitlines()[1:]]
    start = lines.index("Exit codes:")
    assert lines[start:start + len(table)] == table


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A folder with a build of the seeds (out/), a broken graph, an empty folder and a folder of non-articles."""
    work = tmp_path_factory.mktemp("exit-codes")
    assert run("build", CORPUS, "--out", work / "out", "-q", "--skip", "html", cwd=work).returncode == 0
    (work / "broken.ttl").write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\nnot turtle\n", "utf-8")
    graph = (work / "out" / "graph.ttl").read_text("utf-8")
    (work / "nonconforming.ttl").write_text(graph + "\narticle:no-title a dg:Article .\n", "utf-8")
    (work / "lexicon").mkdir()
    (work / "lexicon" / "actors.tsv").write_bytes("key\tzh\n拜登\n".encode("gb18030"))
    (work / "empty").mkdir()
    (work / "junk").mkdir()
    (work / "junk" / "blank.md").write_text("\n")
    (work / "junk" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return work


ROWS = {
    0: [("build", CORPUS, "--out", "out", "-q", "--skip", "html"),
        ("query", "who-warned-whom", "-g", "out/graph.ttl"),
        ("validate", "out/graph.ttl", "-q"),
        ("export", "-g", "out/graph.ttl", "--format", "csv", "-q"),
        ("ingest", CORPUS, "--out", "out/articles.jsonl", "-q")],
    1: [("query", "ASK { ?s ?p ?o }", "-g", "broken.ttl"),
        ("export", "-g", "broken.ttl", "--format", "gexf"),
        ("validate", "nonconforming.ttl", "-q"),
        ("build", CORPUS, "--out", "out2", "--lexicon", "lexicon"),
        ("build", CORPUS, "--out", "out/graph.ttl/below")],
    2: [("build", "--bogus"),
        ("nosuchcommand",),
        ("build", "no-such-folder"),
        ("ingest", "no-such-folder"),
        ("build", CORPUS, "--lexicon", "no-such-lexicon"),
        ("build", CORPUS, "--scheduler", "nowhere"),
        ("query", "who-warned-whom", "-g", "no/graph.ttl"),
        ("validate", "no/graph.ttl"),
        ("export", "-g", "no/graph.ttl", "--format", "csv"),
        ("serve", "-g", "no/graph.ttl"),
        ("query", "who-warned-who", "-g", "out/graph.ttl"),
        ("query", "SELECT ?x WHERE { ?x a foo:Bar }", "-g", "out/graph.ttl"),
        ("evaluate", "no-gold.json")],
    3: [("build", "empty", "--out", "out3"),
        ("build", "junk", "--out", "out3"),
        ("ingest", "junk", "--out", "junk.jsonl")],
}


@pytest.mark.parametrize("code", sorted(ROWS))
def test_every_row_is_what_those_commands_exit_with_in_one_line(work, code):
    for args in ROWS[code]:
        result = run(*args, cwd=work)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr
        if code in (1, 2):  # one line: `Error: …`, or validate's verdict after its list of problems
            assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        if code == 3:
            assert "nothing to build" in result.stdout + result.stderr or "read 0 article(s)" in result.stderr
    if code == 3:  # nothing to do leaves nothing behind
        assert not (work / "out3").exists() and not (work / "junk.jsonl").exists()


def test_interrupted_is_130(tmp_path):
    proc = subprocess.Popen([EXE, "build", need_shared(DEV), "--out", tmp_path / "out", "--no-cache", "-q"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            # as from a terminal: a test run in the background inherits SIGINT ignored
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)  # reading and extracting by now (the dev corpus takes over ten seconds)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err.strip().endswith("Aborted!") and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # it had written nothing


def test_the_table_has_every_code_the_tests_walk():
    assert [code for code, _ in EXIT_CODES] == sorted(ROWS) + [130]
