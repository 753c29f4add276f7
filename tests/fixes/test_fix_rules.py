"""One test per fix, in JSON and in YAML: the exact fixed text, so every character outside the edit
(comments, blank lines, quoting, key order, line endings) is proven unchanged (issue 13)."""

from __future__ import annotations

import pytest

from validator import fix_create_image
from validator.fixes.records import Applicability
from validator.settings import Settings


def _fix(text: str, filename: str, *, unsafe: bool = False, settings: Settings | None = None) -> str:
    kwargs = {} if settings is None else {"settings": settings}
    return fix_create_image(text, filename=filename, unsafe=unsafe, **kwargs).text


def _only_span_changed(before: str, after: str, old: str, new: str) -> None:
    """The texts differ in exactly one place, where `old` became `new`."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    assert before[start : len(before) - end] in old
    assert after[start : len(after) - end] in new
    assert before.replace(old, new, 1) == after


# (filename, before, after, unsafe) ----------------------------------------------------------------------

CASES = {
    # C05 key spelling (safe): the key is renamed, quoting kept.
    "C05-json": (
        "a.json",
        '{\n  "name": "web",\n  "dataDisks": [{"deviceName": "vdh", "CloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]\n}\n',
        '{\n  "name": "web",\n  "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]\n}\n',
        False,
    ),
    "C05-yaml": (
        "a.yaml",
        "# the weekly image\nname: web  # kept\nDataDisks:\n  - 'DeviceName': vdh  # quoted key\n    noDevice: true\n",
        "# the weekly image\nname: web  # kept\ndataDisks:\n  - 'deviceName': vdh  # quoted key\n    noDevice: true\n",
        False,
    ),
    # C06 a YAML scalar loaders read differently (unsafe: it chooses PyYAML's reading): written as PyYAML reads it. YAML only: in JSON a
    # value is what it is (see test_c06_has_nothing_to_fix_in_json).
    "C06-yaml-boolean": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdc  # old disk\n    noDevice: yes  # leave it out\n",
        "name: web\ndataDisks:\n  - deviceName: vdc  # old disk\n    noDevice: true  # leave it out\n",
        True,
    ),
    "C06-yaml-flow-octal-and-word": (
        "a.yaml",
        "name: web\ndataDisks:\n  - {deviceName: vdh, autoDelete: Off, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 050, encrypt: n}}\n",
        'name: web\ndataDisks:\n  - {deviceName: vdh, autoDelete: false, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 40, encrypt: "n"}}\n',
        True,
    ),
    "C06-yaml-date": (
        "a.yaml",
        "# weekly\nname: web\ndescription: 2026-11-01  # the day it was made\n",
        '# weekly\nname: web\ndescription: "2026-11-01"  # the day it was made\n',
        True,
    ),
    # C48 ignored disk fields (safe): removed with their separator or their lines.
    "C48-json-middle": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "az": "cn-north-1a", "diskSizeGB": 40}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
        False,
    ),
    "C48-json-last-multiline": (
        "a.json",
        '{\n  "name": "web",\n  "dataDisks": [\n    {\n      "deviceName": "vdh",\n      "cloudDiskSpec": {\n        "diskType": "ssd.gp1",\n        "diskSizeGB": 40,\n        "policyId": "p-1"\n      }\n    }\n  ]\n}\n',
        '{\n  "name": "web",\n  "dataDisks": [\n    {\n      "deviceName": "vdh",\n      "cloudDiskSpec": {\n        "diskType": "ssd.gp1",\n        "diskSizeGB": 40\n      }\n    }\n  ]\n}\n',
        False,
    ),
    "C48-json-only-member": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": { "az": "cn-north-1a" }}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {}}]}',
        False,
    ),
    "C48-yaml-block": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      az: cn-north-1a  # copied from the console\n      # the size in GiB\n      diskSizeGB: 40\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      # the size in GiB\n      diskSizeGB: 40\n",
        False,
    ),
    "C48-yaml-block-nested-value": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      charge:  # billing\n        chargeMode: postpaid_by_duration\n        # nested note\n        chargeDuration: 1\n\n      # about the size\n      diskSizeGB: 40\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n\n      # about the size\n      diskSizeGB: 40\n",
        False,
    ),
    "C48-yaml-flow": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 40, az: x}  # flow\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 40}  # flow\n",
        False,
    ),
    "C48-yaml-only-member": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      az: cn-north-1a  # ignored\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      {}  # ignored\n",
        False,
    ),
    "C48-yaml-block-comment-on-nested-lines": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      charge:\n        chargeMode: postpaid_by_duration\n        # about the charge above\n      # about the size\n      diskSizeGB: 40\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      # about the size\n      diskSizeGB: 40\n",
        False,
    ),
    "C48-yaml-every-member": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    autoDelete: true\n    cloudDiskSpec:\n      az: cn-north-1a\n      name: disk  # ignored too\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    autoDelete: true\n    cloudDiskSpec:\n      {}  # ignored too\n",
        False,
    ),
    "C48-json-every-member": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "autoDelete": true, "cloudDiskSpec": {"az": "a", "name": "n", "policyId": "p"}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "autoDelete": true, "cloudDiskSpec": {}}]}',
        False,
    ),
    # C44 iops on a type that takes none (safe).
    "C44-json": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "hdd.std1", "iops": 3000, "diskSizeGB": 100}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "hdd.std1", "diskSizeGB": 100}}]}',
        False,
    ),
    "C44-yaml": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 100\n      iops: 3000  # not for gp1\n# the end\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 100\n# the end\n",
        False,
    ),
    # C34 settings on an excluded entry (safe).
    "C34-json": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true, "diskCategory": "cloud", "autoDelete": true}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
        False,
    ),
    "C34-yaml-first-after-dash": (
        "a.yaml",
        "name: web\ndataDisks:\n  - autoDelete: true  # no effect\n    deviceName: vdc\n    noDevice: true\n",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n",
        False,
    ),
    "C34-yaml-nested-spec": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n    cloudDiskSpec:\n      diskType: ssd.gp1  # old disk\n      diskSizeGB: 40\n  # the next entry\n  - deviceName: vdd\n    noDevice: true\n",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n  # the next entry\n  - deviceName: vdd\n    noDevice: true\n",
        False,
    ),
    # C02 a repeated key with equal values (safe): the later occurrence goes.
    "C02-json": (
        "a.json",
        '{\r\n  "name": "web",\r\n  "description": "x",\r\n  "name": "web"\r\n}\r\n',
        '{\r\n  "name": "web",\r\n  "description": "x"\r\n}\r\n',
        False,
    ),
    "C02-json-case-variant": (
        "a.json",
        '{"name": "web", "Name": "web", "description": "x"}',
        '{"name": "web", "description": "x"}',
        False,
    ),
    "C02-yaml": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n    noDevice: true  # twice\n",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n",
        False,
    ),
    # C04 a misspelt key with one close documented name (unsafe).
    "C04-json": (
        "a.json",
        '{"name": "web", "dataDisk": [{"deviceName": "vdc", "noDevice": true}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
        True,
    ),
    "C04-yaml": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdc  # the old disk\n    noDevise: true\n",
        "name: web\ndataDisks:\n  - deviceName: vdc  # the old disk\n    noDevice: true\n",
        True,
    ),
    # C43 a size rounded up to the step, within the range (unsafe).
    "C43-json-step": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 45}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 50}}]}',
        True,
    ),
    "C43-yaml-below-range": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 5  # too small\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 20  # too small\n",
        True,
    ),
    "C43-yaml-above-range": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 16001}\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 16000}\n",
        True,
    ),
    # C45 iops rounded to the step and clamped into its range (unsafe).
    "C45-json-step": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100, "iops": 1015}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100, "iops": 1020}}]}',
        True,
    ),
    "C45-json-above-size-bound": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 20, "iops": 5000}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 20, "iops": 1000}}]}',
        True,
    ),
    "C45-yaml-below": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.io1\n      diskSizeGB: 100\n      iops: 150  # too few\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.io1\n      diskSizeGB: 100\n      iops: 200  # too few\n",
        True,
    ),
    "C45-yaml-snapshot-cap": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.io1\n      snapshotId: snapshot-h8u1ab3c36\n      iops: 40000\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.io1\n      snapshotId: snapshot-h8u1ab3c36\n      iops: 32000\n",
        True,
    ),
    # C03 a string that spells a number or a boolean (unsafe).
    "C03-json": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "autoDelete": "true", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": "40"}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "autoDelete": true, "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
        True,
    ),
    "C03-yaml": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: 'true'  # quoted\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: \"40\"\n",
        "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true  # quoted\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 40\n",
        True,
    ),
    # C41 a case variant of a listed disk type (unsafe), quoting kept.
    "C41-json": (
        "a.json",
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "SSD.IO1", "diskSizeGB": 100, "iops": 3000}}]}',
        '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100, "iops": 3000}}]}',
        True,
    ),
    "C41-yaml": (
        "a.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: Hdd.Std1  # typed by hand\n      diskSizeGB: 100\n      other: 'SSD.GP1'\n",
        "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: hdd.std1  # typed by hand\n      diskSizeGB: 100\n      other: 'SSD.GP1'\n",
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fix_writes_exactly_the_expected_text(case: str) -> None:
    filename, before, after, unsafe = CASES[case]
    assert _fix(before, filename, unsafe=unsafe) == after
    # The fixed text is clean of what was fixed: fixing it again changes nothing.
    assert _fix(after, filename, unsafe=unsafe) == after


@pytest.mark.parametrize("case", sorted(name for name, (_, _, _, unsafe) in CASES.items() if unsafe))
def test_unsafe_fixes_wait_for_unsafe_fixes(case: str) -> None:
    filename, before, _, _ = CASES[case]
    result = fix_create_image(before, filename=filename)
    assert result.text == before
    assert result.fixes == ()
    assert any(f.fix is not None and f.fix.applicability is Applicability.UNSAFE for f in result.report.findings)


def test_a_rename_touches_only_the_key() -> None:
    before = "name: web  # image\nDataDisks:   # disks\n  - deviceName: vdc\n    noDevice: true\n"
    _only_span_changed(before, _fix(before, "a.yaml"), "DataDisks", "dataDisks")


def test_a_quoted_string_keeps_its_quotes() -> None:
    before = '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "Ssd.Gp1", "diskSizeGB": 40}}]}'
    _only_span_changed(before, _fix(before, "a.json", unsafe=True), '"Ssd.Gp1"', '"ssd.gp1"')


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        # A legacy type has two replacements (C41): the intent is not evident.
        (
            "a.json",
            '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 40}}]}',
        ),
        # A masked snapshot id (C46) and a repeated device name (C32).
        (
            "a.json",
            '{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-h8u1****36"}}]}',
        ),
        (
            "a.yaml",
            "name: web\ndataDisks:\n  - {deviceName: vdb, noDevice: true}\n  - {deviceName: vdb, autoDelete: true}\n",
        ),
        # A repeated key with different values (C02): which one was meant is not evident.
        ("a.json", '{"name": "web-a", "name": "web-b"}'),
        # iops with no diskType (C44 info): the type cannot be told.
        (
            "a.yaml",
            "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      snapshotId: snapshot-h8u1ab3c36\n      iops: 3000\n",
        ),
        # A misspelt key whose documented name is already there (C04): renaming would repeat it.
        ("a.json", '{"name": "web", "dataDisks": [], "dataDisk": [{"deviceName": "vdc", "noDevice": true}]}'),
        # A string that spells no number (C03).
        (
            "a.json",
            '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": "forty"}}]}',
        ),
        # A key far from every documented name (C04 without a suggestion).
        ("a.json", '{"name": "web", "zzzz": 1}'),
    ],
)
def test_no_fix_where_the_intent_is_not_evident(filename: str, text: str) -> None:
    result = fix_create_image(text, filename=filename, unsafe=True)
    assert result.text == text
    assert all(finding.fix is None for finding in result.report.findings)


def test_overlapping_edits_wait_for_a_later_pass() -> None:
    # Removing the last member takes the comma before it, which the removal of the one before also
    # touches: the second removal waits for the next pass.
    before = '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40, "az": "a", "name": "n"}}]}'
    result = fix_create_image(before, filename="a.json")
    assert (
        result.text
        == '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}'
    )
    assert sorted(f.pointer for f in result.fixes) == [
        "/dataDisks/0/cloudDiskSpec/az",
        "/dataDisks/0/cloudDiskSpec/name",
    ]


def test_fixes_chain_across_passes() -> None:
    # C41 makes the disk ssd.io1, which makes its iops checked (C45), which is then fixed too; C03 turns
    # "45" into 45, whose step (C43) is then fixed.
    before = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: SSD.IO1\n      diskSizeGB: '45'\n      iops: 99999\n"
    after = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.io1\n      diskSizeGB: 50\n      iops: 2500\n"
    result = fix_create_image(before, filename="a.yaml", unsafe=True)
    assert result.text == after
    assert result.report.findings == ()
    assert {f.rule for f in result.fixes} == {"C41", "C03", "C43", "C45"}


def test_an_edit_that_would_break_an_alias_is_refused() -> None:
    # Removing `az` would remove the anchor the alias below needs: the text would not parse, so the
    # fix is refused and the file is left as it was.
    before = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      az: &zone cn-north-1a\n      diskType: ssd.gp1\n      diskSizeGB: 40\n  - deviceName: vdc\n    noDevice: true\n    zone: *zone\n"
    result = fix_create_image(before, filename="a.yaml")
    assert result.text == before
    assert result.fixes == ()
    assert "C48" in {f.rule for f in result.report.findings}


def test_a_fix_that_would_add_a_finding_is_refused() -> None:
    # Rounding 45 up to 50 would break the organisation's limit of 45 GiB (P02): not applied.
    from validator.core.policy import Policy

    before = '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 45}}]}'
    settings = Settings(policy=Policy(max_disk_size_gb=45))
    result = fix_create_image(before, filename="a.json", unsafe=True, settings=settings)
    assert result.text == before
    assert [f.rule for f in result.report.findings] == ["C43"]


def test_a_suppressed_finding_is_not_fixed() -> None:
    before = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 40\n      az: x  # jdcloud-preflight: ignore[C48]\n"
    assert _fix(before, "a.yaml") == before


def test_a_rule_left_out_by_the_settings_is_not_fixed() -> None:
    before = '{"name": "web", "Description": "x"}'
    assert _fix(before, "a.json", settings=Settings(ignore=("C05",))) == before
    assert _fix(before, "a.json") == '{"name": "web", "description": "x"}'


def test_an_unreadable_text_is_returned_as_it_was() -> None:
    result = fix_create_image('{"name": "web",', filename="a.json", unsafe=True)
    assert result.text == '{"name": "web",'
    assert [f.rule for f in result.report.findings] == ["C01"]
    assert not result.changed


def test_the_api_returns_what_was_fixed_and_what_remains() -> None:
    before = '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 45, "az": "x"}}]}'
    result = fix_create_image(before, filename="request.json")
    assert result.changed
    assert [(f.rule, f.fix is not None and f.fix.safe) for f in result.fixes] == [("C48", True)]
    assert [f.rule for f in result.report.findings] == ["C43"]
    assert result.report.source == "request.json"
    assert not result.report.ok
    unsafe = fix_create_image(before, filename="request.json", unsafe=True)
    assert unsafe.report.ok
    assert unsafe.report.findings == ()


def test_a_byte_order_mark_and_crlf_line_ends_are_kept() -> None:
    before = '\ufeff{\r\n  "Name": "web"\r\n}\r\n'
    assert _fix(before, "a.json") == '\ufeff{\r\n  "name": "web"\r\n}\r\n'
    yaml_before = "\ufeffName: web\r\n# note\r\n"
    assert _fix(yaml_before, "a.yaml") == "\ufeffname: web\r\n# note\r\n"


def test_a_refused_fix_does_not_hold_the_others_back() -> None:
    # Renaming noDevise would make entry 0 exclude a disk it names no device for (C33, a new error): refused.
    # The twelve sizes are still fixed, all of them, whatever the bound on passes.
    sized = ", ".join(
        f'{{"deviceName": "vd{chr(ord("c") + index)}", "cloudDiskSpec": {{"diskType": "ssd.gp1", "diskSizeGB": 45}}}}'
        for index in range(12)
    )
    before = f'{{"name": "web", "dataDisks": [{{"noDevise": true, "autoDelete": true}}, {sized}]}}'
    result = fix_create_image(before, filename="a.json", unsafe=True)
    assert result.text == before.replace('"diskSizeGB": 45', '"diskSizeGB": 50')
    assert sorted({f.rule for f in result.fixes}) == ["C43"]
    assert len(result.fixes) == 12
    (c04,) = [f for f in result.report.findings if f.rule == "C04"]
    assert c04.fix is None  # refused, so no longer offered
    assert fix_create_image(result.text, filename="a.json", unsafe=True).text == result.text


def test_c06_has_nothing_to_fix_in_json() -> None:
    text = '{"name": "web", "description": "2026-11-01", "dataDisks": [{"deviceName": "vdc", "noDevice": "yes"}]}'
    result = fix_create_image(text, filename="a.json")
    assert result.text == text
    assert "C06" not in {f.rule for f in result.report.findings}


def test_c06_leaves_what_it_cannot_write_plainly() -> None:
    # A sexagesimal float has no exact decimal form worth guessing; an alias is written elsewhere.
    text = "name: web\ndescription: 1:30.5\n"
    result = fix_create_image(text, filename="a.yaml")
    assert result.text == text
    (c06,) = [f for f in result.report.findings if f.rule == "C06"]
    assert c06.fix is None


def test_the_good_fixes_of_a_failing_pass_go_together(monkeypatch: pytest.MonkeyPatch) -> None:
    # One pass only: the rename that would add C33 is refused, and the twelve sizes still all go in it.
    from validator.fixes import apply

    monkeypatch.setattr(apply, "MAX_PASSES", 1)
    sized = ", ".join(
        f'{{"deviceName": "vd{chr(ord("c") + index)}", "cloudDiskSpec": {{"diskType": "ssd.gp1", "diskSizeGB": 45}}}}'
        for index in range(12)
    )
    before = f'{{"name": "web", "dataDisks": [{{"noDevise": true, "autoDelete": true}}, {sized}]}}'
    result = fix_create_image(before, filename="a.json", unsafe=True)
    assert result.text == before.replace('"diskSizeGB": 45', '"diskSizeGB": 50')
