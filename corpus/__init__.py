"""Test corpus: seeds, sources, gold annotations and the PDF builder."""
