"""The command line end to end, as a user meets it."""
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from diplograph.cli.main import COMMANDS, cli

SUBCOMMANDS = sorted(COMMANDS)


def run(*args):
    return CliRunner().invoke(cli, list(args), prog_name="diplograph", catch_exceptions=False)


def test_version_and_help_on_every_subcommand():
    assert run("--version").output.startswith("diplograph, version ")
    for name in SUBCOMMANDS:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage: diplograph " + name in result.output


def test_ingest_writes_one_json_line_per_article(tmp_path):
    out = tmp_path / "articles.jsonl"
    result = run("ingest", str(CORPUS), "--out", str(out))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == 5
    assert set(lines[0]) >= {"id", "source_file", "outlet", "title", "published", "url", "language", "blocks"}
    block = lines[0]["blocks"][1]
    assert set(block) >= {"kind", "text", "sentences"}
    sentence = block["sentences"][0]
    assert block["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert "read 5 article(s) from 5 file(s)" in result.stderr


def test_ingest_to_standard_output():
    result = run("ingest", str(CORPUS / "000_445b50f40d22514d.txt"))
    assert json.loads(result.stdout)["published"] == "2022-02-21"


def test_build_reports_articles_skipped_and_outputs(tmp_path):
    (tmp_path / "in").mkdir()
    for seed in CORPUS.glob("*.txt"):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "empty.md").write_text("")
    result = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0
    assert "5 article(s) from 6 file(s)" in result.output
    assert "skipped empty.md: empty file" in result.output
    assert (tmp_path / "out" / "skipped.tsv").read_text("utf-8").splitlines()[1] == "empty.md\tempty file"
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def entry_point(*args, cwd):
    exe = os.path.join(os.path.dirname(sys.executable), "diplograph")
    return subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_missing_path_is_one_line_and_no_traceback(tmp_path):
    result = entry_point("build", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "Error: no such file or directory: no-such-folder"


def test_unwritable_output_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    target = "/proc/diplograph-out" if os.geteuid() == 0 else str(locked / "out")  # root may write anywhere else
    result = entry_point("build", str(CORPUS), "--out", target, cwd=tmp_path)
    assert result.returncode == 1
    assert "cannot create output folder" in result.stderr and "Traceback" not in result.stderr


def test_output_path_that_is_a_file(tmp_path):
    (tmp_path / "taken").write_text("x")
    result = entry_point("build", str(CORPUS), "--out", str(tmp_path / "taken" / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot create output folder") and "Traceback" not in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_pyvis_install_is_one_line_and_the_other_outputs_are_written(tmp_path, jobs):
    broken = tmp_path / "site" / "pyvis"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text('raise ImportError("libbroken.so: cannot open shared object file")\n')
    exe = os.path.join(os.path.dirname(sys.executable), "diplograph")
    result = subprocess.run([exe, "build", str(CORPUS), "--out", "out", "-q", "--no-cache", "--jobs", jobs],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(tmp_path / "site")})
    assert result.returncode == 1
    assert result.stderr.strip() == ("Error: the viz stage cannot import what it needs (libbroken.so: cannot open "
                                     "shared object file); reinstall diplograph (`make install`)")
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0
    assert not (tmp_path / "out" / "graph.html").exists()


def test_nothing_readable_exits_3(tmp_path):
    (tmp_path / "empty.md").write_text("")
    result = entry_point("ingest", str(tmp_path), "--out", str(tmp_path / "a.jsonl"), cwd=tmp_path)
    assert result.returncode == 3
    assert "skipped empty.md: empty file" in result.stderr


FRONT_MATTER = "---\ntitle: 拜登与普京通电话\ndate: {date}\nauthor: 半岛电视台\n---\n<p>美国总统拜登上周四与俄罗斯总统普京通电话。</p>\n"


def test_articles_with_impossible_dates_are_kept_undated(tmp_path):
    (tmp_path / "in").mkdir()
    for seed in CORPUS.glob("*.txt"):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "bad-month.md").write_text(FRONT_MATTER.format(date="2099-99-99"), "utf-8")
    (tmp_path / "in" / "year-one.md").write_text(FRONT_MATTER.format(date="0001-01-01").replace("上周四", "周五"),
                                                 "utf-8")
    result = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "built from 7 article(s) (2 undated: no date in the file) from 7 file(s)" in result.output
    assert "skipped" not in result.output.split("\n")[0]
    assert (tmp_path / "out" / "skipped.tsv").read_text("utf-8") == "source_file\treason\n"
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_an_extractor_crash_skips_that_file_only(tmp_path, monkeypatch):
    from diplograph.ingest.extract import Extractor

    real = Extractor.extract

    def fragile(self, article):
        if article.source_file.startswith("000_"):
            raise IndexError("string index out of range")
        return real(self, article)

    monkeypatch.setattr(Extractor, "extract", fragile)
    result = run("build", str(CORPUS), "--out", str(tmp_path / "out"), "-q", "--no-cache", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "4 article(s) from 5 file(s)" in result.output
    assert ("skipped 000_445b50f40d22514d.txt: extraction failed (internal error: IndexError: string index out "
            "of range)") in result.output


def test_an_unusable_cache_folder_is_one_line(tmp_path):
    (tmp_path / "taken").write_text("x")
    result = entry_point("build", str(CORPUS), "--out", str(tmp_path / "out"), "--cache-dir",
                         str(tmp_path / "taken" / "cache"), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"Error: {tmp_path / 'taken' / 'cache' / 'extractions.sqlite'}: "
                                            "cannot use the cache")
    assert not (tmp_path / "out").exists()  # the output folder it made, empty, is gone again


def test_a_run_that_builds_nothing_leaves_the_last_outputs_as_they_were(tmp_path):
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "blank.md").write_text("\n")
    assert run("build", str(CORPUS), "--out", str(tmp_path / "out"), "-q", "--skip", "html").exit_code == 0
    (tmp_path / "out" / "articles.jsonl").write_text("earlier\n")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    result = run("build", str(tmp_path / "junk"), "--out", str(tmp_path / "out"), "-q")
    assert result.exit_code == 3 and f"the outputs in {tmp_path / 'out'} are unchanged" in result.output
    again = run("ingest", str(tmp_path / "junk"), "--out", str(tmp_path / "out" / "articles.jsonl"))
    assert again.exit_code == 3
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()} == before


def test_a_lexicon_file_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "actors.tsv").write_bytes("key\tzh\n拜登\n".encode("gb18030"))
    result = entry_point("build", str(CORPUS), "--out", str(tmp_path / "out"), "--lexicon", str(tmp_path / "lex"),
                         cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"Error: {tmp_path / 'lex' / 'actors.tsv'}: not UTF-8 text")


def test_an_output_file_that_cannot_be_written_names_it(tmp_path):
    from diplograph.pipeline.stages import cannot_write

    err = FileNotFoundError(2, "No such file or directory", "/data/out/.graph.ttl.k2j4x9.tmp")
    assert cannot_write(err) == "/data/out/graph.ttl: cannot write (No such file or directory)"
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.ttl").mkdir()  # a folder where the Turtle file goes
    result = entry_point("build", str(CORPUS), "--out", str(tmp_path / "out"), "--no-cache", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"Error: {tmp_path / 'out' / 'graph.ttl'}: cannot write")


def test_usage_errors_are_one_line_with_the_help_to_read(tmp_path):
    for args, said in [(("evaluate", "nosuch.json"), "File 'nosuch.json' does not exist."),
                       (("build", "--bogus"), "No such option '--bogus'"),
                       (("nosuchcommand",), "No such command 'nosuchcommand'")]:
        result = entry_point(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and said in lines[0], result.stderr
        assert lines[0].endswith("--help')")


def test_evaluate_scores_each_gold_file_and_the_pool(tmp_path):
    from conftest import GOLD, need_shared

    seeds = need_shared(GOLD / "seeds.json")
    result = run("evaluate", str(seeds), str(seeds), "--build", str(CORPUS), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert [f["gold"] for f in scores["files"]] == [str(seeds)] * 2
    one = scores["files"][0]["scores"]["statements"]
    pooled = scores["pooled"]["scores"]["statements"]
    assert (pooled["tp"], pooled["fp"], pooled["fn"]) == (2 * one["tp"], 2 * one["fp"], 2 * one["fn"])
    assert pooled["f1"] == one["f1"]
    table = run("evaluate", str(seeds), str(seeds), "--build", str(CORPUS), "--no-errors").output
    assert table.splitlines()[0].split()[-1] == "pooled" and "pooled over all files:" in table


def test_evaluate_pairs_build_folders_with_gold_files_or_says_how(tmp_path):
    from conftest import GOLD, need_shared

    seeds = need_shared(GOLD / "seeds.json")
    result = run("evaluate", str(seeds), str(seeds), "--build", str(CORPUS), "--build", str(CORPUS), "--build",
                 str(CORPUS))
    assert result.exit_code == 2 and "once per gold file (2), not 3 times" in result.output
