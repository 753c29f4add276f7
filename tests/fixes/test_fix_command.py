"""`check --fix`, `--unsafe-fixes` and `--diff` through the command line, and the fix in every report
format (issue 13)."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from tests.helpers import MIXED
from validator.cli.main import main
from validator.core import pipeline
from validator.rules import registry
from validator.workspace import file_check

SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"

SAFE_FIXED = (
    "# weekly image\n"
    "name: web\n"
    "dataDisks:\n"
    "  - deviceName: vdh  # new disk\n"
    "    cloudDiskSpec:\n"
    "      diskType: ssd.gp1\n"
    "      diskSizeGB: 45\n"
)
ALL_FIXED = SAFE_FIXED.replace("diskSizeGB: 45", "diskSizeGB: 50")


def _write(folder: Path, name: str, content: str | bytes, mode: int = 0o640) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    path.chmod(mode)
    return path


def test_fix_applies_the_safe_fixes_in_place_and_reports_what_remains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    code = main(["check", "--fix", str(path)])
    out = capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert code == 1  # the C43 error remains
    assert out.splitlines() == [
        f"{path}:7:19: error C43 diskSizeGB 45 is not a multiple of 10 [API 400 OUT_OF_RANGE: "
        "DataDisks.CloudDiskSpec.DiskSizeGB out of range]",
        "fixed 2 findings; 1 more fixable with --unsafe-fixes",
        "1 file checked: 1 error(s), 0 warning(s), 0 info",
    ]


def test_fix_checks_each_text_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file as it is, then the text after the one pass that fixes C05 and C48: two checks, not three
    (the file's own check is the fixing's first)."""
    checked: list[str] = []
    real = pipeline.check_text

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        checked.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check_text", counting)
    monkeypatch.setattr(file_check, "check_text", counting)
    path = _write(tmp_path, "image.yaml", MIXED)
    assert main(["check", "--fix", str(path)]) == 1
    capsys.readouterr()
    assert checked == [MIXED, SAFE_FIXED]


def test_fix_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED, mode=0o604)
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.yaml"]


def test_unsafe_fixes_fix_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    code = main(["check", "--fix", "--unsafe-fixes", str(path)])
    out = capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == ALL_FIXED
    assert code == 0
    assert out.splitlines() == ["fixed 3 findings", "1 file checked: 0 error(s), 0 warning(s), 0 info"]


def test_a_second_fix_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--fix", "--unsafe-fixes", str(path)])
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert main(["check", "--fix", "--unsafe-fixes", str(path)]) == 0
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    assert capsys.readouterr().out.splitlines()[-2] == "fixed 0 findings"


def test_diff_shows_the_change_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    code = main(["check", "--diff", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    assert path.read_text(encoding="utf-8") == MIXED
    assert captured.out == (
        f"--- a/{str(path).lstrip('/')}\n"  # an absolute path as git diff writes it
        f"+++ b/{str(path).lstrip('/')}\n"
        "@@ -1,8 +1,7 @@\n"
        " # weekly image\n"
        " name: web\n"
        "-DataDisks:\n"
        "+dataDisks:\n"
        "   - deviceName: vdh  # new disk\n"
        "     cloudDiskSpec:\n"
        "       diskType: ssd.gp1\n"
        "-      az: cn-north-1a\n"
        "       diskSizeGB: 45\n"
    )
    assert "would fix 2 finding(s)" in captured.err


def test_diff_with_unsafe_fixes_and_a_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    assert main(["check", "--diff", "--unsafe-fixes", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-      diskSizeGB: 45\n+      diskSizeGB: 50\n" in out
    clean = _write(tmp_path, "clean.yaml", ALL_FIXED)
    assert main(["check", "--diff", "--unsafe-fixes", str(clean)]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert path.read_text(encoding="utf-8") == MIXED


def test_diff_marks_a_missing_final_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.json", '{"Name": "web"}')
    assert main(["check", "--diff", str(path)]) == 1
    assert capsys.readouterr().out.endswith(
        '-{"Name": "web"}\n\\ No newline at end of file\n+{"name": "web"}\n\\ No newline at end of file\n'
    )


def test_text_report_marks_fixable_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    assert main(["check", "--fail-on", "info", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f'{path}:3:1: info C05 [*] key "DataDisks" is documented as "dataDisks"'
    assert lines[1].startswith(f"{path}:7:11: warning C48 [*] az is ignored")
    assert lines[2].startswith(f"{path}:8:19: error C43 diskSizeGB 45")  # unsafe: no mark without the option
    assert lines[-2] == "[*] 2 fixable with --fix (1 more with --unsafe-fixes)"
    assert lines[-1] == "1 file checked: 1 error(s), 1 warning(s), 1 info"
    main(["check", "--unsafe-fixes", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].startswith(f"{path}:8:19: error C43 [*] diskSizeGB 45")
    assert lines[-2] == "[*] 3 fixable with --fix --unsafe-fixes"
    assert path.read_text(encoding="utf-8") == MIXED


def test_text_report_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--lang", "zh", str(path)])
    assert capsys.readouterr().out.splitlines()[-2] == "[*] 2 个可用 --fix 修复（另有 1 个可加 --unsafe-fixes 修复）"
    main(["check", "--lang", "zh", "--fix", str(path)])
    assert capsys.readouterr().out.splitlines()[-2] == "已修复 2 个发现项；另有 1 个可加 --unsafe-fixes 修复"


def test_no_fix_line_when_nothing_is_fixable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.json", '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n')
    main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[-1].startswith("1 file checked")


def test_only_unsafe_fixes_are_counted_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.json", '{"name": "web", "dataDisk": [{"deviceName": "vdc", "noDevice": true}]}\n')
    main(["check", str(path)])
    assert capsys.readouterr().out.splitlines()[-2] == "1 fixable with --fix --unsafe-fixes"
    main(["check", "--lang", "zh", str(path)])
    assert capsys.readouterr().out.splitlines()[-2] == "1 个可用 --fix --unsafe-fixes 修复"


def test_quiet_prints_no_fix_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--quiet", "--fix", str(path)])
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:7:19: error C43 diskSizeGB 45 is not a multiple of 10 [API 400 OUT_OF_RANGE: "
        "DataDisks.CloudDiskSpec.DiskSizeGB out of range]"
    ]


def test_stdin_is_fixed_to_stdout(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode("utf-8"))))
    code = main(["check", "--fix", "--stdin-filename", "images/web.yaml", "-"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == SAFE_FIXED
    assert "images/web.yaml:7:19: error C43" in captured.err
    assert "fixed 2 findings; 1 more fixable with --unsafe-fixes" in captured.err


def test_stdin_that_cannot_be_fixed_passes_through(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = b'{"Name": "web",'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(broken)))
    assert main(["check", "--fix", "-"]) == 1
    captured = capsys.readouterr()
    assert captured.out == broken.decode()
    assert "error C01" in captured.err


def test_stdin_diff(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode("utf-8"))))
    assert main(["check", "--diff", "--unsafe-fixes", "--stdin-filename", "images/web.yaml", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/images/web.yaml\n+++ b/images/web.yaml\n")
    assert "+      diskSizeGB: 50\n" in out


def test_a_walk_fixes_only_requests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    request = _write(tmp_path, "image.yaml", MIXED)
    package = _write(tmp_path, "package.json", '{"name": "x", "version": "1.0.0", "Description": "y"}\n')
    main(["check", "--fix", str(tmp_path)])
    capsys.readouterr()
    assert request.read_text(encoding="utf-8") == SAFE_FIXED
    assert package.read_text(encoding="utf-8") == '{"name": "x", "version": "1.0.0", "Description": "y"}\n'
    # Named, a file is always checked, and so fixed: the walk left it alone because it is no request.
    main(["check", "--fix", str(package)])
    capsys.readouterr()
    assert package.read_text(encoding="utf-8") == '{"name": "x", "version": "1.0.0", "description": "y"}\n'


def test_json_report_gives_each_finding_its_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path,
        "image.json",
        '{"name": "web",\n "Description": "x",\n "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n',
    )
    main(["check", "--format", "json", "--fail-on", "info", str(path)])
    report = json.loads(capsys.readouterr().out)
    findings = {finding["rule"]: finding for finding in report["files"][0]["findings"]}
    assert findings["C31"]["fix"] is None
    assert findings["C05"]["fix"] == {
        "applicability": "safe",
        "edits": [
            {
                "start": 17,
                "end": 30,
                "replacement": '"description"',
                "start_line": 2,
                "start_column": 2,
                "end_line": 2,
                "end_column": 15,
            }
        ],
    }
    assert list(findings["C05"]) == [
        "rule", "severity", "message", "pointer", "line", "column", "end_line", "end_column", "api", "fix"
    ]  # fmt: skip
    assert set(report) == {"version", "tool", "files", "summary"}


def test_json_report_after_fix_has_only_what_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--format", "json", "--fix", str(path)])
    report = json.loads(capsys.readouterr().out)
    (finding,) = report["files"][0]["findings"]
    assert finding["rule"] == "C43"
    assert finding["fix"]["applicability"] == "unsafe"
    assert report["summary"] == {"files": 1, "error": 1, "warning": 0, "info": 0}


def test_sarif_carries_the_fixes_and_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--format", "sarif", "--fail-on", "info", str(path)])
    log = json.loads(capsys.readouterr().out)
    Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    results = {result["ruleId"]: result for result in log["runs"][0]["results"]}
    (fix,) = results["C48"]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == path.as_uri()  # outside the working folder: absolute
    (replacement,) = change["replacements"]
    start = MIXED.index("      az:")
    assert replacement["deletedRegion"]["charOffset"] == start
    assert replacement["deletedRegion"]["charLength"] == len("      az: cn-north-1a\n")
    assert replacement["insertedContent"] == {"text": ""}
    assert "unsafe" in results["C43"]["fixes"][0]["description"]["text"]
    assert results["C43"]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "50"}
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_a_file_that_cannot_be_read_as_a_request_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _write(tmp_path, "broken.json", '{"Name": "web",\n')
    utf16 = _write(tmp_path, "wide.json", '{"Name": "web"}'.encode("utf-16"))
    assert main(["check", "--fix", str(broken), str(utf16)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:2:1: error C01" in out
    assert f"{utf16}:1:2: info C05" in out
    assert broken.read_text(encoding="utf-8") == '{"Name": "web",\n'
    assert utf16.read_bytes() == '{"Name": "web"}'.encode("utf-16")


def test_a_file_that_cannot_be_written_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)

    def refuse(_source: str, _target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["check", "--fix", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write the fixed {path}: Permission denied; it is left as it was" in err
    assert path.read_text(encoding="utf-8") == MIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.yaml"]


def test_a_symbolic_link_is_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _write(tmp_path, "real.yaml", MIXED)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    main(["check", "--fix", str(link)])
    capsys.readouterr()
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == SAFE_FIXED


def test_line_endings_and_byte_order_mark_survive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.json", b'\xef\xbb\xbf{\r\n  "Name": "web"\r\n}\r\n')
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert path.read_bytes() == b'\xef\xbb\xbf{\r\n  "name": "web"\r\n}\r\n'


def test_many_files_are_fixed_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli.parallel import PARALLEL_MIN_FILES

    files = PARALLEL_MIN_FILES + 6
    paths = [_write(tmp_path, f"image-{index:03}.yaml", MIXED) for index in range(files)]
    assert main(["check", "--fix", "--jobs", "2", str(tmp_path)]) == 1
    last = f"fixed {2 * files} findings; {files} more fixable with --unsafe-fixes"
    assert capsys.readouterr().out.splitlines()[-2] == last
    assert all(path.read_text(encoding="utf-8") == SAFE_FIXED for path in paths)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_says_for_every_rule_whether_and_how_it_is_fixed(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    for rule in registry.RULES:
        main(["explain", rule.id, "--lang", lang])
        out = capsys.readouterr().out
        note = rule.fix
        if note is None:
            assert ("修复：无" if lang == "zh" else "Fix: none") in out
        else:
            applicability, how = note.applicability, note.how
            label = {
                ("en", "safe"): "Fix (safe, --fix): ",
                ("en", "unsafe"): "Fix (unsafe, --fix --unsafe-fixes): ",
                ("zh", "safe"): "修复（安全，--fix）：",
                ("zh", "unsafe"): "修复（不安全，--fix --unsafe-fixes）：",
            }[lang, applicability.value]
            assert label + how.render(lang) in out


def test_every_rule_that_offers_a_fix_is_documented() -> None:
    fix_notes = {rule.id for rule in registry.RULES if rule.fix is not None}
    assert fix_notes == {"C02", "C03", "C04", "C05", "C06", "C34", "C41", "C43", "C44", "C45", "C48"}
    assert fix_notes <= set(registry.BY_ID)


def test_the_json_reports_edits_apply_to_the_file_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tool that reads the JSON report can apply its edits itself: applied from the end backwards to
    the file's text, the safe ones give what --fix writes."""
    path = _write(tmp_path, "image.yaml", MIXED)
    main(["check", "--format", "json", "--fail-on", "info", str(path)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    edits = [edit for f in findings if f["fix"] and f["fix"]["applicability"] == "safe" for edit in f["fix"]["edits"]]
    text = MIXED
    for edit in sorted(edits, key=lambda edit: edit["start"], reverse=True):
        text = text[: edit["start"]] + edit["replacement"] + text[edit["end"] :]
    assert text == SAFE_FIXED
    lines = MIXED.splitlines(keepends=True)
    for edit in edits:
        offset = sum(len(line) for line in lines[: edit["start_line"] - 1]) + edit["start_column"] - 1
        assert offset == edit["start"]


def test_diff_with_a_path_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    assert main(["check", "--diff", str(path), str(tmp_path / "missing.json")]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith(f"--- a/{str(path).lstrip('/')}\n")
    assert f"cannot read {tmp_path / 'missing.json'}" in captured.err
    assert path.read_text(encoding="utf-8") == MIXED


def test_a_file_whose_only_fix_is_refused_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Removing az would remove the anchor the alias below needs: refused, the file keeps its bytes and time.
    text = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      az: &zone cn-north-1a\n      diskType: ssd.gp1\n      diskSizeGB: 40\n  - deviceName: vdc\n    noDevice: true\n    zone: *zone\n"
    path = _write(tmp_path, "image.yaml", text)
    before = path.stat().st_mtime_ns
    main(["check", "--fix", str(path)])
    out = capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime_ns == before
    assert "warning C48 az is ignored" in out  # reported, with no [*]: its fix was refused
    assert "fixed 0 findings" in out
