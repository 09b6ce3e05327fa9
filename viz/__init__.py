"""Draw the graph: the interactive HTML network."""
