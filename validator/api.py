"""The pre-flight call: check a createImage request before the SDK sends it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.documents import Document, ParseFailure, decode
from validator.engine import DEFAULT_SETTINGS, check_document, check_text
from validator.finding import Finding
from validator.report import Report
from validator.sdk_objects import TooDeep, request_parameters, to_plain
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.context import Context


def check_create_image(
    request: object,
    *,
    lang: str = "en",
    filename: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> Report:
    """Check one createImage request offline.

    `request` is a dict (parameters or body form), JSON or YAML text (str or bytes), or the JD Cloud SDK's
    `CreateImageParameters` / `CreateImageRequest` object. `filename` chooses the reader for text and names
    the source; `settings` selects rules and policies (see `validator.config`). Never raises on bad input:
    problems are findings.
    """
    findings: tuple[Finding, ...]
    if isinstance(request, bytes):
        text = decode(request)
        if isinstance(text, ParseFailure):
            findings = check_document(text, lang, settings, path=filename)
        else:
            findings = check_text(text, filename, lang, settings, context)
    elif isinstance(request, str):
        findings = check_text(request, filename, lang, settings, context)
    else:
        document: Document | ParseFailure
        try:
            document = Document(to_plain(request_parameters(request)))
        except TooDeep as exc:
            document = ParseFailure(str(exc))
        findings = check_document(document, lang, settings, path=filename, context=context)
    return Report(findings, filename)
