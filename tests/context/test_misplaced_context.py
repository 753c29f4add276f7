"""Context files in the wrong place: a request given to a context option, a describe answer given to the
wrong one (exit 2 with one line naming the right option), and a describe answer named as a request (one
finding pointing at the option that takes it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from validator import check_file

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = ROOT / "examples" / "context"
INSTANCE = CONTEXT / "describe-instance-running-cloud-system-disk.json"
SNAPSHOTS = CONTEXT / "describe-snapshots.json"
QUOTAS = CONTEXT / "describe-quotas.json"
REQUEST = CONTEXT / "request-for-web.json"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", "check", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("option", "answer"),
    [
        ("--instance", "describeInstance"),
        ("--snapshots", "describeSnapshots"),
        ("--quotas", "describeQuotas"),
        ("--snapshot-quota", "describeQuota (snapshots)"),
    ],
)
def test_a_request_given_to_a_context_option_is_one_line(option: str, answer: str) -> None:
    result = _run(option, str(REQUEST), str(REQUEST))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"jdcloud-preflight: {option} {REQUEST} is a createImage request, not a {answer} answer: name it as a PATH "
        f"to check it, and give {option} the {answer} answer\n"
    )


@pytest.mark.parametrize(
    ("option", "path", "right"),
    [
        ("--instance", QUOTAS, "--quotas"),
        ("--instance", SNAPSHOTS, "--snapshots"),
        ("--quotas", INSTANCE, "--instance"),
        ("--snapshots", QUOTAS, "--quotas"),
    ],
)
def test_a_describe_answer_given_to_the_wrong_option_names_the_right_one(option: str, path: Path, right: str) -> None:
    result = _run(option, str(path), str(REQUEST))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"jdcloud-preflight: {option} {path} is a describe")
    assert line.endswith(f"pass it with {right}")


def test_the_right_files_in_the_right_places_still_check() -> None:
    result = _run("--instance", str(INSTANCE), "--snapshots", str(SNAPSHOTS), "--quotas", str(QUOTAS), str(REQUEST))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("path", "option"), [(INSTANCE, "--instance"), (SNAPSHOTS, "--snapshots"), (QUOTAS, "--quotas")]
)
def test_a_describe_answer_named_as_a_request_is_one_finding_naming_its_option(path: Path, option: str) -> None:
    result = _run("--format", "json", str(path))
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["rule"] == "C01"
    assert "not a createImage request" in finding["message"]
    assert finding["message"].endswith(f"pass it with {option}")
    (api_finding,) = check_file(str(path)).findings
    assert api_finding.message == finding["message"]


def test_a_named_request_without_a_name_is_still_checked_as_a_request(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"dataDisks": [{"deviceName": "vdb", "noDevice": true}]}')
    assert [f.rule for f in check_file(str(path)).findings] == ["C20"]


def test_a_walked_describe_answer_is_still_skipped_with_its_option(tmp_path: Path) -> None:
    (tmp_path / "q.json").write_text(QUOTAS.read_text())
    (tmp_path / "r.json").write_text('{"name": "web"}')
    result = _run("--verbose", str(tmp_path))
    assert result.returncode == 0
    assert "q.json: skipped: a describeQuotas answer; pass it with --quotas" in result.stderr + result.stdout


def test_a_bare_instance_object_without_a_name_is_still_an_instance(tmp_path: Path) -> None:
    instance = tmp_path / "i.json"
    instance.write_text('{"instanceId": "i-eumm7k2qd6", "status": "running"}')
    result = _run("--instance", str(instance), str(REQUEST))
    assert "createImage request" not in result.stderr
    assert "internal error" not in result.stderr
