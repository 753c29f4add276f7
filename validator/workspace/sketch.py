"""What can be read of a YAML (or JSON-like) file the strict reader refuses: its documents sketched a few
levels deep from the parser's events, for recognise.py to tell what kind of file it is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# How deep the sketch of an unparseable YAML file goes: recognition looks at most three levels down.
_SKETCH_DEPTH = 3


class _Sketch:
    """A document being built from parser events, a few levels deep (see `_sketches`)."""

    def __init__(self) -> None:
        self.stack: list[tuple[object, list[object]]] = []  # (container, pending key for a mapping)
        self.skipped = 0  # collections below the sketch depth being passed over
        self.document: object = None

    def put(self, value: object) -> None:
        if not self.stack:
            self.document = value
            return
        container, pending = self.stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif pending:
            assert isinstance(container, dict)
            container[pending.pop()] = value
        else:
            pending.append(value if isinstance(value, str) else "")

    def skip(self, event: object, yaml: Any) -> bool:
        """Whether `event` lies below the sketch depth (and is passed over)."""
        if not self.skipped:
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            self.skipped += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            self.skipped -= 1
        return True

    def start(self, mapping: bool) -> None:
        if len(self.stack) >= _SKETCH_DEPTH:
            self.skipped = 1
            self.put(None)
            return
        container: object = {} if mapping else []
        self.put(container)
        self.stack.append((container, []))

    def finish(self) -> object:
        document, self.document = self.document, None
        return document


def sketches(text: str) -> Iterator[object]:
    """The documents of a YAML (or JSON-like) text as far as the parser gets, down to a few levels, with
    every tag read as plain data and aliases as null. Built from the event stream, without recursion, so a
    file that the strict reader refuses (custom tags, several documents, an error further down) still shows
    what it is."""
    import yaml

    sketch = _Sketch()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader):
            if sketch.skip(event, yaml):
                continue
            if isinstance(event, yaml.CollectionStartEvent):
                sketch.start(isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, yaml.CollectionEndEvent):
                sketch.stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                sketch.put(event.value)
            elif isinstance(event, yaml.AliasEvent):
                sketch.put(None)
            elif isinstance(event, yaml.DocumentEndEvent):
                yield sketch.finish()
    except yaml.YAMLError:
        if sketch.document is not None:
            yield sketch.document
