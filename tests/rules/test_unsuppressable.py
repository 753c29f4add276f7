"""A file that cannot be read (C01) is never hidden: not by a comment, select/ignore or per-file-ignores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator import check_create_image
from validator.cli.main import main
from validator.core.finding import Finding, Severity
from validator.rules import registry
from validator.settings import Settings

BINARY = 'name: "web 2026"\ninstanceId: "i-****"\nx: !!binary aGVsbG8=  # jdcloud-preflight: ignore[C01]\n'
BAD_KEY = 'name: "web 2026"\n: : bad  # jdcloud-preflight: ignore[C01]\n'
ABOVE = "# jdcloud-preflight: ignore[C01]\n: : bad\n"


@pytest.mark.parametrize("text", [BINARY, BAD_KEY, ABOVE])
def test_a_comment_does_not_suppress_an_unreadable_file(text: str) -> None:
    found = check_create_image(text, filename="r.yaml").findings
    assert [f.rule for f in found if f.severity is Severity.ERROR] == ["C01"]


def test_a_comment_still_suppresses_other_rules() -> None:
    # AutoDelete is a non-canonical spelling (C05): the same comment form hides it.
    text = "name: web\ndataDisks:\n  - deviceName: vdc\n    AutoDelete: true  # jdcloud-preflight: ignore[C05]\n"
    assert check_create_image(text, filename="r.yaml").findings == ()


@pytest.mark.parametrize(
    "settings",
    [
        Settings(ignore=("C01",)),
        Settings(ignore=("C0",)),
        Settings(ignore=("",)),
        Settings(select=("C3",)),
        Settings(per_file_ignores={"*": ("C01",)}),
    ],
)
def test_settings_do_not_switch_off_an_unreadable_file(settings: Settings) -> None:
    found = check_create_image(BINARY.split("  #")[0] + "\n", filename="r.yaml", settings=settings).findings
    assert [f.rule for f in found] == ["C01"]


def test_ignore_still_switches_off_the_other_document_rules() -> None:
    text = '{"name": "web", "name": "web"}'
    assert [f.rule for f in check_create_image(text).findings] == ["C02"]
    assert check_create_image(text, settings=Settings(ignore=("C0",))).findings == ()


def test_the_predicate_marks_only_c01() -> None:
    assert [rule.id for rule in registry.RULES if rule.unsuppressable] == ["C01"]
    assert Finding("C01", Severity.ERROR, "m", "").unsuppressable
    assert not Finding("C02", Severity.ERROR, "m", "").unsuppressable


@pytest.mark.parametrize("config", ['ignore = ["C01"]\n', '[per-file-ignores]\n"*" = ["C01"]\n', 'select = ["C3"]\n'])
def test_configuration_cannot_hide_an_unreadable_file(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".jdcloud-preflight.toml").write_text(config)
    (tmp_path / "r.yaml").write_text(BINARY)
    code = main(["check", "--format", "json", "r.yaml"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "C01" in [f["rule"] for entry in report["files"] for f in entry["findings"]]
