"""How long the language server takes from a change to its diagnostics (a benchmark, never a test).

    .venv/bin/pip install -e '.[server]'
    .venv/bin/python bench/server_latency.py [--rounds 30] [--json results.json]

It starts `jdcloud-preflight server` as an editor does (a subprocess on stdio), opens a typical request
(three disks, YAML) and one with 64 disks, then sends --rounds full-text changes to each, waiting for each
change's diagnostics, and prints the median, the lowest and the highest time from sending the change to
receiving its diagnostics. The debounce delay is set to 0 so that the times are the check's and the
protocol's; an editor adds the delay (0.3 s by default, docs/editors.md) once per pause in typing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from benchmark import TYPICAL  # noqa: E402

from tests.server.client import Client, uri_of  # noqa: E402


def many_disks(count: int = 64) -> dict[str, Any]:
    """A request with `count` data disks, each a new encrypted ssd.io1 disk on its own device name."""
    names = [f"vd{chr(ord('b') + i // 26) if i >= 26 else ''}{chr(ord('a') + i % 26)}" for i in range(count)]
    disks = [
        {"deviceName": name, "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100, "iops": 3000, "encrypt": True}}
        for name in names
    ]
    return {**TYPICAL, "dataDisks": disks}


def _published(client: Client, uri: str, version: int) -> None:
    while True:
        note = client.next_message(60)
        if note.get("method") != "textDocument/publishDiagnostics":
            continue
        params = note["params"]
        if params["uri"] == uri and params.get("version") == version:
            return


def latency(client: Client, path: Path, text: str, rounds: int) -> list[float]:
    """Seconds from each change to its diagnostics; the changes alternate two texts (the second with a
    finding) so that every one is a new text to check."""
    uri = uri_of(path)
    path.write_text(text, encoding="utf-8")
    client.open(uri, text, "yaml")
    client.diagnostics(uri)
    changed = text.replace("name: web-2026.11", "name: web 2026.11")
    times = []
    for version in range(2, rounds + 2):
        start = time.perf_counter()
        client.change(uri, changed if version % 2 else text, version)
        _published(client, uri, version)
        times.append(time.perf_counter() - start)
    client.notifications.clear()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="changes per document (default 30)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    documents = {"typical (3 disks)": TYPICAL, "64 disks": many_disks()}
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        client = Client(cwd=Path(folder))
        client.initialize({"debounce": 0})
        try:
            for label, request in documents.items():
                text = yaml.safe_dump(request, sort_keys=False)
                times = latency(client, Path(folder) / f"{len(request['dataDisks'])}.yaml", text, args.rounds)
                results[label] = {
                    "median_ms": statistics.median(times) * 1000,
                    "min_ms": min(times) * 1000,
                    "max_ms": max(times) * 1000,
                    "rounds": len(times),
                }
        finally:
            client.close()
    print(f"{'document':<20} {'median':>9} {'lowest':>9} {'highest':>9}   (ms from didChange to diagnostics)")
    for label, result in results.items():
        print(f"{label:<20} {result['median_ms']:>9.1f} {result['min_ms']:>9.1f} {result['max_ms']:>9.1f}")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
