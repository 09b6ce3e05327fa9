"""Readers for the article formats diplograph knows, each detected from content."""
