"""The knowledge graph as RDF: its triples and IRIs, written, pushed to a store, read back and validated."""
