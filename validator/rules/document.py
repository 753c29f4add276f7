"""Rules about the document as a whole: parsing, duplicate keys, types, key spelling and YAML readings (C01–C06)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import Message, quote
from validator.core.model import Request
from validator.fixes.records import SAFE, UNSAFE, RemoveDuplicate, RenameKey, ReplaceValue
from validator.readers.records import YamlReading
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import Given, Hit, declare, m, rule

PARSE = declare(
    "C01",
    "parse",
    Severity.ERROR,
    m(
        "The file parses as JSON or YAML and its top level is an object.",
        "文件能按 JSON 或 YAML 解析，且顶层是一个对象。",
    ),
    m(
        "A request file must be one JSON object or one YAML mapping. YAML is read safely: tags that would "
        "build program objects and aliases that expand past a bound are refused. The finding gives the line "
        "and column where reading stopped.",
        "请求文件必须是一个 JSON 对象或一个 YAML 映射。YAML 以安全方式读取：会构造程序对象的标签、展开超出上限的"
        "别名都会被拒绝。发现项给出解析停止处的行号与列号。",
    ),
    bad='{"name": "web-image",}',
    good='{"name": "web-image"}',
    enforced_by="reader",
)


@rule(
    "C02",
    "duplicate-key",
    Severity.ERROR,
    m(
        "No object holds the same key twice (keys differing only in case count as the same).",
        "同一对象中不得出现重复的键（仅大小写不同也算重复）。",
    ),
    m(
        "JSON text can repeat a key, and parsers silently keep only one of the values, so the request does "
        "not say one clear thing. Because the API matches keys case-insensitively, `cloudDiskSpec` and "
        "`CloudDiskSpec` in one object are duplicates too. The finding points at the later occurrence.",
        "JSON 文本允许键重复，但解析器会静默地只保留其中一个值，请求因此含义不明。由于 API 匹配键时不区分大小写，"
        "同一对象中的 `cloudDiskSpec` 与 `CloudDiskSpec` 也算重复。发现项指向后出现的那个键。",
    ),
    bad='{"name": "a1", "name": "a2"}',
    good='{"name": "a2"}',
)
def duplicate_keys(request: Request, given: Given) -> Iterator[Hit]:
    for duplicate in request.duplicates:
        yield Hit(
            duplicate.pointer,
            m(
                f'key "{duplicate.key}" appears more than once in the same object; only one value would be used',
                f'键 "{duplicate.key}" 在同一对象中出现多次，只有一个值会生效',
            ),
            at_key=True,
            fix=RemoveDuplicate(duplicate.pointer),
        )
    for note in request.case_duplicates:
        assert note.earlier is not None
        yield Hit(
            note.member.pointer,
            m(
                f'key "{note.member.key}" repeats "{note.earlier.key}" (keys match case-insensitively)',
                f'键 "{note.member.key}" 与 "{note.earlier.key}" 重复（键名匹配不区分大小写）',
            ),
            at_key=True,
            fix=RemoveDuplicate(note.member.pointer),
        )


TYPES = declare(
    "C03",
    "type",
    Severity.ERROR,
    m("Every value has its documented JSON type.", "每个值都是文档规定的 JSON 类型。"),
    m(
        'Strings are strings, booleans are true or false (not "true", not 1), integers are integers '
        '(not "100", not 100.0, not 1e2, not true). The API refuses a value of the wrong type.',
        '字符串必须是字符串；布尔值必须是 true 或 false（不能是 "true" 或 1）；整数必须是整数'
        '（不能是 "100"、100.0、1e2 或 true）。类型错误的值会被 API 拒绝。',
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": "40"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=INVALID_ARGUMENT,
)


def _suggestion(key: str, known: tuple[str, ...]) -> str | None:
    import difflib  # only when a key is unknown: most runs never need it

    folded = {name.lower(): name for name in known}
    close = difflib.get_close_matches(key.lower(), list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


def _single_close(key: str, known: tuple[str, ...], near: str) -> bool:
    """Whether `near` is the only documented name that close to `key`: a tie leaves the intent unclear."""
    import difflib

    def score(name: str) -> float:
        return difflib.SequenceMatcher(None, key.lower(), name.lower()).ratio()

    best = score(near)
    return sum(1 for name in known if score(name) >= best) == 1


@rule(
    "C04",
    "unknown-key",
    Severity.WARNING,
    m("Keys that match no documented field are ignored by the API.", "与任何文档字段都不匹配的键会被 API 忽略。"),
    m(
        "The API ignores members it does not know, so a misspelt key silently loses its setting. The closest "
        "documented name is offered when one is near. A member whose value is null is treated as absent.",
        "API 会忽略不认识的成员，拼错的键会让其设置悄无声息地失效。若有相近的文档字段名，会给出建议。值为 null "
        "的成员视为不存在。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevise": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}',
)
def unknown_keys(request: Request, given: Given) -> Iterator[Hit]:
    for note in request.unknown:
        key = note.member.key
        near = _suggestion(key, note.known)
        if near is None:
            yield Hit(
                note.member.pointer,
                m(f'unknown key "{key}" is ignored by the API', f'未知的键 "{key}" 会被 API 忽略'),
                at_key=True,
            )
        else:
            yield Hit(
                note.member.pointer,
                m(
                    f'unknown key "{key}" is ignored by the API; did you mean "{near}"?',
                    f'未知的键 "{key}" 会被 API 忽略；是否想写 "{near}"？',
                ),
                at_key=True,
                fix=RenameKey(note.member.pointer, near, UNSAFE) if _single_close(key, note.known, near) else None,
            )


@rule(
    "C05",
    "key-spelling",
    Severity.INFO,
    m("Keys are written with their documented spelling.", "键名按文档的大小写书写。"),
    m(
        "The API matches keys case-insensitively (the reference page's own example writes `CloudDiskSpec`), "
        "so nothing is lost; writing the documented spelling keeps files consistent and greppable.",
        "API 匹配键名时不区分大小写（参考页面自己的示例就写成了 `CloudDiskSpec`），因此不会丢失设置；"
        "按文档大小写书写可以让文件保持一致、便于搜索。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "CloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
)
def key_spelling(request: Request, given: Given) -> Iterator[Hit]:
    for note in request.variants:
        yield Hit(
            note.member.pointer,
            m(
                f'key "{note.member.key}" is documented as "{note.canonical}"',
                f'键 "{note.member.key}" 的文档写法是 "{note.canonical}"',
            ),
            at_key=True,
            fix=None if note.canonical is None else RenameKey(note.member.pointer, note.canonical, SAFE),
        )


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
        "Catalogue C06: yes/no/on/off/y/n in any case (booleans in YAML 1.1, strings in YAML 1.2), integers "
        "with a leading zero (010 is octal 8 in YAML 1.1, 10 in YAML 1.2), sexagesimal numbers (1:30 is 90 in "
        "YAML 1.1), timestamps (2026-11-01 is a date in YAML 1.1), and numbers only one of the two reads "
        "(1_000 and 0b101 are numbers in YAML 1.1 only; 0o24, 1e2 and 1.0e2 are numbers in YAML 1.2 only) "
        "depend on which loader reads the file. "
        "Decision (C06): the value is checked as PyYAML reads it (YAML 1.1, what Python pipelines load before "
        "the SDK sends the request), timestamps excepted (kept as text: no JSON body can hold a date). The "
        'finding says how each loader reads it and how to write it unambiguously (true, 8, "2026-11-01").',
        "目录 C06：任意大小写的 yes/no/on/off/y/n（YAML 1.1 中是布尔值，YAML 1.2 中是字符串）、带前导零的整数"
        "（010 在 YAML 1.1 中是八进制 8，在 YAML 1.2 中是 10）、六十进制数（1:30 在 YAML 1.1 中是 90）和时间戳"
        "（2026-11-01 在 YAML 1.1 中是日期），以及只有其中一方读作数字的写法（1_000、0b101 仅在 YAML 1.1 中是数字；"
        "0o24、1e2、1.0e2 仅在 YAML 1.2 中是数字）的含义取决于读取文件的加载器。决定（C06）：按 PyYAML 的读法检查取值"
        "（YAML 1.1，即 Python 流水线在 SDK 发送请求前加载的结果），时间戳除外（保留为文本：JSON 请求体无法携带日期）。"
        '发现项说明各加载器的读法以及无歧义的写法（true、8、"2026-11-01"）。',
    ),
    bad="name: 2026-11-01",
    good='name: "2026-11-01"',
)
def yaml_version(request: Request, given: Given) -> Iterator[Hit]:
    for reading in request.readings:
        yield Hit(reading.pointer, _yaml_words(reading), fix=_as_read(reading))


def _as_read(reading: YamlReading) -> ReplaceValue | None:
    """The scalar written as PyYAML reads it, which every loader then reads alike (`yes` becomes `true`,
    `010` becomes `8`, a date or `y` becomes a quoted string). Safe: what is checked and sent stays the same.
    A sexagesimal float (1:30.5) and a number no request holds (past 64 bits) are left to the author."""
    value = reading.value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _FIXED_INT_BITS:
        return None
    if isinstance(value, bool | int | str):
        return ReplaceValue(reading.pointer, value, SAFE)
    return None


# Wider integers are no request value; writing one out could pass Python's limit on digits.
_FIXED_INT_BITS = 64


UNUSED_SUPPRESSION = declare(
    "S01",
    "unused-suppression",
    Severity.INFO,
    m("Every suppression comment suppresses something.", "每条抑制注释都确实抑制了发现项。"),
    m(
        "A `# jdcloud-preflight: ignore[...]` comment that covers no finding on its line or the next is stale; "
        "removing it keeps the file honest.",
        "在本行和下一行都没有覆盖任何发现项的 `# jdcloud-preflight: ignore[...]` 注释已经过时，"
        "删除它可以保持文件清晰。",
    ),
    bad="name: web  # jdcloud-preflight: ignore[C39]",
    good="name: web",
    enforced_by="engine",
)


MALFORMED_SUPPRESSION = declare(
    "S02",
    "malformed-suppression",
    Severity.WARNING,
    m("Every suppression comment is well formed.", "每条抑制注释的格式都正确。"),
    m(
        "A comment that starts with `# jdcloud-preflight:` but is not `ignore[RULE,...]` with at least one rule "
        "id or prefix (a missing `]`, an empty list, a misspelt keyword) suppresses nothing; it is reported so "
        "that the author does not believe a finding is silenced on purpose when it is not.",
        "以 `# jdcloud-preflight:` 开头、却不是至少列出一个规则编号或前缀的 `ignore[规则,...]` 的注释"
        "（缺少 `]`、列表为空、关键字拼错）不会抑制任何发现项；报告它，是为了不让作者误以为某个发现项已被有意抑制。",
    ),
    bad="name: web  # jdcloud-preflight: ignore[C39",
    good="name: web  # jdcloud-preflight: ignore[C39]",
    enforced_by="engine",
)
