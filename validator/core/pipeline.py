"""The one path every check takes, from the public API and the command line alike: read the request (text,
bytes or an object), check it, apply its suppression comments, and make the fixes its rules offer. No I/O:
files are read by validator.workspace; messages are in English and carry the other languages."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from validator.core.engine import DEFAULT_SETTINGS, check_document
from validator.core.finding import Finding
from validator.core.messages import quote
from validator.readers import Document, ParseFailure, decode, is_yaml, read
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.core.suppressions import Suppression
    from validator.fixes.edits import Fixer
    from validator.fixes.records import Fix, Intent
    from validator.instance.context import Context

# Whether a text may hold suppression comments at all (suppressions.py reads them when it does).
_MENTION = re.compile("jdcloud-preflight", re.IGNORECASE)


def check_text(
    text: str,
    document: Document | ParseFailure,
    filename: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> tuple[Finding, ...]:
    """Check request text already read into `document`; YAML comments may suppress findings. Findings that
    can be fixed carry the edits of `text` that fix them."""
    yaml = is_yaml(text, filename)
    inline: tuple[Suppression, ...] = ()
    if _MENTION.search(text) and yaml:
        from validator.core import suppressions

        inline = suppressions.find(text)
    findings = check_document(
        document, settings, path=filename, inline=inline, context=context, fixer=_fixer_for(text, yaml, document)
    )
    if not findings or not isinstance(document, Document):
        return findings
    from validator.core.ends import with_ends

    return with_ends(findings, text, document)


def _fixer_for(text: str, yaml: bool, document: Document | ParseFailure) -> Callable[[Intent], Fix | None]:
    """Fixes of `text`, made on demand with the spans of the document's source map: the fixer (and its
    module) is loaded only when a rule offers a fix."""
    spans = document.spans if isinstance(document, Document) else None
    readings = frozenset(r.pointer for r in document.readings) if isinstance(document, Document) else frozenset()
    repeats_keys = not isinstance(document, Document) or bool(document.duplicates)
    made: list[Fixer] = []

    def fix(intent: Intent) -> Fix | None:
        if not made:
            from validator.fixes.edits import Fixer

            made.append(Fixer(text, yaml, spans, readings, repeats_keys))
        return made[0](intent)

    return fix


def check_source(
    source: object,
    filename: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> tuple[Finding, ...]:
    """Read (validator.readers) and check one request given as text, bytes or an object; YAML comments
    may suppress findings."""
    if type(source) not in (str, bytes) and isinstance(source, (str, bytes)):
        source = _plain_text(source)
        if isinstance(source, ParseFailure):
            return check_document(source, settings, path=filename)
    given_text = isinstance(source, str)
    if isinstance(source, bytes):
        text = decode(source)
        if isinstance(text, ParseFailure):
            return check_document(text, settings, path=filename)
        source = text
    document = read(source, filename)
    if given_text and isinstance(document, Document) and not isinstance(document.root, dict):
        document = _path_given_as_text(str(source)) or document
    if isinstance(source, str):
        return check_text(source, document, filename, settings, context)
    return check_document(document, settings, path=filename, context=context)


def _plain_text(source: str | bytes) -> str | bytes | ParseFailure:
    """Text or bytes of a subclass, read by the base type's own methods (a subclass's may raise)."""
    try:
        return str.__str__(source) if isinstance(source, str) else bytes(memoryview(source))
    except Exception as exc:
        return ParseFailure(
            f"cannot read the request text: reading it raised {type(exc).__name__}",
            zh=f"无法读取请求文本：读取时引发 {type(exc).__name__}",
        )


# A request given as text that is only a file name: check_create_image("requests/web.yaml"). Compiled on
# first use: the command line reads files, never such a text (docs/performance.md).
@functools.cache
def _path_like() -> re.Pattern[str]:
    return re.compile(r"(?:[A-Za-z]:)?[^\s{}\[\],:'\"]+\.(?:json|ya?ml)", re.IGNORECASE)


def _path_given_as_text(text: str) -> ParseFailure | None:
    if not _path_like().fullmatch(text.strip()):
        return None
    return ParseFailure(
        f"the request is the text {quote(text.strip())}, which looks like a file path, not a request: pass the "
        "file's text (or bytes), or use validator.check_file(path)",
        zh=f"请求是文本 {quote(text.strip())}，看起来是文件路径而不是请求：请传入文件的文本（或字节），"
        "或使用 validator.check_file(path)",
    )
