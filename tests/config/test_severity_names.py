"""Rule names in the configuration's severity table: a name stands for its rule's id, as it does in
select, ignore and per-file-ignores; an unknown name or a prefix is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator import Severity
from validator.config.config import ConfigError, load


def test_a_rule_name_sets_the_severity_of_its_rule(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[severity]\niops-ignored = "error"\nKey-Spelling = "warning"\n')
    assert load(path).severity == {"C44": Severity.ERROR, "C05": Severity.WARNING}


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("iops-ignord", "no rule has the id or name iops-ignord"),
        ("C4", "no rule has the id or name C4"),
        ("4C", "expected a rule id such as C39 or a rule name such as iops-ignored, got '4C'"),
        ("C99", "no rule has the id or name C99"),
    ],
)
def test_a_severity_key_that_is_no_rule_is_refused(tmp_path: Path, key: str, words: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[severity]\n{key} = "error"\n')
    with pytest.raises(ConfigError, match=words):
        load(path)


def test_a_one_word_rule_name_sets_the_severity_of_its_rule(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[severity]\ntype = "warning"\n')  # C03's name has no hyphen
    assert load(path).severity == {"C03": Severity.WARNING}


def test_the_file_cannot_be_read_rule_cannot_be_lowered_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[severity]\nparse = "info"\n')
    with pytest.raises(ConfigError, match=r"severity\.parse: cannot be changed"):
        load(path)


def test_an_id_and_the_name_of_the_same_rule_are_refused_together(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[severity]\nC44 = "error"\niops-ignored = "info"\n')
    with pytest.raises(ConfigError, match="C44 is set twice"):
        load(path)
