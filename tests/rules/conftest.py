"""Fixtures of the rule tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import validator.rules as rules_package
from validator.rules import registry


@pytest.fixture
def extra_rules_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on the `validator.rules` package path, and everything imported from it forgotten after."""
    folder = tmp_path / "more_rules"
    folder.mkdir()
    rules_package.__path__.append(str(folder))
    registry.clear_cache()
    try:
        yield folder
    finally:
        rules_package.__path__.remove(str(folder))
        for name in [name for name in sys.modules if name.startswith("validator.rules.") and "extra" in name]:
            del sys.modules[name]
        registry.clear_cache()
