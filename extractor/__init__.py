"""The pipeline's stages, one subpackage each, in the order data flows through them:

read/ (PDF -> pages of styled lines) -> segment/ (front matter, items, bound appendices,
item sections) -> facts/ (meeting, people, items, decisions, money, tables, entities) ->
pipeline.py (the stages as one list) -> store/ (SQLite rows) -> archive/ (whole-archive
steps after a batch) -> batch/ (bulk import) and site/ (Datasette). danish/ holds the
vocabulary every stage reads; imports only ever point back along this line
(tests/test_boundaries.py).
"""
