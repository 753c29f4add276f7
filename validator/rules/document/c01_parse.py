"""C01: the file parses as JSON or YAML and its top level is an object (reported by the readers)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.base import ANY_TEXT, declare, m

PARSE = declare(
    "C01",
    "parse",
    Severity.ERROR,
    m(
        "The file parses as JSON or YAML and its top level is an object.",
        "文件能按 JSON 或 YAML 解析，且顶层是一个对象。",
    ),
    m(
        "A request file must be one JSON object or one YAML mapping. YAML is read safely: tags that would "
        "build program objects and aliases that expand past a bound are refused. The finding gives the line "
        "and column where reading stopped.",
        "请求文件必须是一个 JSON 对象或一个 YAML 映射。YAML 以安全方式读取：会构造程序对象的标签、展开超出上限的"
        "别名都会被拒绝。发现项给出解析停止处的行号与列号。",
    ),
    bad='{"name": "web-image",}',
    good='{"name": "web-image"}',
    enforced_by="reader",
    needs=ANY_TEXT,
)
