"""The reference page's own request example (shipped as written in examples/)."""

from __future__ import annotations

from tests.helpers import EXAMPLES, api_of
from validator import Severity, check_create_image


def _check(name: str):  # type: ignore[no-untyped-def]
    return check_create_image((EXAMPLES / name).read_bytes(), filename=name)


def test_as_written_its_only_error_is_the_masked_snapshot_id() -> None:
    report = _check("reference-example.json")
    errors = report.errors
    assert len(errors) == 1
    (error,) = errors
    assert error.rule == "C46"
    assert error.pointer == "/dataDisks/1/CloudDiskSpec/snapshotId"
    assert (error.line, error.column) == (13, 27)
    assert api_of(error) == (
        404,
        "NOT_FOUND",
        "Snapshot 'snapshot-h8u1****36' not found",
    )


def test_with_the_snapshot_id_unmasked_it_has_no_error() -> None:
    report = _check("reference-example-unmasked.json")
    assert report.ok
    assert report.counts["error"] == 0
    # What remains is advice: the page writes CloudDiskSpec (C05). Its autoDelete is no longer C39 advice
    # without an instance description (docs/decisions.md#auto-delete-scope).
    assert {(f.rule, f.severity) for f in report.findings} == {("C05", Severity.INFO)}


def test_the_examples_body_matches_the_unmasked_copy_but_for_the_id() -> None:
    masked = (EXAMPLES / "reference-example.json").read_text(encoding="utf-8")
    unmasked = (EXAMPLES / "reference-example-unmasked.json").read_text(encoding="utf-8")
    assert masked.replace("snapshot-h8u1****36", "snapshot-h8u1ab9c36") == unmasked
