"""A configuration file is measured before tomllib parses it: its size and how deeply it nests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bounded import run_bounded
from validator.config.config import ConfigError, load
from validator.config.toml_bounds import MAX_CONFIG_BYTES, MAX_CONFIG_NESTING, nesting

GOOD = '{"name": "web", "description": "d"}'


def test_a_dotted_key_40000_levels_deep_is_exit_2_in_bounded_time_and_memory(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    (tmp_path / ".jdcloud-preflight.toml").write_text("a" + ".a" * 40_000 + " = 1\n")
    result = run_bounded(["check", "r.json"], tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"jdcloud-preflight: bad configuration: {tmp_path / '.jdcloud-preflight.toml'}: keys or values nest more than "
        f"{MAX_CONFIG_NESTING} levels deep\n"
    )


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("a = 1", 0),
        ("a.b.c = 1", 2),
        ("[a.b]\nc.d = 1", 3),
        ("x = [1.5, 2.5]", 1),
        ("x = {a.b = {c.d = [1]}}", 4),
        ('"a.b.c" = "x.y"', 0),
        ("'a.b' = 'x.y'", 0),
        ('a = """x.y.\n[."""\nb = 1', 0),
        ("a = '''[[[.'''\nb = 1", 0),
        ("# a.b.c [[[\nb = 1", 0),
        ("a = 1.5 # x.y.z", 0),
        ("x = [\n 1.5,\n [2]\n]\n", 2),
    ],
)
def test_nesting_counts_key_parts_and_open_containers_outside_strings_and_comments(text: str, depth: int) -> None:
    assert nesting(text) == depth


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text)
    return path


def test_nesting_at_the_bound_is_read(tmp_path: Path) -> None:
    # A dotted key of N + 1 parts nests N levels.
    # Parsed, then refused by the configuration's schema (a is not one of its keys).
    with pytest.raises(ConfigError, match="unknown key a"):
        load(_write(tmp_path, "a" + ".a" * MAX_CONFIG_NESTING + " = 1\n"))


def test_nesting_one_past_the_bound_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=f"nest more than {MAX_CONFIG_NESTING} levels deep"):
        load(_write(tmp_path, "a" + ".a" * (MAX_CONFIG_NESTING + 1) + " = 1\n"))


def test_a_table_header_and_its_keys_count_together(tmp_path: Path) -> None:
    half = MAX_CONFIG_NESTING // 2
    with pytest.raises(ConfigError, match="nest more than"):
        load(_write(tmp_path, "[" + "a." * half + "a]\n" + "b." * half + "b = 1\n"))


def test_nested_arrays_past_the_bound_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nest more than"):
        load(_write(tmp_path, "x = " + "[" * (MAX_CONFIG_NESTING + 1) + "]" * (MAX_CONFIG_NESTING + 1) + "\n"))


def test_a_configuration_at_the_size_bound_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    line = "# padding\n"
    body = line * (MAX_CONFIG_BYTES // len(line))
    body += "#" * (MAX_CONFIG_BYTES - len(body) - 1) + "\n"
    assert len(body) == MAX_CONFIG_BYTES
    load(_write(tmp_path, body))
    with pytest.raises(ConfigError, match=f"larger than {MAX_CONFIG_BYTES} bytes"):
        load(_write(tmp_path, body + "\n"))
