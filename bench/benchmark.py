"""Benchmark jdcloud-preflight side by side with its peers, in one run on one machine.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/benchmark.py [--files 10000] [--runs 15] [--json results.json]

It builds its corpora in a temporary folder and prints one table:
- cold start: one CLI run on one small valid file, beside `python -c "import jsonschema"` (the floor of a
  design that validates with jsonschema) and check-jsonschema on the same file (median of --runs runs each,
  the three commands interleaved so that a busy machine slows all of them alike);
- corpus: one CLI run (all cores) over --files generated files, half of them valid, 0 to 8 data disks,
  beside check-jsonschema given the same request schema bundled into one file (it cannot resolve our ids);
- in-process: `check_create_image` on a typical three-disk request (every rule included) beside bare
  `iter_errors` of the very jsonschema validator the check uses, on the same request (interleaved batches,
  best batch of each).
"""

from __future__ import annotations

import argparse
import compileall
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


VALID_KINDS = ["exclude", "new", "snapshot"]
INVALID_KINDS = ["bad-size", "bad-iops", "bad-device"]


def random_request(rng: random.Random, valid: bool | None = None) -> dict[str, Any]:
    """A request with 0 to 8 data disks; `valid` says whether it must be valid (None: a free mix)."""
    disks = []
    devices = rng.sample(SLOTS, rng.randint(0 if valid is not False else 1, 8))
    for position, device in enumerate(devices):
        if valid is None:
            kind = rng.choice(VALID_KINDS + INVALID_KINDS)
        elif valid or position:
            kind = rng.choice(VALID_KINDS)
        else:
            kind = rng.choice(INVALID_KINDS)
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


def interleaved_medians(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns run after run."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall(command, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def in_process(rounds: int = 15) -> tuple[float, float]:
    """Calls per second of the whole check and of bare iter_errors of the same validator on the same
    request: the best of `rounds` interleaved batches each."""
    from validator import check_create_image
    from validator.schema.schema_check import validator_for

    validator = validator_for(parameters_form=True)
    assert check_create_image(TYPICAL).ok
    assert list(validator.iter_errors(TYPICAL)) == []
    ours, bare = (
        timeit.Timer(lambda: check_create_image(TYPICAL)),
        timeit.Timer(lambda: list(validator.iter_errors(TYPICAL))),
    )
    number, _ = bare.autorange()
    best_ours = best_bare = float("inf")
    for _ in range(rounds):
        best_ours = min(best_ours, ours.timeit(number))
        best_bare = min(best_bare, bare.timeit(number))
    return number / best_ours, number / best_bare


TARGETS = {
    "cold start, ours / python -c 'import jsonschema'": ("<=", 1.3),
    "cold start, ours / check-jsonschema": ("<=", 0.55),
    "corpus throughput, ours / check-jsonschema": (">=", 1.5),
    "in-process speed, ours / bare iter_errors": (">=", 0.8),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()
    ours, peer, python = str(BIN / "jdcloud-preflight"), str(BIN / "check-jsonschema"), str(BIN / "python")
    if not Path(peer).exists():
        sys.exit("check-jsonschema is not installed: pip install -e '.[bench]'")

    # Byte-compile the package first, as installing a wheel does: the libraries beside it were compiled when
    # pip installed them, and a source checkout (or PYTHONDONTWRITEBYTECODE) would otherwise make every one
    # of our runs compile our modules again.
    import validator

    compileall.compile_dir(str(Path(validator.__file__).parent), quiet=1)
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
            path.write_text(json.dumps(random_request(rng, valid=index % 2 == 0), indent=2))
            files.append(str(path))

        cold = interleaved_medians(
            {
                "jdcloud-preflight": [ours, "check", str(small)],
                "check-jsonschema": [peer, "--schemafile", str(schema), str(small)],
                "python -c 'import jsonschema'": [python, "-c", "import jsonschema"],
            },
            args.runs,
            work,
        )
        corpus_rate = {
            "jdcloud-preflight": args.files / wall([ours, "check", "--format", "json", str(corpus)], work),
            "check-jsonschema": args.files / wall([peer, "--schemafile", str(schema), *files], work),
        }
        ours_rate, bare_rate = in_process()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ratios = {
        "cold start, ours / python -c 'import jsonschema'": cold["jdcloud-preflight"]
        / cold["python -c 'import jsonschema'"],
        "cold start, ours / check-jsonschema": cold["jdcloud-preflight"] / cold["check-jsonschema"],
        "corpus throughput, ours / check-jsonschema": corpus_rate["jdcloud-preflight"]
        / corpus_rate["check-jsonschema"],
        "in-process speed, ours / bare iter_errors": ours_rate / bare_rate,
    }
    figures = {
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "python": sys.version.split()[0],
        "packages": {
            name: metadata.version(name)
            for name in ("jdcloud-preflight", "check-jsonschema", "jsonschema", "attrs", "PyYAML")
        },
        "cold_start_seconds": cold,
        "corpus_files_per_second": corpus_rate,
        "in_process_checks_per_second": {"check_create_image": ours_rate, "bare iter_errors": bare_rate},
        "ratios": ratios,
        "targets_met": {name: _meets(ratios[name], *TARGETS[name]) for name in TARGETS},
    }
    print(f"machine: {figures['machine']['platform']}, {figures['machine']['cpus']} cores; Python {figures['python']}")
    print("packages: " + ", ".join(f"{k} {v}" for k, v in figures["packages"].items()))
    print()
    print("| measure | jdcloud-preflight | peer | ratio (target) |")
    print("|---|---|---|---|")
    floor_name = "python -c 'import jsonschema'"
    print(
        f"| cold start: one CLI run on one small file, median of {args.runs} | "
        f"{cold['jdcloud-preflight'] * 1000:.0f} ms | "
        f"{cold[floor_name] * 1000:.0f} ms (`{floor_name}`) | {_cell(ratios, 'cold start, ours / ' + floor_name)} |"
    )
    print(
        f"| cold start, the same run | {cold['jdcloud-preflight'] * 1000:.0f} ms | "
        f"{cold['check-jsonschema'] * 1000:.0f} ms (check-jsonschema) | "
        f"{_cell(ratios, 'cold start, ours / check-jsonschema')} |"
    )
    print(
        f"| corpus: one CLI run over {args.files:,} generated files, half valid | "
        f"{corpus_rate['jdcloud-preflight']:.0f} files/s | {corpus_rate['check-jsonschema']:.0f} files/s "
        f"(check-jsonschema) | {_cell(ratios, 'corpus throughput, ours / check-jsonschema')} |"
    )
    print(
        f"| in-process: a typical three-disk request, every rule | {ours_rate:.0f} checks/s | {bare_rate:.0f} "
        f"validations/s (bare `iter_errors`, same validator) | "
        f"{_cell(ratios, 'in-process speed, ours / bare iter_errors')} |"
    )
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def _meets(ratio: float, sense: str, target: float) -> bool:
    return ratio <= target if sense == "<=" else ratio >= target


def _cell(ratios: dict[str, float], name: str) -> str:
    sense, target = TARGETS[name]
    words = "at most" if sense == "<=" else "at least"
    return f"{ratios[name]:.2f} ({words} {target})"


if __name__ == "__main__":
    main()
