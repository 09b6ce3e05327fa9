"""SPARQL on a built graph: queries, their results in every format, and the endpoint."""
