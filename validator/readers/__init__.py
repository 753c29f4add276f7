"""The readers: everything that turns a request as given (JSON or YAML text, bytes, a dict or an SDK object)
into a `Document` with source positions, behind one entry, `read`. The rest of the program never parses.

records.py     the Document and ParseFailure records, pointers and positions
decoding.py    bytes to text (UTF-8, byte-order marks)
source_map.py  the source map: where every key and value is written, for findings' positions and fix spans
json_reader.py JSON with duplicate keys, and its source map (built lazily, along the pointers asked for)
yaml_compose.py YAML composed from the parser's events, remembering aliases and where nodes end
yaml_reader.py YAML as PyYAML reads it, safely, with positions (imported only when YAML is read)
yaml_spans.py  the YAML source map's spans, from the composed nodes (built when a fix needs them)
sdk_objects.py plain values from dicts and the JD Cloud SDK's objects
"""

from __future__ import annotations

import functools
import re

from validator.readers.decoding import decode
from validator.readers.json_reader import read_json
from validator.readers.records import MAX_DEPTH, Document, ParseFailure
from validator.readers.sdk_objects import TooDeep, TooLarge, Unreadable, plain_request

YAML_SUFFIXES = (".yaml", ".yml")


# The reference page shows a request as its path line and then the body; a file copied from it starts so.
# Compiled on first use: only a text that starts as such a line can be one (docs/performance.md).
@functools.cache
def _request_line_pattern() -> re.Pattern[str]:
    return re.compile(
        r"[\ufeff \t\r\n]*(?P<line>(?:POST[ \t]+)?(?:https?://[^\s/]+)?(?P<path>/v1/regions/\S*:createImage))"
        r"[ \t]*(?:\r?\n|$)",
        re.IGNORECASE,
    )


def is_yaml(text: str, filename: str | None) -> bool:
    """YAML by the file's suffix when there is one that says; else JSON when the text starts like it."""
    if filename is not None and filename.lower().endswith(YAML_SUFFIXES):
        return True
    if filename is not None and filename.lower().endswith(".json"):
        return False
    return text.lstrip("\ufeff \t\r\n")[:1] not in ("{", "[")


def _request_line(text: str) -> ParseFailure | None:
    match = _request_line_pattern().match(text)
    if match is None:
        return None
    start = match.start("line")
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return ParseFailure(
        f"the first line is the request path ({match.group('path')}), not JSON or YAML: remove it and keep the body "
        "(regionId and instanceId may go in the body, parameters form)",
        line,
        column,
        f"第一行是请求路径（{match.group('path')}），不是 JSON 或 YAML：请删除这一行，只保留请求体"
        "（regionId 和 instanceId 可以写进请求体，即参数形式）",
    )


def read_text(text: str, filename: str | None = None) -> Document | ParseFailure:
    """A document from JSON or YAML text; `filename` (its suffix) chooses the reader when it says."""
    if text.lstrip("\ufeff \t\r\n")[:1] in ("/", "P", "p", "h", "H"):
        failure = _request_line(text)
        if failure is not None:
            return failure
    if not is_yaml(text, filename):
        return read_json(text)
    # PyYAML is imported only when a YAML document is read.
    from validator.readers.yaml_reader import read_yaml

    return read_yaml(text)


def read(source: object, filename: str | None = None) -> Document | ParseFailure:
    """The one entry: a document from text (str), a file's bytes, or a dict / SDK request object."""
    if isinstance(source, bytes):
        text = decode(source)
        return text if isinstance(text, ParseFailure) else read_text(text, filename)
    if isinstance(source, str):
        return read_text(source, filename)
    try:
        return Document(plain_request(source))
    except TooDeep as exc:
        return ParseFailure(str(exc), zh=f"请求的嵌套超过 {MAX_DEPTH} 层（是否有对象包含了它自己？）")
    except TooLarge as exc:  # shared sub-objects (x = [x, x], nested) would be walked exponentially often
        return ParseFailure(f"cannot read the request object: {exc}", zh=f"无法读取请求对象：{exc}")
    except Unreadable as exc:  # an SDK-like object whose attribute access raises
        return ParseFailure(f"cannot read the request object: {exc}", zh=f"无法读取请求对象：{exc}")


__all__ = ["Document", "ParseFailure", "decode", "is_yaml", "read", "read_text"]
