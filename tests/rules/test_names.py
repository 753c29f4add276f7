"""C20–C23: the image's name and description."""

from __future__ import annotations

import pytest

from tests.helpers import of_rule, valid_request
from validator import Severity, check_create_image


def _named(name: object) -> dict[str, object]:
    request = valid_request()
    request["name"] = name
    return request


@pytest.mark.parametrize("request_", [{"description": "x"}, {"name": None}, {}])
def test_c20_missing_or_null_name(request_: dict[str, object]) -> None:
    (finding,) = of_rule(request_, "C20")
    assert finding.pointer == ""
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "INVALID_ARGUMENT")


def test_c20_missing_name_points_at_the_root_object_position() -> None:
    (finding,) = of_rule('\n  {"description": "x"}', "C20")
    assert (finding.line, finding.column) == (2, 3)


@pytest.mark.parametrize(("length", "bad"), [(0, True), (1, True), (2, False), (32, False), (33, True)])
def test_c21_length_bounds(length: int, bad: bool) -> None:
    assert bool(of_rule(_named("a" * length), "C21")) is bad


@pytest.mark.parametrize(("name", "bad"), [("镜像", False), ("镜", True), ("镜" * 32, False), ("镜" * 33, True)])
def test_c21_counts_chinese_characters_as_one(name: str, bad: bool) -> None:
    assert bool(of_rule(_named(name), "C21")) is bad


@pytest.mark.parametrize("name", ["web-2026.11_a", "Web_Image.v1-2", "镜像-web", "一鿿", "0123456789"])
def test_c22_allowed_characters(name: str) -> None:
    assert of_rule(_named(name), "C22") == []


@pytest.mark.parametrize(
    ("name", "char", "position"),
    [
        ("web image", "U+0020", 4),
        ("web/image", "U+002F", 4),
        ("ｗｅｂ", "U+FF57", 1),
        ("web１", "U+FF11", 4),
        ("镜像。", "U+3002", 3),
        ("web\u3400image!", "U+0021", 10),
        ("café", "U+00E9", 4),
    ],
)
def test_c22_refused_characters_name_the_first_offender(name: str, char: str, position: int) -> None:
    errors = [f for f in of_rule(_named(name), "C22") if f.severity is Severity.ERROR]
    assert len(errors) == 1
    assert char in errors[0].message
    assert f"position {position}" in errors[0].message
    assert errors[0].api is not None
    assert errors[0].api.code == "INVALID_ARGUMENT"


@pytest.mark.parametrize("char", ["\u3400", "\U00020000", "\uf900", "\u4dbf"])
def test_c22_other_ideographs_are_a_warning(char: str) -> None:
    (finding,) = of_rule(_named("web" + char), "C22")
    assert finding.severity is Severity.WARNING
    assert finding.api is None


@pytest.mark.parametrize("boundary", ["\u4e00", "\u9fff"])
def test_c22_common_cjk_block_boundaries_are_allowed(boundary: str) -> None:
    assert of_rule(_named("ab" + boundary), "C22") == []


@pytest.mark.parametrize(("length", "bad"), [(0, False), (256, False), (257, True)])
def test_c23_description_length(length: int, bad: bool) -> None:
    request = valid_request()
    request["description"] = "描" * length
    found = of_rule(request, "C23")
    assert bool(found) is bad
    if bad:
        assert found[0].pointer == "/description"
        assert "257" in found[0].message


def test_a_character_without_a_unicode_name_is_named_by_its_code_point() -> None:
    (finding,) = [f for f in check_create_image({"name": "web\nimage"}).findings if f.rule == "C22"]
    assert "(U+000A)" in finding.message
    assert "unnamed" not in finding.message
    (spaced,) = [f for f in check_create_image({"name": "web image"}).findings if f.rule == "C22"]
    assert "(U+0020 SPACE)" in spaced.message
