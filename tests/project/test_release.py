"""Releases: the version, the LICENSE and CHANGELOG, and the README's pre-commit snippet used verbatim by
real `pre-commit` and `git commit` against a plain clone of this repository, nothing added to it: the
snippet pins a full commit id that the clone holds. Git maps the snippet's repository address to that clone
(url.<clone>.insteadOf), so not a character of the snippet changes and nothing touches the network."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, documentation_text
from validator import __version__

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = documentation_text()
IDENTITY = ("-c", "user.name=t", "-c", "user.email=t@example.invalid")


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env)
    return result.stdout


def test_the_version_is_one_in_pyproject_and_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__ == "0.2.0"


def test_the_license_file_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "Apache-2.0"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text
    assert "Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text


def test_the_changelog_starts_with_this_release() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", text, re.MULTILINE)
    assert releases[0] == __version__
    assert releases == ["0.2.0"]  # the changelog starts with this release


def _snippet() -> str:
    (block,) = [
        match.group(1)
        for match in re.finditer(r"^```yaml\n(.*?)^```$", README, re.MULTILINE | re.DOTALL)
        if match.group(1).startswith("# .pre-commit-config.yaml")
    ]
    return block


def _pin() -> str:
    (repo,) = yaml.safe_load(_snippet())["repos"]
    return str(repo["rev"])


def test_the_snippets_pin_one_full_commit_id() -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", _pin()), _pin()
    uses = re.findall(r"uses: jdcloud-preflight/jdcloud-preflight@(\S+)", README)
    assert uses == [_pin()]
    assert "pre-commit autoupdate" in DOCS
    assert "v0.1.0" not in DOCS


def _in_git() -> bool:
    result = subprocess.run(["git", "rev-parse", "--git-dir"], cwd=ROOT, capture_output=True, check=False)
    return result.returncode == 0


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain clone of this repository, as delivered: its committed history, nothing added."""
    if not _in_git():
        pytest.skip("not a git checkout (an unpacked sdist): there is no history to pin")
    clone = tmp_path_factory.mktemp("release") / "jdcloud-preflight"
    _git(ROOT, "clone", "-q", "--no-hardlinks", str(ROOT), str(clone))
    return clone


def test_the_pin_is_a_commit_of_the_clone_at_or_before_its_head(released: Path) -> None:
    pin = _pin()
    assert _git(released, "cat-file", "-t", pin).strip() == "commit"
    ancestor = subprocess.run(["git", "merge-base", "--is-ancestor", pin, "HEAD"], cwd=released, check=False)
    assert ancestor.returncode == 0, f"{pin} is not HEAD or an ancestor of it"
    hooks = yaml.safe_load(_git(released, "show", f"{pin}:.pre-commit-hooks.yaml"))
    (snippet_repo,) = yaml.safe_load(_snippet())["repos"]
    assert {hook["id"] for hook in snippet_repo["hooks"]} <= {hook["id"] for hook in hooks}
    action = yaml.safe_load(_git(released, "show", f"{pin}:action.yml"))
    assert {"paths", "fail-on", "sarif-file"} <= set(action["inputs"])


def test_the_pinned_hooks_and_action_are_the_documented_ones(released: Path) -> None:
    """What docs/pre-commit.md and docs/ci.md describe is what the pin runs: the hook entries and the
    action at the pinned commit are those of the checkout (a pin left behind would run older hooks)."""
    pin = _pin()
    for name in (".pre-commit-hooks.yaml", "action.yml"):
        pinned = yaml.safe_load(_git(released, "show", f"{pin}:{name}"))
        assert pinned == yaml.safe_load((ROOT / name).read_text(encoding="utf-8")), f"{name} differs at the pin"


def _env(released: Path) -> dict[str, str]:
    (repo,) = yaml.safe_load(_snippet())["repos"]
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith("GIT_")},
        "PRE_COMMIT_HOME": str(released.parent / "pre-commit-home"),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{released}.insteadOf",
        "GIT_CONFIG_VALUE_0": repo["repo"],
    }


LOST_SETTINGS = (
    "name: web-2026.11\n"
    "dataDisk:\n"  # the exclusion of vdc is silently lost
    "  - deviceName: vdc\n"
    "    noDevice: true\n"
)
MISSPELT_SPEC = (
    '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdd", '
    '"cloudDiskSpecs": {"diskType": "ssd.gp1", "diskSize": 100}}]}\n'
)
VALID = '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'


@pytest.fixture
def consumer(tmp_path: Path, released: Path) -> Path:
    """A repository that uses the README's snippet, verbatim, with the hook installed."""
    _git(tmp_path, "init", "-q")
    (tmp_path / ".pre-commit-config.yaml").write_text(_snippet(), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "my-app", "version": "1.0.0"}\n')
    images = tmp_path / "deploy" / "images"
    images.mkdir(parents=True)
    (images / "web.json").write_text(VALID)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=tmp_path,
        env=_env(released),
        check=True,
        capture_output=True,
    )
    return tmp_path


def _commit(consumer: Path, released: Path) -> subprocess.CompletedProcess[str]:
    _git(consumer, "add", "-A")
    return subprocess.run(
        ["git", *IDENTITY, "commit", "-m", "images"],
        cwd=consumer,
        env=_env(released),
        capture_output=True,
        text=True,
        check=False,
    )


def test_git_commit_with_the_snippet_passes_a_valid_request(consumer: Path, released: Path) -> None:
    answer = consumer / "deploy" / "images" / "describe-instance.json"
    answer.write_text('{"requestId": "r", "result": {"instance": {"instanceId": "i-eumm7k2qd6", "status": "running"}}}')
    result = _commit(consumer, released)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "jdcloud-preflight" in result.stdout + result.stderr
    assert "Passed" in result.stdout + result.stderr


def test_git_commit_shows_and_stops_the_silent_losses(consumer: Path, released: Path) -> None:
    """The issue's commit: `dataDisk`, `cloudDiskSpecs` and `diskSize` only warn, and the hook now fails on
    them, so pre-commit shows them."""
    (consumer / "deploy" / "images" / "lost.yaml").write_text(LOST_SETTINGS)
    (consumer / "deploy" / "images" / "misspelt.json").write_text(MISSPELT_SPEC)
    result = _commit(consumer, released)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert 'deploy/images/lost.yaml:2:1: warning C04 unknown key "dataDisk"' in output
    assert 'warning C04 unknown key "cloudDiskSpecs"' in output
    assert "package.json" not in output  # outside files: ^deploy/images/
    assert _git(consumer, "rev-list", "--all") == ""  # nothing was committed


def test_pre_commit_autoupdate_moves_the_pin_to_the_newest_tag(
    tmp_path: Path, released: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    clone = tmp_path_factory.mktemp("newer") / "jdcloud-preflight"
    _git(clone.parent, "clone", "-q", str(released), str(clone))
    (clone / "CHANGELOG.md").write_text((clone / "CHANGELOG.md").read_text() + "\n")
    _git(clone, *IDENTITY, "commit", "-q", "-am", "next")
    _git(clone, *IDENTITY, "tag", "-a", "v9.9.9", "-m", "next")
    _git(tmp_path, "init", "-q")
    (tmp_path / ".pre-commit-config.yaml").write_text(_snippet(), encoding="utf-8")
    env = {**_env(released), "GIT_CONFIG_KEY_0": f"url.{clone}.insteadOf"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "autoupdate"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())["repos"]
    assert repo["rev"] == "v9.9.9"


def test_the_wheel_ships_py_typed_and_the_license(built_wheel: Path) -> None:
    import zipfile

    assert built_wheel.name.startswith(f"jdcloud_preflight-{__version__}-")
    wheel = built_wheel
    names = zipfile.ZipFile(wheel).namelist()
    assert "validator/py.typed" in names
    assert any(name.endswith("licenses/LICENSE") or name.endswith("/LICENSE") for name in names), names


def test_hook_args_fail_on_error_lets_warnings_through(consumer: Path, released: Path) -> None:
    """The README's advice: `args: [--fail-on, error]` in the hook entry."""
    config = consumer / ".pre-commit-config.yaml"
    document = yaml.safe_load(config.read_text())
    document["repos"][0]["hooks"][0]["args"] = ["--fail-on", "error"]
    config.write_text(yaml.safe_dump(document))
    assert "args: [--fail-on, error]" in README
    (consumer / "deploy" / "images" / "lost.yaml").write_text(LOST_SETTINGS)
    result = _commit(consumer, released)
    assert result.returncode == 0, result.stdout + result.stderr
