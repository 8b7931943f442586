"""Security headers on every response: a Content-Security-Policy, nosniff and no framing.

Why: anyone can run SQL on a published archive and the archive holds text from PDFs, so a
page must never run a script it did not ship. Escaping keeps such text inert; the policy is
the second wall, should an escape ever be missed: scripts only from the site itself, plus
Datasette's own few inline scripts, allowed by their sha256 (computed from Datasette's
templates at start, so a Datasette upgrade keeps working). An injected `<script>` or
`onerror=` runs nowhere. Pages cannot be framed (clickjacking), and nothing is sniffed into
another content type.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import datasette
from datasette import hookimpl

from dagsorden.extractor.site.instance import DATASETTE_DIR

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
# Template values inside Datasette's inline scripts, with every value they can take.
SCRIPT_VALUES = {"{{ datasette_allow_facet }}": ("true", "false")}

ASGIApp = Callable[[dict[str, Any], Callable[[], Awaitable[Any]], Callable[[dict[str, Any]], Awaitable[None]]],
                   Awaitable[None]]


def script_hashes(template_dirs: Iterable[Path]) -> list[str]:
    """CSP hashes of every inline script in the templates, with each template value filled in.
    A script holding any other template value cannot be hashed: it belongs in a static file."""
    hashes: set[str] = set()
    for folder in template_dirs:
        for template in sorted(folder.glob("*.html")):
            for script in INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                for variant in _variants(script):
                    if "{{" not in variant and "{%" not in variant:
                        digest = base64.b64encode(hashlib.sha256(variant.encode("utf-8")).digest()).decode()
                        hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def _variants(script: str) -> list[str]:
    variants = [script]
    for placeholder, values in SCRIPT_VALUES.items():
        if placeholder in script:
            variants = [v.replace(placeholder, value) for v in variants for value in values]
    return variants


@lru_cache(maxsize=1)
def content_security_policy() -> str:
    datasette_templates = Path(datasette.__file__).parent / "templates"
    scripts = " ".join(["'self'", *script_hashes([datasette_templates, DATASETTE_DIR / "templates"])])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'none'",
    ])


# A PDF is shown by the browser's own viewer, which a page policy (object-src) would block.
PDF_POLICY = "default-src 'none'; frame-ancestors 'self'"


def security_headers(content_type: str) -> list[tuple[bytes, bytes]]:
    policy = PDF_POLICY if content_type.startswith("application/pdf") else content_security_policy()
    frame = b"SAMEORIGIN" if content_type.startswith("application/pdf") else b"DENY"
    return [(b"content-security-policy", policy.encode()), (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", frame), (b"referrer-policy", b"same-origin")]


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: the headers above on every HTTP response (ours set last, so they win)."""

    async def wrapped(scope: dict[str, Any], receive: Callable[[], Awaitable[Any]],
                      send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in SET_HERE]
                content_type = next((v.decode("latin-1") for k, v in headers if k.lower() == b"content-type"), "")
                message = {**message, "headers": headers + security_headers(content_type)}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


SET_HERE = {name for name, _ in security_headers("text/html")}


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    return with_security_headers
