"""The Python API given str, int, float and bytes subclasses whose comparisons, hash, `__str__` and other
methods raise: their plain values are checked (the findings are those of the plain request), never an
exception."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import json_objects
from validator import Context, check_create_image, fix_create_image

# What the subclasses keep: what Python needs to build and inspect an object at all.
_KEPT = {
    "__new__",
    "__init__",
    "__class__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__init_subclass__",
    "__subclasshook__",
    "__dir__",
    "__sizeof__",
    "__getnewargs__",
    "__getstate__",
    "__reduce__",
    "__reduce_ex__",
    "__doc__",
}


def _raise(*_: object, **__: object) -> Any:
    raise RuntimeError("a hostile method")


def _hostile(base: type) -> type:
    methods = {name: _raise for name in dir(base) if name not in _KEPT and callable(getattr(base, name))}
    return type(f"Hostile{base.__name__.title()}", (base,), methods)


HostileStr, HostileInt, HostileFloat, HostileBytes = (_hostile(base) for base in (str, int, float, bytes))
# A key must hash to be in a dict at all: every other method raises.
HostileKey = type("HostileKey", (HostileStr,), {"__hash__": str.__hash__})


def test_the_hostile_types_do_raise() -> None:
    for value in (HostileStr("web"), HostileInt(5), HostileFloat(1.5)):
        with pytest.raises(RuntimeError):
            hash(value)
        with pytest.raises(RuntimeError):
            _ = value == value
        with pytest.raises(RuntimeError):
            str(value)


REQUEST = {
    "name": "web 2026",
    "instanceId": "i-eumm7k2qd6",
    "description": "weekly",
    "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 45, "iops": 2.5}}],
}


def _findings(request: object, **options: Any) -> list[dict[str, object]]:
    return [finding.to_dict() for finding in check_create_image(request, **options).findings]


def _wrapped(value: object) -> object:
    """Every key and value of `value` in a hostile subclass of its type."""
    if isinstance(value, dict):
        return {HostileKey(key): _wrapped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_wrapped(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    return {str: HostileStr, int: HostileInt, float: HostileFloat}[type(value)](value)


def test_hostile_keys_and_values_give_the_plain_requests_findings() -> None:
    assert _findings(REQUEST)  # something to compare
    assert _findings(_wrapped(REQUEST)) == _findings(REQUEST)


@pytest.mark.parametrize(
    ("key", "plain", "hostile"),
    [
        ("name", "web 2026", HostileStr("web 2026")),
        ("dataDisks", 3, HostileInt(3)),
        ("description", 2.5, HostileFloat(2.5)),
    ],
    ids=["str", "int", "float"],
)
def test_one_hostile_value_is_checked_as_its_plain_value(key: str, plain: object, hostile: object) -> None:
    assert _findings({**REQUEST, key: hostile}) == _findings({**REQUEST, key: plain})


def test_hostile_request_text_and_bytes_give_the_plain_texts_findings() -> None:
    text = json.dumps(REQUEST)
    assert _findings(HostileStr(text)) == _findings(text)
    assert _findings(HostileBytes(text.encode())) == _findings(text.encode())


def test_hostile_filename_and_lang_are_read_as_plain_text() -> None:
    yaml = "name: web 2026\ninstanceId: i-eumm7k2qd6\n"
    report = check_create_image(yaml, filename=HostileStr("image.yaml"), lang=HostileStr("zh"))
    assert report.source == "image.yaml"
    assert type(report.source) is str
    assert [f.to_dict() for f in report.findings] == _findings(yaml, filename="image.yaml", lang="zh")


def test_fix_create_image_takes_hostile_text() -> None:
    text = "name: web\nDescription: weekly\n"
    fixed = fix_create_image(HostileStr(text), filename=HostileStr("image.yaml"))
    assert fixed.text == fix_create_image(text, filename="image.yaml").text


def test_a_hostile_describe_answer_gives_a_context() -> None:
    answer = {"instance": {"instanceId": "i-eumm7k2qd6", "status": "running"}}
    assert Context.from_describe_instance(_wrapped(answer)) == Context.from_describe_instance(answer)


class _ClaimsToBeStr:
    """Not a str at all, but says it is one (`__class__`): reading it fails, and says so."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return str


def test_an_object_claiming_to_be_a_str_is_a_finding_not_an_exception() -> None:
    findings = check_create_image({"name": _ClaimsToBeStr()}).findings
    assert [finding.rule for finding in findings] == ["C01"]


@settings(max_examples=60, deadline=None)
@given(request=json_objects, seed=st.randoms(use_true_random=False))
def test_any_request_wrapped_in_hostile_types_gives_its_plain_findings(request: dict[str, Any], seed: Any) -> None:
    assert _findings(_wrapped(request)) == _findings(request)
