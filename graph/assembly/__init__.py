"""The knowledge graph: its model, how it is assembled from extractions, and its scoring against gold."""
