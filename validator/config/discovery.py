"""Which configuration a run uses: the nearest one above the checked paths, as ruff finds it, so that a run
gives the same result from any working folder and for any spelling of the same paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from validator.config import config
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
