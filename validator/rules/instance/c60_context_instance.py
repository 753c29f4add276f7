"""C60: the instance description is for the instance the request names."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import INSTANCE, Given, Hit, m, rule


@rule(
    "C60",
    "context-instance",
    Severity.ERROR,
    m(
        "The instance description is for the instance the request names.",
        "实例描述与请求中的 instanceId 是同一台实例。",
    ),
    m(
        "A description of another instance would make every instance check answer for the wrong machine, so it "
        "is reported and not used.",
        "另一台实例的描述会让所有实例检查都针对错误的机器，因此会报告该问题且不使用该描述。",
    ),
    bad='{"instanceId": "i-aaaaaaaaaa", "name": "web"}   with --instance describing i-bbbbbbbbbb',
    good='{"instanceId": "i-aaaaaaaaaa", "name": "web"}   with --instance describing i-aaaaaaaaaa',
    enforced_by="context",
    needs=INSTANCE,
)
def context_instance(request: Request, given: Given) -> Iterator[Hit]:
    assert given.context is not None  # the rule runs only with what it needs
    assert given.context.instance is not None
    instance = given.context.instance
    member = request.root.members.get("instanceId")
    if member is None or not isinstance(member.value, str) or instance.instance_id is None:
        return
    if member.value != instance.instance_id:
        yield Hit(
            member.pointer,
            m(
                f"the instance description is for {instance.instance_id}, not {member.value}; it was not used",
                f"实例描述属于 {instance.instance_id}，而不是 {member.value}；未使用该描述",
            ),
        )
