"""Write every output of the command line and the Python API to one folder, for a byte-for-byte comparison
before and after a restructuring (docs/../CONTRIBUTING.md says when to use it):

    .venv/bin/python tests/golden/snapshot.py /tmp/before
    ... change the code ...
    .venv/bin/python tests/golden/snapshot.py /tmp/after && diff -r /tmp/before /tmp/after

It covers each format over every example and over a seeded corpus of generated requests (JSON and YAML),
`--diff` with and without unsafe fixes, `--fix` on copies, `--lang zh`, the context options, `rules`,
`explain` for every rule in both languages, `schema`, and the Python API's reports. Run from anywhere.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent / "jdcloud-preflight"
FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")
SLOTS = [f"vd{c}" for c in "bcdefghijklmnopqrstuvwxyz"] + [f"vda{c}" for c in "abcdefghijklmnopqrstuvwxyz"]


def _disk(rng: random.Random) -> dict[str, Any]:
    device = rng.choice([*SLOTS, "vda", "vdca", "sdb", None])
    spec: dict[str, Any] = {}
    for key, values in (
        ("diskType", ["ssd.gp1", "ssd.io1", "hdd.std1", "ssd", "ssd.gp2", "SSD.IO1", "", "nvme"]),
        ("diskSizeGB", [20, 15, 45, 40, 16000, 16010, 32000, "40", 40.0, 0]),
        ("iops", [200, 190, 1010, 6000, 32000, 32010, None]),
        ("snapshotId", ["snapshot-h8u1ab9c36", "snapshot-****", "snap-1", ""]),
        ("az", ["", "cn-north-1a"]),
        ("name", ["", "data"]),
        ("encrypt", [True, False]),
        ("DiskSizeGB", [60]),
        ("diskSizeGb", [60]),
    ):
        if rng.random() < 0.35:
            spec[key] = rng.choice(values)
    entry: dict[str, Any] = {}
    if device is not None:
        entry["deviceName"] = device
    if rng.random() < 0.3:
        entry["noDevice"] = rng.choice([True, False, "true"])
    if rng.random() < 0.7:
        entry["cloudDiskSpec"] = spec
    if rng.random() < 0.3:
        entry["autoDelete"] = rng.choice([True, False])
    if rng.random() < 0.15:
        entry["diskCategory"] = rng.choice(["cloud", "local"])
    return entry


def _request(rng: random.Random) -> dict[str, Any]:
    request: dict[str, Any] = {}
    if rng.random() < 0.8:
        request["regionId"] = rng.choice(["cn-north-1", "cn-west-9", "CN-NORTH-1", "cn-north-1\n"])
    if rng.random() < 0.8:
        request["instanceId"] = rng.choice(["i-eumm7k2qd6", "i-eumm****d6", "i-abc", "x-1"])
    if rng.random() < 0.9:
        request["name"] = rng.choice(["web-2026.11", "a", "镜像-一", "web 2026", "Ｗeb", "x" * 33])
    if rng.random() < 0.3:
        request["description"] = rng.choice(["weekly", "d" * 257])
    if rng.random() < 0.1:
        request["Name"] = "dup"
    if rng.random() < 0.1:
        request["snapshotId"] = "snapshot-h8u1ab9c36"
    request["dataDisks"] = [_disk(rng) for _ in range(rng.randint(0, 6))]
    return request


def corpus(folder: Path, count: int = 240) -> None:
    """Seeded requests, a third of them YAML (some with suppression comments), the rest JSON."""
    rng = random.Random(20261202)
    for number in range(count):
        request = _request(rng)
        if number % 3 == 0:
            text = yaml.safe_dump(request, sort_keys=False, allow_unicode=True)
            if number % 2 == 0:
                text = "# jdcloud-preflight: ignore[C48]\n" + text
            (folder / f"r{number:03}.yaml").write_text(text, encoding="utf-8")
        else:
            indent = None if number % 5 == 0 else 2
            (folder / f"r{number:03}.json").write_text(json.dumps(request, indent=indent, ensure_ascii=False))


def _run(job: tuple[str, list[str], Path]) -> tuple[str, bytes]:
    name, args, cwd = job
    env = {**os.environ, "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
    done = subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, env=env, check=False)
    record = b"exit %d\n--- stdout\n%s\n--- stderr\n%s" % (done.returncode, done.stdout, done.stderr)
    # The temporary working folder (SARIF's %SRCROOT%, absolute paths) differs from run to run.
    return name, record.replace(os.fsencode(cwd.resolve()), b"<work>")


def _jobs(work: Path) -> list[tuple[str, list[str], Path]]:
    jobs: list[tuple[str, list[str], Path]] = []
    examples = sorted(p.relative_to(work) for p in (work / "examples").rglob("*") if p.is_file())
    requests = [p for p in examples if "context" not in p.parts]
    context = [
        "--instance",
        "examples/context/describe-instance-stopped-with-data-disks.json",
        "--snapshots",
        "examples/context/describe-snapshots.json",
        "--quotas",
        "examples/context/describe-quotas.json",
    ]
    for fmt in FORMATS:
        for path in requests:
            jobs.append((f"check-{fmt}-{path}".replace("/", "_"), ["check", "--format", fmt, str(path)], work))
        for folder in ("examples", "corpus"):
            jobs.append((f"walk-{fmt}-{folder}", ["check", "--format", fmt, folder], work))
            jobs.append((f"walk-{fmt}-{folder}-zh", ["check", "--format", fmt, "--lang", "zh", folder], work))
        jobs.append(
            (f"context-{fmt}", ["check", "--format", fmt, *context, "examples/context/request-for-web.json"], work)
        )
    for folder in ("examples", "corpus"):
        jobs.append((f"diff-{folder}", ["check", "--diff", folder], work))
        jobs.append((f"diff-unsafe-{folder}", ["check", "--diff", "--unsafe-fixes", folder], work))
        jobs.append((f"fail-on-info-{folder}", ["check", "--fail-on", "info", "-q", folder], work))
    for lang in ("en", "zh"):
        jobs.append((f"rules-{lang}", ["rules", "--lang", lang], work))
    jobs.append(("schema", ["schema"], work))
    listing = subprocess.run([str(BIN), "rules", "--lang", "en"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        rule = line.split()[0] if line.strip() else ""
        if rule[:1] in "CPS" and rule[1:].isdigit():
            for lang in ("en", "zh"):
                jobs.append((f"explain-{rule}-{lang}", ["explain", "--lang", lang, rule], work))
    return jobs


def _fixed(work: Path, out: Path) -> None:
    """`--fix` and `--fix --unsafe-fixes` on copies: the files as written, and the run's output."""
    for unsafe in (False, True):
        copy = work / ("fixed-unsafe" if unsafe else "fixed")
        shutil.copytree(work / "corpus", copy / "corpus")
        shutil.copytree(work / "examples", copy / "examples")
        args = ["check", "--fix", *(["--unsafe-fixes"] if unsafe else []), "corpus", "examples"]
        name, record = _run((copy.name, args, copy))
        (out / f"{name}.out").write_bytes(record)
        for path in sorted(p for p in copy.rglob("*") if p.is_file()):
            target = out / copy.name / path.relative_to(copy)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())


def _api(work: Path, out: Path) -> None:
    """The Python API's reports for every example and corpus file, in both languages."""
    import validator

    lines = []
    for path in sorted(p for p in (work / "corpus").iterdir()) + sorted((work / "examples").rglob("*.*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for lang in ("en", "zh"):
            report = validator.check_create_image(text, filename=path.name, lang=lang)
            lines.append(
                json.dumps(
                    {"file": path.name, "lang": lang, "report": report.to_dict()},
                    sort_keys=True,
                    ensure_ascii=False,
                    default=str,
                )
            )
        fixed = validator.fix_create_image(text, filename=path.name, unsafe=True)
        lines.append(
            json.dumps(
                {"file": path.name, "fixed": fixed.text, "remaining": fixed.report.to_dict()},
                sort_keys=True,
                ensure_ascii=False,
                default=str,
            )
        )
    for path in sorted(work.glob("corpus/*.json"))[:40]:
        data = json.loads(path.read_text(encoding="utf-8"))
        report = validator.check_create_image(data)
        lines.append(
            json.dumps({"dict": path.name, "report": report.to_dict()}, sort_keys=True, ensure_ascii=False, default=str)
        )
    (out / "api.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary) / "work"
        work.mkdir()
        shutil.copytree(ROOT / "examples", work / "examples")
        (work / "corpus").mkdir()
        corpus(work / "corpus")
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for name, record in pool.map(_run, _jobs(work)):
                (out / f"{name}.out").write_bytes(record)
        _api(work, out)
        _fixed(work, out)
    print(f"snapshot written to {out}: {sum(1 for _ in out.rglob('*'))} files")


if __name__ == "__main__":
    main()
