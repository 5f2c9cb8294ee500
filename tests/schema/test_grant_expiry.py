"""Grants that expire (SPEC section 11), over HTTP: the end asked for, the instant it passes,
extending, and no escalation in time.

Where the rule (not the clock) is under test, a grant's end is moved into the past in the
database; where the clock is, a short expiry is polled for, never slept through.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from models import OutboxMessage, ShareGrant
from services.ids import decode_pk
from tests.conftest import Service
from tests.schema.test_annotations import annotate
from tests.schema.test_user_nodes import sees
from tests.story import (
    Person,
    access_list,
    card,
    create_dataset,
    gql,
    people,
    set_public,
    share,
    update_grant,
)
from tests.web.test_files import file_of, get, put


def ahead(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def share_until(
    service: Service, sharer: Person, dataset_id: str, emails: list[str], **options: Any
) -> Any:
    """Share without emails (unless asked), with the end and flags given."""
    return await share(service, sharer, dataset_id, emails, **{"notify": False, **options})


async def entries(service: Service, viewer: Person, dataset_id: str) -> Any:
    return (await access_list(service, viewer, dataset_id))["entries"]


async def listed(service: Service, viewer: Person, scope: str) -> list[str]:
    body = await gql(
        service,
        "query($s: DatasetScope) { datasets(scope: $s) { edges { node { id } } } }",
        {"s": scope},
        token=viewer.token,
    )
    return [edge["node"]["id"] for edge in body["data"]["datasets"]["edges"]]


async def end_now(grant_id: str) -> None:
    """The grant's end moved to a moment ago, straight in the database."""
    moment = datetime.now(UTC) - timedelta(seconds=1)
    await ShareGrant.filter(id=decode_pk(grant_id, "ShareGrant")).update(expires_at=moment)


async def test_an_end_must_lie_ahead_within_a_year_and_nothing_is_shared_otherwise(
    service: Service,
) -> None:
    alice, _bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    for when in (ahead(seconds=-5), ahead(days=366)):
        refused = await share_until(
            service, alice, image, ["bob@lab.example"], expiresAt=when, notify=True
        )
        assert [(e["code"], e["field"]) for e in refused["errors"]] == [
            ("INVALID_INPUT", "expiresAt")
        ]
        assert refused["grants"] == []
    assert await ShareGrant.all().count() == 0
    assert await OutboxMessage.filter(kind="share_invitation").count() == 0

    # A time without a zone is not a DateTime at all.
    body = await service.client.post(
        "/graphql",
        json={
            "query": "mutation($i: ShareDatasetInput!) { shareDataset(input: $i) { __typename } }",
            "variables": {
                "i": {"datasetId": image, "emails": ["bob@lab.example"], "expiresAt": "2030-01-01"}
            },
        },
        headers=alice.headers,
    )
    assert "errors" in body.json()
    assert await ShareGrant.all().count() == 0


async def test_an_expired_grant_gives_nothing_and_stays_listed_until_extended(
    service: Service,
) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await put(service, alice, image, body=b"pixels")
    url = (await file_of(service, alice, image))["file"]["downloadUrl"]
    end = ahead(days=10)
    shared = await share_until(
        service, alice, image, ["bob@lab.example"], expiresAt=end, canShare=True, canModify=True
    )
    grant = shared["grants"][0]
    assert datetime.fromisoformat(grant["expiresAt"]) == datetime.fromisoformat(end)
    assert grant["expired"] is False
    assert (await card(service, bob, image))["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]

    await end_now(grant["id"])
    # Bob: no card, no listing, no download, no annotating, no sharing.
    assert await card(service, bob, image) is None
    for scope in ("MINE", "SHARED_WITH_ME", "ALL"):
        assert image not in await listed(service, bob, scope)
    assert (await get(service, bob, url)).status_code == 404
    assert [e["code"] for e in (await annotate(service, bob, image))["errors"]] == ["NOT_FOUND"]
    reshared = await share_until(service, bob, image, ["carol@lab.example"])
    assert [e["code"] for e in reshared["errors"]] == ["NOT_FOUND"]
    assert await card(service, carol, image) is None
    # Alice: the dataset is private again, the grant still listed as expired.
    assert (await card(service, alice, image))["badges"] == ["OWNER", "PRIVATE"]
    row = (await entries(service, alice, image))[1]
    assert (row["email"], row["expired"], row["pending"]) == ("bob@lab.example", True, False)
    assert row["expiresAt"] is not None

    # A later end restores it as it was.
    extended = await update_grant(service, alice, grant["id"], expiresAt=ahead(days=20))
    assert extended["errors"] == []
    assert extended["grant"]["expired"] is False
    assert (extended["grant"]["canShare"], extended["grant"]["canModify"]) == (True, True)
    assert (await entries(service, alice, image))[1]["expired"] is False
    bobs = await card(service, bob, image)
    assert bobs["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]
    assert bobs["viewerPermissions"]["canShare"] and bobs["viewerPermissions"]["canModify"]
    assert (await get(service, bob, url)).content == b"pixels"

    # So does clearing the end.
    await end_now(grant["id"])
    assert await card(service, bob, image) is None
    cleared = await update_grant(service, alice, grant["id"], clearExpiry=True)
    assert cleared["errors"] == []
    assert (cleared["grant"]["expiresAt"], cleared["grant"]["expired"]) == (None, False)
    assert (await card(service, bob, image)) is not None


async def test_access_ends_at_the_instant_without_any_job(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    grant = (
        await share_until(service, alice, msi, ["bob@lab.example"], expiresAt=ahead(seconds=2))
    )["grants"][0]
    assert (await card(service, bob, msi)) is not None

    async def gone() -> None:
        while True:
            if await card(service, bob, msi) is None:
                return
            await asyncio.sleep(0.05)

    await asyncio.wait_for(gone(), 15)
    assert await ShareGrant.filter(id=decode_pk(grant["id"], "ShareGrant")).exists()
    assert (await entries(service, alice, msi))[1]["expired"] is True


async def test_pending_invitations_keep_a_dataset_available_expired_grants_do_not(
    service: Service,
) -> None:
    alice, _bob = await people(service, "alice", "bob")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    shared = await share_until(service, alice, msi, ["bob@lab.example"], expiresAt=ahead(days=1))
    await end_now(shared["grants"][0]["id"])
    assert (await card(service, alice, msi))["badges"] == ["OWNER", "PRIVATE"]
    await share_until(service, alice, msi, ["newcomer@lab.example"])  # pending
    assert (await card(service, alice, msi))["badges"] == ["OWNER", "AVAILABLE"]
    # A pending invitation past its own end does not count either.
    pending = (await entries(service, alice, msi))[2]["grant"]["id"]
    await end_now(pending)
    assert (await card(service, alice, msi))["badges"] == ["OWNER", "PRIVATE"]
    rows = await entries(service, alice, msi)
    assert [(r["pending"], r["expired"]) for r in rows[1:]] == [(False, True), (True, True)]


async def test_on_a_public_dataset_an_expired_recipient_is_a_public_viewer(
    service: Service,
) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    shared = await share_until(
        service, alice, image, ["bob@lab.example"], expiresAt=ahead(days=1), canModify=True
    )
    await set_public(service, alice, image, True)
    await end_now(shared["grants"][0]["id"])
    seen = await card(service, bob, image)
    assert seen["badges"] == ["PUBLIC"]
    assert seen["viewerPermissions"]["canModify"] is False
    assert image not in await listed(service, bob, "SHARED_WITH_ME")
    assert image in await listed(service, bob, "PUBLIC")


async def test_no_escalation_in_time(service: Service) -> None:
    alice, bob, _carol, _dave = await people(service, "alice", "bob", "carol", "dave")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share_until(
        service, alice, image, ["bob@lab.example"], expiresAt=ahead(days=10), canShare=True
    )
    # Bob's own access ends in ten days: no grant of his may outlive it.
    for options in ({}, {"expiresAt": ahead(days=11)}):
        refused = await share_until(service, bob, image, ["carol@lab.example"], **options)
        assert [(e["code"], e["field"]) for e in refused["errors"]] == [("FORBIDDEN", "expiresAt")]
    assert await ShareGrant.filter(recipient_email="carol@lab.example").count() == 0
    given = await share_until(
        service, bob, image, ["carol@lab.example"], expiresAt=ahead(days=5), canShare=True
    )
    assert given["errors"] == []
    carols = given["grants"][0]["id"]

    for change in ({"clearExpiry": True}, {"expiresAt": ahead(days=11)}):
        refused = await update_grant(service, bob, carols, **change)
        assert [(e["code"], e["field"]) for e in refused["errors"]] == [("FORBIDDEN", "expiresAt")]
    assert (await update_grant(service, bob, carols, expiresAt=ahead(days=9)))["errors"] == []
    # A change that leaves the end alone is no escalation.
    assert (await update_grant(service, bob, carols, canShare=False))["errors"] == []

    # The owner gives any end, and so frees Bob to do the same.
    bobs = (await entries(service, alice, image))[1]["grant"]["id"]
    assert (await update_grant(service, alice, bobs, clearExpiry=True))["errors"] == []
    assert (await update_grant(service, bob, carols, clearExpiry=True))["errors"] == []
    dave = await share_until(service, bob, image, ["dave@lab.example"])
    assert dave["errors"] == []


async def test_bad_changes_change_nothing(service: Service) -> None:
    alice, _bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    end = ahead(days=3)
    grant = (await share_until(service, alice, image, ["bob@lab.example"], expiresAt=end))[
        "grants"
    ][0]
    for change, field in (
        ({"expiresAt": ahead(days=5), "clearExpiry": True}, "clearExpiry"),
        ({"expiresAt": ahead(seconds=-1), "canShare": True}, "expiresAt"),
        ({"expiresAt": ahead(days=400)}, "expiresAt"),
    ):
        refused = await update_grant(service, alice, grant["id"], **change)
        assert [(e["code"], e["field"]) for e in refused["errors"]] == [("INVALID_INPUT", field)]
    row = (await access_list(service, alice, image))["entries"][1]
    assert row["canShare"] is False
    stored = await ShareGrant.get(id=decode_pk(grant["id"], "ShareGrant"))
    assert stored.expires_at == datetime.fromisoformat(end)


async def test_sharing_again_sets_the_end_asked_for(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    first = await share_until(service, alice, msi, ["bob@lab.example"], expiresAt=ahead(days=1))
    await end_now(first["grants"][0]["id"])
    assert await card(service, bob, msi) is None
    again = await share_until(service, alice, msi, ["bob@lab.example"])
    assert again["grants"][0]["id"] == first["grants"][0]["id"]
    assert (again["grants"][0]["expiresAt"], again["grants"][0]["expired"]) == (None, False)
    assert await card(service, bob, msi) is not None


async def test_an_expired_grant_no_longer_introduces_its_people(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    to_bob = await share_until(
        service, alice, image, ["bob@lab.example"], expiresAt=ahead(days=1), canShare=True
    )
    await share_until(service, bob, image, ["carol@lab.example"], expiresAt=ahead(hours=1))
    assert await sees(service, bob, alice) and await sees(service, carol, bob)
    await end_now(to_bob["grants"][0]["id"])
    # Bob no longer sees the dataset, its owner or its access list; Carol, still a
    # recipient, still meets Bob, who granted her access.
    assert not await sees(service, bob, alice)
    assert not await sees(service, bob, carol)
    assert await sees(service, carol, bob)
