"""Reading a PDF into pages of styled lines: the only code that opens a PDF."""
