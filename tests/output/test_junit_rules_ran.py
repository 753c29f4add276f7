"""JUnit lists only the rules that ran (issue 12): no context rule without the context part it reads, no
policy rule without its setting, nothing that select/ignore or a per-file ignore turns off."""

from __future__ import annotations

from pathlib import Path

import pytest
from junitparser import JUnitXml

from tests.helpers import EXAMPLES
from validator.cli.main import main
from validator.rules import registry

REQUEST = EXAMPLES / "context" / "request-for-web.json"
CONTEXT = EXAMPLES / "context"


def _cases(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> list[str]:
    main(["check", "--format", "junit", *argv])
    report = tmp_path / "junit.xml"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(report)))
    names = [case.name.split()[0] for case in suite]
    assert suite.tests == len(names)
    return names


def _ids(kind: str) -> set[str]:
    return {rule.id for rule in registry.RULES if rule.enforced_by == kind}


def test_without_context_or_policy_no_such_rule_is_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    names = _cases(capsys, tmp_path, str(REQUEST))
    assert not set(names) & (_ids("context") | _ids("policy"))
    assert {"C01", "C31", "C46"} <= set(names)
    # A JSON file has no YAML scalars and no comments: C06, S01 and S02 never ran on it; nor did C39, which
    # reports only with an instance description.
    assert not set(names) & {"C06", "S01", "S02", "C39"}


def test_a_yaml_file_lists_the_yaml_rules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    request = tmp_path / "r.yaml"
    request.write_text("name: web-image\n")
    assert {"C06", "S01", "S02"} <= set(_cases(capsys, tmp_path, str(request)))


def test_a_file_that_cannot_be_read_ran_c01_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text("")
    assert _cases(capsys, tmp_path, str(request)) == ["C01"]


def test_instance_rules_are_listed_with_an_instance(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    instance = CONTEXT / "describe-instance-running-cloud-system-disk.json"
    names = set(_cases(capsys, tmp_path, "--instance", str(instance), str(REQUEST)))
    assert names & _ids("context") == _ids("context") - {"C68", "C69", "C70", "C71"}


def test_snapshot_and_quota_rules_need_their_parts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    names = set(
        _cases(
            capsys,
            tmp_path,
            "--snapshots",
            str(CONTEXT / "describe-snapshots.json"),
            "--quotas",
            str(CONTEXT / "describe-quotas.json"),
            str(REQUEST),
        )
    )
    assert names & _ids("context") == {"C68", "C69", "C70"}


def test_only_configured_policy_rules_are_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "policy.toml"
    config.write_text("[policy]\nmax-data-disks = 4\nrequire-description = true\nrequire-encryption = false\n")
    names = set(_cases(capsys, tmp_path, "--config", str(config), str(REQUEST)))
    assert names & _ids("policy") == {"P04", "P07"}


def test_select_and_ignore_leave_rules_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    names = _cases(capsys, tmp_path, "--select", "C3", "--ignore", "C39", str(REQUEST))
    # C01 (the file can be read) runs whatever is selected: its findings cannot be switched off.
    expected = [rule.id for rule in registry.RULES if rule.id.startswith("C3") and rule.id != "C39"]
    assert names == ["C01", *expected]
