"""`check .` in a real-looking repository (issue 12): requests beside package.json, CI files, manifests and
describe answers. Requests, however broken, are checked; the others are skipped and counted; hidden
folders and git-ignored files are not walked; a file named explicitly is always checked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from validator.cli.main import main

NON_REQUESTS = {
    "package.json": '{"name": "my-app", "version": "1.0.0", "private": true, "scripts": {"build": "tsc"}}\n',
    "tsconfig.json": '{\n  // editors allow comments here\n  "compilerOptions": {"strict": true},\n}\n',
    "composer.json": '{"name": "acme/app", "require": {"php": ">=8.1"}}\n',
    ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    ".gitlab-ci.yml": "stages: [test]\n.setup:\n  script: [echo hi]\ntest:\n  stage: test\n"
    "  script:\n    - !reference [.setup, script]\n",
    "ci/github-workflow.yml": "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\n"
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
    "docker-compose.yml": "name: shop\nservices:\n  web:\n    image: nginx\n",
    "api/openapi.yaml": "openapi: 3.1.0\ninfo:\n  title: shop\n  version: '1'\npaths: {}\n",
    "answers/describe-instance.json": json.dumps(
        {"requestId": "r", "result": {"instance": {"instanceId": "i-eumm7k2qd6", "status": "running"}}}
    ),
    "answers/describe-snapshots.json": json.dumps(
        {"requestId": "r", "result": {"snapshots": [{"snapshotId": "snapshot-h8u1ab9c36", "snapshotSizeGB": 40}]}}
    ),
    "answers/describe-quotas.yaml": "result:\n  quotas:\n    - resourceType: image\n      limit: 10\n      used: 1\n",
    "answers/describe-snapshot-quota.json": '{"requestId": "r", "result": {"quota": {"limit": 20, "used": 3}}}\n',
}
REQUESTS = {
    "deploy/images/valid.json": '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n',
    "deploy/images/valid.yaml": "name: web-2026.11\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n",
    "deploy/images/lost-exclusion.yaml": "name: web\ndataDisk:\n  - deviceName: vdc\n    noDevice: true\n",
    "deploy/images/misspelt-spec.json": '{"name": "web", "dataDisks": [{"deviceName": "vdd", '
    '"cloudDiskSpecs": {"diskType": "ssd.gp1", "diskSize": 40}}]}\n',
    "deploy/images/wrong-types.json": '{"name": 7, "dataDisks": {"deviceName": "vdc"}}\n',
    "deploy/images/no-name.json": '{"description": "weekly", "dataDisks": []}\n',
    "deploy/images/case-variants.json": '{"Name": "web", "DATADISKS": [{"DeviceName": "vdc", "NoDevice": true}]}\n',
    "deploy/images/broken.json": '{"name": "web", "dataDisks": [}\n',
}
HIDDEN_AND_IGNORED = {
    ".github/workflows/ci.yml": "name: ci\non: push\njobs: {}\n",
    ".venv/lib/request.json": '{"name": "x"}\n',
    ".cache/request.json": '{"name": "x"}\n',
    "build/out.json": '{"name": "x"}\n',
    "deploy/images/drafts/draft.json": '{"name": "x"}\n',
    "deploy/images/local.json": '{"name": "x"}\n',
}
GITIGNORE = {
    ".gitignore": "build/\n*.local.json\nlocal.json\n",
    "deploy/images/.gitignore": "drafts/\n!keep.json\n",
}


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    for name, text in {**NON_REQUESTS, **REQUESTS, **HIDDEN_AND_IGNORED, **GITIGNORE}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    return root


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _checked(out: str) -> set[str]:
    report = json.loads(out)
    return {entry["path"].removeprefix("./") for entry in report["files"]}


def test_walk_checks_every_request_and_only_requests(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json", ".")
    assert _checked(out) == set(REQUESTS)
    assert code == 1


def test_broken_requests_get_their_findings(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--format", "json", ".")
    rules = {
        entry["path"].removeprefix("./"): {finding["rule"] for finding in entry["findings"]}
        for entry in json.loads(out)["files"]
    }
    assert rules["deploy/images/valid.json"] == set()
    assert rules["deploy/images/valid.yaml"] == set()
    assert "C04" in rules["deploy/images/lost-exclusion.yaml"]  # dataDisk: the exclusion would be lost
    assert "C04" in rules["deploy/images/misspelt-spec.json"]  # cloudDiskSpecs
    assert {"C03", "C30"} <= rules["deploy/images/wrong-types.json"]
    assert "C20" in rules["deploy/images/no-name.json"]
    assert "C05" in rules["deploy/images/case-variants.json"]
    assert rules["deploy/images/broken.json"] == {"C01"}


def test_text_summary_counts_the_skipped_files(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, ".")
    lines = out.splitlines()
    assert lines[-2].startswith(f"{len(REQUESTS)} files checked: ")
    assert lines[-1] == f"{len(NON_REQUESTS)} files skipped: not createImage requests"
    assert "skipped:" not in "\n".join(lines[:-1])  # the reasons only with --verbose
    assert code == 1


def test_verbose_lists_each_skipped_file_with_its_reason(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--verbose", ".")
    listed = {
        line.split(": skipped: ")[0].removeprefix("./"): line.split(": skipped: ")[1]
        for line in out.splitlines()
        if ": skipped: " in line
    }
    assert set(listed) == set(NON_REQUESTS)
    assert "npm package manifest" in listed["package.json"]
    assert "TypeScript" in listed["tsconfig.json"]
    assert "Composer" in listed["composer.json"]
    assert "pre-commit configuration" in listed[".pre-commit-config.yaml"]
    assert "GitLab CI" in listed[".gitlab-ci.yml"]
    assert "GitHub Actions workflow" in listed["ci/github-workflow.yml"]
    assert "Kubernetes" in listed["k8s/deployment.yaml"]
    assert "Docker Compose" in listed["docker-compose.yml"]
    assert "OpenAPI" in listed["api/openapi.yaml"]
    assert listed["answers/describe-instance.json"].endswith("pass it with --instance")
    assert listed["answers/describe-snapshots.json"].endswith("pass it with --snapshots")
    assert listed["answers/describe-quotas.yaml"].endswith("pass it with --quotas")
    assert listed["answers/describe-snapshot-quota.json"].endswith("pass it with --snapshot-quota")


def test_chinese_summary_counts_the_skipped_files(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "zh", ".")
    assert out.splitlines()[-1] == f"已跳过 {len(NON_REQUESTS)} 个文件：不是 createImage 请求"


def test_no_skipped_line_when_nothing_is_skipped(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "deploy/images")
    assert "skipped" not in out
    assert out.splitlines()[-1].startswith(f"{len(REQUESTS)} files checked")


def test_json_report_is_unchanged_by_skipping(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON report keeps exactly its members; skipped files are in neither files nor the summary."""
    _, out, err = _run(capsys, "--format", "json", "--verbose", ".")
    report = json.loads(out)
    assert set(report) == {"version", "tool", "files", "summary"}
    assert set(report["summary"]) == {"files", "error", "warning", "info"}
    assert report["summary"]["files"] == len(REQUESTS)
    assert err.count(": skipped: ") == len(NON_REQUESTS)  # --verbose lists them beside the report


def test_a_file_named_explicitly_is_always_checked(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json", "package.json", ".venv/lib/request.json", "build/out.json")
    assert _checked(out) == {"package.json", ".venv/lib/request.json", "build/out.json"}
    assert code == 1  # package.json checked as a request has findings


def test_only_requests_applies_recognition_to_named_files(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--only-requests", "package.json", "deploy/images/valid.json")
    assert out.splitlines() == [
        "1 file checked: 0 error(s), 0 warning(s), 0 info",
        "1 file skipped: not createImage requests",
    ]
    assert code == 0


def test_a_hidden_folder_named_explicitly_is_walked(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--format", "json", ".venv")
    assert _checked(out) == {".venv/lib/request.json"}


def test_gitignore_negation_and_nesting_are_honoured(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repository / "build" / "keep").mkdir()
    (repository / "deploy" / "images" / "keep.json").write_text('{"name": "web-2026.11"}')
    (repository / "deploy" / "images" / "x.local.json").write_text('{"name": "web-2026.11"}')
    _, out, _ = _run(capsys, "--format", "json", "deploy")
    checked = _checked(out)
    assert "deploy/images/keep.json" in checked
    assert "deploy/images/x.local.json" not in checked
    assert "deploy/images/local.json" not in checked
    assert "deploy/images/drafts/draft.json" not in checked


def test_gitignore_is_not_read_outside_a_git_work_tree(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repository / ".git").rename(repository / "not-git")
    _, out, _ = _run(capsys, "--format", "json", ".")
    checked = _checked(out)
    assert {"build/out.json", "deploy/images/drafts/draft.json", "deploy/images/local.json"} <= checked
    assert ".venv/lib/request.json" not in checked  # hidden folders are skipped everywhere


def test_the_walk_is_the_same_from_a_subfolder_of_the_work_tree(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository / "deploy")
    _, out, _ = _run(capsys, "--format", "json", "..")
    # Relative to the working folder inside it, absolute outside it (docs/reports.md#paths).
    checked = {(Path.cwd() / path).resolve().relative_to(repository.resolve()).as_posix() for path in _checked(out)}
    assert checked == set(REQUESTS)


def test_the_api_walks_the_same_way(repository: Path) -> None:
    from validator import check_paths

    reports = check_paths(["."])
    assert {str(report.source).removeprefix("./") for report in reports} == set(REQUESTS)


def test_skipping_is_the_same_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli.parallel import PARALLEL_MIN_FILES

    for index in range(PARALLEL_MIN_FILES + 5):
        (tmp_path / f"p{index:03}.json").write_text('{"name": "my-app", "version": "1.0.0", "license": "MIT"}')
    (tmp_path / "r.json").write_text('{"name": "web", "dataDisk": []}')
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "--verbose", "--jobs", jobs, str(tmp_path)]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].splitlines()[-1] == f"{PARALLEL_MIN_FILES + 5} files skipped: not createImage requests"


def test_walking_this_repository_checks_only_its_example_requests(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real repository: schemas, golden reports, CI and hook files, describe answers beside requests."""
    from tests.helpers import EXAMPLES, ROOT

    monkeypatch.chdir(ROOT)
    main(["check", "--format", "json", "."])
    checked = {Path(entry["path"]).resolve() for entry in json.loads(capsys.readouterr().out)["files"]}
    requests = {
        path.resolve()
        for path in EXAMPLES.rglob("*")
        if path.suffix in (".json", ".yaml") and not path.name.startswith("describe-")
    }
    # The real requests kept as test fixtures are requests too.
    requests |= {path.resolve() for path in (ROOT / "tests" / "fixtures" / "real-requests").glob("*.json")}
    assert checked == requests
