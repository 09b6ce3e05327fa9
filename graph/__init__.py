"""From extractions to the knowledge graph and everything written or asked of it, one subpackage per concern.

- `assembly`: the `KnowledgeGraph` (`model`), built from the articles' extractions (`assemble`: identities;
  `events`: reports merged into events), and scored against gold (`evaluation`);
- `rdf`: the graph as RDF (`mapping`, with the IRIs of `iris`), written (`serialize`; after a change, from the last
  graph.ttl's blocks: `reuse`), pushed to a store
  (`store`), read back (`load`, `oxterms`) and checked against the shapes (`validate`);
- `sparql`: queries on a graph file (`query`), their results in every format (`results`), the SPARQL
  endpoint (`endpoint`) and syntax errors in words (`sparql_errors`);
- `export`: networkx views (`network`) and the files graph tools read (`views`: GraphML and the view
  registry; `gexf`; `tables`: CSV), through one preparation (`prepare`).

`assembly` imports no other subpackage; `rdf` and `export` import only `assembly`; `sparql` imports `rdf`.
Files, progress and forked work come from `diplograph.util`.
"""
