"""The command line: formats, exit codes, folders, rules and explain."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, ROOT
from validator import __version__
from validator.cli.main import main
from validator.rules import registry


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


GOOD = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'
BAD = '{"name": "web",\n "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'
WARN = '{"name": "web", "dataDisks": [{"deviceName": "vdc"}]}\n'


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["check", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_json_report_has_exactly_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "bad.json", BAD)
    code, report = _json(capsys, str(bad))
    assert code == 1
    assert report == {
        "version": 1,
        "tool": {"name": "jdcloud-preflight", "version": __version__},
        "files": [
            {
                "path": str(bad),
                "findings": [
                    {
                        "rule": "C31",
                        "severity": "error",
                        "message": 'deviceName "vdca" is past the last data-disk slot vdbm '
                        "(slots run vdb…vdz, vdaa…vdaz, vdba…vdbm)",
                        "pointer": "/dataDisks/0/deviceName",
                        "line": 2,
                        "column": 31,
                        "end_line": 2,
                        "end_column": 37,
                        "api": {"status": 400, "code": "OUT_OF_RANGE", "message": None},
                        "fix": None,
                    }
                ],
            }
        ],
        "summary": {"files": 1, "error": 1, "warning": 0, "info": 0},
    }


def test_folders_are_walked_in_order_with_paths_as_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "b/two.yaml", "name: web\n")
    _write(tmp_path, "a.json", GOOD)
    _write(tmp_path, "b/one.yml", "name: web\n")
    _write(tmp_path, "notes.txt", "not a request")
    code, report = _json(capsys, str(tmp_path))
    assert code == 0
    paths = [entry["path"] for entry in report["files"]]  # type: ignore[attr-defined]
    assert paths == [os.path.join(str(tmp_path), name) for name in ("a.json", "b/one.yml", "b/two.yaml")]


@pytest.mark.parametrize(
    ("content", "fail_on", "expected"),
    [
        (GOOD, "error", 0),
        (BAD, "error", 1),
        (WARN, "error", 0),
        (WARN, "warning", 1),
        (GOOD, "info", 0),
        # Info only: AutoDelete is spelt autoDelete (C05).
        ('{"name": "web", "dataDisks": [{"deviceName": "vdc", "AutoDelete": true}]}', "warning", 0),
        ('{"name": "web", "dataDisks": [{"deviceName": "vdc", "AutoDelete": true}]}', "info", 1),
    ],
)
def test_exit_codes_follow_fail_on(tmp_path: Path, content: str, fail_on: str, expected: int) -> None:
    path = _write(tmp_path, "r.json", content)
    assert main(["check", "--fail-on", fail_on, str(path)]) == expected


def test_unparseable_file_is_a_finding_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "r.json", '{"name": ')
    code, report = _json(capsys, str(path))
    assert code == 1
    (finding,) = report["files"][0]["findings"]  # type: ignore[index]
    assert finding["rule"] == "C01"
    assert finding["line"] == 1


def test_missing_path_is_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path, "good.json", GOOD)
    code = main(["check", str(good), str(tmp_path / "missing.json")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1
    assert "missing.json" in captured.err
    assert "1 file checked" in captured.out  # the readable file is still reported


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_only_a_missing_path_is_one_line_and_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code = main(["check", "--format", fmt, str(tmp_path / "missing.json")])
    captured = capsys.readouterr()
    assert code == 2
    # Text: no "0 files checked" line that reads like a pass; JSON: the empty report machines expect.
    assert captured.out == "" if fmt == "text" else json.loads(captured.out)["files"] == []
    assert captured.err.splitlines() == [
        f"jdcloud-preflight: cannot read {tmp_path / 'missing.json'}: no such file or folder"
    ]


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["check"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["check", "--format", "xml", "x.json"])
    assert raised.value.code == 2
    assert main(["check", "--max-bytes", "0", "x.json"]) == 2
    capsys.readouterr()


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "r.json", BAD)
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f'{path}:2:31: error C31 deviceName "vdca" is past the last data-disk slot vdbm '
        "(slots run vdb…vdz, vdaa…vdaz, vdba…vdbm) [API 400 OUT_OF_RANGE]"
    )
    assert lines[-1] == "1 file checked: 1 error(s), 0 warning(s), 0 info"


def test_text_output_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "r.json", BAD)
    main(["check", "--lang", "zh", str(path)])
    out = capsys.readouterr().out
    assert "超出最后一个数据盘盘符" in out
    assert "已检查 1 个文件" in out


def test_lang_defaults_from_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "r.json", BAD)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    main(["check", str(path)])
    assert "超出" in capsys.readouterr().out


def test_oversized_file_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "big.json", '{"name": "' + "a" * 5000 + '"}')
    code, report = _json(capsys, "--max-bytes", "1000", str(path))
    assert code == 1
    (finding,) = report["files"][0]["findings"]  # type: ignore[index]
    assert finding["rule"] == "C01"
    assert "limit" in finding["message"]


def test_examples_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _json(capsys, str(EXAMPLES))
    assert code == 1
    by_name = {Path(entry["path"]).name: entry["findings"] for entry in report["files"]}  # type: ignore[attr-defined]
    assert not [f for f in by_name["reference-example-unmasked.json"] if f["severity"] == "error"]
    assert not [f for f in by_name["sdk-serialised.json"] if f["severity"] == "error"]
    assert by_name["web-image.yaml"] == []
    for name in ("masked-ids.json", "device-names.json", "sizes-and-iops.yaml", "types-and-keys.json", "not-json.json"):
        assert [f for f in by_name[name] if f["severity"] == "error"], name


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [rule.id for rule in registry.RULES]


@pytest.mark.parametrize("rule", [rule.id for rule in registry.RULES])
def test_explain_every_rule(rule: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule.lower()]) == 0
    out = capsys.readouterr().out
    assert out.startswith(rule)
    assert "Bad:" in out
    assert "Good:" in out


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "C99"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_readme_quick_start_names_the_real_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]'" in readme
    assert "pip install -e '.[test]'" in ci
    assert ".venv/bin/python -m pytest --cov\n" in readme
    assert ".venv/bin/python -m pytest --cov\n" in ci
    assert ".venv/bin/jdcloud-preflight check examples/" in readme


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_jobs_1_and_2_give_identical_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from validator.cli.parallel import PARALLEL_MIN_FILES

    for index in range(PARALLEL_MIN_FILES + 16):
        content = (GOOD, BAD, WARN, '{"name": ', "name: x\n")[index % 5]
        _write(tmp_path, f"r{index:03d}.{'yaml' if index % 5 == 4 else 'json'}", content)
    outputs = []
    for jobs in ("1", "2"):
        code = main(["check", "--format", fmt, "--jobs", jobs, str(tmp_path)])
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1
    assert outputs[0][1].count("C31") >= 16


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "0", "x.json"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_without_a_process_pool_the_check_runs_serially(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    from validator.cli.parallel import PARALLEL_MIN_FILES

    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    for index in range(PARALLEL_MIN_FILES):
        _write(tmp_path, f"r{index:03d}.json", BAD)
    assert main(["check", "--format", "json", "--jobs", "2", str(tmp_path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["summary"] == {"files": PARALLEL_MIN_FILES, "error": PARALLEL_MIN_FILES, "warning": 0, "info": 0}
