"""The checks never touch the network: no socket is created, no HTTP library is imported."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from typing import Any

import pytest

from tests.helpers import EXAMPLES
from validator.cli.main import main

HTTP_MODULES = ("requests", "urllib3", "httpx", "aiohttp", "http.client", "urllib.request", "socket", "ssl")


def test_checking_every_example_creates_no_socket(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a check tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for fmt in ("text", "json"):
        assert main(["check", "--format", fmt, "--fail-on", "info", str(EXAMPLES)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def _http_modules_after(code: str) -> list[str]:
    script = (
        "import sys\n"
        f"{code}\n"
        f"print(sorted(m for m in sys.modules if m in {HTTP_MODULES!r} or m.split('.')[0] in {HTTP_MODULES!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return list(ast.literal_eval(result.stdout.strip()))


def test_importing_and_running_loads_no_http_library() -> None:
    """No HTTP library of our own: only what the foundation libraries import themselves (jsonschema before
    4.26 imports urllib.request for its deprecated remote-reference resolver, and never calls it here)."""
    foundation = set(_http_modules_after("import attrs, jsonschema, yaml"))
    ours = _http_modules_after(
        "from validator import check_create_image\n"
        "check_create_image({'name': 'web'})\n"
        "check_create_image('name: web\\n')"
    )
    assert set(ours) <= foundation
    assert not {"requests", "urllib3", "httpx", "aiohttp"} & set(ours)
