"""The report of a run that could not be done (exit 2) in each format, so that a report file is always a
valid document of its format (see docs/reports.md#a-run-that-could-not-be-done)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from xml.etree import ElementTree

from validator.output import json_text, one_line, xml_text


def _sarif(errors: Sequence[str], version: str) -> str:
    from validator.output.sarif import SCHEMA_URI, sarif_invocation
    from validator.rules.docs_url import repository_url

    driver = {"name": "jdcloud-preflight", "version": version, "informationUri": repository_url()}
    run = {"tool": {"driver": driver}, "invocations": [sarif_invocation(errors)], "results": []}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_text(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _json(errors: Sequence[str], version: str) -> str:
    from validator.output.json_report import FORMAT_VERSION

    report = {
        "version": FORMAT_VERSION,
        "tool": {"name": "jdcloud-preflight", "version": version},
        "files": [],
        "summary": {"files": 0, "error": 0, "warning": 0, "info": 0},
        "error": "\n".join(errors),
    }
    return json_text(json.dumps(report, ensure_ascii=False)) + "\n"


def _junit(errors: Sequence[str]) -> str:
    root = ElementTree.Element("testsuites", name="jdcloud-preflight", tests="1", failures="0", errors="1")
    suite = ElementTree.SubElement(root, "testsuite", name="jdcloud-preflight", tests="1", failures="0", errors="1")
    case = ElementTree.SubElement(suite, "testcase", name="run", classname="jdcloud-preflight")
    error = ElementTree.SubElement(case, "error", message=xml_text(errors[0]), type="usage")
    error.text = xml_text("\n".join(errors))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def render_error(fmt: str, errors: Sequence[str], version: str) -> str:
    """The report in format `fmt` of a run that ended for `errors` (one-line reasons) before reporting."""
    if fmt == "sarif":
        return _sarif(errors, version)
    if fmt == "json":
        return _json(errors, version)
    if fmt == "junit":
        return _junit(errors)
    if fmt == "gitlab":
        return "[]\n"  # Code Quality issues need a file and a line: the reason goes to standard error
    if fmt == "github":
        from validator.output.github import escape_data

        return "".join(f"::error title=jdcloud-preflight::{escape_data(one_line(error))}\n" for error in errors)
    return "".join(f"jdcloud-preflight: {one_line(error)}\n" for error in errors)
