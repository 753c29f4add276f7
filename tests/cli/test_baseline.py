"""Baselines through the installed command: recorded by --write-baseline, applied by --baseline or the
configuration's baseline, matched by file, rule and pointer (never by line), unused entries listed by
--verbose, the file sorted and stable; a C01 finding never baselined."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.config.test_per_file_config import findings, run
from validator.core import baseline
from validator.core.finding import Finding, Severity

IOPS = (
    '{"name": "web", "dataDisks": [{"deviceName": "vdc", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}]}\n'
)
MOVED = (
    '\n\n{\n  "dataDisks": [\n    {"cloudDiskSpec": {"iops": 3000, "diskSizeGB": 100, "diskType": "ssd.gp1"},\n'
    '     "deviceName": "vdc"}],\n  "name": "web"\n}\n'
)
TWO = (
    '{"name": "web", "dataDisks": [{"deviceName": "vdc", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}, {"deviceName": "vdd", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}]}\n'
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "web.json").write_text(IOPS)
    (tmp_path / "images" / "b.yaml").write_text("name: web-b\ndataDisks:\n  - deviceName: vdca\n    noDevice: true\n")
    return tmp_path


def write_baseline(project: Path, *paths: str, name: str = "baseline.json") -> dict[str, object]:
    result = run(project, "check", "--write-baseline", name, *(paths or ("images",)))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    return dict(json.loads((project / name).read_text()))


def test_the_baseline_records_every_finding_sorted_with_a_version(project: Path) -> None:
    baseline = write_baseline(project)
    assert baseline == {
        "version": 1,
        "findings": [
            {
                "path": "images/b.yaml",
                "rule": "C31",
                "pointer": "/dataDisks/0/deviceName",
                "count": 1,
                "message": 'deviceName "vdca" is past the last data-disk slot vdbm '
                "(slots run vdb…vdz, vdaa…vdaz, vdba…vdbm)",
            },
            {
                "path": "images/web.json",
                "rule": "C44",
                "pointer": "/dataDisks/0/cloudDiskSpec/iops",
                "count": 1,
                "message": 'iops is ignored for diskType "ssd.gp1": only ssd.io1 takes a provisioned IOPS',
            },
        ],
    }


def test_the_baseline_is_byte_for_byte_the_same_from_any_folder_and_spelling(project: Path) -> None:
    write_baseline(project)
    first = (project / "baseline.json").read_bytes()
    assert run(project / "images", "check", "--write-baseline", "../baseline.json", ".").returncode == 0
    assert (project / "baseline.json").read_bytes() == first
    assert run(project, "check", "--write-baseline", str(project / "baseline.json"), "./images/").returncode == 0
    assert (project / "baseline.json").read_bytes() == first
    assert first.endswith(b"}\n")


def test_a_baselined_run_passes_and_reports_nothing(project: Path) -> None:
    write_baseline(project)
    assert findings(project, "--baseline", "baseline.json", "images") == (0, [])


def test_moving_lines_changes_nothing(project: Path) -> None:
    write_baseline(project)
    (project / "images" / "web.json").write_text(MOVED)
    (project / "images" / "b.yaml").write_text(
        "\n\n# a comment\nname: web-b\ndataDisks:\n  - noDevice: true\n    deviceName: vdca\n"
    )
    assert findings(project, "--baseline", "baseline.json", "images") == (0, [])


def test_a_new_finding_is_reported_and_fails(project: Path) -> None:
    write_baseline(project)
    (project / "images" / "web.json").write_text(TWO)
    code, found = findings(project, "--baseline", "baseline.json", "images")
    assert (code, found) == (1, [("images/web.json", "C44")])
    result = run(project, "check", "--format", "json", "--baseline", "baseline.json", "images")
    report = json.loads(result.stdout)
    [entry] = [entry for entry in report["files"] if entry["findings"]]
    assert [f["pointer"] for f in entry["findings"]] == ["/dataDisks/1/cloudDiskSpec/iops"]


def test_a_repeated_finding_is_matched_as_many_times_as_recorded(tmp_path: Path) -> None:
    def finding(line: int) -> Finding:
        return Finding("C02", Severity.ERROR, "repeated", "/name", line, 1)

    recorded = baseline.record([(str(tmp_path / "web.yaml"), [finding(1), finding(2)])], str(tmp_path))
    assert [(entry.key, entry.count) for entry in recorded.entries] == [(("web.yaml", "C02", "/name"), 2)]
    again = baseline.parse(recorded.to_text(), str(tmp_path), "b.json")
    matcher = baseline.Matcher(again)
    assert matcher.new(str(tmp_path / "web.yaml"), [finding(5), finding(7), finding(9)]) == (finding(9),)
    assert matcher.unused() == []
    fewer = baseline.Matcher(again)
    assert fewer.new(str(tmp_path / "web.yaml"), [finding(3)]) == ()
    assert [(entry.key, entry.count) for entry in fewer.unused()] == [(("web.yaml", "C02", "/name"), 1)]


def test_the_same_finding_in_another_file_is_new(project: Path) -> None:
    write_baseline(project)
    (project / "images" / "copy.json").write_text(IOPS)
    assert findings(project, "--baseline", "baseline.json", "images") == (1, [("images/copy.json", "C44")])


def test_verbose_lists_unused_entries_of_the_files_checked(project: Path) -> None:
    write_baseline(project)
    (project / "images" / "web.json").write_text(
        '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'
    )
    quiet = run(project, "check", "--baseline", "baseline.json", "images")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    loud = run(project, "check", "--verbose", "--baseline", "baseline.json", "images/web.json")
    assert loud.returncode == 0
    assert "unused entry: images/web.json C44 /dataDisks/0/cloudDiskSpec/iops" in loud.stderr
    assert "unused" not in run(project, "check", "--baseline", "baseline.json", "images/web.json").stderr
    # Entries of files this run did not check are not unused.
    assert "b.yaml" not in loud.stderr


def test_a_finding_that_the_file_cannot_be_read_is_never_baselined(project: Path) -> None:
    (project / "images" / "broken.yaml").write_text("name: [web\n")
    (project / "images" / "web.json").write_text('{"name": "web", "name": "web"}\n')
    result = run(project, "check", "--write-baseline", "baseline.json", "images/broken.yaml", "images/web.json")
    assert result.returncode == 2  # the baseline is written, but the run says what it cannot accept
    assert "images/broken.yaml: cannot be read (C01), so nothing of it is in the baseline" in result.stderr
    baseline = json.loads((project / "baseline.json").read_text())
    assert [e["rule"] for e in baseline["findings"]] == ["C02"]
    handmade = {"version": 1, "findings": [{"path": "images/broken.yaml", "rule": "C01", "pointer": ""}]}
    (project / "hand.json").write_text(json.dumps(handmade))
    code, found = findings(project, "--baseline", "hand.json", "images/broken.yaml")
    assert (code, found) == (1, [("images/broken.yaml", "C01")])


def test_the_configurations_baseline_is_relative_to_its_folder(project: Path) -> None:
    (project / "ci").mkdir()
    run(project, "check", "--write-baseline", "ci/accepted.json", "images")
    (project / ".jdcloud-preflight.toml").write_text('baseline = "ci/accepted.json"\n')
    assert findings(project, "images") == (0, [])
    assert findings(project / "images", ".")[0] == 0
    (project / ".jdcloud-preflight.toml").write_text("")
    assert findings(project, "images")[0] == 1


def test_a_missing_or_broken_baseline_is_exit_2(project: Path) -> None:
    missing = run(project, "check", "--baseline", "nowhere.json", "images")
    assert (missing.returncode, missing.stderr.count("\n")) == (2, 1)
    assert "baseline nowhere.json: cannot read" in missing.stderr
    for text in ("[]", '{"version": 2, "findings": []}', '{"version": 1, "findings": [{"path": 3}]}', "{"):
        (project / "bad.json").write_text(text)
        result = run(project, "check", "--baseline", "bad.json", "images")
        assert (result.returncode, result.stderr.count("\n")) == (2, 1), text
        assert "baseline bad.json" in result.stderr


def test_writing_a_baseline_with_fix_is_a_usage_error(project: Path) -> None:
    result = run(project, "check", "--write-baseline", "b.json", "--fix", "images")
    assert result.returncode == 2
    assert not (project / "b.json").exists()


def test_a_baseline_that_cannot_be_written_is_exit_2(project: Path) -> None:
    result = run(project, "check", "--write-baseline", "no/such/folder/b.json", "images")
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "cannot write the baseline" in result.stderr
