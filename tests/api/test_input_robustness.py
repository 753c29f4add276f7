"""Issue 10, what a request may hold: integers past Python's 4300-digit limit are findings like any
out-of-range number; suppressions come only from real YAML comments, in linear time, and a malformed one is
a finding (S02); shared sub-objects and SDK-like objects that raise are C01 findings, never a hang or an
escaped exception; a wrong `context=` is a TypeError that says what to pass."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bounded import run_bounded
from validator import Context, ContextError, Severity, check_create_image
from validator.cli.main import main
from validator.sdk_guard import guard
from validator.settings import Settings

HUGE = 10**5000


def _rules(text: str, filename: str = "r.yaml") -> list[tuple[str, int | None]]:
    return [(f.rule, f.line) for f in check_create_image(text, filename=filename).findings]


# --- integers past the digit limit ---


@pytest.mark.parametrize(
    "literal",
    [
        "0x" + "f" * 5000,
        "0b" + "1" * 20000,
        "0" + "7" * 6000,  # YAML 1.1 octal
        "1" + ":59" * 3000,  # sexagesimal
        "-0x" + "f" * 5000,
    ],
)
def test_huge_yaml_integers_are_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str], literal: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        f"name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {{diskType: ssd.gp1, diskSizeGB: {literal}}}\n"
    )
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert " C44 " in captured.out or " C43 " in captured.out or " C03 " in captured.out or " C01 " in captured.out
    assert "a number of more than 3000 digits" in captured.out


@pytest.mark.parametrize("value", [HUGE, -HUGE], ids=["huge", "minus-huge"])
@pytest.mark.parametrize("field", ["name", "diskSizeGB", "iops"])
def test_huge_integers_in_a_dict_are_findings(value: int, field: str) -> None:
    request: dict[str, Any] = {
        "name": "web",
        "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100}}],
    }
    if field == "name":
        request["name"] = value
    else:
        request["dataDisks"][0]["cloudDiskSpec"][field] = value
    report = check_create_image(request)
    assert not report.ok
    assert any("a number of more than 3000 digits" in finding.message for finding in report.findings)


def test_huge_integers_with_a_policy_are_findings() -> None:
    from validator.core.policy import Policy

    settings = Settings(policy=Policy(max_disk_size_gb=100, max_total_disk_size_gb=100, max_data_disks=0))
    request = {
        "name": "web",
        "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": HUGE}}],
    }
    report = check_create_image(request, settings=settings)
    assert {"P02", "P03"} <= {finding.rule for finding in report.findings}


def test_huge_sizes_and_quotas_in_context_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "1" + "0" * 5000
    request = tmp_path / "r.json"
    request.write_text(
        '{"regionId": "cn-north-1", "instanceId": "i-abc123", "name": "web", "dataDisks": ['
        '{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100}},'
        '{"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "snapshotId": "snapshot-abc123"}}]}'
    )
    instance = tmp_path / "i.yaml"
    instance.write_text(
        "instanceId: i-abc123\nstatus: stopped\nsystemDisk: {diskCategory: cloud, deviceName: vda, status: attached, "
        "cloudDisk: {diskId: vol-sys, status: in-use, diskSizeGB: 40}}\n"
        "dataDisks:\n  - {diskCategory: cloud, deviceName: vdb, status: attached, "
        f"cloudDisk: {{diskId: vol-b, status: in-use, diskSizeGB: 0x{'f' * 5000}}}}}\n"
    )
    snapshots = tmp_path / "s.yaml"
    snapshots.write_text(f"- {{snapshotId: snapshot-abc123, snapshotSizeGB: 0x{'f' * 5000}, status: available}}\n")
    quotas = tmp_path / "q.yaml"
    quotas.write_text(f"- {{resourceType: image, limit: 0x{'f' * 5000}, used: 0x{'f' * 5000}}}\n")
    code = main(
        ["check", "--instance", str(instance), "--snapshots", str(snapshots), "--quotas", str(quotas), str(request)]
    )
    captured = capsys.readouterr()
    assert captured.err == ""
    assert code == 1
    assert captured.out.count("a number of more than 3000 digits") >= 3
    assert huge not in captured.out


# --- suppressions: real comments only ---

# One finding: the unknown key on line 4 (C04).
BASE = "name: web\ndescription: weekly\n# a comment\nbogus: true\n"


@pytest.mark.parametrize(
    "text",
    [
        'regionId: cn-north-1\ninstanceId: "i-****  # jdcloud-preflight: ignore[C]"\nname: web\n',
        "regionId: cn-north-1\ninstanceId: 'i-****  # jdcloud-preflight: ignore[C]'\nname: web\n",
        # Each "comment" is on the line above instanceId, where a real one would suppress C12.
        "regionId: cn-north-1\ndescription: |\n  # jdcloud-preflight: ignore[C]\ninstanceId: i-****\nname: web\n",
        "regionId: cn-north-1\ndescription: >-\n  text\n  # jdcloud-preflight: ignore[C]\ninstanceId: i-****\nname: web\n",
        'regionId: cn-north-1\ndescription: "x\n  # jdcloud-preflight: ignore[C]"\ninstanceId: i-****\nname: web\n',
    ],
)
def test_text_inside_a_scalar_never_suppresses(text: str) -> None:
    assert "C12" in {rule for rule, _ in _rules(text)}


def test_a_real_comment_in_flow_style_suppresses() -> None:
    text = "name: web\nbogus: [{deviceName: vdc}]  # jdcloud-preflight: ignore[C04]\n"
    assert _rules(text) == []


@pytest.mark.parametrize(
    "marker", ["JDCLOUD-PREFLIGHT: IGNORE[C04]", "Jdcloud-Preflight:ignore[c04]", "jdcloud-preflight : ignore[ C04 ]"]
)
def test_the_marker_is_case_insensitive(marker: str) -> None:
    assert _rules(BASE.replace("bogus: true", f"bogus: true  # {marker}")) == []


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("# jdcloud-preflight: ignore[C04", "expected ignore[RULE,...]"),
        ("# jdcloud-preflight: ignore[]", "empty"),
        ("# jdcloud-preflight: ignore[ , ]", "empty"),
        ("# jdcloud-preflight: ignroe[C39]", "expected ignore[RULE,...]"),
        ("# jdcloud-preflight: ignore C39", "expected ignore[RULE,...]"),
        ("# jdcloud-preflight: ignore[C04,,C05]", "'' in ignore"),
        ("# jdcloud-preflight: ignore[C-39]", "'C-39' in ignore"),
    ],
)
def test_a_malformed_suppression_is_a_finding(comment: str, problem: str) -> None:
    text = BASE.replace("bogus: true", f"bogus: true  {comment}")
    found = check_create_image(text, filename="r.yaml").findings
    assert [(f.rule, f.line) for f in found] == [("C04", 4), ("S02", 4)]
    s02 = found[1]
    assert s02.severity is Severity.WARNING
    assert s02.column == text.splitlines()[3].index("#") + 1
    assert problem in s02.message
    assert "格式有误" in check_create_image(text, filename="r.yaml", lang="zh").findings[1].message


def test_a_mention_that_is_not_a_suppression_is_left_alone() -> None:
    assert _rules(BASE.replace("bogus: true", "bogus: true  # see the jdcloud-preflight docs")) == [("C04", 4)]


def test_suppressions_after_a_multi_line_scalar_keep_their_lines() -> None:
    text = "description: |\n  one\n  two\nname: web\n# jdcloud-preflight: ignore[C04]\nbogus: true\n"
    assert _rules(text) == []


def test_a_long_line_of_suppression_markers_is_checked_in_bounded_time_and_memory(tmp_path: Path) -> None:
    """17,000 unfinished markers in one comment: a scan that restarted at each would be quadratic."""
    (tmp_path / "r.yaml").write_text("name: web  #" + "jdcloud-preflight:ignore[" * 17_000 + "\n")
    done = run_bounded(["check", "--format", "json", "r.yaml"], tmp_path, timeout=60)
    assert [f["rule"] for f in json.loads(done.stdout)["files"][0]["findings"]] == ["S02"], done.stderr


def test_many_suppressed_lines_are_checked_in_bounded_time_and_memory(tmp_path: Path) -> None:
    """64,000 suppressed findings, each matched with its comment: a scan quadratic in the lines would take
    hours; the child process is stopped after a minute and a half (tests/bounded.py)."""
    lines = "".join(f"zz{index}: 1  # jdcloud-preflight: ignore[C04,C35]\n" for index in range(64_000))
    (tmp_path / "r.yaml").write_text("name: web-image\n" + lines)
    done = run_bounded(["check", "--format", "json", "r.yaml"], tmp_path, timeout=90)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["findings"] == []


def test_suppressions_in_a_file_that_does_not_parse_are_not_a_crash() -> None:
    text = "name: web  # jdcloud-preflight: ignore[C01]\ndataDisks: [\n  # jdcloud-preflight: ignore[\n"
    rules = {rule for rule, _ in _rules(text)}
    assert "C01" in rules
    assert rules <= {"C01", "S01", "S02"}


# --- shared sub-objects, SDK-like objects that raise ---


def _shared(levels: int = 40) -> list[Any]:
    x: list[Any] = []
    for _ in range(levels):
        x = [x, x]
    return x


def _bounded(script: str) -> str:
    """Run `script` in a child with 1 GiB of memory and 60 s: an exponential walk fails the test instead of
    exhausting the machine. Returns what the script printed."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    prelude = (
        "from typing import Any\n"
        "def shared(levels: int = 40) -> Any:\n"
        "    x: Any = []\n"
        "    for _ in range(levels):\n"
        "        x = [x, x]\n"
        "    return x\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + script], capture_output=True, text=True, timeout=60, preexec_fn=limit_memory
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_shared_sub_objects_in_a_dict_are_a_finding_in_bounded_time() -> None:
    out = _bounded(
        "from validator import check_create_image\n"
        "(finding,) = check_create_image({'name': 'web', 'dataDisks': shared()}).findings\n"
        "print(finding.rule, finding.message)\n"
    )
    assert out.startswith("C01 cannot read the request: cannot read the request object: ")
    assert "more than 100000" in out


def test_a_little_sharing_is_fine() -> None:
    spec = {"diskType": "ssd.gp1", "diskSizeGB": 40}
    report = check_create_image(
        {
            "name": "web",
            "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": spec}, {"deviceName": "vdc", "cloudDiskSpec": spec}],
        }
    )
    assert report.ok


class _Parameters:
    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)


class CreateImageRequest:
    """Shaped like the SDK's request class."""

    def __init__(self, parameters: object) -> None:
        self.parameters = parameters
        self.method = "POST"
        self.url = "/regions/{regionId}/instances/{instanceId}:createImage"


class _Sent:
    def send(self, request: object) -> str:
        return "sent"


def test_shared_sub_objects_through_the_guard_and_from_sdk() -> None:
    out = _bounded(
        "from validator import Context, ContextError, PreflightError\n"
        "from validator.sdk_guard import guard\n"
        "class Parameters:\n"
        "    def __init__(self, **fields: Any) -> None:\n"
        "        self.__dict__.update(fields)\n"
        "class CreateImageRequest:\n"
        "    def __init__(self, parameters: Any) -> None:\n"
        "        self.parameters, self.method = parameters, 'POST'\n"
        "class Sent:\n"
        "    def send(self, request: Any) -> str:\n"
        "        return 'sent'\n"
        "try:\n"
        "    guard(Sent()).send(CreateImageRequest(Parameters(name='web', dataDisks=shared())))\n"
        "except PreflightError as exc:\n"
        "    print('guard:', exc.findings[0].rule, exc.findings[0].message)\n"
        "try:\n"
        "    Context.from_sdk(instance=Parameters(instanceId='i-abc', status='running', dataDisks=shared()))\n"
        "except ContextError as exc:\n"
        "    print('from_sdk:', exc)\n"
        "try:\n"
        "    Context.from_describe_instance({'instanceId': 'i-abc', 'status': 'running', 'x': shared()})\n"
        "except ContextError as exc:\n"
        "    print('describe:', exc)\n"
    )
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("guard: C01 cannot read the request")
    assert all("more than 100000" in line for line in lines)


class _Raising:
    def __init__(self, error: Exception) -> None:
        self._error = error

    def __getattr__(self, name: str) -> Any:
        raise self._error


class _RaisingProperty:
    method = "POST"

    @property
    def parameters(self) -> object:
        raise RuntimeError("token expired")


class _RaisingDict:
    @property
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        raise ValueError("no attributes today")


class _BadKey:
    def __str__(self) -> str:
        raise RuntimeError("unprintable key")


@pytest.mark.parametrize(
    ("request_object", "words"),
    [
        (_Raising(RuntimeError("boom")), "RuntimeError: boom"),
        (_Raising(KeyError("x")), "KeyError"),
        (_RaisingProperty(), "RuntimeError: token expired"),
        (_RaisingDict(), "ValueError: no attributes today"),
        ({"name": "web", "dataDisks": [{_BadKey(): 1}]}, "RuntimeError: unprintable key"),
        ({"name": _Parameters(inner=[_RaisingDict()])}, "ValueError: no attributes today"),
    ],
    ids=["getattr", "getattr-keyerror", "property", "dict", "key-str", "nested"],
)
def test_an_object_whose_reading_raises_is_a_c01_finding(request_object: object, words: str) -> None:
    (finding,) = check_create_image(request_object).findings
    assert finding.rule == "C01"
    assert finding.message.startswith("cannot read the request: cannot read the request object: ")
    assert words in finding.message


def test_the_guard_turns_a_raising_request_into_a_preflight_error() -> None:
    from validator.report import PreflightError

    class CreateImageRequest(_Raising):  # named as the SDK's, attributes that raise
        pass

    with pytest.raises(PreflightError, match="cannot read the request object"):
        guard(_Sent()).send(CreateImageRequest(RuntimeError("boom")))


def test_from_sdk_with_raising_objects_is_a_context_error() -> None:
    with pytest.raises(ContextError, match="ValueError: no attributes today"):
        Context.from_sdk(instance=_RaisingDict())

    class Snapshots:
        def __iter__(self) -> Any:
            raise RuntimeError("paging failed")

    with pytest.raises(ContextError, match="paging failed"):
        Context.from_sdk(snapshots=Snapshots())  # type: ignore[arg-type]


# --- wrong arguments ---


@pytest.mark.parametrize("context", [{"instance": {}}, "i-abc123", 42])
def test_a_wrong_context_is_a_type_error_that_says_what_to_pass(context: object) -> None:
    with pytest.raises(TypeError, match=r"context must be a validator\.Context.*from_describe_instance.*not"):
        check_create_image({"name": "web"}, context=context)  # type: ignore[arg-type]


def test_a_wrong_settings_is_a_type_error_that_says_what_to_pass() -> None:
    with pytest.raises(TypeError, match=r"settings must be a validator\.settings\.Settings"):
        check_create_image({"name": "web"}, settings={"select": ["C"]})  # type: ignore[arg-type]


def test_a_context_provider_returning_a_dict_is_a_type_error() -> None:
    client = guard(_Sent(), context_provider=lambda request: {"instance": {}})  # type: ignore[arg-type, return-value]
    with pytest.raises(TypeError, match="context must be"):
        client.send(CreateImageRequest(_Parameters(name="web")))


@pytest.mark.parametrize("function", ["check_file", "check_paths"])
@pytest.mark.parametrize(("argument", "value"), [("context", {"instance": {}}), ("settings", {"select": ["C"]})])
def test_the_file_api_says_what_to_pass_too(tmp_path: Path, function: str, argument: str, value: object) -> None:
    import validator

    path = tmp_path / "r.json"
    path.write_text('{"name": "web"}')
    call = getattr(validator, function)
    with pytest.raises(TypeError, match=f"{argument} must be"):
        call(path if function == "check_file" else [path], **{argument: value})
