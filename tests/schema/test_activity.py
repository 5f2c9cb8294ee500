"""A dataset's activity (SPEC section 16), over HTTP: every kind recorded with the change it
records and never without it, downloads and link uses coalesced, the owner alone reading,
newest first, page by page."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from models import Activity, ActivityKind
from services import activity as activity_service
from services.ids import decode_pk
from tests.conftest import Service, ServiceFactory
from tests.schema.test_annotations import annotate, edit, remove
from tests.schema.test_grant_expiry import end_now
from tests.story import (
    Person,
    activity,
    activity_kinds,
    by_link,
    create_dataset,
    create_link,
    create_team,
    gql,
    link_token,
    people,
    revoke,
    revoke_link,
    set_public,
    share,
    share_with_teams,
    update_grant,
)
from tests.web.test_files import BYTES, get, put
from tests.web.test_tus import tus_upload

RENAME = """mutation($i: UpdateDatasetInput!) {
  updateDataset(input: $i) { errors { code field } } }"""
DELETE_FILE = """mutation($i: DeleteDatasetFileInput!) {
  deleteDatasetFile(input: $i) { errors { code field } } }"""
FILES = "query($id: ID!) { dataset(id: $id) { files { filename downloadUrl } } }"


def ahead(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def rename(service: Service, viewer: Person, dataset_id: str, name: str) -> Any:
    body = await gql(service, RENAME, {"i": {"id": dataset_id, "name": name}}, token=viewer.token)
    return body["data"]["updateDataset"]


async def download_urls(service: Service, viewer: Person, dataset_id: str) -> dict[str, str]:
    body = await gql(service, FILES, {"id": dataset_id}, token=viewer.token)
    return {f["filename"]: f["downloadUrl"] for f in body["data"]["dataset"]["files"]}


def nodes(page: Any) -> list[Any]:
    return [edge["node"] for edge in page["edges"]]


async def entries_of(service: Service, owner: Person, dataset_id: str, kind: str) -> list[Any]:
    page = await activity(service, owner, dataset_id, first=100)
    return [node for node in nodes(page) if node["kind"] == kind]


async def test_every_change_is_recorded_newest_first_with_who_and_what(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    assert (await rename(service, alice, image, "Kidney section"))["errors"] == []
    assert (await put(service, alice, image)).status_code == 201
    await tus_upload(service, alice, image, b"liver", "liver.tiff")
    deleted = await gql(
        service,
        DELETE_FILE,
        {"i": {"datasetId": image, "filename": "liver.tiff"}},
        token=alice.token,
    )
    assert deleted["data"]["deleteDatasetFile"]["errors"] == []
    shared = await share(
        service, alice, image, ["bob@lab.example"], canShare=True, canModify=True, notify=False
    )
    assert shared["errors"] == []
    bob_grant = shared["grants"][0]["id"]
    assert (await update_grant(service, alice, bob_grant, canShare=False))["errors"] == []
    assert (await set_public(service, alice, image, True))["errors"] == []
    assert (await set_public(service, alice, image, False))["errors"] == []
    link = await create_link(service, alice, image, label="Reviewer 2")
    assert (await revoke_link(service, alice, link["shareLink"]["id"]))["errors"] == []
    drawn = await annotate(service, bob, image)
    assert drawn["errors"] == []
    assert (await edit(service, bob, drawn["annotation"]["id"], label="tubule"))["errors"] == []
    assert (await remove(service, alice, drawn["annotation"]["id"]))["errors"] == []
    carol_grant = (await share(service, alice, image, ["carol@lab.example"], notify=False))[
        "grants"
    ][0]["id"]
    assert (await revoke(service, alice, carol_grant))["errors"] == []
    assert (await revoke(service, bob, bob_grant))["errors"] == []

    page = await activity(service, alice, image, first=100)

    found = nodes(page)
    assert [node["kind"] for node in found] == [
        "LEFT",
        "REVOKED",
        "SHARED",
        "ANNOTATED",
        "ANNOTATED",
        "ANNOTATED",
        "LINK_REVOKED",
        "LINK_CREATED",
        "MADE_PRIVATE",
        "MADE_PUBLIC",
        "GRANT_CHANGED",
        "SHARED",
        "FILE_DELETED",
        "UPLOADED",
        "UPLOADED",
        "RENAMED",
        "CREATED",
    ]
    assert page["pageInfo"]["hasNextPage"] is False
    moments = [datetime.fromisoformat(node["at"]) for node in found]
    assert moments == sorted(moments, reverse=True)
    by_kind: dict[str, list[Any]] = {}
    for node in found:
        by_kind.setdefault(node["kind"], []).append(node)
    alice_seen = {"id": alice.id, "displayName": "alice"}
    bob_seen = {"id": bob.id, "displayName": "bob"}
    assert by_kind["CREATED"][0]["actor"] == alice_seen
    assert by_kind["CREATED"][0]["details"] == {"name": "Kidney", "kind": "IMAGE"}
    assert by_kind["RENAMED"][0]["details"] == {"oldName": "Kidney", "newName": "Kidney section"}
    assert [n["details"]["filename"] for n in by_kind["UPLOADED"]] == ["liver.tiff", "kidney.tiff"]
    assert by_kind["UPLOADED"][1]["details"]["bytes"] == len(BYTES)
    assert by_kind["FILE_DELETED"][0]["details"] == {"filename": "liver.tiff", "bytes": 5}
    first_share = by_kind["SHARED"][1]
    assert (first_share["actor"], first_share["subjectEmail"]) == (alice_seen, "bob@lab.example")
    assert first_share["details"]["canShare"] is True
    assert first_share["details"]["canModify"] is True
    changed = by_kind["GRANT_CHANGED"][0]
    assert changed["subjectEmail"] == "bob@lab.example"
    assert changed["details"]["changed"] == ["canShare"]
    assert changed["details"]["canShare"] is False
    assert by_kind["LINK_CREATED"][0]["details"]["link"] == "Reviewer 2"
    assert [n["details"]["action"] for n in by_kind["ANNOTATED"]] == ["removed", "changed", "added"]
    assert [n["actor"] for n in by_kind["ANNOTATED"]] == [alice_seen, bob_seen, bob_seen]
    assert by_kind["REVOKED"][0]["subjectEmail"] == "carol@lab.example"
    # Bob left: the owner still meets him through the activity.
    assert (by_kind["LEFT"][0]["actor"], by_kind["LEFT"][0]["subjectEmail"]) == (
        bob_seen,
        "bob@lab.example",
    )
    user = await gql(
        service,
        "query($id: ID!) { node(id: $id) { ... on User { displayName } } }",
        {"id": bob.id},
        token=alice.token,
    )
    assert user["data"]["node"] == {"displayName": "bob"}
    # No one else meets him through it.
    stranger = await gql(
        service,
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": bob.id},
        token=carol.token,
    )
    assert stranger["data"]["node"] is None


async def test_shares_with_teams_and_cascades_name_what_they_concern(service: Service) -> None:
    alice, bob, _carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    team = await create_team(service, alice, "Histology", "bob@lab.example")
    assert (await share_with_teams(service, alice, image, [team], notify=False))["errors"] == []
    made = await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    assert (await share(service, bob, image, ["carol@lab.example"], notify=False))["errors"] == []
    # Sharing again with someone who has a grant changes it.
    again = await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    assert again["errors"] == []

    assert (await revoke(service, alice, made["grants"][0]["id"], cascade=True))["errors"] == []

    found = await activity(service, alice, image)
    kinds = [(n["kind"], n["subjectEmail"], n["details"].get("team")) for n in nodes(found)]
    assert kinds[:5] == [
        ("REVOKED", "bob@lab.example", None),
        ("REVOKED", "carol@lab.example", None),
        ("GRANT_CHANGED", "bob@lab.example", None),
        ("SHARED", "carol@lab.example", None),
        ("SHARED", "bob@lab.example", None),
    ]
    assert kinds[5] == ("SHARED", None, "Histology")
    assert nodes(found)[1]["details"]["cascade"] is True
    assert nodes(found)[3]["actor"]["displayName"] == "bob"


async def test_a_change_that_fails_records_nothing(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    granted = await share(service, alice, msi, ["bob@lab.example"], notify=False)
    before = await activity_kinds(service, alice, msi)
    assert before == ["SHARED", "CREATED"]

    refusals = [
        await share(service, alice, msi, ["bob@lab.example", "not an address"], notify=False),
        # canModify on an MSI run: refused after the dataset is locked, inside the transaction.
        await share(service, alice, msi, ["carol@lab.example"], canModify=True, notify=False),
        await share(service, bob, msi, ["carol@lab.example"], notify=False),
        await share(service, alice, msi, ["alice@lab.example"], notify=False),
        await rename(service, alice, msi, " "),
        await rename(service, bob, msi, "Mine now"),
        await set_public(service, bob, msi, True),
        await update_grant(service, alice, granted["grants"][0]["id"], expiresAt=ahead(days=-1)),
        await update_grant(service, bob, granted["grants"][0]["id"], canShare=True),
        await create_link(service, bob, msi),
        await create_link(service, alice, msi, expiresAt=ahead(days=400)),
    ]
    assert all(refused["errors"] for refused in refusals)
    assert (await put(service, bob, msi)).status_code in (403, 404)
    # Making public what is public, or renaming to the same name, changes nothing.
    assert (await set_public(service, alice, msi, False))["errors"] == []
    assert (await rename(service, alice, msi, "Run 7"))["errors"] == []

    assert await activity_kinds(service, alice, msi) == before


async def test_an_entry_written_in_a_transaction_that_rolls_back_is_gone(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    pk = decode_pk(image, "Dataset")
    assert pk is not None

    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            entry = activity_service.Entry(ActivityKind.MADE_PUBLIC)
            await activity_service.record(conn, pk, entry)
            await activity_service.record_once(conn, pk, entry, "some-key")
            raise RuntimeError("the change failed after recording")

    assert await activity_kinds(service, alice, image) == ["CREATED"]


async def test_downloads_are_recorded_once_per_person_or_link_file_and_hour(
    service: Service,
) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    assert (await put(service, alice, image)).status_code == 201
    await tus_upload(service, alice, image, b"liver bytes", "liver.tiff")
    await share(service, alice, image, ["bob@lab.example"], notify=False)
    urls = await download_urls(service, alice, image)

    # Alice fetches kidney.tiff whole and by ranges, and asks for its headers.
    for headers in ({}, {"Range": "bytes=0-9"}, {"Range": "bytes=10-"}, {"Range": "bytes=-5"}):
        assert (await get(service, alice, urls["kidney.tiff"], **headers)).status_code in (200, 206)
    assert (await get(service, alice, urls["kidney.tiff"], "HEAD")).status_code == 200
    assert (await get(service, alice, urls["liver.tiff"])).status_code == 200
    assert (await get(service, bob, urls["kidney.tiff"], Range="bytes=0-1")).status_code == 206
    assert (await get(service, bob, urls["kidney.tiff"])).status_code == 200
    # Two reviewer links, two requests each.
    for label in ("Reviewer 1", "Reviewer 2"):
        token = link_token((await create_link(service, alice, image, label=label))["url"])
        seen = await by_link(service, token, "files { filename downloadUrl }")
        url = {f["filename"]: f["downloadUrl"] for f in seen["files"]}["kidney.tiff"]
        assert (await get(service, None, url, Range="bytes=0-3")).status_code == 206
        assert (await get(service, None, url)).status_code == 200

    downloads = await entries_of(service, alice, image, "DOWNLOADED")

    seen_as = sorted(
        (
            n["actor"]["displayName"] if n["actor"] else "link",
            n["details"]["filename"],
            n["details"]["bytes"],
            n["details"]["throughLink"],
        )
        for n in downloads
    )
    assert seen_as == [
        ("alice", "kidney.tiff", len(BYTES), False),
        ("alice", "liver.tiff", 11, False),
        ("bob", "kidney.tiff", len(BYTES), False),
        ("link", "kidney.tiff", len(BYTES), True),
        ("link", "kidney.tiff", len(BYTES), True),
    ]
    stored = await Activity.filter(kind=ActivityKind.DOWNLOADED, link_id__not_isnull=True)
    assert len({row.link_id for row in stored}) == 2


async def test_a_download_in_a_later_hour_is_recorded_again(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    assert (await put(service, alice, image)).status_code == 201
    url = (await download_urls(service, alice, image))["kidney.tiff"]
    assert (await get(service, alice, url)).status_code == 200
    # The entry of an hour ago, as it would have been written then.
    row = await Activity.get(kind=ActivityKind.DOWNLOADED)
    assert row.once_key is not None
    hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H")
    prefix, _hour, name = row.once_key.rsplit(":", 2)
    await Activity.filter(id=row.id).update(once_key=f"{prefix}:{hour_ago}:{name}")

    assert (await get(service, alice, url, Range="bytes=0-0")).status_code == 206
    assert (await get(service, alice, url)).status_code == 200

    assert len(await entries_of(service, alice, image, "DOWNLOADED")) == 2


async def test_link_uses_are_recorded_once_an_hour_without_the_viewer(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    first = link_token((await create_link(service, alice, image, label="Reviewer 1"))["url"])
    second = link_token((await create_link(service, alice, image, label="Reviewer 2"))["url"])

    for token, viewer in ((first, None), (first, bob), (first, None), (second, bob)):
        assert (await by_link(service, token, "id", viewer=viewer))["id"] == image

    used = await entries_of(service, alice, image, "LINK_USED")
    assert sorted(n["details"]["link"] for n in used) == ["Reviewer 1", "Reviewer 2"]
    assert all(n["actor"] is None and n["subjectEmail"] is None for n in used)


async def test_only_the_owner_reads_the_activity(service: Service) -> None:
    alice, bob, carol, dave = await people(service, "alice", "bob", "carol", "dave")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    team = await create_team(service, alice, "Histology", "carol@lab.example")
    await share_with_teams(service, alice, image, [team], notify=False)
    await set_public(service, alice, image, True)
    token = link_token((await create_link(service, alice, image))["url"])

    assert (await activity(service, alice, image))["edges"]
    for reader in (bob, carol, dave, None):
        assert await activity(service, reader, image) is None
    through_link = await by_link(service, token, "activity { edges { cursor } }", viewer=alice)
    assert through_link["activity"] is None

    entry = (await activity(service, alice, image))["edges"][0]["node"]["id"]
    query = "query($id: ID!) { node(id: $id) { id ... on Activity { kind } } }"
    owner_reads = await gql(service, query, {"id": entry}, token=alice.token)
    assert owner_reads["data"]["node"] == {"id": entry, "kind": "LINK_USED"}
    for reader in (bob, carol, dave, None):
        token_of = reader.token if reader else None
        assert (await gql(service, query, {"id": entry}, token=token_of))["data"]["node"] is None


async def test_pages_newest_first_follow_their_cursors(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Name 0", "IMAGE")
    for n in range(1, 6):
        assert (await rename(service, alice, image, f"Name {n}"))["errors"] == []
    everything = await activity_kinds(service, alice, image)
    assert len(everything) == 6

    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = await activity(service, alice, image, first=2, after=after)
        seen += [n["details"].get("newName", "created") for n in nodes(page)]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert pages == 3
    assert seen == ["Name 5", "Name 4", "Name 3", "Name 2", "Name 1", "created"]
    refused = await service.client.post(
        "/graphql",
        json={
            "query": "query($id: ID!) { dataset(id: $id) { activity(after: $a) { pageInfo "
            "{ hasNextPage } } } }".replace("$a", '"bm90IGEgY3Vyc29y"'),
            "variables": {"id": image},
        },
        headers=alice.headers,
    )
    body = refused.json()
    assert body["errors"][0]["extensions"]["field"] == "after"


async def test_each_end_of_a_grant_is_recorded_once(service: Service) -> None:
    alice, _bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    made = await share(service, alice, image, ["bob@lab.example"], expiresAt=ahead(days=2))
    grant = made["grants"][0]["id"]
    assert await activity_service.record_all_expiries() == 0
    await end_now(grant)

    # Two workers' rounds, one after the other: the end is recorded once.
    assert await activity_service.record_all_expiries() == 1
    assert await activity_service.record_all_expiries() == 0
    expired = await entries_of(service, alice, image, "EXPIRED")
    assert [(n["subjectEmail"], n["actor"]) for n in expired] == [("bob@lab.example", None)]

    # Extended, then ended again: a new end, recorded once more.
    assert (await update_grant(service, alice, grant, expiresAt=ahead(days=3)))["errors"] == []
    await end_now(grant)
    assert await activity_service.record_all_expiries() == 1
    assert len(await entries_of(service, alice, image, "EXPIRED")) == 2


async def test_the_worker_records_ends_on_its_own_teams_included(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(REMINDER_CHECK_SECONDS="0.2")
    alice, _bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    team = await create_team(service, alice, "Histology", "bob@lab.example")
    made = await share_with_teams(service, alice, image, [team], expiresAt=ahead(days=2))
    await end_now(made["grants"][0]["id"])

    deadline = asyncio.get_running_loop().time() + 30
    while not (expired := await entries_of(service, alice, image, "EXPIRED")):
        assert asyncio.get_running_loop().time() < deadline, "the end was never recorded"
        await asyncio.sleep(0.1)

    assert [(n["subjectEmail"], n["details"]["team"]) for n in expired] == [(None, "Histology")]


async def test_two_processes_fetching_ranges_at_once_record_one_download(
    start_service: ServiceFactory,
) -> None:
    """Two serve processes on one database (two apps here), many range requests at once:
    the database's unique key leaves one entry."""
    first, second = await start_service(), await start_service()
    alice, bob = await people(first, "alice", "bob")
    image = await create_dataset(first, alice, "Kidney", "IMAGE")
    assert (await put(first, alice, image)).status_code == 201
    await share(first, alice, image, ["bob@lab.example"], notify=False)
    path = "/files/datasets/" + image
    for service in (first, second):
        service.client.cookies.clear()  # who asks is the bearer token alone

    async def fetch(service: Service, person: Person, start: int) -> int:
        answer = await service.client.get(
            path, headers={**person.headers, "Range": f"bytes={start}-{start + 9}"}
        )
        return answer.status_code

    statuses = await asyncio.gather(
        *(
            fetch(service, person, n)
            for n in range(8)
            for service in (first, second)
            for person in (alice, bob)
        )
    )

    assert set(statuses) == {206}
    downloads = await entries_of(first, alice, image, "DOWNLOADED")
    assert sorted(n["actor"]["displayName"] for n in downloads) == ["alice", "bob"]
