"""The server's pure parts, without a server: positions in LSP's units, where a finding's range ends, the
records made from findings and fixes, the options, and the command without its extra."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

import attrs
from lsprotocol import types

from tests.helpers import ROOT
from validator import ApiError, Finding, Severity
from validator.cli.main import main
from validator.fixes.records import SAFE, Edit, Fix
from validator.rules.docs_url import rule_url
from validator.server import lsp
from validator.server.analysis import Analysis, analyse, document_name, file_path, fix_all_safe
from validator.server.options import DEBOUNCE, read_options
from validator.server.positions import UTF8, UTF16, UTF32, YAML_BREAKS, LineIndex, token_end


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [(UTF16, (1, 3)), (UTF8, (1, 6)), (UTF32, (1, 2))],
)
def test_a_position_counts_the_encodings_units(encoding: str, expected: tuple[int, int]) -> None:
    index = LineIndex("a\n\U0001f600éx\n", encoding)
    assert index.position(4) == expected
    assert index.to_offset(*expected) == 4


def test_lines_break_as_lsp_counts_them() -> None:
    index = LineIndex("a\r\nb\rc\nd")
    assert [index.position(at) for at in (3, 5, 7, 8)] == [(1, 0), (2, 0), (3, 0), (3, 1)]
    assert index.end() == (3, 1)
    # NEL is no LSP line break, but a YAML one: the reader's lines count it.
    assert LineIndex("a\x85b").position(2) == (0, 2)
    assert LineIndex("a\x85b", breaks=YAML_BREAKS).offset(2, 1) == 2


def test_offsets_and_positions_are_clamped_into_the_text() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(0, 0) == 0
    assert index.offset(1, 9) == 2  # past the line's end: its end
    assert index.offset(9, 1) == 3  # past the last line: the last line
    assert index.position(-1) == (0, 0)
    assert index.position(99) == (1, 2)
    assert index.to_offset(5, 0) == 5
    assert index.to_offset(0, 9) == 2
    assert LineIndex("ab\ncd", UTF32).to_offset(1, 9) == 5


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ('"a\\"b", 1', 6),
        ("'it''s' x", 7),
        ("'open", 5),
        ("plain value  # note", 11),
        ("key: value", 3),
        ("a:b c", 5),
        ("3000}", 4),
        ("x,", 1),
        ("{a: 1}  \n", 6),
        ("[1, 2", 5),
        ("\n", 0),
        ("", 0),
        ("#", 1),
    ],
)
def test_a_token_ends_where_json_or_yaml_ends_it(text: str, end: int) -> None:
    assert token_end(text, 0) == end


def test_a_finding_without_a_place_covers_the_first_line() -> None:
    analysis = Analysis("name: a\nb: c\n", "x.yaml")
    finding = analyse("name: web image\n", "x.yaml", None).findings[0]
    placeless = attrs.evolve(finding, line=None, column=None)
    assert lsp.Positions(analysis).finding_range(placeless) == types.Range(types.Position(0, 0), types.Position(0, 7))


def test_a_fix_is_described_by_its_edits() -> None:
    text = "abc"
    one = Fix(SAFE, (Edit(1, 1, "x", 1, 2, 1, 2),))
    two = Fix(SAFE, (Edit(0, 1, "", 1, 1, 1, 2), Edit(2, 3, "", 1, 3, 1, 4)))
    long = Fix(SAFE, (Edit(0, 3, "y" * 50, 1, 1, 1, 4),))
    assert lsp.describe(one, text) == "insert `x`"
    assert lsp.describe(two, text) == "2 edits"
    assert lsp.describe(long, text) == f"replace `abc` with `{'y' * 39}…`"


def test_the_api_answer_is_added_only_when_the_message_lacks_it() -> None:
    api = ApiError(400, "INVALID_ARGUMENT")
    bare = Finding("C22", Severity.ERROR, "name contains a space", "/name", 1, 7, api)
    quoting = Finding("C40", Severity.WARNING, "the API answers 400 INVALID_ARGUMENT", "/dataDisks/0", 1, 7, api)
    assert lsp.message(bare) == "name contains a space [API 400 INVALID_ARGUMENT]"
    assert lsp.message(quoting) == quoting.message
    assert lsp.message(attrs.evolve(bare, api=None)) == bare.message


def test_rule_help_of_an_unknown_id_is_none() -> None:
    assert lsp.rule_help("X9", "en") is None
    assert lsp.rule_help("C05", "zh") is not None
    analysis = Analysis("a: 1  # jdcloud-preflight: ignore[X9]\n", "x.yaml")
    assert lsp.hover(analysis, types.Position(0, 34)) is None


def test_nothing_is_offered_for_a_skipped_or_unconfigured_document() -> None:
    where = types.Range(types.Position(0, 0), types.Position(9, 0))
    assert lsp.code_actions(Analysis("{}", "x.json", skipped=True), "u", where) == []
    assert lsp.code_actions(Analysis("{}", "x.json", problem="bad"), "u", where) == []
    assert fix_all_safe(Analysis("{}", "x.json", skipped=True)) is None
    assert lsp.diagnostics(Analysis("{}", "x.json", skipped=True)) == []


def test_the_documentation_url_of_a_rule_is_its_section_of_rules_md() -> None:
    assert rule_url("C43") == "https://github.com/jdcloud-preflight/jdcloud-preflight/blob/main/docs/rules.md#c43"


@pytest.mark.parametrize(
    ("path", "language", "name"),
    [
        ("/r/web.YML", None, "/r/web.YML"),
        ("/r/web.json", "plaintext", "/r/web.json"),
        ("/r/web", "yaml", "/r/web.yaml"),
        (None, "jsonc", "untitled.json"),
        ("/r/web.txt", "plaintext", None),
        (None, None, None),
    ],
)
def test_a_document_is_checked_by_its_suffix_else_its_language(
    path: str | None, language: str | None, name: str | None
) -> None:
    assert document_name(path, language) == name


def test_only_file_uris_are_files() -> None:
    assert file_path("file:///tmp/a%20b/web.yaml") == "/tmp/a b/web.yaml"
    assert file_path("untitled:Untitled-1") is None
    assert file_path("https://example.com/web.yaml") is None


@pytest.mark.parametrize(
    ("given", "debounce", "problem"),
    [
        (None, DEBOUNCE, None),
        ({}, DEBOUNCE, None),
        ({"debounce": 0}, 0.0, None),
        ({"debounce": 1.5}, 1.5, None),
        ({"debounce": 600}, 60.0, None),
        ({"debounce": True}, DEBOUNCE, "debounce must be"),
        ({"debounce": -0.01}, DEBOUNCE, "debounce must be"),
        ({"instance": ""}, DEBOUNCE, "instance must be a file path"),
        ("fast", DEBOUNCE, "must be an object"),
    ],
)
def test_options_are_read_or_refused_with_a_reason(given: object, debounce: float, problem: str | None) -> None:
    options = read_options(given)
    if problem is None:
        assert (options.debounce, options.problem, options.loaded) == (debounce, None, None)
    else:
        assert problem in (options.problem or "")


def test_the_server_command_without_pygls_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in sys.modules if name.startswith(("validator.server", "pygls"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)
    assert main(["server"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "[server] extra" in err


def test_another_import_error_of_the_server_is_a_bug_not_a_missing_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "validator.server.app", None)
    assert main(["server"]) == 2
    assert "internal error" in capsys.readouterr().err


def test_hover_finds_the_rule_id_under_the_cursor_only() -> None:
    text = "a: 1\nb: 2  # jdcloud-preflight: ignore[C05,C44]  # jdcloud-preflight: ignore[C4]\n"
    analysis = Analysis(text, "x.yaml")
    line = text.splitlines()[1]

    def shown(character: int) -> str | None:
        found = lsp.hover(analysis, types.Position(1, character))
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value.split()[0]

    assert shown(line.index("C44") + 3) == "C44"
    assert shown(line.index("C05")) == "C05"
    assert shown(line.index("C4]")) == "C40"
    assert shown(line.index("ignore")) is None
    assert shown(0) is None
    assert lsp.hover(analysis, types.Position(0, 1)) is None
    assert lsp.hover(analysis, types.Position(9, 0)) is None


def test_a_removal_is_described_as_one() -> None:
    assert lsp.describe(Fix(SAFE, (Edit(0, 2, "", 1, 1, 1, 3),)), "ab c") == "remove `ab`"


def test_a_configuration_that_cannot_be_used_is_the_analysis_problem(tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text("max-bytes = 0\n", encoding="utf-8")
    analysis = analyse("name: web\n", "web.yaml", str(tmp_path / "web.yaml"))
    assert analysis.problem is not None
    assert "max-bytes" in analysis.problem
    assert lsp.diagnostics(analysis)[0].message == analysis.problem


def test_a_text_above_the_size_limit_is_c01_and_at_it_is_checked(tmp_path: Path) -> None:
    text = "name: web image\n"
    (tmp_path / ".jdcloud-preflight.toml").write_text(f"max-bytes = {len(text)}\n", encoding="utf-8")
    at = analyse(text, "web.yaml", str(tmp_path / "web.yaml"))
    above = analyse(text + "#", "web.yaml", str(tmp_path / "web.yaml"))
    assert [f.rule for f in at.findings] == ["C22"]
    assert [f.rule for f in above.findings] == ["C01"]


def test_the_context_files_of_the_options_are_read_once(tmp_path: Path) -> None:
    instance = ROOT / "examples" / "context" / "describe-instance-stopped-with-data-disks.json"
    assert read_options({"instance": str(instance)}).loaded is not None
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert "cannot read describeSnapshots file" in (read_options({"snapshots": str(broken)}).problem or "")
    assert "snapshotQuota must be a file path" in (read_options({"snapshotQuota": ["a"]}).problem or "")


def test_a_document_that_is_not_a_request_is_skipped() -> None:
    analysis = analyse('{"name": "web", "version": "1.0.0", "dependencies": {}}', "package.json", None)
    assert analysis.skipped
    assert analysis.findings == ()


def test_the_server_command_serves_and_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    from validator.server import app

    served: list[str] = []
    monkeypatch.setattr(app, "run", served.append)
    assert main(["server", "--stdio"]) == 0
    assert served == [__import__("validator").__version__]
