"""Segments -> facts: meeting, people, items, decisions, money, tables, entities."""
