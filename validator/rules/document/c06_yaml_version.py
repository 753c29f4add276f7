"""C06: YAML plain scalars that YAML 1.1 and YAML 1.2 loaders read differently."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import Message, quote
from validator.core.model import Request
from validator.fixes.records import UNSAFE, ReplaceValue
from validator.readers.records import YamlReading
from validator.rules.base import YAML_TEXT, FixNote, Given, Hit, m, rule


def _decimal(text: str) -> str:
    """The digits of a YAML integer read as decimal, for a message; described past Python's 4300-digit limit."""
    digits = text.replace("_", "")
    if len(digits.lstrip("+-0")) > 4000:
        return "a number of more than 4000 digits"
    return str(int(digits, 10))


def _yaml12_number(text: str) -> str:
    """The number a YAML 1.2 loader reads from `text`, written the way both YAML versions read alike."""
    if text.startswith("0o"):
        return _decimal(str(int(text[2:], 8))) if len(text) < 4000 else "a very large number"
    try:
        number = float(text)
    except OverflowError:  # pragma: no cover - float() gives inf rather than raising
        return "a very large number"
    if number != number or number in (float("inf"), float("-inf")):
        return "a number too large for a float"
    return str(int(number)) if number.is_integer() and abs(number) < 1e16 else repr(number)


def _yaml_words(reading: YamlReading) -> Message:
    """How YAML 1.1 (PyYAML, as checked) and YAML 1.2 loaders read the scalar, and how to write it plainly."""
    text = reading.text
    if reading.kind == "boolean":
        meant = "true" if text.lower() in ("yes", "y", "on") else "false"
        if isinstance(reading.value, bool):
            return m(
                f"{text} is read as {meant} by YAML 1.1 loaders (PyYAML, as checked here) but as the string "
                f'"{text}" by YAML 1.2 loaders; write {meant} for the boolean, or "{text}" in quotes for text',
                f"{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中读作 {meant}，"
                f'在 YAML 1.2 加载器中读作字符串 "{text}"；布尔值请写 {meant}，文本请加引号写成 "{text}"',
            )
        return m(
            f'{text} is read as the string "{text}" by PyYAML (as checked here) and YAML 1.2 loaders but as '
            f'{meant} by other YAML 1.1 loaders; write {meant} for the boolean, or "{text}" in quotes for text',
            f'{text} 在 PyYAML（此处检查所用）和 YAML 1.2 加载器中读作字符串 "{text}"，在其他 YAML 1.1 加载器中读作 '
            f'{meant}；布尔值请写 {meant}，文本请加引号写成 "{text}"',
        )
    if reading.kind == "octal":
        decimal, octal = _decimal(text), quote(reading.value)
        return m(
            f"{text} is read as {octal} (octal) by YAML 1.1 loaders (PyYAML, as checked here) but as "
            f'{decimal} by YAML 1.2 loaders; write {octal} or {decimal} without the leading zero, or "{text}" '
            "in quotes for text",
            f"{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中按八进制读作 {octal}，在 YAML 1.2 加载器中"
            f'读作 {decimal}；请去掉前导零写成 {octal} 或 {decimal}，文本请加引号写成 "{text}"',
        )
    if reading.kind == "leading-zero":
        decimal = _decimal(text)
        return m(
            f'{text} is read as the string "{text}" by YAML 1.1 loaders (PyYAML, as checked here) but as the '
            f'number {decimal} by YAML 1.2 loaders; write {decimal} for the number, or "{text}" in quotes for text',
            f'{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中读作字符串 "{text}"，在 YAML 1.2 加载器中读作数字 '
            f'{decimal}；数字请写 {decimal}，文本请加引号写成 "{text}"',
        )
    if reading.kind == "yaml11-number":
        number = quote(reading.value)
        return m(
            f"{text} is read as the number {number} by YAML 1.1 loaders (PyYAML, as checked here) but as the string "
            f'"{text}" by YAML 1.2 loaders; write {number} for the number, or "{text}" in quotes for text',
            f"{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中读作数字 {number}，在 YAML 1.2 加载器中读作字符串 "
            f'"{text}"；数字请写 {number}，文本请加引号写成 "{text}"',
        )
    if reading.kind == "yaml12-number":
        number = _yaml12_number(text)
        return m(
            f'{text} is read as the string "{text}" by YAML 1.1 loaders (PyYAML, as checked here) but as the '
            f'number {number} by YAML 1.2 loaders; write {number} for the number, or "{text}" in quotes for text',
            f'{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中读作字符串 "{text}"，在 YAML 1.2 加载器中读作数字 '
            f'{number}；数字请写 {number}，文本请加引号写成 "{text}"',
        )
    if reading.kind == "sexagesimal":
        return m(
            f"{text} is read as {quote(reading.value)} (base 60) by YAML 1.1 loaders (PyYAML, as checked here) but "
            f'as the string "{text}" by YAML 1.2 loaders; write {quote(reading.value)} for the number, or "{text}" '
            "in quotes for text",
            f"{text} 在 YAML 1.1 加载器（即此处检查所用的 PyYAML）中按六十进制读作 {quote(reading.value)}，在 YAML 1.2 "
            f'加载器中读作字符串 "{text}"；数字请写 {quote(reading.value)}，文本请加引号写成 "{text}"',
        )
    return m(
        f"{text} is read as a date by YAML 1.1 loaders such as PyYAML (a JSON body cannot carry a date) but as the "
        f'string "{text}" by YAML 1.2 loaders; it is checked as that text: write "{text}" in quotes',
        f"{text} 在 PyYAML 等 YAML 1.1 加载器中读作日期（JSON 请求体无法携带日期），在 YAML 1.2 加载器中读作字符串 "
        f'"{text}"；此处按该文本检查：请加引号写成 "{text}"',
    )


@rule(
    "C06",
    "yaml-version",
    Severity.WARNING,
    m(
        "YAML plain scalars mean the same to YAML 1.1 and YAML 1.2 loaders.",
        "YAML 无引号标量在 YAML 1.1 与 YAML 1.2 加载器中含义相同。",
    ),
    m(
        "Rule C06: yes/no/on/off/y/n in any case (booleans in YAML 1.1, strings in YAML 1.2), integers "
        "with a leading zero (010 is octal 8 in YAML 1.1, 10 in YAML 1.2), sexagesimal numbers (1:30 is 90 in "
        "YAML 1.1), timestamps (2026-11-01 is a date in YAML 1.1), and numbers only one of the two reads "
        "(1_000 and 0b101 are numbers in YAML 1.1 only; 0o24, 1e2 and 1.0e2 are numbers in YAML 1.2 only) "
        "depend on which loader reads the file; so does a key that maps merged by one <<: [*a, *b] set "
        "differently (the first map's value is checked). "
        "Decision (C06): the value is checked as PyYAML reads it (YAML 1.1, what Python pipelines load before "
        "the SDK sends the request), timestamps excepted (kept as text: no JSON body can hold a date). The "
        'finding says how each loader reads it and how to write it unambiguously (true, 8, "2026-11-01").',
        "规则 C06：任意大小写的 yes/no/on/off/y/n（YAML 1.1 中是布尔值，YAML 1.2 中是字符串）、带前导零的整数"
        "（010 在 YAML 1.1 中是八进制 8，在 YAML 1.2 中是 10）、六十进制数（1:30 在 YAML 1.1 中是 90）和时间戳"
        "（2026-11-01 在 YAML 1.1 中是日期），以及只有其中一方读作数字的写法（1_000、0b101 仅在 YAML 1.1 中是数字；"
        "0o24、1e2、1.0e2 仅在 YAML 1.2 中是数字）的含义取决于读取文件的加载器；同一个 <<: [*a, *b] 合并的映射"
        "对同一个键取值不同时也是如此（按第一个映射的值检查）。决定（C06）：按 PyYAML 的读法检查取值"
        "（YAML 1.1，即 Python 流水线在 SDK 发送请求前加载的结果），时间戳除外（保留为文本：JSON 请求体无法携带日期）。"
        '发现项说明各加载器的读法以及无歧义的写法（true、8、"2026-11-01"）。',
    ),
    bad="name: 2026-11-01",
    good='name: "2026-11-01"',
    fix=FixNote(
        UNSAFE,
        m(
            "The scalar is written as PyYAML reads it, which every loader reads alike: yes as true, 010 as 8, "
            'a date or y as a quoted string ("2026-11-01", "y"). Unsafe: it settles which of the two readings '
            "was meant, and only the author knows.",
            "标量按 PyYAML 的读法改写，使所有加载器读法一致：yes 写成 true，010 写成 8，日期或 y 写成带引号的字符串"
            '（"2026-11-01"、"y"）。不安全：这等于替作者决定两种读法中哪一种才是本意。',
        ),
    ),
    needs=YAML_TEXT,
)
def yaml_version(request: Request, given: Given) -> Iterator[Hit]:
    for reading in request.readings:
        if reading.kind == "merge":
            yield Hit(reading.pointer, _merge_words(reading), at_key=True)
        else:
            yield Hit(reading.pointer, _yaml_words(reading), fix=_as_read(reading))


def _shown(value: object) -> str:
    return quote(value) if isinstance(value, (str, int, float, bool)) or value is None else "a mapping or sequence"


def _merge_words(reading: YamlReading) -> Message:
    """Merged maps that set one key differently (docs/decisions.md#merged-maps): which value each loader takes."""
    assert isinstance(reading.value, tuple)
    first, last = (_shown(value) for value in reading.value)
    key = reading.text
    return m(
        f"the maps merged here (<<) set {key} differently, {first} in the first and {last} in the last: the YAML "
        f"merge specification and PyYAML up to 6.0.3 take {first} (checked here), PyYAML 6.0.4 takes {last}; "
        f"write {key} in this mapping itself",
        f"此处合并（<<）的映射对 {key} 的取值不同：第一个为 {first}，最后一个为 {last}。YAML 合并规范和 PyYAML 6.0.3 "
        f"及更早版本取 {first}（此处按此检查），PyYAML 6.0.4 取 {last}；请在本映射中直接写出 {key}",
    )


def _as_read(reading: YamlReading) -> ReplaceValue | None:
    """The scalar written as PyYAML reads it, which every loader then reads alike (`yes` becomes `true`,
    `010` becomes `8`, a date or `y` becomes a quoted string). Unsafe: what PyYAML sends stays the same, but
    a YAML 1.2 reader of the file read the other value, and which one was meant is the author's to say.
    A sexagesimal float (1:30.5) and a number no request holds (past 64 bits) are left to the author."""
    value = reading.value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _FIXED_INT_BITS:
        return None
    if isinstance(value, bool | int | str):
        return ReplaceValue(reading.pointer, value, UNSAFE)
    return None


# Wider integers are no request value; writing one out could pass Python's limit on digits.
_FIXED_INT_BITS = 64
