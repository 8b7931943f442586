"""Styled lines -> document segments (front matter, items, bound appendices) and item sections."""
