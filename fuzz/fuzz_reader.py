"""Fuzz the document readers and the engine with arbitrary bytes (run by hand, never in CI).

    .venv/bin/python fuzz/fuzz_reader.py              # hypothesis, 20,000 inputs per target
    .venv/bin/python fuzz/fuzz_reader.py 200000       # longer

Any exception, or a report that changes between two runs on the same input, fails loudly with the input.
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import Report, check_create_image

# Bytes that steer the readers into their interesting paths: JSON and YAML syntax, BOMs, NUL, aliases, tags.
SEEDS = [b"{", b"}", b"[", b"]", b'"', b":", b",", b"\n", b"&a", b"*a", b"!!", b"---", b"\xef\xbb\xbf",
         b"\xff\xfe", b"\x00", b"name", b"dataDisks", b"deviceName", b"vdbm", b"1e999", b"NaN", b"null"]  # fmt: skip
fragments = st.lists(st.sampled_from(SEEDS) | st.binary(max_size=8), max_size=60).map(b"".join)


def main(examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(fragments, st.binary(max_size=4096)), st.sampled_from(["r.json", "r.yaml", None]))
    def target(data: bytes, filename: str | None) -> None:
        report = check_create_image(data, filename=filename)
        assert isinstance(report, Report)
        assert check_create_image(data, filename=filename) == report

    target()
    print(f"fuzz: {examples} inputs, no crash, no difference between runs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
