"""Report paths in one spelling: relative to the working folder when a file is inside it (`deploy/web.json`
for `./deploy/web.json` and its absolute path), absolute otherwise; and their SARIF URIs (RFC 3986)
(see docs/reports.md#paths)."""

from __future__ import annotations

import functools
import os
from urllib.parse import quote

STDIN = "-"
# What a URI path segment may hold as it is (RFC 3986 pchar, besides the unreserved characters `quote`
# always keeps): "#", "?", "%", spaces, controls and non-ASCII are percent-encoded.
_SAFE = "/!$&'()*+,;=:@"


def _absolute(path: str, root: str) -> str:
    # Lexical, as the user spelled it: symbolic links are not resolved.
    return os.path.normpath(os.path.join(root, path)).replace(os.sep, "/")


@functools.lru_cache(maxsize=8)  # one root a run, asked for once per reported file
def _base(root: str) -> str:
    return _absolute(".", root).rstrip("/")


def report_path(path: str, root: str | None) -> str:
    """`path` as reports show it: relative to `root` (the working folder) with forward slashes when inside
    it, else absolute; unchanged when there is no root or for standard input."""
    if root is None or path == STDIN:
        return path
    full = _absolute(path, root)
    base = _base(root)
    if full == base:
        return "."
    if full.startswith(base + "/"):
        return full[len(base) + 1 :]
    return full


def _bytes(char: str) -> bytes:
    try:
        return char.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return char.encode("utf-8", "surrogatepass")


def _encoded(path: str) -> str:
    data = path.encode() if path.isascii() else b"".join(_bytes(char) for char in path)
    return quote(data, safe=_SAFE)


def relative_uri(path: str) -> str:
    """The URI reference of a relative path: each segment percent-encoded, and `./` before a first segment
    holding a `:` (which would otherwise read as a scheme)."""
    encoded = _encoded(path.replace("\\", "/"))
    first = encoded.split("/", 1)[0]
    return f"./{encoded}" if ":" in first else encoded


def file_uri(path: str) -> str:
    """The file:// URI of an absolute path (a drive letter's path gets the leading slash URIs need)."""
    path = path.replace("\\", "/")
    return "file://" + _encoded(path if path.startswith("/") else "/" + path)


def is_absolute(path: str) -> bool:
    return os.path.isabs(path)
