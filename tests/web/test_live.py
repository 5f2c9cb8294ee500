"""Live cards over graphql-transport-ws on /graphql (SPEC section 13), against the real
server on SQLite or PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests import story
from tests.conftest import Service, ServiceFactory
from tests.live_client import EVENTS, FOLLOW, LiveClient, listening, live


async def _event(client: LiveClient, operation_id: str = "events") -> dict[str, Any]:
    message = await client.receive()
    assert message["type"] == "next" and message["id"] == operation_id, message
    return message["payload"]["data"]["datasetEvents"]


async def test_a_share_is_added_for_the_recipient_and_nobody_else(service: Service) -> None:
    ada, bob, eve = await story.people(service, "ada", "bob", "eve")
    first = await story.create_dataset(service, ada, "Kidney run", "MSI")
    second = await story.create_dataset(service, ada, "Liver run", "MSI")
    async with live(service, bob.token) as bob_live, live(service, eve.token) as eve_live:
        await listening(bob_live)
        await listening(eve_live)

        await story.share(service, ada, first, [bob.email])
        added = await _event(bob_live)
        assert (added["kind"], added["datasetId"]) == ("ADDED", first)
        assert added["dataset"]["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]

        # Eve's first event is the one share that concerns her: nothing came before it.
        await story.share(service, ada, second, [eve.email])
        seen = await _event(eve_live)
        assert (seen["kind"], seen["datasetId"]) == ("ADDED", second)


async def test_revoking_removes_the_card_and_completes_the_dataset_stream(
    service: Service,
) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    grant = (await story.share(service, ada, dataset, [bob.email]))["grants"][0]["id"]
    async with live(service, bob.token) as bob_live:
        await bob_live.subscribe("follow", FOLLOW, {"id": dataset})
        first = await bob_live.receive()
        assert first["payload"]["data"]["dataset"]["name"] == "Kidney run"
        await listening(bob_live)

        await story.gql(
            service,
            "mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) { errors { code } } }",
            {"i": {"id": dataset, "name": "Kidney run 2"}},
            token=ada.token,
        )
        got = {m["id"]: m for m in [await bob_live.receive(), await bob_live.receive()]}
        assert got["follow"]["payload"]["data"]["dataset"]["name"] == "Kidney run 2"
        changed = got["events"]["payload"]["data"]["datasetEvents"]
        assert (changed["kind"], changed["dataset"]["name"]) == ("CHANGED", "Kidney run 2")

        await story.revoke(service, ada, grant)
        messages = [await bob_live.receive() for _ in range(3)]
        follow = [m for m in messages if m["id"] == "follow"]
        assert follow == [
            {"id": "follow", "type": "next", "payload": {"data": {"dataset": None}}},
            {"id": "follow", "type": "complete"},
        ]
        (removed,) = [
            m["payload"]["data"]["datasetEvents"] for m in messages if m["id"] == "events"
        ]
        assert (removed["kind"], removed["datasetId"], removed["dataset"]) == (
            "REMOVED",
            dataset,
            None,
        )


async def test_a_public_dataset_is_followed_but_not_announced(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    public = await story.create_dataset(service, ada, "Atlas", "MSI")
    await story.set_public(service, ada, public, True)
    mine = await story.create_dataset(service, bob, "Bob's own", "MSI")
    async with live(service, bob.token) as bob_live:
        await bob_live.subscribe("follow", FOLLOW, {"id": public})
        assert (await bob_live.receive())["payload"]["data"]["dataset"]["name"] == "Atlas"
        await listening(bob_live)
        await story.set_public(service, ada, public, False)
        assert await bob_live.receive() == {
            "id": "follow",
            "type": "next",
            "payload": {"data": {"dataset": None}},
        }
        assert await bob_live.receive() == {"id": "follow", "type": "complete"}
        # The public dataset never reached Bob's events, up to his own deletion (the
        # creation of his own may still be on its way from PostgreSQL: it may come first).
        await story.delete_dataset(service, bob, mine)
        seen = [await _event(bob_live)]
        while (seen[-1]["kind"], seen[-1]["datasetId"]) != ("REMOVED", mine):
            seen.append(await _event(bob_live))
        assert {event["datasetId"] for event in seen} == {mine}


async def test_logging_out_closes_the_sessions_connections(service: Service) -> None:
    (bob,) = await story.people(service, "bob")
    async with live(service, bob.token) as bob_live:
        await listening(bob_live)
        await story.gql(service, "mutation { logOut { errors { code } } }", token=bob.token)
        assert await bob_live.closed() == 4401


async def test_at_most_20_operations_per_connection(service: Service) -> None:
    (bob,) = await story.people(service, "bob")
    async with live(service, bob.token) as bob_live:
        for number in range(20):
            await bob_live.subscribe(f"op{number}", EVENTS)
        await bob_live.subscribe("op20", EVENTS)
        refused = await bob_live.receive()
        assert refused["id"] == "op20" and refused["type"] == "error", refused


async def test_a_connection_without_init_is_closed(start_service: ServiceFactory) -> None:
    service = await start_service(LIVE_INIT_TIMEOUT_SECONDS="0.2")
    async with live(service, initialise=False) as client:
        assert await client.closed() == 4408


async def test_a_cookie_rides_only_from_the_apps_own_origin(service: Service) -> None:
    (bob,) = await story.people(service, "bob")
    cookie = {"Cookie": f"datashare_session={bob.token}"}
    foreign = {**cookie, "Origin": "https://evil.example"}
    async with live(service, headers=foreign, initialise=False) as client:
        await client.send({"type": "connection_init", "payload": {}})
        assert await client.closed() == 4403
    own = {**cookie, "Origin": service.base_url}
    async with live(service, headers=own) as client:
        await listening(client)  # signed in: datasetEvents needs a viewer


async def test_events_need_a_session(service: Service) -> None:
    async with live(service) as client:
        await client.subscribe("events", EVENTS)
        refused = await client.receive()
        assert refused["type"] in ("error", "next"), refused
        errors = refused["payload"] if refused["type"] == "error" else refused["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
