"""From a fix intent to the text edits that carry it out in one file, written in the file's own syntax.

Edits touch only their spans: removing a member takes its separator with it in JSON and YAML flow style,
and its whole lines (nested lines and the comments on them) in YAML block style; renaming a key or
replacing a value keeps the quoting the file used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from validator.fixes.ambiguity import Repeats, chooses_a_reading
from validator.fixes.records import Edit, Fix, Intent, RemoveDuplicate, RemoveMember, RenameKey, ReplaceValue
from validator.readers.records import offset_position
from validator.readers.source_map import Member, Node, NoSpans, find, value_at

Span = tuple[int, int, str]

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
# Words some YAML loaders read as booleans and others as strings (docs/decisions.md#yaml-1-1): never written plain.
_AMBIGUOUS = frozenset({"y", "n", "yes", "no", "on", "off"})


def _plain_ok(text: str) -> bool:
    """Whether `text` may be written as a YAML plain scalar and still be read back as that string."""
    if not _PLAIN.fullmatch(text) or text.casefold() in _AMBIGUOUS:
        return False
    import yaml

    # What PyYAML's safe loader makes of it, by its resolver: a plain scalar it tags str reads back as itself.
    resolver: Any = yaml.resolver.Resolver()
    return bool(resolver.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def _quoted(text: str, style: str, is_yaml: bool) -> str:
    if is_yaml and style == "'":
        return "'" + text.replace("'", "''") + "'"
    if is_yaml and style == "" and _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def render_value(value: bool | int | str, style: str, is_yaml: bool) -> str:
    """A JSON value as the file writes it: `true` and `40` bare, a string quoted as the old one was."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _quoted(value, style, is_yaml)


def _member_end(member: Member) -> int:
    return max(member.value.end, member.key_end)


def removal(text: str, parent: Node, index: int) -> Span:
    """The edit that removes member `index` of `parent` and leaves a valid object."""
    members = parent.members
    member = members[index]
    if parent.flow:
        if len(members) == 1:
            return parent.start + 1, parent.end - 1, ""
        if index < len(members) - 1:
            return member.key_start, members[index + 1].key_start, ""
        return _last_in_flow(text, members[index - 1], member)
    end = _member_end(member)
    line_start = text.rfind("\n", 0, member.key_start) + 1
    if len(members) == 1:
        # An empty block mapping cannot be written in block style: `{}` keeps it an (empty) object.
        return member.key_start, end, "{}"
    if text[line_start : member.key_start].strip(" \t") == "":
        stop = _after_nested_comments(text, _line_end(text, end), member.key_start - line_start)
        if stop == len(text) and not text.endswith("\n") and line_start > 0:
            # The last line, without a final newline: the line break before it goes, so that none is added.
            line_start -= 2 if text[line_start - 2 : line_start] == "\r\n" else 1
        return line_start, stop, ""
    if index == 0:
        # The first member after a sequence's "- ": the next member moves up beside the dash.
        return member.key_start, members[1].key_start, ""
    raise NoSpans


def _last_in_flow(text: str, previous: Member, member: Member) -> Span:
    """Removing the last member of a flow mapping: the comma before it and, when it has a line of its own,
    that line (its comment with it); the previous member's comment stays where it is."""
    before = _member_end(previous)
    end = _member_end(member)
    comma = text.find(",", before, member.key_start)
    line_start = text.rfind("\n", 0, member.key_start) + 1
    line_end = _line_end(text, end)
    rest = text[end:line_end].strip()
    own_line = line_start > comma >= 0 and text[line_start : member.key_start].strip(" \t") == ""
    if own_line and (rest == "" or rest.startswith("#")) and line_end < len(text):
        return comma, line_end, text[comma + 1 : line_start]
    return before, end, ""


_ANCHOR = re.compile(r"(?:^|(?<=[\s\[{,:-]))&([^\s,\[\]{}]+)")


def _orphans_an_alias(text: str, span: Span) -> bool:
    """Whether the edit removes an anchor that an alias elsewhere still names (the file would not parse)."""
    start, end, replacement = span
    if "&" not in text[start:end]:
        return False  # no anchor removed: the common case costs no copy of the text
    removed = _ANCHOR.findall(text[start:end])
    kept = text[:start] + replacement + text[end:]
    return any(re.search(r"\*" + re.escape(name) + r"(?![^\s,\[\]{}])", kept) for name in removed)


def _line_end(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _after_nested_comments(text: str, offset: int, column: int) -> int:
    """Past the comment lines right after a removed member that are indented deeper than its key: they
    are about its nested lines. A blank line or a shallower comment belongs to what follows."""
    while offset < len(text):
        end = _line_end(text, offset)
        line = text[offset:end]
        body = line.lstrip(" \t")
        if not body.startswith("#") or len(line) - len(body) <= column:
            break
        offset = end
    return offset


class Fixer:
    """Turns intents into fixes for one text, with the spans of the reader's source map (built on the
    first intent)."""

    def __init__(
        self,
        text: str,
        is_yaml: bool,
        spans: Callable[[], Node] | None,
        readings: frozenset[str] = frozenset(),
        repeats_keys: bool = True,
    ) -> None:
        self.text = text
        self.is_yaml = is_yaml
        self._spans = spans
        # Pointers of values two YAML versions read differently (C06).
        self._readings = readings
        # A JSON text whose reader found no key written twice has no ambiguity a fix could settle: no repeated
        # key, and neither merge keys nor YAML readings, which only YAML has. Such texts skip the walk.
        self._may_be_ambiguous = is_yaml or repeats_keys
        self._root: Node | None = None
        self._failed = False
        self._line_starts: list[int] | None = None
        self._repeats = Repeats()

    @property
    def root(self) -> Node | None:
        if self._root is None and not self._failed:
            try:
                if self._spans is None:
                    raise NoSpans
                self._root = self._spans()
            except (NoSpans, RecursionError, ValueError):
                self._failed = True
        return self._root

    def __call__(self, intent: Intent) -> Fix | None:
        root = self.root
        if root is None:
            return None
        try:
            if self._may_be_ambiguous and chooses_a_reading(root, intent, self._readings, self._repeats):
                return None
            span = self._span(root, intent)
        except NoSpans:
            return None
        if span is None or (self.is_yaml and _orphans_an_alias(self.text, span)):
            return None
        scope = None
        if isinstance(intent, RemoveMember | RemoveDuplicate):
            found = find(root, intent.pointer)
            assert found is not None  # the span was found through it
            scope = (found[0].start, found[0].end, len(found[0].members))
        return Fix(intent.applicability, (self._edit(*span),), intent, scope)

    def _span(self, root: Node, intent: Intent) -> Span | None:
        if isinstance(intent, ReplaceValue):
            node = value_at(root, intent.pointer)
            if node is None or node.kind != "scalar" or node.opaque:
                return None
            return node.start, node.end, render_value(intent.value, node.style, self.is_yaml)
        found = find(root, intent.pointer)
        if found is None:
            return None
        parent, index = found
        if parent.opaque:
            return None
        member = parent.members[index]
        if isinstance(intent, RenameKey):
            if any(other != index for other in parent.named_folded(intent.new_key)):
                return None  # the documented name is already there: renaming would repeat it
            start = member.key_start
            if self.text.startswith(("&", "!"), start):
                # An anchor or tag on the key stays: only the plain key after it is rewritten.
                start = member.key_end - len(member.key)
                if member.key_style or self.text[start : member.key_end] != member.key:
                    return None
            return start, member.key_end, _quoted(intent.new_key, member.key_style, self.is_yaml)
        if isinstance(intent, RemoveMember):
            return removal(self.text, parent, index)
        assert isinstance(intent, RemoveDuplicate)
        return self._duplicate(parent, index)

    def _duplicate(self, parent: Node, index: int) -> Span | None:
        key = parent.members[index].key
        same = parent.named_folded(key)
        if len(same) < 2 or same[0] == index or not self._repeats.one_value(parent, key):
            return None
        return removal(self.text, parent, index)

    def _edit(self, start: int, end: int, replacement: str) -> Edit:
        if self._line_starts is None:
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        start_line, start_column = offset_position(self._line_starts, start)
        end_line, end_column = offset_position(self._line_starts, end)
        return Edit(start, end, replacement, start_line, start_column, end_line, end_column)
