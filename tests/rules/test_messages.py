"""Messages that help (issue 11): Chinese throughout, plurals right, YAML numbers where text is expected,
the reference page's request-path line, and a file path given as the request's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import with_disk
from validator import check_create_image
from validator.cli.main import main

ENGLISH_WORD = re.compile(r"\b(?:or|and|not|is|the|of)\b")


def _messages(request: object, rule: str, lang: str = "en", filename: str | None = None) -> list[str]:
    report = check_create_image(request, lang=lang, filename=filename)
    return [f.message for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(
    ("legacy", "replacement"), [("ssd", "ssd.gp1 或 ssd.io1"), ("premium-hdd", "hdd.std1 或 ssd.gp1")]
)
def test_c41_legacy_replacements_in_chinese_use_huo(legacy: str, replacement: str) -> None:
    (zh,) = _messages(with_disk(diskType=legacy, diskSizeGB=40), "C41", "zh")
    assert zh.endswith(f"请改用 {replacement}")
    (en,) = _messages(with_disk(diskType=legacy, diskSizeGB=40), "C41")
    assert en.endswith(f"use {replacement.replace(' 或 ', ' or ')}")


@pytest.mark.parametrize("kind", ["nvme", "ssd.gp2", "SSD.IO1"])
def test_c41_lists_in_chinese_use_the_chinese_separator(kind: str) -> None:
    (zh,) = _messages(with_disk(diskType=kind, diskSizeGB=40), "C41", "zh")
    assert "ssd.gp1、ssd.io1、hdd.std1" in zh
    assert not ENGLISH_WORD.search(re.sub(r'"[^"]*"', "", zh))


@pytest.mark.parametrize(
    ("request_", "rule", "text"),
    [
        ({"name": "a"}, "C21", "name has 1 character; at least 2 are required"),
        ({"name": ""}, "C21", "name has 0 characters; at least 2 are required"),
        ({"name": "a" * 33}, "C21", "name has 33 characters; at most 32 are allowed"),
        ({"regionId": "cn-north-1", "instanceId": "i-a", "name": "web"}, "C12", 'has 1 character after "i-"'),
        ({"regionId": "cn-north-1", "instanceId": "i-ab", "name": "web"}, "C12", 'has 2 characters after "i-"'),
        (with_disk(snapshotId="snapshot-a"), "C46", 'has 1 character after "snapshot-"'),
        (with_disk(snapshotId="snapshot-abc"), "C46", 'has 3 characters after "snapshot-"'),
    ],
)
def test_plurals_are_right(request_: object, rule: str, text: str) -> None:
    (message,) = _messages(request_, rule)
    assert text in message


@pytest.mark.parametrize(("written", "value"), [("2026.11", "2026.11"), ("2026.10", "2026.1"), ("20261", "20261")])
def test_yaml_number_where_a_string_is_expected_says_to_quote_it(written: str, value: str) -> None:
    (en,) = _messages(f"name: {written}\n", "C03", filename="r.yaml")
    assert en == (
        f"name must be a string, not the number {value}: YAML reads {written} unquoted as a number; "
        f'write it in quotes, "{written}"'
    )
    (zh,) = _messages(f"name: {written}\n", "C03", "zh", filename="r.yaml")
    assert f'请加引号写成 "{written}"' in zh
    assert _messages(f'name: "{written}"\n', "C03", filename="r.yaml") == []


@pytest.mark.parametrize(
    ("request_", "filename"),
    [('{"name": 2026.11}', None), ("name: true\n", "r.yaml"), ({"name": 2026.11}, None)],
)
def test_other_type_errors_keep_the_plain_message(request_: object, filename: str | None) -> None:
    (message,) = _messages(request_, "C03", filename=filename)
    assert "quotes" not in message
    assert message.startswith("name must be a string, not ")


def test_yaml_number_in_a_device_name_says_to_quote_it() -> None:
    text = "name: web\ndataDisks:\n  - {deviceName: 12, noDevice: true}\n"
    (message,) = _messages(text, "C03", filename="r.yaml")
    assert 'write it in quotes, "12"' in message


REQUEST_LINES = [
    "/v1/regions/cn-north-1/instances/i-eumm7k2qd6:createImage\n",
    "POST /v1/regions/{regionId}/instances/{instanceId}:createImage\n",
    "https://vm.jdcloud-api.com/v1/regions/{regionId}/instances/{instanceId}:createImage\n",
    "\n  /v1/regions/cn-north-1/instances/i-eumm****d6:createImage  \r\n",
]


@pytest.mark.parametrize("line", REQUEST_LINES)
@pytest.mark.parametrize("body", ['{\n  "name": "web"\n}\n', "name: web\n"])
def test_a_request_path_line_is_named_as_such(line: str, body: str) -> None:
    (finding,) = check_create_image(line + body).findings
    assert finding.rule == "C01"
    assert "the first line is the request path (/v1/regions/" in finding.message
    assert finding.line == line.count("\n", 0, len(line) - len(line.lstrip())) + 1
    assert (
        finding.column == len(line.split("\n")[finding.line - 1]) - len(line.split("\n")[finding.line - 1].lstrip()) + 1
    )


@pytest.mark.parametrize(
    "text",
    [
        "name: web\ndescription: /v1/regions/cn-north-1/instances/i-1:createImage\n",
        '{"name": "web", "description": "/v1/regions/x:createImage"}',
        "/v1/regions/cn-north-1/instances/i-1:describeInstance\nname: web\n",
    ],
)
def test_other_texts_are_not_taken_for_a_request_line(text: str) -> None:
    assert all("request path" not in f.message for f in check_create_image(text).findings)


def test_cli_request_path_line_is_exit_1_at_line_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "copied.json"
    path.write_text(REQUEST_LINES[0] + '{"name": "web"}\n')
    assert main(["check", str(path)]) == 1
    assert (
        f"{path}:1:1: error C01 cannot read the request: the first line is the request path" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    "text", ["requests/web.yaml", "web.json", "./deploy/image.YML", "C:\\images\\web.json", " web.yaml\n"]
)
def test_a_file_path_given_as_text_says_to_use_the_file_api(text: str) -> None:
    (finding,) = check_create_image(text).findings
    assert finding.rule == "C01"
    assert "looks like a file path" in finding.message
    assert "validator.check_file(path)" in finding.message


@pytest.mark.parametrize(
    ("text", "words"), [("web", "single value"), ("web yaml", "single value"), ('["a.json"]', "an array")]
)
def test_other_single_values_keep_the_top_level_message(text: str, words: str) -> None:
    (finding,) = check_create_image(text).findings
    assert words in finding.message


def test_file_bytes_holding_a_path_are_not_told_to_use_the_file_api() -> None:
    (finding,) = check_create_image(b"requests/web.yaml").findings
    assert "single value" in finding.message


CJK = re.compile(r"[\u4e00-\u9fff]")
UNREADABLE = [
    ('{"a": ', None),
    ('{"a": 1,}', None),
    ('{"a": 1} x', None),
    ('{"a": NaN}', None),
    ('{"a": "\x01"}', None),
    ('{"a" 1}', None),
    ("[" * 70 + "]" * 70, None),
    ("name: [", "r.yaml"),
    ("name: *x", "r.yaml"),
    ("a: &x 1\nb: &x 2\n", "r.yaml"),
    ("name: one\n---\nname: two\n", "r.yaml"),
    ("name: !!python/object:os.system x\n", "r.yaml"),
    ("x: {<<: 3}\n", "r.yaml"),
    ("x: &x {<<: *x}\n", "r.yaml"),
    ("", "r.yaml"),
    ("", "r.json"),
    ("[1]", None),
    ("web", None),
    (b"\x00\x01", None),
    (b"\xff\xfe\x00", None),
    (b'{"name": "\xff"}', None),
    ("/v1/regions/cn-north-1/instances/i-1:createImage\nname: web\n", None),
    ("requests/web.yaml", None),
]


@pytest.mark.parametrize(("request_", "filename"), UNREADABLE)
def test_c01_messages_are_chinese_throughout(request_: object, filename: str | None) -> None:
    (zh,) = check_create_image(request_, filename=filename, lang="zh").findings
    (en,) = check_create_image(request_, filename=filename, lang="en").findings
    assert (zh.rule, zh.line, zh.column) == (en.rule, en.line, en.column) == ("C01", en.line, en.column)
    reason = zh.message.removeprefix("无法读取请求：")
    assert CJK.search(reason), zh.message
    # Only a parser's own words, marked as such, stay English.
    assert not ENGLISH_WORD.search(re.sub(r"（解析器原文：.*）", "", reason)), zh.message
