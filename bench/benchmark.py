"""Benchmark jdcloud-preflight side by side with its peers, in one run on one machine.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/benchmark.py [--files 5000] [--runs 15] [--corpus-runs 3] [--json results.json]

It builds its corpora in a temporary folder and prints one table, each ratio with its spread (the lowest and
highest of the per-round ratios: the compared commands take turns, so a busy machine slows both alike):
- cold start: one CLI run on one small valid file, beside `python -c "import jsonschema"` (the floor of a
  design that validates with jsonschema) and check-jsonschema on the same file (--runs rounds);
- corpus: one CLI run (all cores) over --files generated files, half of them valid, 0 to 8 data disks,
  beside check-jsonschema given the same request schema bundled into one file (it cannot resolve our ids)
  (--corpus-runs rounds);
- in-process: `check_create_image` on a typical three-disk request (every rule included) beside bare
  `iter_errors` of the very jsonschema validator the check uses, given the request as a dict, and as JSON
  text beside `json.loads` plus the same `iter_errors` (interleaved batches);
- pool: `check --jobs 1` beside `--jobs 2` on small corpora, where a process pool starts to pay for itself;
- start-up: the modules with the most import time of their own in one CLI run (`python -X importtime`).
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


def take_turns(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, list[float]]:
    """Wall times of each command, the commands taking turns run after run."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall(command, cwd))
    return times


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "low": min(values), "high": max(values)}


def per_round(top: list[float], bottom: list[float]) -> list[float]:
    return [a / b for a, b in zip(top, bottom, strict=True)]


def in_process(rounds: int = 15) -> dict[str, dict[str, Any]]:
    """Calls per second of the whole check and of bare iter_errors of the same validator, on the same
    request given as a dict and as JSON text: `rounds` interleaved batches each."""
    from validator import check_create_image
    from validator.schema.schema_check import validator_for

    validator = validator_for(parameters_form=True)
    text = json.dumps(TYPICAL, indent=2)
    assert check_create_image(TYPICAL).ok
    assert check_create_image(text).ok
    assert list(validator.iter_errors(TYPICAL)) == []
    pairs = {
        "dict": (lambda: check_create_image(TYPICAL), lambda: list(validator.iter_errors(TYPICAL))),
        "text": (lambda: check_create_image(text), lambda: list(validator.iter_errors(json.loads(text)))),
    }
    results: dict[str, dict[str, Any]] = {}
    for form, (ours_call, bare_call) in pairs.items():
        ours, bare = timeit.Timer(ours_call), timeit.Timer(bare_call)
        number, _ = bare.autorange()
        ours_rates, bare_rates = [], []
        for _ in range(rounds):
            ours_rates.append(number / ours.timeit(number))
            bare_rates.append(number / bare.timeit(number))
        results[form] = {
            "ours_per_second": max(ours_rates),
            "bare_per_second": max(bare_rates),
            "ratios": per_round(ours_rates, bare_rates),
        }
    return results


def pool_break_even(ours: str, work: Path, rng: random.Random, runs: int) -> dict[str, dict[str, float]]:
    """Median seconds of `--jobs 1` and `--jobs 2` over small corpora: where starting workers pays."""
    results = {}
    for count in (50, 100, 200, 400, 800):
        folder = work / f"pool-{count}"
        folder.mkdir()
        for index in range(count):
            (folder / f"r{index:04d}.json").write_text(json.dumps(random_request(rng, index % 2 == 0), indent=2))
        times = take_turns(
            {
                "jobs 1": [ours, "check", "--jobs", "1", "--format", "json", str(folder)],
                "jobs 2": [ours, "check", "--jobs", "2", "--format", "json", str(folder)],
            },
            runs,
            work,
        )
        results[str(count)] = {name: statistics.median(values) for name, values in times.items()}
    return results


def import_top(command: list[str], cwd: Path, runs: int = 5, top: int = 12) -> list[tuple[str, float]]:
    """The modules with the most import time of their own (median microseconds over `runs` runs)."""
    own: dict[str, list[int]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *command], cwd=cwd, capture_output=True, text=True, check=False
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _, name = line.removeprefix("import time:").split("|")
            own.setdefault(name.strip(), []).append(int(self_us))
    medians = {name: statistics.median(values) for name, values in own.items()}
    return sorted(medians.items(), key=lambda item: -item[1])[:top]


TARGETS = {
    "cold start, ours / python -c 'import jsonschema'": ("<=", 1.3),
    "cold start, ours / check-jsonschema": ("<=", 0.5),
    "corpus throughput, ours / check-jsonschema": (">=", 1.5),
    "in-process speed, ours / bare iter_errors": (">=", 0.8),
}
FLOOR = "python -c 'import jsonschema'"


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    ours, peer, python = str(BIN / "jdcloud-preflight"), str(BIN / "check-jsonschema"), str(BIN / "python")
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
    cold = take_turns(
        {
            "jdcloud-preflight": [ours, "check", str(small)],
            "check-jsonschema": [peer, "--schemafile", str(schema), str(small)],
            FLOOR: [python, "-c", "import jsonschema"],
        },
        args.runs,
        work,
    )
    corpus_times = take_turns(
        {
            "jdcloud-preflight": [ours, "check", "--format", "json", str(corpus)],
            "check-jsonschema": [peer, "--schemafile", str(schema), *files],
        },
        args.corpus_runs,
        work,
    )
    inner = in_process()
    ratios = {
        "cold start, ours / " + FLOOR: per_round(cold["jdcloud-preflight"], cold[FLOOR]),
        "cold start, ours / check-jsonschema": per_round(cold["jdcloud-preflight"], cold["check-jsonschema"]),
        # Throughput is files per second: the peer's time over ours.
        "corpus throughput, ours / check-jsonschema": per_round(
            corpus_times["check-jsonschema"], corpus_times["jdcloud-preflight"]
        ),
        "in-process speed, ours / bare iter_errors": inner["dict"]["ratios"],
        "in-process speed, text input, ours / json.loads + bare iter_errors": inner["text"]["ratios"],
    }
    return {
        "cold_start_seconds": {name: spread(values) for name, values in cold.items()},
        "corpus_files_per_second": {name: args.files / statistics.median(v) for name, v in corpus_times.items()},
        "in_process_checks_per_second": {
            form: {"check_create_image": r["ours_per_second"], "bare": r["bare_per_second"]}
            for form, r in inner.items()
        },
        "ratios": {name: spread(values) for name, values in ratios.items()},
        "pool_seconds": pool_break_even(ours, work, rng, max(3, args.runs // 3)) if args.pool else None,
        "import_top_microseconds": import_top(["-m", "validator.cli.main", "check", str(small)], work),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=15, help="rounds of the cold-start commands")
    parser.add_argument("--corpus-runs", type=int, default=3, help="rounds of the corpus commands")
    parser.add_argument("--no-pool", dest="pool", action="store_false", help="skip the pool break-even runs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()
    if not (BIN / "check-jsonschema").exists():
        sys.exit("check-jsonschema is not installed: pip install -e '.[bench]'")

    # Byte-compile the package first, as installing a wheel does: the libraries beside it were compiled when
    # pip installed them, and a source checkout (or PYTHONDONTWRITEBYTECODE) would otherwise make every one
    # of our runs compile our modules again.
    import validator

    compileall.compile_dir(str(Path(validator.__file__).parent), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="preflight-bench-"))
    try:
        figures: dict[str, Any] = {
            "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
            "python": sys.version.split()[0],
            "packages": {
                name: metadata.version(name)
                for name in ("jdcloud-preflight", "check-jsonschema", "jsonschema", "attrs", "PyYAML")
            },
            "files": args.files,
            **measure(args, work),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures["targets_met"] = {
        name: _meets(figures["ratios"][name]["median"], *target) for name, target in TARGETS.items()
    }
    report(figures, args)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def report(figures: dict[str, Any], args: argparse.Namespace) -> None:
    cold, ratios = figures["cold_start_seconds"], figures["ratios"]
    rates, inner = figures["corpus_files_per_second"], figures["in_process_checks_per_second"]
    print(f"machine: {figures['machine']['platform']}, {figures['machine']['cpus']} cores; Python {figures['python']}")
    print("packages: " + ", ".join(f"{k} {v}" for k, v in figures["packages"].items()))
    print()
    print("| measure | jdcloud-preflight | peer | ratio, median (spread) | target |")
    print("|---|---|---|---|---|")
    ms = lambda name: f"{cold[name]['median'] * 1000:.0f} ms"  # noqa: E731
    rows = [
        (
            f"cold start: one CLI run on one small file, {args.runs} rounds",
            ms("jdcloud-preflight"),
            f"{ms(FLOOR)} (`{FLOOR}`)",
            "cold start, ours / " + FLOOR,
        ),
        (
            "cold start, the same rounds",
            ms("jdcloud-preflight"),
            f"{ms('check-jsonschema')} (check-jsonschema)",
            "cold start, ours / check-jsonschema",
        ),
        (
            f"corpus: one CLI run over {args.files:,} generated files, half valid, {args.corpus_runs} rounds",
            f"{rates['jdcloud-preflight']:.0f} files/s",
            f"{rates['check-jsonschema']:.0f} files/s (check-jsonschema)",
            "corpus throughput, ours / check-jsonschema",
        ),
        (
            "in-process: a typical three-disk request as a dict, every rule",
            f"{inner['dict']['check_create_image']:.0f} checks/s",
            f"{inner['dict']['bare']:.0f} validations/s (bare `iter_errors`, same validator)",
            "in-process speed, ours / bare iter_errors",
        ),
        (
            "in-process: the same request as JSON text",
            f"{inner['text']['check_create_image']:.0f} checks/s",
            f"{inner['text']['bare']:.0f} (`json.loads` + bare `iter_errors`)",
            "in-process speed, text input, ours / json.loads + bare iter_errors",
        ),
    ]
    for measure_, ours, peer, name in rows:
        r = ratios[name]
        target = TARGETS.get(name)
        goal = "" if target is None else ("at most " if target[0] == "<=" else "at least ") + str(target[1])
        print(f"| {measure_} | {ours} | {peer} | {r['median']:.2f} ({r['low']:.2f}–{r['high']:.2f}) | {goal} |")
    if figures["pool_seconds"]:
        print()
        print("| files | --jobs 1 | --jobs 2 |")
        print("|---|---|---|")
        for count, times in figures["pool_seconds"].items():
            print(f"| {count} | {times['jobs 1'] * 1000:.0f} ms | {times['jobs 2'] * 1000:.0f} ms |")
    print()
    print("start-up, the modules with the most import time of their own (median µs):")
    for name, micros in figures["import_top_microseconds"]:
        print(f"  {micros:8.0f}  {name}")


def _meets(ratio: float, sense: str, target: float) -> bool:
    return ratio <= target if sense == "<=" else ratio >= target


if __name__ == "__main__":
    main()
