"""Which configuration applies (docs/configuration.md#which-configuration-applies): for each file the
nearest one above it, as ruff finds it, whatever else the run checks (`Resolver`); for the run as a whole
the one above the checked paths' common folder. A run gives the same result from any working folder and
for any spelling of the same paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from validator.config import config
from validator.config.selection import Overrides
from validator.settings import Settings

STDIN = "-"


def common_folder(paths: Sequence[str]) -> Path | None:
    """The deepest folder holding every checked path (a file counts by its folder); None without paths."""
    folders = []
    for path in paths:
        if path == STDIN:
            continue
        absolute = os.path.abspath(path)
        folders.append(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))
    if not folders:
        return None
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # paths on different drives share no folder
        return None


def find_config(paths: Sequence[str], cwd: Path | None = None) -> Path | None:
    """The configuration file for a run over `paths`: found upwards from their common folder, and only
    when there is none there, upwards from the working folder."""
    start = common_folder(paths)
    found = config.find(start) if start is not None else None
    return found if found is not None else config.find((cwd or Path.cwd()).absolute())


def settings_for(paths: Sequence[str], config_file: Path | None = None, cwd: Path | None = None) -> Settings:
    """The settings of a run over `paths`: from `config_file` when given, else from the file found for the
    paths, else the defaults. Raises config.ConfigError for a file that cannot be used."""
    path = config_file if config_file is not None else find_config(paths, cwd)
    return Settings() if path is None else config.load(path)


class Resolver:
    """The settings of each checked file (docs/configuration.md#which-configuration-applies): from
    `config_file` for every file when given; else from the nearest configuration above the file, else
    the one above the working folder, else the defaults; the command line's `overrides` on top of each.
    Files and configurations are looked up once each. Raises config.ConfigError for a file that cannot
    be used."""

    def __init__(self, overrides: Overrides, config_file: Path | None = None, cwd: Path | None = None) -> None:
        self.overrides = overrides
        self.config_file = config_file
        self.cwd = (cwd or Path.cwd()).absolute()
        self._found: dict[str, Path | None] = {}
        self._loaded: dict[Path | None, Settings] = {}
        self._at_cwd: list[Path | None] = []  # the working folder's configuration, once looked up

    def _config_of(self, folder: str) -> Path | None:
        if self.config_file is not None:
            return self.config_file
        if folder not in self._found:
            found = config.find(Path(folder))
            self._found[folder] = found if found is not None else self._cwd_config()
        return self._found[folder]

    def _cwd_config(self) -> Path | None:
        if not self._at_cwd:
            self._at_cwd.append(config.find(self.cwd))
        return self._at_cwd[0]

    def for_folder(self, folder: str) -> Settings:
        """The settings of the files directly in `folder` (an absolute path)."""
        path = self._config_of(folder)
        if path not in self._loaded:
            self._loaded[path] = self.overrides.apply(Settings() if path is None else config.load(path))
        return self._loaded[path]

    def for_path(self, path: str) -> Settings:
        """The settings of a file (or of what a folder walk meets inside a folder)."""
        absolute = os.path.abspath(path)
        return self.for_folder(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))

    def for_files(self, paths: Sequence[str]) -> dict[str, Settings]:
        """The settings of each of `paths`, files a walk or the command line gave (no folder among them):
        looked up once per folder, files of one folder sharing theirs."""
        of_folder: dict[str, Settings] = {}
        own = {}
        for path in paths:
            folder = os.path.dirname(path)
            if folder not in of_folder:
                of_folder[folder] = self.for_path(path)
            own[path] = of_folder[folder]
        return own

    def for_run(self, paths: Sequence[str]) -> Settings:
        """The settings of the run as a whole (its report language, the context files' size limit): those
        of the checked paths' common folder, as `find_config` finds them."""
        if self.config_file is not None:
            return self.for_folder(str(self.cwd))
        start = common_folder(paths)
        found = config.find(start) if start is not None else None
        path = found if found is not None else self._cwd_config()
        if path not in self._loaded:
            self._loaded[path] = self.overrides.apply(Settings() if path is None else config.load(path))
        return self._loaded[path]
