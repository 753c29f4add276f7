"""SIGTERM while a worker is sending its result: the command still ends (docs/robustness.md#signals).

A worker stopped half-way through writing its result leaves the pool's result thread waiting for the rest of
the message; unless the pipe is closed, the interpreter waits for that thread at exit, for ever."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.bounded import _limit_memory

SCRIPT = textwrap.dedent(
    """
    import gc, os, signal, struct, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from validator.cli import parallel, signals

    def check(path):
        if path == "f001":  # a worker's file: the command checks the first one itself (parallel.py)
            (pool,) = [o for o in gc.get_objects() if isinstance(o, ProcessPoolExecutor)]
            writer = pool._result_queue._writer
            os.write(writer.fileno(), struct.pack("!i", 4096) + b"x")  # a header, then 1 byte of 4096
            os.kill(os.getppid(), signal.SIGTERM)
            time.sleep(60)
        return path

    signals.on_termination()
    try:
        parallel.run_all(check, [f"f{i:03d}" for i in range(parallel.PARALLEL_MIN_FILES + 10)], jobs=2)
    except signals.Terminated:
        print("terminated", flush=True)
    """
)


def test_sigterm_while_a_worker_sends_its_result_still_ends_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert result.stdout == "terminated\n", result.stderr
    assert result.returncode == 0, result.stderr
