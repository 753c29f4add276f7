"""The pre-flight call: check a createImage request before the SDK sends it; and request files on disk,
with the configuration the command line would use."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from validator.core.engine import DEFAULT_SETTINGS
from validator.core.finding import Finding, in_language
from validator.core.pipeline import check_source
from validator.report import Report
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.instance.context import Context


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


def _plain(option: str | None) -> str | None:
    """A text option (filename, lang) of a str subclass as plain text: a subclass's methods may raise."""
    return str.__str__(option) if isinstance(option, str) and type(option) is not str else option


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
    filename, lang = _plain(filename), _plain(lang)
    return Report(
        in_language(check_source(request, filename, settings, context), lang or settings.lang or "en"), filename
    )


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


def _report(outcome: object, path: str, lang: str) -> Report:
    from validator.workspace.files import Unreadable

    if isinstance(outcome, Unreadable):
        raise OSError(f"cannot read {outcome.path}: {outcome.reason}")
    assert isinstance(outcome, tuple)
    return Report(in_language(outcome, lang), path)


def check_file(
    path: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    lang: str | None = None,
    context: Context | None = None,
    baseline: str | os.PathLike[str] | None = None,
) -> Report:
    """Check one request file, as `jdcloud-preflight check PATH` does: with the configuration found for it
    (or `settings`), in the configuration's language unless `lang` says otherwise. A file named here is
    always checked. `baseline` (else the settings' `baseline`) names a baseline file whose findings are
    left out (docs/baseline.md). Raises OSError when the file cannot be read, and
    `validator.core.baseline.BaselineError` (a ValueError) for a baseline that cannot be used."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise OSError(f"cannot read {name}: a folder")
    return check_paths([name], settings=settings, lang=lang, context=context, baseline=baseline, named=True)[0]


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings | None = None,
    lang: str | None = None,
    context: Context | None = None,
    baseline: str | os.PathLike[str] | None = None,
    named: bool = False,
) -> list[Report]:
    """Check files and folders as `jdcloud-preflight check PATH...` does: folders walked (hidden folders,
    git-ignored files and `exclude` left out, files that are not createImage requests skipped), named
    files always checked, each file with the nearest configuration above it unless `settings` are given
    (docs/configuration.md#which-configuration-applies). One report per checked file, in the command
    line's order. `baseline` as for `check_file`. Raises OSError for a path that cannot be read.
    (`named` is `check_file`'s: the one path is a file, checked whatever it looks like.)"""
    from validator.config import discovery
    from validator.config.selection import Overrides
    from validator.workspace.file_check import Skipped, check_path
    from validator.workspace.files import Unreadable
    from validator.workspace.gather import gather

    names = [os.fspath(path) for path in paths]
    settings_for: Callable[[str], Settings]
    if settings is None:
        resolver = discovery.Resolver(Overrides(baseline=None if baseline is None else os.fspath(baseline)))
        settings_for = resolver.for_path
        run = resolver.for_run(names)
    else:
        _check_arguments(settings, context)
        fixed = settings if baseline is None else attrs.evolve(settings, baseline=os.fspath(baseline))
        settings_for, run = (lambda _path: fixed), fixed
    _check_arguments(run, context)
    gathered = gather(names, run, settings_for=settings_for if settings is None else None)
    matchers = _Baselines()
    reports = []
    for item in gathered.items:  # a FIFO or device met while walking (gathered.special) is never read
        if isinstance(item, Unreadable):
            raise OSError(f"cannot read {item.path}: {item.reason}")
        own = settings_for(item)
        recognising = not named and item not in gathered.named
        outcome = check_path(item, own, context, recognising=recognising)
        if not isinstance(outcome, Skipped):
            report = _report(outcome, item, lang or own.lang or "en")
            reports.append(attrs.evolve(report, findings=matchers.new(own.baseline, item, report.findings)))
    return reports


class _Baselines:
    """Each baseline file read once, its findings left out of the files' reports."""

    def __init__(self) -> None:
        from validator.core.baseline import Matcher

        self.matchers: dict[str, Matcher] = {}

    def new(self, baseline: str | None, path: str, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        if baseline is None:
            return findings
        from validator.core.baseline import Matcher
        from validator.workspace.baseline_file import load

        key = os.path.abspath(baseline)
        if key not in self.matchers:
            self.matchers[key] = Matcher(load(baseline))
        return self.matchers[key].new(path, findings)


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
    text, filename, lang = str.__str__(text), _plain(filename), _plain(lang)
    from validator.fixes.apply import fix_text

    result = fix_text(text, filename, settings, context, unsafe=unsafe)
    language = lang or settings.lang or "en"
    fixed = in_language(result.fixed, language)
    return FixedRequest(result.text, fixed, Report(in_language(result.findings, language), filename))
