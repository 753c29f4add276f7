"""Inline suppressions in YAML, and the report of suppressions that suppress nothing."""

from __future__ import annotations

from validator import Severity, check_create_image
from validator.settings import Settings

# AutoDelete is a non-canonical spelling: a C05 info finding to suppress.
BASE = "name: web\ndataDisks:\n  - deviceName: vdc\n    AutoDelete: true\n"


def _rules(text: str, settings: Settings | None = None) -> list[tuple[str, int | None]]:
    return [
        (f.rule, f.line) for f in check_create_image(text, filename="r.yaml", settings=settings or Settings()).findings
    ]


def test_unsuppressed() -> None:
    assert _rules(BASE) == [("C05", 4)]


def test_same_line_comment_suppresses() -> None:
    assert _rules(BASE.replace("AutoDelete: true", "AutoDelete: true  # jdcloud-preflight: ignore[C05]")) == []


def test_line_above_comment_suppresses() -> None:
    text = BASE.replace("    AutoDelete: true", "    # jdcloud-preflight: ignore[C05, C39]\n    AutoDelete: true")
    assert _rules(text) == []


def test_prefix_suppresses() -> None:
    assert _rules(BASE.replace("AutoDelete: true", "AutoDelete: true # jdcloud-preflight: ignore[C0]")) == []


def test_comment_two_lines_above_does_not_suppress_and_is_reported() -> None:
    text = BASE.replace("  - deviceName: vdc", "  # jdcloud-preflight: ignore[C05]\n  - deviceName: vdc")
    found = check_create_image(text, filename="r.yaml").findings
    assert [(f.rule, f.line, f.severity) for f in found] == [("S01", 3, Severity.INFO), ("C05", 5, Severity.INFO)]
    assert "ignore[C05]" in found[0].message


def test_other_rule_does_not_suppress() -> None:
    text = BASE.replace("AutoDelete: true", "AutoDelete: true  # jdcloud-preflight: ignore[C31]")
    assert _rules(text) == [("C05", 4), ("S01", 4)]


def test_unused_suppression_report_can_be_ignored() -> None:
    text = BASE.replace("AutoDelete: true", "AutoDelete: true  # jdcloud-preflight: ignore[C31]")
    assert _rules(text, Settings(ignore=("S01",))) == [("C05", 4)]


def test_hash_inside_a_value_is_not_a_comment() -> None:
    text = 'name: "web#jdcloud-preflight: ignore[C22]"\n'
    assert [rule for rule, _ in _rules(text)] == ["C21", "C22"]


def test_json_has_no_comment_suppressions() -> None:
    text = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "AutoDelete": true}]}'
    assert [f.rule for f in check_create_image(text, filename="r.json").findings] == ["C05"]


def test_unused_suppression_message_shows_the_rules_as_the_comment_wrote_them() -> None:
    text = BASE.replace("AutoDelete: true", "AutoDelete: true  # jdcloud-preflight: ignore[iops-ignored, C3]")
    found = check_create_image(text, filename="r.yaml").findings
    unused = [f for f in found if f.rule == "S01"]
    assert len(unused) == 1
    assert "ignore[iops-ignored,C3]" in unused[0].message
    assert "C44" not in unused[0].message
    assert unused[0].text is not None
    assert "ignore[iops-ignored,C3]" in unused[0].text.zh


def test_a_one_word_rule_name_in_a_comment_suppresses_its_rule() -> None:
    text = "# jdcloud-preflight: ignore[type]\nname: 5\n"  # C03's name is the plain word `type`
    assert check_create_image(text, filename="r.yaml").findings == ()
