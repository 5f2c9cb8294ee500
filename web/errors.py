"""The one way an endpoint's unexpected error is answered: logged under a new id, and a
`500` carrying that id (never the message) in the shape of the endpoint that failed.

Errors inside a GraphQL operation are masked field by field by the schema
(`schema.protections`) with the same `log_unexpected`; this catches what escapes an
endpoint: the HTTP layer, authentication, the file endpoints.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.errors import INTERNAL_ERROR_MESSAGE, ErrorCode, log_unexpected

log = logging.getLogger("datashare.http")

GRAPHQL_PATH = "/graphql"


def error_body(path: str, error_id: str) -> dict[str, Any]:
    """GraphQL-over-HTTP's `errors` on `/graphql`; `{"error": …}` on the file endpoints."""
    code = ErrorCode.INTERNAL_SERVER_ERROR.value
    if path == GRAPHQL_PATH:
        return {
            "errors": [
                {
                    "message": INTERNAL_ERROR_MESSAGE,
                    "extensions": {"code": code, "errorId": error_id},
                }
            ]
        }
    return {"error": {"code": code, "message": INTERNAL_ERROR_MESSAGE, "errorId": error_id}}


class UnexpectedErrors:
    """ASGI middleware: an exception before the answer started becomes that `500`. One
    raised while a body streams can only be logged; the server then drops the connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as error:
            error_id = log_unexpected(log, f"serving {scope['method']} {scope['path']}", error)
            if started:
                raise
            response = JSONResponse(error_body(scope["path"], error_id), status_code=500)
            await response(scope, receive, send)
