"""What static hosts need beside the pages: fingerprinted assets, security headers, .nojekyll.

Asset names carry a hash of their bytes (style.3f9a1c2b7d.css), so hosts may cache them
forever: a changed file gets a new name. The Content-Security-Policy allows no inline script
or style at all; the same policy goes into every page as a meta tag for hosts that cannot set
headers (frame-ancestors only works as a header). Forms may post nowhere ('none'), unless the
site has an e-mail sign-up: then only to its newsletter service's origin.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

STATIC_DIR = "static"


def csp(form_origin: str = "") -> str:
    """The policy; `form_origin` ('https://host[:port]') is where the sign-up form posts."""
    forms = form_origin or "'none'"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"font-src 'self'; connect-src 'self'; base-uri 'self'; form-action {forms}; "
            "object-src 'none'")


def headers(form_origin: str = "") -> dict[str, str]:
    return {
        "Content-Security-Policy": csp(form_origin) + "; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }


CSP, HEADERS = csp(), headers()  # without an e-mail sign-up


def fingerprinted(static: list[tuple[str, bytes]]) -> dict[str, tuple[str, bytes]]:
    """static file name -> (published path with content hash, bytes)."""
    assets = {}
    for relative, data in static:
        name = PurePosixPath(relative)
        digest = hashlib.sha256(data).hexdigest()[:10]
        assets[str(name)] = (f"{STATIC_DIR}/{name.with_name(f'{name.stem}.{digest}{name.suffix}')}", data)
    return assets


def headers_file(base_path: str, form_origin: str = "") -> bytes:
    """A `_headers` file (Netlify, Cloudflare Pages and others read it)."""
    lines = [f"{base_path}*"] + [f"  {name}: {value}" for name, value in headers(form_origin).items()]
    lines += [f"{base_path}{STATIC_DIR}/*", "  Cache-Control: public, max-age=31536000, immutable"]
    return ("\n".join(lines) + "\n").encode("utf-8")
