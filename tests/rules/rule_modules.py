"""Rule modules written by tests into a folder on the `validator.rules` package path."""

from __future__ import annotations

import importlib
import textwrap
from pathlib import Path

# A rule written the way CONTRIBUTING.md says, in a module that nothing imports or lists.
EXTRA_RULE = '''
"""C99: a rule added as one module, registered nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, rule


@rule(
    "C99",
    "added-rule",
    Severity.WARNING,
    m("The image is not named added-rule-demo.", "镜像名称不是 added-rule-demo。"),
    m("A rule added by a test: it is found, run, listed and documented.", "测试添加的规则：会被发现、运行、列出并写入文档。"),
    bad='{"name": "added-rule-demo"}',
    good='{"name": "web"}',
)
def added_rule(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("name")
    if member is not None and member.value == "added-rule-demo":
        yield Hit(member.pointer, m("the name is added-rule-demo", "名称是 added-rule-demo"))
'''


def write_module(folder: Path, package: str | None, name: str, text: str) -> None:
    target = folder
    if package is not None:
        target = folder / package
        target.mkdir(exist_ok=True)
        (target / "__init__.py").write_text('"""Rules added by a test."""\n')
    (target / f"{name}.py").write_text(textwrap.dedent(text))
    importlib.invalidate_caches()
