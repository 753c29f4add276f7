"""The language server driven as an editor drives it: a subprocess speaking JSON-RPC on its stdio."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from tests.helpers import EXAMPLES, ROOT
from tests.server.client import Client, apply_edits, uri_of
from validator import fix_create_image

WEB = (
    "name: web-2026.11\n"
    "dataDisks:\n"
    "  - DeviceName: vdc\n"
    "    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 100, iops: 3000}\n"
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    started = Client(cwd=tmp_path)
    started.initialize({"debounce": 0.05})
    yield started
    assert started.close() == 0


def _span(diagnostic: dict[str, Any]) -> tuple[str, int, int, int, int]:
    where = diagnostic["range"]
    start, end = where["start"], where["end"]
    return diagnostic["code"], start["line"], start["character"], end["line"], end["character"]


def _opened(client: Client, path: Path, text: str, language: str = "yaml") -> tuple[str, list[dict[str, Any]]]:
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    client.open(uri, text, language)
    return uri, client.diagnostics(uri)


def test_initialize_announces_diagnostics_code_actions_and_hover(tmp_path: Path) -> None:
    started = Client(cwd=tmp_path)
    capabilities = started.initialize()["capabilities"]
    assert started.close() == 0
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll"]
    assert capabilities["hoverProvider"] is True
    assert capabilities["textDocumentSync"]["save"]
    assert capabilities["positionEncoding"] == "utf-16"


def test_a_request_gets_each_finding_with_its_range_code_severity_link_and_source(
    client: Client, tmp_path: Path
) -> None:
    _, found = _opened(client, tmp_path / "web.yaml", WEB)
    # C05 covers the key as written, C44 the iops value.
    assert [_span(d) for d in found] == [("C05", 2, 4, 2, 14), ("C44", 3, 62, 3, 66)]
    assert [d["severity"] for d in found] == [3, 2]  # information, warning
    assert {d["source"] for d in found} == {"jdcloud-preflight"}
    assert found[1]["codeDescription"]["href"].endswith("docs/rules.md#c44")
    assert "iops is ignored" in found[1]["message"]


def test_an_error_carries_the_api_answer_in_its_message(client: Client, tmp_path: Path) -> None:
    _, found = _opened(client, tmp_path / "web.yaml", "name: web image\n")
    assert [(d["code"], d["severity"]) for d in found] == [("C22", 1)]
    assert found[0]["message"].endswith("[API 400 INVALID_ARGUMENT]")


def test_positions_count_utf16_code_units_unless_the_client_chose_code_points(tmp_path: Path) -> None:
    text = '{"name": "web\U0001f600", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}]}\n'
    points = text.index("3000")
    path = tmp_path / "web.json"
    path.write_text(text, encoding="utf-8")
    for encodings in (None, ["utf-32"]):
        started = Client(cwd=tmp_path)
        # The server announces the encoding it counts in (pygls 1.x always counts UTF-16).
        chosen = started.initialize(encodings=encodings)["capabilities"].get("positionEncoding", "utf-16")
        started.open(uri_of(path), text, "json")
        found = {d["code"]: d["range"] for d in started.diagnostics(uri_of(path))}
        assert started.close() == 0
        start = points + 1 if chosen == "utf-16" else points  # the emoji is two UTF-16 code units
        assert (found["C44"]["start"]["character"], found["C44"]["end"]["character"]) == (start, start + 4)
        assert chosen in ("utf-16", *(encodings or []))


def test_a_change_is_checked_after_the_pause_and_only_its_last_version(tmp_path: Path) -> None:
    started = Client(cwd=tmp_path)
    started.initialize({"debounce": 0.5})
    path = tmp_path / "web.yaml"
    path.write_text(WEB, encoding="utf-8")
    uri = uri_of(path)
    started.open(uri, WEB)
    assert [d["code"] for d in started.diagnostics(uri)] == ["C05", "C44"]
    # Three changes in a row, well within the pause: one check, of the last text.
    started.change(uri, WEB.replace("DeviceName", "deviceName"), 2)
    started.change(uri, "name: web image\n", 3)
    started.change(uri, WEB.replace(", iops: 3000", ""), 4)
    assert [d["code"] for d in started.diagnostics(uri)] == ["C05"]
    published = [n for n in started.notifications if n["method"] == "textDocument/publishDiagnostics"]
    assert started.close() == 0
    assert published == []


def test_the_published_diagnostics_name_the_version_they_are_for(tmp_path: Path) -> None:
    started = Client(cwd=tmp_path)
    started.initialize({"debounce": 0})
    uri = uri_of(tmp_path / "web.yaml")
    started.open(uri, WEB, version=7)
    started.diagnostics(uri)
    started.change(uri, "name: web image\n", 8)
    while True:
        note = started.next_message(30)
        if note.get("method") == "textDocument/publishDiagnostics":
            break
    assert started.close() == 0
    assert note["params"]["version"] == 8
    assert [d["code"] for d in note["params"]["diagnostics"]] == ["C22"]


def test_a_document_that_is_not_a_request_gets_no_diagnostics(client: Client, tmp_path: Path) -> None:
    manifest = json.dumps({"name": "web", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}})
    _, found = _opened(client, tmp_path / "package.json", manifest, "json")
    assert found == []
    _, found = _opened(client, tmp_path / "notes.txt", "name: web image\n", "plaintext")
    assert found == []
    # The other side: the same walk recognition checks a broken request.
    _, found = _opened(client, tmp_path / "web.json", '{"name": "web image"}', "json")
    assert [d["code"] for d in found] == ["C22"]


def test_an_unsaved_document_is_read_by_its_language(client: Client) -> None:
    client.open("untitled:Untitled-1", "name: web image\n", "yaml")
    assert [d["code"] for d in client.diagnostics("untitled:Untitled-1")] == ["C22"]


@pytest.mark.parametrize(
    ("name", "text", "language"),
    [
        ("bad.yaml", "name: web\n: : bad\n", "yaml"),
        ("bad.json", '{"name": "web", "dataDisks": [', "json"),
        ("binary.yaml", "name: !!binary aGVsbG8=\ninstanceId: i-1\n", "yaml"),
    ],
)
def test_a_document_that_cannot_be_read_gets_c01_and_the_server_goes_on(
    client: Client, tmp_path: Path, name: str, text: str, language: str
) -> None:
    _, found = _opened(client, tmp_path / name, text, language)
    assert [d["code"] for d in found] == ["C01"]
    assert found[0]["severity"] == 1
    _, after = _opened(client, tmp_path / "web.yaml", WEB)
    assert [d["code"] for d in after] == ["C05", "C44"]


def test_a_document_above_the_configured_size_gets_c01(client: Client, tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text("max-bytes = 100\n", encoding="utf-8")
    _, found = _opened(client, tmp_path / "big.yaml", WEB + "description: " + "x" * 100 + "\n")
    assert [d["code"] for d in found] == ["C01"]
    _, found = _opened(client, tmp_path / "small.yaml", "name: web image\n")
    assert [d["code"] for d in found] == ["C22"]


def test_the_nearest_configuration_of_the_file_applies(client: Client, tmp_path: Path) -> None:
    team = tmp_path / "team"
    (team / "deep").mkdir(parents=True)
    (tmp_path / ".jdcloud-preflight.toml").write_text('ignore = ["C44"]\n', encoding="utf-8")
    (team / ".jdcloud-preflight.toml").write_text('ignore = ["C05"]\n[severity]\nC44 = "error"\n', encoding="utf-8")
    _, top = _opened(client, tmp_path / "web.yaml", WEB)
    _, deep = _opened(client, team / "deep" / "web.yaml", WEB)
    assert [d["code"] for d in top] == ["C05"]
    assert [(d["code"], d["severity"]) for d in deep] == [("C44", 1)]


def test_a_configuration_that_cannot_be_used_is_said_on_the_document(client: Client, tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text('select = ["C99"]\n', encoding="utf-8")
    _, found = _opened(client, tmp_path / "web.yaml", WEB)
    assert len(found) == 1
    assert "configuration" in found[0]["message"]
    assert "C99" in found[0]["message"]


def test_suppression_comments_apply(client: Client, tmp_path: Path) -> None:
    text = WEB.replace("vdc\n", "vdc   # jdcloud-preflight: ignore[C05]\n")
    _, found = _opened(client, tmp_path / "web.yaml", text)
    assert [d["code"] for d in found] == ["C44"]


def test_a_safe_quick_fix_is_preferred_and_its_edits_fix_the_finding(client: Client, tmp_path: Path) -> None:
    uri, _ = _opened(client, tmp_path / "web.yaml", WEB)
    actions = client.code_actions(uri, (2, 6), (2, 6))
    assert [(a["title"], a["kind"], a.get("isPreferred")) for a in actions] == [
        ("Fix C05: replace `DeviceName` with `deviceName`", "quickfix", True),
        ("Fix all safe jdcloud-preflight findings", "source.fixAll", None),
    ]
    assert actions[0]["diagnostics"][0]["code"] == "C05"
    fixed = apply_edits(WEB, actions[0]["edit"]["changes"][uri])
    assert fixed == WEB.replace("DeviceName", "deviceName")


def test_a_quick_fix_is_offered_only_where_its_finding_is(client: Client, tmp_path: Path) -> None:
    uri, _ = _opened(client, tmp_path / "web.yaml", WEB)
    assert [a["title"] for a in client.code_actions(uri, (0, 0), (0, 4), only=["quickfix"])] == []
    assert [a["title"] for a in client.code_actions(uri, (3, 62), (3, 62), only=["quickfix"])] == [
        "Fix C44: remove `, iops: 3000`"
    ]


def test_an_unsafe_fix_says_so_and_is_not_preferred(client: Client, tmp_path: Path) -> None:
    text = "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 45}\n"
    uri, found = _opened(client, tmp_path / "web.yaml", text)
    assert [_span(d) for d in found] == [("C43", 3, 51, 3, 53)]
    actions = client.code_actions(uri, (3, 51), (3, 53))
    assert [(a["title"], a["isPreferred"]) for a in actions] == [
        ("Fix C43 (unsafe: changes what the API reads): replace `45` with `50`", False)
    ]
    assert apply_edits(text, actions[0]["edit"]["changes"][uri]) == text.replace("45", "50")


def test_fix_all_safe_gives_what_check_fix_writes(client: Client, tmp_path: Path) -> None:
    text = WEB.replace("diskSizeGB: 100", "diskSizeGB: 45")  # and an unsafe C43, left alone
    uri, found = _opened(client, tmp_path / "web.yaml", text)
    assert [d["code"] for d in found] == ["C05", "C43", "C44"]
    actions = client.code_actions(uri, (0, 0), (0, 0), only=["source.fixAll"])
    assert [a["kind"] for a in actions] == ["source.fixAll"]
    fixed = apply_edits(text, actions[0]["edit"]["changes"][uri])
    assert fixed == fix_create_image(text, filename="web.yaml").text
    assert "deviceName" in fixed
    assert "diskSizeGB: 45}" in fixed


def test_no_fix_all_when_nothing_is_safely_fixable(client: Client, tmp_path: Path) -> None:
    uri, _ = _opened(
        client,
        tmp_path / "web.yaml",
        "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 45}\n",
    )
    assert client.code_actions(uri, (0, 0), (9, 0), only=["source.fixAll"]) == []


def test_code_actions_follow_a_change_not_yet_checked(tmp_path: Path) -> None:
    started = Client(cwd=tmp_path)
    started.initialize({"debounce": 30})
    uri = uri_of(tmp_path / "web.yaml")
    started.open(uri, "name: web\n")
    assert started.diagnostics(uri) == []
    started.change(uri, WEB, 2)
    titles = [a["title"] for a in started.code_actions(uri, (2, 4), (2, 4), only=["quickfix"])]
    assert started.close() == 0
    assert titles == ["Fix C05: replace `DeviceName` with `deviceName`"]


def test_hover_on_a_rule_id_in_a_suppression_comment_shows_explain(client: Client, tmp_path: Path) -> None:
    text = "name: web-2026.11  # jdcloud-preflight: ignore[C05, C4]\n"
    uri, _ = _opened(client, tmp_path / "web.yaml", text)
    column = text.index("C05")
    explain = subprocess.run(
        [sys.executable, "-m", "validator", "explain", "C05"], capture_output=True, text=True, check=True
    ).stdout
    for character in (column, column + 3):
        hover = client.hover(uri, 0, character)
        assert hover["contents"]["value"] == explain
        assert hover["range"] == {
            "start": {"line": 0, "character": column},
            "end": {"line": 0, "character": column + 3},
        }
    prefix = client.hover(uri, 0, text.index("C4]"))
    assert prefix["contents"]["value"].startswith("C40 ")
    assert client.hover(uri, 0, column - 2) is None  # on `ignore[`, not a rule id
    assert client.hover(uri, 0, 2) is None  # outside the comment


def test_hover_outside_a_suppression_comment_shows_nothing(client: Client, tmp_path: Path) -> None:
    uri, _ = _opened(client, tmp_path / "web.yaml", "name: C05  # a comment naming C05\n")
    assert client.hover(uri, 0, 7) is None
    assert client.hover(uri, 0, 30) is None
    assert client.hover(uri, 5, 0) is None


def test_the_instance_context_files_of_the_options_apply(tmp_path: Path) -> None:
    request = EXAMPLES / "context" / "request-for-web.json"
    instance = EXAMPLES / "context" / "describe-instance-stopped-with-data-disks.json"
    started = Client(cwd=tmp_path)
    started.initialize({"instance": str(instance)})
    started.open(uri_of(request), request.read_text(encoding="utf-8"), "json")
    codes = [d["code"] for d in started.diagnostics(uri_of(request))]
    assert started.close() == 0
    assert "C60" in codes


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"instance": "missing.json"}, "cannot read describeInstance file"),
        ({"debounce": -1}, "debounce"),
        ({"debounce": "soon"}, "debounce"),
        ({"quotas": 3}, "quotas must be a file path"),
        (["not", "an", "object"], "must be an object"),
    ],
)
def test_options_that_cannot_be_used_are_said_on_every_document(tmp_path: Path, options: object, said: str) -> None:
    started = Client(cwd=tmp_path)
    started.initialize(options)
    uri = uri_of(tmp_path / "web.yaml")
    started.open(uri, WEB)
    found = started.diagnostics(uri)
    assert started.close() == 0
    assert len(found) == 1
    assert said in found[0]["message"]


def test_closing_a_document_clears_its_diagnostics(client: Client, tmp_path: Path) -> None:
    uri, found = _opened(client, tmp_path / "web.yaml", WEB)
    assert found
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_saving_checks_again(client: Client, tmp_path: Path) -> None:
    uri, _ = _opened(client, tmp_path / "web.yaml", WEB)
    (tmp_path / ".jdcloud-preflight.toml").write_text('ignore = ["C05"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["C44"]


def test_the_server_writes_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    path = folder / "web.yaml"
    path.write_text(WEB, encoding="utf-8")
    started = Client(cwd=folder)
    started.initialize()
    uri = uri_of(path)
    started.open(uri, WEB)
    started.diagnostics(uri)
    started.code_actions(uri, (0, 0), (9, 0))
    started.change(uri, "name: web image\n", 2)
    started.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    started.diagnostics(uri)
    assert started.close() == 0
    assert sorted(p.name for p in folder.iterdir()) == ["web.yaml"]
    assert path.read_text(encoding="utf-8") == WEB


def _utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def test_every_example_gets_the_findings_check_reports(tmp_path: Path) -> None:
    """The acceptance: for each file in examples/, the diagnostics are check's JSON findings (rule,
    severity, start); a file the folder walk skips as not a request gets none."""
    command = [sys.executable, "-m", "validator", "check", "examples", "--format", "json"]
    report = json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False).stdout)
    expected = {}
    for result in report["files"]:
        lines = (ROOT / result["path"]).read_text(encoding="utf-8").splitlines()
        expected[result["path"]] = [
            (
                f["rule"],
                {"error": 1, "warning": 2, "info": 3}[f["severity"]],
                f["line"] - 1,
                _utf16(lines[f["line"] - 1], f["column"]),
            )
            for f in result["findings"]
        ]
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".json", ".yaml", ".yml"))
    started = Client(cwd=ROOT)
    started.initialize()
    got = {}
    for path in files:
        uri = uri_of(path)
        started.open(uri, path.read_text(encoding="utf-8"), "yaml" if path.suffix != ".json" else "json")
        found = started.diagnostics(uri)
        got[path.relative_to(ROOT).as_posix()] = [
            (d["code"], d["severity"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in found
        ]
    assert started.close() == 0
    assert {name: found for name, found in got.items() if name in expected} == expected
    assert {name: found for name, found in got.items() if name not in expected} == {
        name: [] for name in got if name not in expected
    }
    assert len(expected) >= 10


def test_the_server_command_without_its_extra_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text("import sys\nsys.modules['pygls'] = None\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "validator", "server"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{blocker}:{ROOT}", "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "pip install 'jdcloud-preflight[server]'" in run.stderr


def test_the_server_ends_when_its_client_goes_away(tmp_path: Path) -> None:
    started = Client(cwd=tmp_path)
    started.initialize()
    assert started.process.stdin is not None
    started.process.stdin.close()
    assert started.process.wait(timeout=60) is not None
    started.close()


def test_crlf_lines_place_findings_and_fixes_as_lf_lines_do(client: Client, tmp_path: Path) -> None:
    crlf = WEB.replace("\n", "\r\n")
    uri, found = _opened(client, tmp_path / "web.yaml", crlf)
    assert [_span(d) for d in found] == [("C05", 2, 4, 2, 14), ("C44", 3, 62, 3, 66)]
    (action,) = client.code_actions(uri, (0, 0), (0, 0), only=["source.fixAll"])
    fixed = apply_edits(crlf, action["edit"]["changes"][uri])
    assert fixed == fix_create_image(crlf, filename="web.yaml").text
    assert fixed == WEB.replace("DeviceName", "deviceName").replace(", iops: 3000", "").replace("\n", "\r\n")
