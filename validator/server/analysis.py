"""One editor document checked as `jdcloud-preflight check` checks a file met by a folder walk: its nearest
configuration, the same recognition (a document that is not a createImage request gets no findings), the
same pipeline (validator.workspace.file_check). The text comes from the editor; nothing is written."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import attrs

from validator.config import discovery
from validator.config.config import ConfigError
from validator.core.finding import Finding, in_language
from validator.settings import Settings
from validator.workspace.file_check import Skipped, check_data
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge

if TYPE_CHECKING:
    from validator.instance.context import Context

# The language ids and suffixes of the documents the server checks.
LANGUAGES = {"json": ".json", "jsonc": ".json", "yaml": ".yaml"}
SUFFIXES = (".json", ".yaml", ".yml")


@attrs.frozen
class Analysis:
    """What the server knows of one version of a document: its findings (in the configuration's language),
    or why it has none: not a request (`skipped`), or a configuration that cannot be used (`problem`)."""

    text: str
    name: str
    findings: tuple[Finding, ...] = ()
    settings: Settings = attrs.field(factory=Settings)
    context: Context | None = None
    skipped: bool = False
    problem: str | None = None

    @property
    def lang(self) -> str:
        return self.settings.lang or "en"


def document_name(path: str | None, language_id: str | None) -> str | None:
    """The name a document is checked under (its suffix chooses the reader), or None for a document the
    server does not check: neither its file name nor its language says JSON or YAML."""
    if path is not None and path.lower().endswith(SUFFIXES):
        return path
    suffix = LANGUAGES.get(language_id or "")
    if suffix is None:
        return None
    return (path or "untitled") + suffix


def _settings(path: str | None) -> Settings:
    """The nearest configuration of the file (as `check` uses for it), else the working folder's."""
    return discovery.settings_for([path] if path is not None else [])


def analyse(text: str, name: str, path: str | None, context: Context | None = None) -> Analysis:
    """Check the editor's `text` of the document `name` (a file at `path`, or None when unsaved). A text
    above the configured size limit gets its C01 finding, as a file would."""
    try:
        settings = _settings(path)
    except ConfigError as exc:
        return Analysis(text, name, problem=f"the configuration cannot be used: {exc}")
    encoded = text.encode("utf-8", "surrogatepass")
    limit = settings.max_bytes or DEFAULT_MAX_BYTES
    data = TooLarge(name, len(encoded), limit) if len(encoded) > limit else encoded
    outcome = check_data(data, name, settings, context, recognising=True)
    if isinstance(outcome, Skipped):
        return Analysis(text, name, settings=settings, context=context, skipped=True)
    language = settings.lang or "en"
    return Analysis(text, name, in_language(outcome, language), settings, context)


def fix_all_safe(analysis: Analysis) -> str | None:
    """The document's text with every safe fix applied (as `check --fix` would write it), or None when
    there is nothing to fix."""
    if analysis.skipped or not any(f.fix is not None and f.fix.safe for f in analysis.findings):
        return None
    from validator.fixes.apply import fix_text

    result = fix_text(analysis.text, analysis.name, analysis.settings, analysis.context)
    return result.text if result.text != analysis.text else None


def file_path(uri: str) -> str | None:
    """The local file of a `file:` URI, else None (an unsaved or remote document)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path[:1] == "/" and path[2:3] == ":":  # file:///C:/...
        path = path[1:]
    return os.path.normpath(path)
