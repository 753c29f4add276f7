"""Rules that need the instance's description, snapshots or quotas (C60-C70): state, system disk, attached
disks, snapshots and quotas. Each runs only with the part of the context it reads, and only for the instance
the request names (C60)."""

COLLECTED_WITH = "context"
