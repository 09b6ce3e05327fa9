"""The graph for graph tools: networkx views, GEXF, GraphML and CSV tables."""
