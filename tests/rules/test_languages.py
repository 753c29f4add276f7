"""Every rule speaks English and Chinese; `--lang zh` prints Chinese for every finding."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import EXAMPLES, with_disk
from validator import Context, check_create_image
from validator.cli.main import main
from validator.core.policy import Policy
from validator.rules import registry
from validator.settings import Settings

CJK = re.compile(r"[\u4e00-\u9fff]")
EVERY_POLICY = Settings(
    policy=Policy(
        allowed_disk_types=("ssd.gp1",),
        max_disk_size_gb=100,
        max_total_disk_size_gb=100,
        max_data_disks=0,
        require_encryption=True,
        name_pattern="^web-",
        require_description=True,
        require_auto_delete=True,
    )
)
# Requests whose findings, together, come from every rule that has a check of its own.
WIDE = [
    *(rule.bad for rule in registry.RULES),
    '{"name": "a", "description": "' + "d" * 300 + '"}',
    {"name": "w", "dataDisks": [{"deviceName": "vdb", "noDevice": True}] * 65},
    {"regionId": "cn-north-9", "instanceId": "i-abc", "name": "web"},
    with_disk(diskType="ssd.io1", diskSizeGB=20, iops=1010, snapshotId="snapshot-abc"),
    with_disk(diskType="ssd.io1", diskSizeGB=20, iops=195),
    with_disk(diskType="ssd.io1", snapshotId="snapshot-ab12cd34ef", iops=40000),
    with_disk(diskType="ssd.io1", diskSizeGB=20),
    with_disk(diskType="ssd.gp2", diskSizeGB=20),
    with_disk(diskType="nvme", diskSizeGB=20),
    with_disk(snapshotId="snap-1", iops=200),
    {
        "name": "web\u3400",
        "dataDisks": [{"deviceName": "vda", "noDevice": True}, {"deviceName": "sdb", "noDevice": True}],
    },
    "name: web  # jdcloud-preflight: ignore[C39]\n",
    {"name": "web", "Name": "web", "nmae": "x", "zzz": 1},
    '{"name": "web", "name": "web"}',
    "[1]",
]


def _described(status: str, system: str, attach: str, disks: list[tuple[str, str, str]]) -> Context:
    def attachment(device: str, category: str, state: str) -> dict[str, object]:
        disk = {"diskId": f"vol-{device}", "diskSizeGB": 200, "status": state}
        return {"diskCategory": category, "deviceName": device, "status": attach, "cloudDisk": disk, "localDisk": disk}

    instance = {
        "instanceId": "i-eumm7k2qd6",
        "status": status,
        "systemDisk": attachment("vda", system, "in-use") if system else None,
        "dataDisks": [attachment(*disk) for disk in disks],
    }
    return Context(
        instance=Context.from_describe_instance(instance).instance,
        snapshots=Context.from_describe_snapshots(
            [{"snapshotId": "snapshot-ab12cd34ef", "snapshotSizeGB": 500}]
        ).snapshots,
        quotas=Context.from_describe_quotas([{"resourceType": "image", "limit": 1, "used": 1}]).quotas,
    )


ON_INSTANCE = {
    "instanceId": "i-eumm7k2qd6",
    "name": "web",
    "dataDisks": [
        {"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 100}},
        {"deviceName": "vdq", "cloudDiskSpec": {"iops": 300}},
        {"deviceName": "vdr", "noDevice": True},
        {"deviceName": "vdd", "noDevice": True},
        {"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", "diskSizeGB": 100}},
        {"deviceName": "vdf", "cloudDiskSpec": {"snapshotId": "snapshot-zz12cd34ef"}},
    ],
}
CASES: list[tuple[object, Context | None]] = [(request, None) for request in WIDE] + [
    (
        ON_INSTANCE,
        _described(
            "running",
            "local",
            "detaching",
            [("vdb", "cloud", "extending"), ("vdc", "cloud", "error"), ("vdd", "local", "in-use")],
        ),
    ),
    ({"instanceId": "i-eumm7k2qd6", "name": "web"}, _described("stopping", "", "attached", [])),
    ({"instanceId": "i-other00001", "name": "web"}, _described("running", "cloud", "attached", [])),
    (
        # C39 needs a description that shows a prepaid disk (docs/decisions.md#auto-delete-scope).
        {"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": True}]},
        Context.from_describe_instance(
            {
                "instanceId": "i-eumm7k2qd6",
                "status": "running",
                "dataDisks": [
                    {
                        "deviceName": "vdb",
                        "status": "attached",
                        "cloudDisk": {"status": "in-use", "charge": {"chargeMode": "prepaid_by_duration"}},
                    }
                ],
            }
        ),
    ),
    # C71 both ways: counted with the instance (error), and a full quota without it (warning).
    (
        {"name": "web"},
        _described("running", "cloud", "attached", [("vdb", "cloud", "in-use")]).merged(
            Context.from_describe_snapshot_quota({"result": {"quota": {"limit": 5, "used": 4}}})
        ),
    ),
    ({"name": "web"}, Context.from_describe_snapshot_quota({"result": {"quota": {"limit": 5, "used": 5}}})),
]


def test_every_rule_is_reached_and_every_message_is_chinese() -> None:
    reached: set[str] = set()
    for request, context in CASES:
        text_input = isinstance(request, str)
        filename = None if not text_input else ("r.yaml" if "ignore[" in str(request) else None)
        options = {"settings": EVERY_POLICY, "filename": filename, "context": context}
        english = check_create_image(request, lang="en", **options).findings  # type: ignore[arg-type]
        chinese = check_create_image(request, lang="zh", **options).findings  # type: ignore[arg-type]
        assert [(f.rule, f.pointer) for f in english] == [(f.rule, f.pointer) for f in chinese]
        for en, zh in zip(english, chinese, strict=True):
            assert CJK.search(zh.message), zh.message
            assert not CJK.search(en.message) or CJK.search(str(request)), en.message
            assert en.api == zh.api  # the API's own words are never translated
        reached.update(f.rule for f in english)
    assert reached == {rule.id for rule in registry.RULES}


@pytest.mark.parametrize("rule", registry.RULES, ids=[rule.id for rule in registry.RULES])
def test_every_explanation_exists_in_both_languages(rule: registry.Rule, capsys: pytest.CaptureFixture[str]) -> None:
    for text in (rule.summary, rule.description):
        assert text.en.strip()
        assert not CJK.search(text.en.replace("中文", ""))
        assert CJK.search(text.zh)
    main(["explain", rule.id, "--lang", "zh"])
    assert "不好的写法" in capsys.readouterr().out


def test_check_lang_zh_prints_chinese_for_every_finding_of_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "zh", "--format", "json", str(EXAMPLES)]) == 1
    report = json.loads(capsys.readouterr().out)
    messages = [f["message"] for entry in report["files"] for f in entry["findings"]]
    assert messages
    assert all(CJK.search(message) for message in messages)
    main(["check", "--lang", "zh", str(EXAMPLES)])
    lines = capsys.readouterr().out.splitlines()
    assert all(CJK.search(line) for line in lines)
