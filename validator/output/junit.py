"""JUnit XML for test dashboards: a testsuite per file, a testcase per rule per file."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree

from validator.output import xml_text

if TYPE_CHECKING:
    from validator.output.formats import Run

from validator.rules import registry
from validator.rules.docs_url import rule_url


def _describe(finding_line: int | None, finding_column: int | None, text: str) -> str:
    where = f"{finding_line}:{finding_column}: " if finding_line is not None else ""
    return xml_text(where + text)


def render(run: Run) -> str:
    """A testcase fails when its rule has a finding at or above the run's `fail_on`; lesser findings go to
    its system-out, so the dashboard agrees with the exit code. Only the rules that ran for a file (`ran`)
    are its testcases."""
    results, fail_on, ran = run.results, run.fail_on, run.ran
    root = ElementTree.Element("testsuites", name="jdcloud-preflight")
    total_tests = total_failures = 0
    for result in results:
        # XML 1.0 cannot hold every character a path or a value may: those are escaped, not dropped.
        path = xml_text(result.path)
        suite = ElementTree.SubElement(root, "testsuite", name=path)
        failures = 0
        rules = registry.RULES if ran is None else ran(result)
        for rule in rules:
            case = ElementTree.SubElement(suite, "testcase", name=f"{rule.id} {rule.name}", classname=path)
            properties = ElementTree.SubElement(case, "properties")
            ElementTree.SubElement(properties, "property", name="url", value=rule_url(rule.id))
            mine = [finding for finding in result.findings if finding.rule == rule.id]
            failing = [finding for finding in mine if finding.severity >= fail_on]
            if failing:
                failures += 1
                lines = [
                    _describe(
                        f.line, f.column, f"{f.severity.label}: {f.message}" + (f" [API {f.api}]" if f.api else "")
                    )
                    for f in failing
                ]
                failure = ElementTree.SubElement(
                    case, "failure", message=xml_text(failing[0].message), type=failing[0].severity.label
                )
                failure.text = "\n".join(lines)
            passing = [finding for finding in mine if finding.severity < fail_on]
            if passing:
                out = ElementTree.SubElement(case, "system-out")
                out.text = "\n".join(_describe(f.line, f.column, f"{f.severity.label}: {f.message}") for f in passing)
        suite.set("tests", str(len(rules)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(rules)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
