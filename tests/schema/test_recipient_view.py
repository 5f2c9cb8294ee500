"""The recipient's side of a share (SPEC section 9): their own grant, when it came, leaving."""

from __future__ import annotations

from typing import Any

from models import Dataset, ShareGrant, User
from tests.conftest import Service
from tests.sql_counter import count_statements
from tests.story import Person, create_dataset, gql, people, revoke, set_public, share, signed_up

VIEWER_GRANT = """query($id: ID!) { dataset(id: $id) {
  sharedAt viewerGrant { id canShare canModify message pending createdAt
    recipient { displayName } grantedBy { displayName } dataset { id } } } }"""


async def own_grant(service: Service, person: Person | None, dataset_id: str) -> Any:
    body = await gql(
        service, VIEWER_GRANT, {"id": dataset_id}, token=person.token if person else None
    )
    return body["data"]["dataset"]


async def test_a_recipient_sees_their_own_grant_and_leaves_with_it(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    shared = await share(
        service, alice, image, ["bob@lab.example"], message="Look", canModify=True, notify=False
    )
    grant = shared["grants"][0]

    seen = await own_grant(service, bob, image)
    assert seen["viewerGrant"]["id"] == grant["id"]
    assert seen["viewerGrant"]["canModify"] is True and seen["viewerGrant"]["canShare"] is False
    assert seen["viewerGrant"]["message"] == "Look" and seen["viewerGrant"]["pending"] is False
    assert seen["viewerGrant"]["recipient"] == {"displayName": "bob"}
    assert seen["viewerGrant"]["grantedBy"] == {"displayName": "alice"}
    assert seen["viewerGrant"]["dataset"] == {"id": image}
    assert seen["sharedAt"] == seen["viewerGrant"]["createdAt"]

    # Without canShare the access list is closed to Bob, yet he can leave.
    left = await revoke(service, bob, seen["viewerGrant"]["id"])
    assert left["errors"] == [] and left["revokedGrantIds"] == [grant["id"]]
    assert left["dataset"] is None
    body = await gql(service, VIEWER_GRANT, {"id": image}, token=bob.token)
    assert body["data"]["dataset"] is None


async def test_no_own_grant_for_the_owner_public_viewers_and_pending_invitations(
    service: Service,
) -> None:
    alice, dave = await people(service, "alice", "dave")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, image, ["dave@lab.example", "carol@lab.example"], notify=False)
    await set_public(service, alice, image, True)
    nothing = {"sharedAt": None, "viewerGrant": None}
    assert await own_grant(service, alice, image) == nothing
    assert await own_grant(service, None, image) == nothing
    # Carol's pending invitation gives her nothing of her own once she is a public viewer.
    carol = await signed_up(service, "carol2@lab.example")
    assert await own_grant(service, carol, image) == nothing
    assert (await own_grant(service, dave, image))["viewerGrant"] is not None


async def test_own_grants_cost_no_statement_of_their_own(service: Service) -> None:
    await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    alice_pk = (await User.get(email="alice@lab.example")).id
    bob_pk = (await User.get(email="bob@lab.example")).id
    await Dataset.bulk_create(
        [Dataset(owner_id=alice_pk, name=f"d{i}", kind="IMAGE") for i in range(40)]
    )
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=pk,
                recipient_email="bob@lab.example",
                recipient_id=bob_pk,
                granted_by_id=alice_pk,
            )
            for pk in await Dataset.all().values_list("id", flat=True)
        ]
    )
    listing = """query($first: Int) { datasets(scope: SHARED_WITH_ME, first: $first) {
      edges { node { id %s } } } }"""
    with_grants = listing % "sharedAt viewerGrant { id canShare message createdAt updatedAt }"

    async def statements(query: str, first: int) -> int:
        with count_statements() as seen:
            body = await gql(service, query, {"first": first}, token=bob.token)
        assert len(body["data"]["datasets"]["edges"]) == first
        return len(seen)

    plain = await statements(listing % "", 5)
    assert await statements(with_grants, 5) == plain
    assert await statements(with_grants, 40) == plain


SHARED = """query($scope: DatasetScope, $first: Int, $after: String) {
  datasets(scope: $scope, first: $first, after: $after) {
    edges { cursor node { name sharedAt } } pageInfo { hasNextPage endCursor } } }"""


async def page(service: Service, person: Person, **arguments: Any) -> Any:
    return (await gql(service, SHARED, arguments, token=person.token))["data"]["datasets"]


async def every_name(service: Service, person: Person, scope: str) -> list[str]:
    """Page one at a time through a scope, following each page's end cursor."""
    found: list[str] = []
    after = None
    while True:
        listed = await page(service, person, scope=scope, first=1, after=after)
        found += [edge["node"]["name"] for edge in listed["edges"]]
        if not listed["pageInfo"]["hasNextPage"]:
            return found
        after = listed["pageInfo"]["endCursor"]


async def test_shared_with_me_lists_newest_share_first(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    old, middle, new = [
        await create_dataset(service, alice, name, "MSI") for name in ("old", "middle", "new")
    ]
    for dataset in (new, old, middle):
        await share(service, alice, dataset, ["bob@lab.example"], notify=False)

    assert await every_name(service, bob, "SHARED_WITH_ME") == ["middle", "old", "new"]
    # Other scopes keep newest dataset first, their cursors too.
    assert await every_name(service, bob, "MINE") == ["new", "middle", "old"]
    assert await every_name(service, bob, "ALL") == ["new", "middle", "old"]
    shared = await page(service, bob, scope="SHARED_WITH_ME")
    times = [edge["node"]["sharedAt"] for edge in shared["edges"]]
    assert times == sorted(times, reverse=True)

    # Shares made at the same moment come newest dataset first (the dataset's id breaks
    # the tie: one grant per recipient and dataset, so it is unique in the list).
    same = (await ShareGrant.get(recipient_email="bob@lab.example", dataset__name="new")).created_at
    await ShareGrant.filter(recipient_email="bob@lab.example").update(created_at=same)
    assert await every_name(service, bob, "SHARED_WITH_ME") == ["new", "middle", "old"]


async def test_a_cursor_of_another_order_is_refused(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    for name in ("one", "two"):
        dataset = await create_dataset(service, alice, name, "MSI")
        await share(service, alice, dataset, ["bob@lab.example"], notify=False)
    by_share = (await page(service, bob, scope="SHARED_WITH_ME", first=1))["pageInfo"]
    by_dataset = (await page(service, bob, scope="MINE", first=1))["pageInfo"]

    async def refused(scope: str, after: str) -> None:
        response = await service.client.post(
            "/graphql",
            json={"query": SHARED, "variables": {"scope": scope, "after": after}},
            headers=bob.headers,
        )
        body = response.json()
        assert body["data"] is None
        assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "after"}

    await refused("SHARED_WITH_ME", by_dataset["endCursor"])
    await refused("SHARED_WITH_ME", "garbage")
    for scope in ("MINE", "OWNED", "PUBLIC", "ALL"):
        await refused(scope, by_share["endCursor"])
    # Each cursor still works in its own order.
    assert (await page(service, bob, scope="SHARED_WITH_ME", after=by_share["endCursor"]))["edges"][
        0
    ]["node"]["name"] == "one"
    assert (await page(service, bob, scope="ALL", after=by_dataset["endCursor"]))["edges"][0][
        "node"
    ]["name"] == "one"
