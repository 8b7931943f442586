"""Importing many files: worker processes, limits, failures recorded, resumable."""
