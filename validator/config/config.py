"""The configuration: `[tool.jdcloud-preflight]` in pyproject.toml, or `.jdcloud-preflight.toml`, found by
walking up from a folder (discovery.py says which), or a file named with `--config`. Validated against its
own schema."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from validator.config import selection
from validator.core.finding import UNSUPPRESSABLE_RULES, Severity
from validator.core.policy import Policy
from validator.rules import registry
from validator.schema import schemas
from validator.settings import Settings
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

OWN_FILE = ".jdcloud-preflight.toml"
TABLE = "tool.jdcloud-preflight"


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file, the key and what was expected."""


def find(start: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Path | None:
    """The nearest configuration file at or above `start`: our own file first, then a pyproject.toml with
    a [tool.jdcloud-preflight] table.

    A pyproject.toml that cannot be parsed stops the search only when it mentions this tool: another
    project's broken file above the working folder is none of our business."""
    for folder in (start, *start.parents):
        own = folder / OWN_FILE
        if _present(own):
            return own  # even when it cannot be read: load() says why, and the run stops (exit 2)
        pyproject = folder / "pyproject.toml"
        if _present(pyproject) and _holds_our_table(pyproject, max_bytes):
            return pyproject
    return None


def _present(path: Path) -> bool:
    """Whether there is something at `path`, a dangling symbolic link or a folder included (a configuration
    that is there but cannot be read must stop the run, not let the defaults apply); False for a folder
    that cannot be searched (permission denied): its files cannot be read either, and are reported as
    such when they are checked."""
    return os.path.lexists(path)


def _holds_our_table(pyproject: Path, max_bytes: int) -> bool:
    data = _bytes(pyproject, max_bytes)
    try:
        return _table(pyproject, _parse(pyproject, data)) is not None
    except ConfigError:
        if b"jdcloud-preflight" in data or b"jdcloud_preflight" in data:
            raise  # it may hold our table: a run must not go on without it
        return False


def _bytes(path: Path, max_bytes: int) -> bytes:
    """A configuration file's bytes: a regular file, within the size limit of request files and of
    configurations (toml_bounds.py)."""
    from validator.config.toml_bounds import MAX_CONFIG_BYTES  # only when there is a configuration file

    data = read(str(path), min(max_bytes, MAX_CONFIG_BYTES))
    if isinstance(data, Unreadable) and path.is_symlink() and not path.exists():
        raise ConfigError(f"{path}: cannot read: a symbolic link to a missing file")
    if isinstance(data, Unreadable):
        raise ConfigError(f"{path}: cannot read: {data.reason}")
    if isinstance(data, TooLarge):
        raise ConfigError(f"{path}: the file is larger than {data.limit} bytes")
    return data


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib  # only when there is a configuration file

    from validator.config.toml_bounds import problem

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    refused = problem(data, text)  # before tomllib, whose work grows with the square of the nesting
    if refused is not None:
        raise ConfigError(f"{path}: {refused}")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses on nested arrays and inline tables
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nest too deeply") from None
    except ValueError as exc:  # an integer past Python's digit limit, or another value tomllib refuses
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    return _parse(path, _bytes(path, max_bytes))


def _table(path: Path, data: dict[str, Any]) -> object:
    """Our table: the whole of our own file, or tool.jdcloud-preflight of a pyproject.toml (None if absent)."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return None
    if "jdcloud_preflight" in tool:  # the name as Python normalises it: not ours, and never silently passed over
        raise ConfigError(f"{path}: [tool.jdcloud_preflight] is not read: the table is [{TABLE}]")
    return tool.get("jdcloud-preflight")


def _where(path: Path, location: list[Any]) -> str:
    key = ".".join(str(part) for part in location)
    base = TABLE if path.name == "pyproject.toml" else ""
    return ".".join(part for part in (base, key) if part) or "the top level"


def _explain(path: Path, error: ValidationError) -> str:
    location = list(error.absolute_path)
    keyword = str(error.validator)
    value: Any = error.validator_value
    schema: Any = error.schema
    instance: Any = error.instance
    if keyword == "additionalProperties":
        known = ", ".join(sorted(schema.get("properties", {}))) or "none"
        unknown = ", ".join(sorted(set(instance) - set(schema.get("properties", {}))))
        return f"{path}: unknown key {unknown} in {_where(path, location)} (known keys: {known})"
    if keyword == "pattern" and location[:1] == ["severity"]:
        expected = "expected a rule id such as C39 or a rule name such as iops-ignored"
        return f"{path}: {_where(path, location)}: {expected}, got {_shown(instance)}"
    return f"{path}: {_where(path, location)}: {_expected(keyword, value)}, got {_shown(instance)}"


def _expected(keyword: str, value: Any) -> str:
    """What a failed keyword asked for; any keyword the schema may gain is named as it is."""
    if keyword == "type":
        return f"expected {value}"
    if keyword == "enum":
        return "expected one of " + ", ".join(str(v) for v in value)
    if keyword == "minimum":
        return f"expected at least {value}"
    if keyword == "maximum":
        return f"expected at most {value}"
    if keyword == "pattern":
        return "expected a rule id, id prefix or name such as C31, C3, P or iops-ignored"
    if keyword == "minItems":
        return f"expected at least {value} item(s)"
    return f"fails {keyword}"


def _shown(value: object) -> str:
    """A configuration value for a message: short, and never past Python's limit on digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "a number of more than 64 bits"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@functools.cache
def _config_validator() -> Validator:
    from validator.schema.schema_check import strict_validator_class

    return strict_validator_class()(schemas.load(schemas.CONFIG))


def validate(path: Path, table: object) -> dict[str, Any]:
    """The table, once it is known to be a usable configuration."""
    errors = sorted(
        _config_validator().iter_errors(table),  # type: ignore[arg-type]
        key=lambda e: (list(map(str, e.absolute_path)), str(e.validator)),
    )
    if errors:
        raise ConfigError(_explain(path, errors[0]))
    assert isinstance(table, dict)
    if "severity" in table:
        table["severity"] = _severity_ids(path, table["severity"])
    _check_prefixes(path, table)
    pattern = table.get("policy", {}).get("name-pattern")
    if pattern is not None:
        from validator.rules.policies import name_regex  # RE2 is loaded only for a configuration with a pattern

        refused = name_regex.problem(pattern)
        if refused is not None:
            where = _where(path, ["policy", "name-pattern"])
            raise ConfigError(f"{path}: {where}: not a regular expression RE2 accepts: {refused}")
    return table


def _severity_ids(path: Path, severity: dict[str, Any]) -> dict[str, Any]:
    """The severity table by rule id (a rule name stands for its id); a key that is no rule is refused."""
    by_id: dict[str, Any] = {}
    for key, value in severity.items():
        named = registry.by_name(key)
        rule = key if key in registry.BY_ID else named.id if named is not None else None
        if rule is None:
            raise ConfigError(f"{path}: {_where(path, ['severity', key])}: no rule has the id or name {key}")
        if rule in by_id:
            raise ConfigError(f"{path}: {_where(path, ['severity', key])}: {rule} is set twice (by id and name)")
        if rule in UNSUPPRESSABLE_RULES and value != registry.BY_ID[rule].severity:
            where = _where(path, ["severity", key])
            raise ConfigError(f"{path}: {where}: cannot be changed: a file that cannot be read is always an error")
        by_id[rule] = value
    return by_id


def _check_prefixes(path: Path, table: dict[str, Any]) -> None:
    """Rule prefixes that match no rule are typos that switch checks off (or fail to), and an empty one
    matches every rule: refused (selection.py). Names are read as their ids."""
    if "select" in table and not table["select"]:
        raise ConfigError(f"{path}: {_where(path, ['select'])}: selects no rule ({registry.KNOWN_IDS})")
    lists = [[key] for key in _PREFIX_LISTS if key in table]
    lists += [["per-file-ignores", glob] for glob in table.get("per-file-ignores", {})]
    for location in lists:
        values = table[location[0]] if len(location) == 1 else table[location[0]][location[1]]
        try:
            canonical = selection.prefixes(values, f"{path}: {_where(path, location)}")
        except selection.SelectionError as exc:
            raise ConfigError(str(exc)) from None
        values[:] = canonical


_PREFIX_LISTS = ("select", "ignore", "extend-select", "extend-ignore")


def settings_from(table: dict[str, Any]) -> Settings:
    """Settings from an already validated table."""
    policy = table.get("policy", {})
    types = policy.get("allowed-disk-types")
    return Settings(
        select=tuple(table.get("select", ("",))) + tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())) + tuple(table.get("extend-ignore", ())),
        severity={rule: Severity.parse(value) for rule, value in table.get("severity", {}).items()},
        fail_on=Severity.parse(table.get("fail-on", "warning")),
        lang=table.get("lang"),
        max_bytes=table.get("max-bytes"),
        exclude=tuple(table.get("exclude", ())),
        per_file_ignores={glob: tuple(prefixes) for glob, prefixes in table.get("per-file-ignores", {}).items()},
        policy=Policy(
            allowed_disk_types=None if types is None else tuple(types),
            max_disk_size_gb=policy.get("max-disk-size-gb"),
            max_total_disk_size_gb=policy.get("max-total-disk-size-gb"),
            max_data_disks=policy.get("max-data-disks"),
            require_encryption=policy.get("require-encryption", False),
            name_pattern=policy.get("name-pattern"),
            require_description=policy.get("require-description", False),
            require_auto_delete=policy.get("require-auto-delete", False),
        ),
    )


def load(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Settings:
    """Settings from a configuration file; raises ConfigError when it cannot be used."""
    data = _read(path, max_bytes)
    table = _table(path, data)
    if table is None:
        if path.name == "pyproject.toml":
            raise ConfigError(f"{path}: has no [{TABLE}] table")
        table = {}
    # Globs in the file are relative to the folder that holds it.
    root = path.absolute().parent
    valid = validate(path, table)
    settings = attrs.evolve(settings_from(valid), root=str(root))
    # So is a baseline (docs/baseline.md).
    baseline = valid.get("baseline")
    return settings if baseline is None else attrs.evolve(settings, baseline=str(root / baseline))
