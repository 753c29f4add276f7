"""The server's handlers run in a thread of the test process (the same JSON-RPC over pipes as the
subprocess tests, seen by coverage): every notification and request, and a bug that must not end it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("pygls")

from tests.server.client import Client
from validator.server import app

TEXT = "name: web-2026.11\ndataDisks:\n  - DeviceName: vdc\n    noDevice: true\n"


@pytest.fixture
def client() -> Iterator[Client]:
    started = Client(threaded=True)
    started.initialize({"debounce": 0.01})
    yield started
    assert started.close() == 0


def test_open_change_save_and_close(client: Client) -> None:
    uri = "untitled:web"
    client.open(uri, TEXT)
    assert [d["code"] for d in client.diagnostics(uri)] == ["C05"]
    client.change(uri, "name: web image\n", 2)
    assert [d["code"] for d in client.diagnostics(uri)] == ["C22"]
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["C22"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_actions_and_hover_of_a_document_the_server_does_not_check(client: Client) -> None:
    uri = "untitled:notes"
    client.open(uri, "# jdcloud-preflight: ignore[C05]\n", "plaintext")
    assert client.diagnostics(uri) == []
    assert client.code_actions(uri, (0, 0), (1, 0)) == []
    assert client.hover(uri, 0, 30) is None


def test_actions_and_hover_of_a_checked_document(client: Client) -> None:
    uri = "untitled:web"
    client.open(uri, TEXT + "# jdcloud-preflight: ignore[C44]\n")
    client.diagnostics(uri)
    kinds = [a["kind"] for a in client.code_actions(uri, (2, 4), (2, 4))]
    assert kinds == ["quickfix", "source.fixAll"]
    assert client.hover(uri, 4, 30)["contents"]["value"].startswith("C44 ")


def test_a_bug_in_checking_is_said_on_the_document_and_the_server_goes_on(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug")

    with monkeypatch.context() as patched:
        patched.setattr(app, "analyse", broken)
        client.open("untitled:one", TEXT)
        found = client.diagnostics("untitled:one")
    assert [(d.get("code"), d["severity"]) for d in found] == [(None, 1)]
    assert "could not check this document: RuntimeError('a bug')" in found[0]["message"]
    client.open("untitled:two", TEXT)
    assert [d["code"] for d in client.diagnostics("untitled:two")] == ["C05"]


def test_options_that_cannot_be_used_are_said() -> None:
    started = Client(threaded=True)
    started.initialize({"debounce": float("inf")})
    started.open("untitled:web", TEXT)
    found = started.diagnostics("untitled:web")
    assert started.close() == 0
    assert "debounce must be a number of seconds" in found[0]["message"]


def test_changes_within_the_pause_then_a_close_publish_only_the_clearing() -> None:
    started = Client(threaded=True)
    started.initialize({"debounce": 30})
    uri = "untitled:web"
    started.open(uri, TEXT)
    assert [d["code"] for d in started.diagnostics(uri)] == ["C05"]
    started.change(uri, "name: web image\n", 2)
    started.change(uri, "name: web  image\n", 3)
    started.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert started.diagnostics(uri) == []
    assert started.close() == 0


def test_a_session_opens_no_connection(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    attempts: list[object] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(args)
        raise OSError("no network in the server")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    uri = "untitled:web"
    client.open(uri, TEXT + "# jdcloud-preflight: ignore[C05]\n")
    assert [d.get("code") for d in client.diagnostics(uri)] == ["C05", "S01"]
    client.code_actions(uri, (0, 0), (9, 0))
    client.hover(uri, 4, 30)
    client.change(uri, "name: web image\n", 2)
    assert [d["code"] for d in client.diagnostics(uri)] == ["C22"]
    assert attempts == []
