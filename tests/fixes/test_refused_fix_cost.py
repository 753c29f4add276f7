"""A refused fix costs one more check of the file, not one per fix of the pass: the pass is retried once
without the fixes at the places where it gained a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bounded import run_bounded
from validator import fix_create_image
from validator.fixes import apply


def _request(entries: int) -> str:
    """A YAML request whose first entry's rename would add C33 (refused), and many safe fixes besides."""
    lines = ["name: web", "dataDisks:", "  - noDevise: true", "    autoDelete: true"]
    for index in range(entries):
        device = "vd" + chr(ord("b") + index % 25) + chr(ord("a") + index // 25)
        lines += [
            f"  - DeviceName: {device}",
            "    AutoDelete: true",
            "    cloudDiskSpec:",
            "      DiskType: ssd.gp1",
            "      diskSizeGB: 45",
            "      AZ: cn-north-1a",
        ]
    return "\n".join(lines) + "\n"


def test_a_pass_with_one_refused_fix_is_checked_three_times(monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[int] = []
    attempt = apply._Fixing.attempt

    def counted(self: apply._Fixing, *args: object, **kwargs: object) -> object:
        checks.append(1)
        return attempt(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(apply._Fixing, "attempt", counted)
    result = fix_create_image(_request(20), filename="r.yaml", unsafe=True)
    # The whole pass (fails), the pass without the rename (succeeds), then the pass that is left.
    assert len(checks) == 3
    (c04,) = [f for f in result.report.findings if f.rule == "C04"]
    assert c04.fix is None  # refused, so no longer offered
    assert "C05" not in {f.rule for f in result.report.findings}
    assert "C43" not in {f.rule for f in result.report.findings}


def test_the_pass_without_the_refused_fix_writes_what_one_fix_at_a_time_would(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _request(6)
    quick = fix_create_image(text, filename="r.yaml", unsafe=True).text
    monkeypatch.setattr(apply, "_implicated", lambda *_: set())  # always one fix at a time
    assert fix_create_image(text, filename="r.yaml", unsafe=True).text == quick


def test_fixing_a_15_kb_file_with_one_refused_fix_ends_in_bounded_time_and_memory(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(_request(60) + ("# " + "x" * 98 + "\n") * 80)
    assert path.stat().st_size > 15_000
    result = run_bounded(["check", "--fix", "--unsafe-fixes", "r.yaml"], tmp_path, timeout=120)
    assert result.returncode == 1, result.stderr
    fixed = path.read_text()
    assert "DeviceName" not in fixed
    assert "noDevise" in fixed  # the refused rename
