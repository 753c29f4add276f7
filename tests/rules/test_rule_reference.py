"""docs/rules.md is generated from the rule modules and kept current; each rule has a stable anchor."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT
from validator.rules import reference, registry

DOCS = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == reference.render(), (
        f"docs/rules.md is stale: regenerate it with `{reference.COMMAND}`"
    )


def test_the_module_writes_the_reference_as_utf8(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert reference.main() == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == reference.render()


def test_every_rule_has_one_section_with_its_anchor_in_id_order() -> None:
    text = reference.render()
    anchors = re.findall(r'^<a id="([a-z]\d\d)"></a>\n\n### ([CPS]\d\d) ([a-z-]+)$', text, flags=re.MULTILINE)
    assert anchors == [(rule.id.lower(), rule.id, rule.name) for rule in registry.RULES]


def test_anchor_and_link_of_a_rule() -> None:
    assert reference.anchor("C43") == "c43"
    assert reference.href("C43") == "docs/rules.md#c43"


def test_a_section_says_everything_about_its_rule() -> None:
    rule = registry.BY_ID["C43"]
    section = reference.section(rule)
    assert rule.fix is not None
    for text in (
        "- Severity: error",
        "- Defined in: `validator/rules/disk_spec/c43_disk_size.py`",
        "a rule function, and the JSON Schemas: `schemas/disk-spec.schema.json`",
        "- Needs: the request alone",
        "- API error: 400 OUT_OF_RANGE `DataDisks.CloudDiskSpec.DiskSizeGB out of range`",
        rule.summary.en,
        rule.summary.zh,
        rule.description.en,
        rule.description.zh,
        rule.fix.how.en,
        rule.fix.how.zh,
        rule.bad,
        rule.good,
    ):
        assert text in section, text


@pytest.mark.parametrize(
    ("rule_id", "needs"),
    [
        ("C01", "nothing: it reports a file that cannot be read"),
        ("C06", "YAML text"),
        ("C39", "the instance description (describeInstance, `--instance`)"),
        ("C68", "the snapshots list (describeSnapshots, `--snapshots`)"),
        ("C70", "the quotas (describeQuotas, `--quotas`)"),
        ("P04", "the policy setting `max-data-disks` (`[tool.jdcloud-preflight.policy]`)"),
    ],
)
def test_a_section_says_what_its_rule_needs(rule_id: str, needs: str) -> None:
    assert f"- Needs: {needs}" in reference.section(registry.BY_ID[rule_id])


def test_schema_rules_name_the_schemas_that_report_them() -> None:
    assert "`schemas/create-image-parameters.schema.json`" in reference.checked_by(registry.BY_ID["C10"])
    assert "every type failure" in reference.checked_by(registry.BY_ID["C03"])
    assert reference.checked_by(registry.BY_ID["C31"]) == "a rule function"
