"""jdcloud-preflight: offline checks for JD Cloud createImage requests.

from validator import check_create_image, fix_create_image
report = check_create_image({"name": "web", "dataDisks": [...]})
report.raise_for_errors()

fixed = fix_create_image(open("request.yaml").read(), filename="request.yaml")   # fixed.text, fixed.report
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    from validator.instance.context import Context, ContextError
    from validator.report import PreflightError, Report
    from validator.settings import Settings

__version__ = "0.2.0"

# The public names, by the module that defines them: each is imported on first use (PEP 562), so the command,
# which does not use the Python API, does not load it (docs/performance.md).
_HOMES = {
    "ApiError": "validator.core.finding",
    "Context": "validator.instance.context",
    "ContextError": "validator.instance.context",
    "Finding": "validator.core.finding",
    "FixedRequest": "validator.api",
    "PreflightError": "validator.report",
    "Report": "validator.report",
    "Settings": "validator.settings",
    "Severity": "validator.core.finding",
    "check_create_image": "validator.api",
    "check_file": "validator.api",
    "check_paths": "validator.api",
    "find_settings": "validator.api",
    "fix_create_image": "validator.api",
    "load_settings": "validator.api",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'validator' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


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
