"""C05: keys written with their documented spelling."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import SAFE, RenameKey
from validator.rules.base import FixNote, Given, Hit, m, rule


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
    fix=FixNote(
        SAFE,
        m("The key is written with its documented spelling.", "键名改为文档的写法。"),
    ),
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
