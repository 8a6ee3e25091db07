"""Briefing: a static briefing-site generator on MkDocs and Material for MkDocs."""

__version__ = "0.1.0"
