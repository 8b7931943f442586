"""Datasette plugin of the dagsorden site: the hooks live in dagsorden.extractor.site.plugin
(pages, routes, search functions, error handler) and dagsorden.extractor.site.security
(security headers); this file only hands them to Datasette."""
from dagsorden.extractor.site.plugin import (  # noqa: F401  (pluggy finds the hook functions here)
    handle_exception,
    prepare_connection,
    register_routes,
    render_cell,
)
from dagsorden.extractor.site.security import asgi_wrapper  # noqa: F401
