"""Issue 10, output: every format is valid UTF-8 in every locale, whatever a request or a file name holds
(lone surrogates, non-UTF-8 bytes, control characters); text and GitHub output keep one finding on one
line; JUnit stays well-formed XML. Escaped, never dropped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import check_create_image
from validator.cli.arguments import FORMATS
from validator.cli.check import render_report as _render
from validator.core.finding import Finding, Severity
from validator.output import FileResult
from validator.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LOCALES = ("C", "C.UTF-8", "en_US.UTF-8", "POSIX")


def _cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "validator", *args], cwd=cwd, env=environment, capture_output=True, timeout=60
    )


def _parsed(fmt: str, out: bytes) -> Any:
    """The output parsed as its format says, after checking it is UTF-8."""
    text = out.decode("utf-8")  # raises on anything that is not valid UTF-8
    if fmt in ("json", "sarif", "gitlab"):
        return json.loads(text)
    if fmt == "junit":
        return ElementTree.fromstring(out)
    return text


# --- lone surrogates and non-UTF-8 file names, through the command line in several locales ---


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_lone_surrogate_in_a_value_is_escaped_in_every_format(tmp_path: Path, fmt: str, locale: str) -> None:
    (tmp_path / "r.json").write_text('{"name": "ab\\ud800", "dataDisks": [], "x\\udfff": 1}', encoding="ascii")
    result = _cli("check", "--format", fmt, "r.json", cwd=tmp_path, env={"LC_ALL": locale})
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    parsed = _parsed(fmt, result.stdout)
    if fmt == "json":  # the JSON report keeps the very string, as a JSON escape
        messages = [f["message"] for f in parsed["files"][0]["findings"]]
        assert any("\ud800" in message for message in messages)
    if fmt in ("text", "github", "junit"):
        assert "\\ud800" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_non_utf8_file_name_is_escaped_in_every_format(tmp_path: Path, fmt: str, locale: str) -> None:
    name = b"bad\xff\xfe.json"
    with open(os.path.join(os.fsencode(tmp_path), name), "w", encoding="utf-8") as handle:
        handle.write('{"name": "web", "bogus": true}')  # one finding: the unknown key (C04)
    result = _cli("check", "--format", fmt, "--fail-on", "info", ".", cwd=tmp_path, env={"LC_ALL": locale})
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    parsed = _parsed(fmt, result.stdout)
    text = result.stdout.decode("utf-8")
    if fmt == "json":
        (entry,) = parsed["files"]
        assert os.fsencode(entry["path"]).endswith(name)  # the JSON escape gives the file's own bytes back
    elif fmt == "sarif":
        (finding,) = parsed["runs"][0]["results"]
        assert finding["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad%FF%FE.json")
        jsonschema.validate(parsed, SARIF_SCHEMA)
    elif fmt == "gitlab":
        (issue,) = parsed
        assert os.fsencode(issue["location"]["path"]).endswith(name)
    else:
        assert "bad\\xff\\xfe.json" in text


def test_strict_ascii_output_encoding_still_gets_utf8(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"name": "镜像\\ud800"}', encoding="utf-8")
    result = _cli("check", "--lang", "zh", "r.json", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    text = result.stdout.decode("utf-8")
    assert "\\ud800" in text
    assert "已检查 1 个文件" in text


def test_surrogate_in_a_context_file_is_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"regionId": "cn-north-1", "instanceId": "i-abc123", "name": "web"}')
    (tmp_path / "i.json").write_text('{"instanceId": "i-\\ud800", "status": "running"}')
    result = _cli("check", "--instance", "i.json", "r.json", cwd=tmp_path, env={"LC_ALL": "C.UTF-8"})
    assert b"Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    assert "i-\\ud800" in result.stdout.decode("utf-8")


def test_stderr_lines_are_utf8_too(tmp_path: Path) -> None:
    os.mkdir(os.path.join(os.fsencode(tmp_path), b"gone\xff"))
    result = _cli("check", os.fsdecode(b"missing\xff.json"), cwd=tmp_path, env={"LC_ALL": "C.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == "jdcloud-preflight: cannot read missing\\xff.json: no such file or folder\n"


# --- control characters: one finding is one line, and no value forges a workflow command ---

# An unknown key is quoted in its finding's message as written.
FORGE = '"k\\n::error file=deploy.yml,line=1::forged\\e]0;title\\a\\0\\x85\\u2028end": 1\nname: web\n'


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_cannot_start_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from validator.cli.main import main

    path = tmp_path / "r.yaml"
    path.write_text(FORGE, encoding="utf-8")
    assert main(["check", "--format", fmt, "--fail-on", "warning", str(path)]) == 1
    out = capsys.readouterr().out
    findings = check_create_image(FORGE, filename="r.yaml").findings
    lines = out.splitlines()
    assert len(lines) == len(findings) + (1 if fmt == "text" else 0)
    assert not any(line.startswith("::error file=deploy.yml") for line in lines)
    assert not any(char in out for char in "\x1b\x07\x00\x85\u2028")
    assert "k\\n::error file=deploy.yml,line=1::forged\\x1b]0;title\\x07\\x00\\x85\\u2028end" in out


def test_junit_never_holds_characters_illegal_in_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli.main import main

    path = tmp_path / "r.json"
    # The name fails C22, the unknown key is a C04 warning: both messages hold the characters.
    path.write_text('{"name": "a\\u001bb", "x\\u001b\\u0000\\ufffe\\ud800y": 1}', encoding="ascii")
    assert main(["check", "--format", "junit", str(path)]) == 1
    out = capsys.readouterr().out
    root = ElementTree.fromstring(out.encode("utf-8"))  # well-formed
    texts = [(element.get("message") or "") + (element.text or "") for element in root.iter("failure")]
    texts += [element.text or "" for element in root.iter("system-out")]
    assert any("\\x1b" in text for text in texts)
    assert any("x\\x1b\\x00\\ufffe\\ud800y" in text for text in texts)


# --- the property: any value, any file name, every format ---

_ANY_TEXT = st.text(
    st.characters(codec=None, exclude_categories=()) | st.sampled_from("\n\r\x00\x1b\x85\u2028\ud800\udcff"),
    max_size=12,
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
_REQUEST = st.fixed_dictionaries(
    {}, optional={"name": _JSON, "description": _JSON, "dataDisks": _JSON, "regionId": _JSON}
) | st.dictionaries(_ANY_TEXT, _JSON, max_size=3)


def _check(fmt: str, results: list[FileResult]) -> None:
    out = _render(fmt, results, "en", Settings()).encode("utf-8")  # raises if anything is not encodable
    parsed = _parsed(fmt, out)
    count = sum(len(result.findings) for result in results)
    if fmt == "sarif":
        jsonschema.validate(parsed, SARIF_SCHEMA)
        assert len(parsed["runs"][0]["results"]) == count
    elif fmt == "json":
        assert sum(len(entry["findings"]) for entry in parsed["files"]) == count
    elif fmt == "gitlab":
        assert len(parsed) == count
    elif fmt == "junit":
        assert len(parsed.findall("testsuite")) == len(results)
    elif fmt == "text":
        assert len(parsed.splitlines()) == count + 1
    else:
        assert len(parsed.splitlines()) == count


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_ANY_TEXT.filter(bool), _REQUEST), min_size=1, max_size=3),
    st.sampled_from(["en", "zh"]),
)
def test_every_format_is_valid_utf8_and_parses_for_any_value_and_file_name(
    files: list[tuple[str, dict[str, Any]]], lang: str
) -> None:
    results = [FileResult(path, check_create_image(request, lang=lang).findings) for path, request in files]
    for fmt in FORMATS:
        _check(fmt, results)


@settings(max_examples=100, deadline=None)
@given(_ANY_TEXT, _ANY_TEXT, _ANY_TEXT)
def test_every_format_survives_any_finding_text(path: str, message: str, pointer: str) -> None:
    finding = Finding("C22", Severity.ERROR, message, pointer, 1, 1)
    for fmt in FORMATS:
        _check(fmt, [FileResult(path, (finding, attrs.evolve(finding, line=None, column=None)))])
