"""jdcloud-preflight: offline checks for JD Cloud createImage requests.

from validator import check_create_image, fix_create_image
report = check_create_image({"name": "web", "dataDisks": [...]})
report.raise_for_errors()

fixed = fix_create_image(open("request.yaml").read(), filename="request.yaml")   # fixed.text, fixed.report
"""

from typing import TYPE_CHECKING

from validator.api import (
    FixedRequest,
    check_create_image,
    check_file,
    check_paths,
    find_settings,
    fix_create_image,
    load_settings,
)
from validator.core.finding import ApiError, Finding, Severity
from validator.report import PreflightError, Report
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.instance.context import Context, ContextError

__version__ = "0.2.0"


def __getattr__(name: str) -> object:
    # The instance context is imported on first use: most runs check requests alone.
    if name in ("Context", "ContextError"):
        from validator.instance import context

        return getattr(context, name)
    raise AttributeError(f"module 'validator' has no attribute {name!r}")


__all__ = [
    "ApiError",
    "Context",
    "ContextError",
    "Finding",
    "FixedRequest",
    "PreflightError",
    "Report",
    "Settings",
    "Severity",
    "__version__",
    "check_create_image",
    "check_file",
    "check_paths",
    "find_settings",
    "fix_create_image",
    "load_settings",
]
