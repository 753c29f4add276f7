"""In-process: a run ended by SIGTERM or SIGHUP exits 128 + the signal's number with one line, and the
command leaves the caller's signal handlers as it found them."""

from __future__ import annotations

import signal

import pytest

import validator.cli.describe
from validator.cli import signals
from validator.cli.main import main


@pytest.mark.parametrize(("signum", "code", "name"), [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGHUP, 129, "SIGHUP")])
def test_a_run_ended_by_a_signal_exits_128_plus_its_number(
    signum: int, code: int, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def ended(*_: object, **__: object) -> None:
        raise signals.Terminated(signum)

    monkeypatch.setattr(validator.cli.describe, "run_rules", ended)
    assert main(["rules"]) == code
    assert capsys.readouterr().err == f"jdcloud-preflight: ended by {name}\n"


def test_the_signal_handlers_are_set_during_the_run_and_restored_after(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []

    def rules(*_: object, **__: object) -> int:
        seen.append(signal.getsignal(signal.SIGTERM))
        return 0

    def mine(*_: object) -> None:
        pass

    previous = signal.signal(signal.SIGTERM, mine)
    try:
        monkeypatch.setattr(validator.cli.describe, "run_rules", rules)
        assert main(["rules"]) == 0
        assert seen[0] is not mine
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_real_sigterm_during_an_in_process_run_is_143(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def rules(*_: object, **__: object) -> int:
        signal.raise_signal(signal.SIGTERM)
        return 0

    monkeypatch.setattr(validator.cli.describe, "run_rules", rules)
    assert main(["rules"]) == 143
    assert capsys.readouterr().err == "jdcloud-preflight: ended by SIGTERM\n"
