"""The project as delivered: README, packaging, hooks, workflows, benchmark and fuzz scripts."""
