"""The benchmark script stays runnable (it is timed by hand, never here): its peer schema is our request
schema, bundled, and its corpus generator is deterministic."""

from __future__ import annotations

import random
import subprocess
import sys

from jsonschema import Draft202012Validator

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import benchmark

from validator import check_create_image


def test_help_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "benchmark.py"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "--files" in result.stdout


def test_bundled_schema_agrees_with_the_checker_on_types() -> None:
    schema = benchmark.bundled_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert list(validator.iter_errors(benchmark.TYPICAL)) == []
    assert check_create_image(benchmark.TYPICAL).ok
    broken = {"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": "40"}}]}
    assert [e.validator for e in validator.iter_errors(broken)] == ["type"]


def test_corpus_generator_is_deterministic_and_mixed() -> None:
    first = [benchmark.random_request(random.Random(7)) for _ in range(1)]
    assert first == [benchmark.random_request(random.Random(7))]
    rng = random.Random(20261127)
    reports = [check_create_image(benchmark.random_request(rng)) for _ in range(200)]
    assert any(report.ok for report in reports)
    assert any(not report.ok for report in reports)


def test_corpus_is_half_valid_half_invalid() -> None:
    rng = random.Random(20261127)
    assert all(check_create_image(benchmark.random_request(rng, valid=True)).ok for _ in range(100))
    assert not any(check_create_image(benchmark.random_request(rng, valid=False)).ok for _ in range(100))


def test_in_process_peer_is_the_checks_own_validator() -> None:
    ours, bare = benchmark.in_process(rounds=1)
    assert ours > 0
    assert bare > 0
