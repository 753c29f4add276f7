"""Report paths in one spelling in every format (relative to the working folder when inside it, absolute
otherwise), fingerprints independent of the spelling, and SARIF URIs that decode back to the path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from validator.output.paths import file_uri, relative_uri, report_path

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'


def _cli(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "validator", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1, result.stderr
    return result.stdout


def _spellings(tmp_path: Path) -> tuple[str, ...]:
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web.json").write_text(BAD)
    return ("deploy/web.json", "./deploy/web.json", str(tmp_path / "deploy" / "web.json"), "deploy/../deploy/web.json")


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_line_formats_name_the_file_in_one_spelling(tmp_path: Path, fmt: str) -> None:
    outputs = {_cli(tmp_path, "--format", fmt, spelling) for spelling in _spellings(tmp_path)}
    (output,) = outputs
    assert "deploy/web.json" in output
    assert "./deploy" not in output
    assert str(tmp_path) not in output


def test_json_and_gitlab_paths_and_fingerprints_do_not_depend_on_the_spelling(tmp_path: Path) -> None:
    spellings = _spellings(tmp_path)
    reports = [json.loads(_cli(tmp_path, "--format", "json", s)) for s in spellings]
    assert {report["files"][0]["path"] for report in reports} == {"deploy/web.json"}
    gitlab = [json.loads(_cli(tmp_path, "--format", "gitlab", s)) for s in spellings]
    assert {issue["location"]["path"] for issues in gitlab for issue in issues} == {"deploy/web.json"}
    assert len({tuple(issue["fingerprint"] for issue in issues) for issues in gitlab}) == 1


def test_junit_names_the_suite_in_one_spelling(tmp_path: Path) -> None:
    outputs = {_cli(tmp_path, "--format", "junit", s) for s in _spellings(tmp_path)}
    assert len(outputs) == 1
    assert 'name="deploy/web.json"' in outputs.pop()


def _sarif(cwd: Path, *args: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(_cli(cwd, "--format", "sarif", *args))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def _decoded(log: dict[str, Any]) -> list[str]:
    """Every result's file as a path, resolved the way a SARIF reader does."""
    run = log["runs"][0]
    paths = []
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        uri = location["uri"]
        if "uriBaseId" in location:
            uri = urljoin(run["originalUriBaseIds"][location["uriBaseId"]]["uri"], uri)
        parts = urlsplit(uri)
        assert parts.scheme == "file"
        paths.append(unquote(parts.path, errors="surrogateescape"))
    return paths


def test_sarif_inside_the_working_folder_is_relative_to_srcroot(tmp_path: Path) -> None:
    logs = [_sarif(tmp_path, s) for s in _spellings(tmp_path)]
    for log in logs:
        run = log["runs"][0]
        assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
        location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "deploy/web.json", "uriBaseId": "%SRCROOT%"}
        assert _decoded(log) == [str(tmp_path / "deploy" / "web.json")]
    assert len({json.dumps([r["partialFingerprints"] for r in log["runs"][0]["results"]]) for log in logs}) == 1


def test_sarif_outside_the_working_folder_is_an_absolute_file_uri(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "r.json").write_text(BAD)
    (tmp_path / "here").mkdir()
    log = _sarif(tmp_path / "here", "../outside/r.json")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "outside" / "r.json").as_uri()}
    assert "uriBaseId" not in location
    assert _decoded(log) == [str(tmp_path / "outside" / "r.json")]


@pytest.mark.parametrize(
    ("name", "encoded"),
    [
        ("image#2.json", "image%232.json"),
        ("why?.json", "why%3F.json"),
        ("a b.json", "a%20b.json"),
        ("100%.json", "100%25.json"),
        ("镜像.json", "%E9%95%9C%E5%83%8F.json"),
        ("c:d.json", "./c:d.json"),
        ("plain-name_1.json", "plain-name_1.json"),
    ],
)
def test_sarif_uris_are_percent_encoded_and_decode_back_to_the_file(tmp_path: Path, name: str, encoded: str) -> None:
    (tmp_path / name).write_text(BAD)
    log = _sarif(tmp_path, name)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == encoded
    assert _decoded(log) == [str(tmp_path / name)]


def test_a_colon_after_the_first_segment_needs_no_dot_slash() -> None:
    assert relative_uri("d/c:d.json") == "d/c:d.json"
    assert relative_uri("c:d/x.json") == "./c:d/x.json"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_a_file_name_that_is_not_utf8_keeps_its_byte(tmp_path: Path) -> None:
    name = os.fsdecode(b"r\xff.json")
    assert relative_uri(name) == "r%FF.json"
    assert file_uri("/" + name) == "file:///r%FF.json"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("deploy/web.json", "deploy/web.json"),
        ("./deploy/web.json", "deploy/web.json"),
        ("/work/deploy/web.json", "deploy/web.json"),
        ("/work", "."),
        ("/workshop/web.json", "/workshop/web.json"),
        ("../web.json", "/web.json"),
        ("-", "-"),
    ],
)
def test_report_path_is_relative_inside_the_root_and_absolute_outside(path: str, expected: str) -> None:
    assert report_path(path, "/work") == expected


def test_report_path_without_a_root_is_the_path_as_given() -> None:
    assert report_path("./deploy/web.json", None) == "./deploy/web.json"


def test_the_lines_beside_the_report_use_the_same_spelling(tmp_path: Path) -> None:
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web.json").write_text(BAD)
    (tmp_path / "deploy" / "package.json").write_text('{"name": "my-app", "version": "1.0.0"}')
    result = subprocess.run(
        [sys.executable, "-m", "validator", "check", "--verbose", "./deploy"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "\ndeploy/package.json: skipped: " in "\n" + result.stdout
    (tmp_path / "deploy" / "io.json").write_text(
        '{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40, "iops": 3000}}]}'
    )
    shown = subprocess.run(
        [sys.executable, "-m", "validator", "check", "--diff", "--show-fixes", str(tmp_path / "deploy" / "io.json")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "- deploy/io.json:" in shown.stderr
