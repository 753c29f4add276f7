"""Which documents are createImage requests (issue 12): every request the rules describe, however broken,
is recognised; common non-request JSON and YAML is not, with a reason and, for describe answers, a hint."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.rules.test_properties import MUTATIONS, _io1_first
from tests.strategies import accepted_requests, canonical_requests, json_values
from validator.rules import registry
from validator.workspace.recognise import NotRequest, recognise, recognise_unparsed

TOP_KEYS = ("regionId", "instanceId", "name", "description", "dataDisks")


def _typo(key: str, kind: int, at: int) -> str:
    """One typing slip in `key`: a letter dropped, doubled, swapped with the next, or replaced."""
    at %= len(key) - 1
    if kind == 0:
        return key[:at] + key[at + 1 :]
    if kind == 1:
        return key[:at] + key[at] + key[at:]
    if kind == 2:
        return key[:at] + key[at + 1] + key[at] + key[at + 2 :]
    return key[:at] + ("x" if key[at] != "x" else "y") + key[at + 1 :]


@given(accepted_requests())
def test_valid_requests_in_every_shape_are_recognised(request: dict[str, Any]) -> None:
    assert recognise(request) is None


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.__name__ for m in MUTATIONS])
@given(base=canonical_requests(), size=st.integers(2, 1599).map(lambda n: n * 10))
def test_every_catalogue_mutation_is_still_recognised(mutation: Any, base: dict[str, Any], size: int) -> None:
    """The property tests' one-mutation-per-constraint requests, each a broken request: all recognised."""
    request = _io1_first(base, size)
    mutation(request)
    assert recognise(request) is None


@given(
    base=accepted_requests(),
    key=st.sampled_from(TOP_KEYS),
    kind=st.integers(0, 3),
    at=st.integers(0, 20),
    case=st.sampled_from([str.upper, str.lower, str.title, lambda k: k]),
)
def test_a_misspelt_or_recased_request_key_is_still_recognised(
    base: dict[str, Any], key: str, kind: int, at: int, case: Any
) -> None:
    """Misspelt keys (one slip), keys in another case, and a missing name: all still requests."""
    request = {k: v for k, v in base.items() if k.casefold() != key.casefold()}
    request[case(_typo(key, kind, at))] = base.get(key, "x")
    assert recognise(request) is None


@given(base=accepted_requests(), key=st.sampled_from(TOP_KEYS), value=json_values)
def test_wrong_types_do_not_hide_a_request(base: dict[str, Any], key: str, value: object) -> None:
    request = {k: v for k, v in base.items() if k.casefold() != key.casefold()}
    request[key] = value
    assert recognise(request) is None


def _example(rule: Any) -> str:
    return str(rule.bad).split("   ")[0]  # the context notes after an example are not part of it


# The rules' bad examples that are literal request texts (some abbreviate with <...> or are YAML comments).
LITERAL_EXAMPLES = [rule for rule in registry.RULES if _example(rule).startswith("{") and "<" not in _example(rule)]


def test_most_rules_have_a_literal_bad_example() -> None:
    # C06's examples are YAML by nature (name: 2026-11-01): one more than the JSON-literal rule allows for;
    # and S02 (malformed-suppression), like S01, can only be shown as a YAML comment: one more again.
    assert len(LITERAL_EXAMPLES) >= len(registry.RULES) - 5


@pytest.mark.parametrize("rule", LITERAL_EXAMPLES, ids=lambda rule: rule.id)
def test_every_rules_bad_example_is_recognised(rule: Any) -> None:
    text = _example(rule)
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        assert recognise_unparsed(text, "request.json") is None
        return
    assert recognise(document) is None


@pytest.mark.parametrize(
    "request_",
    [
        {"name": "web", "dataDisk": [{"deviceName": "vdc", "noDevice": True}]},  # the intended exclusion, lost
        {"name": "web", "dataDisks": [{"deviceName": "vdc", "cloudDiskSpecs": {"diskSize": 40}}]},
        {"Name": "web", "DataDisks": []},
        {"NAME": "web"},
        {"data_disks": [{"device_name": "vdc"}]},
        {"description": "no name at all"},
        {"dataDisks": "not a list"},
        {"regionId": 5, "instanceId": ["i-x"]},
        {"disks": [{"deviceName": "vdc", "noDevice": True}]},
        {"deviceName": "vdc", "noDevice": True},
        {"name": "web", "version": 2},  # an extra key that package.json also has does not make it one
        {"name": "web", "instance": "i-eumm7k2qd6"},  # instanceId misspelt, a string: not a describe answer
        [{"name": "web", "dataDisks": []}],  # a request wrapped in a list: checked, so C01 tells the author
        # A request that also carries a member a describe answer has: the request members at the top decide.
        {"regionId": "cn-north-1", "instanceId": "i-eumm7k2qd6", "name": "web 1", "result": {"instance": {}}},
        {"name": "web", "dataDisks": [], "snapshots": []},
    ],
)
def test_broken_requests_are_recognised(request_: object) -> None:
    assert recognise(request_) is None


def _skip(document: object) -> NotRequest:
    verdict = recognise(document)
    assert verdict is not None
    return verdict


DESCRIBE_INSTANCE = {
    "requestId": "c2hm",
    "result": {"instance": {"instanceId": "i-eumm7k2qd6", "status": "running", "dataDisks": []}},
}


@pytest.mark.parametrize(
    ("document", "reason", "hint"),
    [
        ({"name": "my-app", "version": "1.0.0", "scripts": {"build": "tsc"}}, "npm package manifest", None),
        ({"name": "my-app", "version": "1.0.0", "license": "MIT"}, "npm package manifest", None),
        ({"compilerOptions": {"strict": True}, "include": ["src"]}, "tsconfig", None),
        ({"name": "acme/app", "require": {"php": ">=8"}}, "Composer", None),
        ({"repos": [{"repo": "local", "hooks": []}]}, "pre-commit configuration", None),
        ([{"id": "x", "name": "x", "entry": "x", "language": "python"}], "pre-commit hooks manifest", None),
        ({"name": "ci", True: {"push": None}, "jobs": {"test": {"runs-on": "ubuntu-latest"}}}, "GitHub Actions", None),
        ({"name": "ci", "on": "push", "jobs": {}}, "GitHub Actions workflow", None),
        ({"name": "act", "description": "d", "runs": {"using": "composite"}}, "GitHub Actions action", None),
        ({"stages": ["test"], "test": {"script": ["pytest"]}}, "GitLab CI", None),
        ({"test": {"stage": "test", "script": ["pytest"]}}, "GitLab CI", None),
        ({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}}, "Kubernetes", None),
        ({"name": "app", "services": {"web": {"image": "nginx"}}}, "Docker Compose", None),
        ({"openapi": "3.1.0", "info": {"title": "x"}, "paths": {}}, "OpenAPI", None),
        ({"swagger": "2.0", "info": {}, "paths": {}}, "OpenAPI", None),
        (DESCRIBE_INSTANCE, "describeInstance", "--instance"),
        (DESCRIBE_INSTANCE["result"], "describeInstance", "--instance"),
        (
            {"instanceId": "i-eumm7k2qd6", "instanceName": "web", "status": "running", "dataDisks": []},
            "describeInstance",
            "--instance",
        ),
        ({"result": {"snapshots": [{"snapshotId": "snapshot-a"}]}}, "describeSnapshots", "--snapshots"),
        ([{"snapshotId": "snapshot-a", "snapshotSizeGB": 40}], "snapshots", "--snapshots"),
        ({"result": {"quotas": [{"resourceType": "image"}]}}, "describeQuotas", "--quotas"),
        ([{"resourceType": "image", "limit": 10}], "quotas", "--quotas"),
        ({"result": {"instances": []}, "requestId": "r"}, "describeInstances", "--instance"),
        ({"apiVersion": "v2", "name": "web", "version": "0.1.0", "description": "d"}, "Helm chart", None),
        ({"$schema": "x", "title": "t", "description": "d", "type": "object", "properties": {}}, "JSON Schema", None),
        ({"type": "object", "description": "d", "properties": {"name": {}}}, "JSON Schema", None),
        ({"AWSTemplateFormatVersion": "2010-09-09", "Description": "d", "Resources": {}}, "CloudFormation", None),
        ({"name": "Bug", "description": "d", "body": [{"type": "textarea"}]}, "GitHub issue form", None),
        ({"site_name": "docs", "nav": []}, "MkDocs", None),
        ({"name": "ext", "manifest_version": 3, "version": "1"}, "browser extension", None),
        ({"name": "app", "short_name": "a", "start_url": "/"}, "web app manifest", None),
        ({"service": "api", "provider": {"name": "aws"}, "functions": {}}, "Serverless", None),
        ({"version": 2, "updates": []}, "Dependabot", None),
        ({"version": "3", "tasks": {"build": {}}}, "Taskfile", None),
        ({"extends": "eslint:recommended", "rules": {}}, "linter", None),
        ([{"name": "site", "hosts": "all", "tasks": []}], "Ansible", None),
        ([{"name": "install", "apt": {"name": "nginx"}}], "list", None),  # Ansible tasks: names, no request
        ([{"description": "x", "check_name": "C31", "fingerprint": "f"}], "list", None),
        ({"title": "notes", "items": [1, 2]}, "no createImage member", None),
        ({}, "empty object", None),
        ("just text", "single value", None),
        ([1, 2, 3], "list", None),
    ],
)
def test_other_documents_are_not_requests(document: object, reason: str, hint: str | None) -> None:
    verdict = _skip(document)
    assert reason in verdict.reason
    assert verdict.hint == hint or (hint is not None and verdict.hint is not None and hint in verdict.hint)


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("tsconfig.json", '{\n  // comment\n  "compilerOptions": {},\n}\n', "TypeScript"),
        ("package.json", '{"name": "x",, }', "npm"),
        (".gitlab-ci.yml", "test:\n  script:\n    - !reference [.setup, script]\n", "GitLab CI"),
        ("ci.yml", "test:\n  script:\n    - !reference [.setup, script]\n", "GitLab CI"),
        ("deploy.yaml", "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n", "Kubernetes"),
        ("stack.yaml", "Resources:\n  Bucket: !Ref Other\napiVersion: x\nkind: y\n", "Kubernetes"),
    ],
)
def test_unparseable_other_files_are_recognised_by_what_can_be_read(name: str, text: str, reason: str) -> None:
    verdict = recognise_unparsed(text, name)
    assert verdict is not None
    assert reason in verdict.reason


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("request.json", '{"name": "web-image",}'),  # the C01 example: a request that does not parse
        ("request.json", '{"name": "web", "dataDisks": [}'),
        ("request.yaml", "name: web\ndataDisks:\n  - deviceName: vdc\n   noDevice: true\n"),
        ("request.yaml", "name: web\n---\nname: other\n"),  # several requests in one file: C01 says so
        ("request.json", "x{garbage"),  # nothing readable: checked, never silently skipped
        ("request.json", ""),
        ("request.yaml", "name: !!python/object:os.system web\n"),
    ],
)
def test_unparseable_requests_are_checked(name: str, text: str) -> None:
    assert recognise_unparsed(text, name) is None


def test_a_deeply_nested_unparseable_file_is_sketched_without_recursion() -> None:
    text = "[" * 100_000 + "]" * 99_999
    assert recognise_unparsed(text, "deep.json") is None


def test_a_request_written_as_documented_is_recognised_without_a_near_miss_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import difflib

    def refuse(*_args: object, **_kwargs: object) -> list[str]:
        raise AssertionError("no near-miss search for documented keys")

    monkeypatch.setattr(difflib, "get_close_matches", refuse)
    for keys in (("name", "regionId", "instanceId", "dataDisks"), ("dataDisks", "description", "name")):
        assert recognise(dict.fromkeys(keys, "x")) is None
    with pytest.raises(AssertionError):
        recognise({"nmea": "web", "regoinIdd": "cn-north-1"})  # misspelt: the search runs


@given(st.lists(st.sampled_from([*TOP_KEYS, "nmae", "regoinId", "dataDisk", "version", "kind", "foo"]), max_size=5))
def test_looking_for_exact_keys_first_decides_as_the_near_miss_search_alone(keys: list[str]) -> None:
    from validator.workspace import recognise as module

    document = dict.fromkeys(keys, "x")
    assert module._any_near(set(document), module._STRONG) == any(module._near(key, module._STRONG) for key in document)
    assert module._any_near(set(document), module._WEAK) == any(module._near(key, module._WEAK) for key in document)
