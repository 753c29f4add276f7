"""Every example in the README and in docs/*.md, run: console sessions are run and their printed output compared
(`...` stands for lines left out; a laid-out JSON report is compared as JSON), Python sessions run as
doctests, the configuration loads, the editor settings point at what `schema` writes, and the CI snippets
name this release and the action's inputs. A block that cannot run here is listed with the reason."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import DOCUMENTATION, ROOT, documentation_text
from validator.cli.main import main
from validator.config.config import load

DOCS = documentation_text()
BIN = Path(sys.executable).parent


def _blocks() -> list[tuple[str, str, str]]:
    """(language, where, text) of every fenced block, README first; `where` is "file:line"."""
    found = []
    for path in DOCUMENTATION:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL):
            where = f"{path.relative_to(ROOT).as_posix()}:{text.count(chr(10), 0, match.start()) + 1}"
            found.append((match.group(1), where, match.group(2)))
    return found


BLOCKS = _blocks()


def _of(language: str) -> list[tuple[str, str]]:
    return [(where, text) for kind, where, text in BLOCKS if kind == language]


def test_the_examples_are_read_from_the_readme_and_every_docs_page() -> None:
    files = {where.split(":")[0] for _, where, _ in BLOCKS}
    assert BLOCKS[0][1].startswith("README.md:")  # the quick start comes first
    for page in ("README.md", "docs/usage.md", "docs/fixing.md", "docs/configuration.md", "docs/python-api.md"):
        assert page in files


# Blocks that are not run, each for a reason a test cannot get round; anything else unlisted fails below.
NOT_RUN = {
    "python3 -m venv .venv": "sets up a new environment (the test runs inside one); checked as one command below",
    "jdc vm describe-instance": "calls the JD Cloud command line and the network",
    "jdcloud-preflight check --instance instance.json": "needs the answer the jdc line above saves",
    ".venv/bin/pip install -e '.[bench]'": "the benchmark installs extras and never runs as a test",
    ".venv/bin/python fuzz/fuzz_reader.py": "the fuzzing harness runs by hand",
    "pip install -e '.[server]'": "installs the server extra (the test environment has it)",
}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the examples and the files the documentation's YAML blocks name in their first line."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    for _, text in _of("yaml"):
        first = text.splitlines()[0]
        if first.startswith("# images/"):
            path = folder / first.removeprefix("# ")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return folder


def _sessions(text: str) -> list[tuple[str, list[str]]]:
    sessions: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        else:
            sessions[-1][1].append(line)
    return sessions


def _run(command: str, cwd: Path) -> str:
    command = command.replace(".venv/bin/", f"{BIN}/")
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "LANG", "LC_ALL")}
    env.update({"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "NO_COLOR": "1", "LC_ALL": "C.UTF-8"})
    result = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` is `expected` with each `...` line standing for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(_matches(expected[1:], actual[start:]) for start in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and _matches(expected[1:], actual[1:])


CONSOLE = [(where, command, expected) for where, text in _of("console") for command, expected in _sessions(text)]


@pytest.mark.parametrize(("where", "command", "expected"), CONSOLE, ids=[c[0] for c in CONSOLE])
def test_console_session_prints_what_the_documentation_shows(
    sandbox: Path, where: str, command: str, expected: list[str]
) -> None:
    actual = _run(command, sandbox)
    if expected and expected[0].startswith("{"):  # a JSON report laid out for reading
        assert json.loads(actual) == json.loads("\n".join(expected))
        assert actual.count("\n") == 1  # printed as one line
        return
    assert _matches(expected, actual.splitlines()), f"{where}:\n{actual}"


def test_the_documentation_has_console_sessions_for_the_main_workflows() -> None:
    commands = " ".join(command for _, command, _ in CONSOLE)
    for option in ("check examples/", "--verbose", "--format json", "--instance", "check -", "images/web.yaml"):
        assert option in commands


PYCON = _of("pycon")


@pytest.mark.parametrize(("where", "text"), PYCON, ids=[where for where, _ in PYCON])
def test_python_session_runs_as_shown(sandbox: Path, monkeypatch: pytest.MonkeyPatch, where: str, text: str) -> None:
    monkeypatch.chdir(sandbox)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    name, line = where.split(":")
    test = doctest.DocTestParser().get_doctest(text, {}, where, str(ROOT / name), int(line))
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda report: pytest.fail(report, pytrace=False))
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples  # a session that runs nothing proves nothing


def test_the_readme_is_a_front_door_under_250_lines() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 250
    assert lines[0] == "# jdcloud-preflight"


def test_no_python_block_goes_untested() -> None:
    assert _of("python") == []  # examples are pycon sessions, so they run


def _sh_commands() -> list[str]:
    commands = []
    for _, text in _of("sh"):
        commands += [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return commands


def test_quick_start_sets_up_with_one_command_and_checks_with_one_more() -> None:
    _, where, quick_start = BLOCKS[0]
    assert where.startswith("README.md:")
    commands = [line for line in quick_start.splitlines() if line and not line.startswith("#")]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]'",
        ".venv/bin/jdcloud-preflight check examples/",
        ".venv/bin/python -m pytest --cov",
    ]
    assert any(command == commands[1] for command, _ in _sessions(_of("console")[0][1]))  # its output is shown


def test_every_shell_command_is_run_or_listed_as_not_runnable(sandbox: Path) -> None:
    for command in _sh_commands():
        if command.startswith(".venv/bin/python -m pytest"):
            continue  # this is the test run itself
        reason = next((why for prefix, why in NOT_RUN.items() if command.startswith(prefix)), None)
        if reason is None:
            _run(command, sandbox)
    schema = json.loads((sandbox / ".vscode" / "createimage.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "urn:jdcloud-preflight:schema:create-image-request"


def test_editor_settings_point_at_the_schema_file() -> None:
    (settings,) = [json.loads(text) for _, text in _of("json")]
    (entry,) = settings["json.schemas"]
    assert entry["url"] == "./.vscode/createimage.schema.json"
    assert "mkdir -p .vscode && jdcloud-preflight schema > .vscode/createimage.schema.json" in _sh_commands()
    yaml_lines = [text.splitlines()[0] for _, text in _of("yaml") if "yaml-language-server" in text]
    assert yaml_lines == ["# yaml-language-server: $schema=../../.vscode/createimage.schema.json"]


def test_the_configuration_example_loads_as_documented(tmp_path: Path) -> None:
    (text,) = [text for _, text in _of("toml") if "[tool.jdcloud-preflight]" in text]
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    settings = load(tmp_path / "pyproject.toml")
    assert settings.root == str(tmp_path)
    assert settings.per_file_ignores == {"legacy/*.json": ("C41",)}
    assert 'fail-on = "error"              # warning (default), error or info' in text


def test_the_configuration_example_works_when_copied_verbatim(tmp_path: Path) -> None:
    """Pasted into a project's pyproject.toml as it stands, the example is a working configuration."""
    (text,) = [text for _, text in _of("toml") if "[tool.jdcloud-preflight]" in text]
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "web.json").write_text('{"name": "web-image", "description": "weekly"}\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "validator", "check", "web.json"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "1 file checked" in done.stdout


def test_ci_snippets_pin_one_commit_and_the_actions_inputs() -> None:
    documents = [yaml.safe_load(text) for _, text in _of("yaml")]
    (workflow,) = [doc for doc in documents if isinstance(doc, dict) and "jobs" in doc]
    steps = workflow["jobs"]["preflight"]["steps"]
    (ours,) = [step for step in steps if step.get("uses", "").startswith("jdcloud-preflight/")]
    (hook,) = [doc for doc in documents if isinstance(doc, dict) and "repos" in doc]
    assert ours["uses"] == f"jdcloud-preflight/jdcloud-preflight@{hook['repos'][0]['rev']}"
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(ours["with"]) <= set(action["inputs"])
    assert action["inputs"]["fail-on"]["default"] == "warning"
    assert re.fullmatch(r"[0-9a-f]{40}", hook["repos"][0]["rev"])  # a full commit id: no release is tagged
    (gitlab,) = [doc for doc in documents if isinstance(doc, dict) and "preflight" in doc]
    assert "--format gitlab" in " ".join(gitlab["preflight"]["script"])


def test_the_command_synopsis_matches_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    (synopsis,) = [text for kind, _, text in BLOCKS if kind == "" and text.startswith("jdcloud-preflight check")]
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    helptext = capsys.readouterr().out
    for option in re.findall(r"--[a-z-]+", synopsis):
        if option != "--help":
            assert option in helptext, option
    for command in ("rules", "explain", "schema"):
        assert f"jdcloud-preflight {command}" in synopsis
    # and the other way round: every option of check --help is in the synopsis
    listed = set(re.findall(r"--[a-z-]+", synopsis))
    assert {option for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", helptext) if option != "--help"} <= listed


def test_the_suppression_example_suppresses_real_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (text,) = [text for _, text in _of("yaml") if "ignore[" in text]
    bare = re.sub(r"\s*# jdcloud-preflight: ignore\[[^\]]*\]", "", text)
    assert "ignore[" not in bare
    (tmp_path / "web.yaml").write_text(bare, encoding="utf-8")
    main(["check", "--format", "json", str(tmp_path / "web.yaml")])
    report = json.loads(capsys.readouterr().out)
    assert sorted(finding["rule"] for finding in report["files"][0]["findings"]) == ["C05", "C44"]


def test_the_documented_defaults_are_the_real_ones() -> None:
    assert "| 0 | no finding at or above `--fail-on` (default `warning`" in DOCS
    from validator.settings import Settings

    assert str(Settings().fail_on) == "warning"
