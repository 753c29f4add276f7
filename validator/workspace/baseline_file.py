"""Reading a baseline file (docs/baseline.md): a regular file within the default size limit, UTF-8 JSON."""

from __future__ import annotations

import os

from validator.core import baseline
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read


def load(path: str) -> baseline.Baseline:
    """A baseline file, its paths relative to its folder; raises baseline.BaselineError when it cannot be
    read or is not one."""
    data = read(path, DEFAULT_MAX_BYTES)
    if isinstance(data, Unreadable):
        raise baseline.BaselineError(f"baseline {path}: cannot read: {data.reason}")
    if isinstance(data, TooLarge):
        raise baseline.BaselineError(f"baseline {path}: the file is larger than {data.limit} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise baseline.BaselineError(f"baseline {path}: cannot read: {exc}") from None
    return baseline.parse(text, os.path.dirname(os.path.abspath(path)), f"baseline {path}")
