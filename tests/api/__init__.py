"""The Python API and the SDK guard."""
