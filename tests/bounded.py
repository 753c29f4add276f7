"""Running the command in a child process under a time limit and a memory limit: resource tests assert
what it printed and its exit code, never how long it took."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

MEMORY = 1 << 30  # bytes of address space the child may use


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(argv: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m validator ARGV` in `cwd`; subprocess.TimeoutExpired (a failed test) if it takes longer
    than `timeout` seconds, a MemoryError exit if it needs more than MEMORY bytes."""
    return subprocess.run(
        [sys.executable, "-m", "validator", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        check=False,
    )
