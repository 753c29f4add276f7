"""Rules about the document as a whole (C01-C06): parsing, duplicate keys, types, key spelling, YAML readings."""
