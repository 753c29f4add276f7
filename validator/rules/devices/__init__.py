"""Rules about the dataDisks entries: device names, duplicates, exclusion (C30-C39)."""
