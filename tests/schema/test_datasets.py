"""Datasets over HTTP: creating, listing as cards, paging, renaming, deleting."""

from __future__ import annotations

from typing import Any

from models import Dataset, User
from services.ids import decode_pk
from tests.conftest import Service
from tests.sql_counter import count_statements
from tests.story import (
    CARD,
    Person,
    card,
    create_dataset,
    gql,
    set_public,
    share,
    signed_up,
)

CREATE = """mutation($i: CreateDatasetInput!) { createDataset(input: $i) {
  uploadUrl dataset { id name description kind annotatable uploadStatus file { filename }
    owner { displayName } createdAt updatedAt badges visibility isPublic }
  errors { code field message } } }"""
UPDATE = """mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) {
  dataset { name description } errors { code field } } }"""
DELETE = """mutation($i: DeleteDatasetInput!) { deleteDataset(input: $i) {
  deletedId errors { code field } } }"""
LIST = f"""query($scope: DatasetScope, $kind: DatasetKind, $search: String, $first: Int,
           $after: String) {{
  datasets(scope: $scope, kind: $kind, search: $search, first: $first, after: $after) {{
    edges {{ cursor node {{ {CARD} owner {{ id displayName email }} updatedAt uploadStatus }} }}
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}"""


async def create(service: Service, person: Person | None, **fields: Any) -> Any:
    body = await gql(service, CREATE, {"i": fields}, token=person.token if person else None)
    return body["data"]["createDataset"]


async def listing(service: Service, person: Person | None, **arguments: Any) -> Any:
    body = await gql(service, LIST, arguments, token=person.token if person else None)
    return body["data"]["datasets"]


def names(page: Any) -> list[str]:
    return [edge["node"]["name"] for edge in page["edges"]]


async def test_a_new_dataset_is_private_to_its_owner(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example", display_name="Alice")
    made = await create(service, alice, name="  Run 7  ", description="DHB matrix", kind="MSI")
    assert made["errors"] == []
    dataset = made["dataset"]
    assert dataset["name"] == "Run 7" and dataset["description"] == "DHB matrix"
    assert dataset["kind"] == "MSI" and dataset["annotatable"] is False
    assert dataset["uploadStatus"] == "PENDING" and dataset["file"] is None
    assert dataset["owner"] == {"displayName": "Alice"}
    assert dataset["badges"] == ["OWNER", "PRIVATE"] and dataset["visibility"] == "PRIVATE"
    assert dataset["isPublic"] is False
    assert dataset["createdAt"].endswith("+00:00")
    assert made["uploadUrl"] == f"{service.base_url}/uploads/datasets/{dataset['id']}"

    image = (await create(service, alice, name="Kidney", kind="IMAGE"))["dataset"]
    assert image["annotatable"] is True and image["description"] == ""

    dave = await signed_up(service, "dave@lab.example")
    assert await card(service, dave, dataset["id"]) is None
    assert await card(service, None, dataset["id"]) is None
    node = await gql(
        service, "query($id: ID!) { node(id: $id) { id } }", {"id": image["id"]}, token=dave.token
    )
    assert node["data"]["node"] is None


async def test_bad_input_creates_nothing(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    refused = await create(service, alice, name="   ", description="d" * 10_001, kind="IMAGE")
    assert sorted((e["code"], e["field"]) for e in refused["errors"]) == [
        ("INVALID_INPUT", "description"),
        ("INVALID_INPUT", "name"),
    ]
    assert (await create(service, alice, name="n" * 201, kind="MSI"))["errors"][0][
        "field"
    ] == "name"
    anonymous = await create(service, None, name="Run", kind="MSI")
    assert [e["code"] for e in anonymous["errors"]] == ["UNAUTHENTICATED"]
    assert await Dataset.all().count() == 0


async def test_cards_page_newest_first_with_stable_cursors(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    for index in range(7):
        await create_dataset(service, alice, f"run {index}", "MSI")
    first = await listing(service, alice, first=3)
    assert names(first) == ["run 6", "run 5", "run 4"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False

    # A dataset created while paging does not shift the pages that follow.
    await create_dataset(service, alice, "run 7", "MSI")
    second = await listing(service, alice, first=3, after=first["pageInfo"]["endCursor"])
    assert names(second) == ["run 3", "run 2", "run 1"]
    assert second["pageInfo"]["hasPreviousPage"] is True
    last = await listing(service, alice, first=3, after=second["pageInfo"]["endCursor"])
    assert names(last) == ["run 0"] and last["pageInfo"]["hasNextPage"] is False
    assert names(await listing(service, alice, first=1)) == ["run 7"]
    assert (await listing(service, alice, first=0))["edges"] == []


async def test_first_and_after_are_checked(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    for first in (101, -1):
        response = await service.client.post(
            "/graphql",
            json={"query": LIST, "variables": {"first": first}},
            headers=alice.headers,
        )
        assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    response = await service.client.post(
        "/graphql", json={"query": LIST, "variables": {"after": "garbage"}}, headers=alice.headers
    )
    assert response.json()["errors"][0]["extensions"]["field"] == "after"


async def test_search_and_kind_filter(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    await create_dataset(service, alice, "Mouse Brain 100%", "MSI")
    await create_dataset(service, alice, "mouse kidney", "IMAGE")
    await create_dataset(service, alice, "Rat liver", "MSI")
    assert names(await listing(service, alice, search="MOUSE")) == [
        "mouse kidney",
        "Mouse Brain 100%",
    ]
    assert names(await listing(service, alice, search="100%")) == ["Mouse Brain 100%"]
    assert names(await listing(service, alice, search="_")) == []  # no wildcard
    assert names(await listing(service, alice, kind="MSI")) == ["Rat liver", "Mouse Brain 100%"]
    assert names(await listing(service, alice, kind="IMAGE", search="mouse")) == ["mouse kidney"]


async def test_renaming_and_deleting_are_for_the_owner(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(
        service, alice, image, ["bob@lab.example"], canShare=True, canModify=True, notify=False
    )

    async def update(person: Person, **fields: Any) -> Any:
        body = await gql(service, UPDATE, {"i": {"id": image, **fields}}, token=person.token)
        return body["data"]["updateDataset"]

    async def delete(person: Person) -> Any:
        body = await gql(service, DELETE, {"i": {"id": image}}, token=person.token)
        return body["data"]["deleteDataset"]

    assert [e["code"] for e in (await update(bob, name="Mine"))["errors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in (await update(dave, name="Mine"))["errors"]] == ["NOT_FOUND"]
    assert [e["field"] for e in (await update(alice, name=""))["errors"]] == ["name"]
    renamed = await update(alice, name="Kidney, left", description="H&E")
    assert renamed == {"dataset": {"name": "Kidney, left", "description": "H&E"}, "errors": []}
    assert (await update(alice, description="only this"))["dataset"]["name"] == "Kidney, left"

    assert [e["code"] for e in (await delete(bob))["errors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in (await delete(dave))["errors"]] == ["NOT_FOUND"]
    assert (await delete(alice)) == {"deletedId": image, "errors": []}
    assert await card(service, alice, image) is None
    assert [e["code"] for e in (await delete(alice))["errors"]] == ["NOT_FOUND"]


async def test_only_the_owner_is_told_where_to_upload(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    made = await create(service, alice, name="Kidney run", kind="MSI")
    run = made["dataset"]["id"]
    await share(service, alice, run, ["bob@lab.example"], canShare=True, notify=False)
    await set_public(service, alice, run, True)
    query = "query($id: ID!) { dataset(id: $id) { uploadUrl } }"

    async def upload_url(person: Person | None) -> Any:
        token = person.token if person else None
        body = await gql(service, query, {"id": run}, token=token)
        return body["data"]["dataset"]["uploadUrl"]

    # The owner's is createDataset's; a recipient who may share, and the public, get none.
    assert await upload_url(alice) == made["uploadUrl"]
    assert await upload_url(bob) is None
    assert await upload_url(None) is None


async def test_a_page_of_cards_costs_the_same_for_5_and_100(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    owner = await User.get(email="alice@lab.example")
    others = [
        User(email=f"o{i}@lab.example", display_name=f"o{i}", password_hash="x") for i in range(20)
    ]
    await User.bulk_create(others)
    owners = [owner.id, *await User.filter(email__startswith="o").values_list("id", flat=True)]
    await Dataset.bulk_create(
        [
            Dataset(owner_id=owners[i % len(owners)], name=f"d{i}", kind="IMAGE", is_public=True)
            for i in range(120)
        ]
    )
    await share(
        service,
        alice,
        await create_dataset(service, alice, "shared", "IMAGE"),
        ["x@lab.example"],
        notify=False,
    )

    async def statements(first: int) -> int:
        with count_statements() as seen:
            page = await listing(service, alice, scope="ALL", first=first)
        assert len(page["edges"]) == first
        return len(seen)

    assert await statements(5) == await statements(100)


async def test_scopes_for_anonymous_viewers(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    public = await create_dataset(service, alice, "open", "MSI")
    await create_dataset(service, alice, "closed", "MSI")
    await Dataset.filter(id=decode_pk(public, "Dataset")).update(is_public=True)
    for scope, expected in (
        ("MINE", []),
        ("OWNED", []),
        ("SHARED_WITH_ME", []),
        ("PUBLIC", ["open"]),
        ("ALL", ["open"]),
    ):
        page = await listing(service, None, scope=scope)
        assert names(page) == expected, scope
        for edge in page["edges"]:
            assert edge["node"]["badges"] == ["PUBLIC"]
            assert edge["node"]["owner"]["email"] is None
