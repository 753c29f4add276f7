"""C11: regionId is one of the known regions."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, rule
from validator.rules.path.facts import KNOWN_REGIONS, REGION_PATTERN


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
    if member is None or not isinstance(member.value, str) or not REGION_PATTERN.fullmatch(member.value):
        return
    if member.value not in KNOWN_REGIONS:
        yield Hit(
            member.pointer,
            m(
                f'regionId "{member.value}" is not a known region ({", ".join(KNOWN_REGIONS)})',
                f'regionId "{member.value}" 不是已知地域（{"、".join(KNOWN_REGIONS)}）',
            ),
        )
