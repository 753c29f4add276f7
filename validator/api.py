"""The pre-flight call: check a createImage request before the SDK sends it; and request files on disk,
with the configuration the command line would use."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from validator.core.engine import DEFAULT_SETTINGS, check_document
from validator.core.finding import Finding
from validator.core.messages import quote
from validator.readers import Document, ParseFailure, decode, is_yaml, read
from validator.report import Report
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.core.suppressions import Suppression
    from validator.fixes.edits import Fixer
    from validator.fixes.records import Fix, Intent
    from validator.instance.context import Context

# Whether a text may hold suppression comments at all (suppressions.py reads them when it does).
_MENTION = re.compile("jdcloud-preflight", re.IGNORECASE)


def check_parsed(
    text: str,
    document: Document | ParseFailure,
    filename: str | None = None,
    lang: str = "en",
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
    return check_document(
        document, lang, settings, path=filename, inline=inline, context=context, fixer=_fixer_for(text, yaml)
    )


def _fixer_for(text: str, yaml: bool) -> Callable[[Intent], Fix | None]:
    """Fixes of `text`, made on demand: the fixer (and its module) is loaded only when a rule offers a fix."""
    made: list[Fixer] = []

    def fix(intent: Intent) -> Fix | None:
        if not made:
            from validator.fixes.edits import Fixer

            made.append(Fixer(text, yaml))
        return made[0](intent)

    return fix


def check_source(
    source: object,
    filename: str | None = None,
    lang: str = "en",
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> tuple[Finding, ...]:
    """Read (validator.readers) and check one request given as text, bytes or an object; YAML comments
    may suppress findings."""
    given_text = isinstance(source, str)
    if isinstance(source, bytes):
        text = decode(source)
        if isinstance(text, ParseFailure):
            return check_document(text, lang, settings, path=filename)
        source = text
    document = read(source, filename)
    if given_text and isinstance(document, Document) and not isinstance(document.root, dict):
        document = _path_given_as_text(str(source)) or document
    if isinstance(source, str):
        return check_parsed(source, document, filename, lang, settings, context)
    return check_document(document, lang, settings, path=filename, context=context)


# A request given as text that is only a file name: check_create_image("requests/web.yaml").
_PATH_LIKE = re.compile(r"(?:[A-Za-z]:)?[^\s{}\[\],:'\"]+\.(?:json|ya?ml)", re.IGNORECASE)


def _path_given_as_text(text: str) -> ParseFailure | None:
    if not _PATH_LIKE.fullmatch(text.strip()):
        return None
    return ParseFailure(
        f"the request is the text {quote(text.strip())}, which looks like a file path, not a request: pass the "
        "file's text (or bytes), or use validator.check_file(path)",
        zh=f"请求是文本 {quote(text.strip())}，看起来是文件路径而不是请求：请传入文件的文本（或字节），"
        "或使用 validator.check_file(path)",
    )


def _check_arguments(settings: object, context: object) -> None:
    """Wrong arguments are the caller's bug: a TypeError that says what to pass, not a crash deep inside."""
    if not isinstance(settings, Settings):
        raise TypeError(
            f"settings must be a validator.settings.Settings (from validator.load_settings(path) or "
            f"Settings(...)), not {type(settings).__name__}"
        )
    if context is None:
        return
    from validator.instance.context import Context  # imported only by runs that check against an instance

    if not isinstance(context, Context):
        raise TypeError(
            f"context must be a validator.Context, built with Context.from_describe_instance(answer), "
            f"from_describe_snapshots, from_describe_quotas or from_sdk, not {type(context).__name__}"
        )


def check_create_image(
    request: object,
    *,
    lang: str | None = None,
    filename: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> Report:
    """Check one createImage request offline.

    `request` is a dict (parameters or body form), JSON or YAML text (str or bytes), or the JD Cloud SDK's
    `CreateImageParameters` / `CreateImageRequest` object. `filename` chooses the reader for text and names
    the source; `settings` selects rules and policies (see `load_settings`); `lang` defaults to the
    settings' language, else English. Never raises on bad input: problems are findings.
    """
    _check_arguments(settings, context)
    return Report(check_source(request, filename, lang or settings.lang or "en", settings, context), filename)


def load_settings(path: str | os.PathLike[str]) -> Settings:
    """Settings from a configuration file (a pyproject.toml with [tool.jdcloud-preflight], or a
    .jdcloud-preflight.toml). Raises `validator.config.ConfigError` when the file cannot be used."""
    from validator.config import config

    return config.load(Path(path))


def find_settings(paths: Sequence[str | os.PathLike[str]]) -> Settings:
    """The settings the command line would use for `paths`: the configuration found upwards from their
    common folder, else from the working folder, else the defaults."""
    from validator.config import discovery

    return discovery.settings_for([os.fspath(path) for path in paths])


def _report(outcome: object, path: str) -> Report:
    from validator.workspace.files import Unreadable

    if isinstance(outcome, Unreadable):
        raise OSError(f"cannot read {outcome.path}: {outcome.reason}")
    assert isinstance(outcome, tuple)
    return Report(outcome, path)


def check_file(
    path: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    lang: str | None = None,
    context: Context | None = None,
) -> Report:
    """Check one request file, as `jdcloud-preflight check PATH` does: with the configuration found for it
    (or `settings`), in the configuration's language unless `lang` says otherwise. A file named here is
    always checked. Raises OSError when it cannot be read."""
    from validator.workspace.file_check import check_path

    name = os.fspath(path)
    settings = find_settings([name]) if settings is None else settings
    _check_arguments(settings, context)
    return _report(check_path(name, lang or settings.lang or "en", settings, context), name)


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings | None = None,
    lang: str | None = None,
    context: Context | None = None,
) -> list[Report]:
    """Check files and folders as `jdcloud-preflight check PATH...` does: folders walked (hidden folders,
    git-ignored files and `exclude` left out, files that are not createImage requests skipped), named
    files always checked. One report per checked file, in the command line's order. Raises OSError for a
    path that cannot be read."""
    from validator.workspace import walk_filter
    from validator.workspace.file_check import Skipped, check_path
    from validator.workspace.files import Special, Unreadable, collect

    names = [os.fspath(path) for path in paths]
    settings = find_settings(names) if settings is None else settings
    _check_arguments(settings, context)
    language = lang or settings.lang or "en"
    named = {name for name in names if not os.path.isdir(name)}
    walk_filter.forget()
    reports = []
    for item in collect(names, settings.exclude, settings.root, walk_filter.pruned):
        if isinstance(item, Unreadable):
            raise OSError(f"cannot read {item.path}: {item.reason}")
        if isinstance(item, Special):  # a FIFO or device met while walking: never read
            continue
        outcome = check_path(item, language, settings, context, recognising=item not in named)
        if not isinstance(outcome, Skipped):
            reports.append(_report(outcome, item))
    return reports


@attrs.frozen
class FixedRequest:
    """What `fix_create_image` did: the fixed text, the findings whose fixes were applied (each with its
    edits, which refer to the text as it was in the pass that applied them), and the report of what remains."""

    text: str
    fixes: tuple[Finding, ...]
    report: Report

    @property
    def changed(self) -> bool:
        return bool(self.fixes)


def fix_create_image(
    text: str,
    *,
    filename: str | None = None,
    unsafe: bool = False,
    lang: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: Context | None = None,
) -> FixedRequest:
    """Fix a createImage request's JSON or YAML text the way `check --fix` does: the safe fixes, and the
    unsafe ones too when `unsafe`. Edits touch only what they fix; the text is returned unchanged when
    nothing can be fixed. `filename` chooses the reader (by its suffix) and names the source; `lang` and
    `settings` as for `check_create_image`."""
    if not isinstance(text, str):
        raise TypeError(f"text must be the request's JSON or YAML text (str), not {type(text).__name__}")
    _check_arguments(settings, context)
    from validator.fixes.apply import fix_text

    result = fix_text(text, filename, lang or settings.lang or "en", settings, context, unsafe=unsafe)
    return FixedRequest(result.text, result.fixed, Report(result.findings, filename))
