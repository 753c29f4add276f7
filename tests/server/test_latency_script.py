"""The server latency benchmark stays runnable (it is timed by hand, never here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from tests.helpers import ROOT


def test_the_latency_benchmark_reports_both_documents(tmp_path: Path) -> None:
    out = tmp_path / "latency.json"
    command = [sys.executable, str(ROOT / "bench" / "server_latency.py"), "--rounds", "2", "--json", str(out)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert list(results) == ["typical (3 disks)", "64 disks"]
    assert all(result["rounds"] == 2 and result["median_ms"] > 0 for result in results.values())
    assert "64 disks" in run.stdout


def test_the_64_disk_request_has_64_distinct_devices() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import server_latency

    disks = server_latency.many_disks()["dataDisks"]
    assert len({disk["deviceName"] for disk in disks}) == 64
