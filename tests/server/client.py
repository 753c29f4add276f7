"""A small Language Server Protocol client for the tests and the benchmark: starts `jdcloud-preflight server`
as a subprocess and speaks JSON-RPC over its stdin and stdout, as an editor does."""

from __future__ import annotations

import json
import os
import queue
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

# Every wait for the server is bounded, so that a hung server fails a test instead of hanging it.
WAIT = 60.0
# The server's address-space limit (RLIMIT_AS): a runaway check fails instead of exhausting the machine.
MEMORY = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def server_command() -> list[str]:
    """The installed command beside this Python, else the module."""
    installed = Path(sys.executable).with_name("jdcloud-preflight")
    return [str(installed), "server"] if installed.exists() else [sys.executable, "-m", "validator", "server"]


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


class _Threaded:
    """The server run in a thread of the test process over two pipes (so that coverage sees it), with the
    parts of a Popen the client uses."""

    def __init__(self) -> None:
        from validator.server.app import run

        server_in, self._to_server = os.pipe()
        self._from_server, server_out = os.pipe()
        self.stdin: IO[bytes] | None = os.fdopen(self._to_server, "wb")
        self.stdout: IO[bytes] | None = os.fdopen(self._from_server, "rb")
        self.stderr: IO[bytes] | None = None
        self._server_streams = (os.fdopen(server_in, "rb"), os.fdopen(server_out, "wb"))
        self._thread = threading.Thread(target=self._serve, args=(run,), daemon=True)
        self._thread.start()

    def _serve(self, run: Any) -> None:
        server_in, server_out = self._server_streams
        try:
            run("test", server_in, server_out)
        finally:
            server_out.close()
            server_in.close()

    def poll(self) -> int | None:
        return None if self._thread.is_alive() else 0

    def wait(self, timeout: float | None = None) -> int:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "the server thread did not end"
        return 0

    def kill(self) -> None:
        if self.stdin is not None and not self.stdin.closed:
            self.stdin.close()


class Client:
    """One server process; `request` waits for the answer, `notifications` collects what the server sent.
    `threaded` runs the server in this process instead (for coverage)."""

    def __init__(self, cwd: Path | None = None, env: dict[str, str] | None = None, threaded: bool = False) -> None:
        self.process: subprocess.Popen[bytes] | _Threaded
        if threaded:
            self.process = _Threaded()
        else:
            self.process = subprocess.Popen(
                server_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=cwd,
                env={**os.environ, **(env or {})},
                preexec_fn=_limit_memory,
            )
        self._next = 0
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._answers: dict[int, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self._messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def next_message(self, timeout: float) -> dict[str, Any]:
        message = self._messages.get(timeout=timeout)
        if message is None:
            raise EOFError("the server closed its output")
        if "id" in message and "method" in message:  # a request of the server's (such as a configuration ask)
            self._send({"id": message["id"], "result": None})
        elif "id" in message:
            self._answers[message["id"]] = message
        else:
            self.notifications.append(message)
        return message

    def notify(self, method: str, params: object) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: object, timeout: float = WAIT) -> Any:
        self._next += 1
        number = self._next
        self._send({"id": number, "method": method, "params": params})
        while number not in self._answers:
            self.next_message(timeout)
        answer = self._answers.pop(number)
        assert "error" not in answer, answer
        return answer.get("result")

    def diagnostics(self, uri: str, timeout: float = WAIT) -> list[dict[str, Any]]:
        """The next diagnostics published for `uri` (those already received first)."""
        while True:
            for index, note in enumerate(self.notifications):
                if note["method"] == "textDocument/publishDiagnostics" and note["params"]["uri"] == uri:
                    del self.notifications[index]
                    return list(note["params"]["diagnostics"])
            self.next_message(timeout)

    def initialize(self, options: object = None, encodings: list[str] | None = None) -> Any:
        capabilities: dict[str, Any] = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        params = {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "yaml", version: int = 1) -> None:
        document = {"uri": uri, "languageId": language, "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def code_actions(
        self, uri: str, start: tuple[int, int], end: tuple[int, int], only: list[str] | None = None
    ) -> list[dict[str, Any]]:
        context: dict[str, Any] = {"diagnostics": []}
        if only is not None:
            context["only"] = only
        where = {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}
        return list(
            self.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": where, "context": context})
            or []
        )

    def hover(self, uri: str, line: int, character: int) -> Any:
        position = {"line": line, "character": character}
        return self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})

    def close(self) -> int:
        """shutdown, exit, and the server's exit code."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """`text` with LSP TextEdits applied (UTF-16 positions, lines broken at \\n, \\r\\n or \\r)."""
    import re

    starts = [0] + [m.end() for m in re.finditer("\r\n|[\r\n]", text)]

    def offset(position: dict[str, int]) -> int:
        line = position["line"]
        if line >= len(starts):
            return len(text)
        at, units = starts[line], 0
        while units < position["character"] and at < len(text) and text[at] not in "\r\n":
            units += 2 if ord(text[at]) > 0xFFFF else 1
            at += 1
        return at

    spans = sorted(
        ((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
