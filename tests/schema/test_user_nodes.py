"""Users are not enumerable (SPEC section 9): `node(id:)` answers a user only to people who
meet them through data they may see; to anyone else it is the answer of a missing id."""

from __future__ import annotations

from typing import Any

from models import User
from services.ids import encode_id
from tests.conftest import Service
from tests.schema.test_annotations import annotate
from tests.story import (
    Person,
    add_members,
    create_dataset,
    create_team,
    people,
    remove_member,
    revoke,
    set_public,
    share,
    share_with_teams,
    sign_up,
    signed_up,
)

NODE = "query($id: ID!) { node(id: $id) { id ... on User { displayName } } }"


async def node(service: Service, viewer: Person | None, user_id: str) -> Any:
    """The whole answer, so that 'null' can be compared with a missing id's answer."""
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql",
        json={"query": NODE, "variables": {"id": user_id}},
        headers=viewer.headers if viewer else {},
    )
    assert response.status_code == 200
    return response.json()


async def sees(service: Service, viewer: Person | None, person: Person) -> bool:
    answer = await node(service, viewer, person.id)
    if answer["data"]["node"] is None:
        # Indistinguishable from an id that never existed.
        assert answer == await node(service, viewer, encode_id("User", 10**9))
        return False
    assert answer == {"data": {"node": {"id": person.id, "displayName": person.display_name}}}
    return True


async def test_a_user_is_their_own_node_and_nobody_else_s(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    await create_dataset(service, alice, "Private run", "MSI")
    assert await sees(service, alice, alice)
    assert not await sees(service, bob, alice)
    assert not await sees(service, None, alice)


async def test_the_owner_of_a_dataset_one_sees(service: Service) -> None:
    alice, bob, dave = await people(service, "alice", "bob", "dave")
    shared = await create_dataset(service, alice, "Shared", "MSI")
    grant = (await share(service, alice, shared, ["bob@lab.example"], notify=False))["grants"][0]
    assert await sees(service, bob, alice)
    assert not await sees(service, dave, alice)

    public = await create_dataset(service, dave, "Open", "MSI")
    await set_public(service, dave, public, True)
    assert await sees(service, None, dave) and await sees(service, bob, dave)

    # Gone with the access: leaving the dataset, or it being made private again.
    assert (await revoke(service, bob, grant["id"]))["errors"] == []
    assert not await sees(service, bob, alice)
    await set_public(service, dave, public, False)
    assert not await sees(service, None, dave) and not await sees(service, bob, dave)


async def test_people_in_an_access_list_one_may_see(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    await share(service, alice, image, ["carol@lab.example"], notify=False)
    # Bob may share, so the access list shows him Carol; Carol's shows her nothing.
    assert await sees(service, bob, carol)
    assert await sees(service, alice, bob) and await sees(service, alice, carol)
    assert not await sees(service, carol, bob)


async def test_the_granter_of_one_s_grant(service: Service) -> None:
    alice, bob, carol, dave = await people(service, "alice", "bob", "carol", "dave")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    to_bob = (await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False))[
        "grants"
    ][0]
    await share(service, bob, image, ["carol@lab.example"], notify=False)
    await share(service, alice, image, ["dave@lab.example"], notify=False)
    assert await sees(service, carol, bob)  # he made her grant
    assert not await sees(service, dave, bob)  # another recipient without canShare

    # Bob loses his access; his grant to Carol stays, and the access list still names him
    # as its granter: Alice still meets him there, Carol through her grant.
    assert (await revoke(service, alice, to_bob["id"]))["errors"] == []
    assert await sees(service, alice, bob) and await sees(service, carol, bob)
    assert not await sees(service, dave, bob)


async def test_the_author_of_an_annotation_one_sees(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canModify=True, notify=False)
    assert not await sees(service, None, bob)
    assert (await annotate(service, bob, image))["errors"] == []
    await share(service, alice, image, ["carol@lab.example"], notify=False)
    assert await sees(service, carol, bob)  # through his annotation only
    assert not await sees(service, None, bob)
    await set_public(service, alice, image, True)
    assert await sees(service, None, bob)  # anonymous visitors too


async def test_unconfirmed_accounts_are_nobody_s_node(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    assert (await sign_up(service, "eve@lab.example"))["errors"] == []
    eve_pk = (await User.get(email="eve@lab.example")).id
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, image, ["eve@lab.example"], notify=False)
    eve = Person("eve@lab.example", "eve", "", "", encode_id("User", eve_pk))
    assert not await sees(service, alice, eve)
    assert not await sees(service, None, eve)

    # An account that owns a public dataset but is not confirmed is no one's node either.
    public = await create_dataset(service, alice, "Open", "MSI")
    await set_public(service, alice, public, True)
    assert await sees(service, None, alice)
    await User.filter(email="alice@lab.example").update(email_verified_at=None)
    assert not await sees(service, None, alice)


async def test_team_members_meet_each_other_and_their_team_grants_granter(
    service: Service,
) -> None:
    alice, carol, dave, eve = await people(service, "alice", "carol", "dave", "eve")
    dataset = await create_dataset(service, alice, "Shared", "MSI")
    await share(service, alice, dataset, [carol.email], canShare=True, notify=False)
    team = await create_team(service, carol, "Lab")
    added = await add_members(service, carol, team, [dave.email], role="MANAGER", notify=False)
    assert added["errors"] == []
    # A team's members list shows its members: they meet.
    assert await sees(service, dave, carol) and await sees(service, carol, dave)
    assert not await sees(service, eve, carol)

    # Carol shares with the team and leaves it: she made the grant Dave holds.
    grant = (await share_with_teams(service, carol, dataset, [team]))["grants"][0]
    assert (await remove_member(service, carol, team, carol.email))["team"] is None
    assert await sees(service, dave, carol)
    assert not await sees(service, eve, carol)

    # Once that grant is gone, so is the acquaintance.
    assert (await revoke(service, alice, grant["id"]))["errors"] == []
    assert not await sees(service, dave, carol)
