"""Offering fixes is linear in the size of the file: each fix looks members up by key, and what an object's
repeated keys hold is worked out once per object. Run in a child process under a time and memory limit:
an old quadratic step takes many times the limit on these files."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest

from tests.bounded import run_bounded


def _near_misses(word: str, count: int) -> list[str]:
    """`count` different keys, each one or two letters off `word`."""
    found: set[str] = set()
    chooser = random.Random(7)
    while len(found) < count:
        letters = list(word)
        letters[chooser.randrange(len(letters))] = chooser.choice(string.ascii_letters)
        letters.insert(chooser.randrange(len(letters)), chooser.choice(string.digits))
        found.add("".join(letters))
    return sorted(found)


def _summary(path: Path) -> dict[str, int]:
    result = run_bounded(["check", "--format", "json", path.name], path.parent, timeout=120)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    rules: dict[str, int] = {}
    for finding in report["files"][0]["findings"]:
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    return rules


def test_170_kb_of_one_repeated_key_is_checked_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "repeats.json"
    path.write_text("{" + ", ".join('"name": "web"' for _ in range(13_000)) + "}")
    assert path.stat().st_size > 170_000
    assert _summary(path) == {"C02": 1}


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_many_near_miss_keys_in_one_object_are_checked_in_bounded_time(tmp_path: Path, suffix: str) -> None:
    keys = _near_misses("description", 20_000)
    path = tmp_path / f"near.{suffix}"
    if suffix == "json":
        path.write_text(json.dumps({"name": "web", **dict.fromkeys(keys, "x")}))
    else:
        path.write_text("name: web\n" + "".join(f"{key}: x\n" for key in keys))
    assert _summary(path).get("C04", 0) > 0


def test_repeated_keys_with_differing_values_still_offer_no_fix_inside_that_object() -> None:
    from validator import check_create_image

    text = '{"name": "web", "name": "api", "dataDisks": [], "Description": "d"}'
    found = check_create_image(text).findings
    assert [f.rule for f in found if f.fix is not None] == []
    text = '{"name": "web", "name": "web", "Description": "d"}'
    fixable = {f.rule for f in check_create_image(text).findings if f.fix is not None}
    assert fixable == {"C02", "C05"}
