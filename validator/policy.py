"""An organisation's policy on top of the API's own rules, as configured under
`[tool.jdcloud-preflight.policy]`. Every member unset means no policy check runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Policy:
    allowed_disk_types: tuple[str, ...] | None = None
    max_disk_size_gb: int | None = None
    max_total_disk_size_gb: int | None = None
    max_data_disks: int | None = None
    require_encryption: bool = False
    name_pattern: str | None = None
    require_description: bool = False
    require_auto_delete: bool = False
