"""The benchmark script stays runnable (it is timed by hand, never here): its peer schema is our request
schema, bundled, and its corpus generator is deterministic."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

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
    results = benchmark.in_process(rounds=2)
    assert set(results) == {"dict", "text"}
    for result in results.values():
        assert result["ours_per_second"] > 0
        assert result["bare_per_second"] > 0
        assert len(result["ratios"]) == 2


def test_spread_reports_the_median_and_the_extremes_of_the_rounds() -> None:
    assert benchmark.spread([3.0, 1.0, 2.0]) == {"median": 2.0, "low": 1.0, "high": 3.0}
    assert benchmark.per_round([2.0, 3.0], [1.0, 2.0]) == [2.0, 1.5]


def test_import_top_reads_the_interpreters_import_times(tmp_path: Path) -> None:
    top = benchmark.import_top(["-c", "import json"], tmp_path, runs=1, top=50)
    assert "json" in dict(top)
    assert all(micros >= 0 for _, micros in top)
