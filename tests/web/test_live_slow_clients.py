"""A live client that stops reading is dropped, never buffered without bound, and the
others keep receiving (SPEC section 13: "a slow client never blocks others"). Over real
sockets: the slow client's receive buffer is small and it reads nothing while the changes
come."""

from __future__ import annotations

import asyncio
import json
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from services.live import TOO_SLOW
from tests import story
from tests.conftest import Service, ServiceFactory
from tests.live_client import DEADLINE, LiveClient, listening, live

QUEUE = 4
CHANGES = 60
# Each event of the slow client's stream carries the description many times over.
COPIES = 12
HEAVY = (
    "subscription($id: ID!) { dataset(id: $id) { id name "
    + " ".join(f"d{n}: description" for n in range(COPIES))
    + " } }"
)


@asynccontextmanager
async def stalled(service: Service, token: str) -> AsyncIterator[ClientConnection]:
    """A client whose socket takes little and which queues at most one message unread."""
    address = urlsplit(service.base_url)
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.setblocking(False)
    raw.connect_ex((address.hostname, address.port))
    async with connect(
        service.base_url.replace("http://", "ws://") + "/graphql",
        sock=raw,
        subprotocols=[Subprotocol("graphql-transport-ws")],
        max_queue=1,
        compression=None,
        max_size=None,
        ping_interval=None,
    ) as socket_client:
        client = LiveClient(socket_client)
        ack = await client.init({"authorization": f"Bearer {token}"})
        assert ack["type"] == "connection_ack", ack
        yield socket_client


async def rename(service: Service, owner: story.Person, dataset_id: str, number: int) -> None:
    body = await story.gql(
        service,
        "mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) { errors { code } } }",
        {"i": {"id": dataset_id, "name": f"Kidney run {number}"}},
        token=owner.token,
    )
    assert body["data"]["updateDataset"]["errors"] == []


async def drained(socket_client: ClientConnection) -> tuple[list[Any], int | None]:
    """Read whatever was sent until the server closes: the messages and the close code."""
    messages: list[Any] = []
    try:
        async with asyncio.timeout(DEADLINE):
            while True:
                messages.append(json.loads(await socket_client.recv()))
    except ConnectionClosed:
        pass
    return messages, socket_client.close_code


async def test_a_client_that_stops_reading_is_dropped_and_others_keep_up(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(LIVE_QUEUE_SIZE=str(QUEUE))
    ada, bob = await story.people(service, "ada", "bob")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    await story.share(service, ada, dataset, [bob.email])
    body = await story.gql(
        service,
        "mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) { errors { code } } }",
        {"i": {"id": dataset, "description": secrets.token_hex(5_000)}},
        token=ada.token,
    )
    assert body["data"]["updateDataset"]["errors"] == []
    async with stalled(service, bob.token) as slow, live(service, ada.token) as quick:
        await slow.send(
            json.dumps(
                {
                    "id": "heavy",
                    "type": "subscribe",
                    "payload": {"query": HEAVY, "variables": {"id": dataset}},
                }
            )
        )
        await listening(quick)
        # Bob's client reads nothing from here on; Ada's reads every change at once.
        for number in range(CHANGES):
            await rename(service, ada, dataset, number)
            message = await quick.receive()
            event = message["payload"]["data"]["datasetEvents"]
            assert event["dataset"]["name"] == f"Kidney run {number}"

        messages, code = await drained(slow)
    # Closed as too slow, once Bob read what the sockets held: the stream's first answer
    # and some of the changes, never all of them.
    assert code == TOO_SLOW
    assert 1 <= len(messages) < 1 + CHANGES, len(messages)
    assert all(m["id"] == "heavy" and m["type"] == "next" for m in messages)
