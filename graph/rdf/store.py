"""Push the graph to an external SPARQL store with the SPARQL 1.1 Graph Store Protocol.

Each article's named graph (`mapping.article_graph`) is sent with one
HTTP PUT, which replaces that graph in the store, so pushing a rebuilt
article again never duplicates its facts; the shared facts (actors, topics,
the merged interactions) replace the store's default graph. The URL is the
store's Graph Store endpoint: Oxigraph server `http://host:7878/store`,
Fuseki `http://host:3030/DATASET/data`, GraphDB
`http://host:7200/repositories/REPO/rdf-graphs/service`.
"""
from __future__ import annotations

import http.client
import threading
from urllib.parse import quote, urlsplit

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.util.progress import Progress, no_progress
from diplograph.graph.rdf.mapping import article_graph, triples

TIMEOUT = 60.0  # seconds for one request
CONNECTIONS = 4  # PUTs in flight at once


class StoreError(RuntimeError):
    """The store refused a request or cannot be reached; the message says which and why."""


class GraphStore:
    """A Graph Store Protocol endpoint over one kept-alive HTTP connection."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"not an http(s) URL: {url}")
        self.url = url
        self._path = parts.path or "/"
        self._query = parts.query
        factory = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        self._connect = lambda: factory(parts.hostname, parts.port, timeout=TIMEOUT)
        self._conn = self._connect()

    def put(self, graph: str | None, body: bytes) -> None:
        """Replace the named graph `graph` (None: the default graph) with the N-Triples `body`."""
        target = "default" if graph is None else "graph=" + quote(graph, safe="")
        path = f"{self._path}?{self._query + '&' if self._query else ''}{target}"
        headers = {"Content-Type": "application/n-triples", "Content-Length": str(len(body))}
        for attempt in (1, 2):  # a kept-alive connection the server closed is reopened once
            try:
                self._conn.request("PUT", path, body=body, headers=headers)
                response = self._conn.getresponse()
                text = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self._reopen()
                if attempt == 2:
                    raise StoreError(f"the store at {self.url} closed the connection") from None
            except (OSError, http.client.HTTPException) as err:
                self._reopen()
                raise StoreError(f"cannot reach the store at {self.url}: {getattr(err, 'strerror', None) or err}") from None
        if response.status not in (200, 201, 204):
            detail = text.decode("utf-8", "replace").strip().splitlines()[:1]
            raise StoreError(f"the store at {self.url} answered {response.status} {response.reason} to PUT "
                             f"{graph or 'default graph'}" + (f": {detail[0]}" if detail else ""))

    def _reopen(self) -> None:
        self._conn.close()
        self._conn = self._connect()

    def close(self) -> None:
        self._conn.close()


def graphs(kg: KnowledgeGraph):
    """An in-memory Oxigraph store holding `kg` as quads (shared facts in the default graph)."""
    import pyoxigraph as ox

    from diplograph.graph.rdf.serialize import _ox

    store = ox.Store()

    def quads():
        for article_id, triple in triples(kg):
            name = ox.DefaultGraph() if article_id is None else ox.NamedNode(str(article_graph(article_id)))
            yield ox.Quad(*map(_ox, triple), name)

    store.bulk_extend(quads())
    return store


def push_graph(kg: KnowledgeGraph, url: str, progress: Progress = no_progress,
               connections: int = CONNECTIONS) -> int:
    """PUT every article graph and the default graph to the store at `url`; how many graphs were sent.

    The PUTs go over `connections` kept-alive connections at once (a store commits each one as a
    transaction, so one connection mostly waits); the first error stops the push and is raised.
    """
    import pyoxigraph as ox
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    held = graphs(kg)
    names: list[str | None] = [None] + [str(article_graph(a.id)) for a in kg.articles]
    local = threading.local()
    opened: list[GraphStore] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def put(name: str | None, body: bytes) -> None:
        if failures:  # after the first error, the rest are not sent
            return
        store = getattr(local, "store", None)
        if store is None:
            store = local.store = GraphStore(url)
            with lock:
                opened.append(store)
        try:
            store.put(name, body)
        except BaseException as err:
            with lock:
                failures.append(err)

    GraphStore(url).close()  # a malformed URL fails here, before any work
    try:
        with ThreadPoolExecutor(max_workers=max(1, connections)) as pool:
            pending = set()
            for name in progress(names):
                if failures:
                    break
                source = ox.DefaultGraph() if name is None else ox.NamedNode(name)
                body = held.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source) or b""
                pending.add(pool.submit(put, name, body))
                if len(pending) >= 4 * connections:
                    _, pending = wait(pending, return_when=FIRST_COMPLETED)
            wait(pending)
    finally:
        for store in opened:
            store.close()
    if failures:
        raise failures[0]
    return len(names)
