"""Rules about the document as a whole: parsing, duplicate keys, types and key spelling (C01–C05)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.api_errors import INVALID_ARGUMENT
from validator.finding import Severity
from validator.model import Request
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
        )


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
