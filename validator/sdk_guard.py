"""A guard around a JD Cloud SDK client: `send` of a createImage request runs the checks first and raises
`PreflightError`, before any network traffic, when the API would reject it. Other requests pass through.

    from jdcloud_sdk.services.vm.client.VmClient import VmClient
    from validator.sdk_guard import guard

    client = guard(VmClient(credential))
    client.send(CreateImageRequest(parameters))   # raises PreflightError instead of a failed call

A `context_provider` gives the checks what is known about the request's instance; every part of a `Context`
is used, the snapshot quota (C71) among them:

    client = guard(VmClient(credential), context_provider=lambda request: Context.from_sdk(
        instance=describe_instance(request), snapshot_quota=describe_snapshot_quota()))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from validator.api import check_create_image
from validator.core.engine import DEFAULT_SETTINGS
from validator.instance.context import Context
from validator.report import Report
from validator.settings import Settings

CREATE_IMAGE_PATH = ":createImage"


class Client(Protocol):
    def send(self, request: Any) -> Any: ...


ContextProvider = Callable[[Any], Context | None]


def is_create_image(request: object) -> bool:
    """A createImage request, by its class name or its URL template (the SDK's JDCloudRequest.url)."""
    try:
        url = getattr(request, "url", None)
    except Exception:  # an SDK-like object whose attributes raise: judged by its class name (and checked)
        url = None
    named = type(request).__name__ == "CreateImageRequest"
    return named or (isinstance(url, str) and url.rstrip("/").endswith(CREATE_IMAGE_PATH))


class PreflightClient:
    """Wraps `client`; every attribute but `send` is the wrapped client's own."""

    def __init__(
        self,
        client: Client,
        *,
        context_provider: ContextProvider | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        lang: str = "en",
    ) -> None:
        self._client = client
        self._context_provider = context_provider
        self._settings = settings
        self._lang = lang
        self.last_report: Report | None = None

    def send(self, request: Any) -> Any:
        if is_create_image(request):
            context = None if self._context_provider is None else self._context_provider(request)
            report = check_create_image(request, lang=self._lang, settings=self._settings, context=context)
            self.last_report = report
            report.raise_for_errors()
        return self._client.send(request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def guard(
    client: Client,
    *,
    context_provider: ContextProvider | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    lang: str = "en",
) -> PreflightClient:
    """`client` with createImage requests checked before they are sent."""
    return PreflightClient(client, context_provider=context_provider, settings=settings, lang=lang)
