"""Every HTTP request gets an id, one access log line and its metrics.

The id is sent back as `X-Request-Id`, carried by every log line written while serving
the request, and is the `errorId` of an unexpected error (`services.request_context`).
The access line says method, path (never the query: links carry one-time tokens there),
status, duration and, on `/graphql`, the operation. File bytes are counted as they pass:
request bodies under `/uploads`, response bodies under `/files`.
"""

from __future__ import annotations

import logging
import re
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services import request_context
from services.metrics import (
    FILE_BYTES,
    GRAPHQL_REQUESTS,
    HTTP_DURATION,
    HTTP_REQUESTS,
    UPLOADS_IN_PROGRESS,
)
from services.request_context import RequestRecord
from web.static import API_PREFIXES

log = logging.getLogger("datashare.access")

REQUEST_ID_HEADER = "X-Request-Id"
GRAPHQL = "/graphql"
UPLOADS = "/uploads"
FILES = "/files"
UPLOAD_METHODS = frozenset({"PUT", "POST", "PATCH"})
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Operation names come from clients: only this many distinct ones (per process) become
# label values, the rest count as "other", so no client can swell the metrics.
MAX_OPERATION_NAMES = 200
_OPERATION_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]{0,63}$")
# When no GraphQL operation ran (refused at the HTTP level, or the GraphiQL page).
NO_OPERATION = "-"
ANONYMOUS = "anonymous"


def endpoint_of(path: str) -> str:
    for prefix in API_PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return prefix
    return "webapp"


class OperationLabels:
    """Operation names as metric labels, at most `MAX_OPERATION_NAMES` of them."""

    def __init__(self, limit: int = MAX_OPERATION_NAMES) -> None:
        self.limit = limit
        self.known: set[str] = set()

    def label(self, record: RequestRecord) -> str:
        if record.outcome is None:
            return NO_OPERATION
        name = record.operation or ""
        if not name:
            return ANONYMOUS
        if name in self.known:
            return name
        if len(self.known) < self.limit and _OPERATION_NAME.match(name):
            self.known.add(name)
            return name
        return "other"


class RequestTelemetry:
    """ASGI middleware, outermost, so it sees every answer as the client gets it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.operations = OperationLabels()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record, token = request_context.begin()
        started = time.perf_counter()
        endpoint = endpoint_of(scope["path"])
        status = 500  # unless an answer starts
        bytes_in = FILE_BYTES.labels(direction="in") if endpoint == UPLOADS else None
        bytes_out = FILE_BYTES.labels(direction="out") if endpoint == FILES else None

        async def observed_receive() -> Message:
            message = await receive()
            if bytes_in is not None and message["type"] == "http.request":
                bytes_in.inc(len(message.get("body", b"")))
            return message

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, record.id)
            elif bytes_out is not None and message["type"] == "http.response.body":
                bytes_out.inc(len(message.get("body", b"")))
            await send(message)

        uploading = endpoint == UPLOADS and scope["method"] in UPLOAD_METHODS
        if uploading:
            UPLOADS_IN_PROGRESS.inc()
        try:
            await self.app(scope, observed_receive, observed_send)
        finally:
            if uploading:
                UPLOADS_IN_PROGRESS.dec()
            self._observe(scope, record, endpoint, status, time.perf_counter() - started)
            request_context.end(token)

    def _observe(
        self, scope: Scope, record: RequestRecord, endpoint: str, status: int, seconds: float
    ) -> None:
        method = scope["method"] if scope["method"] in KNOWN_METHODS else "other"
        operation = ""
        if endpoint == GRAPHQL:
            operation = self.operations.label(record)
            outcome = record.outcome or "none"
            GRAPHQL_REQUESTS.labels(operation=operation, outcome=outcome, status=status).inc()
        HTTP_REQUESTS.labels(endpoint=endpoint, method=method, status=status).inc()
        HTTP_DURATION.labels(endpoint=endpoint, operation=operation).observe(seconds)
        if not log.isEnabledFor(logging.INFO):
            return
        milliseconds = round(seconds * 1000, 1)
        fields: dict[str, object] = {
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "duration_ms": milliseconds,
        }
        if endpoint == GRAPHQL:
            fields["operation"] = record.operation if record.outcome else None
            fields["outcome"] = record.outcome
        named = f" {fields['operation'] or ANONYMOUS}" if record.outcome else ""
        log.info(
            "%s %s %d %.1f ms%s",
            scope["method"],
            scope["path"],
            status,
            milliseconds,
            named,
            extra={"fields": fields},
        )
