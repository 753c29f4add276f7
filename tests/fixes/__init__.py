"""Fixes: intents, edits, --fix, --diff and the fixer hook."""
