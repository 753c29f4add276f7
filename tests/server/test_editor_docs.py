"""The editor set-ups of docs/editors.md start the server as the command line names it."""

from __future__ import annotations

import json
import re
import tomllib

from tests.helpers import ROOT

PAGE = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def _block(language: str) -> str:
    (text,) = re.findall(rf"^```{language}\n(.*?)^```$", PAGE, re.MULTILINE | re.DOTALL)
    return text


def test_vs_code_starts_the_server_command() -> None:
    settings = json.loads(_block("jsonc"))
    assert (settings["glspc.serverPath"], settings["glspc.serverArgs"]) == ("jdcloud-preflight", ["server"])


def test_neovim_starts_the_server_command_for_json_and_yaml() -> None:
    text = _block("lua")
    assert 'cmd = { "jdcloud-preflight", "server" }' in text
    assert 'pattern = { "json", "yaml" }' in text
    assert "vim.lsp.start" in text


def test_helix_starts_the_server_command_for_json_and_yaml() -> None:
    (text,) = [t for t in re.findall(r"^```toml\n(.*?)^```$", PAGE, re.MULTILINE | re.DOTALL) if "language-server" in t]
    config = tomllib.loads(text)
    assert config["language-server"]["jdcloud-preflight"] == {"command": "jdcloud-preflight", "args": ["server"]}
    assert {entry["name"] for entry in config["language"] if "jdcloud-preflight" in entry["language-servers"]} == {
        "yaml",
        "json",
    }


def test_the_documented_options_are_the_servers() -> None:
    from validator.server import options

    for name in (*options._FILES, "debounce"):
        assert f"`{name}`" in PAGE
    assert f"({options.DEBOUNCE} s by default)" in PAGE
