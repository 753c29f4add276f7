"""What the policy rules share."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.model import Entry, Request


def described(request: Request) -> Iterator[Entry]:
    """Entries that keep or add a disk (not noDevice: true)."""
    return (entry for entry in request.entries if not entry.excluded)
