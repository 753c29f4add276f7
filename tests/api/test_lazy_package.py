"""The package's public names are imported on first use: the command does not load the Python API."""

from __future__ import annotations

from pathlib import Path

import pytest

import validator
from tests.helpers import modules_after


def test_importing_the_command_does_not_import_the_python_api() -> None:
    modules = modules_after("import validator.cli.main")
    assert "validator.api" not in modules
    assert "validator" in modules


def test_a_check_without_a_name_pattern_does_not_load_re2(tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text('{"name": "web-image"}\n', encoding="utf-8")
    run = f"from validator.cli.main import main\nmain(['check', {str(request)!r}])"
    assert "re2" not in modules_after(run)
    (tmp_path / ".jdcloud-preflight.toml").write_text('[policy]\nname-pattern = "^web-"\n', encoding="utf-8")
    assert "re2" in modules_after(run)


def test_importing_a_public_name_imports_its_module() -> None:
    modules = modules_after("from validator import check_create_image")
    assert "validator.api" in modules
    assert "validator.instance.context" not in modules  # the context only when it is used


@pytest.mark.parametrize("name", [name for name in validator.__all__ if name != "__version__"])
def test_every_public_name_is_the_object_its_module_defines(name: str) -> None:
    import importlib

    home = importlib.import_module(validator._HOMES[name])
    assert getattr(validator, name) is getattr(home, name)
    assert name in dir(validator)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'check_everything'"):
        validator.check_everything  # noqa: B018
    with pytest.raises(ImportError):
        exec("from validator import check_everything", {})


def test_a_check_of_a_valid_request_does_not_load_difflib(tmp_path: Path) -> None:
    """difflib suggests the nearest option or key; a run with neither a misspelt option nor an unknown key
    does not pay for it."""
    request = tmp_path / "r.json"
    request.write_text('{"name": "web-image"}\n', encoding="utf-8")
    assert "difflib" not in modules_after(f"from validator.cli.main import main\nmain(['check', {str(request)!r}])")


def test_the_configuration_scanner_loads_only_with_a_configuration_file(tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text('{"name": "web-image"}\n', encoding="utf-8")
    run = f"from validator.cli.main import main\nmain(['check', {str(request)!r}])"
    assert "validator.config.toml_bounds" not in modules_after(run, cwd=tmp_path)
    (tmp_path / ".jdcloud-preflight.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "validator.config.toml_bounds" in modules_after(run, cwd=tmp_path)


def test_a_check_of_a_valid_request_compiles_none_of_the_escaping_patterns(tmp_path: Path) -> None:
    """The output's escaping patterns are compiled when a report first needs one: a clean text report
    needs none, a JUnit report the XML one."""
    request = tmp_path / "r.json"
    request.write_text('{"name": "web-image"}\n', encoding="utf-8")
    count = "from validator import output\nprint('compiled', output._compiled.cache_info().currsize)"
    run = f"from validator.cli.main import main\nmain(['check', {str(request)!r}])\n{count}"
    assert "compiled 0" in _printed(run)
    junit = f"from validator.cli.main import main\nmain(['check', '--format', 'junit', {str(request)!r}])\n{count}"
    assert "compiled 0" not in _printed(junit)


def _printed(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
