"""GraphQL over WebSocket on `/graphql`: the `graphql-transport-ws` protocol, served by
strawberry's own handler (SPEC section 13).

- The connection authenticates at `connection_init` (`web.auth.authenticate_websocket`);
  a session cookie from a foreign origin is refused with 4403.
- At most `LIVE_MAX_OPERATIONS` operations run at once on a connection; one that does not
  send `connection_init` within `LIVE_INIT_TIMEOUT_SECONDS` is closed (4408).
- The live hub knows each signed-in connection, so that logging out or a password reset
  closes it (4401) and a client too slow to read its events is dropped (1013).
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message
from strawberry.types.unset import UNSET, UnsetType

from resolvers.context import Context
from services.settings import Settings
from web.auth import WebSocketRefused, authenticate_websocket
from web.state import state_of


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's handler, quiet about a connection the live hub has dropped: what its
    operations still had to send is left unsent, not logged as an error."""

    async def send_message(self, message: Message) -> None:
        live = self.context.live
        if live is not None and live.closing:
            return
        try:
            await super().send_message(message)
        except Exception:
            if live is not None and live.closing:
                return
            raise


class GraphQLWebSocket(GraphQL[Context, None]):
    """The WebSocket side of `/graphql` (the HTTP side is `web.graphql_http`)."""

    graphql_transport_ws_handler_class = TransportWSHandler

    def __init__(self, schema: BaseSchema, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide=None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=settings.live_init_timeout_seconds),
            max_subscriptions_per_connection=settings.live_max_operations,
        )

    def is_websocket_origin_allowed(self, request: Any, origin: str) -> bool:
        # Any page may connect with a token; whether a cookie counts is decided at
        # `connection_init` (`authenticate_websocket`).
        return True

    async def get_context(self, request: Any, response: Any) -> Context:
        state = state_of(request)
        return Context(
            request=request, settings=state.settings, viewer=None, session=None, hub=state.hub
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        websocket = context.request
        assert isinstance(websocket, WebSocket)
        try:
            auth = await authenticate_websocket(websocket, context.connection_params or {})
        except WebSocketRefused:
            raise ConnectionRejectionError() from None
        context.viewer, context.session = auth.user, auth.session
        context.fresh_loaders()

        async def close(code: int, reason: str) -> None:
            # The client may have gone already: then there is nothing to close.
            with contextlib.suppress(WebSocketDisconnect, RuntimeError):
                if websocket.application_state is not WebSocketState.DISCONNECTED:
                    await websocket.close(code=code, reason=reason)

        assert context.hub is not None
        context.live = context.hub.connect(
            auth.user.id if auth.user else None, auth.session.id if auth.session else None, close
        )
        return UNSET

    async def run(  # type: ignore[override]
        self, request: Any, context: Any = UNSET, root_value: Any = UNSET
    ) -> Any:
        if not self.is_websocket_request(request):
            return await super().run(request, context, root_value)
        context = await self.get_context(request, request)
        try:
            return await super().run(request, context, root_value)
        finally:
            if context.live is not None and context.hub is not None:
                context.hub.disconnect(context.live)
