"""C03: every value has its documented JSON type (reported by the schemas)."""

from __future__ import annotations

import re

from validator.core.finding import Severity
from validator.fixes.records import UNSAFE, Intent, ReplaceValue
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import FixNote, declare, m


def spelled_value(keyword: str, value: object, expected: object, pointer: str) -> Intent | None:
    """The evident fix of a type failure: a string that spells the integer or boolean expected. Unsafe: the
    API reads another value afterwards."""
    if keyword != "type" or not isinstance(value, str):
        return None
    names = expected if isinstance(expected, list) else [expected]
    if "integer" in names and re.fullmatch(r"-?[0-9]{1,9}", value):
        return ReplaceValue(pointer, int(value), UNSAFE)
    if "boolean" in names and value in ("true", "false"):
        return ReplaceValue(pointer, value == "true", UNSAFE)
    return None


TYPES = declare(
    "C03",
    "type",
    Severity.ERROR,
    m("Every value has its documented JSON type.", "每个值都是文档规定的 JSON 类型。"),
    m(
        'Strings are strings, booleans are true or false (not "true", not 1), integers are integers '
        '(not "100", not 100.0, not 1e2, not true, not YAML .inf or .nan). The API refuses a value of the wrong '
        "type. Inside an entry that excludes its disk (noDevice: true) the members are ignored, but still decoded: "
        "a wrong type there is still this error.",
        '字符串必须是字符串；布尔值必须是 true 或 false（不能是 "true" 或 1）；整数必须是整数'
        '（不能是 "100"、100.0、1e2、true，也不能是 YAML 的 .inf 或 .nan）。类型错误的值会被 API 拒绝。'
        "在排除磁盘（noDevice: true）的条目中，其他成员虽被忽略，但仍会被解码：类型错误依然报告此错误。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": "40"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=INVALID_ARGUMENT,
    fix=FixNote(
        UNSAFE,
        m(
            'A string that spells the integer or boolean expected ("40", "true", "false") is written as that '
            "integer or boolean.",
            '拼出所需整数或布尔值的字符串（"40"、"true"、"false"）改写为该整数或布尔值。',
        ),
    ),
    schema_fix=spelled_value,
)
