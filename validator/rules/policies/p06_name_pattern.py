"""P06: the image name matches the policy's pattern."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule
from validator.rules.policies.name_regex import found_in, problem


@rule(
    "P06",
    "policy-name-pattern",
    Severity.ERROR,
    m("The image name matches the policy's pattern (name-pattern).", "镜像名称符合策略的正则表达式（name-pattern）。"),
    m(
        "`name-pattern` is a regular expression in RE2 syntax (Python's, without lookaround or backreferences) "
        "searched in the name, in time linear in the name's length; anchor it with ^ and $ to match the whole name.",
        "`name-pattern` 是 RE2 语法的正则表达式（即 Python 语法去掉环视和反向引用），在名称中搜索，"
        "耗时与名称长度成线性；如需匹配整个名称，请用 ^ 和 $ 锚定。",
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
    refused = problem(pattern)  # the configuration refuses such a pattern; a Policy made in Python may hold one
    if refused is not None:
        yield Hit(
            member.pointer,
            m(
                f"the policy pattern {pattern} cannot be used: {refused}",
                f"策略的正则表达式 {pattern} 无法使用：{refused}",
            ),
        )
    elif not found_in(pattern, member.value):
        yield Hit(
            member.pointer,
            m(
                f'name "{member.value}" does not match the policy pattern {pattern}',
                f'name "{member.value}" 不符合策略的正则表达式 {pattern}',
            ),
        )
