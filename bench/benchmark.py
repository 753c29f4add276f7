"""Benchmark jdcloud-preflight side by side with check-jsonschema, in one run on one machine.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/benchmark.py [--files 10000] [--runs 15] [--json results.json]

It builds its corpora in a temporary folder and prints one table: cold start (one CLI run on one small
valid file, median of --runs runs, with a bare `python -c "import json"` as the floor), corpus throughput
(one CLI run over --files generated files, mixed valid and invalid, 0 to 8 data disks), and in-process
checks per second (`check_create_image` on a typical three-disk request beside jsonschema's
`Draft202012Validator.iter_errors` on the same document with the same schema, built once). The peer is
given our request schema, bundled into one file since it cannot resolve our schema ids.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLOTS = [f"vd{c}" for c in "bcdefghijklmnopqrstuvwxyz"] + [f"vda{c}" for c in "abcdefghijklmnopqrstuvwxyz"]

TYPICAL = {
    "regionId": "cn-north-1",
    "instanceId": "i-eumm7k2qd6",
    "name": "web-2026.11",
    "description": "weekly image of the web tier",
    "dataDisks": [
        {"deviceName": "vdc", "noDevice": True},
        {
            "deviceName": "vdd",
            "autoDelete": True,
            "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 200, "iops": 6000},
        },
        {
            "deviceName": "vde",
            "cloudDiskSpec": {"snapshotId": "snapshot-h8u1ab9c36", "diskType": "ssd.gp1", "diskSizeGB": 100},
        },
    ],
}


def bundled_schema() -> dict[str, Any]:
    """Our parameters-form schema with the schemas it refers to inlined under $defs."""
    load = lambda name: json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())  # noqa: E731
    top = load("create-image-parameters")
    defs = {}
    for name in ("instance-disk-attachment-spec", "disk-spec"):
        part = load(name)
        part.pop("$id", None)
        defs[name] = part
    text = json.dumps({**top, "$defs": defs})
    for name in defs:
        text = text.replace(f"urn:jdcloud-preflight:schema:{name}", f"#/$defs/{name}")
    return json.loads(text)  # type: ignore[no-any-return]


def random_request(rng: random.Random) -> dict[str, Any]:
    disks = []
    for device in rng.sample(SLOTS, rng.randint(0, 8)):
        kind = rng.choice(["exclude", "new", "snapshot", "bad-size", "bad-iops", "bad-device"])
        if kind == "exclude":
            disks.append({"deviceName": device, "noDevice": True})
        elif kind == "new":
            size = rng.randint(2, 1600) * 10
            disks.append(
                {
                    "deviceName": device,
                    "cloudDiskSpec": {
                        "diskType": "ssd.io1",
                        "diskSizeGB": size,
                        "iops": min(32000, size * 30) // 10 * 10,
                    },
                }
            )
        elif kind == "snapshot":
            disks.append(
                {
                    "deviceName": device,
                    "cloudDiskSpec": {"snapshotId": "snapshot-" + "".join(rng.choices("abcdef0123456789", k=10))},
                }
            )
        elif kind == "bad-size":
            disks.append(
                {
                    "deviceName": device,
                    "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": rng.choice([15, 45, "40", 40.0])},
                }
            )
        elif kind == "bad-iops":
            disks.append(
                {"deviceName": device, "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 20, "iops": 1010}}
            )
        else:
            disks.append({"deviceName": rng.choice(["vdca", "sdb", "vda"]), "noDevice": True})
    return {
        "regionId": "cn-north-1",
        "instanceId": "i-eumm7k2qd6",
        "name": f"image-{rng.randint(0, 99999)}",
        "dataDisks": disks,
    }


def median_wall(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def in_process() -> tuple[float, float]:
    from jsonschema import Draft202012Validator

    from validator import check_create_image

    validator = Draft202012Validator(bundled_schema())
    assert check_create_image(TYPICAL).ok
    assert list(validator.iter_errors(TYPICAL)) == []

    def rate(call: Any) -> float:
        """Calls per second: the best of five timings of a batch that runs at least 0.2 s."""
        timer = timeit.Timer(call)
        number, _ = timer.autorange()
        return number / min(timer.repeat(repeat=5, number=number))

    return rate(lambda: check_create_image(TYPICAL)), rate(lambda: list(validator.iter_errors(TYPICAL)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()
    ours, peer, python = str(BIN / "jdcloud-preflight"), str(BIN / "check-jsonschema"), str(BIN / "python")
    if not Path(peer).exists():
        sys.exit("check-jsonschema is not installed: pip install -e '.[bench]'")

    work = Path(tempfile.mkdtemp(prefix="preflight-bench-"))
    try:
        schema = work / "schema.json"
        schema.write_text(json.dumps(bundled_schema()))
        small = work / "small.json"
        small.write_text(json.dumps({"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": True}]}))
        corpus = work / "corpus"
        corpus.mkdir()
        rng = random.Random(20261127)
        files = []
        for index in range(args.files):
            path = corpus / f"request-{index:05d}.json"
            path.write_text(json.dumps(random_request(rng), indent=2))
            files.append(str(path))

        cold = {
            "jdcloud-preflight": median_wall([ours, "check", str(small)], args.runs, work),
            "check-jsonschema": median_wall([peer, "--schemafile", str(schema), str(small)], args.runs, work),
            "python -c 'import json' (floor)": median_wall([python, "-c", "import json"], args.runs, work),
        }
        corpus_rate = {
            "jdcloud-preflight": args.files / wall([ours, "check", "--format", "json", str(corpus)], work),
            "check-jsonschema": args.files / wall([peer, "--schemafile", str(schema), *files], work),
        }
        ours_rate, peer_rate = in_process()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    figures = {
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "python": sys.version.split()[0],
        "packages": {
            name: metadata.version(name) for name in ("jdcloud-preflight", "check-jsonschema", "jsonschema", "PyYAML")
        },
        "cold_start_seconds": cold,
        "corpus_files_per_second": corpus_rate,
        "in_process_checks_per_second": {"check_create_image": ours_rate, "jsonschema iter_errors": peer_rate},
        "ratios": {
            "cold start, ours / peer (target <= 0.5)": cold["jdcloud-preflight"] / cold["check-jsonschema"],
            "corpus throughput, ours / peer (target >= 2)": corpus_rate["jdcloud-preflight"]
            / corpus_rate["check-jsonschema"],
            "in-process speed, ours / jsonschema (target >= 3)": ours_rate / peer_rate,
        },
    }
    print(f"machine: {figures['machine']['platform']}, {figures['machine']['cpus']} cores; Python {figures['python']}")
    print("packages: " + ", ".join(f"{k} {v}" for k, v in figures["packages"].items()))
    print()
    print("| measure | jdcloud-preflight | peer | ratio |")
    print("|---|---|---|---|")
    print(
        f"| cold start, one small file (median of {args.runs}) | {cold['jdcloud-preflight'] * 1000:.0f} ms | "
        f"{cold['check-jsonschema'] * 1000:.0f} ms (check-jsonschema); floor {cold[list(cold)[2]] * 1000:.0f} ms | "
        f"{figures['ratios']['cold start, ours / peer (target <= 0.5)']:.2f} (target <= 0.5) |"
    )
    print(
        f"| corpus, {args.files} files in one run | {corpus_rate['jdcloud-preflight']:.0f} files/s | "
        f"{corpus_rate['check-jsonschema']:.0f} files/s (check-jsonschema) | "
        f"{figures['ratios']['corpus throughput, ours / peer (target >= 2)']:.2f} (target >= 2) |"
    )
    print(
        f"| in-process, typical 3-disk request | {ours_rate:.0f} checks/s | {peer_rate:.0f} validations/s "
        f"(jsonschema iter_errors) | "
        f"{figures['ratios']['in-process speed, ours / jsonschema (target >= 3)']:.2f} (target >= 3) |"
    )
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
