"""The language server on stdio (pygls): documents checked on open and save, and on change after a pause,
with their diagnostics published; code actions and hovers answered from the latest check. The server keeps
the editor's texts in memory, never writes a file and never opens a connection. See docs/editors.md."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from validator.server import lsp
from validator.server.analysis import Analysis, analyse, document_name, file_path
from validator.server.options import Options, read_options
from validator.server.positions import UTF16

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer
else:
    try:
        from pygls.lsp.server import LanguageServer  # pygls 2
    except ImportError:  # pygls 1.3 and 1.x
        from pygls.server import LanguageServer

NAME = "jdcloud-preflight"
logger = logging.getLogger(__name__)


def _value(kind: object) -> str:
    """An LSP enumeration's value as sent (lsprotocol 2023's members print as their names)."""
    return str(getattr(kind, "value", kind))


class PreflightServer(LanguageServer):
    """The server and what it holds per open document: the latest analysis and a pending debounced check."""

    def __init__(self, version: str) -> None:
        super().__init__(NAME, version)
        self.options = Options()
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    @property
    def encoding(self) -> str:
        return _value(self.workspace.position_encoding or UTF16)

    def analysis(self, uri: str) -> Analysis | None:
        """The analysis of the document's current text, made now when the latest is of an older text; None
        for a document the server does not check."""
        document = self.workspace.get_text_document(uri)
        path = file_path(uri)
        name = document_name(path, document.language_id)
        if name is None:
            return None
        text = document.source
        if self.options.problem is not None:
            return Analysis(text, name, problem=self.options.problem)
        known = self.analyses.get(uri)
        if known is not None and known.text == text:
            return known
        try:
            made = analyse(text, name, path, self.options.loaded)
        except Exception as exc:  # a bug must not take the editor's server down: say it on the document
            logger.exception("checking %s failed", uri)
            made = Analysis(text, name, problem=f"jdcloud-preflight could not check this document: {exc!r}")
        self.analyses[uri] = made
        return made

    def check(self, uri: str) -> None:
        """Check the document now and publish its diagnostics."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if uri not in self.workspace.text_documents:
            return
        analysis = self.analysis(uri)
        found = [] if analysis is None else lsp.diagnostics(analysis, self.encoding)
        version = self.workspace.get_text_document(uri).version
        self.publish(uri, found, version)

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None = None) -> None:
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        if hasattr(self, "text_document_publish_diagnostics"):
            self.text_document_publish_diagnostics(params)
        else:  # pygls 1.x
            getattr(self, "publish_diagnostics")(uri, diagnostics, version)  # noqa: B009

    def check_later(self, uri: str) -> None:
        """Check the document once it has not changed for the debounce delay."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(self.options.debounce, self.check, uri)

    def forget(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.analyses.pop(uri, None)
        self.publish(uri, [])


def build(version: str) -> PreflightServer:
    server = PreflightServer(version)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        server.options = read_options(params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        server.analyses.pop(params.text_document.uri, None)  # the configuration may have changed meanwhile
        server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.forget(params.text_document.uri)

    kinds = [types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds))
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        analysis = server.analysis(params.text_document.uri)
        if analysis is None:
            return []
        only = None if params.context.only is None else [_value(kind) for kind in params.context.only]
        return lsp.code_actions(analysis, params.text_document.uri, params.range, only, server.encoding)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        analysis = server.analysis(params.text_document.uri)
        return None if analysis is None else lsp.hover(analysis, params.position, server.encoding)

    return server


def run(version: str, stdin: Any = None, stdout: Any = None) -> None:
    """Serve one client on stdio until it exits."""
    build(version).start_io(stdin, stdout)
