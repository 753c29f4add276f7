"""Text from a file's bytes: the encodings a request file may come in, decided by its byte-order mark."""

from __future__ import annotations

from validator.readers.records import ParseFailure


def decode(data: bytes) -> str | ParseFailure:
    """Text from a file's bytes: UTF-8 (with or without a BOM), or UTF-16/32 when a BOM says so."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ParseFailure(
            "the file is binary (it contains NUL bytes), not a JSON or YAML request",
            zh="文件是二进制文件（含有 NUL 字节），不是 JSON 或 YAML 请求",
        )
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                return ParseFailure(
                    f"the file starts with a {codec} byte-order mark but is not {codec}: {exc}",
                    zh=f"文件以 {codec} 字节顺序标记开头，内容却不是 {codec}（{exc}）",
                )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return ParseFailure(
            f"invalid UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue a character",
            line,
            column,
            f"不是有效的 UTF-8：字节 0x{data[exc.start]:02x} 不能作为字符的开头或延续",
        )
