"""Work and findings are bounded per container: at most PER_CONTAINER findings of a rule per object or
array, then one finding of the same rule saying how many more; only the first MAX_CHECKED_ENTRIES dataDisks
entries are checked one by one, while C38 gives the true count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bounded import run_bounded
from validator import Severity, check_create_image
from validator.core.model import MAX_CHECKED_ENTRIES
from validator.core.policy import Policy
from validator.rules.base import PER_CONTAINER
from validator.settings import Settings


def _unknown_keys(count: int) -> dict[str, object]:
    return {"name": "web", **{f"zz{index}": 1 for index in range(count)}}


def test_findings_up_to_the_cap_are_all_reported() -> None:
    found = check_create_image(_unknown_keys(PER_CONTAINER)).findings
    assert [f.rule for f in found] == ["C04"] * PER_CONTAINER
    assert not any("more C04 findings" in f.message for f in found)


def test_one_past_the_cap_is_one_summary_finding_of_the_same_rule() -> None:
    found = check_create_image(_unknown_keys(PER_CONTAINER + 1)).findings
    assert [f.rule for f in found] == ["C04"] * (PER_CONTAINER + 1)
    summary = [f for f in found if "more C04 findings" in f.message]
    assert [(f.pointer, f.severity, f.fix) for f in summary] == [("", Severity.WARNING, None)]
    assert summary[0].message.startswith("... and 1 more C04 findings in the top level")


def test_the_summary_is_in_chinese_too() -> None:
    found = check_create_image(_unknown_keys(PER_CONTAINER + 3), lang="zh").findings
    assert any("还有 3 个 C04 发现项" in f.message for f in found)


def test_entries_of_one_array_count_as_one_container() -> None:
    entries = [{"deviceName": "vdb", "noDevise": True} for _ in range(MAX_CHECKED_ENTRIES)]
    found = check_create_image({"name": "web", "dataDisks": entries}).findings
    c04 = [f for f in found if f.rule == "C04"]
    assert len(c04) == PER_CONTAINER + 1
    assert [f.pointer for f in c04 if "more" in f.message] == ["/dataDisks"]
    assert (
        f"{MAX_CHECKED_ENTRIES - PER_CONTAINER} more C04 findings in"
        in next(f for f in c04 if "more" in f.message).message
    )


def test_different_rules_and_containers_have_caps_of_their_own() -> None:
    request = _unknown_keys(PER_CONTAINER)
    request["dataDisks"] = [{"deviceName": "vdb", "zz": 1}]
    found = check_create_image(request).findings
    assert not any("more" in f.message for f in found)


@pytest.mark.parametrize("count", [MAX_CHECKED_ENTRIES, MAX_CHECKED_ENTRIES + 1])
def test_c38_counts_every_entry_and_says_when_only_some_are_checked(count: int) -> None:
    entries = [{} for _ in range(count)]
    c38 = [f.message for f in check_create_image({"name": "web", "dataDisks": entries}).findings if f.rule == "C38"]
    partly = f" (only the first {MAX_CHECKED_ENTRIES} are checked one by one)" if count > MAX_CHECKED_ENTRIES else ""
    assert c38 == [f"dataDisks has {count} entries; at most 64 are allowed{partly}"]


def test_entries_past_the_checked_ones_are_not_checked_one_by_one() -> None:
    entries: list[object] = [{"deviceName": "vdb", "noDevice": True}] * MAX_CHECKED_ENTRIES + [{"deviceName": 5}]
    found = check_create_image({"name": "web", "dataDisks": entries}).findings
    assert not any(f.pointer.startswith(f"/dataDisks/{MAX_CHECKED_ENTRIES}") for f in found)


def test_the_data_disks_policy_says_at_least_past_the_checked_entries() -> None:
    settings = Settings(policy=Policy(max_data_disks=4))
    entries = [{"deviceName": "vdb", "autoDelete": True}] * (MAX_CHECKED_ENTRIES + 5)
    p04 = [
        f.message
        for f in check_create_image({"name": "web", "dataDisks": entries}, settings=settings).findings
        if f.rule == "P04"
    ]
    assert p04 == [f"at least {MAX_CHECKED_ENTRIES} data disks are kept or added, above the policy maximum 4"]
    p04 = [
        f.message
        for f in check_create_image({"name": "web", "dataDisks": entries[:8]}, settings=settings).findings
        if f.rule == "P04"
    ]
    assert p04 == ["8 data disks are kept or added, above the policy maximum 4"]


def test_a_million_data_disks_entries_are_checked_in_bounded_time_and_memory(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"name": "web", "dataDisks": [' + ", ".join(["{}"] * 1_000_000) + "]}")
    result = run_bounded(["check", "--format", "json", "r.json"], tmp_path, timeout=300)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["message"] for f in findings if f["rule"] == "C38"] == [
        f"dataDisks has 1000000 entries; at most 64 are allowed (only the first {MAX_CHECKED_ENTRIES} are checked one by one)"
    ]
    assert len(findings) <= 2 * (PER_CONTAINER + 1)


def _suppressed_yaml(suppressed: int, plain: int) -> str:
    lines = [f"zz{index}: 1  # jdcloud-preflight: ignore[C04]\n" for index in range(suppressed)]
    lines.append("description: a line between, as a comment covers its own line and the next\n")
    lines += [f"yy{index}: 1\n" for index in range(plain)]
    return "name: web-image\n" + "".join(lines)


@pytest.mark.parametrize("suppressed", [PER_CONTAINER, PER_CONTAINER + 1, 3 * PER_CONTAINER])
def test_findings_a_comment_suppresses_do_not_count_toward_the_cap(suppressed: int) -> None:
    found = check_create_image(_suppressed_yaml(suppressed, 0), filename="r.yaml").findings
    assert found == ()


def test_the_cap_counts_only_the_findings_no_comment_suppresses() -> None:
    found = check_create_image(_suppressed_yaml(2 * PER_CONTAINER, PER_CONTAINER + 7), filename="r.yaml").findings
    assert [f.rule for f in found] == ["C04"] * (PER_CONTAINER + 1)
    assert all(f.pointer.startswith("/yy") for f in found if "more C04" not in f.message)
    assert next(f.message for f in found if "more C04" in f.message).startswith("... and 7 more C04 findings")


def _entries_yaml(count: int, comment: str) -> str:
    return "name: web-image\ndataDisks:\n" + "".join(
        f"  - {{deviceName: vdb, zz: 1}}  # jdcloud-preflight: ignore[{comment}]\n" for _ in range(count)
    )


def test_suppressions_past_the_entries_checked_one_by_one_are_not_called_unused() -> None:
    found = check_create_image(_entries_yaml(MAX_CHECKED_ENTRIES + 50, "C04,C32"), filename="r.yaml").findings
    assert "S01" not in {f.rule for f in found}
    assert "C04" not in {f.rule for f in found}


def test_an_unused_suppression_on_a_checked_entry_is_still_reported() -> None:
    text = _entries_yaml(3, "C04,C32") + "  - {deviceName: vdc}  # jdcloud-preflight: ignore[C45]\n"
    assert [f.line for f in check_create_image(text, filename="r.yaml").findings if f.rule == "S01"] == [6]
