"""The GitHub and GitLab report formats: golden files over the examples, escaping, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from validator.cli.main import main
from validator.output.github import escape_data, escape_property

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FILES = ["mistakes/device-names.json", "mistakes/sizes-and-iops.yaml"]


@pytest.mark.parametrize(("fmt", "golden"), [("github", "mistakes.github.txt"), ("gitlab", "mistakes.gitlab.json")])
def test_output_matches_golden_file(
    fmt: str, golden: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES)  # paths in the golden files are relative to examples/
    assert main(["check", "--format", fmt, "--lang", "en", *FILES]) == 1
    assert capsys.readouterr().out == (GOLDEN / golden).read_text(encoding="utf-8")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_command_escapes_path_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a,b:c.json"
    path.write_text('{"name": "50%"}')
    main(["check", "--format", "github", str(path)])
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac.json" in line
    assert line.endswith("::name contains \"%25\" (U+0025 PERCENT SIGN) at position 3: only Chinese characters, "
                         "ASCII letters and digits, _, - and . are allowed [API 400 INVALID_ARGUMENT]")  # fmt: skip


def test_gitlab_fingerprints_survive_unrelated_line_moves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}')
    main(["check", "--format", "gitlab", str(path)])
    before = json.loads(capsys.readouterr().out)
    path.write_text(
        '\n\n{"description": "moved",\n "name": "web",\n "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}'
    )
    main(["check", "--format", "gitlab", str(path)])
    after = json.loads(capsys.readouterr().out)
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] for i in (before + after)] == [1, 5]
    assert before[0]["severity"] == "major"
