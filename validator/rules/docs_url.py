"""Where each rule's documentation is on the web: its section of docs/rules.md, on the repository the
package's metadata names (`[project.urls]` in pyproject.toml)."""

from __future__ import annotations

import functools

from validator.rules.reference import anchor

# What pyproject.toml's [project.urls] Repository says, for a checkout that is not installed.
REPOSITORY = "https://github.com/jdcloud-preflight/jdcloud-preflight"
BRANCH = "main"


@functools.cache
def repository_url() -> str:
    """The Repository URL in the installed package's metadata, else REPOSITORY."""
    from importlib import metadata

    try:
        urls = metadata.metadata("jdcloud-preflight").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("repository", "source") and url.strip().startswith("https://"):
            return url.strip().rstrip("/")
    return REPOSITORY


def docs_url(page: str) -> str:
    """A page of the repository's documentation (`docs/reports.md`), as the web shows it."""
    return f"{repository_url()}/blob/{BRANCH}/{page}"


def rule_url(rule_id: str) -> str:
    """The rule's section of the rule reference (`.../docs/rules.md#c43`)."""
    return f"{docs_url('docs/rules.md')}#{anchor(rule_id)}"
