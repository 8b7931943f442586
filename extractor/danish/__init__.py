"""Danish words and formats that carry structure, kept as data (see spacy/lang/da for the model)."""
