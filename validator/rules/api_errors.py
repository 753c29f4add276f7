"""The createImage API's error answers, as its reference page's return-code table writes them.

The messages are reproduced letter for letter (users search for them); `xx` marks the places the API fills
with the instance, disk, device, snapshot or status it is talking about.
"""

from __future__ import annotations

import attrs

from validator.core.finding import ApiError


@attrs.frozen
class ApiErrorTemplate:
    status: int
    code: str
    message: str | None = None

    def render(self, *values: object) -> ApiError:
        """The error with each `xx` placeholder replaced, in order, by one of `values`."""
        message = self.message
        if message is not None:
            for value in values:
                message = message.replace("xx", str(value), 1)
        return ApiError(self.status, self.code, message)


# Rows of the return-code table.
UNDERLAY_TASK_CONFLICT = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Conflict with underlay task xx")
INVALID_INSTANCE_STATUS = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Invalid instance status xx")
STOP_INSTANCE_FIRST = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Please stop the instance first")
SYSTEM_DISK_NOT_FOUND = ApiErrorTemplate(400, "FAILED_PRECONDITION", "System disk not found")
INVALID_SYSTEM_DISK_MOUNT_STATE = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Invalid system disk mount state")
DUPLICATE_DEVICE_NAME = ApiErrorTemplate(400, "DUPLICATE", "Duplicate deviceName")
DISK_TYPE_MISSING = ApiErrorTemplate(400, "INVALID_ARGUMENT", "Parameter DataDisks.CloudDiskSpec.DiskType missing")
DISK_SIZE_OUT_OF_RANGE = ApiErrorTemplate(400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range")
DEVICE_SIZE_SHRINK = ApiErrorTemplate(400, "OUT_OF_RANGE", "Device 'xx' size can only be larger than the original size")
DISK_BUSY = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Disk 'xx' busy in 'xx'")
INVALID_DISK_STATUS = ApiErrorTemplate(400, "FAILED_PRECONDITION", "Invalid Disk 'xx' status 'xx'")
IOPS_OUT_OF_RANGE = ApiErrorTemplate(400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.Iops out of range.")
INSTANCE_NOT_FOUND = ApiErrorTemplate(404, "NOT_FOUND", "Instance 'xx' not found.")
SNAPSHOT_NOT_FOUND = ApiErrorTemplate(404, "NOT_FOUND", "Snapshot 'xx' not found")
IMAGE_QUOTA_EXCEEDED = ApiErrorTemplate(429, "QUOTA_EXCEEDED", "Image quota limit exceeded")
SNAPSHOT_QUOTA_EXCEEDED = ApiErrorTemplate(429, "QUOTA_EXCEEDED", "Snapshot quota limit exceeded")

# Codes the rules assign where the API's error table has no row of their own: the page publishes no message.
INVALID_ARGUMENT = ApiErrorTemplate(400, "INVALID_ARGUMENT")
OUT_OF_RANGE = ApiErrorTemplate(400, "OUT_OF_RANGE")
