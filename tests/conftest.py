"""Hypothesis profiles: `ci` (default, bounded) and `deep` (set HYPOTHESIS_PROFILE=deep)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once per test session from a copy of the tree (no build output lands in
    the working tree); the wheel and release tests both inspect it."""
    root = Path(__file__).resolve().parent.parent
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(root, source, ignore=shutil.ignore_patterns(".venv*", ".git", "*cache*", "dist", "build"))
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("jdcloud_preflight-*.whl")
    return wheel
