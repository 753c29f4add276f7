"""C20: name is present (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m

NAME_REQUIRED = declare(
    "C20",
    "name-required",
    Severity.ERROR,
    m("name is present.", "必须提供 name。"),
    m("Every image needs a name; a null name counts as missing.", "每个镜像都需要名称；值为 null 的 name 视为缺失。"),
    bad='{"description": "nightly build"}',
    good='{"name": "nightly", "description": "nightly build"}',
    api=INVALID_ARGUMENT,
)
