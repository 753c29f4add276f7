"""The shipped JSON Schemas: loading, the editor bundle, and validation by jsonschema."""
