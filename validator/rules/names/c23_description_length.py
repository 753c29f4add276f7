"""C23: the length of description (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m
from validator.rules.names.facts import DESCRIPTION_MAX_LENGTH

DESCRIPTION_LENGTH = declare(
    "C23",
    "description-length",
    Severity.ERROR,
    m(
        f"description is at most {DESCRIPTION_MAX_LENGTH} characters.",
        f"description 不超过 {DESCRIPTION_MAX_LENGTH} 个字符。",
    ),
    m("The length is counted in characters (Unicode code points).", "长度按字符（Unicode 码点）计算。"),
    bad=f'{{"name": "web", "description": "<{DESCRIPTION_MAX_LENGTH + 1} characters>"}}',
    good='{"name": "web", "description": "nightly build of the web tier"}',
    api=INVALID_ARGUMENT,
)
