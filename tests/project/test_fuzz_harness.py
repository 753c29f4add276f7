"""The fuzzing harness runs in CI too, a few thousand inputs: the readers and engine, and the command line
with every output format on arbitrary bytes under arbitrary file names."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fuzz_harness_a_few_thousand_inputs() -> None:
    spec = importlib.util.spec_from_file_location("fuzz_reader", ROOT / "fuzz" / "fuzz_reader.py")
    assert spec is not None
    assert spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    started = time.perf_counter()
    harness.run(2000, cli_examples=1000)  # 2,000 reader inputs, 1,000 files each run twice
    assert time.perf_counter() - started < 120
