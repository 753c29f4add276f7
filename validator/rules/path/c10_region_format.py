"""C10: regionId has the form of a region id (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m

REGION_FORMAT = declare(
    "C10",
    "region-format",
    Severity.ERROR,
    m("regionId looks like a region id (letters-letters-digits).", "regionId 符合地域 ID 的格式（字母-字母-数字）。"),
    m(
        "A region id is two lower-case words and a number joined by hyphens, such as cn-north-1. Anything "
        "else cannot name a region. Decision (patterns match the whole value): a trailing newline "
        '("cn-north-1\\n") fails too, though a bare $ in a Python pattern would accept it.',
        "地域 ID 由两个小写单词和一个数字以连字符连接组成，例如 cn-north-1。其他写法无法指向任何地域。"
        '决定（模式匹配整个值）：末尾带换行（"cn-north-1\\n"）同样不通过，尽管 Python 模式中单独的 $ 会接受它。',
    ),
    bad='{"regionId": "CN_NORTH_1", "instanceId": "i-eumm1234d6", "name": "web"}',
    good='{"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web"}',
    api=INVALID_ARGUMENT,
)
