"""Rules about suppression comments (S01, S02), reported by the engine for YAML text."""
