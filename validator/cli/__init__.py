"""The `jdcloud-preflight` command."""
