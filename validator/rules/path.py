"""Rules about the path parameters regionId and instanceId (C10–C12), checked when a file holds them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import count
from validator.core.model import Request
from validator.rules.api_errors import INSTANCE_NOT_FOUND, INVALID_ARGUMENT
from validator.rules.base import Given, Hit, declare, m, rule

KNOWN_REGIONS = ("cn-north-1", "cn-east-1", "cn-east-2", "cn-south-1", "cn-southwest-1")
_REGION = re.compile(r"[a-z]+-[a-z]+-[0-9]+")
_INSTANCE = re.compile(r"i-[a-z0-9]+")
# Every public instance id is "i-" and ten characters.
INSTANCE_SUFFIX_LENGTH = 10

REGION_FORMAT = declare(
    "C10",
    "region-format",
    Severity.ERROR,
    m("regionId looks like a region id (letters-letters-digits).", "regionId 符合地域 ID 的格式（字母-字母-数字）。"),
    m(
        "A region id is two lower-case words and a number joined by hyphens, such as cn-north-1. Anything "
        "else cannot name a region. Catalogue decision (patterns match the whole value): a trailing newline "
        '("cn-north-1\\n") fails too, though a bare $ in a Python pattern would accept it.',
        "地域 ID 由两个小写单词和一个数字以连字符连接组成，例如 cn-north-1。其他写法无法指向任何地域。"
        '目录决定（模式匹配整个值）：末尾带换行（"cn-north-1\\n"）同样不通过，尽管 Python 模式中单独的 $ 会接受它。',
    ),
    bad='{"regionId": "CN_NORTH_1", "instanceId": "i-eumm1234d6", "name": "web"}',
    good='{"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web"}',
    api=INVALID_ARGUMENT,
)


@rule(
    "C11",
    "region-known",
    Severity.WARNING,
    m("regionId is one of the known regions.", "regionId 是已知地域之一。"),
    m(
        "Known regions: " + ", ".join(KNOWN_REGIONS) + ". A well-formed id outside this list is only a "
        "warning, because the list may be incomplete.",
        "已知地域：" + "、".join(KNOWN_REGIONS) + "。格式正确但不在列表中的地域 ID 仅作警告，因为列表可能不完整。",
    ),
    bad='{"regionId": "cn-north-9", "instanceId": "i-eumm1234d6", "name": "web"}',
    good='{"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web"}',
)
def region_known(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("regionId")
    if member is None or not isinstance(member.value, str) or not _REGION.fullmatch(member.value):
        return
    if member.value not in KNOWN_REGIONS:
        yield Hit(
            member.pointer,
            m(
                f'regionId "{member.value}" is not a known region ({", ".join(KNOWN_REGIONS)})',
                f'regionId "{member.value}" 不是已知地域（{"、".join(KNOWN_REGIONS)}）',
            ),
        )


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
    api = INSTANCE_NOT_FOUND.render(value)
    if "*" in value:
        yield Hit(
            member.pointer,
            m(
                f'instanceId "{value}" is a masked id copied from documentation: use your instance\'s real id',
                f'instanceId "{value}" 是从文档复制的打码 ID：请填写实例的真实 ID',
            ),
            api=api,
        )
    elif not _INSTANCE.fullmatch(value):
        yield Hit(
            member.pointer,
            m(
                f'instanceId "{value}" is not an instance id (i- followed by lower-case letters and digits)',
                f'instanceId "{value}" 不是云主机 ID（应为 i- 加小写字母和数字）',
            ),
            api=api,
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
