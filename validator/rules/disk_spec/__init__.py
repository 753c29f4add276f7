"""Rules about an entry's cloudDiskSpec: what a new disk needs, types, sizes, IOPS, snapshots (C40-C48).

Entries that exclude their disk (noDevice: true) are left to C34: their cloudDiskSpec is ignored.
"""
