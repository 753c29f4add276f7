"""A file that cannot be read (C01) keeps failing the gate: its severity cannot be lowered, in the
configuration or through the Python API (docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator import Settings, Severity, check_file
from validator.cli.main import main

UNREADABLE = "regionId: cn-north-1\ninstanceId: i-eumm****d6\nname: a b\nx: !!binary aGVsbG8=\n"


@pytest.mark.parametrize("level", ["info", "warning"])
def test_lowering_c01_in_the_configuration_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], level: str
) -> None:
    (tmp_path / "req.yaml").write_text(UNREADABLE, encoding="utf-8")
    (tmp_path / ".jdcloud-preflight.toml").write_text(f'fail-on = "error"\n[severity]\nC01 = "{level}"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "req.yaml"]) == 2
    err = capsys.readouterr().err
    assert "severity.C01" in err
    assert "cannot be changed" in err
    assert len(err.strip().splitlines()) == 1


def test_c01_set_to_error_in_the_configuration_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "req.yaml").write_text(UNREADABLE, encoding="utf-8")
    (tmp_path / ".jdcloud-preflight.toml").write_text('[severity]\nC01 = "error"\nC12 = "info"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "req.yaml"]) == 1
    assert "error C01" in capsys.readouterr().out


def test_the_api_keeps_c01_an_error_whatever_the_settings_say(tmp_path: Path) -> None:
    path = tmp_path / "req.yaml"
    path.write_text(UNREADABLE, encoding="utf-8")
    findings = check_file(path, settings=Settings(severity={"C01": Severity.INFO, "C12": Severity.INFO}))
    assert [(f.rule, f.severity) for f in findings.findings] == [("C01", Severity.ERROR)]


def test_the_api_still_lowers_other_rules(tmp_path: Path) -> None:
    path = tmp_path / "req.json"
    path.write_text('{"regionId": "cn-north-1", "instanceId": "i-eumm****d6", "name": "web"}', encoding="utf-8")
    findings = check_file(path, settings=Settings(severity={"C12": Severity.INFO}))
    assert ("C12", Severity.INFO) in [(f.rule, f.severity) for f in findings.findings]
