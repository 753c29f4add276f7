"""A small JSON Schema validator compiled to closures, for the keywords our schemas use.

jsonschema interprets a schema on every call and costs a third of a run's start-up to import; the request
is validated on every run, so the schemas are compiled once into plain functions here instead. The errors
are the ones jsonschema's Draft 2020-12 `iter_errors` gives, with integers strict as the API reads them
(40.0 and true are not integers); tests/test_compiled_schema.py proves that on generated documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

Path = tuple[str | int, ...]
Check = Callable[[Any, Path], Iterator["SchemaError"]]

# Keywords that describe rather than constrain.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples", "$defs"})


class SchemaError(NamedTuple):
    """One failed keyword: where (path into the instance), which keyword, its value, the failing instance,
    and the (sub)schema that holds the keyword (for its `x-rule` annotations)."""

    path: Path
    keyword: str
    value: Any
    instance: Any
    schema: Mapping[str, Any]


def _is_type(instance: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    if name == "number":
        return isinstance(instance, (int, float)) and not isinstance(instance, bool)
    if name == "string":
        return isinstance(instance, str)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "null":
        return instance is None
    raise ValueError(f"unsupported type {name!r}")


# The Python types that are exactly each JSON type (bool is not an integer, float is not an integer).
_EXACT: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


_NUMBERS = frozenset({int, float})


def _equal(one: Any, two: Any) -> bool:
    """JSON equality, as jsonschema's enum uses it: true is not 1, 1.0 is 1."""
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return bool(one == two) and type(one) in (int, float, type(two))


class Compiler:
    """Compiles schemas that may refer to each other by `$id` through `$ref`."""

    def __init__(self, schemas: Sequence[Mapping[str, Any]]) -> None:
        self._by_id = {schema["$id"]: schema for schema in schemas if "$id" in schema}
        self._compiled: dict[int, Check] = {}
        self._valid = PredicateCompiler(schemas)

    def compile(self, schema: Mapping[str, Any]) -> Check:
        key = id(schema)
        if key not in self._compiled:
            # A placeholder first, so that a $ref cycle finds an entry instead of recursing forever.
            checks: list[Check] = []
            self._compiled[key] = _all(checks, self._valid.compile(schema))
            checks.extend(self._keywords(schema))
        return self._compiled[key]

    def _keywords(self, schema: Mapping[str, Any]) -> Iterator[Check]:
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS or keyword.startswith("x-"):
                continue
            factory = getattr(self, "_" + keyword.replace("$", "dollar_"), None)
            if factory is None:
                raise ValueError(f"the compiled validator does not support the keyword {keyword!r}")
            yield factory(value, schema)

    def _type(self, value: Any, schema: Mapping[str, Any]) -> Check:
        names = tuple(value) if isinstance(value, list) else (value,)

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if not any(_is_type(instance, name) for name in names):
                yield SchemaError(path, "type", value, instance, schema)

        return check

    def _enum(self, value: Any, schema: Mapping[str, Any]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if not any(_equal(instance, option) for option in value):
                yield SchemaError(path, "enum", value, instance, schema)

        return check

    def _bound(self, keyword: str, value: Any, schema: Mapping[str, Any], fails: Callable[[Any], bool]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if _is_type(instance, "number") and fails(instance):
                yield SchemaError(path, keyword, value, instance, schema)

        return check

    def _minimum(self, value: Any, schema: Mapping[str, Any]) -> Check:
        return self._bound("minimum", value, schema, lambda instance: instance < value)

    def _maximum(self, value: Any, schema: Mapping[str, Any]) -> Check:
        return self._bound("maximum", value, schema, lambda instance: instance > value)

    def _length(self, keyword: str, value: Any, schema: Mapping[str, Any], fails: Callable[[int], bool]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, str) and fails(len(instance)):
                yield SchemaError(path, keyword, value, instance, schema)

        return check

    def _minLength(self, value: Any, schema: Mapping[str, Any]) -> Check:
        return self._length("minLength", value, schema, lambda length: length < value)

    def _maxLength(self, value: Any, schema: Mapping[str, Any]) -> Check:
        return self._length("maxLength", value, schema, lambda length: length > value)

    def _pattern(self, value: Any, schema: Mapping[str, Any]) -> Check:
        compiled = re.compile(value)

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, str) and compiled.search(instance) is None:
                yield SchemaError(path, "pattern", value, instance, schema)

        return check

    def _maxItems(self, value: Any, schema: Mapping[str, Any]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, list) and len(instance) > value:
                yield SchemaError(path, "maxItems", value, instance, schema)

        return check

    def _minItems(self, value: Any, schema: Mapping[str, Any]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, list) and len(instance) < value:
                yield SchemaError(path, "minItems", value, instance, schema)

        return check

    def _required(self, value: Any, schema: Mapping[str, Any]) -> Check:
        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, dict):
                for name in value:
                    if name not in instance:
                        yield SchemaError(path, "required", value, instance, schema)

        return check

    def _properties(self, value: Any, schema: Mapping[str, Any]) -> Check:
        children = {name: self.compile(subschema) for name, subschema in value.items()}

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, dict):
                for name, child in children.items():
                    if name in instance:
                        yield from child(instance[name], (*path, name))

        return check

    def _additionalProperties(self, value: Any, schema: Mapping[str, Any]) -> Check:
        known = frozenset(schema.get("properties", {}))
        if value is False:

            def refuse(instance: Any, path: Path) -> Iterator[SchemaError]:
                if isinstance(instance, dict) and any(name not in known for name in instance):
                    yield SchemaError(path, "additionalProperties", value, instance, schema)

            return refuse
        child = self.compile(value)

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, dict):
                for name, item in instance.items():
                    if name not in known:
                        yield from child(item, (*path, name))

        return check

    def _propertyNames(self, value: Any, schema: Mapping[str, Any]) -> Check:
        child = self.compile(value)

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            # As in jsonschema: the name's own errors, at the object's path.
            if isinstance(instance, dict):
                for name in instance:
                    yield from child(name, path)

        return check

    def _items(self, value: Any, schema: Mapping[str, Any]) -> Check:
        child = self.compile(value)

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if isinstance(instance, list):
                for index, item in enumerate(instance):
                    yield from child(item, (*path, index))

        return check

    def _dollar_ref(self, value: Any, schema: Mapping[str, Any]) -> Check:
        target = self._by_id.get(value)
        if target is None:
            raise ValueError(f"cannot resolve $ref {value!r}")
        compiled: list[Check] = []

        def check(instance: Any, path: Path) -> Iterator[SchemaError]:
            if not compiled:  # compiled on first use: the target may still be compiling
                compiled.append(self.compile(target))
            yield from compiled[0](instance, path)

        return check


Valid = Callable[[Any], bool]


class PredicateCompiler:
    """The same schemas compiled to a yes/no answer with no error objects: most requests are valid, and
    this is the hot path; the error-collecting check runs only when this says no."""

    def __init__(self, schemas: Sequence[Mapping[str, Any]]) -> None:
        self._by_id = {schema["$id"]: schema for schema in schemas if "$id" in schema}
        self._compiled: dict[int, Valid] = {}

    def compile(self, schema: Mapping[str, Any]) -> Valid:
        key = id(schema)
        if key not in self._compiled:
            parts: list[Valid] = []

            def valid(instance: Any) -> bool:
                for part in parts:  # noqa: SIM110 (a plain loop beats all() over a generator here)
                    if not part(instance):
                        return False
                return True

            self._compiled[key] = valid
            parts.extend(self._keyword(keyword, value, schema) for keyword, value in schema.items()
                         if keyword not in _ANNOTATIONS and not keyword.startswith("x-"))  # fmt: skip
            if len(parts) == 1:
                # Nothing can hold the wrapper yet ($ref resolves on first use): answer with the part itself.
                self._compiled[key] = parts[0]
        return self._compiled[key]

    def _keyword(self, keyword: str, value: Any, schema: Mapping[str, Any]) -> Valid:
        if keyword == "type":
            names = tuple(value) if isinstance(value, list) else (value,)
            exact = frozenset(kind for name in names for kind in _EXACT.get(name, ()))
            # Exact types answer parsed JSON at once; subclasses (an IntEnum, an OrderedDict) take the long way.
            return lambda instance: type(instance) in exact or any(_is_type(instance, name) for name in names)
        if keyword == "enum":
            return lambda instance: any(_equal(instance, option) for option in value)
        if keyword == "minimum":
            return lambda instance: (
                instance >= value
                if type(instance) in _NUMBERS
                else not _is_type(instance, "number") or instance >= value
            )
        if keyword == "maximum":
            return lambda instance: (
                instance <= value
                if type(instance) in _NUMBERS
                else not _is_type(instance, "number") or instance <= value
            )
        if keyword == "minLength":
            return lambda instance: not isinstance(instance, str) or len(instance) >= value
        if keyword == "maxLength":
            return lambda instance: not isinstance(instance, str) or len(instance) <= value
        if keyword == "pattern":
            search = re.compile(value).search
            return lambda instance: not isinstance(instance, str) or search(instance) is not None
        if keyword == "maxItems":
            return lambda instance: not isinstance(instance, list) or len(instance) <= value
        if keyword == "minItems":
            return lambda instance: not isinstance(instance, list) or len(instance) >= value
        if keyword == "required":
            return lambda instance: not isinstance(instance, dict) or all(name in instance for name in value)
        if keyword == "properties":
            children = {name: self.compile(subschema) for name, subschema in value.items()}

            def properties(instance: Any) -> bool:
                if isinstance(instance, dict):
                    for name, item in instance.items():
                        child = children.get(name)
                        if child is not None and not child(item):
                            return False
                return True

            return properties
        if keyword == "additionalProperties":
            known = frozenset(schema.get("properties", {}))
            if value is False:
                return lambda instance: not isinstance(instance, dict) or known.issuperset(instance)
            extra = self.compile(value)
            return lambda instance: (
                not isinstance(instance, dict)
                or all(extra(item) for name, item in instance.items() if name not in known)
            )
        if keyword == "propertyNames":
            names_valid = self.compile(value)
            return lambda instance: not isinstance(instance, dict) or all(names_valid(name) for name in instance)
        if keyword == "items":
            child = self.compile(value)

            def items(instance: Any) -> bool:
                if isinstance(instance, list):
                    for item in instance:
                        if not child(item):
                            return False
                return True

            return items
        if keyword == "$ref":
            target = self._by_id.get(value)
            if target is None:
                raise ValueError(f"cannot resolve $ref {value!r}")
            resolved: list[Valid] = []

            def ref(instance: Any) -> bool:
                if not resolved:
                    resolved.append(self.compile(target))
                return resolved[0](instance)

            return ref
        raise ValueError(f"the compiled validator does not support the keyword {keyword!r}")


def _all(checks: list[Check], valid: Valid) -> Check:
    """Every keyword's errors; a subtree the predicate passes is not walked for errors at all."""

    def check(instance: Any, path: Path) -> Iterator[SchemaError]:
        if valid(instance):
            return
        for one in checks:
            yield from one(instance, path)

    return check


def compile_schema(
    schema: Mapping[str, Any], others: Sequence[Mapping[str, Any]]
) -> Callable[[Any], list[SchemaError]]:
    """A function from an instance to its schema errors; `others` are the schemas `$ref` may name."""
    check = Compiler([schema, *others]).compile(schema)
    return lambda instance: list(check(instance, ()))
