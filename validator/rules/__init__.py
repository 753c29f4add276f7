"""The rules: one module per rule (or per small family sharing one check), in a package per area, each
holding everything about its rule. `registry` collects them from these packages; nothing lists them.

document/     C01-C06  parsing, duplicate keys, types, key spelling, YAML readings
path/         C10-C12  regionId and instanceId
names/        C20-C23  the image's name and description
devices/      C30-C39  the dataDisks entries
disk_spec/    C40-C48  an entry's cloudDiskSpec
instance/     C60-C70  what the instance description, snapshots and quotas tell
policies/     P01-P08  the organisation's policy
suppression/  S01-S02  suppression comments

base.py (what a rule is, what it needs), api_errors.py (the reference page's error rows), registry.py
(collection), rules_run.py (what a run runs), reference.py (docs/rules.md).
"""
