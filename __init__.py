"""dagsorden: Danish municipal meeting PDFs -> a structured, searchable SQLite archive.

The repository root is the `dagsorden` package (pyproject.toml maps it), so the folders a
reader sees first are the pipeline's own: extractor/ (the stages), models/ (the pydantic
models), corpus/ (test documents), datasette/ (the site's configuration), cli.py.
`from dagsorden.extractor.pipeline import extract_document` is the library entry point.
"""
