"""The source map's spans and the edits they make possible, on the edge cases of JSON and YAML (issue 13): text
that cannot be mapped gives no fix rather than a wrong one."""

from __future__ import annotations

import pytest

from validator import fix_create_image
from validator.fixes.edits import Fixer, render_value
from validator.fixes.records import SAFE, UNSAFE, RemoveDuplicate, RemoveMember, RenameKey, ReplaceValue
from validator.readers import Document, read_text
from validator.readers.records import MAX_DEPTH, offset_position
from validator.readers.source_map import Member, Node, NoSpans, find, value_at


def _source_map(text: str, filename: str) -> Node:
    """The spans of the reader's source map for `text`; NoSpans when the reader gives none."""
    document = read_text(text, filename)
    if not isinstance(document, Document) or document.spans is None:
        raise NoSpans
    return document.spans()


def json_spans(text: str) -> Node:
    return _source_map(text, "request.json")


def yaml_spans(text: str) -> Node:
    return _source_map(text, "request.yaml")


def _fixer(text: str, is_yaml: bool) -> Fixer:
    document = read_text(text, "request.yaml" if is_yaml else "request.json")
    return Fixer(text, is_yaml, document.spans if isinstance(document, Document) else None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"a" 1}',
        '{"a": 1 2}',
        "[1 2]",
        "{1: 2}",
        '"abc',
        '{"a": nope}',
        '{"a\\x": 1}',
        '{"a": "\\x"}',
        "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
    ],
)
def test_json_that_cannot_be_mapped(text: str) -> None:
    with pytest.raises(NoSpans):
        json_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "[a, b]: 1\n",
        "a: [1, 2\n",
        "a:\n" + "".join(f"{'  ' * i}- \n" for i in range(MAX_DEPTH + 2)),
    ],
)
def test_yaml_that_cannot_be_mapped(text: str) -> None:
    with pytest.raises(NoSpans):
        yaml_spans(text)


def test_json_spans_cover_keys_values_and_arrays() -> None:
    text = '\ufeff { "a" : [1, {"b": "x"}], "c": -1.5e3, "a": null }'
    root = json_spans(text)
    assert root.kind == "object"
    assert [member.key for member in root.members] == ["a", "c", "a"]
    found = find(root, "/a")
    assert found == (root, 2)  # the last occurrence, as parsers keep it
    inner = value_at(root, "/a")
    assert inner is not None
    assert text[inner.start : inner.end] == "null"
    assert value_at(root, "/c") is not None
    assert root.members[1].value.value is not None
    assert root.members[1].value.value() == -1500.0
    assert find(root, "/a/0") is None  # through null
    assert find(root, "") is None
    assert find(root, "/nope") is None
    assert value_at(root, "/nope/x") is None
    array = root.members[0].value
    assert array.kind == "array"
    assert [text[item.start : item.end] for item in array.items] == ["1", '{"b": "x"}']
    assert find(json_spans('{"a": [{"b": 1}]}'), "/a/0/b") is not None
    assert find(json_spans('{"a": [{"b": 1}]}'), "/a/5/b") is None
    assert find(json_spans('{"a": [{"b": 1}]}'), "/a/0") is None  # an array item is no member
    assert find(json_spans('{"a~1b": {"c~d": 1}}'), "/a~01b/c~0d") is not None  # ~0 is ~, then ~1 stays
    assert find(json_spans('{"a/b": {"c~d": 1}}'), "/a~1b/c~0d") is not None


def test_yaml_spans_mark_what_no_edit_may_touch() -> None:
    text = "a: &x 1\nb: *x\nc: !!str 2\nd: |\n  text\n  more\ne: [1, *x]\nf: {g: 1}\n"
    root = yaml_spans(text)
    values = {member.key: member.value for member in root.members}
    assert values["a"].opaque  # anchored
    assert values["b"].opaque  # an alias
    assert values["c"].opaque  # tagged
    assert values["d"].opaque  # a block scalar
    assert text[values["d"].start : values["d"].end] == "|\n  text\n  more"
    assert values["e"].items[1].opaque
    assert values["f"].flow
    assert find(root, "/b/x") is None


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        # A tagged, an anchored and a block-scalar value are left as written.
        (
            "a.yaml",
            "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: !!str 45\n",
        ),
        (
            "a.yaml",
            "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: &size '45'\n",
        ),
        (
            "a.yaml",
            "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: |-\n        SSD.IO1\n      diskSizeGB: 40\n",
        ),
    ],
)
def test_values_written_with_yaml_machinery_get_no_fix(filename: str, text: str) -> None:
    result = fix_create_image(text, filename=filename, unsafe=True)
    assert result.text == text
    assert all(finding.fix is None for finding in result.report.findings)


def test_the_fixer_declines_what_it_cannot_place() -> None:
    assert _fixer('{"name": ', False)(RemoveMember("/name", SAFE)) is None  # no span tree
    fixer = _fixer('{"name": "web", "dataDisks": [{"deviceName": "vdc"}], "x": {"y": 1}}', False)
    assert fixer(ReplaceValue("/x", 1, UNSAFE)) is None  # not a scalar
    assert fixer(ReplaceValue("/nope", 1, UNSAFE)) is None
    assert fixer(RenameKey("/nope", "name", SAFE)) is None
    assert fixer(RenameKey("/x", "name", SAFE)) is None  # the name is taken
    assert fixer(RemoveDuplicate("/name")) is None  # written once
    first = _fixer('{"name": "web", "Name": "web"}', False)
    assert first(RemoveDuplicate("/Name")) is not None
    assert _fixer('{"name": "web", "Name": "web2"}', False)(RemoveDuplicate("/Name")) is None
    # Explicit YAML keys: the second key does not start its line, so removing it has no safe span.
    explicit = _fixer("? name\n: web\n? az\n: x\n", True)
    assert explicit(RemoveMember("/az", SAFE)) is None


def test_a_repeated_key_is_not_removed_from_an_anchored_mapping() -> None:
    text = "name: web\nbase: &b\n  x: 1\n  x: 1\n"
    fixer = _fixer(text, True)
    assert fixer(RemoveDuplicate("/base/x")) is None


@pytest.mark.parametrize(
    ("value", "style", "is_yaml", "written"),
    [
        (True, "", True, "true"),
        (False, '"', False, "false"),
        (40, "'", True, "40"),
        ("ssd.io1", "", True, "ssd.io1"),
        ("ssd.io1", "'", True, "'ssd.io1'"),
        ("ssd.io1", '"', True, '"ssd.io1"'),
        ("yes", "", True, '"yes"'),  # a plain yes would read as a boolean
        ("a b: c", "", True, '"a b: c"'),
        ("it's", "'", True, "'it''s'"),
        ("ssd.io1", "", False, '"ssd.io1"'),
        ("云盘", "", False, '"云盘"'),
    ],
)
def test_values_are_written_in_the_files_syntax(
    value: bool | int | str, style: str, is_yaml: bool, written: str
) -> None:
    assert render_value(value, style, is_yaml) == written


def _members(node: Node, pointer: str = "") -> list[tuple[str, Member]]:
    found = []
    last = {member.key: member for member in node.members}  # a repeated key: parsers keep the last
    for member in node.members:
        if not member.merge and last[member.key] is member:
            child = f"{pointer}/{member.key.replace('~', '~0').replace('/', '~1')}"
            found.append((child, member))
            found += _members(member.value, child)
    for index, item in enumerate(node.items):
        found += _members(item, f"{pointer}/{index}")
    return found


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        ("a.json", '\ufeff{"name": "网站", "dataDisks": [{"deviceName": "vdb", "a/b": {"c~d": 1}}]}'),
        (
            "a.json",
            '{\r\n  "name": "😀",\r\n  "name": "x",\r\n  "dataDisks": [\r\n    {"noDevice": true}\r\n  ]\r\n}\r\n',
        ),
        (
            "a.yaml",
            "\ufeffname: 网站\r\ndataDisks:\r\n  - deviceName: vdb  # 注释\r\n    cloudDiskSpec: {diskType: ssd}\r\n",
        ),
        ("a.yaml", "name: '😀 x'\ndescription: \"d\"\ndataDisks:\n- deviceName: vdc\n  autoDelete: true\n"),
    ],
)
def test_findings_positions_and_fix_spans_come_from_one_source_map(filename: str, text: str) -> None:
    """Every key and value is placed by findings exactly where the fixes' spans put it (one map, BOM,
    CRLF, astral and CJK characters included)."""
    document = read_text(text, filename)
    assert isinstance(document, Document)
    assert document.spans is not None
    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    members = _members(document.spans())
    assert len(members) >= 3
    for pointer, member in members:
        assert text[member.key_start : member.key_end].strip("\"'") == member.key
        key_line, key_column = offset_position(line_starts, member.key_start)
        value_line, value_column = offset_position(line_starts, member.value.start)
        bom = 1 if text.startswith("\ufeff") else 0
        assert document.locate(pointer, at_key=True) == (key_line, key_column - (bom if key_line == 1 else 0))
        assert document.locate(pointer) == (value_line, value_column - (bom if value_line == 1 else 0))


def test_fixing_yaml_needs_no_second_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spans come from the reader's own parse: PyYAML's pure-Python composer is never asked."""
    import yaml

    def refused(*_: object, **__: object) -> object:
        raise AssertionError("a second parse of the text")

    monkeypatch.setattr(yaml.SafeLoader, "get_single_node", refused)
    monkeypatch.setattr(yaml.SafeLoader, "compose_node", refused)
    fixed = fix_create_image("name: web\nDataDisks:\n  - deviceName: vdc\n", filename="a.yaml")
    assert fixed.text == "name: web\ndataDisks:\n  - deviceName: vdc\n"
