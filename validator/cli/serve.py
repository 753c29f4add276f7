"""`jdcloud-preflight server`: the language server (validator.server) on stdio, when its optional
dependencies are installed; a one-line error otherwise. See docs/editors.md."""

from __future__ import annotations

from validator import __version__
from validator.cli.exits import EXIT_OK, EXIT_USAGE
from validator.output.console import say

# The [server] extra's packages: only their absence is a missing extra, any other ImportError is a bug.
_EXTRA = ("pygls", "lsprotocol", "cattrs")


def run_server() -> int:
    try:
        from validator.server.app import run
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA:
            raise
        extra = "pip install 'jdcloud-preflight[server]'"
        say(f"jdcloud-preflight: the language server needs the [server] extra: {extra} ({exc})")
        return EXIT_USAGE
    run(__version__)
    return EXIT_OK
