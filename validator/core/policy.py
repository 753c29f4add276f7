"""An organisation's policy on top of the API's own rules, as configured under
`[tool.jdcloud-preflight.policy]`. Every member unset means no policy check runs."""

from __future__ import annotations

import attrs


@attrs.frozen
class Policy:
    allowed_disk_types: tuple[str, ...] | None = None
    max_disk_size_gb: int | None = None
    max_total_disk_size_gb: int | None = None
    max_data_disks: int | None = None
    require_encryption: bool = False
    name_pattern: str | None = None
    require_description: bool = False
    require_auto_delete: bool = False


# The policy of a run that configures none: every rule P01-P08 is off.
NO_POLICY = Policy()
