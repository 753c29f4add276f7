"""Fuzz the document readers, the engine and the command line's output formats with arbitrary bytes.

    .venv/bin/python fuzz/fuzz_reader.py              # hypothesis, 20,000 inputs per target
    .venv/bin/python fuzz/fuzz_reader.py 200000       # longer

CI runs a few thousand inputs (tests/test_fuzz_harness.py). Any exception, a report that changes between
two runs on the same input, or output that is not valid UTF-8 in its format fails loudly with the input.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import Report, check_create_image
from validator.cli.main import main as cli
from validator.output.formats import FORMATS

# Bytes that steer the readers into their interesting paths: JSON and YAML syntax, BOMs, NUL, aliases, tags,
# escapes that make lone surrogates and control characters, comments that look like suppressions.
SEEDS = [b"{", b"}", b"[", b"]", b'"', b":", b",", b"\n", b"&a", b"*a", b"!!", b"---", b"\xef\xbb\xbf",
         b"\xff\xfe", b"\x00", b"name", b"dataDisks", b"deviceName", b"vdbm", b"1e999", b"NaN", b"null",
         b"\\ud800", b"\\u001b", b"\x1b", b"\r", b"\xc2\x85", b"0x" + b"f" * 40, b"# jdcloud-preflight: ignore[",
         b"]", b"'", b"|\n", b"cloudDiskSpec", b"diskSizeGB"]  # fmt: skip
fragments = st.lists(st.sampled_from(SEEDS) | st.binary(max_size=8), max_size=60).map(b"".join)
# File names: any bytes a POSIX file name may hold, with or without a request suffix.
names = st.tuples(
    st.binary(min_size=1, max_size=12).map(lambda name: name.replace(b"/", b"_").replace(b"\x00", b"_")),
    st.sampled_from([b".json", b".yaml", b".yml"]),
).map(b"".join)


def _parse(fmt: str, out: bytes) -> None:
    """Fail unless `out` is valid UTF-8 in the shape of its format."""
    text = out.decode("utf-8")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif fmt == "junit":
        ElementTree.fromstring(out)
    else:  # text ends with its summary line; GitHub output is one line per finding, or nothing
        assert text.endswith("\n") or (fmt == "github" and not text), text


def _run_cli(args: list[str]) -> tuple[int, bytes, bytes]:
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    stderr = io.TextIOWrapper(err, encoding="utf-8")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = cli(args)
    stdout.flush()
    stderr.flush()
    return code, out.getvalue(), err.getvalue()


def run(examples: int, cli_examples: int | None = None) -> None:
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(fragments, st.binary(max_size=4096)), st.sampled_from(["r.json", "r.yaml", None]))
    def reader(data: bytes, filename: str | None) -> None:
        report = check_create_image(data, filename=filename)
        assert isinstance(report, Report)
        assert check_create_image(data, filename=filename) == report

    @settings(
        max_examples=examples if cli_examples is None else cli_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(fragments, names, st.sampled_from(FORMATS), st.sampled_from(["en", "zh"]))
    def command_line(data: bytes, name: bytes, fmt: str, lang: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(os.fsencode(folder), name)
            with open(path, "wb") as handle:
                handle.write(data)
            code, out, err = _run_cli(["check", "--format", fmt, "--lang", lang, os.fsdecode(path)])
            assert code in (0, 1), (code, err)
            assert err == b"", err
            _parse(fmt, out)
            # The same file met by a folder walk, where it is first recognised as a request (or skipped).
            code, out, err = _run_cli(["check", "--format", fmt, "--lang", lang, folder])
            if code == 2:  # skipped as not a request: the walk had nothing to check, and says so in one line
                assert out == b"", out
                assert err.startswith(b"jdcloud-preflight: nothing to check: 1 file found"), err
                assert err.count(b"\n") == 1, err
                return
            assert code in (0, 1), (code, err)
            assert err == b"", err
            _parse(fmt, out)

    reader()
    command_line()


def main(examples: int) -> None:
    run(examples)
    print(f"fuzz: {examples} inputs per target, no crash, no difference between runs, every output format valid")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
