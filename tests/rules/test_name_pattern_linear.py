"""The policy's name-pattern is matched with RE2: linear in the name whatever the pattern, and a pattern RE2
cannot run is refused when the configuration is read (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bounded import run_bounded
from validator import check_create_image
from validator.config.config import ConfigError, load
from validator.core.policy import Policy
from validator.settings import Settings

NESTED = "^([a-z0-9]+-?)*[a-z0-9]$"


def _p06(name: object, pattern: str) -> list[str]:
    settings = Settings(policy=Policy(name_pattern=pattern))
    return [f.message for f in check_create_image({"name": name}, settings=settings).findings if f.rule == "P06"]


def test_a_nested_quantifier_on_a_32_character_name_ends_in_bounded_time(tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text(f'[policy]\nname-pattern = "{NESTED}"\n')
    (tmp_path / "r.json").write_text('{"name": "' + "a" * 31 + '-", "description": "d"}')
    (tmp_path / "ok.json").write_text('{"name": "web-2026", "description": "d"}')
    result = run_bounded(["check", "--format", "json", "r.json", "ok.json"], tmp_path, timeout=60)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    p06 = [
        (Path(entry["path"]).name, f["message"])
        for entry in report["files"]
        for f in entry["findings"]
        if f["rule"] == "P06"
    ]
    assert p06 == [("r.json", f'name "{"a" * 31}-" does not match the policy pattern {NESTED}')]


@pytest.mark.parametrize(("name", "fires"), [("web-2026", False), ("web--2026", True), ("web-", True), ("w", False)])
def test_the_nested_pattern_still_means_what_it_says(name: str, fires: bool) -> None:
    assert bool(_p06(name, NESTED)) is fires


def test_dollar_is_the_true_end_of_the_name() -> None:
    assert _p06("web\n", "^web$") != []
    assert _p06("web", "^web$") == []


def test_a_name_with_a_lone_surrogate_is_matched_not_a_crash() -> None:
    assert _p06("web-\ud800", "^web-") == []
    assert _p06("api-\ud800", "^web-") != []


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(?=web)", "invalid perl operator"),
        ("(a)\\\\1", "invalid escape sequence"),
        ("a{1000}{1000}", "bad repetition"),
    ],
)
def test_a_pattern_re2_cannot_run_is_a_configuration_error(tmp_path: Path, pattern: str, reason: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[policy]\nname-pattern = "{pattern}"\n')
    with pytest.raises(ConfigError, match=f"policy.name-pattern: not a regular expression RE2 accepts: {reason}"):
        load(path)


def test_a_refused_pattern_is_exit_2_with_one_line_and_nothing_else_on_standard_error(tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text('[policy]\nname-pattern = "(?=web)"\n')
    (tmp_path / "r.json").write_text('{"name": "web"}')
    result = run_bounded(["check", "r.json"], tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"jdcloud-preflight: bad configuration: {tmp_path / '.jdcloud-preflight.toml'}: policy.name-pattern: "
        "not a regular expression RE2 accepts: invalid perl operator: (?=\n"
    )


def test_a_refused_pattern_given_in_python_is_a_finding_not_an_exception() -> None:
    assert _p06("web", "(?=web)") == ["the policy pattern (?=web) cannot be used: invalid perl operator: (?="]
