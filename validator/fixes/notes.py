"""Which rules offer a fix, whether it is safe, and what it does: what `explain` and the README say."""

from __future__ import annotations

from collections.abc import Mapping

from validator.core.messages import Message
from validator.fixes.records import SAFE, UNSAFE, Applicability

FIX_NOTES: Mapping[str, tuple[Applicability, Message]] = {
    "C02": (
        SAFE,
        Message(
            "When every occurrence of the repeated key holds the same value, the later occurrences are removed.",
            "重复的键在每处的值都相同时，删除后出现的那些。",
        ),
    ),
    "C03": (
        UNSAFE,
        Message(
            'A string that spells the integer or boolean expected ("40", "true", "false") is written as that '
            "integer or boolean.",
            '拼出所需整数或布尔值的字符串（"40"、"true"、"false"）改写为该整数或布尔值。',
        ),
    ),
    "C04": (
        UNSAFE,
        Message(
            "A key with one single close documented name (dataDisk) is renamed to it (dataDisks), unless the "
            "object already holds that name.",
            "只有唯一一个相近文档字段名的键（dataDisk）改名为该字段名（dataDisks），对象中已有该字段时除外。",
        ),
    ),
    "C05": (SAFE, Message("The key is written with its documented spelling.", "键名改为文档的写法。")),
    "C06": (
        SAFE,
        Message(
            "The scalar is written as PyYAML reads it, which every loader reads alike: yes as true, 010 as 8, "
            'a date or y as a quoted string ("2026-11-01", "y").',
            "标量按 PyYAML 的读法改写，使所有加载器读法一致：yes 写成 true，010 写成 8，日期或 y 写成带引号的字符串"
            '（"2026-11-01"、"y"）。',
        ),
    ),
    "C34": (
        SAFE,
        Message(
            "cloudDiskSpec, autoDelete and diskCategory are removed from the excluded entry.",
            "从被排除的条目中删除 cloudDiskSpec、autoDelete 和 diskCategory。",
        ),
    ),
    "C41": (
        UNSAFE,
        Message(
            "A listed type written in another case (SSD.IO1) is written as listed (ssd.io1). A legacy type has "
            "two replacements and gets no fix.",
            "大小写不同的已列出类型（SSD.IO1）改为列出的写法（ssd.io1）。旧类型有两种替代类型，不提供修复。",
        ),
    ),
    "C43": (
        UNSAFE,
        Message(
            "diskSizeGB is rounded up to the next multiple of 10 and kept within [20, 16000].",
            "diskSizeGB 向上取整到 10 的倍数，并限制在 [20, 16000] 之内。",
        ),
    ),
    "C44": (
        SAFE,
        Message(
            "iops is removed when diskType is ssd.gp1 or hdd.std1 (the API drops it there); without a diskType "
            "there is no fix.",
            "diskType 为 ssd.gp1 或 hdd.std1 时删除 iops（API 本就会丢弃它）；没有 diskType 时不提供修复。",
        ),
    ),
    "C45": (
        UNSAFE,
        Message(
            "iops is rounded to the nearest multiple of 10 and kept within [200, min(32000, diskSizeGB × 50)].",
            "iops 四舍五入到 10 的倍数，并限制在 [200, min(32000, diskSizeGB × 50)] 之内。",
        ),
    ),
    "C48": (SAFE, Message("The ignored members are removed.", "删除这些被忽略的成员。")),
}


def fix_line(rule_id: str, lang: str) -> str:
    """One line for `explain`: whether the rule's findings can be fixed, safely or not, and how."""
    note = FIX_NOTES.get(rule_id)
    if note is None:
        return (
            "修复：无（意图不明确时不自动修改）"
            if lang == "zh"
            else "Fix: none (no edit where the intent is not evident)"
        )
    applicability, how = note
    if lang == "zh":
        kind = "安全，--fix" if applicability is SAFE else "不安全，--fix --unsafe-fixes"
        return f"修复（{kind}）：{how.render(lang)}"
    kind = "safe, --fix" if applicability is SAFE else "unsafe, --fix --unsafe-fixes"
    return f"Fix ({kind}): {how.render(lang)}"
