"""What is known about the instance a request is for (filled in by the instance-context checks)."""

from __future__ import annotations

import attrs


@attrs.frozen
class Context:
    """Placeholder until the instance-context checks (C60–C70) arrive."""
