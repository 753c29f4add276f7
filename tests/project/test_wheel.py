"""The built wheel ships the schemas: install it into a clean virtual environment and run the CLI there."""

from __future__ import annotations

import json
import subprocess
import venv
import zipfile
from pathlib import Path

from tests.helpers import EXAMPLES
from validator.schema import schemas


def test_wheel_installs_and_checks_from_a_clean_environment(tmp_path: Path, built_wheel: Path) -> None:
    wheel = built_wheel
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"validator/schemas/{name}" for name in schemas.SCHEMA_FILES} <= names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)

    # Run from an empty folder so the source tree cannot be imported instead of the installed package.
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    example = EXAMPLES / "reference-example.json"
    result = subprocess.run(
        [str(env_dir / "bin" / "jdcloud-preflight"), "check", "--format", "json", str(example)],
        cwd=workdir,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["files"][0]["findings"] if f["severity"] == "error"] == ["C46"]
    located = subprocess.run(
        [str(python), "-c", "from validator.schema import schemas; print(schemas.schema_dir())"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in located.stdout
    # The foundation libraries came in as the wheel's own dependencies, not from this environment.
    installed = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m, attrs, jsonschema, pathspec, re2, yaml; "
            "print(' '.join(sorted(r.split('>')[0].lower() for r in m.requires('jdcloud-preflight') "
            "if 'extra ==' not in r)))",
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    )
    # pathspec: .gitignore (issue 12); google-re2: linear-time name-pattern matching
    assert installed.stdout.split() == ["attrs", "google-re2", "jsonschema", "pathspec", "pyyaml"]
