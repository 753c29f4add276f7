"""C12: instanceId is a well-formed instance id, not a masked one."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import count
from validator.core.model import Request
from validator.rules.api_errors import INSTANCE_NOT_FOUND
from validator.rules.base import Given, Hit, m, rule
from validator.rules.path.facts import INSTANCE_PATTERN, INSTANCE_SUFFIX_LENGTH


@rule(
    "C12",
    "instance-id",
    Severity.ERROR,
    m(
        "instanceId is a well-formed instance id, not a masked one.",
        "instanceId 是格式正确的云主机 ID，而非打码的示例 ID。",
    ),
    m(
        "An instance id is i- followed by lower-case letters and digits. A value with * is a masked id "
        "copied from documentation (such as i-eumm****d6) and names no instance. Every public id has ten "
        "characters after i-; another length is a warning.",
        "云主机 ID 由 i- 加小写字母和数字组成。含 * 的值是从文档复制来的打码 ID（如 i-eumm****d6），不对应任何实例。"
        "公开的 ID 在 i- 之后都是 10 个字符，长度不同时给出警告。",
    ),
    bad='{"regionId": "cn-north-1", "instanceId": "i-eumm****d6", "name": "web"}',
    good='{"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web"}',
    api=INSTANCE_NOT_FOUND,
)
def instance_id(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("instanceId")
    if member is None or not isinstance(member.value, str):
        return
    value = member.value
    if "*" in value:
        yield Hit(
            member.pointer,
            m(
                f'instanceId "{value}" is a masked id copied from documentation: use your instance\'s real id',
                f'instanceId "{value}" 是从文档复制的打码 ID：请填写实例的真实 ID',
            ),
            api=INSTANCE_NOT_FOUND.render(value),
        )
    elif not INSTANCE_PATTERN.fullmatch(value):
        yield Hit(
            member.pointer,
            m(
                f'instanceId "{value}" is not an instance id (i- followed by lower-case letters and digits)',
                f'instanceId "{value}" 不是云主机 ID（应为 i- 加小写字母和数字）',
            ),
            api=INSTANCE_NOT_FOUND.render(value),
        )
    elif len(value) - 2 != INSTANCE_SUFFIX_LENGTH:
        yield Hit(
            member.pointer,
            m(
                f'instanceId "{value}" has {count(len(value) - 2, "character")} after "i-"; instance ids have '
                f"{INSTANCE_SUFFIX_LENGTH}",
                f'instanceId "{value}" 在 "i-" 之后有 {len(value) - 2} 个字符；云主机 ID 应为 '
                f"{INSTANCE_SUFFIX_LENGTH} 个",
            ),
            severity=Severity.WARNING,
        )
