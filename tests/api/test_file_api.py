"""The Python API for files (issue 12): check_file and check_paths with the command line's configuration
discovery, load_settings, the configuration's lang, Severity as its name, Report.to_dict equal to the CLI's
JSON, and the py.typed marker."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import validator
from tests.helpers import EXAMPLES, ROOT
from validator import Severity, check_create_image, check_file, check_paths, find_settings, load_settings
from validator.cli.main import main
from validator.config.config import ConfigError
from validator.output.paths import report_path

WARN = '{"name": "web", "dataDisks": [{"deviceName": "vdc"}]}\n'
ERROR = '{"name": "web",\n "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "images" / "legacy").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.jdcloud-preflight]\nlang = "zh"\nexclude = ["images/drafts"]\n'
        '[tool.jdcloud-preflight.per-file-ignores]\n"images/legacy/*" = ["C35"]\n'
    )
    (root / "images" / "new.json").write_text(WARN)
    (root / "images" / "legacy" / "old.json").write_text(WARN)
    (root / "images" / "bad.json").write_text(ERROR)
    (root / "images" / "drafts").mkdir()
    (root / "images" / "drafts" / "draft.json").write_text(ERROR)
    (root / "images" / "package.json").write_text('{"name": "a", "version": "1.0.0"}')
    monkeypatch.chdir(tmp_path)  # outside the project: discovery starts from the paths
    return root


def test_check_file_uses_the_configuration_found_for_it(project: Path) -> None:
    report = check_file(project / "images" / "legacy" / "old.json")
    assert report.findings == ()  # per-file-ignores of the project's pyproject.toml
    report = check_file(str(project / "images" / "new.json"))
    assert [finding.rule for finding in report.findings] == ["C35"]
    chinese = check_file(project / "images" / "new.json", lang="zh").findings[0].message
    assert report.findings[0].message == chinese  # lang = "zh" in the configuration
    assert not chinese.isascii()


def test_check_file_with_explicit_settings_and_lang(project: Path) -> None:
    settings = load_settings(project / "pyproject.toml")
    report = check_file(project / "images" / "new.json", settings=settings, lang="en")
    assert report.findings[0].message.isascii()


def test_check_file_checks_a_named_non_request(project: Path) -> None:
    assert check_file(project / "images" / "package.json").findings  # named: always checked


def test_check_file_raises_for_a_missing_file(project: Path) -> None:
    with pytest.raises(OSError, match=r"no-such\.json"):
        check_file(project / "no-such.json")


def _as_reported(report: dict[str, Any]) -> dict[str, Any]:
    """The API gives the path as given; the command line reports it relative to the working folder."""
    return {**report, "path": report_path(str(report["path"]), os.getcwd())}


def test_check_paths_walks_like_the_cli(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = check_paths([project / "images"])
    assert main(["check", "--format", "json", str(project / "images")]) == 1
    cli = json.loads(capsys.readouterr().out)
    assert [_as_reported(report.to_dict()) for report in reports] == cli["files"]
    assert {Path(str(report.source)).name for report in reports} == {"bad.json", "new.json", "old.json"}


def test_check_paths_raises_for_a_missing_path(project: Path) -> None:
    with pytest.raises(OSError, match="missing"):
        check_paths([project / "missing"])


def test_report_to_dict_equals_the_cli_json_for_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "reference-example.json")
    assert main(["check", "--format", "json", "--lang", "en", path]) == 1
    cli = json.loads(capsys.readouterr().out)
    assert _as_reported(check_file(path, lang="en").to_dict()) == cli["files"][0]


def test_load_settings_reads_a_file_and_refuses_a_bad_one(tmp_path: Path) -> None:
    own = tmp_path / ".jdcloud-preflight.toml"
    own.write_text('fail-on = "error"\nlang = "zh"\n')
    settings = load_settings(own)
    assert settings.fail_on is Severity.ERROR
    assert settings.lang == "zh"
    own.write_text('fail-on = "loud"\n')
    with pytest.raises(ConfigError, match="fail-on"):
        load_settings(str(own))


def test_find_settings_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_settings([tmp_path]) == validator.Settings()
    assert find_settings([tmp_path]).fail_on is Severity.WARNING


def test_check_create_image_honours_the_settings_lang() -> None:
    request = {"name": "a"}
    settings = validator.Settings(lang="zh")
    assert not check_create_image(request, settings=settings).findings[0].message.isascii()
    assert check_create_image(request, settings=settings, lang="en").findings[0].message.isascii()
    assert check_create_image(request).findings[0].message.isascii()


def test_severity_prints_and_compares_as_its_name() -> None:
    assert str(Severity.ERROR) == "error"
    assert f"{Severity.WARNING}" == "warning"
    assert Severity.ERROR == "error"
    assert Severity.INFO != "error"
    assert json.dumps({"severity": Severity.INFO}) == '{"severity": "info"}'
    assert Severity("warning") is Severity.WARNING


def test_severity_stays_ordered() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR >= Severity.ERROR > Severity.INFO
    assert Severity.WARNING <= Severity.WARNING
    assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.ERROR,
    ]
    assert max(Severity) is Severity.ERROR  # not alphabetical ("warning" > "info" > "error")
    # Against a severity's name too, by rank (a plain str comparison would put "error" first).
    assert Severity.ERROR > "warning"
    assert "warning" < Severity.ERROR  # noqa: SIM300 (the reflected comparison is what is tested)
    assert Severity.INFO < "Warning"
    assert not Severity.ERROR <= "info"
    with pytest.raises(TypeError):
        assert Severity.ERROR < 3  # type: ignore[operator]


def test_py_typed_marker_ships_in_the_package() -> None:
    assert (ROOT / "validator" / "py.typed").is_file()


@pytest.mark.parametrize(
    "spellings",
    [
        ["reqs", "reqs/a.json", "./reqs/sub", "reqs/sub/c.json", "reqs/b.json"],
        ["reqs/a.json", "reqs/a.json", "./reqs/a.json"],
        ["./reqs", "reqs/"],
        ["reqs/sub", "reqs"],
        ["reqs/notes.json", "reqs"],
    ],
)
def test_check_paths_checks_the_files_check_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], spellings: list[str]
) -> None:
    """Paths given twice, a file and its folder, `./` spellings: each file once, in the command line's
    order, and a named non-request checked by both while a walked one is skipped by both."""
    (tmp_path / "reqs" / "sub").mkdir(parents=True)
    for name in ("reqs/a.json", "reqs/b.json", "reqs/sub/c.json"):
        (tmp_path / name).write_text(WARN)
    (tmp_path / "reqs" / "notes.json").write_text('{"title": "not a request"}')
    monkeypatch.chdir(tmp_path)
    reports = check_paths(spellings)
    main(["check", "--format", "json", *spellings])
    cli = json.loads(capsys.readouterr().out)
    assert [report_path(report.source or "", os.getcwd()) for report in reports] == [e["path"] for e in cli["files"]]
    assert [_as_reported(report.to_dict()) for report in reports] == cli["files"]
    assert len({str(Path(report.source or "").resolve()) for report in reports}) == len(reports)


def test_check_paths_gives_one_report_per_file_for_overlapping_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reqs" / "sub").mkdir(parents=True)
    for name in ("reqs/a.json", "reqs/b.json", "reqs/sub/c.json"):
        (tmp_path / name).write_text(WARN)
    monkeypatch.chdir(tmp_path)
    reports = check_paths(["reqs", "reqs/a.json", "./reqs/sub", "reqs/sub/c.json", "reqs/b.json"])
    assert [report.source for report in reports] == ["reqs/a.json", "reqs/b.json", "reqs/sub/c.json"]
