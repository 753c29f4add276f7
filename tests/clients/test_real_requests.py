"""The real createImage requests found in public code and documents (tests/fixtures/real-requests, sources
in its README) get the findings a careful reader expects."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT
from validator import check_file

FIXTURES = ROOT / "tests" / "fixtures" / "real-requests"
MASKED = [
    ("C46", "error", "/dataDisks/1/cloudDiskSpec/snapshotId"),
    ("C12", "error", "/instanceId"),
]
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "01-jdcloud-docs-reference-example.json": [
        ("C05", "info", "/dataDisks/1/CloudDiskSpec"),
        ("C46", "error", "/dataDisks/1/CloudDiskSpec/snapshotId"),
        ("C05", "info", "/dataDisks/2/CloudDiskSpec"),
    ],
    "02-java-sdk-demo-createimage.json": [],
    # Packer always sends description "", which only the length bounds.
    "03-packer-plugin-jdcloud-basic.json": [],
    "04-packer-builder-jdcloud-credential-key.json": [],
    # The unfilled skeleton: every "" where a boolean or integer belongs is C03; the zero values of the
    # cloudDiskSpec (az, name, description, diskType, snapshotId, policyId) are read as not given.
    "05-jdc-cli-generate-skeleton-create-image.json": [
        ("C21", "error", "/name"),
        ("C37", "error", "/dataDisks/0/diskCategory"),
        ("C03", "error", "/dataDisks/0/autoDelete"),
        ("C40", "warning", "/dataDisks/0/cloudDiskSpec/diskType"),
        ("C03", "error", "/dataDisks/0/cloudDiskSpec/diskSizeGB"),
        ("C03", "error", "/dataDisks/0/cloudDiskSpec/iops"),
        ("C48", "warning", "/dataDisks/0/cloudDiskSpec/charge"),
        ("C03", "error", "/dataDisks/0/cloudDiskSpec/multiAttachable"),
        ("C48", "warning", "/dataDisks/0/cloudDiskSpec/multiAttachable"),
        ("C03", "error", "/dataDisks/0/cloudDiskSpec/encrypt"),
        ("C31", "error", "/dataDisks/0/deviceName"),
        ("C03", "error", "/dataDisks/0/noDevice"),
        ("C10", "error", "/regionId"),
        ("C12", "error", "/instanceId"),
    ],
    "06-jdc-cli-generated-testcase.json": [("C12", "error", "/instanceId")],
    "07-jdcloud-skills-cli-create-image.json": [("C12", "warning", "/instanceId")],
    "08-jdcloud-skills-cli-create-image-from-snapshot.json": [("C04", "warning", "/snapshotId")],
    "09-jdcloud-skills-cli-placeholder.json": [
        ("C10", "error", "/regionId"),
        ("C12", "warning", "/instanceId"),
        ("C22", "error", "/name"),
    ],
    # The reference example as the Go and Java SDKs send it: only its two masked ids.
    "10-go-sdk-body-of-reference-example.json": MASKED,
    "11-java-gson-body-of-reference-example.json": MASKED,
}


def test_every_fixture_has_its_expected_findings_listed() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_request_gets_the_findings_a_careful_reader_expects(name: str) -> None:
    report = check_file(FIXTURES / name)
    assert [(f.rule, f.severity.value, f.pointer) for f in report.findings] == EXPECTED[name]


def test_createimagefromsnapshots_mix_up_names_that_api() -> None:
    (finding,) = check_file(FIXTURES / "08-jdcloud-skills-cli-create-image-from-snapshot.json").findings
    assert "createImageFromSnapshots" in finding.message
    (zh,) = check_file(FIXTURES / "08-jdcloud-skills-cli-create-image-from-snapshot.json", lang="zh").findings
    assert "createImageFromSnapshots" in zh.message


def test_skeleton_c40_says_the_empty_disk_type_is_read_as_not_given() -> None:
    report = check_file(FIXTURES / "05-jdc-cli-generate-skeleton-create-image.json")
    (c40,) = [f for f in report.findings if f.rule == "C40"]
    assert c40.message.startswith('diskType "" is read as not given')


@pytest.mark.parametrize("name", ["reference-example-go-sdk.json", "reference-example-java-sdk.json"])
def test_the_sdk_bodies_of_the_reference_example_report_only_the_masked_ids(name: str) -> None:
    report = check_file(ROOT / "examples" / name)
    assert sorted((f.rule, f.severity.value) for f in report.findings) == [("C12", "error"), ("C46", "error")]
