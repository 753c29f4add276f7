"""A folder walk checks a file with request members unless it is certainly something else: by its name
(package.json) or by members only that other format has. A name with a version number is not enough."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.cli.main import main
from validator.workspace.recognise import recognise

VERSIONED = {"name": "web 2026", "description": "weekly web image", "version": "1.4.2"}


def _walk(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    main(["check", "--format", "json", str(folder)])
    report = json.loads(capsys.readouterr().out)
    return {Path(entry["path"]).name: [f["rule"] for f in entry["findings"]] for entry in report["files"]}


def test_a_request_with_a_version_member_is_checked_in_a_folder_walk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.json").write_text(json.dumps(VERSIONED))
    assert "C22" in _walk(tmp_path, capsys)["image.json"]


def test_the_same_members_in_a_file_named_package_json_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.json").write_text(json.dumps(VERSIONED))
    (tmp_path / "package.json").write_text(json.dumps(VERSIONED))
    assert set(_walk(tmp_path, capsys)) == {"image.json"}


def test_a_real_package_json_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "image.json").write_text(json.dumps(VERSIONED))
    manifest = {"name": "web", "version": "1.0.0", "description": "d", "scripts": {"test": "jest"}}
    (tmp_path / "package.json").write_text(json.dumps(manifest))
    assert set(_walk(tmp_path, capsys)) == {"image.json"}


@pytest.mark.parametrize("filename", [None, "image.json", "requests/web.json"])
def test_a_name_and_a_version_number_alone_do_not_make_a_package(filename: str | None) -> None:
    assert recognise(VERSIONED, filename) is None
    assert recognise({"name": "my-app", "version": "1.0.0"}, filename) is None


@pytest.mark.parametrize("member", ["license", "author", "keywords", "repository", "homepage"])
def test_a_versioned_name_beside_package_metadata_is_a_package_whatever_the_file_is_called(member: str) -> None:
    verdict = recognise({"name": "my-app", "version": "1.0.0", member: "x"}, "image.json")
    assert verdict is not None
    assert "npm package manifest" in verdict.reason


def test_package_metadata_without_a_version_number_is_not_a_package() -> None:
    assert recognise({"name": "web", "license": "MIT"}, "image.json") is None
    assert recognise({"name": "web", "version": "latest", "license": "MIT"}, "image.json") is None


@pytest.mark.parametrize(("filename", "what"), [("package.json", "npm"), ("sub/tsconfig.json", "TypeScript")])
def test_a_well_known_file_name_says_what_a_document_is(filename: str, what: str) -> None:
    verdict = recognise({"name": "web", "description": "d"}, filename)
    assert verdict is not None
    assert what in verdict.reason


def test_members_only_a_request_has_win_over_the_file_name() -> None:
    assert recognise({"name": "web", "instanceId": "i-eumm7k2qd6"}, "package.json") is None
