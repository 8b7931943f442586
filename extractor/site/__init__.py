"""Publishing the archive with Datasette: command line, pages, previews, charts."""
