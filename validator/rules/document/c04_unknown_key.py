"""C04: keys that match no documented field."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.capping import kind
from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import UNSAFE, RenameKey
from validator.rules.base import PER_CONTAINER, FixNote, Given, Hit, m, rule


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


# Top-level members of createImageFromSnapshots that users bring to createImage
# (docs/decisions.md#create-image-from-snapshots).
_FROM_SNAPSHOTS = frozenset(
    key.casefold()
    for key in ("snapshotId", "snapshotIds", "cloudDisks", "platform", "architecture", "bootMode", "osVersion")
)


def _is_top_level(pointer: str) -> bool:
    return pointer.count("/") == 1


@rule(
    "C04",
    "unknown-key",
    Severity.WARNING,
    m("Keys that match no documented field are ignored by the API.", "与任何文档字段都不匹配的键会被 API 忽略。"),
    m(
        "The API ignores members it does not know, so a misspelt key silently loses its setting. The closest "
        "documented name is offered when one is near. A member whose value is null is treated as absent. "
        "Top-level snapshotId, snapshotIds, cloudDisks, platform, architecture, bootMode and osVersion belong to "
        "the different API createImageFromSnapshots, and the finding says so. A top-level $schema, the editor "
        "hint, is an info.",
        "API 会忽略不认识的成员，拼错的键会让其设置悄无声息地失效。若有相近的文档字段名，会给出建议。值为 null "
        "的成员视为不存在。顶层的 snapshotId、snapshotIds、cloudDisks、platform、architecture、bootMode 和 "
        "osVersion 属于另一个 API createImageFromSnapshots，发现项会指出这一点。顶层的 $schema（编辑器提示）"
        "只是提示。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevise": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}',
    fix=FixNote(
        UNSAFE,
        m(
            "A key with one single close documented name (dataDisk) is renamed to it (dataDisks), unless the "
            "object already holds that name.",
            "只有唯一一个相近文档字段名的键（dataDisk）改名为该字段名（dataDisks），对象中已有该字段时除外。",
        ),
    ),
)
def unknown_keys(request: Request, given: Given) -> Iterator[Hit]:
    looked_up: dict[str, int] = {}
    for note in request.unknown:
        key = note.member.key
        # Past the findings reported per object (core/capping.py), no suggestion is looked for.
        shape = kind(note.member.pointer)[0]
        looked_up[shape] = looked_up.get(shape, 0) + 1
        near = _suggestion(key, note.known) if looked_up[shape] <= PER_CONTAINER else None
        if _is_top_level(note.member.pointer) and key == "$schema":
            # The editor hint docs/editors.md recommends: harmless, but the API should not be sent it.
            yield Hit(
                note.member.pointer,
                m(
                    '"$schema" tells editors which schema to check the file against; the API ignores it: leave it '
                    "out of the request you send",
                    '"$schema" 告诉编辑器用哪个 schema 检查此文件；API 会忽略它：发送请求时请去掉',
                ),
                at_key=True,
                severity=Severity.INFO,
            )
        elif _is_top_level(note.member.pointer) and key.casefold() in _FROM_SNAPSHOTS:
            yield Hit(
                note.member.pointer,
                m(
                    f'unknown key "{key}" is ignored by createImage: it belongs to createImageFromSnapshots, a '
                    "different API, which makes an image from snapshots; createImage makes one from an instance",
                    f'未知的键 "{key}" 会被 createImage 忽略：它属于另一个 API '
                    "createImageFromSnapshots（基于快照制作镜像）；createImage 是基于云主机实例制作镜像",
                ),
                at_key=True,
            )
        elif near is None:
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
