"""`diplograph serve`: a SPARQL 1.1 Protocol endpoint on a free port, queried over HTTP, then stopped."""
from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from diplograph.graph.sparql.endpoint import SparqlServer, accepted

ROOT = Path(__file__).resolve().parents[2]
LABELS = "SELECT ?label WHERE { actor:joe-biden rdfs:label ?label } ORDER BY ?label"
CALL = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX actor: <https://w3id.org/diplograph/id/actor/>
SELECT ?date (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?call a dg:PhoneCall ; dg:participant actor:joe-biden , actor:vladimir-putin ;
        dg:date ?date ; dg:reportedIn ?article .
  FILTER(STR(?date) = "2021-12-30")
} GROUP BY ?date"""


@pytest.fixture(scope="module")
def endpoint(query_out):
    server = SparqlServer(query_out / "graph.ttl", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def request(url: str, data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode("utf-8")


def test_get_returns_sparql_json_by_default(endpoint):
    status, ctype, body = request(endpoint + "?" + urllib.parse.urlencode({"query": LABELS}))
    assert status == 200 and ctype == "application/sparql-results+json"
    values = [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert values == ["Joe Biden", "拜登"]


def test_post_form_and_post_query_body(endpoint):
    form = urllib.parse.urlencode({"query": CALL}).encode()
    status, _, body = request(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded",
                                               "Accept": "text/csv"})
    assert status == 200
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [["date", "articles"], ["2021-12-30", "2"]]  # one call, reported by two articles
    status, ctype, body = request(endpoint, CALL.encode(), {"Content-Type": "application/sparql-query",
                                                           "Accept": "application/sparql-results+xml"})
    assert status == 200 and ctype == "application/sparql-results+xml"
    assert "<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">2</literal>" in body


@pytest.mark.parametrize("accept,expected", [
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
    ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
])
def test_content_negotiation(endpoint, accept, expected):
    status, ctype, _ = request(endpoint + "?" + urllib.parse.urlencode({"query": LABELS}), headers={"Accept": accept})
    assert (status, ctype) == (200, expected)


def test_construct_gives_turtle_and_ask_gives_a_boolean(endpoint):
    construct = "CONSTRUCT { actor:joe-biden rdfs:label ?l } WHERE { actor:joe-biden rdfs:label ?l }"
    status, ctype, body = request(endpoint + "?" + urllib.parse.urlencode({"query": construct}))
    assert status == 200 and ctype.startswith("text/turtle") and '"拜登"@zh' in body
    status, _, body = request(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { actor:joe-biden a dg:Person }"}))
    assert json.loads(body)["boolean"] is True


def test_errors(endpoint):
    status, _, body = request(endpoint + "?" + urllib.parse.urlencode({"query": "SELEC ?x"}))
    assert status == 400 and body.startswith("SPARQL syntax error: line 1, column")
    status, _, _ = request(endpoint, b"update=CLEAR ALL", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, _ = request(endpoint + "?" + urllib.parse.urlencode({"query": LABELS}), headers={"Accept": "image/png"})
    assert status == 406
    status, _, _ = request(endpoint.replace("/sparql", "/nothing"))
    assert status == 404


def test_service_description_and_cors(endpoint):
    status, ctype, body = request(endpoint)
    assert status == 200 and ctype.startswith("text/turtle") and "sd:Service" in body
    req = urllib.request.Request(endpoint, method="OPTIONS")
    with urllib.request.urlopen(req, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_accept_header_ranking():
    assert accepted("text/csv;q=0.2, application/json, text/plain;q=0") == ["application/json", "text/csv"]
    assert accepted(None) == ["*/*"]


@contextmanager
def serve_command(graph, *extra, stop=signal.SIGINT):
    """`diplograph serve` on a free port in a new process, stopped with `stop` at the end of the block."""
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "diplograph.cli.main", "serve", "--graph", str(graph), "--port", "0", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield proc
    finally:
        proc.send_signal(stop)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_serve_command_starts_answers_sparqlwrapper_and_stops(query_out):
    from SPARQLWrapper import JSON, SPARQLWrapper

    with serve_command(query_out / "graph.ttl") as proc:
        line = proc.stdout.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line + proc.stderr.read()
        url = line.split()[2]
        client = SPARQLWrapper(url)
        client.setQuery(CALL)
        client.setReturnFormat(JSON)
        bindings = client.query().convert()["results"]["bindings"]
        assert [(b["date"]["value"], b["articles"]["value"]) for b in bindings] == [("2021-12-30", "2")]
        client.setMethod("POST")
        client.setQuery(LABELS)
        assert len(client.query().convert()["results"]["bindings"]) == 2
    assert proc.returncode == 0
    assert "stopped" in proc.stdout.read()


def test_serve_says_what_it_serves_and_stops_on_sigterm_saying_so(query_out):
    with serve_command(query_out / "graph.ttl", "-q", stop=signal.SIGTERM) as proc:
        line = proc.stdout.readline()
        assert re.search(r"\(.*graph\.ttl: \d+ triples, and the ontology's \d+; Ctrl-C stops\)$", line), line
    assert (proc.returncode, proc.stdout.read()) == (0, "stopped (SIGTERM)\n")


def test_serve_reports_a_port_in_use_in_one_line(query_out):
    from click.testing import CliRunner

    from diplograph.cli.main import cli

    busy = SparqlServer(query_out / "graph.ttl", port=0)
    try:
        port = busy.server_address[1]
        result = CliRunner().invoke(cli, ["serve", "--graph", str(query_out / "graph.ttl"), "--port", str(port)])
        assert result.exit_code == 1
        assert result.output.strip() == f"Error: port {port} is in use; choose another with --port"
    finally:
        busy.server_close()


def test_serving_trig_keeps_one_named_graph_per_article(seed_graph, tmp_path):
    from diplograph.graph.rdf.mapping import article_graph
    from diplograph.pipeline.formats import write

    trig = write(seed_graph, tmp_path, ["trig"])["rdf (trig)"]
    server = SparqlServer(trig, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert set(server.engine.named_graphs()) == {str(article_graph(a.id)) for a in seed_graph.articles}
        # the default graph is the union: the call of 2021-12-30 is seen with both its articles
        status, _, body = request(server.url + "?" + urllib.parse.urlencode({"query": CALL}),
                                  headers={"Accept": "text/csv"})
        assert body.splitlines()[1] == "2021-12-30,2"
        # one article's graph alone: only its own statements
        meta = next(a for a in seed_graph.articles if a.source_file.startswith("001"))
        count = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a dg:Statement }"
        query = urllib.parse.urlencode({"query": count, "default-graph-uri": str(article_graph(meta.id))})
        status, _, body = request(server.url + "?" + query, headers={"Accept": "text/csv"})
        expected = sum(1 for s in seed_graph.statements if s.article_id == meta.id)
        assert (status, body.splitlines()[1]) == (200, str(expected))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_construct_as_rdf_xml(endpoint):
    construct = "CONSTRUCT { actor:joe-biden rdfs:label ?l } WHERE { actor:joe-biden rdfs:label ?l }"
    status, ctype, body = request(endpoint + "?" + urllib.parse.urlencode({"query": construct}),
                                  headers={"Accept": "application/rdf+xml"})
    assert (status, ctype) == (200, "application/rdf+xml") and "<rdf:RDF" in body and "拜登" in body
