"""Events after commit (services/events.py, services/live.py): a rolled-back change
announces nothing, a password reset closes the user's connections, an accepted invitation
is ADDED, and on PostgreSQL an event crosses serve processes and survives a dropped
listening connection."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from models import Dataset
from services import events, ids
from services.live_listener import APPLICATION_NAME
from tests import databases, story
from tests.conftest import Service, ServiceFactory
from tests.live_client import DEADLINE, listening, live
from tests.schema.test_accounts import request_reset, reset, reset_token

postgres_only = pytest.mark.skipif(
    databases.backend() != "postgres", reason="several serve processes need PostgreSQL"
)


def _pk(global_id: str) -> int:
    pk = ids.decode_pk(global_id, "Dataset")
    assert pk is not None
    return pk


async def _first_event(client: object) -> dict[str, object]:
    message = await client.receive()  # type: ignore[attr-defined]
    assert message["type"] == "next", message
    return message["payload"]["data"]["datasetEvents"]  # type: ignore[no-any-return]


async def test_a_rolled_back_change_announces_nothing(service: Service) -> None:
    (bob,) = await story.people(service, "bob")
    kept = await story.create_dataset(service, bob, "Kept", "MSI")
    other = await story.create_dataset(service, bob, "Other", "MSI")
    async with live(service, bob.token) as bob_live:
        await listening(bob_live)
        with pytest.raises(RuntimeError):
            async with in_transaction() as conn:
                await Dataset.filter(id=_pk(kept)).using_db(conn).update(name="Never")
                await events.publish(conn, _pk(kept))
                raise RuntimeError("the change fails after announcing")
        await story.gql(
            service,
            "mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) { errors { code } } }",
            {"i": {"id": other, "name": "Renamed"}},
            token=bob.token,
        )
        event = await _first_event(bob_live)
        assert (event["kind"], event["datasetId"]) == ("CHANGED", other)


async def test_a_password_reset_closes_the_users_connections(service: Service) -> None:
    (bob,) = await story.people(service, "bob")
    async with live(service, bob.token) as bob_live:
        await listening(bob_live)
        await request_reset(service, bob.email)
        assert (await reset(service, await reset_token(service, bob.email)))["errors"] == []
        assert await bob_live.closed() == 4401


async def test_an_invitation_accepted_on_confirmation_is_added(service: Service) -> None:
    (ada,) = await story.people(service, "ada")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    await story.share(service, ada, dataset, ["newcomer@lab.example"])
    async with live(service, ada.token) as ada_live:
        await listening(ada_live)
        newcomer = await story.signed_up(service, "newcomer@lab.example")
        # The owner's card changed: the pending grant became an accepted one.
        changed = await _first_event(ada_live)
        assert (changed["kind"], changed["datasetId"]) == ("CHANGED", dataset)
    card = await story.card(service, newcomer, dataset)
    assert card["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]


@postgres_only
async def test_an_event_crosses_serve_processes(start_service: ServiceFactory) -> None:
    first, second = await start_service(), await start_service()
    ada, bob = await story.people(first, "ada", "bob")
    dataset = await story.create_dataset(first, ada, "Kidney run", "MSI")
    async with live(second, bob.token) as bob_live:
        await listening(bob_live)
        await story.share(first, ada, dataset, [bob.email])
        added = await _first_event(bob_live)
        assert (added["kind"], added["datasetId"]) == ("ADDED", dataset)


async def _listeners() -> int:
    rows = await connections.get("default").execute_query_dict(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1",
        [APPLICATION_NAME],
    )
    return int(rows[0]["n"])


@postgres_only
async def test_the_listener_reconnects_and_subscribers_refetch(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    seen = await story.create_dataset(service, bob, "Bob's own", "MSI")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    async with live(service, bob.token) as bob_live:
        await listening(bob_live)
        await connections.get("default").execute_query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            [APPLICATION_NAME],
        )
        # After the reconnect every subscriber refetches what it sees.
        refetched = await _first_event(bob_live)
        assert (refetched["kind"], refetched["datasetId"]) == ("CHANGED", seen)
        async with asyncio.timeout(DEADLINE):
            while await _listeners() < 1:  # noqa: ASYNC110 (another process's state)
                await asyncio.sleep(0.05)
        await story.share(service, ada, dataset, [bob.email])
        added = await _first_event(bob_live)
        assert (added["kind"], added["datasetId"]) == ("ADDED", dataset)
