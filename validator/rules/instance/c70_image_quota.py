"""C70: the image quota has room for one more image."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.rules.api_errors import IMAGE_QUOTA_EXCEEDED
from validator.rules.base import QUOTAS, Given, Hit, m, rule


@rule(
    "C70",
    "image-quota",
    Severity.ERROR,
    m("The image quota has room for one more image.", "镜像配额还能再容纳一个镜像。"),
    m(
        "Checked when the describeQuotas answer is given: the quota with resourceType image must have used "
        "below limit.",
        "提供 describeQuotas 结果时检查：resourceType 为 image 的配额中 used 必须小于 limit。",
    ),
    bad='{"name": "web"}   with quotas [{"resourceType": "image", "limit": 10, "used": 10}]',
    good='{"name": "web"}   with quotas [{"resourceType": "image", "limit": 10, "used": 9}]',
    api=IMAGE_QUOTA_EXCEEDED,
    enforced_by="context",
    needs=QUOTAS,
)
def image_quota(request: Request, given: Given) -> Iterator[Hit]:
    assert given.context is not None  # the rule runs only with what it needs
    assert given.context.quotas is not None
    for quota in given.context.quotas:
        if quota.resource_type != "image" or quota.limit is None or quota.used is None:
            continue
        if quota.used >= quota.limit:
            yield Hit(
                "",
                m(
                    f"the image quota is full: {quote(quota.used)} of {quote(quota.limit)} images are used",
                    f"镜像配额已满：已使用 {quote(quota.used)} / {quote(quota.limit)}",
                ),
                api=IMAGE_QUOTA_EXCEEDED.render(),
            )
