"""One jsonschema validator per request form, built when a request of that form is first checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from validator import check_create_image
from validator.schema import schema_check, schemas


@pytest.fixture
def fresh() -> Iterator[None]:
    schema_check._validators.cache_clear()
    yield
    schema_check._validators.cache_clear()


def _built() -> int:
    return schema_check._validators.cache_info().currsize


@pytest.mark.usefixtures("fresh")
def test_a_body_form_request_builds_only_the_body_validator() -> None:
    assert not check_create_image({"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": "yes"}]}).ok
    assert _built() == 1
    assert schema_check.validator_for(parameters_form=False) is schema_check._validators(schemas.BODY)
    assert _built() == 1


@pytest.mark.usefixtures("fresh")
def test_each_form_is_built_once_and_both_share_one_validator_class() -> None:
    check_create_image({"regionId": "cn-north-1", "instanceId": "i-eumm7k2qd6", "name": "web"})
    assert _built() == 1
    check_create_image({"name": "web"})
    assert _built() == 2
    parameters, body = schema_check.validator_for(True), schema_check.validator_for(False)
    assert parameters is schema_check.validator_for(True)
    assert type(parameters) is type(body) is schema_check.strict_validator_class()
    assert parameters.schema is not body.schema
