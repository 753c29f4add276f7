"""Links in the README and docs/*.md: every relative link names a file of the repository, and every `#anchor`
names an anchor of its page (an explicit `<a id>` or a heading, as GitHub forms their ids)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import DOCUMENTATION, ROOT

_FENCE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
_ID = re.compile(r'<a id="([^"]+)"></a>')
_HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def _prose(text: str) -> str:
    """The text without code blocks and code spans, which hold paths and brackets that are not links."""
    return _CODE.sub("", _FENCE.sub("", text))


def links(text: str) -> list[str]:
    return _LINK.findall(_prose(text))


def _slug(heading: str) -> str:
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    headings = (heading.replace("`", "") for heading in _HEADING.findall(_FENCE.sub("", text)))
    return set(_ID.findall(text)) | {_slug(heading) for heading in headings}


def _has_anchor(page: Path, anchor: str) -> bool:
    return not anchor or anchor in anchors(page.read_text(encoding="utf-8"))


def broken(page: Path, root: Path = ROOT) -> list[str]:
    """The links of `page` that lead nowhere, or out of `root`."""
    found = []
    for target in links(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # an address on the web: never fetched by the tests
        name, _, anchor = target.partition("#")
        linked = (page.parent / name).resolve() if name else page
        if not linked.is_file() or root not in linked.parents or not _has_anchor(linked, anchor):
            found.append(target)
    return found


@pytest.mark.parametrize("page", DOCUMENTATION, ids=[path.relative_to(ROOT).as_posix() for path in DOCUMENTATION])
def test_every_relative_link_leads_to_a_file_and_an_anchor(page: Path) -> None:
    assert broken(page) == []


def test_the_documentation_links_into_the_decisions_and_the_rule_reference() -> None:
    targets = [target for page in DOCUMENTATION for target in links(page.read_text(encoding="utf-8"))]
    assert any(target.startswith("rules.md#c") for target in targets)
    assert any(target.startswith("#zero-values") for target in targets)
    assert "docs/decisions.md" in targets


def test_a_missing_file_or_anchor_or_a_file_outside_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "repository"
    root.mkdir()
    (root / "rules.md").write_text('<a id="c43"></a>\n\n### C43 disk-size\n', encoding="utf-8")
    (tmp_path / "outside.md").write_text("# Outside\n", encoding="utf-8")
    page = root / "page.md"
    page.write_text(
        "# A page\n\n[ok](rules.md#c43) [ok](#a-page) [ok](rules.md#c43-disk-size) [web](https://example.com)\n"
        "[gone](missing.md) [no anchor](rules.md#c44) [no heading](#b-page) [out](../outside.md)\n"
        "`[code](missing.md)`\n```\n[fenced](missing.md)\n```\n",
        encoding="utf-8",
    )
    assert broken(page, root=root) == ["missing.md", "rules.md#c44", "#b-page", "../outside.md"]


def test_a_heading_anchor_is_formed_as_github_forms_it() -> None:
    assert _slug("Checking against a live instance's description") == "checking-against-a-live-instances-description"
    assert _slug("CI policy gate") == "ci-policy-gate"
    assert anchors("## `--fix` and `--diff`\n") == {"--fix-and---diff"}


_CITED = re.compile(r"docs/(decisions|rules)\.md#([a-z0-9-]+)")


def test_every_anchor_a_comment_cites_exists() -> None:
    pages = {
        name: anchors((ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")) for name in ("decisions", "rules")
    }
    for folder in ("validator", "tests", "bench", "fuzz"):
        for source in sorted((ROOT / folder).rglob("*.py")):
            for page, anchor in _CITED.findall(source.read_text(encoding="utf-8")):
                assert anchor in pages[page], f"{source.relative_to(ROOT)}: docs/{page}.md#{anchor}"
