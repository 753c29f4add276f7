"""Hypothesis strategies for createImage requests the API accepts, in every shape the tool reads."""

from __future__ import annotations

import re
import string
from typing import Any

from hypothesis import strategies as st

from validator.rules.devices.facts import MAX_ENTRIES
from validator.rules.path.facts import KNOWN_REGIONS

SLOTS = (
    [f"vd{c}" for c in string.ascii_lowercase[1:]]
    + [f"vda{c}" for c in string.ascii_lowercase]
    + [f"vdb{c}" for c in "abcdefghijklm"]
)
assert len(SLOTS) == MAX_ENTRIES

NAME_CHARS = st.sampled_from(string.ascii_letters + string.digits + "_-.") | st.characters(
    min_codepoint=0x4E00, max_codepoint=0x9FFF
)
ID_CHARS = string.ascii_lowercase + string.digits

names = st.text(NAME_CHARS, min_size=2, max_size=32)
descriptions = st.text(st.characters(exclude_categories=("Cs",)), max_size=256)
instance_ids = st.text(st.sampled_from(ID_CHARS), min_size=10, max_size=10).map(lambda s: "i-" + s)
snapshot_ids = st.text(st.sampled_from(ID_CHARS), min_size=10, max_size=10).map(lambda s: "snapshot-" + s)
sizes = st.integers(2, 1600).map(lambda n: n * 10)


@st.composite
def new_disks(draw: st.DrawFn) -> dict[str, Any]:
    """A cloudDiskSpec for a new empty disk: type, size, IOPS only for ssd.io1 and within its bounds."""
    kind = draw(st.sampled_from(["ssd.gp1", "ssd.io1", "hdd.std1"]))
    size = draw(sizes)
    spec: dict[str, Any] = {"diskType": kind, "diskSizeGB": size}
    if kind == "ssd.io1" and draw(st.booleans()):
        spec["iops"] = draw(st.integers(20, min(32000, size * 50) // 10)) * 10
    if draw(st.booleans()):
        spec["encrypt"] = draw(st.booleans())
    # Members createImage ignores: a warning (C48), never an error.
    ignored = draw(st.lists(st.sampled_from(["az", "name", "description", "policyId", "multiAttachable"]), unique=True))
    for key in ignored:
        spec[key] = False if key == "multiAttachable" else "x"
    return spec


@st.composite
def snapshot_disks(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {"snapshotId": draw(snapshot_ids)}
    if draw(st.booleans()):
        spec["diskType"] = draw(st.sampled_from(["ssd.gp1", "hdd.std1"]))
        spec["diskSizeGB"] = draw(sizes)
    return spec


@st.composite
def entries(draw: st.DrawFn, device: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["exclude", "new", "snapshot", "auto-delete", "adjust"]))
    entry: dict[str, Any] = {"deviceName": device}
    if kind == "exclude":
        entry["noDevice"] = True
    elif kind == "new":
        entry["cloudDiskSpec"] = draw(new_disks())
    elif kind == "snapshot":
        entry["cloudDiskSpec"] = draw(snapshot_disks())
    elif kind == "auto-delete":
        entry["autoDelete"] = draw(st.booleans())
    else:  # enlarge an attached disk: no type needed (a C40/C42 warning names both readings)
        entry["cloudDiskSpec"] = {"diskSizeGB": draw(sizes)}
    if kind != "exclude" and draw(st.booleans()):
        entry["diskCategory"] = "cloud"
    return entry


@st.composite
def canonical_requests(draw: st.DrawFn, parameters_form: bool | None = None) -> dict[str, Any]:
    """A valid request with documented key spelling and no nulls."""
    request: dict[str, Any] = {}
    if parameters_form if parameters_form is not None else draw(st.booleans()):
        request["regionId"] = draw(st.sampled_from(KNOWN_REGIONS))
        request["instanceId"] = draw(instance_ids)
    request["name"] = draw(names)
    if draw(st.booleans()):
        request["description"] = draw(descriptions)
    if draw(st.booleans()):
        devices = draw(st.lists(st.sampled_from(SLOTS), max_size=8, unique=True))
        request["dataDisks"] = [draw(entries(device)) for device in devices]
    return request


def _recase(draw: st.DrawFn, value: Any) -> Any:
    """Change the case of some keys (the API matches keys case-insensitively)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if draw(st.booleans()):
                key = draw(st.sampled_from([key.upper(), key.lower(), key[:1].upper() + key[1:]]))
            result[key] = _recase(draw, item)
        return result
    if isinstance(value, list):
        return [_recase(draw, item) for item in value]
    return value


_TOP = ("regionId", "instanceId", "name", "description", "dataDisks")
_ENTRY = ("diskCategory", "autoDelete", "cloudDiskSpec", "deviceName", "noDevice")
_DISK = ("az", "name", "description", "diskType", "diskSizeGB", "iops", "snapshotId", "policyId", "charge",
         "multiAttachable", "encrypt")  # fmt: skip


def sdk_shaped(request: dict[str, Any]) -> dict[str, Any]:
    """The body the JD Cloud SDK would send: every unset field present as null."""
    shaped = {key: request.get(key) for key in _TOP}
    if shaped["dataDisks"] is not None:
        disks = []
        for entry in shaped["dataDisks"]:
            item = {key: entry.get(key) for key in _ENTRY}
            if item["cloudDiskSpec"] is not None:
                item["cloudDiskSpec"] = {key: item["cloudDiskSpec"].get(key) for key in _DISK}
            disks.append(item)
        shaped["dataDisks"] = disks
    return shaped


@st.composite
def accepted_requests(draw: st.DrawFn) -> dict[str, Any]:
    """Valid requests in any shape: canonical, SDK-shaped (nulls), or with keys in other cases."""
    request = draw(canonical_requests())
    shape = draw(st.sampled_from(["canonical", "sdk", "recased"]))
    if shape == "sdk":
        return sdk_shaped(request)
    if shape == "recased":
        return _recase(draw, request)
    return request


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
)
json_keys = st.sampled_from([*_TOP, *_ENTRY, *_DISK, "x", "noDevise"])
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(json_keys, children, max_size=6),
    max_leaves=30,
)
json_objects = st.dictionaries(json_keys, json_values, max_size=6)


# YAML renderings of accepted requests in the shapes senders write: merge keys (<<: *anchor, <<: {...},
# <<: [{...}, {...}]), anchors and aliases, and the C06 scalars (yes/on/off, 050, 1:30, a date as the name)
# that PyYAML reads as the intended value.
_TRUE_WORDS = ("yes", "Yes", "YES", "on", "On", "ON")
_FALSE_WORDS = ("no", "No", "NO", "off", "Off", "OFF")
dates = st.dates().map(lambda day: day.isoformat()).filter(lambda text: len(text) == 10)


_YAML_PRINTABLE = re.compile("[\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, the rest escaped (YAML has no surrogate
    pairs, so json.dumps's escapes will not do)."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\t\n\r\x85\u2028\u2029" or not _YAML_PRINTABLE.match(char):  # line breaks fold
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


class _YamlWriter:
    """Writes a JSON value as flow-style YAML; notes the pointers of the C06 scalars it writes."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.ambiguous: set[str] = set()
        self.specs: list[tuple[str, dict[str, Any]]] = []
        self.scalars: dict[str, str] = {}

    def value(self, value: Any, pointer: str, key: str = "") -> str:
        if isinstance(value, dict):
            return self.mapping(value, pointer, key.casefold() == "clouddiskspec")
        if isinstance(value, list):
            return "[" + ", ".join(self.value(item, f"{pointer}/{i}") for i, item in enumerate(value)) + "]"
        if isinstance(value, bool):
            words = _TRUE_WORDS if value else _FALSE_WORDS
            if self.draw(st.booleans()):
                self.ambiguous.add(pointer)
                return self.draw(st.sampled_from(words))
            return "true" if value else "false"
        if value is None:
            return "null"
        if isinstance(value, int):
            return self.integer(value, pointer)
        assert isinstance(value, str)
        return self.text(value, pointer)

    def integer(self, value: int, pointer: str) -> str:
        forms = [str(value)]
        if value >= 8:
            forms.append("0" + format(value, "o"))  # octal to PyYAML: reads as `value`
        if value >= 60:
            forms.append(f"{value // 60}:{value % 60:02d}")  # sexagesimal to PyYAML
        written = self.draw(st.sampled_from(forms))
        if written != str(value):
            self.ambiguous.add(pointer)
        return written

    def text(self, value: str, pointer: str) -> str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
            self.ambiguous.add(pointer)  # a timestamp to YAML 1.1, kept as text
            return value
        if value in self.scalars:
            return "*" + self.scalars[value]
        written = _double_quoted(value)
        if self.draw(st.booleans()):
            anchor = f"t{len(self.scalars)}"
            self.scalars[value] = anchor
            written = f"&{anchor} {written}"
        return written

    def members(self, value: dict[str, Any], pointer: str) -> list[str]:
        return [f"{key}: {self.value(item, f'{pointer}/{key}', key)}" for key, item in value.items()]

    def mapping(self, value: dict[str, Any], pointer: str, is_spec: bool) -> str:
        draw = self.draw
        if is_spec:
            sources = [(name, spec) for name, spec in self.specs if spec and set(spec) <= set(value)]
            if sources and draw(st.booleans()):
                name, spec = draw(st.sampled_from(sources))
                own = {key: item for key, item in value.items() if key not in spec or spec[key] != item}
                return "{" + ", ".join([f"<<: *{name}", *self.members(own, pointer)]) + "}"
        keys = list(value)
        if len(keys) >= 2 and draw(st.booleans()):
            # Inline merges: some members written in merged mappings, the rest explicitly.
            merged = draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
            split = draw(st.integers(0, len(merged)))
            groups = [group for group in (merged[:split], merged[split:]) if group]
            written = ["{" + ", ".join(self.members({k: value[k] for k in group}, pointer)) + "}" for group in groups]
            merge = written[0] if len(written) == 1 else "[" + ", ".join(written) + "]"
            rest = self.members({k: v for k, v in value.items() if k not in merged}, pointer)
            text = "{" + ", ".join([f"<<: {merge}", *rest]) + "}"
        else:
            text = "{" + ", ".join(self.members(value, pointer)) + "}"
        if is_spec and draw(st.booleans()):
            name = f"s{len(self.specs)}"
            self.specs.append((name, value))
            text = f"&{name} {text}"
        return text


@st.composite
def yaml_renderings(draw: st.DrawFn) -> tuple[str, dict[str, Any], set[str]]:
    """(YAML text, the request it holds, the pointers of its C06 scalars)."""
    request = draw(accepted_requests())
    name_key = next((key for key in request if key.casefold() == "name"), None)
    if name_key is not None and draw(st.integers(0, 4)) == 0:
        request[name_key] = draw(dates)
    writer = _YamlWriter(draw)
    return writer.value(request, "") + "\n", request, writer.ambiguous
