"""Schema validation of the normalised request by jsonschema, turned into findings under the rule ids of
docs/rules.md.

Each schema names the rule its keywords enforce (`x-rule`) and the rule a wrong type is reported under
(`x-type-rule`, default C03), the way cfn-lint maps schema keywords to rule ids.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from validator.core.messages import Message, count, quote
from validator.core.model import Request
from validator.fixes.records import Intent
from validator.schema import schemas

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

TYPE_RULE = "C03"

_TYPE_WORDS = {
    "string": ("a string", "字符串"),
    "integer": ("an integer", "整数"),
    "boolean": ("true or false", "布尔值 true 或 false"),
    "object": ("an object", "对象"),
    "array": ("an array", "数组"),
}


@functools.cache  # one class per process, shared by the request forms and the configuration schema
def strict_validator_class() -> type[Validator]:
    """Draft 2020-12 with the integer type the API reads: 40.0 and true are not integers (docs/rules.md#c03).

    jsonschema is imported here, on the first check: `rules` and `explain` never pay for it."""
    from jsonschema import Draft202012Validator, validators

    def is_integer(_checker: object, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", is_integer)
    strict: type[Validator] = validators.extend(Draft202012Validator, type_checker=checker)  # type: ignore[no-untyped-call]
    return strict


# Keywords that only describe: a `$ref`'s siblings of these kinds merge into the schema it names.
_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default"})


def _inlined(schema: Any, resolver: Any) -> Any:
    """`schema` with every `$ref` replaced by the schema it names, as `referencing` resolves it.

    Resolved once, when the validators are built: jsonschema still does all the validation, without a
    registry lookup on every `$ref` of every request (a third of its time on a three-disk request).
    """
    if isinstance(schema, list):
        return [_inlined(item, resolver) for item in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return {key: _inlined(value, resolver) for key, value in schema.items()}
    resolved = resolver.lookup(ref)
    target = {k: v for k, v in _inlined(resolved.contents, resolved.resolver).items() if k not in ("$id", "$schema")}
    siblings = {key: _inlined(value, resolver) for key, value in schema.items() if key != "$ref"}
    if (set(siblings) - _ANNOTATIONS) & set(target):
        return {**siblings, "allOf": [target]}  # keywords on both sides: both apply, as `$ref` has them
    return {**target, **siblings}


@functools.cache
def _validators(form: str) -> Validator:
    """The validator of one request form, built once per process when a request of that form is first
    checked (a run of one form never builds the other). The shipped schemas reach each other by `$id`
    through a `referencing` registry, which resolves every `$ref` once, here."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    strict = strict_validator_class()
    registry: Registry[Any] = Registry().with_resources(
        (schemas.load(name)["$id"], Resource.from_contents(schemas.load(name), DRAFT202012))
        for name in schemas.SCHEMA_FILES
    )
    return strict(_inlined(schemas.load(form), registry.resolver(schemas.load(form)["$id"])), registry=registry)


def _field(path: tuple[object, ...]) -> str:
    """How a message names the value at `path`: its member name, or "dataDisks[2]" for an entry."""
    if path and isinstance(path[-1], int) and len(path) > 1:
        return f"{path[-2]}[{path[-1]}]"
    for token in reversed(path):
        if isinstance(token, str):
            return token
    return "the request"


def _type_words(expected: object) -> tuple[str, str]:
    names = [name for name in (expected if isinstance(expected, list) else [expected]) if name != "null"]
    words = [_TYPE_WORDS.get(str(name), (str(name), str(name))) for name in names]
    return " or ".join(en for en, _ in words), "或".join(zh for _, zh in words)


def _message(keyword: str, field: str, value: Any, limit: Any, written: str | None = None) -> Message:
    if keyword == "type":
        en, zh = _type_words(limit)
        if written is not None and "string" in (limit if isinstance(limit, list) else [limit]):
            # A YAML plain scalar read as a number (name: 2026.11): quoting it keeps the text as written.
            return Message(
                f"{field} must be {en}, not the number {quote(value)}: YAML reads {written} unquoted as a number; "
                f'write it in quotes, "{written}"',
                f"{field} 必须是{zh}，而不是数字 {quote(value)}："
                f'YAML 会把不带引号的 {written} 读成数字；请加引号写成 "{written}"',
            )
        return Message(f"{field} must be {en}, not {quote(value)}", f"{field} 必须是{zh}，而不是 {quote(value)}")
    if keyword == "required":
        return Message(f"{field} is missing", f"缺少 {field}")
    if keyword == "minimum":
        return Message(
            f"{field} {quote(value)} is below the minimum {limit}", f"{field} {quote(value)} 低于最小值 {limit}"
        )
    if keyword == "maximum":
        return Message(
            f"{field} {quote(value)} is above the maximum {limit}", f"{field} {quote(value)} 超过最大值 {limit}"
        )
    if keyword == "minLength":
        return Message(
            f"{field} has {count(len(value), 'character')}; at least {limit} are required",
            f"{field} 只有 {len(value)} 个字符；至少需要 {limit} 个",
        )
    if keyword == "maxLength":
        return Message(
            f"{field} has {count(len(value), 'character')}; at most {limit} are allowed",
            f"{field} 有 {len(value)} 个字符；最多允许 {limit} 个",
        )
    if keyword == "maxItems":
        # A list past the entries checked one by one (core/model.py) carries its true length.
        total = getattr(value, "total", 0) or len(value)
        checked = len(value)
        partly = total > checked
        return Message(
            f"{field} has {count(total, 'entry', 'entries')}; at most {limit} are allowed"
            + (f" (only the first {checked} are checked one by one)" if partly else ""),
            f"{field} 有 {total} 项；最多允许 {limit} 项" + (f"（只逐项检查前 {checked} 项）" if partly else ""),
        )
    if keyword == "enum":
        allowed = ", ".join(str(item) for item in limit if item is not None)
        return Message(
            f"{field} {quote(value)} is not one of: {allowed}", f"{field} {quote(value)} 不是以下值之一：{allowed}"
        )
    if keyword == "pattern":
        # The schemas' (?!\n) only keeps $ from accepting a final newline; the message shows the plain form.
        form = str(limit).replace("(?!\\n)", "")
        return Message(
            f"{field} {quote(value)} does not have the expected form {form}",
            f"{field} {quote(value)} 不符合格式 {form}",
        )
    return Message(
        f"{field} {quote(value)} fails the schema keyword {keyword}",
        f"{field} {quote(value)} 未通过 schema 关键字 {keyword}",
    )


def validator_for(parameters_form: bool) -> Validator:
    return _validators(schemas.PARAMETERS if parameters_form else schemas.BODY)


@attrs.frozen
class SchemaHit:
    """A schema failure: the rule it belongs to, where it is and what it says."""

    rule: str
    pointer: str
    message: Message
    fix: Intent | None = None


def _intent(rule_id: str, keyword: str, value: object, expected: object, pointer: str) -> Intent | None:
    """The evident fix of a schema failure, as the rule it is reported under says (its `schema_fix`)."""
    from validator.rules import registry

    rule = registry.get(rule_id)
    hook = None if rule is None else rule.schema_fix
    return None if hook is None else hook(keyword, value, expected, pointer)


# What an exclusion is made of: checked as always, also in an excluded entry.
_EXCLUSION_MEMBERS = ("deviceName", "noDevice")


def _overlooked(request: Request, errors: list[Any]) -> set[int]:
    """Errors that would be a second finding for one problem (docs/decisions.md#one-finding-per-problem): a
    range failure of a value whose type already fails (1e5, .inf); and in an entry that excludes its disk,
    anything but a type failure of the members C34 reports as ignored: the API decodes them, it does not
    read them (docs/decisions.md#excluded-entries)."""
    typed = {tuple(error.absolute_path) for error in errors if error.validator == "type"}
    excluded = {entry.index for entry in request.entries if entry.excluded}
    overlooked = set()
    for index, error in enumerate(errors):
        path = tuple(error.absolute_path)
        second_to_type = error.validator != "type" and path in typed
        in_excluded = len(path) > 2 and path[0] == "dataDisks" and path[1] in excluded
        on_excluded = in_excluded and error.validator != "type" and path[2] not in _EXCLUSION_MEMBERS
        if second_to_type or on_excluded:
            overlooked.add(index)
    return overlooked


def schema_hits(request: Request) -> Iterator[SchemaHit]:
    """Schema failures of the request; the body form is used when the file holds no path parameter."""
    errors = list(validator_for(request.has_path_parameters).iter_errors(request.clean))  # type: ignore[arg-type]
    overlooked = _overlooked(request, errors) if errors else set()
    for index, error in enumerate(errors):
        if index in overlooked:
            continue
        keyword = str(error.validator)
        schema: Any = error.schema
        rule = schema.get("x-type-rule" if keyword == "type" else "x-rule", TYPE_RULE)
        path = tuple(error.absolute_path)
        if keyword == "required":
            # jsonschema reports each missing member in its own error; the members are named here.
            required: Any = error.validator_value
            for name in required:
                if name not in error.instance:  # type: ignore[operator]
                    yield SchemaHit(rule, request.pointer_of(path), _message(keyword, name, None, None))
            continue
        pointer = request.pointer_of(path)
        written = request.number_texts.get(pointer) if keyword == "type" else None
        # The fix is for the value itself; a pointer to an ancestor (a deeper path) has none.
        exact = pointer.count("/") == len(path)
        intent = _intent(rule, keyword, error.instance, error.validator_value, pointer) if exact else None
        yield SchemaHit(
            rule, pointer, _message(keyword, _field(path), error.instance, error.validator_value, written), intent
        )
