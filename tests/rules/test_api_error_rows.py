"""Each offline-checkable row of the reference page's return-code table, produced exactly.

The expected triples are copied letter for letter from the table; the instance and snapshot ids fill the
table's `xx` placeholders as the API fills them.
"""

from __future__ import annotations

import pytest

from tests.helpers import findings, valid_request, with_disk, with_entries


def _masked_instance() -> dict[str, object]:
    request = valid_request()
    request["instanceId"] = "i-eumm****d6"
    return request


ROWS = [
    (
        "duplicate device",
        with_entries({"deviceName": "vdb", "noDevice": True}, {"deviceName": "vdb", "noDevice": True}),
        (400, "DUPLICATE", "Duplicate deviceName"),
    ),
    (
        "disk type missing",
        with_entries({"cloudDiskSpec": {"diskSizeGB": 40}}),
        (400, "INVALID_ARGUMENT", "Parameter DataDisks.CloudDiskSpec.DiskType missing"),
    ),
    (
        "disk size missing",
        with_entries({"cloudDiskSpec": {"diskType": "ssd.gp1"}}),
        (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range"),
    ),
    (
        "disk size out of range",
        with_disk(diskType="ssd.gp1", diskSizeGB=10),
        (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range"),
    ),
    (
        "iops out of range",
        with_disk(diskType="ssd.io1", diskSizeGB=20, iops=1010),
        (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.Iops out of range."),
    ),
    ("instance not found", _masked_instance(), (404, "NOT_FOUND", "Instance 'i-eumm****d6' not found.")),
    (
        "snapshot not found",
        with_disk(snapshotId="snapshot-h8u1****36"),
        (404, "NOT_FOUND", "Snapshot 'snapshot-h8u1****36' not found"),
    ),
]


@pytest.mark.parametrize(("request_", "expected"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_row_is_reproduced_exactly(request_: dict[str, object], expected: tuple[int, str, str]) -> None:
    answers = [(f.api.status, f.api.code, f.api.message) for f in findings(request_) if f.api is not None]
    assert answers == [expected]
