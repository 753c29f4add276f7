"""Which walked files are createImage requests: decided on the parsed document, never on the file name alone.

A folder walk meets every JSON and YAML file of a repository: package manifests, CI files, Kubernetes
manifests, describe answers. Those are skipped with a reason; anything that looks like a request, however
broken (misspelt keys, wrong types, no name, keys in another case), is checked. When in doubt, check: a
skipped request is a silent miss, a checked non-request is a visible one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import attrs

from validator.schema import schemas
from validator.workspace.sketch import sketches


@attrs.frozen
class NotRequest:
    """Why a document is not a createImage request; `hint` says where it belongs instead, when we know."""

    reason: str
    hint: str | None = None
    # False when nothing says what the file is, only that no request member is there.
    identified: bool = True

    def describe(self) -> str:
        return self.reason if self.hint is None else f"{self.reason}; {self.hint}"


def _fold(key: str) -> str:
    """A key with case and word separators dropped: `data_disks`, `DataDisks` and `dataDisks` agree."""
    return re.sub(r"[\s_\-]", "", key).casefold()


# Keys that only a request has: their presence (or a near miss of them) makes a document a request.
_STRONG = {_fold(name): name for name in ("regionId", "instanceId", "dataDisks")}
# Keys a request shares with many other formats: a request by them only when no other format claims it.
_WEAK = {_fold(name): name for name in ("name", "description")}
# Keys of a dataDisks entry and of its cloudDiskSpec, which a broken request may hold at the wrong level.
_DISK_KEYS = frozenset(
    _fold(name)
    for name in (
        *schemas.property_names(schemas.ENTRY),
        *schemas.property_names(schemas.DISK),
    )
) - {_fold("name"), _fold("description"), _fold("az"), _fold("charge")}
# How close a key must be to a request key to count as its misspelling (difflib's ratio): one wrong letter
# in `name` ("nane") is 0.75.
_NEAR = 0.75


def _near(key: str, known: Mapping[str, str]) -> bool:
    folded = _fold(key)
    if folded in known or any(sorted(folded) == sorted(name) for name in known):  # letters swapped: "nmae"
        return True
    import difflib  # only for keys that are not request keys as written

    return bool(difflib.get_close_matches(folded, list(known), n=1, cutoff=_NEAR))


def _any_near(keys: set[str], known: Mapping[str, str]) -> bool:
    """Whether some key is one of `known` or a near miss of one: the exact matches are looked for first, so
    that a request written as documented costs no difflib comparison."""
    return any(_fold(key) in known for key in keys) or any(_near(key, known) for key in keys)


def _keys(document: Mapping[object, object]) -> set[str]:
    # PyYAML reads a bare `on:` as the boolean true; a workflow's trigger key is still its name.
    return {"on" if key is True else str(key) for key in document}


def _has(keys: set[str], *names: str) -> bool:
    return any(name in keys for name in names)


def _is_mapping(value: object) -> bool:
    return isinstance(value, Mapping)


def _list_of(value: object, *keys: str) -> bool:
    """A non-empty list whose items are objects, the first of them holding one of `keys`."""
    if not isinstance(value, list) or not value or not all(isinstance(item, Mapping) for item in value):
        return False
    first = value[0]
    assert isinstance(first, Mapping)
    return any(key in first for key in keys)


_INSTANCE_ONLY = (
    "instanceName",
    "instanceType",
    "systemDisk",
    "hostname",
    "vpcId",
    "subnetId",
    "privateIpAddress",
    "imageId",
    "launchTime",
    "primaryNetworkInterface",
    "keyNames",
    "status",
)


def _describe_answer(document: Mapping[object, object], keys: set[str]) -> NotRequest | None:
    """A describeInstance / describeSnapshots / describeQuotas answer, with or without its envelope."""
    result = document.get("result")
    body: Mapping[object, object] = result if isinstance(result, Mapping) else document
    body_keys = _keys(body)
    if _is_mapping(body.get("instance")):
        return NotRequest("a describeInstance answer", "pass it with --instance")
    if isinstance(body.get("snapshots"), list):
        return NotRequest("a describeSnapshots answer", "pass it with --snapshots")
    if isinstance(body.get("instances"), list):
        return NotRequest("a describeInstances answer", "pass one instance's describeInstance answer with --instance")
    if isinstance(body.get("quotas"), list):
        return NotRequest("a describeQuotas answer", "pass it with --quotas")
    if _is_mapping(body.get("quota")):
        return NotRequest("a describeQuota answer (the disk service's quota)", "pass it with --snapshot-quota")
    if sum(name in body_keys for name in _INSTANCE_ONLY) >= 2:
        return NotRequest("a describeInstance answer (the instance object)", "pass it with --instance")
    if isinstance(result, Mapping) and "requestId" in keys:
        return NotRequest("a JD Cloud API answer (requestId and result), not a request")
    return None


def _semver(value: object) -> bool:
    return isinstance(value, str) and re.match(r"^v?\d+\.\d+", value) is not None


def _gitlab_job(value: object) -> bool:
    return isinstance(value, Mapping) and _has(_keys(value), "script", "trigger", "extends", "stage")


# Members that alone say what a file is (none of them is a request member or a near miss of one).
_SIGNATURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("site_name",), "an MkDocs configuration"),
    (("manifest_version",), "a browser extension manifest"),
    (("short_name", "start_url"), "a web app manifest"),
    (("provider", "functions"), "a Serverless Framework configuration"),
    (("updates",), "a Dependabot configuration"),
    (("tasks",), "a task runner configuration (Taskfile)"),
    (("extends", "rules", "plugins", "overrides"), "a linter or formatter configuration"),
)


# Well-known formats that are not requests, by the members that define them, in the order they are tried.
_FORMATS: tuple[tuple[Callable[[Mapping[object, object], set[str]], bool], str], ...] = (
    (lambda _, keys: _has(keys, "apiVersion") and _has(keys, "kind"), "a Kubernetes manifest (apiVersion and kind)"),
    (
        lambda _, keys: _has(keys, "apiVersion") and _has(keys, "version") and _has(keys, "name"),
        "a Helm chart (Chart.yaml)",
    ),
    (
        lambda _, keys: _has(keys, "properties", "$defs", "definitions") and _has(keys, "$schema", "type", "$id"),
        "a JSON Schema",
    ),
    (lambda _, keys: _has(keys, "AWSTemplateFormatVersion", "Resources"), "an AWS CloudFormation template"),
    (lambda document, keys: isinstance(document.get("body"), list) and _has(keys, "name"), "a GitHub issue form"),
    (lambda _, keys: _has(keys, "openapi", "swagger"), "an OpenAPI document"),
    (lambda _, keys: _has(keys, "jobs") and _has(keys, "on"), "a GitHub Actions workflow (on and jobs)"),
    (
        lambda document, keys: (
            _is_mapping(document.get("runs")) and _has(keys, "inputs", "outputs", "branding", "name")
        ),
        "a GitHub Actions action (runs)",
    ),
    (lambda document, _: isinstance(document.get("repos"), list), "a pre-commit configuration (repos)"),
    (lambda document, _: _is_mapping(document.get("services")), "a Docker Compose file (services)"),
    (
        lambda _, keys: (
            _has(keys, "compilerOptions", "references") or (_has(keys, "extends") and _has(keys, "include", "files"))
        ),
        "a TypeScript / JavaScript project file (tsconfig.json)",
    ),
    (
        lambda document, keys: (
            _has(keys, "stages", "before_script", "after_script", "workflow", "include")
            or any(_gitlab_job(value) for value in document.values())
        ),
        "a GitLab CI configuration (stages and jobs)",
    ),
)
_PACKAGE = (
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
    "scripts",
    "workspaces",
    "engines",
    "main",
    "module",
    "exports",
    "bin",
    "private",
)

# Members of a package.json that no request has. A name with a version number is not enough on its own (a
# request with a stray `version` member is still a request): beside one of these, it is a package.
_PACKAGE_METADATA = ("license", "author", "keywords", "repository", "homepage", "bugs", "files", "contributors")


def _package_manifest(document: Mapping[object, object], keys: set[str]) -> NotRequest | None:
    versioned = "name" in keys and _semver(document.get("version"))
    if _has(keys, *_PACKAGE) or (versioned and _has(keys, *_PACKAGE_METADATA)):
        if _has(keys, "require", "require-dev", "autoload"):
            return NotRequest("a Composer manifest (composer.json)")
        return NotRequest("an npm package manifest (package.json)")
    if _has(keys, "require", "require-dev", "autoload", "autoload-dev", "minimum-stability"):
        return NotRequest("a Composer manifest (composer.json)")
    return None


def _other_format(document: Mapping[object, object], keys: set[str]) -> NotRequest | None:
    """A well-known format that is not a request, by the members that define it."""
    for test, what in _FORMATS:
        if test(document, keys):
            return NotRequest(what)
    package = _package_manifest(document, keys)
    if package is not None:
        return package
    for signature, what in _SIGNATURES:
        if _has(keys, *signature):
            return NotRequest(what)
    return None


def _holds_disk_entries(document: Mapping[object, object], keys: set[str]) -> bool:
    """Disk members at the top, or some member that is a list of disk entries (dataDisks under another name)."""
    if any(_fold(key) in _DISK_KEYS for key in keys):
        return True
    return any(
        isinstance(value, list)
        and any(isinstance(item, Mapping) and any(_fold(str(k)) in _DISK_KEYS for k in item) for item in value)
        for value in document.values()
    )


def _request_shaped(item: Mapping[object, object]) -> bool:
    """An object with members only a request has (many formats list objects with a name)."""
    keys = _keys(item)
    return _any_near(keys, _STRONG) or _holds_disk_entries(item, keys)


def _request_at_top(keys: set[str]) -> bool:
    """A name beside a path parameter or dataDisks, at the top: a request, whatever else it carries (no
    describe answer has both; an instance object names itself instanceName)."""
    folded = {_fold(key) for key in keys}
    return _fold("name") in folded and any(strong in folded for strong in _STRONG)


def recognise(root: object, filename: str | None = None) -> NotRequest | None:
    """None when `root` (a parsed document) is, or may be, a createImage request; else why it is not. A
    document with request members is checked unless it is certainly something else: by members only that
    other format has, or by its well-known `filename` (package.json)."""
    if isinstance(root, list):
        if _list_of(root, "snapshotId"):
            return NotRequest("a list of snapshots (a describeSnapshots answer)", "pass it with --snapshots")
        if _list_of(root, "resourceType"):
            return NotRequest("a list of quotas (a describeQuotas answer)", "pass it with --quotas")
        if _list_of(root, "id") and _has(_keys(root[0]), "entry", "language"):
            return NotRequest("a pre-commit hooks manifest (.pre-commit-hooks.yaml)")
        if _list_of(root, "hosts", "tasks", "roles", "import_playbook"):
            return NotRequest("an Ansible playbook")
        if any(isinstance(item, Mapping) and _request_shaped(item) for item in root):
            return None  # requests wrapped in a list: checked, so the author learns the top level must be an object
        return NotRequest("a list, and no createImage request in it", identified=False)
    if not isinstance(root, Mapping):
        return NotRequest("a single value, not an object", identified=False)
    keys = _keys(root)
    answer = _describe_answer(root, keys)
    if answer is not None and not _request_at_top(keys):
        return answer
    if _any_near(keys, _STRONG):
        return None
    other = _other_format(root, keys) or _by_name(filename)
    if other is not None:
        return other
    if _any_near(keys, _WEAK) or _holds_disk_entries(root, keys):
        return None
    if not keys:
        return NotRequest("an empty object: no createImage member", identified=False)
    return NotRequest(
        "no createImage member (name, description, dataDisks, regionId, instanceId) or near miss", identified=False
    )


# --- Files that do not parse: recognised from what can be read of them -----------------------------------

# Names of well-known files that are never requests; used only when a file cannot be parsed (JSON with
# comments, YAML with custom tags), because then there is no document to look at.
_KNOWN_NAMES: tuple[tuple[str, str], ...] = (
    (r"package(-lock)?\.json", "an npm package manifest"),
    (r"(ts|js)config(\..*)?\.json", "a TypeScript / JavaScript project file"),
    (r"composer\.(json|lock)", "a Composer manifest"),
    (r"\.pre-commit-(config|hooks)\.ya?ml", "a pre-commit file"),
    (r"\.gitlab-ci\.ya?ml", "a GitLab CI configuration"),
    (r"(docker-)?compose(\..*)?\.ya?ml", "a Docker Compose file"),
    (r"(openapi|swagger)(\..*)?\.(json|ya?ml)", "an OpenAPI document"),
    (r"\.?(eslintrc|prettierrc|babelrc|stylelintrc)(\.json)?", "a tool's settings"),
    (r"devcontainer\.json", "a dev container setting"),
)


def _by_name(filename: str | None) -> NotRequest | None:
    """The kind of file a well-known file name says it is."""
    if filename is None:
        return None
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    for pattern, what in _KNOWN_NAMES:
        if re.fullmatch(pattern, name, re.IGNORECASE):
            return NotRequest(f"{what} ({name})")
    return None


def recognise_unparsed(text: str, filename: str) -> NotRequest | None:
    """For a file the reader refused: None (check it, the C01 finding tells the author) unless its
    well-known name, or what can be read of it, says it is another kind of file. Not finding a request
    member in a broken file is not enough: the break may be where the members are."""
    known = _by_name(filename)
    if known is not None:
        return NotRequest(f"{known.reason} that does not parse as plain JSON or YAML")
    documents = [document for document in sketches(text) if document is not None]
    verdicts = [recognise(document) for document in documents]
    if not verdicts or not all(verdict is not None and verdict.identified for verdict in verdicts):
        return None
    first = verdicts[0]
    assert first is not None
    several = f" ({len(documents)} documents)" if len(documents) > 1 else ""
    return NotRequest(first.reason + several, first.hint)


def explain(verdicts: Sequence[tuple[str, NotRequest]]) -> list[str]:
    """One line per skipped file, for --verbose."""
    return [f"{path}: skipped: {verdict.describe()}" for path, verdict in verdicts]
