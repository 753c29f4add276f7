"""An unknown option is named on one line with its control and invisible characters escaped, as file names
are (docs/reports.md): a hostile argument cannot colour the terminal or forge a CI workflow command."""

from __future__ import annotations

import pytest

from validator.cli.main import main


def test_an_unknown_option_with_escapes_and_a_newline_is_one_escaped_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["check", "--form\x1b[31m\n::error::x\u200e", "json", "r.json"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\u200e" not in err
    assert "\n::error" not in err
    assert "unrecognized arguments: --form\\x1b[31m\\n::error::x\\u200e\n" in err


def test_a_plain_unknown_option_is_named_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--formt", "json", "r.json"])
    assert "unrecognized arguments: --formt (did you mean --format?)" in capsys.readouterr().err
