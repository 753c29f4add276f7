"""Adding a rule as CONTRIBUTING.md says touches three files: the rule's module, its test and the
regenerated docs/rules.md. Nothing else: the command line, the checks and the reference all know it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.rule_modules import EXTRA_RULE, write_module
from validator import check_create_image
from validator.cli.main import main
from validator.rules import reference, registry


def test_the_three_documented_files_add_a_rule_every_part_knows(
    extra_rules_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CONTRIBUTING.md's three files: the rule's module (written here), its test (this one) and the
    regenerated docs/rules.md (rendered here). Nothing else is touched, and everything knows the rule."""
    write_module(extra_rules_dir, "extra_area", "c99_added_rule", EXTRA_RULE)
    registry.clear_cache()

    assert main(["rules"]) == 0
    assert "C99  warning  added-rule" in capsys.readouterr().out

    assert main(["explain", "c99"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C99 added-rule (warning, checked by its rule)")
    assert "The image is not named added-rule-demo." in out

    report = check_create_image({"name": "added-rule-demo"})
    assert [(f.rule, f.pointer, f.message) for f in report.findings] == [
        ("C99", "/name", "the name is added-rule-demo")
    ]
    assert check_create_image({"name": "web"}).findings == ()

    request = tmp_path / "request.json"
    request.write_text('{"name": "added-rule-demo"}')
    assert main(["check", "--format", "json", "--select", "C99", str(request)]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("C99", 1, 10)

    rendered = reference.render()
    assert '<a id="c99"></a>\n\n### C99 added-rule\n' in rendered
    assert "| [C99](#c99) | `added-rule` | warning | rule | the request alone |" in rendered
