"""Resolve identities, merge events and build the networkx and RDF graphs."""
