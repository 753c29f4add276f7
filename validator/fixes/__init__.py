"""Autofix: the fix intents rules attach to their findings, the text edits that carry them out, and the
passes that apply them. Nothing here is imported by a plain check until a rule offers a fix."""
