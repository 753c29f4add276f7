"""The pre-flight call: check a createImage request before the SDK sends it."""

from __future__ import annotations

from validator.documents import Document, ParseFailure, decode
from validator.engine import check_document, parse_text
from validator.report import Report
from validator.sdk_objects import TooDeep, request_parameters, to_plain


def check_create_image(request: object, *, lang: str = "en", filename: str | None = None) -> Report:
    """Check one createImage request offline.

    `request` is a dict (parameters or body form), JSON or YAML text (str or bytes), or the JD Cloud SDK's
    `CreateImageParameters` / `CreateImageRequest` object. `filename` only chooses the reader for text and
    names the source in errors. Never raises on bad input: problems are findings.
    """
    document: Document | ParseFailure
    if isinstance(request, bytes):
        text = decode(request)
        document = text if isinstance(text, ParseFailure) else parse_text(text, filename)
    elif isinstance(request, str):
        document = parse_text(request, filename)
    else:
        try:
            document = Document(to_plain(request_parameters(request)))
        except TooDeep as exc:
            document = ParseFailure(str(exc))
    return Report(check_document(document, lang), filename)
