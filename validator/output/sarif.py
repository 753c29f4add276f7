"""SARIF 2.1.0, for GitHub code scanning and other SARIF readers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from validator.core.finding import Finding, Severity
from validator.fixes.records import Fix
from validator.output import fingerprint_key, json_text
from validator.output.paths import file_uri, is_absolute, relative_uri

if TYPE_CHECKING:
    from validator.output.formats import Run
    from validator.rules.base import Rule

from validator.rules import registry
from validator.rules.docs_url import repository_url, rule_url

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(path: str, finding: Finding) -> str:
    """Built from what the finding is, not which line it is on, so it survives unrelated edits."""
    return hashlib.sha256(fingerprint_key(path, finding.rule, finding.pointer, finding.message)).hexdigest()


ROOT_ID = "%SRCROOT%"


def uri(path: str) -> str:
    """The artifact URI of a path as given: percent-encoded (RFC 3986), file:// when absolute."""
    return file_uri(path) if is_absolute(path) else relative_uri(path)


def artifact_location(path: str, root: str | None) -> dict[str, str]:
    """A relative path against the working folder (`uriBaseId`), an absolute one as a file:// URI."""
    if root is None or is_absolute(path) or path == "-":
        return {"uri": uri(path)}
    return {"uri": relative_uri(path), "uriBaseId": ROOT_ID}


# How sure a finding of each severity is: errors are what the API rejects; warnings and infos depend more on
# what the author meant (see docs/reports.md#sarif-junit-github-and-gitlab).
_PRECISION = {Severity.ERROR: "very-high", Severity.WARNING: "high", Severity.INFO: "medium"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def _markdown(rule: Rule, lang: str, url: str) -> str:
    bad, good = ("不好的写法", "好的写法") if lang == "zh" else ("Bad", "Good")
    return (
        f"{rule.description.render(lang)}\n\n**{bad}:**\n\n```\n{rule.bad}\n```\n\n"
        f"**{good}:**\n\n```\n{rule.good}\n```\n\n[{rule.id} {rule.name}]({url})"
    )


def _rules(lang: str) -> list[dict[str, object]]:
    rules: list[dict[str, object]] = []
    for rule in registry.RULES:
        url = rule_url(rule.id)
        rules.append(
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary.render(lang)},
                "fullDescription": {"text": rule.description.render(lang)},
                "help": {
                    "text": f"{rule.description.render(lang)}\n\nBad: {rule.bad}\nGood: {rule.good}",
                    "markdown": _markdown(rule, lang, url),
                },
                "helpUri": url,
                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                "properties": {
                    "precision": _PRECISION[rule.severity],
                    "problem.severity": _PROBLEM[rule.severity],
                    "tags": [rule.enforced_by],
                },
            }
        )
    return rules


def _result(path: str, finding: Finding, index: dict[str, int], root: str | None) -> dict[str, object]:
    message = finding.message if finding.api is None else f"{finding.message} [API {finding.api}]"
    location: dict[str, object] = {"artifactLocation": artifact_location(path, root)}
    if finding.line is not None:
        region: dict[str, object] = {"startLine": finding.line, "startColumn": finding.column}
        if finding.end_line is not None:
            region.update(endLine=finding.end_line, endColumn=finding.end_column)
        location["region"] = region
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"jdcloudPreflight/v1": fingerprint(path, finding)},
    }
    if finding.pointer:
        result["properties"] = {"pointer": finding.pointer}
    if finding.fix is not None:
        result["fixes"] = [_fix(location["artifactLocation"], finding.fix)]
    return result


def _fix(artifact: object, fix: Fix) -> dict[str, object]:
    """A SARIF fix: the edits as replacements (offsets and lengths in code points, as the run says)."""
    replacements = [
        {
            "deletedRegion": {
                "charOffset": edit.start,
                "charLength": edit.end - edit.start,
                "startLine": edit.start_line,
                "startColumn": edit.start_column,
                "endLine": edit.end_line,
                "endColumn": edit.end_column,
            },
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    description = "safe fix" if fix.safe else "unsafe fix: changes what the API reads"
    return {
        "description": {"text": f"jdcloud-preflight {description}"},
        "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
    }


def sarif_invocation(errors: Sequence[str]) -> dict[str, object]:
    """A SARIF invocation that did not succeed, each reason a tool execution notification."""
    return {
        "executionSuccessful": False,
        "toolExecutionNotifications": [{"level": "error", "message": {"text": error}} for error in errors],
    }


def render(run: Run) -> str:
    results, tool_version, lang = run.results, run.tool_version, run.lang
    index = {rule.id: position for position, rule in enumerate(registry.RULES)}
    sarif_run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "jdcloud-preflight",
                "version": tool_version,
                "informationUri": repository_url(),
                "rules": _rules(lang),
            }
        },
        "results": [_result(result.path, found, index, run.root) for result in results for found in result.findings],
        # Columns count characters (code points), as every other format does; SARIF's default is UTF-16.
        # The fixes' character offsets count the same way.
        "columnKind": "unicodeCodePoints",
    }
    if run.errors:
        sarif_run["invocations"] = [sarif_invocation(run.errors)]
    if run.root is not None:
        sarif_run["originalUriBaseIds"] = {ROOT_ID: {"uri": file_uri(run.root.rstrip("/\\") + "/")}}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [sarif_run],
    }
    return json_text(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"
