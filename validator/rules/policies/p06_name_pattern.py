"""P06: the image name matches the policy's pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule


@rule(
    "P06",
    "policy-name-pattern",
    Severity.ERROR,
    m("The image name matches the policy's pattern (name-pattern).", "镜像名称符合策略的正则表达式（name-pattern）。"),
    m(
        "`name-pattern` is a Python regular expression searched in the name; anchor it with ^ and $ to match "
        "the whole name.",
        "`name-pattern` 是在名称中搜索的 Python 正则表达式；如需匹配整个名称，请用 ^ 和 $ 锚定。",
    ),
    bad='{"name": "test"}',
    good='{"name": "web-2026.11"}',
    enforced_by="policy",
    needs=policy_setting("name_pattern"),
)
def name_pattern(request: Request, given: Given) -> Iterator[Hit]:
    pattern = given.policy.name_pattern
    assert pattern is not None  # needs the setting
    member = request.root.members.get("name")
    if member is None or not isinstance(member.value, str):
        return
    if re.search(pattern, member.value) is None:
        yield Hit(
            member.pointer,
            m(
                f'name "{member.value}" does not match the policy pattern {pattern}',
                f'name "{member.value}" 不符合策略的正则表达式 {pattern}',
            ),
        )
