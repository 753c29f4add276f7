"""Document in, findings out: no I/O, no printing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from validator import registry
from validator.documents import Document, ParseFailure
from validator.finding import Finding, Severity
from validator.json_reader import read_json
from validator.messages import Message
from validator.model import normalise
from validator.rules.base import Hit, Rule
from validator.schema_check import schema_hits

YAML_SUFFIXES = (".yaml", ".yml")


def parse_text(text: str, filename: str | None = None) -> Document | ParseFailure:
    """Read JSON or YAML: by the file's suffix when there is one, else JSON when the text starts like it."""
    if filename is not None and filename.lower().endswith(YAML_SUFFIXES):
        return _read_yaml(text)
    if filename is not None and filename.lower().endswith(".json"):
        return read_json(text)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        return read_json(text)
    return _read_yaml(text)


def _read_yaml(text: str) -> Document | ParseFailure:
    # PyYAML is imported only when a YAML document is read.
    from validator.yaml_reader import read_yaml

    return read_yaml(text)


def _failure(failure: ParseFailure, lang: str) -> Finding:
    rule = registry.BY_ID["C01"]
    text = Message(f"cannot read the request: {failure.message}", f"无法读取请求：{failure.message}")
    return Finding(rule.id, rule.severity, text.render(lang), "", failure.line, failure.column)


def _finding(rule: Rule, hit: Hit, document: Document, lang: str) -> Finding:
    severity = hit.severity or rule.severity
    api = hit.api
    if api is None and severity is Severity.ERROR and rule.api is not None:
        api = rule.api.render()
    position = (document.keys if hit.at_key else document.values).get(hit.pointer)
    if position is None:
        position = document.values.get(hit.pointer)
    line, column = position if position is not None else (None, None)
    return Finding(rule.id, severity, hit.message.render(lang), hit.pointer, line, column, api)


def _hits(document: Document) -> Iterable[tuple[Rule, Hit]]:
    assert isinstance(document.root, Mapping)
    request = normalise(document.root, document.duplicates)
    for schema_hit in schema_hits(request):
        yield registry.BY_ID[schema_hit.rule], Hit(schema_hit.pointer, schema_hit.message)
    for rule in registry.RULES:
        if rule.check is not None:
            for hit in rule.check(request):
                yield rule, hit


def check_document(document: Document | ParseFailure, lang: str = "en") -> tuple[Finding, ...]:
    """All findings for one parsed (or unparseable) document, sorted by position."""
    if isinstance(document, ParseFailure):
        return (_failure(document, lang),)
    if not isinstance(document.root, dict):
        line, column = document.values.get("", (1, 1))
        kind = "an array" if isinstance(document.root, list) else "a single value"
        return (_failure(ParseFailure(f"the top level is {kind}, not an object", line, column), lang),)
    findings = [_finding(rule, hit, document, lang) for rule, hit in _hits(document)]
    return tuple(sorted(set(findings), key=Finding.sort_key))
