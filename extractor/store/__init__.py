"""Extraction -> SQLite rows: schema, stable ids, one transaction per document."""
