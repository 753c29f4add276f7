"""The pre-commit hook definition and the GitHub Action call the command as it really is."""

from __future__ import annotations

import shlex

import yaml

from tests.helpers import ROOT
from validator.cli.arguments import FORMATS
from validator.cli.arguments import parser as _parser


def test_pre_commit_hook_definition() -> None:
    hook, fixer = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "jdcloud-preflight"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"json", "yaml"}
    # --only-requests: pre-commit names every JSON/YAML file; only createImage requests are checked.
    # --force-exclude: the configuration's exclude protects a commit too, as ruff's hook has it.
    assert shlex.split(hook["entry"]) == ["jdcloud-preflight", "check", "--only-requests", "--force-exclude"]
    # The fixer hook (issue 13): the same files, `check --fix`, and options the command line knows.
    assert fixer["id"] == "jdcloud-preflight-fix"
    assert fixer["language"] == "python"
    assert set(fixer["types_or"]) == {"json", "yaml"}
    words = shlex.split(fixer["entry"])
    assert words == ["jdcloud-preflight", "check", "--only-requests", "--force-exclude", "--fix"]
    assert _parser().parse_args([*words[1:], "request.json"]).fix


def test_action_runs_the_cli_with_sarif_output() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any("pip install" in step.get("run", "") and "github.action_path" in step["run"] for step in steps)
    (run,) = [step["run"] for step in steps if "jdcloud-preflight check" in step.get("run", "")]
    values = {
        "$PREFLIGHT_PATHS": "examples",
        "$PREFLIGHT_FAIL_ON": action["inputs"]["fail-on"]["default"],
        "$PREFLIGHT_SARIF": action["inputs"]["sarif-file"]["default"],
        "$PREFLIGHT_ARGS": "--select C3 --lang zh",
    }
    command = run
    for variable, value in values.items():
        command = command.replace(variable, value)
    words = shlex.split(command)
    assert words[0] == "jdcloud-preflight"
    args = _parser().parse_args(words[1:])
    assert args.format == "sarif"
    assert args.output_file == "jdcloud-preflight.sarif"
    assert "C3" in repr(args.select)
    assert args.lang == "zh"
    assert "sarif" in FORMATS
    assert set(action["inputs"]) >= {"paths", "fail-on", "sarif-file", "args"}
    assert action["inputs"]["args"]["default"] == ""
    assert "PREFLIGHT_ARGS: ${{ inputs.args }}" in (ROOT / "action.yml").read_text(encoding="utf-8")
