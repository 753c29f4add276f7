"""--fix never chooses between two readings of an ambiguous request, never changes which findings remain
beyond the ones it fixes, and keeps every byte outside its edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator import check_create_image, fix_create_image
from validator.cli.main import main


def _rules(text: str, filename: str) -> list[tuple[str, str]]:
    return sorted((finding.rule, finding.pointer) for finding in check_create_image(text, filename=filename).findings)


# A repeated noDevice with different values (C02): whether the entry excludes its disk is the parser's choice.
REPEATED = (
    '{"name": "web", "dataDisks": [{"deviceName": "vdd", "noDevice": false, "noDevice": true, '
    '"autoDelete": true, "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}\n'
)
# DiskSizeGB (C05) beside a merge that brings diskSizeGB: renaming it would replace the merged 40 with 60.
RENAME_BESIDE_MERGE = (
    "name: web\n"
    "dataDisks:\n"
    "  - deviceName: vdb\n"
    "    cloudDiskSpec:\n"
    "      <<: {diskSizeGB: 40}\n"
    "      diskType: ssd.gp1\n"
    "      DiskSizeGB: 60\n"
)
# An explicit iops (C44) beside a merge that brings one too: removing it lets the merged one show through.
REMOVAL_BESIDE_MERGE = (
    "name: web\n"
    "dataDisks:\n"
    "  - deviceName: vdb\n"
    "    cloudDiskSpec:\n"
    "      <<: {iops: 3000}\n"
    "      diskType: ssd.gp1\n"
    "      diskSizeGB: 40\n"
    "      iops: 1000\n"
)
OCTAL = (
    "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 0100\n"
)


@pytest.mark.parametrize(
    ("filename", "text", "rule"),
    [("a.json", REPEATED, "C34"), ("a.yaml", RENAME_BESIDE_MERGE, "C05"), ("a.yaml", REMOVAL_BESIDE_MERGE, "C44")],
)
def test_no_fix_settles_an_ambiguity(filename: str, text: str, rule: str) -> None:
    findings = check_create_image(text, filename=filename).findings
    assert any(finding.rule == rule for finding in findings)
    assert all(finding.fix is None for finding in findings if finding.rule == rule)
    for unsafe in (False, True):
        fixed = fix_create_image(text, filename=filename, unsafe=unsafe)
        assert fixed.text == text or rule not in {finding.rule for finding in fixed.fixes}
        assert rule not in {finding.rule for finding in fixed.fixes}


def test_a_value_yaml_versions_read_differently_is_rewritten_only_as_an_unsafe_fix() -> None:
    assert fix_create_image(OCTAL, filename="a.yaml").text == OCTAL
    unsafe = fix_create_image(OCTAL, filename="a.yaml", unsafe=True)
    assert "C06" in {finding.rule for finding in unsafe.fixes}
    # 0100 is 64 to PyYAML, then rounded up to the size step (C43, unsafe too).
    assert unsafe.text == OCTAL.replace("0100", "70")


# A stale suppression above az: removing the az line (C48, safe) would put it above diskType, hiding C41.
STALE = (
    "name: web\n"
    "dataDisks:\n"
    "  - deviceName: vdb\n"
    "    cloudDiskSpec:\n"
    "      # jdcloud-preflight: ignore[C41]\n"
    "      az: cn-north-1a\n"
    "      diskType: ssd\n"
    "      diskSizeGB: 40\n"
)


def test_a_fix_that_would_hide_another_finding_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _rules(STALE, "a.yaml")
    assert ("C41", "/dataDisks/0/cloudDiskSpec/diskType") in before
    fixed = fix_create_image(STALE, filename="a.yaml", unsafe=True)
    assert ("C41", "/dataDisks/0/cloudDiskSpec/diskType") in [(f.rule, f.pointer) for f in fixed.report.findings]
    assert "C48" not in {finding.rule for finding in fixed.fixes}
    path = tmp_path / "image.yaml"
    path.write_text(STALE)
    assert main(["check", "--fix", str(path)]) == 1
    assert path.read_text() == STALE
    assert "C41" in capsys.readouterr().out


def test_a_removal_that_fixes_nothing_is_not_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.yaml"
    path.write_text(REMOVAL_BESIDE_MERGE)
    main(["check", "--fix", str(path)])
    assert path.read_text() == REMOVAL_BESIDE_MERGE
    out = capsys.readouterr().out
    assert "fixed 0 findings" in out
    assert "fixed 1" not in out


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # No final newline: none is added.
        (
            "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec:\n      diskType: ssd.gp1\n"
            "      diskSizeGB: 40\n      az: x",
            "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec:\n      diskType: ssd.gp1\n"
            "      diskSizeGB: 40",
        ),
        (
            "name: web\r\ndataDisks:\r\n  - deviceName: vdb\r\n    cloudDiskSpec:\r\n      diskType: ssd.gp1\r\n"
            "      diskSizeGB: 40\r\n      az: x",
            "name: web\r\ndataDisks:\r\n  - deviceName: vdb\r\n    cloudDiskSpec:\r\n      diskType: ssd.gp1\r\n"
            "      diskSizeGB: 40",
        ),
        # The last member of a multi-line flow mapping: the previous member's comment stays on its line.
        (
            "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec: {\n      diskType: ssd.gp1,  # type\n"
            "      diskSizeGB: 40,  # size\n      az: x  # zone\n    }\n",
            "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec: {\n      diskType: ssd.gp1,  # type\n"
            "      diskSizeGB: 40  # size\n    }\n",
        ),
        # An anchor on a renamed key stays.
        (
            "name: web\n&k DataDisks:\n  - deviceName: vdb\n    noDevice: true\n",
            "name: web\n&k dataDisks:\n  - deviceName: vdb\n    noDevice: true\n",
        ),
    ],
)
def test_bytes_outside_the_edits_are_kept(before: str, after: str) -> None:
    assert fix_create_image(before, filename="a.yaml").text == after


def test_no_edit_removes_an_anchor_an_alias_still_uses() -> None:
    """C48 would remove az, which anchors the zone the description repeats: the fixed file would not parse."""
    text = (
        "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec:\n      diskType: ssd.gp1\n"
        "      diskSizeGB: 40\n      az: &zone cn-north-1a\ndescription: *zone\n"
    )
    report = check_create_image(text, filename="a.yaml")
    az = [f for f in report.findings if f.pointer == "/dataDisks/0/cloudDiskSpec/az"]
    assert az
    assert all(finding.fix is None for finding in az)
    fixed = fix_create_image(text, filename="a.yaml", unsafe=True)
    assert all(f.rule != "C01" for f in check_create_image(fixed.text, filename="a.yaml").findings)
    assert "&zone" in fixed.text
