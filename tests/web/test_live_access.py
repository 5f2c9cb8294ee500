"""Live cards follow access as it changes without a request (SPEC sections 11, 13, 14):
a grant reaching its end, team memberships, reviewer links. Over real WebSockets, on
SQLite and PostgreSQL; expiries are short and waited for with a deadline, never slept
through."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from tests import story
from tests.conftest import Service, ServiceFactory
from tests.live_client import DEADLINE, FOLLOW, LiveClient, listening, live

# Long enough for the subscriptions to start first, even on a busy machine.
SHORT = timedelta(seconds=3)


def soon() -> str:
    return (datetime.now(UTC) + SHORT).isoformat()


def later(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def receive_until(
    client: LiveClient, wanted: int, timeout: float = DEADLINE + SHORT.total_seconds()
) -> list[dict[str, Any]]:
    """The next `wanted` messages, whatever their operation."""
    return [await client.receive(timeout) for _ in range(wanted)]


def events_of(messages: list[dict[str, Any]], operation_id: str = "events") -> list[Any]:
    return [
        (
            m["payload"]["data"]["datasetEvents"]["kind"],
            m["payload"]["data"]["datasetEvents"]["datasetId"],
        )
        for m in messages
        if m["id"] == operation_id and m["type"] == "next"
    ]


def ended(messages: list[dict[str, Any]], operation_id: str = "follow") -> bool:
    """The `dataset(id)` stream sent null and completed."""
    mine = [m for m in messages if m["id"] == operation_id]
    return mine == [
        {"id": operation_id, "type": "next", "payload": {"data": {"dataset": None}}},
        {"id": operation_id, "type": "complete"},
    ]


async def follow(client: LiveClient, dataset_id: str, operation_id: str = "follow") -> Any:
    await client.subscribe(operation_id, FOLLOW, {"id": dataset_id})
    first = await client.receive()
    assert first["id"] == operation_id and first["type"] == "next", first
    return first["payload"]["data"]["dataset"]


async def sync(client: LiveClient, person: story.Person, service: Service) -> None:
    """A marker: the viewer's own new dataset is ADDED; everything before it has arrived."""
    marker = await story.create_dataset(service, person, "Marker", "MSI")
    messages = await receive_until(client, 1)
    assert events_of(messages) == [("ADDED", marker)], messages
    await story.delete_dataset(service, person, marker)
    assert events_of(await receive_until(client, 1)) == [("REMOVED", marker)]


async def test_an_ending_grant_ends_access_at_its_instant_in_every_process(
    start_service: ServiceFactory,
) -> None:
    first, second = await start_service(), await start_service()
    ada, bob = await story.people(first, "ada", "bob")
    dataset = await story.create_dataset(first, ada, "Kidney run", "MSI")
    grant = (await story.share(first, ada, dataset, [bob.email], expiresAt=soon()))["grants"][0]
    async with live(second, bob.token) as bob_live, live(second, ada.token) as ada_live:
        assert (await follow(bob_live, dataset))["name"] == "Kidney run"
        await listening(bob_live)
        await listening(ada_live)

        # Nobody asks: the process that serves Bob notices the end by itself.
        messages = await receive_until(bob_live, 3)
        assert ended(messages)
        assert events_of(messages) == [("REMOVED", dataset)]
        # The owner's card lost AVAILABLE (an expired grant does not count).
        owner = (await receive_until(ada_live, 1))[0]
        assert owner["payload"]["data"]["datasetEvents"]["dataset"]["badges"] == [
            "OWNER",
            "PRIVATE",
        ]

        # Extended on the other process: ADDED again for Bob, CHANGED for Ada.
        extended = await story.update_grant(first, ada, grant["id"], expiresAt=later(days=2))
        assert extended["errors"] == []
        assert events_of(await receive_until(bob_live, 1)) == [("ADDED", dataset)]
        assert events_of(await receive_until(ada_live, 1)) == [("CHANGED", dataset)]


async def test_an_extended_grant_is_not_ended_at_its_old_end(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    old_end = datetime.now(UTC) + timedelta(seconds=2)
    grant = (await story.share(service, ada, dataset, [bob.email], expiresAt=old_end.isoformat()))[
        "grants"
    ][0]
    async with live(service, bob.token) as bob_live:
        await follow(bob_live, dataset)
        await listening(bob_live)
        # A re-share with a later end moves it (the sharer may: they own it).
        again = await story.share(service, ada, dataset, [bob.email], expiresAt=later(days=1))
        assert again["errors"] == []
        messages = await receive_until(bob_live, 2)
        assert sorted(m["id"] for m in messages) == ["events", "follow"]
        assert events_of(messages) == [("CHANGED", dataset)]
        # Past the old end, the grant still gives access: the next events are the marker's.
        # (Here the clock itself is under test: wait until the old end has passed.)
        await asyncio.sleep(max((old_end - datetime.now(UTC)).total_seconds() + 0.2, 0))
        await sync(bob_live, bob, service)
    assert (await story.card(service, bob, dataset))["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]
    assert grant["expired"] is False


async def test_a_team_grant_ending_removes_it_from_members_who_hold_nothing_else(
    service: Service,
) -> None:
    ada, bob, carol = await story.people(service, "ada", "bob", "carol")
    team = await story.create_team(service, ada, "Lab", bob.email, carol.email)
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    await story.share(service, ada, dataset, [carol.email])
    shared = await story.share_with_teams(service, ada, dataset, [team], expiresAt=soon())
    assert shared["errors"] == []
    async with live(service, bob.token) as bob_live, live(service, carol.token) as carol_live:
        await follow(bob_live, dataset)
        await listening(bob_live)
        await follow(carol_live, dataset)
        await listening(carol_live)

        messages = await receive_until(bob_live, 3)
        assert ended(messages) and events_of(messages) == [("REMOVED", dataset)]
        # Carol keeps it through her own grant: a changed card, never REMOVED.
        messages = await receive_until(carol_live, 2)
        assert [m["type"] for m in messages] == ["next", "next"]
        assert events_of(messages) == [("CHANGED", dataset)]

        # Shared with the team again with a later end: back for Bob.
        again = await story.share_with_teams(service, ada, dataset, [team], expiresAt=later(days=1))
        assert again["errors"] == []
        assert events_of(await receive_until(bob_live, 1)) == [("ADDED", dataset)]


async def test_renaming_a_team_changes_the_cards_that_name_it(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    team = await story.create_team(service, ada, "Lab", bob.email)
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    assert (await story.share_with_teams(service, ada, dataset, [team]))["errors"] == []
    rows = "subscription($id: ID!) { dataset(id: $id) { access { entries { team { name } } } } }"
    async with live(service, ada.token) as ada_live:
        await ada_live.subscribe("rows", rows, {"id": dataset})
        first = await ada_live.receive()
        entries = first["payload"]["data"]["dataset"]["access"]["entries"]
        assert [e["team"] for e in entries] == [None, {"name": "Lab"}]
        renamed = await story.team_mutation(
            service, ada, "updateTeam", "UpdateTeamInput", {"id": team, "name": "Kidney lab"}
        )
        assert renamed["errors"] == []
        entries = (await ada_live.receive())["payload"]["data"]["dataset"]["access"]["entries"]
        assert [e["team"] for e in entries] == [None, {"name": "Kidney lab"}]


async def test_team_membership_changes_add_and_remove_cards(service: Service) -> None:
    ada, bob, carol = await story.people(service, "ada", "bob", "carol")
    team = await story.create_team(service, ada, "Lab")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    own = await story.create_dataset(service, ada, "Liver run", "MSI")
    assert (await story.share_with_teams(service, ada, dataset, [team]))["errors"] == []
    await story.share(service, ada, own, [carol.email])
    async with live(service, bob.token) as bob_live, live(service, carol.token) as carol_live:
        await listening(bob_live)
        await listening(carol_live)

        # Joining shows the team's datasets to the newcomers, and only to them.
        assert (
            await story.add_members(service, ada, team, [bob.email, carol.email], notify=False)
        )["errors"] == []
        assert events_of(await receive_until(bob_live, 1)) == [("ADDED", dataset)]
        assert events_of(await receive_until(carol_live, 1)) == [("ADDED", dataset)]

        # Removed by a manager: REMOVED, and the dataset stream completes.
        await follow(bob_live, dataset)
        assert (await story.remove_member(service, ada, team, bob.email))["errors"] == []
        messages = await receive_until(bob_live, 3)
        assert ended(messages) and events_of(messages) == [("REMOVED", dataset)]
        # Carol's cards did not change: her next event is her own marker.
        await sync(carol_live, carol, service)

        # Leaving is the same.
        await follow(carol_live, dataset)
        assert (await story.remove_member(service, carol, team, carol.email))["team"] is None
        messages = await receive_until(carol_live, 3)
        assert ended(messages) and events_of(messages) == [("REMOVED", dataset)]
        await sync(bob_live, bob, service)


async def test_deleting_a_team_removes_its_datasets_from_members(service: Service) -> None:
    ada, bob, carol = await story.people(service, "ada", "bob", "carol")
    team = await story.create_team(service, ada, "Lab", bob.email, carol.email)
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    assert (await story.share_with_teams(service, ada, dataset, [team]))["errors"] == []
    await story.share(service, ada, dataset, [carol.email])
    async with (
        live(service, ada.token) as ada_live,
        live(service, bob.token) as bob_live,
        live(service, carol.token) as carol_live,
    ):
        for client in (ada_live, bob_live, carol_live):
            await listening(client)
        await follow(bob_live, dataset)
        deleted = await story.gql(
            service,
            "mutation($i: DeleteTeamInput!) "
            "{ deleteTeam(input: $i) { deletedId errors { code } } }",
            {"i": {"id": team}},
            token=ada.token,
        )
        assert deleted["data"]["deleteTeam"]["errors"] == []
        messages = await receive_until(bob_live, 3)
        assert ended(messages) and events_of(messages) == [("REMOVED", dataset)]
        # Carol keeps her own grant; the owner's access list lost the team's row.
        assert events_of(await receive_until(carol_live, 1)) == [("CHANGED", dataset)]
        assert events_of(await receive_until(ada_live, 1)) == [("CHANGED", dataset)]


async def test_a_pending_member_confirming_is_added(service: Service) -> None:
    (ada,) = await story.people(service, "ada")
    team = await story.create_team(service, ada, "Lab", "dora@lab.example")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    assert (await story.share_with_teams(service, ada, dataset, [team]))["errors"] == []
    async with live(service, ada.token) as ada_live:
        await listening(ada_live)
        dora = await story.signed_up(service, "dora@lab.example")
        # Only Dora's access changed: the owner is not told about it.
        await sync(ada_live, ada, service)
    async with live(service, dora.token) as dora_live:
        assert (await follow(dora_live, dataset))["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]


async def test_reviewer_links_change_the_owners_card_only(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    await story.share(service, ada, dataset, [bob.email], canShare=True)
    links = "subscription($id: ID!) { dataset(id: $id) { id shareLinks { label active } } }"
    async with live(service, ada.token) as ada_live, live(service, bob.token) as bob_live:
        await ada_live.subscribe("links", links, {"id": dataset})
        assert (await ada_live.receive())["payload"]["data"]["dataset"]["shareLinks"] == []
        await listening(bob_live)
        made = await story.create_link(service, ada, dataset, label="Reviewer 2")
        assert made["errors"] == []
        shown = (await ada_live.receive())["payload"]["data"]["dataset"]["shareLinks"]
        assert shown == [{"label": "Reviewer 2", "active": True}]
        assert (await story.revoke_link(service, ada, made["shareLink"]["id"]))["errors"] == []
        shown = (await ada_live.receive())["payload"]["data"]["dataset"]["shareLinks"]
        assert shown == [{"label": "Reviewer 2", "active": False}]
        # Bob sees no links: nothing reached him.
        await sync(bob_live, bob, service)


async def test_a_link_reaching_its_end_changes_the_owners_card_only(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    dataset = await story.create_dataset(service, ada, "Kidney run", "MSI")
    await story.share(service, ada, dataset, [bob.email], canShare=True)
    made = await story.create_link(service, ada, dataset, label="Reviewer 2", expiresAt=soon())
    assert made["errors"] == []
    links = "subscription($id: ID!) { dataset(id: $id) { id shareLinks { label active } } }"
    async with live(service, ada.token) as ada_live, live(service, bob.token) as bob_live:
        await ada_live.subscribe("links", links, {"id": dataset})
        shown = (await ada_live.receive())["payload"]["data"]["dataset"]["shareLinks"]
        assert shown == [{"label": "Reviewer 2", "active": True}]
        await listening(ada_live)
        assert (await follow(bob_live, dataset))["name"] == "Kidney run"
        await listening(bob_live)

        # Nobody asks: the owner's card changes at the link's end, on both her streams.
        messages = await receive_until(ada_live, 2)
        assert sorted(m["id"] for m in messages) == ["events", "links"]
        assert events_of(messages) == [("CHANGED", dataset)]
        (changed,) = [m for m in messages if m["id"] == "links"]
        shown = changed["payload"]["data"]["dataset"]["shareLinks"]
        assert shown == [{"label": "Reviewer 2", "active": False}]
        await sync(ada_live, ada, service)
        # Bob sees no links and his card did not change: nothing reached him.
        await sync(bob_live, bob, service)
