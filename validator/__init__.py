"""jdcloud-preflight: offline checks for JD Cloud createImage requests.

from validator import check_create_image
report = check_create_image({"name": "web", "dataDisks": [...]})
report.raise_for_errors()
"""

from validator.api import check_create_image
from validator.context import Context, ContextError
from validator.finding import ApiError, Finding, Severity
from validator.report import PreflightError, Report

__version__ = "0.1.0"

__all__ = [
    "ApiError",
    "Context",
    "ContextError",
    "Finding",
    "PreflightError",
    "Report",
    "Severity",
    "__version__",
    "check_create_image",
]
