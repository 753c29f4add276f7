"""Properties of --fix over generated requests (issue 13): valid ones, and ones with each fixable mistake
injected, written as JSON and as YAML with comments (block and flow style).

- safe fixes never change the request the API would read;
- fixing is idempotent: fixing the fixed text again changes nothing;
- the fixed text always parses and never has a finding the original lacked (for unsafe fixes: except
  info notes inside an object an unsafe fix changed, as validator/fixes/apply.py documents);
- after fixing with unsafe fixes no fixable finding remains.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import canonical_requests, json_objects, sdk_shaped
from validator import Finding, check_create_image, fix_create_image
from validator.core.model import DISK_FIELDS, ENTRY_FIELDS, TOP_FIELDS
from validator.fixes.records import RemoveDuplicate, RemoveMember, RenameKey
from validator.readers import read_text as parse_text
from validator.rules.disk_spec.c44_iops_ignored import NO_IOPS_DISK_TYPES
from validator.rules.disk_spec.c48_ignored_disk_fields import IGNORED_DISK_FIELDS

# An object is a list of (key, value) pairs, so that a key can be written twice.
Pairs = list[tuple[str, Any]]

# C48-all: a cloudDiskSpec of nothing but ignored members.
MISTAKES = ("C02", "C03", "C04", "C05", "C34", "C41", "C43", "C44", "C45", "C48", "C48-all")
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pairs(value: Any) -> Any:
    if isinstance(value, dict):
        return [(key, _pairs(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_pairs(item) for item in value]
    return value


def _is_obj(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, tuple) for item in value) and bool(value)


def _get(pairs: Pairs, key: str) -> Any:
    return next((value for k, value in pairs if k == key), None)


def _set(pairs: Pairs, key: str, value: Any) -> None:
    for index, (k, _) in enumerate(pairs):
        if k == key:
            pairs[index] = (k, value)
            return
    pairs.append((key, value))


def _entries(request: Pairs) -> list[Pairs]:
    disks = _get(request, "dataDisks")
    return [entry for entry in disks or [] if isinstance(entry, list) and entry]


def _specs(request: Pairs) -> list[Pairs]:
    specs = []
    for entry in _entries(request):
        spec = _get(entry, "cloudDiskSpec")
        if _get(entry, "noDevice") is not True and isinstance(spec, list) and spec:
            specs.append(spec)
    return specs


def _c05(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    target = draw(st.sampled_from([request, *entries, *specs]))
    index = draw(st.integers(0, len(target) - 1))
    key, value = target[index]
    if key[:1].islower():
        target[index] = (key[:1].upper() + key[1:], value)


def _c48(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    if not specs:
        return
    _set(
        draw(st.sampled_from(specs)),
        draw(st.sampled_from(IGNORED_DISK_FIELDS)),
        "x" if draw(st.booleans()) else False,
    )


def _c48_all(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    if not specs:
        return
    # Removing every member must leave an empty object, not a null (which the API reads as no
    # cloudDiskSpec); autoDelete keeps the entry from doing nothing either way.
    spec = draw(st.sampled_from(specs))
    fields = draw(st.lists(st.sampled_from(IGNORED_DISK_FIELDS), min_size=1, max_size=3, unique=True))
    spec[:] = [(field, "x") for field in fields]
    owner = next(entry for entry in entries if _get(entry, "cloudDiskSpec") is spec)
    _set(owner, "autoDelete", draw(st.booleans()))


def _c44(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    plain = [spec for spec in specs if _get(spec, "diskType") in NO_IOPS_DISK_TYPES]
    if plain:
        _set(draw(st.sampled_from(plain)), "iops", draw(st.integers(1, 4000)))


def _c34(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    excluded = [entry for entry in entries if _get(entry, "noDevice") is True]
    if excluded:
        entry = draw(st.sampled_from(excluded))
        if draw(st.booleans()):
            _set(entry, "autoDelete", draw(st.booleans()))
        else:
            _set(entry, "cloudDiskSpec", [("diskType", "ssd.gp1"), ("diskSizeGB", 40)])


def _c02(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    target = draw(st.sampled_from([request, *entries, *specs]))
    key, value = draw(st.sampled_from(target))
    if not isinstance(value, list):
        target.append((key.upper() if draw(st.booleans()) else key, value))


def _c04(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    choices = [(request, "dataDisks", "dataDisk")] if _get(request, "dataDisks") is not None else []
    choices += [(entry, "noDevice", "noDevise") for entry in entries if _get(entry, "noDevice") is not None]
    if choices:
        target, key, wrong = draw(st.sampled_from(choices))
        target[[k for k, _ in target].index(key)] = (wrong, _get(target, key))


def _c43(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    sized = [spec for spec in specs if isinstance(_get(spec, "diskSizeGB"), int)]
    if sized:
        _set(draw(st.sampled_from(sized)), "diskSizeGB", draw(st.integers(-50, 17000)))


def _c45(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    io1 = [spec for spec in specs if _get(spec, "diskType") == "ssd.io1"]
    if io1:
        _set(draw(st.sampled_from(io1)), "iops", draw(st.integers(0, 40000)))


def _c03(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    places = [(spec, "diskSizeGB") for spec in specs if isinstance(_get(spec, "diskSizeGB"), int)]
    places += [
        (entry, key) for entry in entries for key in ("noDevice", "autoDelete") if isinstance(_get(entry, key), bool)
    ]
    if places:
        target, key = draw(st.sampled_from(places))
        value = _get(target, key)
        _set(target, key, json.dumps(value))


def _c41(draw: st.DrawFn, request: Pairs, entries: list[Pairs], specs: list[Pairs]) -> None:
    typed = [spec for spec in specs if isinstance(_get(spec, "diskType"), str)]
    if typed:
        spec = draw(st.sampled_from(typed))
        _set(spec, "diskType", draw(st.sampled_from([str.upper, str.title]))(_get(spec, "diskType")))


_MISTAKES = {
    "C05": _c05,
    "C48": _c48,
    "C48-all": _c48_all,
    "C44": _c44,
    "C34": _c34,
    "C02": _c02,
    "C04": _c04,
    "C43": _c43,
    "C45": _c45,
    "C03": _c03,
    "C41": _c41,
}


@st.composite
def _inject(draw: st.DrawFn, request: Pairs, mistake: str) -> None:
    """Write one fixable mistake of the kind `mistake` into the request, where it fits (nothing when no
    place fits)."""
    _MISTAKES[mistake](draw, request, _entries(request), _specs(request))


@st.composite
def requests(draw: st.DrawFn) -> Pairs:
    base = draw(canonical_requests())
    if draw(st.integers(0, 4)) == 0:
        base = sdk_shaped(base)  # nulls everywhere, as the SDK sends them
    request: Pairs = _pairs(base)
    for mistake in draw(st.lists(st.sampled_from(MISTAKES), max_size=4)):
        draw(_inject(request, mistake))
    return request


# Writing a request -----------------------------------------------------------------------------------


def _json_text(value: Any, indent: int | None, level: int = 0) -> str:
    if _is_obj(value):
        parts = [f"{json.dumps(key)}: {_json_text(item, indent, level + 1)}" for key, item in value]
    elif isinstance(value, list) and value:
        parts = [_json_text(item, indent, level + 1) for item in value]
    elif isinstance(value, list):
        return "[]"
    else:
        return json.dumps(value, ensure_ascii=False)
    opening, closing = ("{", "}") if _is_obj(value) else ("[", "]")
    if indent is None:
        return opening + ", ".join(parts) + closing
    inner = "\n" + " " * (indent * (level + 1))
    return opening + inner + ("," + inner).join(parts) + "\n" + " " * (indent * level) + closing


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")


def _yaml_scalar(value: Any, draw: st.DrawFn) -> str:
    if value is None:
        return draw(st.sampled_from(["null", "~"]))
    if isinstance(value, bool):
        # Now and then as YAML 1.1 writes it (C06): PyYAML reads yes and off as booleans, YAML 1.2 does not.
        return draw(st.sampled_from(["true", "true", "yes", "On"] if value else ["false", "false", "no", "OFF"]))
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and yaml.safe_load(value) == value and draw(st.booleans()):
        return str(value)
    if "'" not in value and value.isprintable() and value.isascii() and draw(st.booleans()):
        return f"'{value}'"
    return _double_quoted(value)


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, everything else escaped."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif (
            0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or code >= 0x10000
        ):
            out.append(char)
        else:
            out.append(f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


def _yaml_key(key: str, draw: st.DrawFn) -> str:
    return key if draw(st.integers(0, 5)) else f'"{key}"'


def _trailing(draw: st.DrawFn) -> str:
    return "  # note" if draw(st.integers(0, 3)) == 0 else ""


def _yaml_flow(value: Any, draw: st.DrawFn) -> str:
    if _is_obj(value):
        return "{" + ", ".join(f"{_yaml_key(k, draw)}: {_yaml_flow(v, draw)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_flow(item, draw) for item in value) + "]"
    return _yaml_scalar(value, draw)


def _yaml_mapping(pairs: Pairs, indent: int, draw: st.DrawFn, dash: bool = False) -> list[str]:
    lines: list[str] = []
    for position, (key, value) in enumerate(pairs):
        first = dash and position == 0
        pad = " " * (indent - 2) + "- " if first else " " * indent
        if not first and draw(st.integers(0, 4)) == 0:
            lines.append(" " * indent + "# about " + key)
        if draw(st.integers(0, 6)) == 0 and not first:
            lines.append("")
        head = f"{pad}{_yaml_key(key, draw)}:"
        if _is_obj(value) and draw(st.integers(0, 3)):
            lines.append(head + _trailing(draw))
            lines += _yaml_mapping(value, indent + 2, draw)
        elif isinstance(value, list) and value and not _is_obj(value):
            lines.append(head + _trailing(draw))
            for item in value:
                if _is_obj(item):
                    lines += _yaml_mapping(item, indent + 4, draw, dash=True)
                else:
                    lines.append(" " * (indent + 2) + "- " + _yaml_flow(item, draw))
        else:
            lines.append(f"{head} {_yaml_flow(value, draw)}{_trailing(draw)}")
    return lines


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str]:
    """A generated request as (filename, text)."""
    request = draw(requests())
    if draw(st.booleans()):
        return "request.json", _json_text(request, draw(st.sampled_from([None, 2, 4]))) + "\n"
    lines = ["# generated request", *_yaml_mapping(request, 0, draw), "# end"]
    return "request.yaml", "\n".join(lines) + "\n"


_SCALAR_LINE = re.compile(r"^( *)(?:- )?([A-Za-z]+): ([^\s#{}\[\]&*!|>][^#{}\[\]]*?)(  #.*)?$")


@st.composite
def with_yaml_machinery(draw: st.DrawFn) -> tuple[str, str]:
    """A generated YAML request with YAML's own machinery mixed in: an anchored scalar and an alias of it, a
    merge key in a block mapping, and a repeated key (with the same or another value)."""
    filename, text = draw(written())
    if filename != "request.yaml":
        return filename, text
    lines = text.split("\n")
    scalars = [index for index, line in enumerate(lines) if _SCALAR_LINE.match(line)]
    if scalars and draw(st.booleans()):  # an anchor, and the top-level description as its alias
        index = draw(st.sampled_from(scalars))
        indent, dash, key, value, comment = _parts(lines[index])
        lines[index] = f"{indent}{dash}{key}: &a{index} {value}{comment}"
        lines = [line for line in lines if not line.lower().startswith("description:")]
        lines.insert(1, f"description: *a{index}")
    blocks = [i for i, line in enumerate(lines) if line.strip() == "cloudDiskSpec:" and i + 1 < len(lines)]
    if blocks and draw(st.booleans()):  # a merge key as the mapping's first member
        index = draw(st.sampled_from(blocks))
        inner = len(lines[index + 1]) - len(lines[index + 1].lstrip(" "))
        lines.insert(
            index + 1, " " * inner + "<<: {" + draw(st.sampled_from(["iops: 3000", "diskSizeGB: 40", "az: x"])) + "}"
        )
    scalars = [index for index, line in enumerate(lines) if _SCALAR_LINE.match(line) and "- " not in line]
    if scalars and draw(st.booleans()):  # a repeated key
        index = draw(st.sampled_from(scalars))
        indent, _, key, value, _ = _parts(lines[index])
        lines.insert(index + 1, f"{indent}{key}: {value if draw(st.booleans()) else 'other'}")
    return filename, "\n".join(lines)


def _exists(root: Any, pointer: str) -> bool:
    node = root
    for token in [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def _parts(line: str) -> tuple[str, str, str, str, str]:
    match = _SCALAR_LINE.match(line)
    assert match is not None
    indent, key, value, comment = match.group(1), match.group(2), match.group(3), match.group(4) or ""
    dash = "- " if line[len(indent) :].startswith("- ") else ""
    return indent, dash, key, value, comment


# What the API reads -----------------------------------------------------------------------------------


def _api_view(value: Any, fields: tuple[str, ...] = TOP_FIELDS) -> Any:
    """The request as the API reads it: keys matched case-insensitively, nulls and unknown keys dropped,
    and the members it ignores (C34, C44, C48) left out."""
    if not isinstance(value, dict):
        return value
    by_fold = {name.casefold(): name for name in fields}
    read: dict[str, Any] = {}
    for key, item in value.items():
        name = by_fold.get(key.casefold())
        if name is None or item is None:
            continue
        read[name] = item
    if "dataDisks" in read and isinstance(read["dataDisks"], list):
        read["dataDisks"] = [_entry_view(entry) for entry in read["dataDisks"]]
    return read


def _entry_view(entry: Any) -> Any:
    if not isinstance(entry, dict):
        return entry
    read = _api_view(entry, ENTRY_FIELDS)
    if read.get("noDevice") is True:
        return {key: item for key, item in read.items() if key in ("deviceName", "noDevice")}
    spec = read.get("cloudDiskSpec")
    if isinstance(spec, dict):
        disk = _api_view(spec, DISK_FIELDS)
        disk = {key: item for key, item in disk.items() if key not in IGNORED_DISK_FIELDS}
        if disk.get("diskType") in NO_IOPS_DISK_TYPES:
            disk.pop("iops", None)
        read["cloudDiskSpec"] = disk
    return read


def _read(text: str, filename: str) -> Any:
    document = parse_text(text, filename)
    assert not hasattr(document, "message"), (text, document)
    return document.root  # type: ignore[union-attr]


# The properties -----------------------------------------------------------------------------------------


def _parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")]


def _gains(before: tuple[Finding, ...], after: tuple[Finding, ...], fixed: tuple[Finding, ...]) -> list[Finding]:
    """Findings of `after` that `before` lacked, by rule and pointer (case-insensitively, across renamed
    keys); info notes inside an object an unsafe fix changed do not count."""
    renames = []
    changed = []
    for finding in fixed:
        assert finding.fix is not None
        intent = finding.fix.intent
        if isinstance(intent, RenameKey):
            renames.append((intent.pointer.casefold(), f"{_parent(intent.pointer)}/{intent.new_key}".casefold()))
        if not finding.fix.safe:
            changed.append(_parent(finding.pointer).casefold())

    def original(pointer: str) -> str:
        folded = pointer.casefold()
        for old, new in reversed(renames):
            if folded == new or folded.startswith(new + "/"):
                folded = old + folded[len(new) :]
        return folded

    known = {(finding.rule, finding.pointer.casefold()) for finding in before}
    gained = []
    for finding in after:
        pointer = original(finding.pointer)
        if (finding.rule, pointer) in known:
            continue
        inside = any(pointer == region or pointer.startswith(region + "/") for region in changed)
        if inside and finding.severity.label == "info":
            continue
        gained.append(finding)
    return gained


@PROPERTY_SETTINGS
@given(written())
def test_safe_fixes_never_change_what_the_api_reads(case: tuple[str, str]) -> None:
    filename, text = case
    result = fix_create_image(text, filename=filename)
    assert _api_view(_read(result.text, filename)) == _api_view(_read(text, filename)), result.text
    assert all(finding.fix is not None and finding.fix.safe for finding in result.fixes)


@PROPERTY_SETTINGS
@given(written(), st.booleans())
def test_fixing_is_idempotent(case: tuple[str, str], unsafe: bool) -> None:
    filename, text = case
    once = fix_create_image(text, filename=filename, unsafe=unsafe)
    twice = fix_create_image(once.text, filename=filename, unsafe=unsafe)
    assert twice.text == once.text
    assert twice.fixes == ()


@PROPERTY_SETTINGS
@given(written(), st.booleans())
def test_the_fixed_text_parses_and_gains_no_finding(case: tuple[str, str], unsafe: bool) -> None:
    filename, text = case
    result = fix_create_image(text, filename=filename, unsafe=unsafe)
    _read(result.text, filename)
    original = check_create_image(text, filename=filename).findings
    assert _gains(original, result.report.findings, result.fixes) == [], result.text


@PROPERTY_SETTINGS
@given(written() | with_yaml_machinery())
def test_safe_fixes_leave_exactly_the_other_findings(case: tuple[str, str]) -> None:
    """A fresh check of the fixed text finds what the original had, less the findings that were fixed:
    a safe fix neither hides nor adds a finding (pointers compared case-insensitively; findings about a
    removed member go with it)."""
    filename, text = case
    if any(finding.rule == "C01" for finding in check_create_image(text, filename=filename).findings):
        return  # the generator wrote something unreadable (an alias before its anchor): nothing to fix
    result = fix_create_image(text, filename=filename)
    fresh = check_create_image(result.text, filename=filename).findings

    def keys(findings: tuple[Finding, ...]) -> set[tuple[str, str]]:
        return {(finding.rule, finding.pointer.casefold()) for finding in findings}

    fixed_root = _read(result.text, filename)
    removed = [  # members no longer there (a repeated key removed keeps the key when it is spelt alike)
        fix.intent.pointer
        for fix in (finding.fix for finding in result.fixes)
        if fix is not None
        and isinstance(fix.intent, RemoveMember | RemoveDuplicate)
        and not _exists(fixed_root, fix.intent.pointer)
    ]
    kept = tuple(
        finding
        for finding in check_create_image(text, filename=filename).findings
        if not any(finding.pointer == gone or finding.pointer.startswith(gone + "/") for gone in removed)
    )
    assert keys(fresh) == keys(kept) - keys(result.fixes)


@PROPERTY_SETTINGS
@given(written())
def test_after_unsafe_fixes_nothing_fixable_remains(case: tuple[str, str]) -> None:
    filename, text = case
    result = fix_create_image(text, filename=filename, unsafe=True)
    assert [finding for finding in result.report.findings if finding.fix is not None] == [], result.text


@PROPERTY_SETTINGS
@given(written())
def test_generated_mistakes_are_fixed(case: tuple[str, str]) -> None:
    """The generator is worth its name: whatever it injected is found, and fixed unless a fix had to be
    refused (which then is no longer offered)."""
    filename, text = case
    result = fix_create_image(text, filename=filename, unsafe=True)
    assert not [f for f in result.report.findings if f.rule in ("C02", "C05", "C44", "C48") and f.fix is not None]


@PROPERTY_SETTINGS
@given(json_objects, st.sampled_from(["a.json", "a.yaml"]), st.booleans())
def test_fixing_any_object_never_fails(value: dict[str, Any], filename: str, unsafe: bool) -> None:
    """Arbitrary members (unknown keys, wrong types, nulls, nesting) never make fixing raise, and what it
    writes still parses."""
    text = (
        json.dumps(value, ensure_ascii=False)
        if filename.endswith(".json")
        else yaml.safe_dump(value, allow_unicode=True)
    )
    result = fix_create_image(text, filename=filename, unsafe=unsafe)
    _read(result.text, filename)


@PROPERTY_SETTINGS
@given(st.text(max_size=200), st.sampled_from(["a.json", "a.yaml"]))
def test_fixing_any_text_never_fails(text: str, filename: str) -> None:
    result = fix_create_image(text, filename=filename, unsafe=True)
    assert result.changed == (result.text != text)
    if result.changed:
        _read(result.text, filename)


@PROPERTY_SETTINGS
@given(written() | with_yaml_machinery())
def test_skipping_the_ambiguity_walk_offers_the_same_fixes(case: tuple[str, str]) -> None:
    """A JSON text with no key written twice skips the walk that refuses fixes settling an ambiguity: the
    check offers exactly the fixes a fixer that always walks would offer."""
    from validator.core.engine import check_document
    from validator.fixes.edits import Fixer
    from validator.readers import Document

    filename, text = case
    document = parse_text(text, filename)
    if not isinstance(document, Document):
        return
    yaml_text = not filename.endswith(".json")
    walking = Fixer(text, yaml_text, document.spans, frozenset(r.pointer for r in document.readings))
    always = check_document(document, path=filename, fixer=walking)
    offered = check_create_image(text, filename=filename).findings
    assert [finding.fix for finding in offered] == [finding.fix for finding in always]


def test_a_json_key_written_twice_with_different_values_still_gets_no_fix() -> None:
    text = '{"name": "web", "dataDisks": [], "description": "a", "Description": "b", "description": "c"}'
    findings = check_create_image(text, filename="request.json").findings
    assert any(finding.rule == "C02" for finding in findings)
    assert [finding for finding in findings if finding.fix is not None] == []
