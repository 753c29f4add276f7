"""Checks against an instance description."""
