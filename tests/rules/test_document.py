"""C01–C05: parsing, duplicate keys, types, unknown keys and key spelling."""

from __future__ import annotations

import pytest

from tests.helpers import findings, of_rule, rules, valid_request, with_disk
from validator import Severity, check_create_image


@pytest.mark.parametrize(
    ("text", "filename", "position"),
    [
        ('{"name": "web",}', "r.json", (1, 16)),
        ('{"name": "web"', "r.json", (1, 15)),
        ("", "r.json", (1, 1)),
        ("   \n  ", "r.json", (1, 1)),
        ("name: [web", "r.yaml", (2, 1)),
        ("", "r.yaml", (1, 1)),
        ('{"a": NaN}', "r.json", (1, 7)),
        ('{"a": 1}\n{"b": 2}', "r.json", (2, 1)),
    ],
)
def test_c01_unparseable_text_is_one_error_with_a_position(text: str, filename: str, position: tuple[int, int]) -> None:
    (finding,) = findings(text, filename=filename)
    assert finding.rule == "C01"
    assert finding.severity is Severity.ERROR
    assert finding.pointer == ""
    assert (finding.line, finding.column) == position
    assert finding.api is None


@pytest.mark.parametrize("text", ["[1, 2]", '"web"', "42", "null"])
def test_c01_top_level_must_be_an_object(text: str) -> None:
    (finding,) = findings(text, filename="r.json")
    assert finding.rule == "C01"
    assert "top level" in finding.message


def test_c01_yaml_tags_that_build_objects_are_refused() -> None:
    (finding,) = findings("name: !!python/object/apply:os.system ['true']\n", filename="r.yaml")
    assert finding.rule == "C01"
    assert "tag" in finding.message
    assert (finding.line, finding.column) == (1, 7)


def test_c01_json_nesting_has_a_bound() -> None:
    (finding,) = findings('{"name": ' + "[" * 100 + "]" * 100 + "}", filename="r.json")
    assert finding.rule == "C01"
    assert "nest" in finding.message


def test_c02_exact_duplicate_points_at_the_later_key() -> None:
    text = '{\n  "name": "a1",\n  "name": "a2"\n}'
    (finding,) = of_rule(text, "C02")
    assert finding.severity is Severity.ERROR
    assert finding.pointer == "/name"
    assert (finding.line, finding.column) == (3, 3)


def test_c02_duplicates_differing_only_in_case() -> None:
    request = {"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": True, "NoDevice": True}]}
    (finding,) = of_rule(request, "C02")
    assert finding.pointer == "/dataDisks/0/NoDevice"


def test_c02_duplicate_in_yaml() -> None:
    (finding,) = of_rule("name: a1\ndescription: x\nname: a2\n", "C02")
    assert (finding.pointer, finding.line, finding.column) == ("/name", 3, 1)


def test_c02_distinct_keys_are_not_duplicates() -> None:
    assert "C02" not in rules(valid_request())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("diskSizeGB", "40"),
        ("diskSizeGB", 40.0),
        ("diskSizeGB", True),
        ("diskSizeGB", [40]),
        ("iops", "1000"),
        ("iops", 1000.0),
        ("encrypt", "true"),
        ("encrypt", 1),
        ("diskType", 1),
        ("snapshotId", 5),
        ("multiAttachable", "false"),
        ("charge", "postpaid"),
    ],
)
def test_c03_wrong_types_in_disk_spec(field: str, value: object) -> None:
    request = with_disk(diskType="ssd.io1", diskSizeGB=40, iops=1000)
    request["dataDisks"][0]["cloudDiskSpec"][field] = value
    found = of_rule(request, "C03")
    assert [f.pointer for f in found] == [f"/dataDisks/0/cloudDiskSpec/{field}"]
    assert found[0].api is not None
    assert (found[0].api.status, found[0].api.code) == (400, "INVALID_ARGUMENT")


def test_c03_one_e_two_is_not_an_integer() -> None:
    text = '{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 1e2}}]}'
    (finding,) = of_rule(text, "C03")
    assert finding.pointer == "/dataDisks/0/cloudDiskSpec/diskSizeGB"


@pytest.mark.parametrize(
    ("key", "value"),
    [("name", 5), ("description", False), ("regionId", 1), ("instanceId", ["i-eumm7k2qd6"])],
)
def test_c03_wrong_types_at_the_top(key: str, value: object) -> None:
    request = valid_request()
    request[key] = value
    assert [f.pointer for f in of_rule(request, "C03")] == [f"/{key}"]


@pytest.mark.parametrize(("key", "value"), [("deviceName", 2), ("noDevice", "true"), ("autoDelete", 0)])
def test_c03_wrong_types_in_entries(key: str, value: object) -> None:
    request = {"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": True, key: value}]}
    assert [f.pointer for f in of_rule(request, "C03")] == [f"/dataDisks/0/{key}"]


def test_c03_correct_types_pass() -> None:
    assert "C03" not in rules(with_disk(diskType="ssd.io1", diskSizeGB=40, iops=1000, encrypt=False))


def test_c04_unknown_key_is_a_warning_with_a_suggestion() -> None:
    request = {"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevise": True}]}
    (finding,) = of_rule(request, "C04")
    assert finding.severity is Severity.WARNING
    assert finding.pointer == "/dataDisks/0/noDevise"
    assert 'did you mean "noDevice"' in finding.message


def test_c04_unknown_key_far_from_any_name_has_no_suggestion() -> None:
    request = valid_request()
    request["imageTags"] = ["a"]
    (finding,) = of_rule(request, "C04")
    assert "did you mean" not in finding.message
    assert finding.pointer == "/imageTags"


def test_c04_points_at_the_key_position() -> None:
    (finding,) = of_rule('{"name": "web",\n   "nmae": "x"}', "C04")
    assert (finding.line, finding.column) == (2, 4)


def test_c04_null_unknown_key_is_absent() -> None:
    request = valid_request()
    request["somethingElse"] = None
    assert findings(request) == ()


def test_c05_other_case_is_info_and_still_checked() -> None:
    request = {"NAME": "x", "DataDisks": [{"DeviceName": "vdca", "NoDevice": True}]}
    found = findings(request)
    spelled = [f for f in found if f.rule == "C05"]
    assert {f.pointer for f in spelled} == {"/NAME", "/DataDisks", "/DataDisks/0/DeviceName", "/DataDisks/0/NoDevice"}
    assert all(f.severity is Severity.INFO for f in spelled)
    # The matched keys are checked under their documented names: a 1-character name, an out-of-range device.
    assert {"C21", "C31"} <= {f.rule for f in found}
    assert [f.pointer for f in found if f.rule == "C31"] == ["/DataDisks/0/DeviceName"]


def test_c05_documented_spelling_is_silent() -> None:
    assert check_create_image(valid_request()).findings == ()
