"""Configuration files: reading one (`config`), and finding the one that applies (`discovery`)."""

from validator.config.config import ConfigError, load

__all__ = ["ConfigError", "load"]
