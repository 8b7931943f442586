"""Whole-archive steps after a batch: cases, hand corrections, the search index."""
