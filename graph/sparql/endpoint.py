"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: the stdlib HTTP server on a pyoxigraph store.

GET `/sparql?query=…`, POST a form (`query=…`) or POST `application/sparql-query`,
with optional `default-graph-uri` / `named-graph-uri` (useful on graph.trig,
whose articles are named graphs); results negotiated from the Accept header
(or `format=json|xml|csv|tsv`): SPARQL JSON (default), XML, CSV, TSV for
SELECT/ASK; Turtle (default), N-Triples, JSON-LD, RDF/XML for CONSTRUCT/DESCRIBE. CORS is open so browser clients
(YASGUI) can call it; updates are refused. `GET /sparql` without a query
returns the SPARQL service description.
"""
from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from diplograph.graph.sparql.query import OxigraphEngine, QuerySyntaxError, Results
from diplograph.graph.sparql.results import to_csv, to_graph_text, to_json, to_tsv, to_xml

PATHS = ("/sparql", "/query")
MAX_BODY = 1_000_000
# media type -> (result format, Content-Type sent)
TABULAR_TYPES = {
    "application/sparql-results+json": ("json", "application/sparql-results+json"),
    "application/json": ("json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("xml", "application/sparql-results+xml"),
    "application/xml": ("xml", "application/sparql-results+xml"),
    "text/xml": ("xml", "application/sparql-results+xml"),
    "text/csv": ("csv", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("tsv", "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES = {
    "text/turtle": ("turtle", "text/turtle; charset=utf-8"),
    "application/x-turtle": ("turtle", "text/turtle; charset=utf-8"),
    "application/n-triples": ("nt", "application/n-triples"),
    "text/plain": ("nt", "application/n-triples"),
    "application/ld+json": ("json-ld", "application/ld+json"),
    "application/rdf+xml": ("xml", "application/rdf+xml"),
}
FORMAT_PARAM = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
                "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml"}
SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{url}> a sd:Service ;
    sd:endpoint <{url}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_XML> , <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_TSV> , <http://www.w3.org/ns/formats/Turtle> ,
        <http://www.w3.org/ns/formats/N-Triples> , <http://www.w3.org/ns/formats/JSON-LD> .
"""


def accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, q=0 dropped)."""
    ranked = []
    for index, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, index, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(results: Results, accept: str | None) -> tuple[str, str] | None:
    """(format, Content-Type) to answer with, or None when nothing the client accepts fits."""
    table = GRAPH_TYPES if results.kind == "graph" else TABULAR_TYPES
    default = "text/turtle" if results.kind == "graph" else "application/sparql-results+json"
    for media in accepted(accept):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            if media == "text/*" and results.kind != "graph":
                return table["text/csv"]
            return table[default]
    return None


def body_for(results: Results, fmt: str) -> str:
    """The response text of `results` in `fmt`."""
    if results.kind == "graph":
        return to_graph_text(results, fmt)
    return {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}[fmt](results)


class SparqlHandler(BaseHTTPRequestHandler):
    """Answers SPARQL 1.1 Protocol requests with the server's engine."""

    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's signature)
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: str, content_type: str = "text/plain; charset=utf-8") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_OPTIONS(self) -> None:  # CORS preflight
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(HTTPStatus.OK, f"diplograph SPARQL endpoint: {self.server.url}\n"
                                      "GET or POST `query` there (SPARQL 1.1 Protocol).\n")
            return
        if url.path not in PATHS:
            self._send(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {self.server.url}\n")
            return
        params = parse_qs(url.query)
        if "query" not in params:
            self._send(HTTPStatus.OK, SERVICE_DESCRIPTION.format(url=self.server.url), "text/turtle; charset=utf-8")
            return
        self._answer(params)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in PATHS:
            self._send(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {self.server.url}\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large\n")
            return
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if content_type == "application/sparql-query":
            params["query"] = [raw]
        elif content_type in ("application/x-www-form-urlencoded", ""):
            params.update(parse_qs(raw))
        elif content_type == "application/sparql-update":
            params["update"] = [raw]
        else:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {content_type}\n")
            return
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused\n")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._send(HTTPStatus.BAD_REQUEST, "give exactly one `query` parameter\n")
            return
        try:
            results = self.server.engine.query(queries[0], params.get("default-graph-uri"),
                                               params.get("named-graph-uri"))
        except QuerySyntaxError as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}\n")
            return
        except Exception as exc:  # an evaluation error: say what, keep serving
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {' '.join(str(exc).split())}\n")
            return
        accept = self.headers.get("Accept")
        if params.get("format"):
            accept = FORMAT_PARAM.get(params["format"][0].lower(), params["format"][0])
        chosen = negotiate(results, accept)
        if chosen is None:
            kinds = ", ".join(GRAPH_TYPES if results.kind == "graph" else TABULAR_TYPES)
            self._send(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; available: {kinds}\n")
            return
        fmt, content_type = chosen
        self._send(HTTPStatus.OK, body_for(results, fmt), content_type)


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 answering SPARQL queries on one graph file."""

    daemon_threads = True

    def __init__(self, graph_path: Path, port: int = 7878, verbose: bool = False,
                 on_read: Callable[[int], None] | None = None):
        self.engine = OxigraphEngine(Path(graph_path), on_read)
        self.verbose = verbose
        super().__init__(("127.0.0.1", port), SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def triples(self) -> int:
        """How many triples the endpoint serves (graph and ontology)."""
        result = self.engine.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(result.rows[0][0])

