"""One database connection per GraphQL request (`services.database.one_connection`).

The request's statements — the session lookup, the page, a mutation's transaction — run
on one pooled connection, taken at the first of them and returned as soon as the answer
starts, before its body is sent. Uploads and downloads are left out: their bodies can
take minutes, during which they run no statement.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services import database


class OneConnection:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async with database.one_connection() as held:

            async def releasing_send(message: Message) -> None:
                if message["type"] == "http.response.start":
                    await held.release()
                await send(message)

            await self.app(scope, receive, releasing_send)
