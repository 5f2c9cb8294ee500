"""A graphql-transport-ws client over a real WebSocket (the `websockets` package)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from tests.conftest import Service

# Generous: a test waits this long for what must come "within a second".
DEADLINE = 5.0

EVENTS = "subscription { datasetEvents { kind datasetId at dataset { id name badges } } }"
FOLLOW = "subscription($id: ID!) { dataset(id: $id) { id name badges } }"


class LiveClient:
    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket

    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(
        self, operation_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        await self.send(
            {
                "id": operation_id,
                "type": "subscribe",
                "payload": {"query": query, "variables": variables or {}},
            }
        )

    async def receive(self, timeout: float = DEADLINE) -> dict[str, Any]:
        """The next message, skipping pings; fails when none comes before the deadline."""
        while True:
            message: dict[str, Any] = json.loads(
                await asyncio.wait_for(self.socket.recv(), timeout)
            )
            if message["type"] == "ping":
                await self.send({"type": "pong"})
                continue
            return message

    async def closed(self, timeout: float = DEADLINE) -> int | None:
        """The close code, once the server has closed the connection."""
        with contextlib.suppress(ConnectionClosed):
            async with asyncio.timeout(timeout):
                while True:
                    await self.socket.recv()
        return self.socket.close_code


@contextlib.asynccontextmanager
async def live(
    service: Service,
    token: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    initialise: bool = True,
) -> AsyncIterator[LiveClient]:
    """A connection to `/graphql`, `connection_init`-ed with `token` unless told not to."""
    url = service.base_url.replace("http://", "ws://") + "/graphql"
    async with connect(
        url,
        subprotocols=[Subprotocol("graphql-transport-ws")],
        additional_headers=headers or {},
    ) as socket:
        client = LiveClient(socket)
        if initialise:
            payload = {"authorization": f"Bearer {token}"} if token else {}
            ack = await client.init(payload)
            assert ack["type"] == "connection_ack", ack
        yield client


async def listening(client: LiveClient, operation_id: str = "events") -> None:
    """Subscribe to `datasetEvents` and return once the server has registered it: the
    answer to a later operation on the same connection (a `dataset` of no dataset, null at
    once) comes after the earlier one has started."""
    await client.subscribe(operation_id, EVENTS)
    await client.subscribe("sync", FOLLOW, {"id": "no-such-dataset"})
    assert await client.receive() == {
        "id": "sync",
        "type": "next",
        "payload": {"data": {"dataset": None}},
    }
    assert await client.receive() == {"id": "sync", "type": "complete"}
