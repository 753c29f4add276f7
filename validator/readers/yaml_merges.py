"""Merged maps that disagree: `<<: [*a, *b]` where two of the maps set the same key and the mapping does not
set it itself. YAML loaders differ on the value (the merge specification and PyYAML up to 6.0.3 take the
first map's, PyYAML 6.0.4 the last's); the first is checked and C06 names both (docs/decisions.md#merged-maps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs
import yaml

from validator.readers.yaml_compose import MERGE_TAG


@attrs.frozen
class Disagreement:
    """A key the merged maps of one `<<` set differently: where the `<<` is, and the first and last values."""

    key: str
    position: tuple[int, int]
    first: object
    last: object


def _value(item: Any, construct: Callable[[yaml.Node], object]) -> object:
    """A scalar's value as PyYAML reads it; a mapping or sequence stands for itself (by its node)."""
    node = getattr(item, "node", item)  # an alias names its node
    if isinstance(node, yaml.ScalarNode):
        try:
            return construct(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node
    return node


def _same(one: object, other: object) -> bool:
    if isinstance(one, yaml.Node) or isinstance(other, yaml.Node):
        return one is other
    return type(one) is type(other) and (one == other or (one != one and other != other))


def disagreements(
    node: yaml.MappingNode,
    sources: Callable[[Any], list[list[Any]]],
    construct: Callable[[yaml.Node], object],
    position: Callable[[yaml.Node], tuple[int, int]],
) -> Iterator[Disagreement]:
    """The disagreements of every `<<` of `node` that lists more than one map; `sources` gives the members
    of each map a merge value names, in the order listed."""
    explicit = {str(key.value) for key, _ in node.value if isinstance(key, yaml.ScalarNode) and key.tag != MERGE_TAG}
    for key_item, value_item in node.value:
        key_node = getattr(key_item, "node", key_item)
        target = getattr(value_item, "node", value_item)
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == MERGE_TAG):
            continue
        if not isinstance(target, yaml.SequenceNode) or len(target.value) < 2:
            continue
        values: dict[str, list[object]] = {}
        for members in sources(value_item):
            # A map's members list its own merges first: its last occurrence of a key is the value it gives.
            given = {str(getattr(key, "value", "")): value for key, value, _where, _merged in members}
            for name, value in given.items():
                if name not in explicit:
                    values.setdefault(name, []).append(_value(value, construct))
        for name, found in values.items():
            if len(found) > 1 and not _same(found[0], found[-1]):
                yield Disagreement(name, position(key_node), found[0], found[-1])
