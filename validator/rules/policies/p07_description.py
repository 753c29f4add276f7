"""P07: the image has a description, when the policy requires one."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule


@rule(
    "P07",
    "policy-description",
    Severity.ERROR,
    m("The image has a description (require-description).", "镜像必须有描述（require-description）。"),
    m("An empty or blank description counts as missing.", "空的或只含空白的描述视为缺失。"),
    bad='{"name": "web"}',
    good='{"name": "web", "description": "weekly image of the web tier"}',
    enforced_by="policy",
    needs=policy_setting("require_description"),
)
def description(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("description")
    if member is None or (isinstance(member.value, str) and not member.value.strip()):
        yield Hit(
            member.pointer if member is not None else request.root.pointer,
            m("the image has no description; policy requires one", "镜像没有描述；策略要求填写"),
        )
