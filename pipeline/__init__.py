"""The application core: files to graph to output files (orchestration, cache, workers, cluster, up-to-date check).

The CLI parses options, calls these functions and prints their `Report`; tests and bench/ call them directly.
"""
from diplograph.pipeline.run import (Plan, Report, build_graph, default_jobs, list_files, load, make_extractor,
                                     read_articles)

__all__ = ["Plan", "Report", "build_graph", "default_jobs", "list_files", "load", "make_extractor", "read_articles"]
