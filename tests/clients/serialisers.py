"""Request bodies as the official JD Cloud clients serialise them, written from how their SDKs build a body
(docs/clients.md). A request is given in parameters form with only the members its author set."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# Declared order of the SDKs' models (the Java SDK serialises in this order; Go sorts keys).
TOP = ("name", "description", "dataDisks", "regionId", "instanceId")
ENTRY = ("diskCategory", "autoDelete", "cloudDiskSpec", "deviceName", "noDevice")
DISK = (
    "az", "name", "description", "diskType", "diskSizeGB", "iops", "snapshotId", "policyId", "charge",
    "multiAttachable", "encrypt",
)  # fmt: skip
CHARGE = ("chargeMode", "chargeUnit", "chargeDuration", "autoRenew", "buyScenario")
# Go's DiskSpec declares these as plain fields without omitempty: always sent, their zero value when unset.
GO_PLAIN_DISK_FIELDS = {"az": "", "name": "", "diskType": "", "diskSizeGB": 0}
# Go's CreateImageRequest: regionId, instanceId and name are plain strings, always sent.
GO_PLAIN_TOP_FIELDS = {"regionId": "", "instanceId": "", "name": ""}


def _escaped(text: str, characters: str) -> str:
    """JSON text with `characters` written as \\u escapes; they can only occur inside strings."""
    for character in characters:
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text


def _go_disk(spec: Mapping[str, Any]) -> dict[str, Any]:
    disk = {name: spec.get(name, GO_PLAIN_DISK_FIELDS.get(name)) for name in DISK}
    if isinstance(disk["charge"], Mapping):  # a ChargeSpec struct: pointer fields, null when unset
        disk["charge"] = {name: disk["charge"].get(name) for name in CHARGE}
    return disk


def _go_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    out = {name: entry.get(name) for name in ENTRY}
    if isinstance(out["cloudDiskSpec"], Mapping):
        out["cloudDiskSpec"] = _go_disk(out["cloudDiskSpec"])
    return out


def go_body(request: Mapping[str, Any]) -> str:
    """jdcloud-sdk-go: the request struct marshalled, unmarshalled into a map, marshalled again (keys sorted at
    every level, no whitespace); plain fields always present, pointer fields null when unset; <, > and &
    escaped, as Go's encoder does (and U+2028, U+2029)."""
    body: dict[str, Any] = {name: request.get(name, GO_PLAIN_TOP_FIELDS.get(name)) for name in TOP}
    if isinstance(body["dataDisks"], list):
        body["dataDisks"] = [_go_entry(entry) for entry in body["dataDisks"]]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return _escaped(text, "<>&\u2028\u2029")


def _without_nulls(value: Any, order: tuple[str, ...] | None = None) -> Any:
    if isinstance(value, Mapping):
        keys = [key for key in (order or tuple(value)) if key in value]
        return {key: _nested(key, value[key]) for key in keys if value[key] is not None}
    return value


def _nested(key: str, value: Any) -> Any:
    if key == "dataDisks" and isinstance(value, list):
        return [_without_nulls(entry, ENTRY) for entry in value]
    if key == "cloudDiskSpec":
        return _without_nulls(value, DISK)
    if key == "charge":
        return _without_nulls(value, CHARGE)
    return value


def java_body(request: Mapping[str, Any]) -> str:
    """jdcloud-sdk-java: Gson without serializeNulls (nulls left out), members in declaration order, compact;
    Gson's HTML-safe escapes of <, >, &, = and ' (and U+2028, U+2029)."""
    text = json.dumps(_without_nulls(request, TOP), separators=(",", ":"), ensure_ascii=False)
    return _escaped(text, "<>&='\u2028\u2029")


def node_body(request: Mapping[str, Any]) -> str:
    """jdcloud-sdk-nodejs: the body form, only the non-null name, description and dataDisks, as JSON.stringify
    writes the caller's objects (their own order, no whitespace, no escapes beyond JSON's)."""
    body = {name: request[name] for name in ("name", "description", "dataDisks") if request.get(name) is not None}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def python_sdk_parameters(request: Mapping[str, Any], unset: str | None = None) -> Any:
    """The real jdcloud-sdk's CreateImageParameters for `request`. DiskSpec takes az, name, diskType and
    diskSizeGB positionally: an unset az or name is passed as `unset` ("" or None, as users do)."""
    from jdcloud_sdk.services.disk.models.DiskSpec import DiskSpec
    from jdcloud_sdk.services.vm.apis.CreateImageRequest import CreateImageParameters
    from jdcloud_sdk.services.vm.models.InstanceDiskAttachmentSpec import InstanceDiskAttachmentSpec

    parameters = CreateImageParameters(request.get("regionId"), request.get("instanceId"), request.get("name"))
    if "description" in request:
        parameters.setDescription(request["description"])
    if "dataDisks" in request:
        disks = []
        for entry in request["dataDisks"]:
            members = dict(entry)
            spec = members.pop("cloudDiskSpec", None)
            if spec is not None:
                spec = dict(spec)
                positional = [spec.pop(name, unset if name in ("az", "name") else None) for name in DISK[:2]]
                positional += [spec.pop("diskType", None), spec.pop("diskSizeGB", None)]
                spec = DiskSpec(*positional, **spec)
            disks.append(InstanceDiskAttachmentSpec(cloudDiskSpec=spec, **members))
        parameters.setDataDisks(disks)
    return parameters


def python_sdk_body(request: Mapping[str, Any], unset: str | None = None) -> str:
    """The body the real jdcloud-sdk sends: its own body builder on a CreateImageRequest (every member,
    unset ones null, ASCII-escaped)."""
    from jdcloud_sdk.core.parameterbuilder import WithBodyBuilder
    from jdcloud_sdk.services.vm.apis.CreateImageRequest import CreateImageRequest

    body: str = WithBodyBuilder().build_body(CreateImageRequest(python_sdk_parameters(request, unset)))
    return body
